// FetchAllJob against the real simulator: every page, in order, bounded concurrency, faults.
#include "api/fetchall.h"
#include "sim/simulator.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace dbs;

namespace {
std::unique_ptr<sim::Simulator> startSimulator(const sim::SimulatorOptions &options)
{
    auto simulator = std::make_unique<sim::Simulator>(options);
    QString error;
    if (!simulator->start(&error))
        qFatal("simulator: %s", qPrintable(error));
    return simulator;
}

struct Result
{
    QVector<BackupGateway> rows;
    bool finished = false;
    ApiError error;
    int rowsSignals = 0;
};

Result runJob(DbsClient &client, const PageQuery &query, int concurrency)
{
    Result result;
    FetchAllJob job(&client, query, concurrency);
    QObject::connect(&job, &FetchAllJob::rowsReady, [&result](const QVector<BackupGateway> &rows) {
        result.rows += rows;
        ++result.rowsSignals;
    });
    QObject::connect(&job, &FetchAllJob::finished, [&result] { result.finished = true; });
    QObject::connect(&job, &FetchAllJob::failed,
                     [&result](const ApiError &error) { result.error = error; });
    job.start();
    if (!QTest::qWaitFor([&] { return result.finished || result.error.isError(); }, 60000))
        qWarning("job did not end");
    return result;
}

void configure(DbsClient &client, const sim::Simulator &simulator, int maxAttempts = 4)
{
    client.setCredential({QString::fromLatin1(sim::demoAccessKeyId),
                          QString::fromLatin1(sim::demoAccessKeySecret), {}, {}});
    ClientOptions options;
    options.endpoint = QUrl(simulator.baseUrl());
    options.retry.maxAttempts = maxAttempts;
    options.retry.baseDelayMs = 5;
    options.retry.maxDelayMs = 40;
    client.setOptions(options);
}
} // namespace

class TestFetchAllJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyPageInOrder_data();
    void everyPageInOrder();
    void concurrencyIsBounded();
    void survivesFaults();
    void failsWhenRetriesRunOut();
    void emptyRegion();
    void fullLastPageLooksFurther();
};

void TestFetchAllJob::everyPageInOrder_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("concurrency");
    QTest::newRow("30 x1") << 30 << 1;
    QTest::newRow("30 x4") << 30 << 4;
    QTest::newRow("50 x16") << 50 << 16;
    QTest::newRow("100 x4") << 100 << 4;
}

void TestFetchAllJob::everyPageInOrder()
{
    QFETCH(int, pageSize);
    QFETCH(int, concurrency);
    sim::SimulatorOptions options;
    options.gateways = 1000;
    options.latencyMs = 2; // lets answers overtake each other
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-hangzhou");
    query.pageSize = pageSize;
    const Result result = runJob(client, query, concurrency);
    QVERIFY2(result.finished, qPrintable(result.error.summary()));
    const QVector<BackupGateway> expected = simulator->gatewaysIn(query.region);
    QVERIFY(expected.size() > 3 * pageSize);
    QCOMPARE(result.rows.size(), expected.size());
    QCOMPARE(result.rows, expected);
}

void TestFetchAllJob::concurrencyIsBounded()
{
    // 9 pages at 60 ms each: one at a time needs >= 540 ms; with 2 in flight >= 1 + 4 rounds.
    sim::SimulatorOptions options;
    options.gateways = 9 * 30;
    options.regions = {QStringLiteral("cn-beijing")};
    options.latencyMs = 60;
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-beijing");

    QElapsedTimer timer;
    timer.start();
    Result result = runJob(client, query, 2);
    const qint64 twoInFlight = timer.elapsed();
    QVERIFY(result.finished);
    QCOMPARE(result.rows.size(), 270);
    QVERIFY2(twoInFlight >= 5 * 60, qPrintable(QString::number(twoInFlight)));

    timer.restart();
    result = runJob(client, query, 8);
    const qint64 eightInFlight = timer.elapsed();
    QVERIFY(result.finished);
    QCOMPARE(result.rows.size(), 270);
    QVERIFY2(eightInFlight >= 2 * 60, qPrintable(QString::number(eightInFlight)));
    QVERIFY2(eightInFlight < twoInFlight, qPrintable(QStringLiteral("%1 vs %2")
                                                         .arg(eightInFlight)
                                                         .arg(twoInFlight)));
    qInfo("9 pages, 60 ms latency: %lld ms with 2 in flight, %lld ms with 8", twoInFlight,
          eightInFlight);
}

void TestFetchAllJob::survivesFaults()
{
    sim::SimulatorOptions options;
    options.gateways = 800;
    options.faults = {{sim::Fault::Http500, 0.1}, {sim::Fault::Http503, 0.1},
                      {sim::Fault::Throttle, 0.1}, {sim::Fault::Reset, 0.05},
                      {sim::Fault::Truncate, 0.05}, {sim::Fault::Malformed, 0.05}};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator, 20);
    PageQuery query;
    query.region = QStringLiteral("cn-hangzhou");
    const Result result = runJob(client, query, 4);
    QVERIFY2(result.finished, qPrintable(result.error.summary()));
    QCOMPARE(result.rows, simulator->gatewaysIn(query.region));
    QVERIFY(simulator->requestCount() > quint64((result.rows.size() + 29) / 30));
}

void TestFetchAllJob::failsWhenRetriesRunOut()
{
    sim::SimulatorOptions options;
    options.faults = {{sim::Fault::Http503, 1.0}};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator, 2);
    PageQuery query;
    query.region = QStringLiteral("cn-hangzhou");
    const Result result = runJob(client, query, 4);
    QVERIFY(!result.finished);
    QCOMPARE(result.error.code, QStringLiteral("ServiceUnavailable"));
    QVERIFY(result.rows.isEmpty());
}

void TestFetchAllJob::emptyRegion()
{
    sim::SimulatorOptions options;
    options.regions = {QStringLiteral("cn-hangzhou")};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("eu-west-1");
    const Result result = runJob(client, query, 4);
    QVERIFY(result.finished);
    QVERIFY(result.rows.isEmpty());
    QCOMPARE(result.rowsSignals, 0);
    QCOMPARE(simulator->requestCount(), quint64(1));
}

void TestFetchAllJob::fullLastPageLooksFurther()
{
    // Exactly two full pages: the job asks for a third to be sure the count was not low.
    sim::SimulatorOptions options;
    options.gateways = 60;
    options.regions = {QStringLiteral("cn-hangzhou")};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-hangzhou");
    const Result result = runJob(client, query, 4);
    QVERIFY(result.finished);
    QCOMPARE(result.rows.size(), 60);
    QCOMPARE(simulator->requestCount(), quint64(3));
}

QTEST_GUILESS_MAIN(TestFetchAllJob)
#include "tst_fetchalljob.moc"
