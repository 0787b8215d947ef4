#pragma once

#include "gatewayseries.h"

#include <api/backupgateway.h>

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QVector>

#include <functional>

namespace dbs {

// The two text formats Prometheus scrapes: its own (0.0.4) and OpenMetrics 1.0.0.
enum class MetricsFormat { Prometheus, OpenMetrics };

// Which gateways get series of their own: every one, only those that are not ONLINE or are
// stale (what alerts need, cheap for a large fleet), or none (counts only).
enum class GatewayMetrics { All, Problems, None };

QByteArray metricsContentType(MetricsFormat format);
// The format an Accept header prefers (Prometheus asks for OpenMetrics first); its own format
// when the header names neither, or is empty.
MetricsFormat negotiateMetricsFormat(const QByteArray &accept);
// Whether an Accept-Encoding header accepts gzip (named, or "*", with a q above 0).
bool acceptsGzip(const QByteArray &acceptEncoding);

// One listing, a region of an account, as the exporter last saw it.
struct ListingState
{
    QString account;
    QString region;
    bool up = false;     // the last listing succeeded
    bool listed = false; // one ever did: `gateways` is the last complete inventory
    double durationSeconds = 0;
    qint64 lastSuccessMs = 0;
    GatewaySeriesList gateways; // each gateway once, as the listing gives them
};

// What a scrape shows: the last complete inventory of every listing, and the exporter's own
// counts.
struct ExporterMetrics
{
    QVector<ListingState> listings;
    QMap<QString, quint64> apiRequests; // result ("200", or the error code) -> calls
    quint64 refreshes = 0;
    double lastRefreshSeconds = 0;
    QString version;
};

// Writes `metrics` as `format`, in pieces to `sink`, so that a scrape of a large fleet is never
// held whole. Staleness is judged at `nowMs` (the service's clock). Every text from the service
// is a label value escaped for the format, its control and bidirectional characters shown as
// escapes (visibleText).
void writeMetrics(const ExporterMetrics &metrics, MetricsFormat format,
                  GatewayMetrics gatewayMetrics, qint64 nowMs, qint64 staleAfterMs,
                  const std::function<void(const QByteArray &)> &sink);

} // namespace dbs
