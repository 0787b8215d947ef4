#pragma once

#include "monitoringplugin.h"

#include <api/dbsclient.h>
#include <signin/signin.h>

#include <QObject>

class QIODevice;
class QTimer;

namespace dbs {

class RegionSweep;

struct CheckOptions
{
    QStringList regions; // the one region, or every region (--region all)
    PageQuery query;     // page size and any identifiers; its region is replaced
    ClientOptions client;
    SignInOptions signIn;
    qint64 staleAfterMs = 0;
    CheckThresholds thresholds;
    qint64 timeoutMs = 30000; // then UNKNOWN: a monitoring system must not wait on us
    bool verbose = false;
};

// `dbs-gateways check`: a monitoring plugin. Lists every gateway of the regions, then prints
// one status line with performance data and ends with the plugin's exit status (evaluateCheck).
class CheckCommand final : public QObject
{
    Q_OBJECT
public:
    // Signs in as `signIn` says. `out` and `err` are owned by the caller and outlive the command.
    CheckCommand(const CheckOptions &options, const SignInSpec &signIn, QIODevice *out,
                 QIODevice *err, QObject *parent = nullptr);
    ~CheckCommand() override;

    void start();

Q_SIGNALS:
    void done(int exitCode);

private:
    void onFinished();
    void report(const CheckResult &result);

    CheckOptions m_options;
    DbsClient *m_client;  // child
    RegionSweep *m_sweep; // child; deleted before m_client (see the destructor)
    QTimer *m_timeout;    // child
    QIODevice *m_stdout;  // not owned
    QIODevice *m_stderr;  // not owned
    bool m_reported = false;
};

} // namespace dbs
