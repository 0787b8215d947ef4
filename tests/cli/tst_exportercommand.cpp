// `dbs-gateways exporter` as a library against the simulator: the counts per status and region
// it serves, a region the service refuses and an account that cannot sign in (up 0, said once,
// the others unharmed), scrapes that never call the API, and scrapes during a slow refresh.
#include "rawhttp.h"
#include "simfixture.h"
#include <cli/exportercommand.h>
#include <fleet/summary.h>
#include <sim/simulator.h>

#include <QBuffer>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace dbs;

namespace {
const QString hangzhou = QStringLiteral("cn-hangzhou");
const QString beijing = QStringLiteral("cn-beijing");
const QString denied = QStringLiteral("ap-southeast-1");

QByteArray scrape(quint16 port)
{
    const fixture::RawAnswer answer =
        fixture::sendRaw(port, "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    return answer.status() == 200 ? answer.body() : QByteArray();
}

// The value of the sample with exactly these labels, or -1 when there is none.
double value(const QByteArray &text, const QByteArray &sample)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(sample + ' '))
            return line.mid(sample.size() + 1).toDouble();
    }
    return -1;
}

QByteArray labels(const QString &account, const QString &region)
{
    return "account=\"" + account.toUtf8() + "\",region=\"" + region.toUtf8() + '"';
}

struct Exporter
{
    QByteArray err;
    QBuffer errDevice{&err};
    std::unique_ptr<ExporterCommand> command;

    Exporter(const ExporterOptions &options, const QVector<ExporterAccount> &accounts)
    {
        errDevice.open(QIODevice::WriteOnly);
        command = std::make_unique<ExporterCommand>(options, accounts, &errDevice);
    }
};

ExporterOptions optionsFor(const Simulator &simulator, const QStringList &regions)
{
    ExporterOptions options;
    options.regions = regions;
    options.query = fixture::query(QString(), 50);
    options.client.endpoint = QUrl(simulator.baseUrl());
    options.client.retry.maxAttempts = 1;
    options.intervalMs = 3'600'000; // one refresh unless a test asks for more
    return options;
}

ExporterAccount demoAccount(const QString &name)
{
    ExporterAccount account;
    account.name = name;
    account.signIn = SignInSpec::fixed(fixture::demoCredential());
    return account;
}
} // namespace

class TestExporterCommand final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void countsPerStatusAndRegion_data();
    void countsPerStatusAndRegion();
    void failuresAreSeriesAndOneLine();
    void scrapesNeverCallTheService();
    void scrapesDuringASlowRefresh();
    void stopEnds();

private:
    std::unique_ptr<Simulator> m_simulator;
};

void TestExporterCommand::initTestCase()
{
    SimulatorOptions options = fixture::options(400, 21, {hangzhou, beijing});
    options.deniedRegions = {denied};
    m_simulator = fixture::startSimulator(options);
}

void TestExporterCommand::countsPerStatusAndRegion_data()
{
    QTest::addColumn<int>("pageBase");
    QTest::newRow("pages from 0, as DBS counts") << 0;
    QTest::newRow("pages from 1") << 1;
}

void TestExporterCommand::countsPerStatusAndRegion()
{
    QFETCH(int, pageBase);
    SimulatorOptions simulatorOptions = fixture::options(400, 21, {hangzhou, beijing});
    simulatorOptions.pageBase = pageBase;
    const auto simulator = fixture::startSimulator(simulatorOptions);
    Exporter exporter(optionsFor(*simulator, {hangzhou, beijing}), {demoAccount("prod")});
    QSignalSpy refreshed(exporter.command.get(), &ExporterCommand::refreshed);
    QVERIFY(exporter.command->start());
    QVERIFY(refreshed.wait(30000));
    const QByteArray text = scrape(exporter.command->port());
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    int perGateway = 0;
    for (const QString &region : {hangzhou, beijing}) {
        const QVector<BackupGateway> rows = simulator->gatewaysIn(region);
        const FleetSummary summary = summarize(rows, nowMs, defaultStaleThresholdMs);
        QVERIFY(summary.total > 0);
        for (const QString &status : knownStatuses()) {
            const QByteArray sample =
                "dbs_gateways{" + labels("prod", region) + ",status=\"" + status.toUtf8() + "\"}";
            QCOMPARE(value(text, sample), double(summary.byStatus.value(status)));
        }
        QCOMPARE(value(text, "dbs_gateways_stale{" + labels("prod", region) + '}'),
                 double(summary.stale));
        QCOMPARE(value(text, "dbs_region_up{" + labels("prod", region) + '}'), 1.0);
        QVERIFY(value(text, "dbs_region_last_success_timestamp_seconds{" + labels("prod", region) +
                                '}') > nowMs / 1000.0 - 60);
        // The default keeps per-gateway series for the gateways that need attention only.
        for (const BackupGateway &gateway : rows) {
            const bool problem =
                gateway.status != u"ONLINE" || isStale(gateway, nowMs, defaultStaleThresholdMs);
            perGateway += problem;
            const QByteArray series = "dbs_gateway_stale{" + labels("prod", region) + ",id=\"" +
                                      gateway.backupGatewayId.toUtf8() + "\"}";
            QCOMPARE(value(text, series) >= 0, problem);
        }
    }
    QCOMPARE(text.count("\ndbs_gateway_info{"), perGateway);
    // No secret in a metric, a label or the log.
    for (const QByteArray &said : {text, exporter.err})
        QVERIFY(!said.contains(demoAccessKeySecret));
    QVERIFY(value(text, "dbs_exporter_api_requests_total{code=\"200\"}") > 0);
    QCOMPARE(value(text, "dbs_exporter_refreshes_total"), 1.0);
    QVERIFY2(exporter.err.contains("serving metrics on http://127.0.0.1:"),
             exporter.err.constData());
}

void TestExporterCommand::failuresAreSeriesAndOneLine()
{
    ExporterOptions options = optionsFor(*m_simulator, {hangzhou, denied});
    options.intervalMs = 200;
    ExporterAccount cannot;
    cannot.name = QStringLiteral("gone");
    cannot.error = QStringLiteral("the aliyun CLI has no profile \"gone\"");
    Exporter exporter(options, {demoAccount("prod"), cannot});
    QSignalSpy refreshed(exporter.command.get(), &ExporterCommand::refreshed);
    QVERIFY(exporter.command->start());
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 3, 30000);
    const QByteArray text = scrape(exporter.command->port());
    QCOMPARE(value(text, "dbs_region_up{" + labels("prod", hangzhou) + '}'), 1.0);
    QCOMPARE(value(text, "dbs_region_up{" + labels("prod", denied) + '}'), 0.0);
    QCOMPARE(value(text, "dbs_region_up{" + labels("gone", hangzhou) + '}'), 0.0);
    QCOMPARE(value(text, "dbs_region_up{" + labels("gone", denied) + '}'), 0.0);
    QVERIFY(value(text, "dbs_gateways{" + labels("prod", hangzhou) + ",status=\"ONLINE\"}") > 0);
    QVERIFY(value(text, "dbs_exporter_api_requests_total{code=\"Forbidden.RAM\"}") >= 3);
    // Said once each, over several refreshes, with the reason.
    QCOMPARE(exporter.err.count("prod ap-southeast-1: "), 1);
    QVERIFY2(exporter.err.contains("Forbidden.RAM"), exporter.err.constData());
    QCOMPARE(exporter.err.count("gone cn-hangzhou: "), 1);
    QVERIFY2(exporter.err.contains("no profile \\\"gone\\\"") ||
                 exporter.err.contains("no profile \"gone\""),
             exporter.err.constData());
}

void TestExporterCommand::scrapesNeverCallTheService()
{
    Exporter exporter(optionsFor(*m_simulator, {hangzhou}), {demoAccount("prod")});
    QSignalSpy refreshed(exporter.command.get(), &ExporterCommand::refreshed);
    QVERIFY(exporter.command->start());
    QVERIFY(refreshed.wait(30000));
    const quint64 before = m_simulator->requestCount();
    for (int i = 0; i < 20; ++i)
        QVERIFY(!scrape(exporter.command->port()).isEmpty());
    QCOMPARE(m_simulator->requestCount(), before);
}

void TestExporterCommand::scrapesDuringASlowRefresh()
{
    SimulatorOptions slow = fixture::options(120, 5, {hangzhou});
    slow.latencyMs = 1500;
    auto simulator = fixture::startSimulator(slow);
    ExporterOptions options = optionsFor(*simulator, {hangzhou});
    options.intervalMs = 100;
    Exporter exporter(options, {demoAccount("prod")});
    QSignalSpy refreshed(exporter.command.get(), &ExporterCommand::refreshed);
    QVERIFY(exporter.command->start());
    // Before the first refresh ends: the exporter's own series, no inventory yet.
    QByteArray text = scrape(exporter.command->port());
    QVERIFY(text.contains("dbs_exporter_build_info{"));
    QCOMPARE(value(text, "dbs_region_up{" + labels("prod", hangzhou) + '}'), -1.0);
    QVERIFY(refreshed.wait(30000));
    // The next refresh is under way (each page takes 1.5 s): scrapes answer at once with the
    // last complete inventory.
    QTest::qWait(300);
    QElapsedTimer clock;
    clock.start();
    text = scrape(exporter.command->port());
    QVERIFY2(clock.elapsed() < 1000, QByteArray::number(clock.elapsed()).constData());
    QCOMPARE(refreshed.size(), 1);
    QCOMPARE(value(text, "dbs_region_up{" + labels("prod", hangzhou) + '}'), 1.0);
    QCOMPARE(value(text, "dbs_gateways{" + labels("prod", hangzhou) + ",status=\"ONLINE\"}") +
                 value(text, "dbs_gateways{" + labels("prod", hangzhou) + ",status=\"OFFLINE\"}") +
                 value(text, "dbs_gateways{" + labels("prod", hangzhou) + ",status=\"STOPPED\"}") +
                 value(text, "dbs_gateways{" + labels("prod", hangzhou) + ",status=\"UPGRADING\"}"),
             double(simulator->gatewaysIn(hangzhou).size()));
}

void TestExporterCommand::stopEnds()
{
    ExporterOptions options = optionsFor(*m_simulator, {hangzhou});
    Exporter exporter(options, {demoAccount("prod")});
    QSignalSpy done(exporter.command.get(), &ExporterCommand::done);
    QVERIFY(exporter.command->start());
    const quint16 port = exporter.command->port();
    exporter.command->stop();
    QVERIFY(done.wait(10000));
    QCOMPARE(done.first().first().toInt(), 0);
    QVERIFY(!fixture::sendRaw(port, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").status());
}

QTEST_GUILESS_MAIN(TestExporterCommand)
#include "tst_exportercommand.moc"
