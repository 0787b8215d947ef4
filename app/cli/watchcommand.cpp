#include "watchcommand.h"

#include "requestlogline.h"
#include "standardoutput.h"
#include <export/textformat.h>
#include <fleet/changejson.h>
#include <fleet/changes.h>
#include <fleet/merge.h>
#include <fleet/regionsweep.h>

#include <QDateTime>
#include <QFileDevice>
#include <QMap>
#include <QTimer>

namespace dbs {

WatchCommand::WatchCommand(const WatchOptions &options, const SignInSpec &signIn, QIODevice *out,
                           QIODevice *err, QObject *parent)
    : QObject(parent), m_options(options), m_client(new DbsClient(this)), m_next(new QTimer(this)),
      m_readerCheck(new QTimer(this)), m_stdout(out), m_stderr(err)
{
    setUpCommandClient(m_client, signIn, options.client, options.signIn, m_stderr, options.verbose);
    m_next->setSingleShot(true);
    connect(m_next, &QTimer::timeout, this, &WatchCommand::look);
    // A reader that goes while nothing is written, or while a slow look is under way, is
    // noticed within a second (one poll(), not a write).
    m_readerCheck->setInterval(1000);
    connect(m_readerCheck, &QTimer::timeout, this, [this] {
        if (readerGone(m_stdout))
            endWith(1);
    });
}

WatchCommand::~WatchCommand()
{
    delete m_sweep; // cancels its calls while the client is still there
}

void WatchCommand::start()
{
    m_readerCheck->start();
    look();
}

void WatchCommand::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_next->stop();
    m_readerCheck->stop();
    if (m_sweep)
        m_sweep->cancel();
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT done(0); }, Qt::QueuedConnection);
}

void WatchCommand::look()
{
    if (m_stopped)
        return;
    delete m_sweep;
    m_sweep = new RegionSweep(m_client, m_options.regions, m_options.query, this);
    connect(m_sweep, &RegionSweep::finished, this, &WatchCommand::onLookFinished);
    m_sweep->start();
}

void WatchCommand::onLookFinished()
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    // Changes are judged over the merged inventory, each gateway once, and only for the regions
    // read now: a region that fails keeps its last good rows, unjudged (its gateways neither
    // "removed" nor going stale unseen); one read for the first time is a baseline of its own.
    // Each region is compared with its own last good look, so regions read then are judged
    // together, and one back after failing against what it showed before.
    QHash<QString, QVector<BackupGateway>> fresh;
    QMap<qint64, QStringList> byLastLook; // when last read -> regions read now, in order
    int failed = 0;
    for (const QString &region : m_options.regions) {
        const RegionResult result = m_sweep->result(region);
        if (result.state != RegionResult::State::Done) {
            ++failed;
            if (!m_failing.contains(region))
                m_stderr->write(tr("dbs-gateways: %1: %2 (watching the others)\n")
                                    .arg(region, visibleText(result.error.summary()))
                                    .toUtf8());
            m_failing.insert(region);
            continue;
        }
        if (m_failing.remove(region))
            m_stderr->write(tr("dbs-gateways: %1: readable again\n").arg(region).toUtf8());
        fresh.insert(region, result.gateways);
        if (const auto seen = m_knownAtMs.constFind(region); seen != m_knownAtMs.constEnd())
            byLastLook[*seen].append(region);
    }
    QSet<QString> judged; // a gateway two regions list is judged once
    for (auto group = byLastLook.cbegin(); group != byLastLook.cend(); ++group) {
        const auto unjudged = [&judged](QVector<BackupGateway> rows) {
            rows.removeIf(
                [&judged](const BackupGateway &g) { return judged.contains(g.backupGatewayId); });
            return rows;
        };
        const QVector<BackupGateway> before = unjudged(mergeRegions(*group, m_known));
        const QVector<BackupGateway> after = unjudged(mergeRegions(*group, fresh));
        for (const GatewayChange &change :
             computeChanges(before, group.key(), after, nowMs, m_options.staleAfterMs)) {
            if (!writeOut(changeJsonLine(change) + '\n'))
                return;
        }
        for (const QVector<BackupGateway> *rows : {&before, &after}) {
            for (const BackupGateway &gateway : *rows)
                judged.insert(gateway.backupGatewayId);
        }
    }
    for (auto it = fresh.cbegin(); it != fresh.cend(); ++it) {
        m_known.insert(it.key(), it.value());
        m_knownAtMs.insert(it.key(), nowMs);
    }
    const int gateways = int(m_sweep->mergedGateways(m_known).size());
    m_sweep->deleteLater();
    m_sweep = nullptr;
    if (readerGone(m_stdout)) { // `| head`: nothing to say this time, and no one to say it to
        endWith(1);
        return;
    }

    if (!m_baselineTaken) {
        if (failed == m_options.regions.size()) {
            m_stderr->write(
                tr("dbs-gateways: no region could be read; nothing to watch\n").toUtf8());
            endWith(1);
            return;
        }
        m_baselineTaken = true;
        const int regions = int(m_options.regions.size()) - failed;
        m_stderr->write(tr("dbs-gateways: watching %1 in %2, every %3 s\n")
                            .arg(tr("%n gateway(s)", nullptr, gateways),
                                 tr("%n region(s)", nullptr, regions),
                                 QString::number(m_options.intervalMs / 1000.0))
                            .toUtf8());
    }
    if (auto *file = qobject_cast<QFileDevice *>(m_stderr))
        file->flush();
    if (!m_stopped)
        m_next->start(int(qMin<qint64>(m_options.intervalMs, std::numeric_limits<int>::max())));
}

bool WatchCommand::writeOut(const QByteArray &line)
{
    // Scripts read line by line: each line goes out now (standard output is unbuffered).
    bool quiet = false;
    if (writeAll(m_stdout, line, &quiet))
        return true;
    if (!quiet) {
        m_stderr->write(tr("dbs-gateways: cannot write the output: %1\n")
                            .arg(m_stdout->errorString())
                            .toUtf8());
    }
    endWith(1);
    return false;
}

void WatchCommand::endWith(int exitCode)
{
    m_stopped = true;
    m_next->stop();
    m_readerCheck->stop();
    if (m_sweep) {
        m_sweep->cancel();
        m_sweep->deleteLater();
        m_sweep = nullptr;
    }
    Q_EMIT done(exitCode);
}

} // namespace dbs
