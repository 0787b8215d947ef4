#include "checkcommand.h"

#include "requestlogline.h"

#include <export/textformat.h>
#include <fleet/regionsweep.h>

#include <QDateTime>
#include <QIODevice>
#include <QTimer>

#include <algorithm>
#include <climits>

namespace dbs {

CheckCommand::CheckCommand(const CheckOptions &options, const SignInSpec &signIn, QIODevice *out,
                           QIODevice *err, QObject *parent)
    : QObject(parent), m_options(options), m_client(new DbsClient(this)), m_sweep(nullptr),
      m_timeout(new QTimer(this)), m_stdout(out), m_stderr(err)
{
    setUpCommandClient(m_client, signIn, options.client, options.signIn, m_stderr, options.verbose);
    m_sweep = new RegionSweep(m_client, options.regions, options.query, this);
    connect(m_sweep, &RegionSweep::finished, this, &CheckCommand::onFinished);
    m_timeout->setSingleShot(true);
    m_timeout->setInterval(int(std::min<qint64>(options.timeoutMs, INT_MAX)));
    connect(m_timeout, &QTimer::timeout, this, [this] {
        m_sweep->cancel();
        CheckResult result;
        result.status = PluginStatus::Unknown;
        result.line = QStringLiteral("DBS UNKNOWN - no answer within %1 s")
                          .arg(double(m_options.timeoutMs) / 1000.0);
        report(result);
    });
}

CheckCommand::~CheckCommand()
{
    // Children go in creation order, the client first; the sweep must cancel its calls while
    // the client is still there.
    delete m_sweep;
}

void CheckCommand::start()
{
    m_timeout->start();
    m_sweep->start();
}

void CheckCommand::onFinished()
{
    CheckInput input;
    for (const QString &key : m_sweep->keys()) {
        const RegionResult result = m_sweep->result(key);
        if (result.state == RegionResult::State::Failed)
            input.failures.append(key + QStringLiteral(": ") + result.error.summary());
    }
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch() + m_client->clockOffsetMs();
    input.summary = summarize(m_sweep->mergedGateways(), nowMs, m_options.staleAfterMs);
    report(evaluateCheck(input, m_options.thresholds));
}

void CheckCommand::report(const CheckResult &result)
{
    if (m_reported)
        return;
    m_reported = true;
    m_timeout->stop();
    // One line: what the monitoring system shows; nothing the terminal or its web page obeys.
    m_stdout->write((visibleText(result.line) + u'\n').toUtf8());
    const int status = int(result.status);
    QMetaObject::invokeMethod(
        this, [this, status] { Q_EMIT done(status); }, Qt::QueuedConnection);
}

} // namespace dbs
