#include <sim/churn.h>
#include <sim/inventory.h>

#include <QSet>
#include <QTest>

using namespace dbs;
using namespace dbs;

class TestChurn final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachEventDoesWhatItSays();
    void sameSeedSameChanges();
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

QTEST_GUILESS_MAIN(TestChurn)
#include "tst_churn.moc"
