#include <fleet/duration.h>

#include <QTest>

class TestDuration final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
};

void TestDuration::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms"); // -1: refused
    QTest::newRow("seconds by default") << "90" << 90'000LL;
    QTest::newRow("s") << "60s" << 60'000LL;
    QTest::newRow("m") << "5m" << 300'000LL;
    QTest::newRow("h") << "1h" << 3'600'000LL;
    QTest::newRow("d") << "2d" << 172'800'000LL;
    QTest::newRow("ms") << "1500ms" << 1'500LL;
    QTest::newRow("upper case, spaces") << " 30 S " << 30'000LL;
    QTest::newRow("a year") << "366d" << 31'622'400'000LL;
    QTest::newRow("over a year") << "367d" << -1LL;
    QTest::newRow("huge") << "999999999999h" << -1LL;
    QTest::newRow("zero") << "0s" << -1LL;
    QTest::newRow("negative") << "-5m" << -1LL;
    QTest::newRow("fraction") << "1.5m" << -1LL;
    QTest::newRow("unknown unit") << "5w" << -1LL;
    QTest::newRow("hours and minutes") << "1h30m" << 5'400'000LL;
    QTest::newRow("minutes and seconds, spaced") << "2m 30s" << 150'000LL;
    QTest::newRow("days and hours") << "1d12h" << 129'600'000LL;
    QTest::newRow("all units") << "1d1h1m1s1ms" << 90'061'001LL;
    QTest::newRow("a year in parts") << "365d24h" << 31'622'400'000LL;
    QTest::newRow("a year and a second") << "366d1s" << -1LL;
    QTest::newRow("units out of order") << "30m1h" << -1LL;
    QTest::newRow("a unit twice") << "1m1m" << -1LL;
    QTest::newRow("a number after a unit") << "1m30" << -1LL;
    QTest::newRow("zero in parts") << "0h0m" << -1LL;
    QTest::newRow("empty") << "" << -1LL;
    QTest::newRow("unit only") << "m" << -1LL;
    QTest::newRow("non-ascii digits") << QString::fromUtf8("٥m") << -1LL;
}

void TestDuration::parse()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    const std::optional<qint64> parsed = dbs::parseDuration(text);
    if (ms < 0) {
        QVERIFY2(!parsed, qPrintable(QString::number(parsed.value_or(0))));
    } else {
        QVERIFY(parsed);
        QCOMPARE(*parsed, ms);
    }
}

QTEST_GUILESS_MAIN(TestDuration)
#include "tst_duration.moc"
