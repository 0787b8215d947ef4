#include "exportercommand.h"

#include "metricsserver.h"
#include "requestlogline.h"

#include <export/textformat.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QFileDevice>
#include <QTimer>
#include <QUrl>

#include <climits>

namespace dbs {
namespace {
// A hostile or broken service could send endless error codes: the counter keeps this many
// results apart and counts the rest as "other".
constexpr int maxResultCodes = 64;
} // namespace

ExporterCommand::ExporterCommand(const ExporterOptions &options,
                                 const QVector<ExporterAccount> &accounts, QIODevice *err,
                                 QObject *parent)
    : QObject(parent), m_options(options), m_stderr(err), m_next(new QTimer(this))
{
    MetricsServer::Options serverOptions;
    serverOptions.host = options.host;
    serverOptions.port = options.port;
    serverOptions.gatewayMetrics = options.gatewayMetrics;
    serverOptions.staleAfterMs = options.staleAfterMs;
    m_server = std::make_unique<MetricsServer>(serverOptions);
    for (const ExporterAccount &account : accounts) {
        SweepAccount sweepAccount;
        sweepAccount.name = account.name;
        if (!account.signIn) {
            sweepAccount.error.kind = ApiError::Kind::Config;
            sweepAccount.error.message = account.error;
            m_accounts.append(sweepAccount);
            continue;
        }
        auto *client = new DbsClient(this);
        setUpCommandClient(client, *account.signIn, options.client, options.signIn, m_stderr,
                           options.verbose);
        connect(client, &DbsClient::requestLogged, this, &ExporterCommand::countRequest);
        sweepAccount.client = client;
        m_accounts.append(sweepAccount);
    }
    m_next->setSingleShot(true);
    connect(m_next, &QTimer::timeout, this, &ExporterCommand::refresh);
}

ExporterCommand::~ExporterCommand()
{
    delete m_sweep; // cancels its calls while the clients are still there
    m_server->stop();
}

bool ExporterCommand::start()
{
    QString error;
    if (!m_server->start(&error)) {
        m_stderr->write(tr("dbs-gateways: %1\n").arg(error).toUtf8());
        return false;
    }
    QUrl url; // brackets an IPv6 address
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_options.host);
    url.setPort(m_server->port());
    url.setPath(QStringLiteral("/metrics"));
    m_stderr->write(tr("dbs-gateways: serving metrics on %1 (%2, %3, every %4 s)\n")
                        .arg(url.toString(), tr("%n account(s)", nullptr, int(m_accounts.size())),
                             tr("%n region(s)", nullptr, int(m_options.regions.size())),
                             QString::number(double(m_options.intervalMs) / 1000.0))
                        .toUtf8());
    refresh();
    return true;
}

void ExporterCommand::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_next->stop();
    if (m_sweep)
        m_sweep->cancel();
    m_server->stop();
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT done(0); }, Qt::QueuedConnection);
}

quint16 ExporterCommand::port() const
{
    return m_server->port();
}

void ExporterCommand::refresh()
{
    if (m_stopped)
        return;
    delete m_sweep;
    m_sweep = new RegionSweep(m_accounts, m_options.regions, m_options.query, this);
    // Rows are kept once, as series (GatewaySeriesList), not also as the sweep's rows.
    m_sweep->setKeepRows(false);
    m_sweep->setPageConcurrency(m_options.pageConcurrency);
    m_staging.clear();
    connect(m_sweep, &RegionSweep::rowsListed, this,
            [this](const QString &key, const QVector<BackupGateway> &rows) {
                std::shared_ptr<GatewaySeriesBuilder> &staged = m_staging[key];
                if (!staged)
                    staged = std::make_shared<GatewaySeriesBuilder>();
                for (const BackupGateway &gateway : rows)
                    staged->append(gateway);
            });
    connect(m_sweep, &RegionSweep::regionChanged, this, &ExporterCommand::onPartChanged);
    connect(m_sweep, &RegionSweep::finished, this, &ExporterCommand::onRefreshed);
    m_refreshClock.start();
    m_sweep->start();
}

void ExporterCommand::onPartChanged(const QString &key)
{
    const RegionResult result = m_sweep->result(key);
    if (result.state != RegionResult::State::Done && result.state != RegionResult::State::Failed)
        return;
    const SweepPart part = m_sweep->part(key);
    ListingState &listing = m_listings[key];
    listing.account = part.account.name;
    listing.region = part.region;
    listing.durationSeconds = double(m_refreshClock.elapsed()) / 1000.0;
    listing.up = result.state == RegionResult::State::Done;
    const QString where = part.account.name + u' ' + part.region;
    if (listing.up) {
        listing.listed = true;
        const std::shared_ptr<GatewaySeriesBuilder> staged = m_staging.take(key);
        listing.gateways = staged ? staged->finish() : GatewaySeriesList();
        listing.lastSuccessMs = QDateTime::currentMSecsSinceEpoch();
        if (m_failing.remove(key))
            m_stderr->write(tr("dbs-gateways: %1: readable again\n").arg(where).toUtf8());
        return;
    }
    m_staging.remove(key);
    if (!m_failing.contains(key)) {
        m_stderr->write(tr("dbs-gateways: %1: %2 (its metrics keep the last inventory, with "
                           "dbs_region_up 0)\n")
                            .arg(where, visibleText(result.error.summary()))
                            .toUtf8());
    }
    m_failing.insert(key);
}

void ExporterCommand::onRefreshed()
{
    auto metrics = std::make_shared<ExporterMetrics>();
    for (const QString &key : m_sweep->keys())
        metrics->listings.append(m_listings.value(key));
    metrics->apiRequests = m_apiRequests;
    metrics->refreshes = ++m_refreshes;
    metrics->lastRefreshSeconds = double(m_refreshClock.elapsed()) / 1000.0;
    metrics->version = QCoreApplication::applicationVersion();
    qint64 clockOffsetMs = 0;
    for (const SweepAccount &account : m_accounts) {
        if (account.client) {
            clockOffsetMs = account.client->clockOffsetMs();
            break;
        }
    }
    // Once scrapes show it: refreshed(), and the interval to the next refresh begins, so that
    // a render and a listing never hold their memory at once. (Queued to this thread; dropped
    // if this has gone by then.)
    m_server->publish(std::move(metrics), clockOffsetMs, [this] {
        QMetaObject::invokeMethod(this, &ExporterCommand::onServed, Qt::QueuedConnection);
    });
    m_sweep->deleteLater();
    m_sweep = nullptr;
    if (auto *file = qobject_cast<QFileDevice *>(m_stderr))
        file->flush();
}

void ExporterCommand::onServed()
{
    Q_EMIT refreshed();
    if (!m_stopped)
        m_next->start(int(qMin<qint64>(m_options.intervalMs, INT_MAX)));
}

void ExporterCommand::countRequest(const RequestLog &entry)
{
    QString result = entry.outcome.isEmpty() ? QString::number(entry.httpStatus) : entry.outcome;
    if (!m_apiRequests.contains(result) && m_apiRequests.size() >= maxResultCodes)
        result = QStringLiteral("other");
    ++m_apiRequests[result];
}

} // namespace dbs
