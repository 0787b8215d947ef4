// zlib as streams: what goes in in pieces comes back whole, a truncated stream is refused, and
// the gzip wrapper starts as RFC 1952 says.
#include <cli/deflatestream.h>

#include <QRandomGenerator>
#include <QTest>

using namespace dbs;

class TestDeflateStream final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void truncatedIsRefused();
    void gzipHeader();
};

void TestDeflateStream::roundTrip_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("short") << QByteArray("dbs_gateways 1\n");
    QByteArray random(300 * 1024, '\0');
    QRandomGenerator generator(3);
    for (char &c : random)
        c = char(generator.bounded(256));
    QTest::newRow("300 KiB that does not compress") << random;
    QTest::newRow("5 MB that does")
        << QByteArray("dbs_gateway_stale{id=\"1\"} 0\n").repeated(180000);
}

void TestDeflateStream::roundTrip()
{
    QFETCH(QByteArray, text);
    QByteArray deflated;
    int pieces = 0;
    DeflateStream stream(DeflateStream::Wrapper::Zlib, [&](const char *data, size_t size) {
        deflated.append(data, qsizetype(size));
        ++pieces;
    });
    for (qsizetype at = 0; at < text.size(); at += 1000)
        stream.write(text.mid(at, 1000));
    QVERIFY(stream.finish());
    QByteArray back;
    QVERIFY(inflateInPieces(
        deflated, [&back](const char *data, size_t size) { back.append(data, qsizetype(size)); }));
    QCOMPARE(back, text);
    if (text.size() > 1024 * 1024)
        QVERIFY(deflated.size() < text.size() / 10);
}

void TestDeflateStream::truncatedIsRefused()
{
    QByteArray deflated;
    DeflateStream stream(DeflateStream::Wrapper::Zlib, [&](const char *data, size_t size) {
        deflated.append(data, qsizetype(size));
    });
    stream.write(QByteArray("some text, some text, some text\n").repeated(1000));
    QVERIFY(stream.finish());
    deflated.chop(10);
    QVERIFY(!inflateInPieces(deflated, [](const char *, size_t) {}));
    QVERIFY(!inflateInPieces(QByteArray("not zlib at all"), [](const char *, size_t) {}));
}

void TestDeflateStream::gzipHeader()
{
    QByteArray gzip;
    DeflateStream stream(DeflateStream::Wrapper::Gzip, [&](const char *data, size_t size) {
        gzip.append(data, qsizetype(size));
    });
    stream.write(QByteArray("# EOF\n"));
    QVERIFY(stream.finish());
    QVERIFY(gzip.startsWith("\x1f\x8b\x08")); // magic, deflate
}

QTEST_GUILESS_MAIN(TestDeflateStream)
#include "tst_deflatestream.moc"
