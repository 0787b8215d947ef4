// Tests for app/api/httpdate.h: HTTP dates are UTC whatever the machine's zone. Run with
// TZ=Europe/Berlin (set in CMake and again here), where 02:30 on 31 March 2024 does not exist
// locally and 02:30 on 27 October 2024 happens twice.
#include <api/httpdate.h>

#include <QTest>
#include <QTimeZone>

#include <ctime>

class TestHttpDate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void parse_data();
    void parse();
    void rejects_data();
    void rejects();
    void roundTrip_data();
    void roundTrip();
};

void TestHttpDate::initTestCase()
{
    qputenv("TZ", "Europe/Berlin");
    tzset();
    // The premise: the zone is in effect and has the gap.
    QVERIFY(!QDateTime(QDate(2024, 3, 31), QTime(2, 30)).isValid() ||
            QDateTime(QDate(2024, 3, 31), QTime(2, 30)).time() != QTime(2, 30));
}

void TestHttpDate::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("expected");
    const QTimeZone utc = QTimeZone::utc();
    QTest::newRow("in Berlin's spring DST gap") << QByteArray("Sun, 31 Mar 2024 02:30:00 GMT")
                                                << QDateTime(QDate(2024, 3, 31), QTime(2, 30), utc);
    QTest::newRow("in Berlin's autumn repeated hour")
        << QByteArray("Sun, 27 Oct 2024 02:30:00 GMT")
        << QDateTime(QDate(2024, 10, 27), QTime(2, 30), utc);
    QTest::newRow("RFC 7231 example") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT")
                                      << QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), utc);
    QTest::newRow("midnight, new year") << QByteArray("Mon, 01 Jan 2024 00:00:00 GMT")
                                        << QDateTime(QDate(2024, 1, 1), QTime(0, 0), utc);
    QTest::newRow("surrounding blanks") << QByteArray("  Wed, 15 May 2024 23:59:59 GMT\r\n")
                                        << QDateTime(QDate(2024, 5, 15), QTime(23, 59, 59), utc);
}

void TestHttpDate::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = dbs::parseHttpDate(text);
    QVERIFY2(parsed.isValid(), text.constData());
    QCOMPARE(parsed.offsetFromUtc(), 0);
    QCOMPARE(parsed.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
    QCOMPARE(parsed.date(), expected.date());
    QCOMPARE(parsed.time(), expected.time());
}

void TestHttpDate::rejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage") << QByteArray("yesterday");
    QTest::newRow("other zone") << QByteArray("Sun, 06 Nov 1994 08:49:37 PST");
    QTest::newRow("no zone") << QByteArray("Sun, 06 Nov 1994 08:49:37");
    QTest::newRow("day 32") << QByteArray("Sun, 32 Nov 1994 08:49:37 GMT");
    QTest::newRow("hour 25") << QByteArray("Sun, 06 Nov 1994 25:49:37 GMT");
    QTest::newRow("ISO 8601") << QByteArray("1994-11-06T08:49:37Z");
}

void TestHttpDate::rejects()
{
    QFETCH(QByteArray, text);
    QVERIFY(!dbs::parseHttpDate(text).isValid());
}

void TestHttpDate::roundTrip_data()
{
    QTest::addColumn<qint64>("epochMs");
    QTest::newRow("gap")
        << QDateTime(QDate(2024, 3, 31), QTime(2, 30), QTimeZone::utc()).toMSecsSinceEpoch();
    QTest::newRow("epoch") << qint64(0);
    QTest::newRow("2023-11-14") << qint64(1700000000000);
}

void TestHttpDate::roundTrip()
{
    QFETCH(qint64, epochMs);
    const QByteArray text = dbs::formatHttpDate(epochMs);
    QVERIFY(text.endsWith(" GMT"));
    QCOMPARE(dbs::parseHttpDate(text).toMSecsSinceEpoch(), epochMs);
}

QTEST_GUILESS_MAIN(TestHttpDate)
#include "tst_httpdate.moc"
