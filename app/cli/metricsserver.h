#pragma once

#include "metricsexposition.h"

#include <QString>

#include <functional>
#include <memory>

namespace dbs {

// The exporter's HTTP server: /metrics (either text format, gzip when accepted), / (a page of
// links) and /healthz, on its own threads (cpp-httplib). Each published inventory is rendered
// once, gzip'd, on a thread of its own, in each format a scraper has asked for (the first scrape
// of a format renders it itself); scrapes send the last one rendered. A scraper that takes no
// gzip gets the last published, rendered as it is sent. Staleness is judged when an inventory
// is rendered. Publishing, from any thread, never waits for a scrape.
class MetricsServer
{
public:
    struct Options
    {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 0; // 0: any free port
        GatewayMetrics gatewayMetrics = GatewayMetrics::Problems;
        qint64 staleAfterMs = 0;
    };

    explicit MetricsServer(const Options &options);
    ~MetricsServer();
    MetricsServer(const MetricsServer &) = delete;
    MetricsServer &operator=(const MetricsServer &) = delete;

    // Binds and serves; false with `error` set when it cannot (a port in use among them).
    bool start(QString *error);
    void stop();
    quint16 port() const;

    // What scrapes show once it is rendered; `clockOffsetMs` is how far the service's clock is
    // ahead of this machine's (staleness is judged by the service's). `served`, when given, is
    // called on the render thread once its render is done and scrapes show it (a render that
    // failed, zlib's, leaves the one before in place); a newer publish before the render
    // begins replaces it.
    void publish(std::shared_ptr<const ExporterMetrics> metrics, qint64 clockOffsetMs,
                 std::function<void()> served = {});

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace dbs

namespace dbs {

// --listen's HOST:PORT ([ADDRESS]:PORT for IPv6), or a PORT alone for loopback. False, with
// `error` set, for anything else (a port outside 1-65535 among it).
bool parseListenAddress(const QString &text, QString *host, quint16 *port, QString *error);

} // namespace dbs
