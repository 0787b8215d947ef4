// requestLogLine: one --verbose line per request, whatever the URL and the outcome hold.
#include <cli/requestlogline.h>

#include <QTest>

using dbs::RequestLog;

class TestRequestLogLine final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void line_data();
    void line();
};

void TestRequestLogLine::line_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QByteArray>("expected");
    // %-escapes that arg() would take for place markers (%1 to %5, %20, %0A...).
    const QString url = QStringLiteral(
        "https://dbs-api.cn-hangzhou.aliyuncs.com/?Identifier=a%2Cb&PageNum=0&Timestamp="
        "2026-12-02T07%3A03%3A17Z&Signature=***&Other=%1%2%3%4%5%20%0A");
    QTest::newRow("percent-escapes in the URL")
        << url << QString()
        << QByteArray("POST " + url.toUtf8() + " -> 200 in 12 ms (attempt 1)\n");
    QTest::newRow("an outcome with percent signs and a line break")
        << QStringLiteral("http://127.0.0.1:1/?a=%25")
        << QStringLiteral("Throttling: 100% busy\nretry")
        << QByteArray("POST http://127.0.0.1:1/?a=%25 -> 200 in 12 ms (attempt 1): "
                      "Throttling: 100% busy\\nretry\n");
    QTest::newRow("a control character the server echoed")
        << QStringLiteral("http://h/?Identifier=\x1b[2J") << QString()
        << QByteArray("POST http://h/?Identifier=\\e[2J -> 200 in 12 ms (attempt 1)\n");
}

void TestRequestLogLine::line()
{
    QFETCH(QString, url);
    QFETCH(QString, outcome);
    QFETCH(QByteArray, expected);
    RequestLog entry;
    entry.method = "POST";
    entry.url = url;
    entry.httpStatus = 200;
    entry.elapsedMs = 12;
    entry.attempt = 1;
    entry.outcome = outcome;
    QCOMPARE(dbs::requestLogLine(entry), expected);
}

QTEST_GUILESS_MAIN(TestRequestLogLine)
#include "tst_requestlogline.moc"
