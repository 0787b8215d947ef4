#include <models/heartbeatage.h>

#include <api/backupgateway.h>

#include <QTest>

namespace {
constexpr qint64 second = 1000;
constexpr qint64 minute = 60 * second;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;
} // namespace

class TestHeartbeatAge final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatAge_data();
    void formatAge();
    void isStale_data();
    void isStale();
};

void TestHeartbeatAge::formatAge_data()
{
    QTest::addColumn<qint64>("ageMs");
    QTest::addColumn<QString>("expected");

    QTest::newRow("zero") << qint64(0) << "just now";
    QTest::newRow("clock behind") << -30 * second << "just now";
    QTest::newRow("under 5 s") << 4999LL << "just now";
    QTest::newRow("5 s") << 5 * second << "5 s ago";
    QTest::newRow("42 s") << 42 * second + 900 << "42 s ago";
    QTest::newRow("59.999 s") << minute - 1 << "59 s ago";
    QTest::newRow("1 min") << minute << "1 min ago";
    QTest::newRow("3 min 59 s") << 3 * minute + 59 * second << "3 min ago";
    QTest::newRow("59 min") << hour - 1 << "59 min ago";
    QTest::newRow("1 h") << hour << "1 h ago";
    QTest::newRow("5 h 30 min") << 5 * hour + 30 * minute << "5 h ago";
    QTest::newRow("23 h 59 min") << day - 1 << "23 h ago";
    QTest::newRow("1 day") << day << "1 day ago";
    QTest::newRow("1 day 23 h") << 2 * day - 1 << "1 day ago";
    QTest::newRow("2 days") << 2 * day << "2 days ago";
    QTest::newRow("12 days") << 12 * day + 3 * hour << "12 days ago";
    QTest::newRow("400 days") << 400 * day << "400 days ago";
}

void TestHeartbeatAge::formatAge()
{
    QFETCH(qint64, ageMs);
    QFETCH(QString, expected);
    QCOMPARE(dbs::formatAge(ageMs), expected);
}

void TestHeartbeatAge::isStale_data()
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

void TestHeartbeatAge::isStale()
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

QTEST_GUILESS_MAIN(TestHeartbeatAge)
#include "tst_heartbeatage.moc"
