// The simulator against malformed requests sent raw over TCP:
// each gets an answer or a clean close, and afterwards the simulator still serves a normal
// signed request. Leaks are for the sanitizer build to find; this test gives it the traffic.
#include "rawhttp.h"
#include "simfixture.h"
#include <api/dbsclient.h>
#include <api/signing.h>
#include <sim/simulator.h>

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <memory>

using namespace dbs;
using fixture::RawAnswer;
using fixture::sendRaw;
using fixture::signedV1;

class TestSimulatorRobustness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void malformed_data();
    void malformed();
    void signedButWrong_data();
    void signedButWrong();
    void manyAtOnce();
    void stillServes();

private:
    std::unique_ptr<dbs::Simulator> m_simulator;
};

void TestSimulatorRobustness::initTestCase()
{
    dbs::SimulatorOptions options;
    options.gateways = 100;
    m_simulator = fixture::startSimulator(options);
}

void TestSimulatorRobustness::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("mayCloseSilently"); // false: an HTTP answer is required
    const QByteArray host = "Host: 127.0.0.1\r\n";
    QTest::newRow("bad percent-encoding")
        << QByteArray("POST /?Action=%ZZ&Region=%E0%A4%&Signature=%%%25%G1 HTTP/1.1\r\n" + host +
                      "Content-Length: 0\r\n\r\n")
        << false;
    QTest::newRow("bad percent-encoding in a form body")
        << QByteArray("POST / HTTP/1.1\r\n" + host +
                      "Content-Type: application/x-www-form-urlencoded\r\n"
                      "Content-Length: 23\r\n\r\nAction=%&Region=%zz%c3%")
        << false;
    QTest::newRow("100 KB header")
        << QByteArray("GET / HTTP/1.1\r\n" + host + "X-Big: " + QByteArray(100 * 1024, 'a') +
                      "\r\n\r\n")
        << true;
    QTest::newRow("10000 headers")
        << QByteArray("GET / HTTP/1.1\r\n" + host + QByteArray("X-Many: 1\r\n").repeated(10000) +
                      "\r\n")
        << true;
    QTest::newRow("100 KB request line")
        << QByteArray("GET /?" + QByteArray(100 * 1024, 'q') + " HTTP/1.1\r\n" + host + "\r\n")
        << true;
    QTest::newRow("unsigned unknown action")
        << QByteArray("GET /?Action=DeleteEverything HTTP/1.1\r\n" + host + "\r\n") << false;
    QTest::newRow("no parameters at all")
        << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: 0\r\n\r\n") << false;
    QTest::newRow("V3 Authorization of garbage")
        << QByteArray("POST / HTTP/1.1\r\n" + host +
                      "Authorization: ACS3-HMAC-SHA256 ,,,=,Credential=,SignedHeaders=;;;\r\n"
                      "x-acs-action: DescribeBackupGatewayList\r\nContent-Length: 0\r\n\r\n")
        << false;
    QTest::newRow("no HTTP version") << QByteArray("GET /\r\n\r\n") << true;
    QTest::newRow("unsupported method DELETE")
        << QByteArray("DELETE / HTTP/1.1\r\n" + host + "\r\n") << false;
    QTest::newRow("unknown method BREW")
        << QByteArray("BREW / HTTP/1.1\r\n" + host + "\r\n") << true;
    QTest::newRow("body over the 1 MiB limit")
        << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: 104857600\r\n\r\nx") << true;
    QTest::newRow("negative Content-Length")
        << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: -5\r\n\r\n") << true;
    QTest::newRow("body shorter than promised")
        << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: 50\r\n\r\nshort") << true;
    QTest::newRow("bad chunked body")
        << QByteArray("POST / HTTP/1.1\r\n" + host +
                      "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n")
        << true;
    QTest::newRow("NUL bytes in the target")
        << QByteArray("GET /\0\0?Action=\0 HTTP/1.1\r\n", 28) + host + "\r\n"
        << true;
    QByteArray garbage(8192, '\0');
    QRandomGenerator generator(4);
    for (char &c : garbage)
        c = char(generator.bounded(256));
    QTest::newRow("8 KB of random bytes") << garbage + "\r\n\r\n" << true;
    QTest::newRow("only CRLFs") << QByteArray("\r\n").repeated(5000) << true;
}

void TestSimulatorRobustness::malformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, mayCloseSilently);
    const RawAnswer answer = sendRaw(m_simulator->port(), bytes);
    QVERIFY(answer.connected);
    const int status = answer.status();
    // An answer (never a success) or a clean close; never silence until the timeout.
    QVERIFY2(status >= 400 || (mayCloseSilently && answer.closed),
             qPrintable(QStringLiteral("status %1, closed %2: %3")
                            .arg(status)
                            .arg(answer.closed)
                            .arg(QString::fromLatin1(answer.data.left(200)))));
    if (!mayCloseSilently)
        QVERIFY2(status >= 400 && status < 500, answer.data.left(200).constData());
}

void TestSimulatorRobustness::signedButWrong_data()
{
    QTest::addColumn<QByteArray>("action");
    QTest::addColumn<QByteArray>("region");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::newRow("unknown action") << QByteArray("DeleteEverything") << QByteArray("cn-hangzhou")
                                    << 404 << QByteArray("InvalidAction.NotFound");
    QTest::newRow("missing Region") << QByteArray("DescribeBackupGatewayList") << QByteArray()
                                    << 400 << QByteArray("MissingRegion");
    QTest::newRow("unknown Region")
        << QByteArray("DescribeBackupGatewayList") << QByteArray("mars-1") << 400
        << QByteArray("InvalidParameter");
}

void TestSimulatorRobustness::signedButWrong()
{
    QFETCH(QByteArray, action);
    QFETCH(QByteArray, region);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    signing::QueryItems items = {{"Action", action}};
    if (!region.isEmpty())
        items.append({"Region", region});
    const RawAnswer answer = sendRaw(m_simulator->port(), signedV1(m_simulator->port(), items));
    QCOMPARE(answer.status(), status);
    QVERIFY2(answer.data.contains("\"Code\":\"" + code + '"'), answer.data.constData());
}

void TestSimulatorRobustness::manyAtOnce()
{
    // More half-open garbage connections than the simulator has threads (32): it keeps
    // answering others meanwhile, and closes the idle ones in the end.
    QList<QTcpSocket *> sockets;
    for (int i = 0; i < 40; ++i) {
        auto *socket = new QTcpSocket(this);
        socket->connectToHost(QStringLiteral("127.0.0.1"), m_simulator->port());
        QVERIFY(socket->waitForConnected(5000));
        socket->write("GET / HTTP/1.1\r\nX-Never-Ends: ");
        socket->flush();
        sockets.append(socket);
    }
    const RawAnswer answer =
        sendRaw(m_simulator->port(),
                signedV1(m_simulator->port(),
                         {{"Action", "DescribeBackupGatewayList"}, {"Region", "cn-hangzhou"}}));
    qDeleteAll(sockets);
    // Queued behind the stalled ones at worst until their read timeout; answered either way.
    QCOMPARE(answer.status(), 200);
}

void TestSimulatorRobustness::stillServes()
{
    const quint64 before = m_simulator->requestCount();
    for (int v : {int(SignatureVersion::V1), int(SignatureVersion::V3)}) {
        DbsClient client;
        client.setCredential({QString::fromLatin1(dbs::demoAccessKeyId),
                              QString::fromLatin1(dbs::demoAccessKeySecret),
                              {},
                              {}});
        ClientOptions options;
        options.endpoint = QUrl(m_simulator->baseUrl());
        options.signature = SignatureVersion(v);
        options.retry.maxAttempts = 1;
        client.setOptions(options);
        PageQuery query;
        query.region = QStringLiteral("cn-hangzhou");
        bool done = false;
        GatewayPage page;
        ApiError error;
        PageCall *call = client.fetchPage(query);
        connect(call, &PageCall::finished, this, [&](const GatewayPage &p) {
            page = p;
            done = true;
        });
        connect(call, &PageCall::failed, this, [&](const ApiError &e) {
            error = e;
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 10000));
        QVERIFY2(!error.isError(), qPrintable(error.summary()));
        QVERIFY(!page.gateways.isEmpty());
        QCOMPARE(page.gateways, m_simulator->gatewaysIn(query.region).mid(0, 30));
    }
    QVERIFY(m_simulator->requestCount() > before);
}

QTEST_GUILESS_MAIN(TestSimulatorRobustness)
#include "tst_simulatorrobustness.moc"
