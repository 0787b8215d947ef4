// `dbs-gateways check` as a library, against the simulator: every exit status, from the
// counts the service gives, a region it refuses, a key it refuses and one that never answers.
#include "simfixture.h"
#include <api/endpoints.h>
#include <cli/checkcommand.h>
#include <fleet/staleness.h>
#include <fleet/summary.h>
#include <sim/simulator.h>

#include <QBuffer>
#include <QDateTime>
#include <QRegularExpression>
#include <QTest>

using namespace dbs;

namespace {
const QString hangzhou = QStringLiteral("cn-hangzhou");
const QString beijing = QStringLiteral("cn-beijing");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCheck(const CheckOptions &options, const Credential &credential)
{
    Run run;
    QBuffer out(&run.out), err(&run.err);
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    CheckCommand command(options, SignInSpec::fixed(credential), &out, &err);
    QObject::connect(&command, &CheckCommand::done, [&run](int code) { run.exitCode = code; });
    command.start();
    if (!QTest::qWaitFor([&run] { return run.exitCode >= 0; }, 60000))
        qWarning("check did not finish");
    return run;
}

std::optional<PluginRange> range(const QString &text)
{
    QString error;
    return text.isEmpty() ? std::nullopt : parsePluginRange(text, &error);
}
} // namespace

class TestCheckCommand final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void statuses_data();
    void statuses();
    void silentServiceIsUnknownInTime();

private:
    std::unique_ptr<Simulator> m_simulator;
    int m_offline = 0; // in both regions
    int m_total = 0;
};

void TestCheckCommand::initTestCase()
{
    SimulatorOptions options = fixture::options(400, 11, {hangzhou, beijing});
    options.deniedRegions = {QStringLiteral("ap-southeast-1")};
    m_simulator = fixture::startSimulator(options);
    const QVector<BackupGateway> all =
        m_simulator->gatewaysIn(hangzhou) + m_simulator->gatewaysIn(beijing);
    m_total = int(all.size());
    const FleetSummary summary =
        summarize(all, QDateTime::currentMSecsSinceEpoch(), defaultStaleThresholdMs);
    m_offline = summary.byStatus.value(QStringLiteral("OFFLINE"));
    QVERIFY(m_offline > 2); // the thresholds below straddle it
}

void TestCheckCommand::statuses_data()
{
    QTest::addColumn<QStringList>("regions");
    QTest::addColumn<QString>("warning");
    QTest::addColumn<QString>("critical");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("linePattern");
    const QStringList both = {hangzhou, beijing};
    const QString demoSecret = QString::fromLatin1(demoAccessKeySecret);
    const QString many = QString::number(m_offline + 1);
    const QString few = QString::number(m_offline - 1);
    QTest::newRow("ok")
        << both << many << "" << demoSecret << 0
        << R"(^DBS OK - \d+ gateways, \d+ offline, \d+ stale \| offline=\d+;\d+;;0;\d+ )";
    QTest::newRow("warning") << both << few << "" << demoSecret << 1 << "^DBS WARNING - ";
    QTest::newRow("critical") << both << few << few << demoSecret << 2 << "^DBS CRITICAL - ";
    QTest::newRow("critical with no warning") << both << ""
                                              << "0" << demoSecret << 2 << "^DBS CRITICAL - ";
    QTest::newRow("inside a range")
        << both << QStringLiteral("@0:%1").arg(many) << "" << demoSecret << 1 << "^DBS WARNING - ";
    // What cannot be read is never OK, whatever the counts of the rest say.
    QTest::newRow("a refused region")
        << QStringList{hangzhou, QStringLiteral("ap-southeast-1")} << many << "" << demoSecret << 3
        << R"(^DBS UNKNOWN - 1 not listed \(ap-southeast-1: .*Forbidden\.RAM.*\); \d+ gateways)";
    QTest::newRow("a refused key")
        << both << many << ""
        << "not-the-secret" << 3
        << R"(^DBS UNKNOWN - 2 not listed \(cn-hangzhou: .*SignatureDoesNotMatch.*; 0 gateways)";
}

void TestCheckCommand::statuses()
{
    QFETCH(QStringList, regions);
    QFETCH(QString, warning);
    QFETCH(QString, critical);
    QFETCH(QString, secret);
    QFETCH(int, status);
    QFETCH(QString, linePattern);
    CheckOptions options;
    options.regions = regions;
    options.query = fixture::query(QString(), 50);
    options.client.endpoint = QUrl(m_simulator->baseUrl());
    options.client.retry.maxAttempts = 1;
    options.staleAfterMs = defaultStaleThresholdMs;
    options.thresholds.offlineWarning = range(warning);
    options.thresholds.offlineCritical = range(critical);
    const Run run =
        runCheck(options, fixture::makeCredential(QString::fromLatin1(demoAccessKeyId), secret));
    QCOMPARE(run.exitCode, status);
    // One line, what the monitoring system shows.
    QVERIFY2(run.out.endsWith('\n') && run.out.count('\n') == 1, run.out.constData());
    const QString line = QString::fromUtf8(run.out.trimmed());
    QVERIFY2(QRegularExpression(linePattern).match(line).hasMatch(), qPrintable(line));
    if (status < 3) {
        QVERIFY2(
            line.contains(QStringLiteral(" %1 gateways, %2 offline, ").arg(m_total).arg(m_offline)),
            qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("| offline=%1;%2;%3;0;%4 ")
                                   .arg(m_offline)
                                   .arg(warning, critical)
                                   .arg(m_total)),
                 qPrintable(line));
    }
    QVERIFY(!run.out.contains(secret.toUtf8()) && !run.err.contains(secret.toUtf8()));
}

void TestCheckCommand::silentServiceIsUnknownInTime()
{
    // A service that takes longer than the monitoring system waits: UNKNOWN, on time.
    SimulatorOptions slow = fixture::options(30, 3, {hangzhou});
    slow.latencyMs = 3000;
    auto simulator = fixture::startSimulator(slow);
    CheckOptions options;
    options.regions = {hangzhou};
    options.query = fixture::query(QString(), 30);
    options.client.endpoint = QUrl(simulator->baseUrl());
    options.timeoutMs = 300;
    QElapsedTimer clock;
    clock.start();
    const Run run = runCheck(options, fixture::demoCredential());
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(run.out, QByteArray("DBS UNKNOWN - no answer within 0.3 s\n"));
}

QTEST_GUILESS_MAIN(TestCheckCommand)
#include "tst_checkcommand.moc"
