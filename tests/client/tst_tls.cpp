// HTTPS end to end: the simulator serving a test CA's certificate, and DbsClient verifying it
// with the system's roots plus an extra CA file. Verification is never turned off.
#include "simfixture.h"
#include "tlsfixture.h"

#include <api/dbsclient.h>
#include <sim/simulator.h>

#include <QFile>
#include <QSet>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace dbs;

namespace {
using fixture::demoCredential;
using Outcome = fixture::PageOutcome;

// Every test here asks for the first page of the one region the simulator serves.
Outcome fetch(DbsClient &client)
{
    return fixture::fetchPage(client, fixture::query(QStringLiteral("cn-hangzhou")));
}
} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void pagesWithCaFile_data();
    void pagesWithCaFile();
    void refusedWithoutCaFile_data();
    void refusedWithoutCaFile();
    void caFileKeepsSystemRoots();
    void unusableCaFile_data();
    void unusableCaFile();
    void simulatorRejectsBadCertificate_data();
    void simulatorRejectsBadCertificate();
    void plainHttpServerBehindHttps_data();
    void plainHttpServerBehindHttps();

private:
    ClientOptions options(const QString &caFile) const;

    QTemporaryDir m_dir;
    fixture::TlsFiles m_files;
    std::unique_ptr<dbs::Simulator> m_simulator;
};

void TestTls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_files = fixture::makeTlsFiles(m_dir.path());
    QVERIFY2(m_files.ok(), qPrintable(m_files.error)); // fails, never skips, without openssl
    dbs::SimulatorOptions simulatorOptions;
    simulatorOptions.gateways = 120;
    simulatorOptions.regions = {QStringLiteral("cn-hangzhou")};
    simulatorOptions.tlsCertFile = m_files.serverCert;
    simulatorOptions.tlsKeyFile = m_files.serverKey;
    m_simulator = std::make_unique<dbs::Simulator>(simulatorOptions);
    QString error;
    QVERIFY2(m_simulator->start(&error), qPrintable(error));
    QVERIFY(m_simulator->isTls());
    QCOMPARE(m_simulator->baseUrl(),
             QStringLiteral("https://127.0.0.1:%1").arg(m_simulator->port()));
}

void TestTls::cleanupTestCase()
{
    m_simulator.reset();
}

ClientOptions TestTls::options(const QString &caFile) const
{
    ClientOptions result;
    result.endpoint = QUrl(m_simulator->baseUrl());
    result.retry.baseDelayMs = 10;
    result.retry.maxDelayMs = 50;
    result.timeoutMs = 10000;
    result.caFile = caFile;
    return result;
}

void TestTls::pagesWithCaFile_data()
{
    QTest::addColumn<bool>("der");
    QTest::addColumn<int>("signature");
    QTest::newRow("PEM, V3") << false << int(SignatureVersion::V3);
    QTest::newRow("PEM, V1") << false << int(SignatureVersion::V1);
    QTest::newRow("DER, V3") << true << int(SignatureVersion::V3);
}

void TestTls::pagesWithCaFile()
{
    QFETCH(bool, der);
    QFETCH(int, signature);
    DbsClient client;
    client.setCredential(demoCredential());
    ClientOptions clientOptions = options(der ? m_files.caCertDer : m_files.caCert);
    clientOptions.signature = SignatureVersion(signature);
    client.setOptions(clientOptions);
    const Outcome outcome = fetch(client);
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.message));
    QCOMPARE(outcome.page.totalElements, 120);
    QCOMPARE(outcome.page.gateways.size(), 30);
    QCOMPARE(outcome.log.size(), 1);
    QVERIFY(outcome.log.constFirst().url.startsWith(QStringLiteral("https://127.0.0.1:")));
}

void TestTls::refusedWithoutCaFile_data()
{
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<bool>("clearedAfterUse");
    QTest::newRow("system roots only") << QString() << false;
    QTest::newRow("another CA") << QStringLiteral("other") << false;
    QTest::newRow("CA file set, then cleared") << QStringLiteral("ca") << true;
}

void TestTls::refusedWithoutCaFile()
{
    // A certificate no trusted authority signed: refused with a clear message, after one
    // attempt (asking again meets the same certificate), and the request never reached the
    // server's handler.
    QFETCH(QString, caFile);
    QFETCH(bool, clearedAfterUse);
    const QString path = caFile == u"other" ? m_files.otherCa
                         : caFile == u"ca"  ? m_files.caCert
                                            : QString();
    DbsClient client;
    client.setCredential(demoCredential());
    client.setOptions(options(path));
    if (clearedAfterUse) {
        QVERIFY(!fetch(client).error.isError());
        client.setOptions(options(QString()));
        QVERIFY(client.caCertificates().isEmpty());
    }
    const quint64 requestsBefore = m_simulator->requestCount();
    const Outcome outcome = fetch(client);
    QCOMPARE(outcome.error.kind, ApiError::Kind::Transport);
    QCOMPARE(outcome.error.code, QStringLiteral("TlsError"));
    QVERIFY(!outcome.error.retryable);
    QVERIFY2(outcome.error.message.contains(QStringLiteral("certificate"), Qt::CaseInsensitive),
             qPrintable(outcome.error.message));
    QVERIFY2(outcome.error.message.contains(QStringLiteral("127.0.0.1")),
             qPrintable(outcome.error.message));
    QCOMPARE(outcome.log.size(), 1);
    QCOMPARE(outcome.log.constFirst().outcome, QStringLiteral("TlsError"));
    QCOMPARE(m_simulator->requestCount(), requestsBefore);
}

void TestTls::caFileKeepsSystemRoots()
{
    // The file adds to the system's roots; it does not replace them.
    DbsClient client;
    QVERIFY(client.caCertificates().isEmpty());
    client.setOptions(options(m_files.caCert));
    const QList<QSslCertificate> trusted = client.caCertificates();
    QString error;
    const QList<QSslCertificate> extra = DbsClient::readCaFile(m_files.caCert, &error);
    QCOMPARE(extra.size(), 1);
    QVERIFY(error.isEmpty());
    QVERIFY(trusted.contains(extra.constFirst()));
    const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
    for (const QSslCertificate &root : system)
        QVERIFY2(trusted.contains(root), qPrintable(root.subjectDisplayName()));
    // The system store lists some roots twice (file and hash link): each is trusted once.
    QCOMPARE(trusted.size(), QSet<QSslCertificate>(system.cbegin(), system.cend()).size() + 1);
}

void TestTls::unusableCaFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content"); // empty name: the file is not created
    QTest::newRow("missing") << QStringLiteral("missing.pem") << QByteArray();
    QTest::newRow("not a certificate")
        << QStringLiteral("garbage.pem") << QByteArray("this is not a certificate\n");
    QTest::newRow("a private key") << QStringLiteral("key") << QByteArray();
}

void TestTls::unusableCaFile()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QString path = m_dir.filePath(name);
    if (name == u"key") {
        path = m_files.serverKey;
    } else if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    QString error;
    QVERIFY(DbsClient::readCaFile(path, &error).isEmpty());
    QVERIFY2(error.contains(path), qPrintable(error));

    // A client given it anyway sends nothing and says why.
    DbsClient client;
    client.setCredential(demoCredential());
    client.setOptions(options(path));
    const quint64 requestsBefore = m_simulator->requestCount();
    const Outcome outcome = fetch(client);
    QCOMPARE(outcome.error.kind, ApiError::Kind::Config);
    QCOMPARE(outcome.error.message, error);
    QVERIFY(!outcome.error.retryable);
    QCOMPARE(m_simulator->requestCount(), requestsBefore);
}

void TestTls::simulatorRejectsBadCertificate_data()
{
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");
    const QString dir = m_dir.path();
    QTest::newRow("missing certificate")
        << dir + QStringLiteral("/none.pem") << dir + QStringLiteral("/server.key")
        << QStringLiteral("cannot read");
    QTest::newRow("missing key") << dir + QStringLiteral("/server.pem")
                                 << dir + QStringLiteral("/none.key")
                                 << QStringLiteral("cannot read");
    QTest::newRow("key of another certificate")
        << dir + QStringLiteral("/server.pem") << dir + QStringLiteral("/ca.key")
        << QStringLiteral("cannot serve TLS");
    QTest::newRow("key given as certificate")
        << dir + QStringLiteral("/server.key") << dir + QStringLiteral("/server.key")
        << QStringLiteral("cannot serve TLS");
    QTest::newRow("no key") << dir + QStringLiteral("/server.pem") << QString()
                            << QStringLiteral("both");
}

void TestTls::simulatorRejectsBadCertificate()
{
    QFETCH(QString, cert);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    dbs::SimulatorOptions simulatorOptions;
    simulatorOptions.gateways = 1;
    simulatorOptions.tlsCertFile = cert;
    simulatorOptions.tlsKeyFile = key;
    dbs::Simulator simulator(simulatorOptions);
    QString error;
    QVERIFY(!simulator.start(&error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

// A server that speaks plain http and meets a TLS hello: it answers what a plain http server
// answers to bytes that are not a request, or nothing. A QTcpServer plays it, because the
// answer differs between servers and releases (nginx, Apache and cpp-httplib 0.11 answer 400 at
// once; cpp-httplib 0.18 says nothing and closes after its 5 s read timeout).
class PlainHttpServer final : public QTcpServer
{
public:
    explicit PlainHttpServer(bool answers) : m_answers(answers)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    socket->readAll();
                    if (m_answers)
                        socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                                      "Connection: close\r\n\r\n");
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

private:
    bool m_answers;
};

void TestTls::plainHttpServerBehindHttps_data()
{
    QTest::addColumn<bool>("answers");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<QString>("hint");
    QTest::newRow("answers 400 at once")
        << true << QStringLiteral("TlsError") << false << QStringLiteral("does not speak TLS");
    QTest::newRow("closes without an answer")
        << false << QStringLiteral("NetworkError") << true << QStringLiteral("may not speak TLS");
}

void TestTls::plainHttpServerBehindHttps()
{
    // https:// to a server that speaks plain http: the hint is about the scheme, not about CA
    // certificates.
    QFETCH(bool, answers);
    QFETCH(QString, code);
    QFETCH(bool, retryable);
    QFETCH(QString, hint);
    PlainHttpServer plain(answers);
    QVERIFY(plain.listen(QHostAddress::LocalHost));
    DbsClient client;
    client.setCredential(demoCredential());
    ClientOptions clientOptions = options(QString());
    clientOptions.endpoint = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(plain.serverPort()));
    clientOptions.retry.maxAttempts = 2;
    client.setOptions(clientOptions);
    const Outcome outcome = fetch(client);
    QCOMPARE(outcome.error.code, code);
    QCOMPARE(outcome.error.retryable, retryable);
    QCOMPARE(outcome.log.size(), retryable ? 2 : 1);
    QVERIFY2(outcome.error.message.contains(hint), qPrintable(outcome.error.message));
    QVERIFY2(outcome.error.message.contains(QStringLiteral("http://")),
             qPrintable(outcome.error.message));
    QVERIFY2(!outcome.error.message.contains(QStringLiteral("CA certificate")),
             qPrintable(outcome.error.message));
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
