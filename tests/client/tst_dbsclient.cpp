// DbsClient against the real simulator on loopback: signing, paging, errors, retries, clock
// skew, timeouts and the response size cap.
#include "cannedserver.h"
#include "simfixture.h"
#include <api/dbsclient.h>
#include <sim/simulator.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <limits>
#include <memory>

#include <fstream>

using namespace dbs;

namespace {
using fixture::demoCredential;
using fixture::query;
using fixture::startSimulator;
using Outcome = fixture::PageOutcome;

ClientOptions optionsFor(const dbs::Simulator &simulator,
                         SignatureVersion signature = SignatureVersion::V3)
{
    ClientOptions options;
    options.endpoint = QUrl(simulator.baseUrl());
    options.signature = signature;
    options.retry.baseDelayMs = 10;
    options.retry.maxDelayMs = 50;
    options.timeoutMs = 5000;
    return options;
}

// This process's resident memory in KiB ("VmRSS"), or its peak since resetPeakRss() ("VmHWM").
qint64 statusKiB(const char *field)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(field) + ':';
    while (std::getline(status, line)) {
        if (line.rfind(prefix, 0) == 0)
            return std::stoll(line.substr(prefix.size()));
    }
    return -1;
}

// Linux: writing 5 to clear_refs resets the peak resident set size to the current one.
bool resetPeakRss()
{
    std::ofstream clearRefs("/proc/self/clear_refs");
    clearRefs << "5";
    clearRefs.flush();
    return bool(clearRefs);
}

} // namespace

class TestDbsClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pages_data();
    void pages();
    void pastTheEnd();
    void identifierLookup();
    void rejected_data();
    void rejected();
    void securityToken_data();
    void securityToken();
    void retriesThenFails_data();
    void retriesThenFails();
    void retriesThenSucceeds();
    void timeout();
    void clockSkewCorrected();
    void responseTooLarge();
    void plainHttpRefusedForRemoteHosts();
    void connectionRefused();
    void logNeverCarriesSecrets();
    void wrongSecretSaysWhatToCheck_data();
    void wrongSecretSaysWhatToCheck();
    void honoursHttpsProxy();
    void queuedRequestsGetTheirOwnTime();
    void headersAsTheOfficialSdk_data();
    void headersAsTheOfficialSdk();
    void redactedUrl();

    void hugePageNumIsPastTheEnd_data();
    void hugePageNumIsPastTheEnd();
    void totalDeadlineBoundsEveryAttempt();
    void tlsFailureIsNotRetried_data();
    void tlsFailureIsNotRetried();

    // Hostile servers: each a defined outcome, never a crash, hang or memory hog.
    void hugeBodyIsCappedInMemory_data();
    void hugeBodyIsCappedInMemory();
    void tricklingBodyEndsAtTheDeadline_data();
    void tricklingBodyEndsAtTheDeadline();
    void deeplyNestedJsonIsMalformed();
    void wrongTypesAreMalformed();
    void redirectIsNotFollowed_data();
    void redirectIsNotFollowed();
    void resetMidBody();
};

void TestDbsClient::pages_data()
{
    QTest::addColumn<int>("signature");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("pageNum");
    for (int signature : {int(SignatureVersion::V1), int(SignatureVersion::V3)}) {
        const char *name = signature == int(SignatureVersion::V1) ? "v1" : "v3";
        QTest::addRow("%s-30-p0", name) << signature << 30 << 0;
        QTest::addRow("%s-50-p1", name) << signature << 50 << 1;
        QTest::addRow("%s-100-p0", name) << signature << 100 << 0;
        QTest::addRow("%s-30-p2", name) << signature << 30 << 2;
    }
}

void TestDbsClient::pages()
{
    QFETCH(int, signature);
    QFETCH(int, pageSize);
    QFETCH(int, pageNum);
    dbs::SimulatorOptions simOptions;
    simOptions.gateways = 600;
    auto simulator = startSimulator(simOptions);
    DbsClient client;
    client.setCredential(demoCredential());
    client.setOptions(optionsFor(*simulator, SignatureVersion(signature)));

    const Outcome outcome =
        fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou"), pageSize, pageNum));
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.summary()));
    const QVector<BackupGateway> all = simulator->gatewaysIn(QStringLiteral("cn-hangzhou"));
    QVERIFY(all.size() > 3 * 50);
    QCOMPARE(outcome.page.totalElements, all.size());
    QCOMPARE(outcome.page.pageSize, pageSize);
    QCOMPARE(outcome.page.totalPages, int((all.size() + pageSize - 1) / pageSize));
    QCOMPARE(outcome.page.gateways, all.mid(pageNum * pageSize, pageSize)); // counted from 0
    QVERIFY(!outcome.page.requestId.isEmpty());
    QCOMPARE(outcome.log.size(), 1);
    QCOMPARE(outcome.log.first().httpStatus, 200);
}

void TestDbsClient::pastTheEnd()
{
    auto simulator = startSimulator();
    DbsClient client;
    client.setCredential(demoCredential());
    client.setOptions(optionsFor(*simulator));
    const Outcome outcome =
        fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou"), 30, 999));
    QVERIFY(!outcome.error.isError());
    QVERIFY(outcome.page.gateways.isEmpty()); // answered with "Items": ""
    QCOMPARE(outcome.page.totalElements,
             simulator->gatewaysIn(QStringLiteral("cn-hangzhou")).size());
}

void TestDbsClient::identifierLookup()
{
    auto simulator = startSimulator();
    DbsClient client;
    client.setCredential(demoCredential());
    client.setOptions(optionsFor(*simulator));
    const QVector<BackupGateway> all = simulator->gatewaysIn(QStringLiteral("cn-shanghai"));
    QVERIFY(all.size() >= 3);
    PageQuery q = query(QStringLiteral("cn-shanghai"));
    // By Identifier and by BackupGatewayId, with an unknown id and a gateway of another region.
    const QString otherRegion =
        simulator->gatewaysIn(QStringLiteral("cn-hangzhou")).first().identifier;
    q.identifier = all.at(2).identifier + u',' + all.at(0).backupGatewayId +
                   QStringLiteral(",nope,") + otherRegion;
    const Outcome outcome = fixture::fetchPage(client, q);
    QVERIFY(!outcome.error.isError());
    QCOMPARE(outcome.page.totalElements, 2);
    QCOMPARE(outcome.page.gateways, (QVector<BackupGateway>{all.at(0), all.at(2)}));
}

void TestDbsClient::rejected_data()
{
    QTest::addColumn<QString>("keyId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<int>("signature");
    QTest::addColumn<QString>("region");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QString id = QString::fromLatin1(dbs::demoAccessKeyId);
    const QString secret = QString::fromLatin1(dbs::demoAccessKeySecret);
    const QString hz = QStringLiteral("cn-hangzhou");
    for (int v : {int(SignatureVersion::V1), int(SignatureVersion::V3)}) {
        const char *name = v == int(SignatureVersion::V1) ? "v1" : "v3";
        QTest::addRow("%s unknown key", name) << QStringLiteral("LTAInobody") << secret << v << hz
                                              << 30 << 404 << "InvalidAccessKeyId.NotFound";
        QTest::addRow("%s wrong secret", name)
            << id << QStringLiteral("wrong") << v << hz << 30 << 400 << "SignatureDoesNotMatch";
        QTest::addRow("%s page size 20", name)
            << id << secret << v << hz << 20 << 400 << "InvalidParameter";
        QTest::addRow("%s no region", name)
            << id << secret << v << QString() << 30 << 400 << "MissingRegion";
        QTest::addRow("%s unknown region", name)
            << id << secret << v << QStringLiteral("mars-1") << 30 << 400 << "InvalidParameter";
    }
}

void TestDbsClient::rejected()
{
    QFETCH(QString, keyId);
    QFETCH(QString, secret);
    QFETCH(int, signature);
    QFETCH(QString, region);
    QFETCH(int, pageSize);
    QFETCH(int, status);
    QFETCH(QString, code);
    auto simulator = startSimulator();
    DbsClient client;
    client.setCredential({keyId, secret, {}, {}});
    client.setOptions(optionsFor(*simulator, SignatureVersion(signature)));
    const Outcome outcome = fixture::fetchPage(client, query(region, pageSize));
    QVERIFY(outcome.error.isError());
    QCOMPARE(outcome.error.kind, ApiError::Kind::Service);
    QCOMPARE(outcome.error.code, code);
    QCOMPARE(outcome.error.httpStatus, status);
    QVERIFY(!outcome.error.message.isEmpty());
    QVERIFY(!outcome.error.requestId.isEmpty());
    QVERIFY(outcome.error.recommend.contains(code));
    QVERIFY(!outcome.error.retryable);
    QCOMPARE(outcome.log.size(), 1); // never retried
    // One line, with none of the service's string to sign; the hint says what to check.
    QVERIFY2(!outcome.error.message.contains(u'\n'), qPrintable(outcome.error.message));
    if (code == u"SignatureDoesNotMatch") {
        QVERIFY2(outcome.error.hint().contains(QStringLiteral("check the secret")),
                 qPrintable(outcome.error.hint()));
        QVERIFY2(!outcome.error.message.contains(QStringLiteral("string to sign")),
                 qPrintable(outcome.error.message));
    }
}

void TestDbsClient::securityToken_data()
{
    QTest::addColumn<int>("signature");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("code");
    for (int v : {int(SignatureVersion::V1), int(SignatureVersion::V3)}) {
        const char *name = v == int(SignatureVersion::V1) ? "v1" : "v3";
        QTest::addRow("%s right token", name) << v << QStringLiteral("sts-token/+=") << QString();
        QTest::addRow("%s no token", name) << v << QString() << "MissingSecurityToken";
        QTest::addRow("%s wrong token", name)
            << v << QStringLiteral("other") << "InvalidSecurityToken.MismatchWithAccessKey";
    }
}

void TestDbsClient::securityToken()
{
    QFETCH(int, signature);
    QFETCH(QString, token);
    QFETCH(QString, code);
    dbs::SimulatorOptions simOptions;
    simOptions.keys = {{"STS.key", "sts-secret", "sts-token/+="}};
    auto simulator = startSimulator(simOptions);
    DbsClient client;
    client.setCredential({QStringLiteral("STS.key"), QStringLiteral("sts-secret"), token, {}});
    client.setOptions(optionsFor(*simulator, SignatureVersion(signature)));
    const Outcome outcome = fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou")));
    QCOMPARE(outcome.error.code, code);
    if (code.isEmpty())
        QVERIFY(!outcome.page.gateways.isEmpty());
}

void TestDbsClient::retriesThenFails_data()
{
    QTest::addColumn<int>("fault");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("kind");
    QTest::newRow("http500") << int(dbs::Fault::Http500) << "InternalError"
                             << int(ApiError::Kind::Service);
    QTest::newRow("http503") << int(dbs::Fault::Http503) << "ServiceUnavailable"
                             << int(ApiError::Kind::Service);
    QTest::newRow("throttle") << int(dbs::Fault::Throttle) << "Throttling.User"
                              << int(ApiError::Kind::Service);
    QTest::newRow("reset") << int(dbs::Fault::Reset) << "NetworkError"
                           << int(ApiError::Kind::Transport);
    QTest::newRow("truncate") << int(dbs::Fault::Truncate) << "NetworkError"
                              << int(ApiError::Kind::Transport);
    QTest::newRow("malformed") << int(dbs::Fault::Malformed) << "MalformedResponse"
                               << int(ApiError::Kind::Malformed);
}

void TestDbsClient::retriesThenFails()
{
    QFETCH(int, fault);
    QFETCH(QString, code);
    QFETCH(int, kind);
    dbs::SimulatorOptions simOptions;
    simOptions.faults = {{dbs::Fault(fault), 1.0}};
    auto simulator = startSimulator(simOptions);
    DbsClient client;
    client.setCredential(demoCredential());
    ClientOptions options = optionsFor(*simulator);
    options.retry.maxAttempts = 3;
    client.setOptions(options);
    const Outcome outcome = fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou")));
    QCOMPARE(outcome.error.code, code);
    QCOMPARE(int(outcome.error.kind), kind);
    QVERIFY(outcome.error.retryable);
    QCOMPARE(outcome.log.size(), 3);
    for (int i = 0; i < outcome.log.size(); ++i)
        QCOMPARE(outcome.log.at(i).attempt, i + 1);
    // Qt replays a request once on a connection dropped before the answer; other faults are
    // answered, so each attempt is one request.
    if (dbs::Fault(fault) == dbs::Fault::Reset)
        QVERIFY(simulator->requestCount() >= 3);
    else
        QCOMPARE(simulator->requestCount(), quint64(3));
}

void TestDbsClient::retriesThenSucceeds()
{
    dbs::SimulatorOptions simOptions;
    simOptions.faults = {
        {dbs::Fault::Http503, 0.2}, {dbs::Fault::Throttle, 0.2}, {dbs::Fault::Reset, 0.2}};
    auto simulator = startSimulator(simOptions);
    DbsClient client;
    client.setCredential(demoCredential());
    ClientOptions options = optionsFor(*simulator);
    options.retry.maxAttempts = 12;
    client.setOptions(options);
    for (int pageNum = 0; pageNum < 6; ++pageNum) {
        const Outcome outcome =
            fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou"), 30, pageNum));
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.summary()));
        QCOMPARE(outcome.page.gateways,
                 simulator->gatewaysIn(QStringLiteral("cn-hangzhou")).mid(pageNum * 30, 30));
    }
    QVERIFY(simulator->requestCount() > 6); // some faults were injected and retried through
}

void TestDbsClient::timeout()
{
    dbs::SimulatorOptions simOptions;
    simOptions.faults = {{dbs::Fault::Slow, 1.0}};
    simOptions.slowMs = 3000;
    auto simulator = startSimulator(simOptions);
    DbsClient client;
    client.setCredential(demoCredential());
    ClientOptions options = optionsFor(*simulator);
    options.timeoutMs = 300;
    options.retry.maxAttempts = 2;
    client.setOptions(options);
    QElapsedTimer timer;
    timer.start();
    const Outcome outcome = fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou")));
    QCOMPARE(outcome.error.kind, ApiError::Kind::Timeout);
    QCOMPARE(outcome.error.code, QStringLiteral("Timeout"));
    QCOMPARE(outcome.log.size(), 2);
    QVERIFY(timer.elapsed() < 2500);
}

void TestDbsClient::clockSkewCorrected()
{
    dbs::SimulatorOptions simOptions;
    simOptions.clockOffsetMs = 40 * 60 * 1000; // the server is 40 minutes ahead of us
    auto simulator = startSimulator(simOptions);
    DbsClient client;
    client.setCredential(demoCredential());
    client.setOptions(optionsFor(*simulator));
    const Outcome outcome = fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou")));
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.summary()));
    QCOMPARE(outcome.log.size(), 2);
    QCOMPARE(outcome.log.first().outcome, QStringLiteral("InvalidTimeStamp.Expired"));
    QVERIFY(qAbs(client.clockOffsetMs() - simOptions.clockOffsetMs) < 3000);
    // The next call uses the learnt offset straight away.
    const Outcome next = fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou")));
    QVERIFY(!next.error.isError());
    QCOMPARE(next.log.size(), 1);
}

void TestDbsClient::responseTooLarge()
{
    auto simulator = startSimulator();
    DbsClient client;
    client.setCredential(demoCredential());
    ClientOptions options = optionsFor(*simulator);
    options.maxResponseBytes = 2000;
    options.retry.maxAttempts = 1;
    client.setOptions(options);
    const Outcome outcome = fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou"), 100));
    QCOMPARE(outcome.error.kind, ApiError::Kind::TooLarge);
    QCOMPARE(outcome.error.code, QStringLiteral("ResponseTooLarge"));
}

void TestDbsClient::plainHttpRefusedForRemoteHosts()
{
    DbsClient client;
    client.setCredential(demoCredential());
    ClientOptions options;
    options.endpoint = QUrl(QStringLiteral("http://dbs-api.cn-hangzhou.aliyuncs.com/"));
    client.setOptions(options);
    const Outcome outcome = fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou")));
    QCOMPARE(outcome.error.kind, ApiError::Kind::Config);
    QVERIFY(outcome.error.message.contains(QStringLiteral("https")));
    QVERIFY(outcome.log.isEmpty()); // nothing was sent
}

void TestDbsClient::connectionRefused()
{
    quint16 port = 0;
    {
        auto simulator = startSimulator();
        port = simulator->port();
    } // stopped: nothing listens there now
    DbsClient client;
    client.setCredential(demoCredential());
    ClientOptions options;
    options.endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
    options.retry.maxAttempts = 2;
    options.retry.baseDelayMs = 10;
    client.setOptions(options);
    const Outcome outcome = fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou")));
    QCOMPARE(outcome.error.kind, ApiError::Kind::Transport);
    QCOMPARE(outcome.log.size(), 2);
    // Which endpoint refused, port included: the banner and dbs-gateways show this text.
    QCOMPARE(outcome.error.message, QStringLiteral("Connection refused by 127.0.0.1:%1").arg(port));
}

void TestDbsClient::wrongSecretSaysWhatToCheck_data()
{
    QTest::addColumn<int>("signature");
    QTest::newRow("V1") << int(SignatureVersion::V1);
    QTest::newRow("V3") << int(SignatureVersion::V3);
}

void TestDbsClient::wrongSecretSaysWhatToCheck()
{
    QFETCH(int, signature);
    auto simulator = startSimulator();
    DbsClient client;
    Credential wrong = demoCredential();
    wrong.accessKeySecret = QStringLiteral("not-the-secret");
    client.setCredential(wrong);
    client.setOptions(optionsFor(*simulator, SignatureVersion(signature)));
    const Outcome outcome = fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou")));
    QCOMPARE(outcome.error.code, QStringLiteral("SignatureDoesNotMatch"));
    // The service's own words stay the message, without the string to sign it quotes; what to
    // check is the hint, which comes first in the one-line summary (dbs-gateways' stderr).
    const QString hint = outcome.error.hint();
    QVERIFY2(hint.contains(QStringLiteral("the AccessKey secret does not match its id"),
                           Qt::CaseInsensitive),
             qPrintable(hint));
    QVERIFY2(outcome.error.message.startsWith(QStringLiteral("Specified signature is not matched")),
             qPrintable(outcome.error.message));
    QVERIFY(!outcome.error.message.contains(QStringLiteral("string to sign")));
    QVERIFY(!outcome.error.message.contains(hint));
    const QString summary = outcome.error.summary();
    QVERIFY2(summary.startsWith(hint + QStringLiteral(" SignatureDoesNotMatch: Specified")),
             qPrintable(summary));
    // Other errors have no hint, and their summary is as before.
    ApiError other = outcome.error;
    other.code = QStringLiteral("InvalidAccessKeyId.NotFound");
    QVERIFY(other.hint().isEmpty());
    QVERIFY(other.summary().startsWith(QStringLiteral("InvalidAccessKeyId.NotFound: ")));
}

void TestDbsClient::logNeverCarriesSecrets()
{
    dbs::SimulatorOptions simOptions;
    simOptions.keys = {{"STS.key", "sts-secret", "TOKEN-abc+/="}};
    auto simulator = startSimulator(simOptions);
    for (int v : {int(SignatureVersion::V1), int(SignatureVersion::V3)}) {
        DbsClient client;
        // A wrong secret: the V1 error echoes the string to sign, which carries the token.
        client.setCredential({QStringLiteral("STS.key"),
                              QStringLiteral("wrong-secret"),
                              QStringLiteral("TOKEN-abc+/="),
                              {}});
        client.setOptions(optionsFor(*simulator, SignatureVersion(v)));
        const Outcome outcome = fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou")));
        QCOMPARE(outcome.error.code, QStringLiteral("SignatureDoesNotMatch"));
        QString everything = outcome.error.summary();
        for (const RequestLog &entry : outcome.log)
            everything += entry.url + entry.outcome;
        for (const QString &secret : {QStringLiteral("wrong-secret"), QStringLiteral("TOKEN-abc"),
                                      QStringLiteral("TOKEN-abc%2B")})
            QVERIFY2(!everything.contains(secret), qPrintable(everything));
        QVERIFY(!everything.contains(QStringLiteral("Signature=")) ||
                everything.contains(QStringLiteral("Signature=***")));
    }
}

void TestDbsClient::honoursHttpsProxy()
{
    // A listening socket stands in for the proxy: it records the first request line and hangs
    // up, which is all the test needs to see that the client went through it.
    QTcpServer proxy;
    QVERIFY(proxy.listen(QHostAddress::LocalHost));
    QByteArray firstLine;
    connect(&proxy, &QTcpServer::newConnection, &proxy, [&] {
        QTcpSocket *socket = proxy.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [&firstLine, socket] {
            if (firstLine.isEmpty() && socket->canReadLine())
                firstLine = socket->readLine().trimmed();
            socket->close();
        });
    });
    qputenv("https_proxy",
            QStringLiteral("http://127.0.0.1:%1").arg(proxy.serverPort()).toLatin1());
    DbsClient client;
    client.setCredential(demoCredential());
    ClientOptions options;
    options.retry.maxAttempts = 1;
    client.setOptions(options);
    const Outcome outcome = fixture::fetchPage(client, query(QStringLiteral("ap-southeast-1")));
    qunsetenv("https_proxy");
    QCOMPARE(outcome.error.kind, ApiError::Kind::Transport);
    QCOMPARE(firstLine, QByteArray("CONNECT dbs-api.ap-southeast-1.aliyuncs.com:443 HTTP/1.1"));
}

void TestDbsClient::queuedRequestsGetTheirOwnTime()
{
    // 18 calls at once to one host: Qt sends six and queues twelve. Each answer takes 200 ms,
    // so the last six wait 400 ms before they are sent; an attempt timeout of 450 ms counted
    // from the call would end them all, counted from the request's sending it ends none.
    dbs::SimulatorOptions simOptions;
    simOptions.latencyMs = 200;
    auto simulator = startSimulator(simOptions);
    DbsClient client;
    client.setCredential(demoCredential());
    ClientOptions options = optionsFor(*simulator);
    options.timeoutMs = 450;
    options.retry.maxAttempts = 1;
    client.setOptions(options);
    int answered = 0;
    QStringList errors;
    for (int i = 0; i < 18; ++i) {
        PageCall *call = client.fetchPage(query(QStringLiteral("cn-hangzhou"), 30, i % 3));
        connect(call, &PageCall::finished, this, [&answered] { ++answered; });
        connect(call, &PageCall::failed, this,
                [&errors](const ApiError &error) { errors.append(error.code); });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered + int(errors.size()), 18, 10000);
    QCOMPARE(errors, QStringList());
}

void TestDbsClient::headersAsTheOfficialSdk_data()
{
    QTest::addColumn<int>("signature");
    QTest::addColumn<bool>("sts");
    QTest::newRow("v3, AccessKey") << int(SignatureVersion::V3) << false;
    QTest::newRow("v3, STS") << int(SignatureVersion::V3) << true;
    QTest::newRow("v1, AccessKey") << int(SignatureVersion::V1) << false;
    QTest::newRow("v1, STS") << int(SignatureVersion::V1) << true;
}

void TestDbsClient::headersAsTheOfficialSdk()
{
    // What Darabonba's DoRequest sends for a V3 RPC call: Accept: application/json, and with
    // an STS credential x-acs-accesskey-id (signed) beside x-acs-security-token. Recorded by a
    // plain HTTP server rather than the simulator, which accepts requests with and without.
    QFETCH(int, signature);
    QFETCH(bool, sts);
    const fixture::CannedServer server(fixture::gatewayPage({}));
    DbsClient client;
    Credential credential = demoCredential();
    if (sts)
        credential.securityToken = QStringLiteral("CAIS+sts/token==");
    client.setCredential(credential);
    ClientOptions options;
    options.endpoint = server.url();
    options.signature = SignatureVersion(signature);
    options.retry.maxAttempts = 1;
    client.setOptions(options);
    const Outcome outcome = fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou")));
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.summary()));

    const QMap<QByteArray, QByteArray> headers = server.lastHeaders();
    QCOMPARE(headers.value("accept"), QByteArray("application/json"));
    const bool v3 = signature == int(SignatureVersion::V3);
    QCOMPARE(headers.value("x-acs-accesskey-id"),
             v3 && sts ? credential.accessKeyId.toUtf8() : QByteArray());
    QCOMPARE(headers.value("x-acs-security-token").isEmpty(), !(v3 && sts));
    if (v3) {
        const QByteArray authorization = headers.value("authorization");
        const QByteArray signedList =
            authorization.mid(authorization.indexOf("SignedHeaders=") + 14).split(',').value(0);
        const QList<QByteArray> names = signedList.split(';');
        QCOMPARE(names.contains("x-acs-accesskey-id"), sts);
        QVERIFY(!names.contains("accept")); // sent, not signed
    }
}

void TestDbsClient::redactedUrl()
{
    const QUrl url(QStringLiteral("http://127.0.0.1:1/?AccessKeyId=LTAIx&Region=cn-hangzhou"
                                  "&SecurityToken=tok&Signature=abc%2B%3D"));
    const QString text = dbs::redactedUrl(url);
    QVERIFY(text.contains(QStringLiteral("Region=cn-hangzhou")));
    QVERIFY(!text.contains(QStringLiteral("LTAIx")));
    QVERIFY(!text.contains(QStringLiteral("tok&")));
    QVERIFY(!text.contains(QStringLiteral("abc")));
    QCOMPARE(text.count(QStringLiteral("***")), 3);
}

void TestDbsClient::hugePageNumIsPastTheEnd_data()
{
    QTest::addColumn<int>("pageNum");
    QTest::addColumn<int>("pageSize");
    QTest::newRow("100000000 x 30") << 100000000 << 30;
    QTest::newRow("100000000 x 100") << 100000000 << 100;
    QTest::newRow("INT_MAX x 100") << std::numeric_limits<int>::max() << 100;
    QTest::newRow("71582789 x 30 (offset just past INT_MAX)") << 71582789 << 30;
}

void TestDbsClient::hugePageNumIsPastTheEnd()
{
    // (PageNum - 1) * PageSize overflowed an int in the simulator: a negative index, a crash.
    QFETCH(int, pageNum);
    QFETCH(int, pageSize);
    auto simulator = startSimulator();
    DbsClient client;
    client.setCredential(demoCredential());
    client.setOptions(optionsFor(*simulator));
    const Outcome outcome =
        fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou"), pageSize, pageNum));
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.summary()));
    QVERIFY(outcome.page.gateways.isEmpty());
    const int total = int(simulator->gatewaysIn(QStringLiteral("cn-hangzhou")).size());
    QVERIFY(total > 0);
    QCOMPARE(outcome.page.totalElements, total);
    QCOMPARE(outcome.page.totalPages, (total + pageSize - 1) / pageSize);
    QCOMPARE(outcome.page.pageNum, pageNum);
    // And the simulator still serves.
    QVERIFY(
        !fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou"))).page.gateways.isEmpty());
}

void TestDbsClient::totalDeadlineBoundsEveryAttempt()
{
    // Every answer takes 3 s, an attempt may take 2.5 s, the whole call 0.6 s: the call must
    // end at 0.6 s, not when the first attempt times out.
    dbs::SimulatorOptions simOptions;
    simOptions.faults = {{dbs::Fault::Slow, 1.0}};
    simOptions.slowMs = 3000;
    auto simulator = startSimulator(simOptions);
    DbsClient client;
    client.setCredential(demoCredential());
    ClientOptions options = optionsFor(*simulator);
    options.timeoutMs = 2500;
    options.retry.maxAttempts = 4;
    options.retry.maxTotalMs = 600;
    client.setOptions(options);
    QElapsedTimer timer;
    timer.start();
    const Outcome outcome = fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou")));
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(outcome.error.kind, ApiError::Kind::Timeout);
    QVERIFY2(elapsed >= 550 && elapsed < 1500, qPrintable(QString::number(elapsed)));
    QVERIFY(!outcome.log.isEmpty());
    for (const RequestLog &entry : outcome.log)
        QVERIFY2(entry.elapsedMs <= 700, qPrintable(QString::number(entry.elapsedMs)));
}

void TestDbsClient::tlsFailureIsNotRetried_data()
{
    QTest::addColumn<bool>("realTls");
    QTest::newRow("plain text where TLS was expected") << false;
    QTest::newRow("self-signed certificate") << true;
}

void TestDbsClient::tlsFailureIsNotRetried()
{
    // A certificate or handshake problem does not go away by asking again: one attempt, a
    // clear message, not retryable.
    QFETCH(bool, realTls);
    QTemporaryDir dir;
    std::unique_ptr<QTcpServer> server;
    int connections = 0;
    if (realTls) {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        // tools/deps.sh installs it; a missing tool fails the test rather than skipping it.
        QVERIFY2(!openssl.isEmpty(), "openssl is needed to make a self-signed certificate");
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QProcess process;
        process.start(openssl,
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        QFile certFile(cert), keyFile(key);
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(&certFile, QSsl::Pem));
        tls.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem));
        auto sslServer = std::make_unique<QSslServer>();
        sslServer->setSslConfiguration(tls);
        // The handshake fails on the client's side, so no connection ever becomes pending.
        connect(sslServer.get(), &QSslServer::startedEncryptionHandshake, this,
                [&connections] { ++connections; });
        server = std::move(sslServer);
    } else {
        server = std::make_unique<QTcpServer>();
        connect(server.get(), &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = server->nextPendingConnection()) {
                ++connections;
                // Answer the ClientHello with plain HTTP.
                socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
                socket->disconnectFromHost();
            }
        });
    }
    QVERIFY(server->listen(QHostAddress::LocalHost));

    DbsClient client;
    client.setCredential(demoCredential());
    ClientOptions options;
    options.endpoint = QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(server->serverPort()));
    options.retry.baseDelayMs = 10;
    options.timeoutMs = 10000;
    client.setOptions(options);
    const Outcome outcome = fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou")));
    QCOMPARE(outcome.error.kind, ApiError::Kind::Transport);
    QCOMPARE(outcome.error.code, QStringLiteral("TlsError"));
    QVERIFY(!outcome.error.retryable);
    QVERIFY2(outcome.error.message.contains(QStringLiteral("127.0.0.1")),
             qPrintable(outcome.error.message));
    QCOMPARE(outcome.log.size(), 1);
    QCOMPARE(connections, 1);
}

void TestDbsClient::hugeBodyIsCappedInMemory_data()
{
    QTest::addColumn<int>("fault");
    QTest::newRow("content-length 200 MB") << int(dbs::Fault::Huge);
    QTest::newRow("chunked 200 MB") << int(dbs::Fault::HugeChunked);
}

void TestDbsClient::hugeBodyIsCappedInMemory()
{
    // 200 MB answers against a 4 MiB cap: ResponseTooLarge, not retried into another 200 MB,
    // and the process's peak memory grows by little more than the cap.
    QFETCH(int, fault);
    dbs::SimulatorOptions simOptions;
    simOptions.faults = {{dbs::Fault(fault), 1.0}};
    auto simulator = startSimulator(simOptions);
    DbsClient client;
    client.setCredential(demoCredential());
    ClientOptions options = optionsFor(*simulator);
    options.maxResponseBytes = 4 * 1024 * 1024;
    options.timeoutMs = 20000;
    options.retry.maxAttempts = 3;
    client.setOptions(options);
    {
        // First use of the network stack (libraries, thread, buffers) is not what is measured.
        auto plain = startSimulator();
        DbsClient warm;
        warm.setCredential(demoCredential());
        warm.setOptions(optionsFor(*plain));
        QVERIFY(
            !fixture::fetchPage(warm, query(QStringLiteral("cn-hangzhou"), 100)).error.isError());
    }
    const qint64 before = statusKiB("VmRSS");
    QVERIFY(before > 0);
    const bool peakReset = resetPeakRss();
    QElapsedTimer timer;
    timer.start();
    const Outcome outcome = fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou")));
    QVERIFY(outcome.done);
    QCOMPARE(outcome.error.kind, ApiError::Kind::TooLarge);
    QCOMPARE(outcome.error.code, QStringLiteral("ResponseTooLarge"));
    QVERIFY(!outcome.error.retryable);
    QCOMPARE(outcome.log.size(), 1);
    QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
    const qint64 peak = peakReset ? statusKiB("VmHWM") : statusKiB("VmRSS");
    const qint64 growthMiB = (peak - before) / 1024;
    qInfo("peak RSS growth %lld MiB (%s)", growthMiB, peakReset ? "VmHWM" : "VmRSS");
    // A promised length is refused before its body is read; a chunked stream is read in
    // pieces of at most a quarter of the cap and cut at the cap. Either way the growth is a few
    // MiB (cap, buffers, the in-process simulator's side), nowhere near the 200 MB sent.
    // AddressSanitizer holds freed memory in quarantine (up to 256 MB): a looser bound there,
    // still far below the 200 MB that reading the whole body would take.
#if defined(__SANITIZE_ADDRESS__)
    constexpr qint64 boundMiB = 128;
#else
    constexpr qint64 boundMiB = 32;
#endif
    QVERIFY2(growthMiB < boundMiB, qPrintable(QString::number(growthMiB)));
}

void TestDbsClient::tricklingBodyEndsAtTheDeadline_data()
{
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<int>("maxTotalMs");
    QTest::addColumn<int>("maxAttempts");
    QTest::addColumn<int>("endsBeforeMs");
    // Per attempt: two attempts of 1.2 s. Whole call: 1.5 s although an attempt may take 30 s.
    QTest::newRow("attempt timeout") << 1200 << 60000 << 2 << 6000;
    QTest::newRow("total deadline") << 30000 << 1500 << 4 << 4000;
}

void TestDbsClient::tricklingBodyEndsAtTheDeadline()
{
    QFETCH(int, timeoutMs);
    QFETCH(int, maxTotalMs);
    QFETCH(int, maxAttempts);
    QFETCH(int, endsBeforeMs);
    dbs::SimulatorOptions simOptions;
    simOptions.faults = {{dbs::Fault::Trickle, 1.0}};
    auto simulator = startSimulator(simOptions);
    DbsClient client;
    client.setCredential(demoCredential());
    ClientOptions options = optionsFor(*simulator);
    options.timeoutMs = timeoutMs;
    options.retry.maxTotalMs = maxTotalMs;
    options.retry.maxAttempts = maxAttempts;
    client.setOptions(options);
    QElapsedTimer timer;
    timer.start();
    const Outcome outcome = fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou")));
    QVERIFY(outcome.done);
    QCOMPARE(outcome.error.kind, ApiError::Kind::Timeout);
    QCOMPARE(outcome.error.code, QStringLiteral("Timeout"));
    QVERIFY2(timer.elapsed() < endsBeforeMs, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!outcome.log.isEmpty());
    QVERIFY(outcome.log.size() <= maxAttempts);
}

void TestDbsClient::deeplyNestedJsonIsMalformed()
{
    // 100000 '[': QJsonDocument stops at its nesting limit (DeepNesting) instead of recursing
    // off the stack.
    dbs::SimulatorOptions simOptions;
    simOptions.faults = {{dbs::Fault::DeepNesting, 1.0}};
    auto simulator = startSimulator(simOptions);
    DbsClient client;
    client.setCredential(demoCredential());
    ClientOptions options = optionsFor(*simulator);
    options.retry.maxAttempts = 2;
    client.setOptions(options);
    const Outcome outcome = fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou")));
    QCOMPARE(outcome.error.kind, ApiError::Kind::Malformed);
    QCOMPARE(outcome.error.code, QStringLiteral("MalformedResponse"));
    QCOMPARE(outcome.log.size(), 2); // retried like any malformed answer, then given up
    // The limit itself, so that a Qt without one would be noticed here.
    QJsonParseError parseError;
    QJsonDocument::fromJson(QByteArray(100000, '['), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::DeepNesting);
}

void TestDbsClient::wrongTypesAreMalformed()
{
    // The chosen outcome: Items keeps its shape (an object holding a list), but its rows have
    // no usable BackupGatewayId (and two are not objects): MalformedResponse, retried like any
    // garbled answer, never a page of nameless rows. (Items itself of the wrong type is
    // MalformedResponse too: see tst_responseparser.)
    dbs::SimulatorOptions simOptions;
    simOptions.faults = {{dbs::Fault::WrongTypes, 1.0}};
    auto simulator = startSimulator(simOptions);
    for (int v : {int(SignatureVersion::V1), int(SignatureVersion::V3)}) {
        DbsClient client;
        client.setCredential(demoCredential());
        ClientOptions options = optionsFor(*simulator, SignatureVersion(v));
        options.retry.maxAttempts = 2;
        options.retry.baseDelayMs = 1;
        client.setOptions(options);
        const quint64 before = simulator->requestCount();
        const Outcome outcome = fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou")));
        QCOMPARE(outcome.error.kind, ApiError::Kind::Malformed);
        QCOMPARE(outcome.error.code, QStringLiteral("MalformedResponse"));
        QVERIFY(outcome.error.retryable);
        QVERIFY(outcome.page.gateways.isEmpty());
        QCOMPARE(simulator->requestCount() - before, quint64(2)); // retried once
    }
}

void TestDbsClient::redirectIsNotFollowed_data()
{
    QTest::addColumn<int>("signature");
    QTest::newRow("v1") << int(SignatureVersion::V1);
    QTest::newRow("v3") << int(SignatureVersion::V3);
}

void TestDbsClient::redirectIsNotFollowed()
{
    // The simulator sends every request on to 127.0.0.2 at its own port; a listener there
    // must never see a connection, and the call ends at once with a clear error.
    QFETCH(int, signature);
    dbs::SimulatorOptions simOptions;
    simOptions.faults = {{dbs::Fault::Redirect, 1.0}};
    auto simulator = startSimulator(simOptions);
    QTcpServer stranger;
    QVERIFY2(stranger.listen(QHostAddress(QStringLiteral("127.0.0.2")), simulator->port()),
             qPrintable(stranger.errorString()));
    DbsClient client;
    client.setCredential(demoCredential());
    client.setOptions(optionsFor(*simulator, SignatureVersion(signature)));
    const Outcome outcome = fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou")));
    QCOMPARE(outcome.error.code, QStringLiteral("Redirected"));
    QCOMPARE(outcome.error.httpStatus, 302);
    QVERIFY(!outcome.error.retryable);
    QVERIFY2(outcome.error.message.contains(QStringLiteral("127.0.0.2")),
             qPrintable(outcome.error.message));
    // Where it points, not what it echoes: no Signature, key id or query in the message.
    for (const char *leak : {"Signature", "AccessKeyId", "?", dbs::demoAccessKeyId})
        QVERIFY2(!outcome.error.summary().contains(QLatin1String(leak)),
                 qPrintable(outcome.error.summary()));
    QCOMPARE(outcome.log.size(), 1);
    QCOMPARE(simulator->requestCount(), quint64(1));
    QTest::qWait(100);
    QVERIFY(!stranger.hasPendingConnections());
}

void TestDbsClient::resetMidBody()
{
    // Half the body, then an RST: a transport error, retried, then reported.
    dbs::SimulatorOptions simOptions;
    simOptions.faults = {{dbs::Fault::ResetMidBody, 1.0}};
    auto simulator = startSimulator(simOptions);
    DbsClient client;
    client.setCredential(demoCredential());
    ClientOptions options = optionsFor(*simulator);
    options.retry.maxAttempts = 3;
    client.setOptions(options);
    const Outcome outcome = fixture::fetchPage(client, query(QStringLiteral("cn-hangzhou"), 100));
    QCOMPARE(outcome.error.kind, ApiError::Kind::Transport);
    QCOMPARE(outcome.error.code, QStringLiteral("NetworkError"));
    QVERIFY(outcome.error.retryable);
    QCOMPARE(outcome.log.size(), 3);
    // The simulator survives it and still answers.
    DbsClient healthy;
    healthy.setCredential(demoCredential());
    auto plain = startSimulator();
    healthy.setOptions(optionsFor(*plain));
    QVERIFY(!fixture::fetchPage(healthy, query(QStringLiteral("cn-hangzhou"))).error.isError());
}

QTEST_GUILESS_MAIN(TestDbsClient)
#include "tst_dbsclient.moc"
