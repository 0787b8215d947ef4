// HTTP/2 end to end: nghttpx (Debian's nghttp2-proxy) as a TLS front that offers h2 by ALPN,
// the in-process simulator (plain http) behind it, and a whole listing through PagePipeline with
// more pages in flight than HTTP/1.1's six connections per host allow. nghttpx's access log
// says, for each request, the client's port and the protocol: every request of the listing must
// have come over HTTP/2, all on one client connection; the simulator's request count, sampled
// against the answers the client took in, says that the pipeline's 16 pages were at the service
// at once. A missing nghttpx fails the test (tools/deps.sh installs it); it never skips.
#include "tlsfixture.h"

#include "pagingcases.h"
#include "simfixture.h"
#include <api/pagepipeline.h>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>

using namespace dbs;

namespace {
// Far above a loaded machine's jitter and the 40 ms a request may wait in the client's socket
// (Qt sets no TCP_NODELAY; Nagle holds a small write until the previous one is acknowledged).
constexpr int latencyMs = 200;
constexpr int concurrency = 16;

// One line of nghttpx's access log, in the format logFormat gives. ($time_iso8601 is no use
// for timing: nghttpx formats it once a second.)
struct LogLine
{
    QString remotePort; // the client's side of the frontend connection
    QString alpn;
    QString protocol;
    int status = 0;
};
const char logFormat[] = "$remote_port $alpn $protocol_version $status $path_without_query";

QList<LogLine> readLog(const QString &path, QString *error)
{
    QFile file(path);
    QList<LogLine> lines;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return lines;
    }
    for (const QByteArray &raw : file.readAll().split('\n')) {
        if (raw.trimmed().isEmpty())
            continue;
        const QStringList fields = QString::fromUtf8(raw).split(u' ');
        if (fields.size() != 5) {
            *error = QStringLiteral("unexpected access log line: %1").arg(QString::fromUtf8(raw));
            return {};
        }
        lines.append({fields.at(0), fields.at(1), fields.at(2), fields.at(3).toInt()});
    }
    return lines;
}

quint16 freePort()
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0;
}

QString findNghttpx()
{
    const QString name = QStringLiteral("nghttpx");
    const QString path = QStandardPaths::findExecutable(name);
    if (!path.isEmpty())
        return path;
    // Debian puts it in /usr/sbin, which is not on every user's PATH.
    return QStandardPaths::findExecutable(
        name, {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
}
} // namespace

class TestHttp2 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listingSharesOneHttp2Connection_data();
    void listingSharesOneHttp2Connection();

private:
    bool startProxy(quint16 backendPort, QString *error);
    void stopProxy();

    QTemporaryDir m_dir;
    QString m_nghttpx;
    fixture::TlsFiles m_files;
    std::unique_ptr<QProcess> m_proxy;
    quint16 m_proxyPort = 0;
    QString m_accessLog;
};

void TestHttp2::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_nghttpx = findNghttpx();
    QVERIFY2(!m_nghttpx.isEmpty(),
             "nghttpx is needed (Debian package nghttp2-proxy; tools/deps.sh installs it)");
    m_files = fixture::makeTlsFiles(m_dir.path());
    QVERIFY2(m_files.ok(), qPrintable(m_files.error));
}

void TestHttp2::cleanupTestCase()
{
    stopProxy();
}

bool TestHttp2::startProxy(quint16 backendPort, QString *error)
{
    // A free port is picked, then given to nghttpx: another process may take it in between,
    // so a proxy that exits at once is started again on another.
    for (int attempt = 0; attempt < 5; ++attempt) {
        stopProxy();
        m_proxyPort = freePort();
        m_accessLog = m_dir.filePath(QStringLiteral("access-%1.log").arg(m_proxyPort));
        m_proxy = std::make_unique<QProcess>();
        m_proxy->setProcessChannelMode(QProcess::MergedChannels);
        m_proxy->start(m_nghttpx,
                       {
                           // Not the system's /etc/nghttpx/nghttpx.conf.
                           QStringLiteral("--conf=/dev/null"),
                           // TLS frontend (the default for -f) offering h2 and http/1.1 by ALPN.
                           QStringLiteral("--frontend=127.0.0.1,%1").arg(m_proxyPort),
                           QStringLiteral("--backend=127.0.0.1,%1").arg(backendPort),
                           // Backend connections are HTTP/1.1, one request each at a time: enough
                           // of them that the proxy never caps what the client keeps in flight.
                           QStringLiteral("--backend-connections-per-host=64"),
                           QStringLiteral("--backend-connections-per-frontend=64"),
                           QStringLiteral("--workers=1"),
                           QStringLiteral("--no-ocsp"),
                           QStringLiteral("--accesslog-file=%1").arg(m_accessLog),
                           QStringLiteral("--accesslog-format=%1").arg(QLatin1String(logFormat)),
                           QStringLiteral("--errorlog-file=%1")
                               .arg(m_dir.filePath(QStringLiteral("error.log"))),
                           m_files.serverKey,
                           m_files.serverCert,
                       });
        if (!m_proxy->waitForStarted(10000)) {
            *error = QStringLiteral("cannot start %1: %2").arg(m_nghttpx, m_proxy->errorString());
            return false;
        }
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 10000 && m_proxy->state() == QProcess::Running) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_proxyPort);
            if (probe.waitForConnected(200))
                return true;
            QTest::qWait(20);
        }
        QFile errorLog(m_dir.filePath(QStringLiteral("error.log")));
        errorLog.open(QIODevice::ReadOnly);
        *error = QStringLiteral("nghttpx did not listen on %1: %2 %3")
                     .arg(m_proxyPort)
                     .arg(QString::fromLocal8Bit(m_proxy->readAll()),
                          QString::fromLocal8Bit(errorLog.readAll()));
    }
    return false;
}

void TestHttp2::stopProxy()
{
    if (!m_proxy)
        return;
    if (m_proxy->state() != QProcess::NotRunning) {
        m_proxy->terminate();
        if (!m_proxy->waitForFinished(5000)) {
            m_proxy->kill();
            m_proxy->waitForFinished(5000);
        }
    }
    m_proxy.reset();
}

void TestHttp2::listingSharesOneHttp2Connection_data()
{
    fixture::addPageBaseRows();
}

void TestHttp2::listingSharesOneHttp2Connection()
{
    QFETCH(int, pageBase);
    // 1000 gateways at 30 a page: 34 pages (the last short), 35 requests on a 1-based service;
    // at 16 in flight 4 rounds of `latencyMs`, at HTTP/1.1's six 7.
    dbs::SimulatorOptions options = fixture::options(1000, 7, {QStringLiteral("cn-hangzhou")});
    options.pageBase = pageBase;
    options.latencyMs = latencyMs;
    auto simulator = fixture::startSimulator(options);
    QVERIFY(!simulator->isTls());
    QString error;
    QVERIFY2(startProxy(simulator->port(), &error), qPrintable(error));

    DbsClient client;
    fixture::pointAt(&client, *simulator);
    ClientOptions clientOptions = client.options();
    clientOptions.endpoint = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_proxyPort));
    clientOptions.caFile = m_files.caCert;
    client.setOptions(clientOptions);

    const PageQuery query = fixture::query(QStringLiteral("cn-hangzhou"), 30);
    PagePipeline job(&client, query, concurrency);
    QVector<BackupGateway> rows;
    bool finished = false;
    ApiError failure;
    connect(&job, &PagePipeline::rowsReady, this,
            [&rows](const QVector<BackupGateway> &page) { rows += page; });
    connect(&job, &PagePipeline::finished, this, [&finished] { finished = true; });
    connect(&job, &PagePipeline::failed, this,
            [&failure](const ApiError &error) { failure = error; });
    // Pages at the simulator and not yet answered to the client, sampled as the listing runs:
    // requests that reached the simulator's handler minus answers the client has taken in
    // (requestLogged comes before the pipeline sends the next page). Over HTTP/1.1 this could
    // never pass six, Qt's connections per host.
    int answered = 0;
    int mostInFlight = 0;
    const auto sample = [&] {
        mostInFlight = std::max(mostInFlight, int(simulator->requestCount()) - answered);
    };
    connect(&client, &DbsClient::requestLogged, this, [&](const RequestLog &) {
        sample();
        ++answered;
    });
    QTimer sampler;
    connect(&sampler, &QTimer::timeout, this, sample);
    sampler.start(1);
    QElapsedTimer elapsed;
    elapsed.start();
    job.fetchAll();
    QVERIFY(QTest::qWaitFor([&] { return finished || failure.isError(); }, 60000));
    sampler.stop();
    QVERIFY2(finished, qPrintable(failure.summary()));
    qInfo("%d requests in %lld ms, at most %d at the simulator at once", job.requestsSent(),
          elapsed.elapsed(), mostInFlight);

    // Every gateway exactly once, in the service's order.
    const QVector<BackupGateway> expected = simulator->gatewaysIn(query.region);
    const QStringList ids = fixture::ids(rows);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
    QCOMPARE(ids, fixture::ids(expected));
    QCOMPARE(job.requestsSent(),
             fixture::expectedRequests(pageBase, int(expected.size()), query.pageSize));

    // nghttpx writes a line as each answer completes: every request is in the log.
    QList<LogLine> lines;
    QVERIFY(QTest::qWaitFor(
        [&] {
            lines = readLog(m_accessLog, &error);
            return !error.isEmpty() || lines.size() >= job.requestsSent();
        },
        5000));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(lines.size(), job.requestsSent());
    QSet<QString> ports;
    for (const LogLine &line : std::as_const(lines)) {
        QCOMPARE(line.status, 200);
        QCOMPARE(line.alpn, QStringLiteral("h2"));
        QCOMPARE(line.protocol, QStringLiteral("HTTP/2"));
        ports.insert(line.remotePort);
    }
    // One client connection carried the whole listing.
    QCOMPARE(ports.size(), 1);
    // And the pipeline kept its pages in flight on it: more than the six connections
    // HTTP/1.1 would have had, as many as it was told. After the first page 16 go out at once
    // and each waits `latencyMs` at the simulator, so they meet there however loaded the
    // machine is.
    QCOMPARE(mostInFlight, concurrency);
    stopProxy();
}

QTEST_GUILESS_MAIN(TestHttp2)
#include "tst_http2.moc"
