#include <fleet/regionsweep.h>

#include <api/endpoints.h>

#include "pagingcases.h"
#include "simfixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace dbs;

namespace {
const QString hangzhou = QStringLiteral("cn-hangzhou");
const QString beijing = QStringLiteral("cn-beijing");
const QString shanghai = QStringLiteral("cn-shanghai");
} // namespace

class TestRegionSweep final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyRegionMerged_data();
    void everyRegionMerged();
    void heldRowsStandInForFailedRegions();
    void everyFirstPageAtOnce();
    void aFailingRegionHidesNoOther();
    void retryOneRegion();
    void cancelStopsEverySignal();
};

void TestRegionSweep::everyRegionMerged_data()
{
    fixture::addPagingRows();
}

void TestRegionSweep::everyRegionMerged()
{
    QFETCH(int, pageBase);
    QFETCH(int, gateways);
    QFETCH(int, pageSize);
    dbs::SimulatorOptions options = fixture::options(gateways, 7, {hangzhou, beijing, shanghai});
    options.pageBase = pageBase;
    auto simulator = fixture::startSimulator(options);
    DbsClient client;
    fixture::pointAt(&client, *simulator);
    // A region with no gateways at all is a finished region with none, not an error.
    const QStringList regions{shanghai, QStringLiteral("ap-southeast-1"), hangzhou, beijing};
    RegionSweep sweep(&client, regions, fixture::query(QString(), pageSize));
    QSignalSpy finished(&sweep, &RegionSweep::finished);
    sweep.start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.size(), 1);
    QVERIFY(sweep.isFinished());
    QCOMPARE(sweep.failedCount(), 0);
    QVector<BackupGateway> expected;
    for (const QString &region : regions) {
        const RegionResult result = sweep.result(region);
        QCOMPARE(result.state, RegionResult::State::Done);
        QCOMPARE(result.gateways, simulator->gatewaysIn(region));
        expected += result.gateways;
    }
    QCOMPARE(expected.size(), gateways);        // every gateway, each once
    QCOMPARE(sweep.mergedGateways(), expected); // in the order the regions were given
}

void TestRegionSweep::aFailingRegionHidesNoOther()
{
    dbs::SimulatorOptions options = fixture::options(600, 3, {hangzhou, beijing, shanghai});
    options.deniedRegions = {beijing};
    auto simulator = fixture::startSimulator(options);
    DbsClient client;
    fixture::pointAt(&client, *simulator);
    RegionSweep sweep(&client, {hangzhou, beijing, shanghai}, fixture::query(QString(), 50));
    QSignalSpy changed(&sweep, &RegionSweep::regionChanged);
    QSignalSpy finished(&sweep, &RegionSweep::finished);
    sweep.start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(sweep.failedCount(), 1);
    const RegionResult denied = sweep.result(beijing);
    QCOMPARE(denied.state, RegionResult::State::Failed);
    QCOMPARE(denied.error.code, QStringLiteral("Forbidden.RAM"));
    QCOMPARE(denied.error.httpStatus, 403);
    QVERIFY(denied.gateways.isEmpty());
    QCOMPARE(sweep.result(hangzhou).gateways, simulator->gatewaysIn(hangzhou));
    QCOMPARE(sweep.result(shanghai).gateways, simulator->gatewaysIn(shanghai));
    QCOMPARE(sweep.mergedGateways(),
             simulator->gatewaysIn(hangzhou) + simulator->gatewaysIn(shanghai));
    // Each region said when it started loading and when it ended.
    QStringList seen;
    for (const QList<QVariant> &args : changed)
        seen.append(args.at(0).toString());
    for (const QString &region : {hangzhou, beijing, shanghai})
        QCOMPARE(seen.count(region), 2);
}

void TestRegionSweep::heldRowsStandInForFailedRegions()
{
    // A failed region contributes what it listed before; a Done one only its fresh rows.
    dbs::SimulatorOptions options = fixture::options(200, 3, {hangzhou, beijing});
    options.deniedRegions = {beijing};
    auto simulator = fixture::startSimulator(options);
    DbsClient client;
    fixture::pointAt(&client, *simulator);
    RegionSweep sweep(&client, {hangzhou, beijing}, fixture::query(QString(), 100));
    QSignalSpy finished(&sweep, &RegionSweep::finished);
    sweep.start();
    QVERIFY(finished.wait(30000));
    BackupGateway before;
    before.backupGatewayId = QStringLiteral("dbsgw-seen-before");
    before.region = beijing;
    BackupGateway stale = simulator->gatewaysIn(hangzhou).constFirst();
    stale.displayName = QStringLiteral("what hangzhou said before");
    const QHash<QString, QVector<BackupGateway>> held = {{beijing, {before}}, {hangzhou, {stale}}};
    QCOMPARE(sweep.mergedGateways(held), simulator->gatewaysIn(hangzhou) + QVector{before});
}

void TestRegionSweep::everyFirstPageAtOnce()
{
    // Every region's first page is asked for at the start (Qt queues what is beyond six
    // connections a host), not a few regions at a time.
    auto simulator = fixture::startSimulator(fixture::options(2000, 3, {}));
    DbsClient client;
    fixture::pointAt(&client, *simulator);
    const QStringList regions = dbs::endpoints::regionIds();
    RegionSweep sweep(&client, regions, fixture::query(QString(), 30));
    QSignalSpy finished(&sweep, &RegionSweep::finished);
    sweep.start();
    const QList<PageCall *> calls = client.findChildren<PageCall *>();
    QCOMPARE(calls.size(), regions.size());
    QStringList asked;
    for (const PageCall *call : calls) {
        QCOMPARE(call->query().pageNum, 0);
        asked.append(call->query().region);
    }
    asked.sort();
    QStringList all = regions;
    all.sort();
    QCOMPARE(asked, all);
    QVERIFY(finished.wait(30000));
    QCOMPARE(sweep.mergedGateways().size(), 2000);
}

void TestRegionSweep::retryOneRegion()
{
    auto simulator = fixture::startSimulator(fixture::options(300, 5, {hangzhou, beijing}));
    DbsClient client;
    fixture::pointAt(&client, *simulator);
    const Credential good = client.credential();
    Credential wrong = good;
    wrong.accessKeySecret = QStringLiteral("not-the-secret");
    client.setCredential(wrong);
    RegionSweep sweep(&client, {hangzhou, beijing}, fixture::query(QString(), 30));
    QSignalSpy finished(&sweep, &RegionSweep::finished);
    sweep.start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(sweep.failedCount(), 2);
    QCOMPARE(sweep.result(beijing).error.code, QStringLiteral("SignatureDoesNotMatch"));

    // With the key fixed, a retry fetches that region alone: the other stays as it was.
    client.setCredential(good);
    finished.clear();
    sweep.retry(beijing);
    QCOMPARE(sweep.result(beijing).state, RegionResult::State::Loading);
    QVERIFY(!sweep.isFinished());
    QVERIFY(finished.wait(30000));
    QCOMPARE(sweep.result(beijing).state, RegionResult::State::Done);
    QCOMPARE(sweep.result(beijing).gateways, simulator->gatewaysIn(beijing));
    QCOMPARE(sweep.result(hangzhou).state, RegionResult::State::Failed);
    QCOMPARE(sweep.mergedGateways(), simulator->gatewaysIn(beijing));

    finished.clear();
    sweep.retry(hangzhou);
    QVERIFY(finished.wait(30000));
    QCOMPARE(sweep.failedCount(), 0);
    QCOMPARE(sweep.mergedGateways(),
             simulator->gatewaysIn(hangzhou) + simulator->gatewaysIn(beijing));
}

void TestRegionSweep::cancelStopsEverySignal()
{
    dbs::SimulatorOptions options = fixture::options(300, 5, {hangzhou, beijing});
    options.latencyMs = 200;
    auto simulator = fixture::startSimulator(options);
    DbsClient client;
    fixture::pointAt(&client, *simulator);
    auto *sweep = new RegionSweep(&client, {hangzhou, beijing}, fixture::query(QString()));
    QSignalSpy changed(sweep, &RegionSweep::regionChanged);
    QSignalSpy finished(sweep, &RegionSweep::finished);
    sweep->start();
    QCOMPARE(changed.size(), 2); // both loading
    sweep->cancel();
    QTest::qWait(800);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(finished.size(), 0);
    delete sweep; // and deleting a cancelled sweep is safe
    QTest::qWait(100);
}

QTEST_GUILESS_MAIN(TestRegionSweep)
#include "tst_regionsweep.moc"
