#pragma once

#include "metricsexposition.h"

#include <api/dbsclient.h>
#include <api/pagepipeline.h>
#include <auth/signinspec.h>
#include <fleet/regionsweep.h>
#include <fleet/staleness.h>
#include <signin/signin.h>

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <memory>
#include <optional>

class QIODevice;
class QTimer;

namespace dbs {

class MetricsServer;

struct ExporterOptions
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;
    QStringList regions;
    PageQuery query;                               // page size; the region is each of `regions`
    int pageConcurrency = defaultFetchConcurrency; // pages in flight per listing
    ClientOptions client;
    SignInOptions signIn;
    qint64 intervalMs = 60 * 1000;
    qint64 staleAfterMs = defaultStaleThresholdMs;
    GatewayMetrics gatewayMetrics = GatewayMetrics::Problems;
    bool verbose = false;
};

// An account the exporter lists: its name (the `account` label) and how it signs in; without
// `signIn`, `error` says why it cannot, and its regions are shown failed.
struct ExporterAccount
{
    QString name;
    std::optional<SignInSpec> signIn;
    QString error;
};

// `dbs-gateways exporter`: lists every region of every account on its own interval (never per
// scrape) and serves the last complete inventory as Prometheus metrics (MetricsServer). A
// listing that fails keeps its last inventory, is shown with dbs_region_up 0 and is said once on
// standard error, and again when it recovers.
class ExporterCommand final : public QObject
{
    Q_OBJECT
public:
    // `err` is owned by the caller and outlives the command.
    ExporterCommand(const ExporterOptions &options, const QVector<ExporterAccount> &accounts,
                    QIODevice *err, QObject *parent = nullptr);
    ~ExporterCommand() override;

    // Listens, then refreshes at once and every interval. False, with the reason on standard
    // error, when it cannot listen.
    bool start();
    void stop(); // done(0) once the server has stopped
    quint16 port() const;

Q_SIGNALS:
    void refreshed(); // a refresh ended and scrapes show it
    void done(int exitCode);

private:
    void refresh();
    void onPartChanged(const QString &key);
    void onRefreshed();
    void onServed();
    void countRequest(const RequestLog &entry);

    ExporterOptions m_options;
    QIODevice *m_stderr; // not owned
    std::unique_ptr<MetricsServer> m_server;
    QVector<SweepAccount> m_accounts; // their clients are children
    QTimer *m_next;                   // child
    QPointer<RegionSweep> m_sweep;    // child while a refresh runs
    QElapsedTimer m_refreshClock;
    QHash<QString, ListingState> m_listings; // sweepKey -> what scrapes show
    // sweepKey -> the listing under way
    QHash<QString, std::shared_ptr<GatewaySeriesBuilder>> m_staging;
    QMap<QString, quint64> m_apiRequests;
    quint64 m_refreshes = 0;
    QSet<QString> m_failing; // parts whose last listing failed: said once
    bool m_stopped = false;
};

} // namespace dbs
