#include <sim/churn.h>
#include <sim/inventory.h>

#include <QSet>
#include <QTest>

using namespace dbs;

class TestChurn final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachEventDoesWhatItSays();
    void sameSeedSameChanges();
    void heartbeatsEachAtItsOwnMoment();
};

void TestChurn::eachEventDoesWhatItSays()
{
    constexpr qint64 t0 = 1'790'000'000'000;
    QVector<BackupGateway> inventory = generateInventory(200, 3, {"cn-hangzhou", "cn-beijing"}, t0);
    InventoryChurn churn(42);
    QSet<InventoryChurn::Event> seen;
    QSet<QString> silent;
    for (int i = 0; i < 400; ++i) {
        const qint64 now = t0 + i * 1000;
        const QVector<BackupGateway> before = inventory;
        const auto [event, id] = churn.step(&inventory, {"cn-hangzhou", "cn-beijing"}, now);
        seen.insert(event);
        const auto find = [&id](const QVector<BackupGateway> &list) {
            for (const BackupGateway &g : list)
                if (g.backupGatewayId == id)
                    return g;
            return BackupGateway{};
        };
        switch (event) {
        case InventoryChurn::Event::Added:
            QCOMPARE(inventory.size(), before.size() + 1);
            QVERIFY(find(before).backupGatewayId.isEmpty());
            QCOMPARE(find(inventory).status, QStringLiteral("ONLINE"));
            QCOMPARE(find(inventory).lastHeartbeatTime, now);
            QVERIFY(!find(inventory).region.isEmpty());
            break;
        case InventoryChurn::Event::Removed:
            QCOMPARE(inventory.size(), before.size() - 1);
            QVERIFY(find(inventory).backupGatewayId.isEmpty());
            silent.remove(id);
            break;
        case InventoryChurn::Event::WentOffline:
            QCOMPARE(find(before).status, QStringLiteral("ONLINE"));
            QCOMPARE(find(inventory).status, QStringLiteral("OFFLINE"));
            break;
        case InventoryChurn::Event::CameOnline:
            QVERIFY(find(before).status != u"ONLINE" || silent.contains(id));
            QCOMPARE(find(inventory).status, QStringLiteral("ONLINE"));
            silent.remove(id);
            break;
        case InventoryChurn::Event::FellSilent:
            QCOMPARE(find(inventory).status, QStringLiteral("ONLINE"));
            silent.insert(id);
            break;
        }
        churn.heartbeat(&inventory, now);
        QSet<QString> ids;
        for (const BackupGateway &g : inventory) {
            QVERIFY(!ids.contains(g.backupGatewayId)); // ids stay unique
            ids.insert(g.backupGatewayId);
            // Heartbeats: live ONLINE gateways report now, silent ones do not.
            if (g.status == u"ONLINE")
                QCOMPARE(g.lastHeartbeatTime == now, !silent.contains(g.backupGatewayId));
        }
    }
    QCOMPARE(seen.size(), 5); // every kind of change happened
}

void TestChurn::sameSeedSameChanges()
{
    const QVector<BackupGateway> start = generateInventory(50, 1, {}, 1'000'000);
    QVector<BackupGateway> a = start, b = start;
    InventoryChurn first(7), second(7);
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(first.step(&a, {}, 1'000'000 + i), second.step(&b, {}, 1'000'000 + i));
    }
    QCOMPARE(a, b);
}

void TestChurn::heartbeatsEachAtItsOwnMoment()
{
    constexpr qint64 t0 = 1'790'000'000'000;
    constexpr qint64 interval = 30'000;
    QVector<BackupGateway> fleet = generateInventory(300, 3, {}, t0);
    InventoryChurn churn(1);
    churn.adoptSilent(fleet, t0, InventoryChurn::generatedQuietMs);
    const QVector<BackupGateway> before = fleet;

    for (qint64 now = t0; now <= t0 + 20 * 60'000; now += 5'000)
        churn.heartbeat(&fleet, now, interval);
    const qint64 end = t0 + 20 * 60'000;
    QSet<qint64> moments;
    int fresh = 0, quiet = 0;
    for (int i = 0; i < fleet.size(); ++i) {
        const BackupGateway &gateway = fleet.at(i);
        if (gateway.status != u"ONLINE" ||
            t0 - before.at(i).lastHeartbeatTime >= InventoryChurn::generatedQuietMs) {
            // Not ONLINE, or quiet from the start: nothing revives it but churn.
            QCOMPARE(gateway.lastHeartbeatTime, before.at(i).lastHeartbeatTime);
            quiet += gateway.status == u"ONLINE";
            continue;
        }
        // Reported within the last interval, and never into the future.
        QVERIFY2(end - gateway.lastHeartbeatTime < interval, qPrintable(gateway.backupGatewayId));
        QVERIFY(gateway.lastHeartbeatTime <= end);
        moments.insert(gateway.lastHeartbeatTime % interval);
        ++fresh;
    }
    QVERIFY(fresh > 150);
    QVERIFY(quiet > 0);                  // the generator's quiet ones stay stale
    QVERIFY(moments.size() > fresh / 2); // spread over the interval, not all at once
}

QTEST_GUILESS_MAIN(TestChurn)
#include "tst_churn.moc"
