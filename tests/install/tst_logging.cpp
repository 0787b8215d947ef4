// The logging categories (app/logging) under QT_LOGGING_RULES: the client's requests (dbs.api),
// the model's pages (dbs.model) and the simulator's request log (dbs.sim) appear when enabled,
// stay quiet by default, and never carry the access key id, secret, STS token or signature.
#include "simfixture.h"
#include <api/dbsclient.h>
#include <logging/logging.h>
#include <models/gatewaytablemodel.h>
#include <sim/simulator.h>

#include <QMutex>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace dbs;

namespace {

// Distinctive on purpose: any appearance in a log is a leak.
constexpr char keyId[] = "LTAIlogTestKeyId9f3a";
constexpr char keySecret[] = "logTestSecret-5b1e77c0d2";
constexpr char stsToken[] = "logTestStsToken-CAIS8e1f";

struct Captured
{
    QString category;
    QtMsgType type;
    QString text;
};

QMutex capturedMutex;
QList<Captured> captured; // guarded by capturedMutex: the simulator logs from its own threads

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QMutexLocker lock(&capturedMutex);
    captured.append({QString::fromLatin1(context.category ? context.category : ""), type, message});
}

QList<Captured> takeCaptured()
{
    const QMutexLocker lock(&capturedMutex);
    return std::exchange(captured, {});
}

// Every way a secret could show up: as is, or percent-encoded.
QStringList secretForms()
{
    QStringList forms;
    for (const char *secret : {keyId, keySecret, stsToken}) {
        forms << QString::fromLatin1(secret)
              << QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(secret)));
    }
    return forms;
}

// "Signature=" with anything but the redaction after it.
const QRegularExpression signatureValue(QStringLiteral("[?&]Signature=(?!\\*\\*\\*)"));

} // namespace

class TestLogging final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void categoriesAreQuietByDefault();
    void requestsAreLoggedWithoutSecrets_data();
    void requestsAreLoggedWithoutSecrets();
    void failedPagesAreLoggedWithoutSecrets();
    void rulesFromTheEnvironmentReachTheProgram();

private:
    QString startSimulator();
    std::unique_ptr<dbs::Simulator> m_simulator;
};

void TestLogging::initTestCase()
{
    dbs::SimulatorOptions options;
    options.gateways = 70;
    options.regions = {QStringLiteral("cn-hangzhou")}; // all 70 there: 3 pages of 30
    options.keys.append({keyId, keySecret, stsToken});
    m_simulator = fixture::startSimulator(options);
    qInstallMessageHandler(capture);
}

void TestLogging::cleanup()
{
    QLoggingCategory::setFilterRules({});
    takeCaptured();
}

void TestLogging::categoriesAreQuietByDefault()
{
    // Debug off, info on: standard error of the command-line programs is a contract.
    for (const QLoggingCategory *category : {&lcApi(), &lcModel(), &lcUi(), &lcSim()}) {
        QVERIFY2(!category->isDebugEnabled(), category->categoryName());
        QVERIFY(category->isInfoEnabled());
    }
    QCOMPARE(QString::fromLatin1(lcApi().categoryName()), QStringLiteral("dbs.api"));
    QCOMPARE(QString::fromLatin1(lcModel().categoryName()), QStringLiteral("dbs.model"));
    QCOMPARE(QString::fromLatin1(lcUi().categoryName()), QStringLiteral("dbs.ui"));
    QCOMPARE(QString::fromLatin1(lcSim().categoryName()), QStringLiteral("dbs.sim"));

    DbsClient client;
    ClientOptions options = client.options();
    options.endpoint = QUrl(m_simulator->baseUrl());
    client.setOptions(options);
    client.setCredential({QString::fromLatin1(keyId), QString::fromLatin1(keySecret),
                          QString::fromLatin1(stsToken), QStringLiteral("test")});
    GatewayTableModel model(&client);
    PageQuery query;
    query.region = QStringLiteral("cn-hangzhou");
    QSignalSpy loading(&model, &GatewayTableModel::loadingChanged);
    model.setQuery(query);
    model.fetchMore({}); // what a view does
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 15000);
    for (const Captured &message : takeCaptured())
        QVERIFY2(!message.category.startsWith(QStringLiteral("dbs.")), qPrintable(message.text));
}

void TestLogging::requestsAreLoggedWithoutSecrets_data()
{
    QTest::addColumn<SignatureVersion>("signature");
    QTest::newRow("v1") << SignatureVersion::V1; // signed in the query
    QTest::newRow("v3") << SignatureVersion::V3; // signed in headers
}

void TestLogging::requestsAreLoggedWithoutSecrets()
{
    QFETCH(SignatureVersion, signature);
    QLoggingCategory::setFilterRules(QStringLiteral("dbs.*.debug=true"));

    DbsClient client;
    ClientOptions options = client.options();
    options.endpoint = QUrl(m_simulator->baseUrl());
    options.signature = signature;
    client.setOptions(options);
    client.setCredential({QString::fromLatin1(keyId), QString::fromLatin1(keySecret),
                          QString::fromLatin1(stsToken), QStringLiteral("test")});
    GatewayTableModel model(&client);
    PageQuery query;
    query.region = QStringLiteral("cn-hangzhou");
    query.pageSize = 30;
    model.setQuery(query);
    model.loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(model.isComplete(), 15000);
    QCOMPARE(model.rowCount(), 70);

    // The simulator logs after it answered: give its thread a moment to do so.
    QList<Captured> messages;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            messages += takeCaptured();
            return std::count_if(messages.cbegin(), messages.cend(),
                                 [](const Captured &m) { return m.category == u"dbs.sim"; }) >= 3;
        }(),
        5000);

    QMap<QString, int> perCategory;
    for (const Captured &message : std::as_const(messages)) {
        ++perCategory[message.category];
        for (const QString &secret : secretForms())
            QVERIFY2(!message.text.contains(secret),
                     qPrintable(message.category + QStringLiteral(": leaked a secret")));
        QVERIFY2(!signatureValue.match(message.text).hasMatch(),
                 qPrintable(message.category + QStringLiteral(": leaked a signature")));
    }
    // Three pages of 30: three requests, seen by the client, the model and the server.
    QCOMPARE(perCategory.value(QStringLiteral("dbs.api")), 3);
    QCOMPARE(perCategory.value(QStringLiteral("dbs.model")), 3);
    QCOMPARE(perCategory.value(QStringLiteral("dbs.sim")), 3);
    const auto first = [&](const QString &category) {
        for (const Captured &message : std::as_const(messages))
            if (message.category == category)
                return message.text;
        return QString();
    };
    QVERIFY2(first(QStringLiteral("dbs.api")).contains(QStringLiteral("HTTP 200")),
             qPrintable(first(QStringLiteral("dbs.api"))));
    QVERIFY2(first(QStringLiteral("dbs.sim")).contains(QStringLiteral("HTTP 200")),
             qPrintable(first(QStringLiteral("dbs.sim"))));
    if (signature == SignatureVersion::V1) {
        // The redacted parameters are named, so the log still says what was sent.
        QVERIFY2(first(QStringLiteral("dbs.api")).contains(QStringLiteral("Signature=***")),
                 qPrintable(first(QStringLiteral("dbs.api"))));
        QVERIFY2(first(QStringLiteral("dbs.sim")).contains(QStringLiteral("AccessKeyId=***")),
                 qPrintable(first(QStringLiteral("dbs.sim"))));
    }
}

void TestLogging::failedPagesAreLoggedWithoutSecrets()
{
    // A wrong secret: the service's error message quotes the string to sign, which carries the
    // STS token (V1); the model logs that message, scrubbed.
    QLoggingCategory::setFilterRules(QStringLiteral("dbs.*.debug=true"));
    DbsClient client;
    ClientOptions options = client.options();
    options.endpoint = QUrl(m_simulator->baseUrl());
    options.signature = SignatureVersion::V1;
    options.retry.maxAttempts = 1;
    client.setOptions(options);
    client.setCredential({QString::fromLatin1(keyId), QStringLiteral("wrong-secret"),
                          QString::fromLatin1(stsToken), QStringLiteral("test")});
    GatewayTableModel model(&client);
    QSignalSpy errors(&model, &GatewayTableModel::errorOccurred);
    PageQuery query;
    query.region = QStringLiteral("cn-hangzhou");
    model.setQuery(query);
    model.fetchMore({});
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, 15000);
    QTest::qWait(100); // the simulator's log line
    const QList<Captured> messages = takeCaptured();
    bool modelLogged = false;
    for (const Captured &message : messages) {
        modelLogged |= message.category == u"dbs.model" && message.text.contains(u"failed");
        for (const QString &secret : secretForms())
            QVERIFY2(!message.text.contains(secret), qPrintable(message.category));
        QVERIFY(!message.text.contains(QStringLiteral("wrong-secret")));
        QVERIFY(!signatureValue.match(message.text).hasMatch());
    }
    QVERIFY(modelLogged);
}

void TestLogging::rulesFromTheEnvironmentReachTheProgram()
{
    // dbs-gateways --verbose writes its own request log (a contract); QT_LOGGING_RULES adds
    // the dbs.api lines, with the category in the pattern to tell them apart.
    QTemporaryDir home;
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QString::fromLatin1(keyId));
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), QString::fromLatin1(keySecret));
    env.insert(QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN"), QString::fromLatin1(stsToken));
    env.insert(QStringLiteral("QT_MESSAGE_PATTERN"), QStringLiteral("[%{category}] %{message}"));
    const QStringList arguments = {
        QStringLiteral("list"),       QStringLiteral("--region"),    QStringLiteral("cn-hangzhou"),
        QStringLiteral("--endpoint"), m_simulator->baseUrl(),        QStringLiteral("--signature"),
        QStringLiteral("v1"),         QStringLiteral("--page-size"), QStringLiteral("50")};
    const auto run = [&](const QProcessEnvironment &environment) {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(DBS_GATEWAYS), arguments);
        if (!process.waitForFinished(30000))
            process.kill();
        return std::make_pair(process.exitCode(),
                              QString::fromUtf8(process.readAllStandardError()));
    };

    const auto [quietCode, quietErr] = run(env);
    QCOMPARE(quietCode, 0);
    QCOMPARE(quietErr, QString()); // no rules: standard error as before

    QProcessEnvironment verbose = env;
    verbose.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("dbs.api.debug=true"));
    const auto [code, err] = run(verbose);
    QCOMPARE(code, 0);
    const QStringList lines = err.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2); // 70 gateways, 50 a page
    for (const QString &line : lines) {
        QVERIFY2(line.startsWith(QStringLiteral("[dbs.api] POST ")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("HTTP 200")), qPrintable(line));
        for (const QString &secret : secretForms())
            QVERIFY2(!line.contains(secret), qPrintable(line));
        QVERIFY2(!signatureValue.match(line).hasMatch(), qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
