// PagePipeline against the real simulator, in both readings of PageNum: every gateway once,
// in order, with bounded concurrency and requests, lazily or whole, through faults.
#include "pagingcases.h"
#include "simfixture.h"
#include <api/pagepipeline.h>

#include <QElapsedTimer>
#include <QPointer>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace dbs;
using fixture::startSimulator;

namespace {
struct Result
{
    QVector<BackupGateway> rows;
    bool finished = false;
    ApiError error;
    int rowsSignals = 0;
    int requests = 0;
};

Result runJob(DbsClient &client, const PageQuery &query, int concurrency)
{
    Result result;
    PagePipeline job(&client, query, concurrency);
    QObject::connect(&job, &PagePipeline::rowsReady, [&result](const QVector<BackupGateway> &rows) {
        result.rows += rows;
        ++result.rowsSignals;
    });
    QObject::connect(&job, &PagePipeline::finished, [&result] { result.finished = true; });
    QObject::connect(&job, &PagePipeline::failed,
                     [&result](const ApiError &error) { result.error = error; });
    job.fetchAll();
    if (!QTest::qWaitFor([&] { return result.finished || result.error.isError(); }, 60000))
        qWarning("job did not end");
    result.requests = job.requestsSent();
    return result;
}

void configure(DbsClient &client, const dbs::Simulator &simulator, int maxAttempts = 4)
{
    fixture::pointAt(&client, simulator, maxAttempts);
}

// Columns pageBase, pageSize, concurrency: each (page size, concurrency) in both page bases.
void addPageSizeConcurrencyRows(const QList<QPair<int, int>> &rows)
{
    QTest::addColumn<int>("pageBase");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("concurrency");
    for (int base : fixture::pageBases) {
        for (const auto &[pageSize, concurrency] : rows)
            QTest::addRow("base %d, %d x%d", base, pageSize, concurrency)
                << base << pageSize << concurrency;
    }
}

dbs::SimulatorOptions inOneRegion(int gateways, int pageBase)
{
    dbs::SimulatorOptions options = fixture::options(gateways, 1, {QStringLiteral("cn-beijing")});
    options.pageBase = pageBase;
    return options;
}

} // namespace

class TestPagePipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyGatewayOnce_data();
    void everyGatewayOnce();
    void lazyPagesAsWanted_data();
    void lazyPagesAsWanted();
    void everyPageInOrder_data();
    void everyPageInOrder();
    void concurrencyIsBounded();
    void survivesFaults_data();
    void survivesFaults();
    void failsWhenRetriesRunOut();
    void resumesAtTheFailedPage_data();
    void resumesAtTheFailedPage();
    void pauseThenResume();
    void pauseAfterAFailure();
    void emptyRegion();

    // Hostile servers: every one ends, with a defined outcome and a bounded number of requests.
    void hostileServers_data();
    void hostileServers();
    void duplicatesRemovedInOrder_data();
    void duplicatesRemovedInOrder();
    void hugeTotalIsNotBelieved();
    void changingTotalUsesTheFirstPage_data();
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

void TestPagePipeline::everyGatewayOnce_data()
{
    fixture::addPagingRows();
}

void TestPagePipeline::everyGatewayOnce()
{
    QFETCH(int, pageBase);
    QFETCH(int, gateways);
    QFETCH(int, pageSize);
    auto simulator = startSimulator(inOneRegion(gateways, pageBase));
    DbsClient client;
    configure(client, *simulator);
    const PageQuery query = fixture::query(QStringLiteral("cn-beijing"), pageSize);
    const Result result = runJob(client, query, defaultFetchConcurrency);
    QVERIFY2(result.finished, qPrintable(result.error.summary()));
    const QVector<BackupGateway> expected = simulator->gatewaysIn(query.region);
    QCOMPARE(expected.size(), gateways);
    QCOMPARE(fixture::ids(result.rows), fixture::ids(expected));
    QCOMPARE(result.rows, expected);
    // At most one page past what TotalElements implies, and no page past a short one.
    QCOMPARE(result.requests, fixture::expectedRequests(pageBase, gateways, pageSize));
}

void TestPagePipeline::lazyPagesAsWanted_data()
{
    fixture::addPageBaseRows();
}

void TestPagePipeline::lazyPagesAsWanted()
{
    // As a view scrolls: one page, then the next, each only when wanted; then the rest.
    QFETCH(int, pageBase);
    auto simulator = startSimulator(inOneRegion(100, pageBase));
    DbsClient client;
    configure(client, *simulator);
    const PageQuery query = fixture::query(QStringLiteral("cn-beijing"));
    const QVector<BackupGateway> all = simulator->gatewaysIn(query.region);
    PagePipeline job(&client, query);
    QVector<BackupGateway> rows;
    connect(&job, &PagePipeline::rowsReady, this,
            [&rows](const QVector<BackupGateway> &page) { rows += page; });
    QSignalSpy paused(&job, &PagePipeline::paused);
    QSignalSpy finished(&job, &PagePipeline::finished);
    QVERIFY(job.canFetchMore());

    job.fetchPages(1);
    QVERIFY(!job.canFetchMore()); // in flight
    QTRY_COMPARE(paused.size(), 1);
    QCOMPARE(rows, all.mid(0, 30));
    QCOMPARE(job.pagesDelivered(), 1);
    QCOMPARE(job.requestsSent(), 1);
    QCOMPARE(job.totalElements(), 100);
    QVERIFY(job.canFetchMore());
    QTest::qWait(50);
    QCOMPARE(job.requestsSent(), 1); // nothing goes out unasked

    job.fetchPages(2);
    QTRY_COMPARE(paused.size(), 2);
    QCOMPARE(rows, all.mid(0, 60));
    QCOMPARE(job.pagesDelivered(), 2);
    QCOMPARE(job.firstPageNum(), pageBase);
    QCOMPARE(job.requestsSent(), 2 + pageBase); // a 1-based service's repeated page 1 too

    job.fetchAll();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(rows, all);
    QVERIFY(job.isComplete());
    QVERIFY(!job.canFetchMore());
    QCOMPARE(paused.size(), 2);
    QCOMPARE(job.requestsSent(), 4 + pageBase);
}

void TestPagePipeline::everyPageInOrder_data()
{
    addPageSizeConcurrencyRows({{30, 1}, {30, 4}, {50, 16}, {100, 4}});
}

void TestPagePipeline::everyPageInOrder()
{
    QFETCH(int, pageBase);
    QFETCH(int, pageSize);
    QFETCH(int, concurrency);
    dbs::SimulatorOptions options;
    options.gateways = 1000;
    options.latencyMs = 2; // lets answers overtake each other
    options.pageBase = pageBase;
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    const PageQuery query = fixture::query(QStringLiteral("cn-hangzhou"), pageSize);
    const Result result = runJob(client, query, concurrency);
    QVERIFY2(result.finished, qPrintable(result.error.summary()));
    const QVector<BackupGateway> expected = simulator->gatewaysIn(query.region);
    QVERIFY(expected.size() > 3 * pageSize);
    QCOMPARE(result.rows.size(), expected.size());
    QCOMPARE(result.rows, expected);
}

void TestPagePipeline::concurrencyIsBounded()
{
    // 9 pages at 60 ms each: one at a time needs >= 540 ms; with 2 in flight >= 1 + 4 rounds.
    dbs::SimulatorOptions options;
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
    QVERIFY2(eightInFlight < twoInFlight,
             qPrintable(QStringLiteral("%1 vs %2").arg(eightInFlight).arg(twoInFlight)));
    qInfo("9 pages, 60 ms latency: %lld ms with 2 in flight, %lld ms with 8", twoInFlight,
          eightInFlight);
}

void TestPagePipeline::survivesFaults_data()
{
    fixture::addPageBaseRows();
}

void TestPagePipeline::survivesFaults()
{
    QFETCH(int, pageBase);
    dbs::SimulatorOptions options;
    options.gateways = 800;
    options.pageBase = pageBase;
    options.faults = {{dbs::Fault::Http500, 0.1},   {dbs::Fault::Http503, 0.1},
                      {dbs::Fault::Throttle, 0.1},  {dbs::Fault::Reset, 0.05},
                      {dbs::Fault::Truncate, 0.05}, {dbs::Fault::Malformed, 0.05}};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator, 20);
    const PageQuery query = fixture::query(QStringLiteral("cn-hangzhou"));
    const Result result = runJob(client, query, 4);
    QVERIFY2(result.finished, qPrintable(result.error.summary()));
    QCOMPARE(result.rows, simulator->gatewaysIn(query.region));
    QVERIFY(simulator->requestCount() > quint64((result.rows.size() + 29) / 30));
}

void TestPagePipeline::failsWhenRetriesRunOut()
{
    dbs::SimulatorOptions options;
    options.faults = {{dbs::Fault::Http503, 1.0}};
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

void TestPagePipeline::resumesAtTheFailedPage_data()
{
    fixture::addPageBaseRows();
}

void TestPagePipeline::resumesAtTheFailedPage()
{
    // The second page meets a service that is gone: the listing fails, keeps its first page,
    // and, asked again, goes on from the page that failed with every gateway once.
    QFETCH(int, pageBase);
    auto simulator = startSimulator(inOneRegion(100, pageBase));
    auto gone = startSimulator(inOneRegion(0, pageBase));
    DbsClient client;
    configure(client, *simulator, 1);
    const PageQuery query = fixture::query(QStringLiteral("cn-beijing"));
    PagePipeline job(&client, query);
    QVector<BackupGateway> rows;
    connect(&job, &PagePipeline::rowsReady, this,
            [&rows](const QVector<BackupGateway> &page) { rows += page; });
    QSignalSpy paused(&job, &PagePipeline::paused);
    QSignalSpy failed(&job, &PagePipeline::failed);
    QSignalSpy finished(&job, &PagePipeline::finished);
    job.fetchPages(1);
    QTRY_COMPARE(paused.size(), 1);

    configure(client, *gone, 1);
    gone->stop();
    job.fetchAll();
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(job.hasFailed());
    QVERIFY(!job.canFetchMore());
    QCOMPARE(rows.size(), 30);

    configure(client, *simulator, 1);
    job.fetchAll();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(rows, simulator->gatewaysIn(query.region));
}

void TestPagePipeline::pauseAfterAFailure()
{
    // A full listing fails and is paused (the user stopped it): asked for one more page, it
    // asks for that page alone.
    auto simulator = startSimulator(inOneRegion(200, 0));
    auto gone = startSimulator(inOneRegion(0, 0));
    DbsClient client;
    configure(client, *gone, 1);
    gone->stop();
    const PageQuery query = fixture::query(QStringLiteral("cn-beijing"));
    PagePipeline job(&client, query);
    QSignalSpy failed(&job, &PagePipeline::failed);
    QSignalSpy paused(&job, &PagePipeline::paused);
    job.fetchAll();
    QTRY_COMPARE(failed.size(), 1);
    job.pause();
    configure(client, *simulator, 1);
    job.fetchPages(job.pagesDelivered() + 1);
    QTRY_COMPARE(paused.size(), 1);
    QCOMPARE(job.pagesDelivered(), 1);
    QCOMPARE(job.delivered(), 30);
    QTest::qWait(100);
    QCOMPARE(job.requestsSent(), 2); // the one that failed, and the one asked for
}

void TestPagePipeline::pauseThenResume()
{
    // Pages in flight when paused are dropped and asked for again: nothing lost, nothing twice.
    dbs::SimulatorOptions options = inOneRegion(300, 0);
    options.latencyMs = 40;
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    const PageQuery query = fixture::query(QStringLiteral("cn-beijing"));
    PagePipeline job(&client, query, 4);
    QVector<BackupGateway> rows;
    connect(&job, &PagePipeline::rowsReady, this,
            [&rows](const QVector<BackupGateway> &page) { rows += page; });
    QSignalSpy finished(&job, &PagePipeline::finished);
    job.fetchAll();
    QTRY_VERIFY(rows.size() >= 30 && job.isActive());
    job.pause();
    QVERIFY(!job.isActive());
    QVERIFY(job.canFetchMore());
    const qsizetype held = rows.size();
    QTest::qWait(150);
    QCOMPARE(rows.size(), held);
    job.fetchAll();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(rows, simulator->gatewaysIn(query.region));
}

void TestPagePipeline::emptyRegion()
{
    dbs::SimulatorOptions options;
    options.regions = {QStringLiteral("cn-hangzhou")};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    const PageQuery query = fixture::query(QStringLiteral("eu-west-1"));
    const Result result = runJob(client, query, 4);
    QVERIFY(result.finished);
    QVERIFY(result.rows.isEmpty());
    QCOMPARE(result.rowsSignals, 0);
    QCOMPARE(simulator->requestCount(), quint64(1));
}

void TestPagePipeline::hostileServers_data()
{
    QTest::addColumn<int>("pageBase");
    QTest::addColumn<int>("fault");
    QTest::addColumn<int>("gateways");    // all in cn-beijing
    QTest::addColumn<QString>("code");    // empty: finishes
    QTest::addColumn<int>("rows");        // rows delivered when it finishes
    QTest::addColumn<int>("maxRequests"); // what the job may send at most

    const int endless = int(dbs::Fault::Endless);
    const int repeatLast = int(dbs::Fault::RepeatLast);
    const int low = int(dbs::Fault::LyingTotalLow);
    const int high = int(dbs::Fault::LyingTotalHigh);
    const QString inconsistent = QStringLiteral("InconsistentPaging");
    // 30 a page: 70 gateways is 3 pages (the last short), 60 is exactly 2 full ones. A 1-based
    // service costs one request more (its first page twice), except where the first page is
    // all there is.
    for (int base : fixture::pageBases) {
        const auto row = [base](const char *name) -> QTestData & {
            return QTest::addRow("base %d, %s", base, name);
        };
        row("endless, last page padded") << base << endless << 70 << inconsistent << 0 << 4 + base;
        row("endless, two full pages") << base << endless << 60 << inconsistent << 0 << 3 + base;
        row("endless, empty region") << base << endless << 0 << inconsistent << 0 << 2 + base;
        row("repeat-last, full last page")
            << base << repeatLast << 60 << QString() << 60 << 3 + base;
        row("repeat-last, short last page")
            << base << repeatLast << 70 << QString() << 70 << 3 + base;
        // Page 1 repeats page 0 exactly in both readings: taken as a 1-based service, then
        // the repetition of a page with every gateway in is the end.
        row("repeat-last, one full page") << base << repeatLast << 30 << QString() << 30 << 3;
        row("lying-total-low by a page") << base << low << 150 << inconsistent << 0 << 4 + base;
        row("lying-total-low within a page") << base << low << 70 << QString() << 70 << 3 + base;
        row("lying-total-high") << base << high << 70 << QString() << 70 << 1 + 4 * 4;
        row("lying-total-high, empty region") << base << high << 0 << QString() << 0 << 1;
    }
}

void TestPagePipeline::hostileServers()
{
    QFETCH(int, pageBase);
    QFETCH(int, fault);
    QFETCH(int, gateways);
    QFETCH(QString, code);
    QFETCH(int, rows);
    QFETCH(int, maxRequests);
    dbs::SimulatorOptions options = inOneRegion(gateways, pageBase);
    options.faults = {{dbs::Fault(fault), 1.0}};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    const PageQuery query = fixture::query(QStringLiteral("cn-beijing"));

    Result result;
    PagePipeline job(&client, query, 4);
    connect(&job, &PagePipeline::rowsReady, this,
            [&result](const QVector<BackupGateway> &page) { result.rows += page; });
    connect(&job, &PagePipeline::finished, this, [&result] { result.finished = true; });
    connect(&job, &PagePipeline::failed, this,
            [&result](const ApiError &error) { result.error = error; });
    job.fetchAll();
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

void TestPagePipeline::duplicatesRemovedInOrder_data()
{
    addPageSizeConcurrencyRows({{30, 1}, {30, 4}, {50, 16}});
}

void TestPagePipeline::duplicatesRemovedInOrder()
{
    // Every page from the second repeats the last third of the page before it: real duplicate
    // ids, which the job drops, keeping the service's order.
    QFETCH(int, pageBase);
    QFETCH(int, pageSize);
    QFETCH(int, concurrency);
    dbs::SimulatorOptions options = inOneRegion(230, pageBase);
    options.faults = {{dbs::Fault::Duplicate, 1.0}};
    options.latencyMs = 2;
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    const PageQuery query = fixture::query(QStringLiteral("cn-beijing"), pageSize);
    const Result result = runJob(client, query, concurrency);
    QVERIFY2(result.finished, qPrintable(result.error.summary()));
    QCOMPARE(result.rows, simulator->gatewaysIn(query.region));
    QSet<QString> ids;
    for (const BackupGateway &gateway : result.rows)
        ids.insert(gateway.backupGatewayId);
    QCOMPARE(ids.size(), 230);
}

void TestPagePipeline::hugeTotalIsNotBelieved()
{
    // TotalElements 10^9 at page size 100: a job believing it would send ten million requests.
    // It stops at the first short page instead.
    dbs::SimulatorOptions options;
    options.gateways = 250;
    options.regions = {QStringLiteral("cn-beijing")};
    options.faults = {{dbs::Fault::LyingTotalHigh, 1.0}};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-beijing");
    query.pageSize = 100;
    Result result;
    PagePipeline job(&client, query, 2);
    connect(&job, &PagePipeline::rowsReady, this,
            [&result](const QVector<BackupGateway> &page) { result.rows += page; });
    connect(&job, &PagePipeline::finished, this, [&result] { result.finished = true; });
    connect(&job, &PagePipeline::failed, this,
            [&result](const ApiError &error) { result.error = error; });
    job.fetchAll();
    QVERIFY(QTest::qWaitFor([&] { return result.finished || result.error.isError(); }, 20000));
    QVERIFY2(result.finished, qPrintable(result.error.summary()));
    QCOMPARE(result.rows.size(), 250);
    QCOMPARE(job.totalElements(), 1000000000);
    QVERIFY2(job.requestsSent() <= 1 + 2 * 4, qPrintable(QString::number(job.requestsSent())));
}

void TestPagePipeline::changingTotalUsesTheFirstPage_data()
{
    fixture::addPageBaseRows();
}

void TestPagePipeline::changingTotalUsesTheFirstPage()
{
    // The first page tells the truth, later pages say 0 or several times more: the plan made
    // from the first page stands, the listing ends at the first short page with every gateway
    // once.
    QFETCH(int, pageBase);
    dbs::SimulatorOptions options = inOneRegion(200, pageBase);
    options.faults = {{dbs::Fault::ChangingTotal, 1.0}};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    const PageQuery query = fixture::query(QStringLiteral("cn-beijing"));
    const Result result = runJob(client, query, 3);
    QVERIFY2(result.finished, qPrintable(result.error.summary()));
    QCOMPARE(result.rows, simulator->gatewaysIn(query.region));
}

void TestPagePipeline::wrongTypesFailTheListing()
{
    // Every field of the wrong type: no row can be named, so the page is MalformedResponse
    // (retried, then the job's error), never a short page that would end the listing early
    // and call two nameless rows the whole region.
    dbs::SimulatorOptions options;
    options.faults = {{dbs::Fault::WrongTypes, 1.0}};
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

void TestPagePipeline::maxPagesIsACeiling()
{
    dbs::SimulatorOptions options;
    options.gateways = 150;
    options.regions = {QStringLiteral("cn-beijing")};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-beijing");
    PagePipeline job(&client, query, 4);
    job.setMaxPages(3);
    ApiError error;
    bool finished = false;
    connect(&job, &PagePipeline::finished, this, [&finished] { finished = true; });
    connect(&job, &PagePipeline::failed, this, [&error](const ApiError &e) { error = e; });
    job.fetchAll();
    QVERIFY(QTest::qWaitFor([&] { return finished || error.isError(); }, 10000));
    QVERIFY(!finished);
    QCOMPARE(error.code, QStringLiteral("InconsistentPaging"));
    QVERIFY2(error.message.contains(QStringLiteral("3 pages")), qPrintable(error.message));
    QCOMPARE(job.requestsSent(), 3);
}

void TestPagePipeline::cancelFromRowsReadyStopsDelivery()
{
    // PageNum 1 answers last, so pages 1 to 4 are delivered in one go: cancelling in the slot
    // that gets page 1 must stop pages 2 to 4 from following.
    dbs::SimulatorOptions options;
    options.gateways = 150;
    options.regions = {QStringLiteral("cn-beijing")};
    options.pageLatencyMs = {{1, 400}};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-beijing");
    PagePipeline job(&client, query, 4);
    QList<int> firstRows; // the first row's index of each delivery
    bool ended = false;
    connect(&job, &PagePipeline::rowsReady, this, [&](const QVector<BackupGateway> &rows) {
        firstRows.append(int(simulator->gatewaysIn(query.region).indexOf(rows.first())));
        if (firstRows.size() == 2)
            job.cancel();
    });
    connect(&job, &PagePipeline::progress, this, [&] {
        if (firstRows.size() > 2)
            QFAIL("progress after cancel()");
    });
    connect(&job, &PagePipeline::finished, this, [&ended] { ended = true; });
    connect(&job, &PagePipeline::failed, this, [&ended] { ended = true; });
    job.fetchAll();
    QVERIFY(QTest::qWaitFor([&] { return firstRows.size() >= 2; }, 10000));
    QTest::qWait(300);
    QCOMPARE(firstRows, (QList<int>{0, 30}));
    QVERIFY(!ended);
}

void TestPagePipeline::deleteFromRowsReadyIsSafe()
{
    dbs::SimulatorOptions options;
    options.gateways = 150;
    options.regions = {QStringLiteral("cn-beijing")};
    options.pageLatencyMs = {{1, 300}};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-beijing");
    QPointer<PagePipeline> job = new PagePipeline(&client, query, 4);
    int deliveries = 0;
    connect(job, &PagePipeline::rowsReady, this, [&] {
        if (++deliveries == 2)
            delete job.data();
    });
    job->fetchAll();
    QVERIFY(QTest::qWaitFor([&] { return job.isNull(); }, 10000));
    QTest::qWait(300);
    QCOMPARE(deliveries, 2);
}

void TestPagePipeline::pagesAheadAreBounded()
{
    // While PageNum 1 is held back, the job may run at most 4 x concurrency pages ahead of it
    // rather than fetch (and keep) the whole region.
    dbs::SimulatorOptions options;
    options.gateways = 1200;
    options.regions = {QStringLiteral("cn-beijing")};
    options.pageLatencyMs = {{1, 1500}};
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-beijing");
    bool finished = false;
    QVector<BackupGateway> rows;
    PagePipeline job(&client, query, 2);
    connect(&job, &PagePipeline::rowsReady, this,
            [&rows](const QVector<BackupGateway> &page) { rows += page; });
    connect(&job, &PagePipeline::finished, this, [&finished] { finished = true; });
    job.fetchAll();
    QTest::qWait(1000);
    // PageNum 0, then 1 to 8 (1 + 2 x 4 - 1): nine requests.
    QVERIFY2(job.requestsSent() <= 9, qPrintable(QString::number(job.requestsSent())));
    QVERIFY(QTest::qWaitFor([&finished] { return finished; }, 20000));
    QCOMPARE(rows, simulator->gatewaysIn(query.region));
}

void TestPagePipeline::clientDestroyedFirst()
{
    // The owner deletes the client (and with it every call) while the job still runs.
    dbs::SimulatorOptions options;
    options.gateways = 600;
    options.regions = {QStringLiteral("cn-beijing")};
    options.latencyMs = 50;
    auto simulator = startSimulator(options);
    auto *client = new DbsClient;
    configure(*client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-beijing");
    auto job = std::make_unique<PagePipeline>(client, query, 4);
    ApiError error;
    bool finished = false;
    int rowsSignals = 0;
    connect(job.get(), &PagePipeline::rowsReady, this, [&rowsSignals] { ++rowsSignals; });
    connect(job.get(), &PagePipeline::finished, this, [&finished] { finished = true; });
    connect(job.get(), &PagePipeline::failed, this, [&error](const ApiError &e) { error = e; });
    job->fetchAll();
    QVERIFY(QTest::qWaitFor([&rowsSignals] { return rowsSignals > 0; }, 10000));
    delete client; // calls in flight go with it
    QVERIFY(QTest::qWaitFor([&error] { return error.isError(); }, 5000));
    QCOMPARE(error.kind, ApiError::Kind::Cancelled);
    QVERIFY(!finished);
    job.reset(); // must not touch the deleted calls
    QTest::qWait(200);
}

void TestPagePipeline::jobDestroyedMidFlight()
{
    dbs::SimulatorOptions options;
    options.gateways = 600;
    options.regions = {QStringLiteral("cn-beijing")};
    options.latencyMs = 50;
    auto simulator = startSimulator(options);
    DbsClient client;
    configure(client, *simulator);
    PageQuery query;
    query.region = QStringLiteral("cn-beijing");
    auto job = std::make_unique<PagePipeline>(&client, query, 4);
    int rowsSignals = 0;
    connect(job.get(), &PagePipeline::rowsReady, this, [&rowsSignals] { ++rowsSignals; });
    job->fetchAll();
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

QTEST_GUILESS_MAIN(TestPagePipeline)
#include "tst_pagepipeline.moc"
