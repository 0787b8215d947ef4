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
    void rowsListedWithoutKeeping_data();
    void rowsListedWithoutKeeping();
    void heldRowsStandInForFailedRegions();
    void everyFirstPageAtOnce();
    void aFailingRegionHidesNoOther();
    void retryOneRegion();
    void cancelStopsEverySignal();
    void accountsListTheirOwn();
    void partKeysAndNames_data();
    void partKeysAndNames();
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

void TestRegionSweep::rowsListedWithoutKeeping_data()
{
    QTest::addColumn<bool>("keep");
    QTest::addColumn<int>("pageBase");
    for (const int base : {0, 1}) {
        QTest::addRow("kept, pages from %d", base) << true << base;
        QTest::addRow("not kept, pages from %d", base) << false << base;
    }
}

void TestRegionSweep::rowsListedWithoutKeeping()
{
    // Every row goes out by rowsListed(), in order, each once; the results keep them only when
    // asked to.
    QFETCH(bool, keep);
    QFETCH(int, pageBase);
    dbs::SimulatorOptions options = fixture::options(250, 9, {hangzhou, beijing});
    options.pageBase = pageBase;
    auto simulator = fixture::startSimulator(options);
    DbsClient client;
    fixture::pointAt(&client, *simulator);
    RegionSweep sweep(&client, {hangzhou, beijing}, fixture::query(QString(), 30));
    sweep.setKeepRows(keep);
    QHash<QString, QVector<BackupGateway>> listed;
    connect(
        &sweep, &RegionSweep::rowsListed, this,
        [&listed](const QString &key, const QVector<BackupGateway> &rows) { listed[key] += rows; });
    QSignalSpy finished(&sweep, &RegionSweep::finished);
    sweep.start();
    QVERIFY(finished.wait(30000));
    for (const QString &region : {hangzhou, beijing}) {
        QCOMPARE(sweep.result(region).state, RegionResult::State::Done);
        QCOMPARE(listed.value(region), simulator->gatewaysIn(region));
        QCOMPARE(sweep.result(region).gateways,
                 keep ? simulator->gatewaysIn(region) : QVector<BackupGateway>());
    }
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

void TestRegionSweep::accountsListTheirOwn()
{
    // Two accounts sharing the simulator's gateways, a key the service refuses, and an account
    // that cannot sign at all: each region of each account is listed, the rows carry their
    // account, and the accounts that fail everywhere are one failure each.
    dbs::SimulatorOptions options = fixture::options(300, 5, {hangzhou, beijing});
    options.accounts = 2;
    AccessKey demo;
    demo.id = dbs::demoAccessKeyId;
    demo.secret = dbs::demoAccessKeySecret;
    AccessKey other;
    other.id = "LTAIotheraccount";
    other.secret = "other-account-secret";
    other.account = 1;
    options.keys = {demo, other};
    auto simulator = fixture::startSimulator(options);
    DbsClient prod, dev, wrong;
    for (DbsClient *client : {&prod, &dev, &wrong})
        fixture::pointAt(client, *simulator);
    prod.setCredential(fixture::demoCredential());
    dev.setCredential(fixture::makeCredential(QStringLiteral("LTAIotheraccount"),
                                              QStringLiteral("other-account-secret")));
    wrong.setCredential(fixture::makeCredential(QStringLiteral("LTAIotheraccount"),
                                                QStringLiteral("not-the-secret")));
    ApiError cannotSign;
    cannotSign.kind = ApiError::Kind::Config;
    cannotSign.message = QStringLiteral("profile \"gone\" cannot sign");
    // The one that cannot sign first: its failure comes at once, yet the sweep goes on.
    const QVector<SweepAccount> accounts = {{QStringLiteral("gone"), nullptr, cannotSign},
                                            {QStringLiteral("prod"), &prod, {}},
                                            {QStringLiteral("dev"), &dev, {}},
                                            {QStringLiteral("wrong"), &wrong, {}}};
    RegionSweep sweep(accounts, {hangzhou, beijing}, fixture::query(QString(), 30));
    QVERIFY(sweep.hasAccounts());
    QCOMPARE(sweep.accounts(), (QStringList{"gone", "prod", "dev", "wrong"}));
    QCOMPARE(sweep.regionCount(), 2);
    QCOMPARE(sweep.keys().size(), 8);
    QCOMPARE(sweep.keys().first(), sweepKey(QStringLiteral("gone"), hangzhou));
    QSignalSpy finished(&sweep, &RegionSweep::finished);
    sweep.start();
    QVERIFY(finished.wait(30000));
    QTest::qWait(50);
    QCOMPARE(finished.size(), 1); // once, when every part has answered
    QCOMPARE(sweep.failedCount(), 4);

    QSet<QString> seen;
    int listed = 0;
    for (const QString &account : {QStringLiteral("prod"), QStringLiteral("dev")}) {
        for (const QString &region : {hangzhou, beijing}) {
            const RegionResult result = sweep.result(sweepKey(account, region));
            QCOMPARE(result.state, RegionResult::State::Done);
            QVERIFY(!result.gateways.isEmpty());
            for (const BackupGateway &gateway : result.gateways) {
                QCOMPARE(gateway.account, account);
                QCOMPARE(gateway.region, region);
                QVERIFY2(!seen.contains(gateway.backupGatewayId), "an account saw another's");
                seen.insert(gateway.backupGatewayId);
            }
            listed += int(result.gateways.size());
        }
    }
    QCOMPARE(listed, 300); // between them, every gateway
    const QVector<BackupGateway> merged = sweep.mergedGateways();
    QCOMPARE(merged.size(), 300);
    QCOMPARE(merged.first().account, QStringLiteral("prod")); // "gone" has none
    QCOMPARE(merged.last().account, QStringLiteral("dev"));

    const QList<SweepFailure> failures = sweep.failures();
    QCOMPARE(failures.size(), 2);
    QCOMPARE(failures.at(0).name, QStringLiteral("gone"));
    QCOMPARE(failures.at(0).error.message, cannotSign.message);
    QCOMPARE(failures.at(1).name, QStringLiteral("wrong"));
    QCOMPARE(failures.at(1).keys, (QStringList{sweepKey(QStringLiteral("wrong"), hangzhou),
                                               sweepKey(QStringLiteral("wrong"), beijing)}));
    QCOMPARE(failures.at(1).error.code, QStringLiteral("SignatureDoesNotMatch"));

    // Retried, an account that cannot sign fails again, and nothing else changes.
    sweep.retry(sweepKey(QStringLiteral("gone"), beijing));
    QVERIFY(!sweep.isFinished());
    QVERIFY(finished.wait(30000));
    QCOMPARE(sweep.result(sweepKey(QStringLiteral("gone"), beijing)).state,
             RegionResult::State::Failed);
    QCOMPARE(sweep.mergedGateways().size(), 300);

    // One region of each account: every failure is its part, named with the account.
    RegionSweep one(accounts, {hangzhou}, fixture::query(QString(), 30));
    QSignalSpy oneFinished(&one, &RegionSweep::finished);
    one.start();
    QVERIFY(oneFinished.wait(30000));
    QCOMPARE(one.failures().size(), 2);
    QCOMPARE(one.failures().at(1).name,
             QStringLiteral("wrong · %1").arg(endpoints::regionName(hangzhou)));
}

void TestRegionSweep::partKeysAndNames_data()
{
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("name");
    const QString hangzhouName = endpoints::regionName(hangzhou);
    QTest::newRow("one account") << QString() << hangzhou << hangzhou << hangzhouName;
    QTest::newRow("named") << QStringLiteral("prod") << hangzhou
                           << QStringLiteral("prod\x1f") + hangzhou
                           << QStringLiteral("prod · ") + hangzhouName;
    // A name that looks like a region is still told apart from the region alone.
    QTest::newRow("name like a region") << beijing << hangzhou << beijing + QChar(0x1f) + hangzhou
                                        << beijing + QStringLiteral(" · ") + hangzhouName;
}

void TestRegionSweep::partKeysAndNames()
{
    QFETCH(QString, account);
    QFETCH(QString, region);
    QFETCH(QString, key);
    QFETCH(QString, name);
    QCOMPARE(sweepKey(account, region), key);
    QCOMPARE(sweepPartName(SweepPart{SweepAccount{account, nullptr, {}}, region}), name);
}

QTEST_GUILESS_MAIN(TestRegionSweep)
#include "tst_regionsweep.moc"
