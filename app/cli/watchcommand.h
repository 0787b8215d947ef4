#pragma once

#include <api/dbsclient.h>
#include <fleet/staleness.h>
#include <signin/signin.h>

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

class QIODevice;
class QTimer;

namespace dbs {

class RegionSweep;

struct WatchOptions
{
    QStringList regions; // one region, or every region for "all"
    PageQuery query;     // page size and identifier filter; the region is each of `regions`
    ClientOptions client;
    SignInOptions signIn; // where STS and instance metadata are
    qint64 intervalMs = 60 * 1000;
    qint64 staleAfterMs = defaultStaleThresholdMs;
    bool verbose = false;
};

// `dbs-gateways watch`: looks at the inventory every interval and prints one JSON line per
// change (changeJsonLine) until stopped. The first look is the baseline and prints none. A
// region that fails keeps its last good inventory (its gateways are not "removed") and is
// reported on standard error; if every region fails on the first look, the command ends with
// exit code 1.
class WatchCommand final : public QObject
{
    Q_OBJECT
public:
    // Signs in as `signIn` says, renewing temporary keys before they run out (a renewal that
    // fails is said on standard error and tried again). `out` and `err` are owned by the
    // caller and outlive the command.
    WatchCommand(const WatchOptions &options, const SignInSpec &signIn, QIODevice *out,
                 QIODevice *err, QObject *parent = nullptr);
    ~WatchCommand() override;

    void start();
    // Ends the watch between or during looks: done(0).
    void stop();

Q_SIGNALS:
    void done(int exitCode);

private:
    void look();
    void onLookFinished();
    // False when standard output failed: the watch has ended (exit 1).
    bool writeOut(const QByteArray &line);
    void endWith(int exitCode);

    WatchOptions m_options;
    DbsClient *m_client;                            // child
    QTimer *m_next;                                 // child
    QTimer *m_readerCheck;                          // child
    QIODevice *m_stdout;                            // not owned
    QIODevice *m_stderr;                            // not owned
    QPointer<RegionSweep> m_sweep;                  // child while a look runs
    QHash<QString, QVector<BackupGateway>> m_known; // region -> its last good inventory
    QHash<QString, qint64> m_knownAtMs;             // region -> when that was seen
    QSet<QString> m_failing; // regions whose last look failed: said once, and when they recover
    bool m_baselineTaken = false;
    bool m_stopped = false;
};

} // namespace dbs
