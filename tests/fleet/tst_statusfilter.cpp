#include <fleet/statusfilter.h>

#include <api/backupgateway.h>

#include <QTest>

using namespace dbs;

class TestStatusFilter final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matches_data();
    void matches();
};

void TestStatusFilter::matches_data()
{
    QTest::addColumn<QStringList>("statuses");
    QTest::addColumn<qint64>("staleAfterS");
    QTest::addColumn<QString>("status");
    QTest::addColumn<qint64>("heartbeatAgeS"); // -1: no heartbeat
    QTest::addColumn<bool>("passes");
    const QStringList none;
    QTest::newRow("no filter") << none << 0LL << "OFFLINE" << 10LL << true;
    QTest::newRow("status listed")
        << QStringList{"OFFLINE", "STOPPED"} << 0LL << "STOPPED" << 10LL << true;
    QTest::newRow("status not listed")
        << QStringList{"OFFLINE"} << 0LL << "ONLINE" << 10LL << false;
    QTest::newRow("any case") << QStringList{"offline"} << 0LL << "OFFLINE" << 10LL << true;
    QTest::newRow("stale only: stale") << none << 300LL << "ONLINE" << 301LL << true;
    QTest::newRow("stale only: fresh") << none << 300LL << "ONLINE" << 299LL << false;
    QTest::newRow("stale only: offline is not stale")
        << none << 300LL << "OFFLINE" << 900LL << false;
    QTest::newRow("stale only: no heartbeat") << none << 300LL << "ONLINE" << -1LL << false;
    QTest::newRow("status or stale: the status")
        << QStringList{"OFFLINE"} << 300LL << "OFFLINE" << 1LL << true;
    QTest::newRow("status or stale: the stale")
        << QStringList{"OFFLINE"} << 300LL << "ONLINE" << 900LL << true;
    QTest::newRow("status or stale: neither")
        << QStringList{"OFFLINE"} << 300LL << "ONLINE" << 30LL << false;
}

void TestStatusFilter::matches()
{
    QFETCH(QStringList, statuses);
    QFETCH(qint64, staleAfterS);
    QFETCH(QString, status);
    QFETCH(qint64, heartbeatAgeS);
    QFETCH(bool, passes);
    constexpr qint64 now = 1'790'000'000'000;
    BackupGateway gateway;
    gateway.status = status;
    gateway.lastHeartbeatTime = heartbeatAgeS < 0 ? 0 : now - heartbeatAgeS * 1000;
    const StatusFilter filter{statuses, staleAfterS * 1000};
    QCOMPARE(filter.matches(gateway, now), passes);
}

QTEST_GUILESS_MAIN(TestStatusFilter)
#include "tst_statusfilter.moc"
