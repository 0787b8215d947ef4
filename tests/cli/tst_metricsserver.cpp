// The exporter's HTTP server, for real on loopback: --listen's forms, both formats, gzip, its
// pages, a port in use, and requests no scraper would send.
#include "rawhttp.h"
#include <cli/metricsserver.h>

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>

#include <atomic>
#include <thread>

using namespace dbs;
using fixture::RawAnswer;
using fixture::sendRaw;

namespace {
std::shared_ptr<ExporterMetrics> sampleMetrics(int gateways)
{
    auto metrics = std::make_shared<ExporterMetrics>();
    ListingState listing;
    listing.account = QStringLiteral("default");
    listing.region = QStringLiteral("cn-hangzhou");
    listing.up = listing.listed = true;
    GatewaySeriesBuilder builder;
    for (int i = 0; i < gateways; ++i) {
        BackupGateway g;
        g.backupGatewayId = QStringLiteral("dbsgw-%1").arg(i);
        g.status = i % 3 ? QStringLiteral("ONLINE") : QStringLiteral("OFFLINE");
        builder.append(g);
    }
    listing.gateways = builder.finish();
    metrics->listings = {listing};
    metrics->version = QStringLiteral("test");
    return metrics;
}

QByteArray header(const RawAnswer &answer, const QByteArray &name)
{
    const QByteArray head = answer.data.left(answer.data.indexOf("\r\n\r\n")).toLower();
    for (const QByteArray &line : head.split('\n')) {
        if (line.startsWith(name.toLower() + ':'))
            return line.mid(name.size() + 1).trimmed();
    }
    return {};
}
} // namespace

class TestMetricsServer final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listenAddress_data();
    void listenAddress();
    void formats_data();
    void formats();
    void gzipOnlyWhenAccepted_data();
    void gzipOnlyWhenAccepted();
    void pages_data();
    void pages();
    void portInUse();
    void malformed_data();
    void malformed();
    void stalledClients();
    void publishWhileScraping();

private:
    std::unique_ptr<MetricsServer> m_server;
};

void TestMetricsServer::initTestCase()
{
    MetricsServer::Options options;
    options.gatewayMetrics = GatewayMetrics::All;
    m_server = std::make_unique<MetricsServer>(options);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    std::atomic<bool> served = false;
    m_server->publish(sampleMetrics(30), 0, [&served] { served = true; });
    QTRY_VERIFY(served);
}

void TestMetricsServer::listenAddress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("host and port") << "127.0.0.1:9742" << true << "127.0.0.1" << 9742;
    QTest::newRow("port alone is loopback") << "9100" << true << "127.0.0.1" << 9100;
    QTest::newRow("every interface") << "0.0.0.0:80" << true << "0.0.0.0" << 80;
    QTest::newRow("a name") << "localhost:9742" << true << "localhost" << 9742;
    QTest::newRow("IPv6") << "[::1]:9742" << true << "::1" << 9742;
    QTest::newRow("IPv6 any") << "[::]:1" << true << "::" << 1;
    QTest::newRow("no host is not everywhere") << ":9742" << false << "" << 0;
    QTest::newRow("IPv6 unbracketed") << "::1:9742" << false << "" << 0;
    QTest::newRow("IPv6 no port") << "[::1]" << false << "" << 0;
    QTest::newRow("port 0") << "127.0.0.1:0" << false << "" << 0;
    QTest::newRow("port too big") << "127.0.0.1:65536" << false << "" << 0;
    QTest::newRow("port not a number") << "127.0.0.1:http" << false << "" << 0;
    QTest::newRow("empty") << "" << false << "" << 0;
}

void TestMetricsServer::listenAddress()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, host);
    QFETCH(int, port);
    QString parsedHost, error;
    quint16 parsedPort = 0;
    QCOMPARE(parseListenAddress(text, &parsedHost, &parsedPort, &error), ok);
    if (!ok) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QCOMPARE(parsedHost, host);
    QCOMPARE(int(parsedPort), port);
}

void TestMetricsServer::formats_data()
{
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<QByteArray>("contentType");
    QTest::newRow("plain") << QByteArray() << metricsContentType(MetricsFormat::Prometheus);
    QTest::newRow("Prometheus' Accept")
        << QByteArray("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5")
        << metricsContentType(MetricsFormat::OpenMetrics);
}

void TestMetricsServer::formats()
{
    QFETCH(QByteArray, accept);
    QFETCH(QByteArray, contentType);
    // Qt's client asks for gzip and unpacks it: the text it hands over is gzip'd once.
    QNetworkAccessManager manager;
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(m_server->port())));
    if (!accept.isEmpty())
        request.setRawHeader("Accept", accept);
    std::unique_ptr<QNetworkReply> reply(manager.get(request));
    QVERIFY(QTest::qWaitFor([&reply] { return reply->isFinished(); }, 10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), contentType);
    const QByteArray body = reply->readAll();
    QVERIFY2(body.startsWith("# HELP dbs_gateways"), body.left(40).toHex().constData());
    QVERIFY(body.contains(
        "dbs_gateway_info{account=\"default\",region=\"cn-hangzhou\",id=\"dbsgw-29\""));
    QCOMPARE(body.endsWith("# EOF\n"), contentType.startsWith("application/openmetrics-text"));
}

void TestMetricsServer::gzipOnlyWhenAccepted_data()
{
    QTest::addColumn<QByteArray>("acceptEncoding");
    QTest::addColumn<bool>("gzip");
    QTest::newRow("gzip") << QByteArray("gzip") << true;
    QTest::newRow("gzip and brotli") << QByteArray("br, gzip") << true;
    QTest::newRow("nothing") << QByteArray() << false;
    QTest::newRow("gzip refused") << QByteArray("gzip;q=0") << false;
}

void TestMetricsServer::gzipOnlyWhenAccepted()
{
    QFETCH(QByteArray, acceptEncoding);
    QFETCH(bool, gzip);
    QByteArray request = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!acceptEncoding.isEmpty())
        request += "Accept-Encoding: " + acceptEncoding + "\r\n";
    const RawAnswer answer = sendRaw(m_server->port(), request + "\r\n");
    QCOMPARE(answer.status(), 200);
    QCOMPARE(header(answer, "Content-Encoding"), gzip ? QByteArray("gzip") : QByteArray());
    if (gzip) {
        // The render made once, sent as it is.
        QCOMPARE(header(answer, "Content-Length").toLongLong(), answer.body().size());
        QVERIFY(answer.body().startsWith("\x1f\x8b"));
    } else {
        QVERIFY(answer.body().contains("# HELP dbs_gateways"));
        if (acceptEncoding.isEmpty()) { // rendered as it is sent: chunked, never held whole
            QCOMPARE(header(answer, "Transfer-Encoding"), QByteArray("chunked"));
            QVERIFY(answer.body().endsWith("\r\n0\r\n\r\n"));
        } else { // gzip named with q=0: whole, so that cpp-httplib cannot compress it anyway
            QCOMPARE(header(answer, "Content-Length").toLongLong(), answer.body().size());
            QVERIFY(answer.body().startsWith("# HELP dbs_gateways"));
        }
    }
}

void TestMetricsServer::pages_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contains");
    QTest::newRow("index") << QByteArray("GET / HTTP/1.1") << 200
                           << QByteArray("<a href=\"metrics\">");
    QTest::newRow("health") << QByteArray("GET /healthz HTTP/1.1") << 200 << QByteArray("ok");
    QTest::newRow("HEAD of metrics") << QByteArray("HEAD /metrics HTTP/1.1") << 200 << QByteArray();
    QTest::newRow("unknown path") << QByteArray("GET /admin HTTP/1.1") << 404 << QByteArray();
    QTest::newRow("POST") << QByteArray("POST /metrics HTTP/1.1\r\nContent-Length: 0") << 404
                          << QByteArray();
    // No ranges: cpp-httplib 0.11 would read past the end of the body for the first and
    // never end the second.
    QTest::newRow("a range past the end")
        << QByteArray("GET /metrics HTTP/1.1\r\nAccept-Encoding: gzip\r\n"
                      "Range: bytes=100000000-100000100")
        << 416 << QByteArray();
    QTest::newRow("a range ending past the end")
        << QByteArray("GET /metrics HTTP/1.1\r\nAccept-Encoding: gzip\r\nRange: bytes=0-999999999")
        << 416 << QByteArray();
}

void TestMetricsServer::pages()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QByteArray, contains);
    const RawAnswer answer =
        sendRaw(m_server->port(), request + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QCOMPARE(answer.status(), status);
    QVERIFY(answer.body().contains(contains));
}

void TestMetricsServer::portInUse()
{
    MetricsServer::Options options;
    options.port = m_server->port();
    MetricsServer second(options);
    QString error;
    QVERIFY(!second.start(&error));
    QVERIFY2(error.contains(QStringLiteral("in use")), qPrintable(error));
    QVERIFY(error.contains(QString::number(options.port)));
    // The first one still serves every scrape.
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(sendRaw(m_server->port(),
                         "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                     .status(),
                 200);
    }
}

void TestMetricsServer::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("100 KB header")
        << "GET /metrics HTTP/1.1\r\nX-Big: " + QByteArray(100 * 1024, 'a') + "\r\n\r\n";
    QTest::newRow("10000 headers")
        << "GET /metrics HTTP/1.1\r\n" + QByteArray("X-Many: 1\r\n").repeated(10000) + "\r\n";
    QTest::newRow("100 KB target") << "GET /" + QByteArray(100 * 1024, 'q') + " HTTP/1.1\r\n\r\n";
    QTest::newRow("no HTTP version") << QByteArray("GET /metrics\r\n\r\n");
    QTest::newRow("body over the limit")
        << QByteArray("POST /metrics HTTP/1.1\r\nContent-Length: 104857600\r\n\r\nx");
    QTest::newRow("bad chunked body")
        << QByteArray("POST /metrics HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    QTest::newRow("NUL bytes") << QByteArray("GET /\0\0metrics HTTP/1.1\r\n\r\n", 27);
    QTest::newRow("absurd Accept")
        << "GET /metrics HTTP/1.1\r\nAccept: " + QByteArray(";q=,").repeated(4000) +
               "\r\nConnection: close\r\n\r\n";
    QByteArray garbage(8192, '\0');
    QRandomGenerator generator(7);
    for (char &c : garbage)
        c = char(generator.bounded(256));
    QTest::newRow("8 KB of random bytes") << garbage + "\r\n\r\n";
}

void TestMetricsServer::malformed()
{
    QFETCH(QByteArray, bytes);
    const RawAnswer answer = sendRaw(m_server->port(), bytes);
    QVERIFY(answer.connected);
    // An answer or a clean close; never silence until the timeout, never a crash.
    QVERIFY2(answer.status() > 0 || answer.closed, answer.data.left(100).constData());
    QCOMPARE(
        sendRaw(m_server->port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .status(),
        200);
}

void TestMetricsServer::stalledClients()
{
    // Clients that open a request and never end it, more of them than the server has threads
    // (64): a scrape meanwhile is answered once their wait (2 s keep-alive, 3 s read) frees one.

    QList<QTcpSocket *> sockets;
    for (int i = 0; i < 100; ++i) {
        auto *socket = new QTcpSocket(this);
        socket->connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(socket->waitForConnected(5000));
        socket->write("GET /metrics HTTP/1.1\r\nX-Never-Ends: ");
        socket->flush();
        sockets.append(socket);
    }
    QElapsedTimer clock;
    clock.start();
    const RawAnswer answer =
        sendRaw(m_server->port(), "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const qint64 waitedMs = clock.elapsed();
    qDeleteAll(sockets);
    QCOMPARE(answer.status(), 200);
    QVERIFY2(waitedMs < 8000, QByteArray::number(waitedMs).constData());
}

void TestMetricsServer::publishWhileScraping()
{
    // Another thread publishes new inventories as fast as it can while scrapes run: each scrape
    // is one whole inventory, never a mix or a torn one.
    std::atomic<bool> stop = false;
    std::thread publisher([&] {
        int round = 0;
        while (!stop)
            m_server->publish(sampleMetrics(round++ % 2 ? 30 : 60), 0);
    });
    for (int i = 0; i < 30; ++i) {
        const RawAnswer answer = sendRaw(
            m_server->port(), "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QCOMPARE(answer.status(), 200);
        const qsizetype infos = answer.body().count("\ndbs_gateway_info{");
        QVERIFY2(infos == 30 || infos == 60, QByteArray::number(infos).constData());
    }
    stop = true;
    publisher.join();
    std::atomic<bool> served = false;
    m_server->publish(sampleMetrics(30), 0, [&served] { served = true; });
    QTRY_VERIFY(served);
}

QTEST_GUILESS_MAIN(TestMetricsServer)
#include "tst_metricsserver.moc"
