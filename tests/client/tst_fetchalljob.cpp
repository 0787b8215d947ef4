// FetchAllJob against the real simulator: every page, in order, bounded concurrency, faults.
#include "api/fetchall.h"
#include "sim/simulator.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSet>
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

    // Hostile servers: every one ends, with a defined outcome and a bounded number of requests.
    void hostileServers_data();
    void hostileServers();
    void duplicatesRemovedInOrder_data();
    void duplicatesRemovedInOrder();
    void hugeTotalIsNotBelieved();
    void changingTotalUsesTheFirstPage();
    void wrongTypesFailTheListing();
    void maxPagesIsACeiling();

    // Stopping and lifetimes.
    void cancelFromRowsReadyStopsDelivery();
    void deleteFromRowsReadyIsSafe();
    void pagesAheadAreBounded();
    void clientDestroyedFirst();
    void jobDestroyedMidFlight();
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

void TestFetchAllJob::hostileServers_data()
{
    QTest::addColumn<int>("fault");
    QTest::addColumn<int>("gateways");    // all in cn-beijing
    QTest::addColumn<QString>("code");    // empty: finishes
    QTest::addColumn<int>("rows");        // rows delivered when it finishes
    QTest::addColumn<int>("maxRequests"); // what the job may send at most

    const int endless = int(sim::Fault::Endless);
    const int repeatLast = int(sim::Fault::RepeatLast);
    const int low = int(sim::Fault::LyingTotalLow);
    const int high = int(sim::Fault::LyingTotalHigh);
    const QString inconsistent = QStringLiteral("InconsistentPaging");
    // 30 a page: 70 gateways is 3 pages (the last short), 60 is exactly 2 full ones.
    QTest::newRow("endless, last page padded") << endless << 70 << inconsistent << 0 << 4;
    QTest::newRow("endless, two full pages") << endless << 60 << inconsistent << 0 << 3;
    QTest::newRow("endless, empty region") << endless << 0 << inconsistent << 0 << 2;
    QTest::newRow("repeat-last, full last page") << repeatLast << 60 << QString() << 60 << 3;
    QTest::newRow("repeat-last, short last page") << repeatLast << 70 << QString() << 70 << 3;
    QTest::newRow("repeat-last, one full page") << repeatLast << 30 << QString() << 30 << 2;
    QTest::newRow("lying-total-low by a page") << low << 150 << inconsistent << 0 << 4;
    QTest::newRow("lying-total-low within a page") << low << 70 << QString() << 70 << 3;
    QTest::newRow("lying-total-high") << high << 70 << QString() << 70 << 1 + 4 * 4;
    QTest::newRow("lying-total-high, empty region") << high << 0 << QString() << 0 << 1;
}

void TestFetchAllJob::hostileServers()
{
    QFETCH(int, fault);
    QFETCH(int, gateways);
    QFETCH(QString, code);
    QFETCH(int, rows);
    QFETCH(int, maxRequests);
    sim::SimulatorOptions options;
    options.gateways = gateways;
    options.regions = {QStringLiteral("cn-beijing")};
    options.faults = {{sim::Fault(fault), 1.0}};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-beijing");

    Result result;
    FetchAllJob job(&client, query, 4);
    connect(&job, &FetchAllJob::rowsReady, this,
            [&result](const QVector<BackupGateway> &page) { result.rows += page; });
    connect(&job, &FetchAllJob::finished, this, [&result] { result.finished = true; });
    connect(&job, &FetchAllJob::failed, this,
            [&result](const ApiError &error) { result.error = error; });
    job.start();
    QVERIFY2(QTest::qWaitFor([&] { return result.finished || result.error.isError(); }, 20000),
             qPrintable(QStringLiteral("no end after %1 requests").arg(job.requestsSent())));
    QVERIFY2(job.requestsSent() <= maxRequests, qPrintable(QString::number(job.requestsSent())));
    if (code.isEmpty()) {
        QVERIFY2(result.finished, qPrintable(result.error.summary()));
        QCOMPARE(result.rows.size(), rows);
        QCOMPARE(result.rows, simulator->gatewaysIn(query.region));
    } else {
        QVERIFY(!result.finished);
        QCOMPARE(result.error.code, code);
        QVERIFY(!result.error.message.isEmpty());
        QVERIFY(!result.error.requestId.isEmpty());
    }
    // Nothing more goes out once it has ended.
    const int sent = job.requestsSent();
    QTest::qWait(100);
    QCOMPARE(job.requestsSent(), sent);
}

void TestFetchAllJob::duplicatesRemovedInOrder_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("concurrency");
    QTest::newRow("30 x1") << 30 << 1;
    QTest::newRow("30 x4") << 30 << 4;
    QTest::newRow("50 x16") << 50 << 16;
}

void TestFetchAllJob::duplicatesRemovedInOrder()
{
    // Every page from the second repeats the last third of the page before it: real duplicate
    // ids, which the job drops, keeping the service's order.
    QFETCH(int, pageSize);
    QFETCH(int, concurrency);
    sim::SimulatorOptions options;
    options.gateways = 230;
    options.regions = {QStringLiteral("cn-beijing")};
    options.faults = {{sim::Fault::Duplicate, 1.0}};
    options.latencyMs = 2;
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-beijing");
    query.pageSize = pageSize;
    const Result result = runJob(client, query, concurrency);
    QVERIFY2(result.finished, qPrintable(result.error.summary()));
    QCOMPARE(result.rows, simulator->gatewaysIn(query.region));
    QSet<QString> ids;
    for (const BackupGateway &gateway : result.rows)
        ids.insert(gateway.backupGatewayId);
    QCOMPARE(ids.size(), 230);
}

void TestFetchAllJob::hugeTotalIsNotBelieved()
{
    // TotalElements 10^9 at page size 100: a job believing it would send ten million requests.
    // It stops at the first short page instead.
    sim::SimulatorOptions options;
    options.gateways = 250;
    options.regions = {QStringLiteral("cn-beijing")};
    options.faults = {{sim::Fault::LyingTotalHigh, 1.0}};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-beijing");
    query.pageSize = 100;
    Result result;
    FetchAllJob job(&client, query, 2);
    connect(&job, &FetchAllJob::rowsReady, this,
            [&result](const QVector<BackupGateway> &page) { result.rows += page; });
    connect(&job, &FetchAllJob::finished, this, [&result] { result.finished = true; });
    connect(&job, &FetchAllJob::failed, this,
            [&result](const ApiError &error) { result.error = error; });
    job.start();
    QVERIFY(QTest::qWaitFor([&] { return result.finished || result.error.isError(); }, 20000));
    QVERIFY2(result.finished, qPrintable(result.error.summary()));
    QCOMPARE(result.rows.size(), 250);
    QCOMPARE(job.totalElements(), 1000000000);
    QVERIFY2(job.requestsSent() <= 1 + 2 * 4, qPrintable(QString::number(job.requestsSent())));
}

void TestFetchAllJob::changingTotalUsesTheFirstPage()
{
    // Page 1 tells the truth, later pages say 0 or several times more: the plan made from page
    // 1 stands, the listing ends at the first short page with every gateway once.
    sim::SimulatorOptions options;
    options.gateways = 200;
    options.regions = {QStringLiteral("cn-beijing")};
    options.faults = {{sim::Fault::ChangingTotal, 1.0}};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-beijing");
    const Result result = runJob(client, query, 3);
    QVERIFY2(result.finished, qPrintable(result.error.summary()));
    QCOMPARE(result.rows, simulator->gatewaysIn(query.region));
}

void TestFetchAllJob::wrongTypesFailTheListing()
{
    // Every field of the wrong type: no row can be named, so the page is MalformedResponse
    // (retried, then the job's error), never a short page that would end the listing early
    // and call two nameless rows the whole region.
    sim::SimulatorOptions options;
    options.faults = {{sim::Fault::WrongTypes, 1.0}};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-hangzhou");
    const Result result = runJob(client, query, 4);
    QVERIFY(!result.finished);
    QCOMPARE(result.error.code, QStringLiteral("MalformedResponse"));
    QVERIFY(result.rows.isEmpty());
}

void TestFetchAllJob::maxPagesIsACeiling()
{
    sim::SimulatorOptions options;
    options.gateways = 150;
    options.regions = {QStringLiteral("cn-beijing")};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-beijing");
    FetchAllJob job(&client, query, 4);
    job.setMaxPages(3);
    ApiError error;
    bool finished = false;
    connect(&job, &FetchAllJob::finished, this, [&finished] { finished = true; });
    connect(&job, &FetchAllJob::failed, this, [&error](const ApiError &e) { error = e; });
    job.start();
    QVERIFY(QTest::qWaitFor([&] { return finished || error.isError(); }, 10000));
    QVERIFY(!finished);
    QCOMPARE(error.code, QStringLiteral("InconsistentPaging"));
    QVERIFY2(error.message.contains(QStringLiteral("3 pages")), qPrintable(error.message));
    QCOMPARE(job.requestsSent(), 3);
}

void TestFetchAllJob::cancelFromRowsReadyStopsDelivery()
{
    // Page 2 answers last, so pages 2 to 5 are delivered in one go: cancelling in the slot
    // that gets page 2 must stop pages 3 to 5 from following.
    sim::SimulatorOptions options;
    options.gateways = 150;
    options.regions = {QStringLiteral("cn-beijing")};
    options.pageLatencyMs = {{2, 400}};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-beijing");
    FetchAllJob job(&client, query, 4);
    QList<int> firstRows; // the first row's index of each delivery
    bool ended = false;
    connect(&job, &FetchAllJob::rowsReady, this, [&](const QVector<BackupGateway> &rows) {
        firstRows.append(int(simulator->gatewaysIn(query.region).indexOf(rows.first())));
        if (firstRows.size() == 2)
            job.cancel();
    });
    connect(&job, &FetchAllJob::progress, this, [&] {
        if (firstRows.size() > 2)
            QFAIL("progress after cancel()");
    });
    connect(&job, &FetchAllJob::finished, this, [&ended] { ended = true; });
    connect(&job, &FetchAllJob::failed, this, [&ended] { ended = true; });
    job.start();
    QVERIFY(QTest::qWaitFor([&] { return firstRows.size() >= 2; }, 10000));
    QTest::qWait(300);
    QCOMPARE(firstRows, (QList<int>{0, 30}));
    QVERIFY(!ended);
}

void TestFetchAllJob::deleteFromRowsReadyIsSafe()
{
    sim::SimulatorOptions options;
    options.gateways = 150;
    options.regions = {QStringLiteral("cn-beijing")};
    options.pageLatencyMs = {{2, 300}};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-beijing");
    QPointer<FetchAllJob> job = new FetchAllJob(&client, query, 4);
    int deliveries = 0;
    connect(job, &FetchAllJob::rowsReady, this, [&] {
        if (++deliveries == 2)
            delete job.data();
    });
    job->start();
    QVERIFY(QTest::qWaitFor([&] { return job.isNull(); }, 10000));
    QTest::qWait(300);
    QCOMPARE(deliveries, 2);
}

void TestFetchAllJob::pagesAheadAreBounded()
{
    // While page 2 is held back, the job may run at most 4 x concurrency pages ahead of it
    // rather than fetch (and keep) the whole region.
    sim::SimulatorOptions options;
    options.gateways = 1200;
    options.regions = {QStringLiteral("cn-beijing")};
    options.pageLatencyMs = {{2, 1500}};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-beijing");
    bool finished = false;
    QVector<BackupGateway> rows;
    FetchAllJob job(&client, query, 2);
    connect(&job, &FetchAllJob::rowsReady, this,
            [&rows](const QVector<BackupGateway> &page) { rows += page; });
    connect(&job, &FetchAllJob::finished, this, [&finished] { finished = true; });
    job.start();
    QTest::qWait(1000);
    // Page 1, then pages 2 to 9 (page 2 + 2 x 4 - 1): nine requests.
    QVERIFY2(job.requestsSent() <= 9, qPrintable(QString::number(job.requestsSent())));
    QVERIFY(QTest::qWaitFor([&finished] { return finished; }, 20000));
    QCOMPARE(rows, simulator->gatewaysIn(query.region));
}

void TestFetchAllJob::clientDestroyedFirst()
{
    // The owner deletes the client (and with it every call) while the job still runs.
    sim::SimulatorOptions options;
    options.gateways = 600;
    options.regions = {QStringLiteral("cn-beijing")};
    options.latencyMs = 50;
    auto simulator = startSimulator(options);
    auto *client = new DbsClient;
    configure(*client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-beijing");
    auto job = std::make_unique<FetchAllJob>(client, query, 4);
    ApiError error;
    bool finished = false;
    int rowsSignals = 0;
    connect(job.get(), &FetchAllJob::rowsReady, this, [&rowsSignals] { ++rowsSignals; });
    connect(job.get(), &FetchAllJob::finished, this, [&finished] { finished = true; });
    connect(job.get(), &FetchAllJob::failed, this, [&error](const ApiError &e) { error = e; });
    job->start();
    QVERIFY(QTest::qWaitFor([&rowsSignals] { return rowsSignals > 0; }, 10000));
    delete client; // calls in flight go with it
    QVERIFY(QTest::qWaitFor([&error] { return error.isError(); }, 5000));
    QCOMPARE(error.kind, ApiError::Kind::Cancelled);
    QVERIFY(!finished);
    job.reset(); // must not touch the deleted calls
    QTest::qWait(200);
}

void TestFetchAllJob::jobDestroyedMidFlight()
{
    sim::SimulatorOptions options;
    options.gateways = 600;
    options.regions = {QStringLiteral("cn-beijing")};
    options.latencyMs = 50;
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-beijing");
    auto job = std::make_unique<FetchAllJob>(&client, query, 4);
    int rowsSignals = 0;
    connect(job.get(), &FetchAllJob::rowsReady, this, [&rowsSignals] { ++rowsSignals; });
    job->start();
    QVERIFY(QTest::qWaitFor([&rowsSignals] { return rowsSignals > 0; }, 10000));
    QVERIFY(!client.findChildren<PageCall *>().isEmpty());
    int answered = 0; // a call not cancelled would log its answer within 50 ms
    connect(&client, &DbsClient::requestLogged, this, [&answered] { ++answered; });
    job.reset();
    // Its calls are cancelled and gone.
    QTRY_VERIFY(client.findChildren<PageCall *>().isEmpty());
    QTest::qWait(300);
    QCOMPARE(answered, 0);
}

QTEST_GUILESS_MAIN(TestFetchAllJob)
#include "tst_fetchalljob.moc"
