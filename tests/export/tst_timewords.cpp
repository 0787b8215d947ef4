// Every way a time is written: ages, local and UTC times, the file-name stamp.
#include <export/timewords.h>

#include <QDateTime>
#include <QRegularExpression>
#include <QTest>

using namespace dbs;

using timewords::day;
using timewords::hour;
using timewords::minute;
using timewords::second;

class TestTimeWords final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void age_data();
    void age();
    void ageAt();
    void utc_data();
    void utc();
    void local_data();
    void local();
    void fileStamp();
};

void TestTimeWords::initTestCase()
{
    // Local times are checked in a zone with a known offset and no summer time.
    qputenv("TZ", "Asia/Shanghai");
    tzset();
}

void TestTimeWords::age_data()
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

void TestTimeWords::age()
{
    QFETCH(qint64, ageMs);
    QFETCH(QString, expected);
    QCOMPARE(timewords::age(ageMs), expected);
}

void TestTimeWords::ageAt()
{
    const qint64 now = 1'714'543'392'000;
    QCOMPARE(timewords::ageAt(now - 3 * minute, now), QStringLiteral("3 min ago"));
    QCOMPARE(timewords::ageAt(0, now), QStringLiteral("never"));
}

void TestTimeWords::utc_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("seconds");
    QTest::addColumn<QString>("milliseconds");

    QTest::newRow("none sent") << qint64(0) << QString() << QString();
    QTest::newRow("negative") << qint64(-5) << QString() << QString();
    QTest::newRow("epoch + 1 ms") << qint64(1) << "1970-01-01T00:00:00Z"
                                  << "1970-01-01T00:00:00.001Z";
    QTest::newRow("whole seconds") << qint64(1714543392000) << "2024-05-01T06:03:12Z"
                                   << "2024-05-01T06:03:12.000Z";
    QTest::newRow("milliseconds") << qint64(1714543392123) << "2024-05-01T06:03:12Z"
                                  << "2024-05-01T06:03:12.123Z";
    QTest::newRow("leap day") << qint64(951868799999) << "2000-02-29T23:59:59Z"
                              << "2000-02-29T23:59:59.999Z";
    QTest::newRow("year 9999") << qint64(253402300799000) << "9999-12-31T23:59:59Z"
                               << "9999-12-31T23:59:59.000Z";
}

void TestTimeWords::utc()
{
    QFETCH(qint64, ms);
    QFETCH(QString, seconds);
    QFETCH(QString, milliseconds);
    QCOMPARE(timewords::utcIso(ms), seconds);
    QCOMPARE(timewords::utcIsoMs(ms), milliseconds);
}

void TestTimeWords::local_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("plain");
    QTest::addColumn<QString>("withZone");

    QTest::newRow("afternoon") << qint64(1714543392123) << "2024-05-01 14:03:12"
                               << "2024-05-01 14:03:12 (UTC+08:00)";
    QTest::newRow("next day") << qint64(1735689599000) << "2025-01-01 07:59:59"
                              << "2025-01-01 07:59:59 (UTC+08:00)";
    QTest::newRow("none sent") << qint64(0) << "1970-01-01 08:00:00"
                               << "never";
}

void TestTimeWords::local()
{
    QFETCH(qint64, ms);
    QFETCH(QString, plain);
    QFETCH(QString, withZone);
    QCOMPARE(timewords::local(ms), plain);
    QCOMPARE(timewords::localWithZone(ms), withZone);
}

void TestTimeWords::fileStamp()
{
    QCOMPARE(timewords::fileStamp(1714543392123), QStringLiteral("20240501-140312"));
    QVERIFY(QRegularExpression(QStringLiteral("^\\d{8}-\\d{6}$"))
                .match(timewords::fileStamp(QDateTime::currentMSecsSinceEpoch()))
                .hasMatch());
}

QTEST_GUILESS_MAIN(TestTimeWords)
#include "tst_timewords.moc"
