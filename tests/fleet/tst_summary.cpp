#include <fleet/summary.h>

#include <QTest>

using namespace dbs;

class TestSummary final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bucket_data();
    void bucket();
    void rangesMatchBuckets();
    void summarize();
};

void TestSummary::bucket_data()
{
    QTest::addColumn<qint64>("ageMs");
    QTest::addColumn<int>("bucket");
    const qint64 minute = 60'000;
    QTest::newRow("clock behind") << -5'000LL << int(AgeBucket::UnderMinute);
    QTest::newRow("0") << 0LL << int(AgeBucket::UnderMinute);
    QTest::newRow("59.999 s") << minute - 1 << int(AgeBucket::UnderMinute);
    QTest::newRow("1 min") << minute << int(AgeBucket::UnderFive);
    QTest::newRow("4m59") << 5 * minute - 1 << int(AgeBucket::UnderFive);
    QTest::newRow("5 min") << 5 * minute << int(AgeBucket::UnderHour);
    QTest::newRow("1 h") << 60 * minute << int(AgeBucket::UnderDay);
    QTest::newRow("23h59") << 24 * 60 * minute - 1 << int(AgeBucket::UnderDay);
    QTest::newRow("1 day") << 24 * 60 * minute << int(AgeBucket::Older);
    QTest::newRow("years") << 400 * 24 * 60 * minute << int(AgeBucket::Older);
}

void TestSummary::bucket()
{
    QFETCH(qint64, ageMs);
    QFETCH(int, bucket);
    QCOMPARE(int(ageBucket(ageMs)), bucket);
}

void TestSummary::rangesMatchBuckets()
{
    // What a click on a bar filters for is exactly what the bar counted.
    for (int i = 0; i < ageBucketCount; ++i) {
        const auto [lower, upper] = ageBucketRange(AgeBucket(i));
        QCOMPARE(int(ageBucket(lower)), i);
        if (upper >= 0) {
            QCOMPARE(int(ageBucket(upper - 1)), i);
            QCOMPARE(int(ageBucket(upper)), i + 1);
        }
    }
}

void TestSummary::summarize()
{
    constexpr qint64 now = 1'790'000'000'000;
    const auto gateway = [](const char *status, qint64 ageS) {
        BackupGateway g;
        g.status = QString::fromLatin1(status);
        g.lastHeartbeatTime = ageS < 0 ? 0 : now - ageS * 1000;
        return g;
    };
    const QVector<BackupGateway> gateways = {
        gateway("ONLINE", 10),     gateway("ONLINE", 400), gateway("online", 7200),
        gateway("OFFLINE", 90000), gateway("STOPPED", -1), gateway("UPGRADING", 100),
    };
    const FleetSummary summary = dbs::summarize(gateways, now, 300'000);
    QCOMPARE(summary.total, 6);
    QCOMPARE(summary.byStatus.value("ONLINE"), 3);
    QCOMPARE(summary.byStatus.value("OFFLINE"), 1);
    QCOMPARE(summary.byStatus.value("STOPPED"), 1);
    QCOMPARE(summary.byStatus.value("UPGRADING"), 1);
    QCOMPARE(summary.stale, 2); // ONLINE 400 s and 7200 s; OFFLINE is never stale
    QCOMPARE(summary.withoutHeartbeat, 1);
    const std::array<int, ageBucketCount> ages = {1, 1, 1, 1, 1};
    QCOMPARE(summary.ages, ages);
    QCOMPARE(dbs::summarize({}, now, 300'000), FleetSummary());
}

QTEST_GUILESS_MAIN(TestSummary)
#include "tst_summary.moc"
