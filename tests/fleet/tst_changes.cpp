#include <fleet/changes.h>

#include <QTest>

using namespace dbs;

namespace {
constexpr qint64 t0 = 1'790'000'000'000; // the first look
constexpr qint64 t1 = t0 + 60'000;       // the second, a minute later

// "id STATUS heartbeat-seconds-relative-to-the-first-look" (heartbeat "none": 0), one per entry.
QVector<BackupGateway> gateways(const QStringList &specs)
{
    QVector<BackupGateway> list;
    for (const QString &spec : specs) {
        const QStringList parts = spec.split(QLatin1Char(' '));
        BackupGateway gateway;
        gateway.backupGatewayId = parts.value(0);
        gateway.status = parts.value(1);
        gateway.lastHeartbeatTime =
            parts.value(2) == QLatin1String("none") ? 0 : t0 + parts.value(2).toLongLong() * 1000;
        gateway.internetIp = parts.value(3);
        list.append(gateway);
    }
    return list;
}

// "kind id [previous-status]"
QStringList describe(const QVector<GatewayChange> &changes)
{
    QStringList lines;
    for (const GatewayChange &change : changes) {
        QString line =
            changeKindName(change.kind) + QLatin1Char(' ') + change.gateway.backupGatewayId;
        if (!change.previousStatus.isEmpty())
            line += QLatin1Char(' ') + change.previousStatus;
        lines.append(line);
    }
    return lines;
}
} // namespace

class TestChanges final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void compute_data();
    void compute();
    void stampedWithTheLaterLook();
    void kindNames();
};

void TestChanges::compute_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<qint64>("thresholdSeconds");
    QTest::addColumn<QStringList>("expected");

    const QStringList none;
    QTest::newRow("nothing changed")
        << QStringList{"a ONLINE -10", "b OFFLINE -900"}
        << QStringList{"a ONLINE 50", "b OFFLINE -900"} << 300LL << none;
    QTest::newRow("first look: all added") << none << QStringList{"a ONLINE 0", "b STOPPED 0"}
                                           << 300LL << QStringList{"added a", "added b"};
    QTest::newRow("added") << QStringList{"a ONLINE 0"} << QStringList{"a ONLINE 0", "b ONLINE 0"}
                           << 300LL << QStringList{"added b"};
    QTest::newRow("removed") << QStringList{"a ONLINE 0", "b OFFLINE 0"}
                             << QStringList{"a ONLINE 0"} << 300LL
                             << QStringList{"removed b OFFLINE"};
    QTest::newRow("everything removed") << QStringList{"a ONLINE 0", "b ONLINE 0"} << none << 300LL
                                        << QStringList{"removed a ONLINE", "removed b ONLINE"};
    QTest::newRow("went offline") << QStringList{"a ONLINE 0"} << QStringList{"a OFFLINE 0"}
                                  << 300LL << QStringList{"status a ONLINE"};
    QTest::newRow("stopped to offline") << QStringList{"a STOPPED 0"} << QStringList{"a OFFLINE 0"}
                                        << 300LL << QStringList{"status a STOPPED"};
    QTest::newRow("unknown status from the service")
        << QStringList{"a ONLINE 0"} << QStringList{"a MIGRATING 0"} << 300LL
        << QStringList{"status a ONLINE"};
    QTest::newRow("back online") << QStringList{"a OFFLINE -900"} << QStringList{"a ONLINE 55"}
                                 << 300LL << QStringList{"recovered a OFFLINE"};
    QTest::newRow("online again but its heartbeat is old")
        << QStringList{"a OFFLINE -900"} << QStringList{"a ONLINE -900"} << 300LL
        << QStringList{"status a OFFLINE"};
    QTest::newRow("aged into stale between looks")
        << QStringList{"a ONLINE -270"} << QStringList{"a ONLINE -270"} << 300LL
        << QStringList{"stale a ONLINE"};
    QTest::newRow("stays stale: said once")
        << QStringList{"a ONLINE -400"} << QStringList{"a ONLINE -400"} << 300LL << none;
    QTest::newRow("stale, then a fresh heartbeat")
        << QStringList{"a ONLINE -400"} << QStringList{"a ONLINE 30"} << 300LL
        << QStringList{"recovered a ONLINE"};
    QTest::newRow("stale, then offline")
        << QStringList{"a ONLINE -400"} << QStringList{"a OFFLINE -400"} << 300LL
        << QStringList{"status a ONLINE"};
    QTest::newRow("threshold off: never stale")
        << QStringList{"a ONLINE -270"} << QStringList{"a ONLINE -270"} << 0LL << none;
    QTest::newRow("no heartbeat is not stale")
        << QStringList{"a ONLINE none"} << QStringList{"a ONLINE none"} << 300LL << none;
    QTest::newRow("other fields are not changes")
        << QStringList{"a ONLINE 0 10.0.0.1"} << QStringList{"a ONLINE 0 10.0.0.2"} << 300LL
        << none;
    QTest::newRow("order: the new list's, then the removed")
        << QStringList{"r1 ONLINE 0", "c ONLINE 0", "r2 ONLINE 0", "b ONLINE 0"}
        << QStringList{"n1 ONLINE 0", "b OFFLINE 0", "c STOPPED 0", "n2 ONLINE 0"} << 300LL
        << QStringList{"added n1", "status b ONLINE",   "status c ONLINE",
                       "added n2", "removed r1 ONLINE", "removed r2 ONLINE"};
}

void TestChanges::compute()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(qint64, thresholdSeconds);
    QFETCH(QStringList, expected);
    const QVector<GatewayChange> changes =
        computeChanges(gateways(before), t0, gateways(after), t1, thresholdSeconds * 1000);
    QCOMPARE(describe(changes), expected);
}

void TestChanges::stampedWithTheLaterLook()
{
    const QVector<BackupGateway> before = gateways({"a ONLINE 0", "gone ONLINE 0"});
    const QVector<BackupGateway> after = gateways({"a OFFLINE 10 192.0.2.7"});
    const QVector<GatewayChange> changes = computeChanges(before, t0, after, t1, 300'000);
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes[0].timeMs, t1);
    QCOMPARE(changes[0].gateway, after[0]);  // the gateway as it is now
    QCOMPARE(changes[1].gateway, before[1]); // a removed one as it was
    QCOMPARE(changes[1].timeMs, t1);
}

void TestChanges::kindNames()
{
    QCOMPARE(changeKindName(ChangeKind::Added), QLatin1String("added"));
    QCOMPARE(changeKindName(ChangeKind::Removed), QLatin1String("removed"));
    QCOMPARE(changeKindName(ChangeKind::Status), QLatin1String("status"));
    QCOMPARE(changeKindName(ChangeKind::Stale), QLatin1String("stale"));
    QCOMPARE(changeKindName(ChangeKind::Recovered), QLatin1String("recovered"));
}

QTEST_GUILESS_MAIN(TestChanges)
#include "tst_changes.moc"
