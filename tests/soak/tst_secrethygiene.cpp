// Secrets on the GUI-side paths: a distinctive access key secret and STS token go
// through the model (loadAll, with retries and a failure), the request log signal (written
// to a sink file as a log would be), every debug message (dbs.* categories on, captured to a
// file), this process's standard error (redirected to a file), a CSV export and the settings
// file (QStandardPaths test mode, HOME and XDG directories inside the test's directory).
// Then everything under the test's directory is searched for the secret, the token and every
// Signature value that went over the wire (recorded by a relay between client and simulator).
#include "secretscan.h"
#include "simfixture.h"

#include <api/dbsclient.h>
#include <export/gatewaycsv.h>
#include <models/gatewaytablemodel.h>
#include <settings/settings.h>
#include <sim/simulator.h>

#include <QDir>
#include <QDirIterator>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

#include <fcntl.h>
#include <unistd.h>

using namespace dbs;

namespace {

constexpr char keyId[] = "LTAIsoakHygieneKey";
constexpr char secret[] = "Soak-Secret-9f2c7e1a-do-not-write";
constexpr char token[] = "Soak-STS-Token-4b8d0c37-never-on-disk";

QFile *messageLog = nullptr; // the test's captured qDebug/qWarning output; owned by the test

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    if (messageLog) {
        messageLog->write(
            QStringLiteral("[%1] %2\n")
                .arg(QString::fromLatin1(context.category ? context.category : ""), message)
                .toUtf8());
        messageLog->flush();
    }
}

// Forwards loopback connections to the simulator and keeps, in memory only, every byte the
// client sent: the signatures to look for afterwards.
class WireRecorder final : public QObject
{
public:
    explicit WireRecorder(quint16 upstreamPort) : m_upstream(upstreamPort)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &WireRecorder::accept);
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    const QByteArray &sent() const { return m_sent; }

private:
    void accept()
    {
        while (QTcpSocket *down = m_server.nextPendingConnection()) {
            auto *up = new QTcpSocket(down); // owned by `down`, gone with it
            up->connectToHost(QHostAddress::LocalHost, m_upstream);
            connect(down, &QTcpSocket::readyRead, up, [this, down, up] {
                const QByteArray bytes = down->readAll();
                m_sent += bytes;
                up->write(bytes); // buffered until connected
            });
            connect(up, &QTcpSocket::readyRead, down, [down, up] { down->write(up->readAll()); });
            connect(up, &QTcpSocket::disconnected, down, [down] { down->disconnectFromHost(); });
            connect(down, &QTcpSocket::disconnected, down, &QObject::deleteLater);
        }
    }

    QTcpServer m_server;
    quint16 m_upstream;
    QByteArray m_sent;
};

// Every Signature value in the recorded requests: V3's "Signature=<hex>" in Authorization,
// V1's "Signature=<percent-encoded base64>" in the query or form, also decoded.
QList<QByteArray> signaturesIn(const QByteArray &wire)
{
    QList<QByteArray> found;
    static const QRegularExpression pattern(QStringLiteral("Signature=([^\\s&,\"]+)"));
    auto it = pattern.globalMatch(QString::fromLatin1(wire));
    while (it.hasNext()) {
        const QByteArray value = it.next().captured(1).toLatin1();
        for (const QByteArray &form :
             {value, QByteArray::fromPercentEncoding(value),
              QByteArray::fromPercentEncoding(QByteArray(value).replace('+', ' '))}) {
            if (form.size() >= 16 && !found.contains(form))
                found.append(form);
        }
    }
    return found;
}

} // namespace

class TestSecretHygiene : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void nothingWrittenHoldsASecret();

private:
    QString path(const QString &name) const { return m_root.filePath(name); }
    void useSignature(SignatureVersion signature);

    QTemporaryDir m_root;
    QFile m_messages;
    QFile m_requestLog;
    int m_savedStderr = -1;
    std::unique_ptr<dbs::Simulator> m_simulator;
    std::unique_ptr<WireRecorder> m_recorder;
    std::unique_ptr<DbsClient> m_client;
    int m_logged = 0;
};

void TestSecretHygiene::initTestCase()
{
    QVERIFY(m_root.isValid());
    for (const char *dir : {"home", "config", "data", "cache", "state", "logs", "exports"})
        QVERIFY(QDir(m_root.path()).mkpath(QString::fromLatin1(dir)));
    // Everything a Qt program may write goes under the test's directory, where it is searched.
    qputenv("HOME", QFile::encodeName(path(QStringLiteral("home"))));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(path(QStringLiteral("config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(path(QStringLiteral("data"))));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(path(QStringLiteral("cache"))));
    qputenv("XDG_STATE_HOME", QFile::encodeName(path(QStringLiteral("state"))));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("dbs-soak"));
    QCoreApplication::setApplicationName(QStringLiteral("secret-hygiene"));

    // The test's own output: debug messages of every dbs.* category, and standard error.
    m_messages.setFileName(path(QStringLiteral("logs/messages.log")));
    QVERIFY(m_messages.open(QIODevice::WriteOnly));
    messageLog = &m_messages;
    qInstallMessageHandler(captureMessage);
    QLoggingCategory::setFilterRules(QStringLiteral("dbs.*.debug=true"));
    std::fflush(stderr);
    m_savedStderr = ::dup(STDERR_FILENO);
    const int err = ::open(QFile::encodeName(path(QStringLiteral("logs/stderr.log"))).constData(),
                           O_WRONLY | O_CREAT | O_TRUNC, 0600);
    QVERIFY(err >= 0 && m_savedStderr >= 0);
    QVERIFY(::dup2(err, STDERR_FILENO) >= 0);
    ::close(err);

    m_requestLog.setFileName(path(QStringLiteral("logs/requests.log")));
    QVERIFY(m_requestLog.open(QIODevice::WriteOnly));

    dbs::SimulatorOptions options;
    options.gateways = 300;
    options.regions = {QStringLiteral("cn-hangzhou"), QStringLiteral("cn-beijing")};
    options.keys = {{keyId, secret, token}};
    // Retries and failures: more requests, more log lines, error messages.
    options.faults = {
        {dbs::Fault::Http503, 0.15}, {dbs::Fault::Throttle, 0.1}, {dbs::Fault::Malformed, 0.05}};
    m_simulator = fixture::startSimulator(options);
    m_recorder = std::make_unique<WireRecorder>(m_simulator->port());
    QVERIFY(m_recorder->listen());

    m_client = std::make_unique<DbsClient>();
    m_client->setCredential({QString::fromLatin1(keyId), QString::fromLatin1(secret),
                             QString::fromLatin1(token), QStringLiteral("environment")});
    // The request log as the browser would keep it: every entry, one line each.
    connect(m_client.get(), &DbsClient::requestLogged, this, [this](const RequestLog &entry) {
        ++m_logged;
        m_requestLog.write(QStringLiteral("%1 %2 HTTP %3 %4 ms attempt %5 %6\n")
                               .arg(QString::fromLatin1(entry.method), entry.url)
                               .arg(entry.httpStatus)
                               .arg(entry.elapsedMs)
                               .arg(entry.attempt)
                               .arg(entry.outcome)
                               .toUtf8());
        m_requestLog.flush();
    });
}

void TestSecretHygiene::cleanupTestCase()
{
    m_client.reset();
    m_recorder.reset();
    m_simulator.reset();
    std::fflush(stderr);
    if (m_savedStderr >= 0) {
        ::dup2(m_savedStderr, STDERR_FILENO);
        ::close(m_savedStderr);
    }
    qInstallMessageHandler(nullptr);
    messageLog = nullptr;
}

void TestSecretHygiene::useSignature(SignatureVersion signature)
{
    ClientOptions options;
    options.endpoint = QUrl(m_recorder->url());
    options.signature = signature;
    options.retry.maxAttempts = 10;
    options.retry.baseDelayMs = 5;
    options.retry.maxDelayMs = 20;
    m_client->setOptions(options);
}

void TestSecretHygiene::nothingWrittenHoldsASecret()
{
    GatewayTableModel model(m_client.get());
    QList<ApiError> errors;
    connect(&model, &GatewayTableModel::errorOccurred, this, [&errors](const ApiError &error) {
        errors.append(error);
        std::fprintf(stderr, "error: %s\n", qPrintable(error.summary())); // as a GUI might
    });
    int exported = 0;
    for (const SignatureVersion signature : {SignatureVersion::V1, SignatureVersion::V3}) {
        useSignature(signature);
        PageQuery query;
        query.region = QStringLiteral("cn-hangzhou");
        query.pageSize = 30;
        model.setQuery(query);
        model.loadAll();
        QVERIFY(QTest::qWaitFor([&model] { return !model.isLoading(); }, 60000));
        QVERIFY2(model.isComplete(),
                 qPrintable(errors.isEmpty() ? QString() : errors.constLast().summary()));
        QCOMPARE(model.rowCount(), int(m_simulator->gatewaysIn(query.region).size()));
        model.refresh(); // the same pages again, signed anew
        QVERIFY(QTest::qWaitFor([&model] { return !model.isLoading(); }, 60000));

        // Export through the export code, streaming from the model.
        for (const bool apiHeaders : {false, true}) {
            QSaveFile file(path(QStringLiteral("exports/gateways-%1-%2.csv")
                                    .arg(signature == SignatureVersion::V1 ? 1 : 3)
                                    .arg(apiHeaders)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            GatewayCsvOptions csvOptions;
            csvOptions.apiHeaders = apiHeaders;
            const GatewayCsvResult result = writeGatewaysCsv(
                &file, model.rowCount(), [&model](int row) { return model.gatewayAt(row); },
                csvOptions);
            QVERIFY2(result.ok, qPrintable(result.error));
            QCOMPARE(result.rows, model.rowCount());
            QVERIFY(file.commit());
            ++exported;
        }
    }
    // A refused request: the wrong secret with the right key id. Its error goes to the log.
    const int errorsBefore = int(errors.size());
    m_client->setCredential({QString::fromLatin1(keyId),
                             QString::fromLatin1(secret) + QStringLiteral("-wrong"),
                             QString::fromLatin1(token), QStringLiteral("environment")});
    model.refresh();
    QVERIFY(QTest::qWaitFor([&] { return int(errors.size()) > errorsBefore; }, 30000));
    QCOMPARE(errors.constLast().code, QStringLiteral("SignatureDoesNotMatch"));
    QTest::qWait(50);

    // The settings a session leaves behind.
    QString settingsFile;
    {
        Settings settings;
        settings.setValue(Settings::Key::Region, QStringLiteral("cn-hangzhou"));
        settings.setValue(Settings::Key::PageSize, 30);
        settings.setValue(Settings::Key::Endpoint, m_recorder->url());
        settings.setValue(Settings::Key::CredentialSource, QStringLiteral("environment"));
        settings.setValue(Settings::Key::SignatureVersion, QStringLiteral("v1"));
        settings.setValue(Settings::Key::ExportDirectory, path(QStringLiteral("exports")));
        settings.setValue(Settings::Key::TextFilter, QStringLiteral("bg-"));
        settingsFile = QSettings().fileName();
    }
    QVERIFY2(settingsFile.startsWith(m_root.path()), qPrintable(settingsFile));
    QVERIFY2(QFile::exists(settingsFile), qPrintable(settingsFile));

    std::fflush(stderr);
    m_messages.flush();
    m_requestLog.flush();

    // What to look for: the secret, the token, and every signature that was sent.
    const QList<QByteArray> signatures = signaturesIn(m_recorder->sent());
    QVERIFY(m_recorder->sent().contains(token)); // the token does travel, in a header
    QVERIFY2(
        signatures.size() >= m_logged,
        qPrintable(
            QStringLiteral("%1 signatures for %2 requests").arg(signatures.size()).arg(m_logged)));
    QList<QByteArray> needles{secret, token};
    needles += signatures;

    // Something was written everywhere the search looks, or the search proves nothing.
    QVERIFY(QFileInfo(path(QStringLiteral("logs/requests.log"))).size() > 0);
    QVERIFY(QFileInfo(path(QStringLiteral("logs/stderr.log"))).size() > 0);
    QCOMPARE(exported, 4);
    // ...and the search finds a needle where there is one (outside the searched directory).
    {
        QTemporaryDir canary;
        QFile file(canary.filePath(QStringLiteral("canary")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("x" + signatures.constLast() + "y");
        file.close();
        QCOMPARE(fixture::filesContaining(canary.path(), {signatures.constLast()}).size(), 1);
    }

    const QStringList hits = fixture::filesContaining(m_root.path(), needles);
    int files = 0;
    QDirIterator it(m_root.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++files;
    }
    // To standard output: messages and standard error go to the files searched.
    std::printf("searched %d files for the secret, the token and %lld signatures (%d requests "
                "logged, %lld errors): %lld hits\n",
                files, qint64(signatures.size()), m_logged, qint64(errors.size()),
                qint64(hits.size()));
    std::fflush(stdout);
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u' ')));
}

QTEST_GUILESS_MAIN(TestSecretHygiene)
#include "tst_secrethygiene.moc"
