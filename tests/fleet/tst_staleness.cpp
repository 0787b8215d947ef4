// Stale: ONLINE with a heartbeat older than the threshold.
#include <fleet/staleness.h>

#include <api/backupgateway.h>

#include <QTest>

namespace {
constexpr qint64 second = 1000;
constexpr qint64 minute = 60 * second;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;
} // namespace

class TestStaleness final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isStale_data();
    void isStale();
};

void TestStaleness::isStale_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<qint64>("heartbeatAgeMs"); // -1: no heartbeat reported
    QTest::addColumn<qint64>("thresholdMs");
    QTest::addColumn<bool>("expected");

    const qint64 five = 5 * minute;
    QTest::newRow("online, fresh") << "ONLINE" << 30 * second << five << false;
    QTest::newRow("online, exactly at threshold") << "ONLINE" << five << five << false;
    QTest::newRow("online, 1 ms past") << "ONLINE" << five + 1 << five << true;
    QTest::newRow("online, hours old") << "ONLINE" << 3 * hour << five << true;
    QTest::newRow("online, lower case") << "online" << 3 * hour << five << true;
    QTest::newRow("online, heartbeat in the future") << "ONLINE" << -minute << five << false;
    QTest::newRow("online, no heartbeat") << "ONLINE" << qint64(-1) << five << false;
    QTest::newRow("online, check off") << "ONLINE" << 3 * hour << qint64(0) << false;
    QTest::newRow("offline, old") << "OFFLINE" << 30 * day << five << false;
    QTest::newRow("stopped, old") << "STOPPED" << 30 * day << five << false;
    QTest::newRow("upgrading, old") << "UPGRADING" << hour << five << false;
    QTest::newRow("unknown status") << "DELETING" << hour << five << false;
}

void TestStaleness::isStale()
{
    QFETCH(QString, status);
    QFETCH(qint64, heartbeatAgeMs);
    QFETCH(qint64, thresholdMs);
    QFETCH(bool, expected);

    const qint64 now = 1'700'000'000'000LL;
    dbs::BackupGateway gateway;
    gateway.status = status;
    gateway.lastHeartbeatTime = heartbeatAgeMs == -1 ? 0 : now - heartbeatAgeMs;
    QCOMPARE(dbs::isStale(gateway, now, thresholdMs), expected);
}

QTEST_GUILESS_MAIN(TestStaleness)
#include "tst_staleness.moc"
