// Every provider against the real simulator on loopback (STS, instance metadata, a credentials
// URI) or a real process, through the DBS client as the programs use it.
#include "simfixture.h"

#include <signin/providers.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using dbs::SignInSpec;

namespace {
const QString region = QStringLiteral("cn-hangzhou");
const QString roleArn = QStringLiteral("acs:ram::1234567890:role/dbs-reader");

dbs::SimulatorOptions simulatorOptions(int stsSeconds = 3600)
{
    dbs::SimulatorOptions options = fixture::options(40, 7, {region});
    options.stsDurationSeconds = stsSeconds;
    options.ecsRoleName = QStringLiteral("dbs-ecs");
    return options;
}

SignInSpec assumeRole(const QString &arn = roleArn)
{
    SignInSpec spec;
    spec.kind = SignInSpec::Kind::AssumeRole;
    spec.roleArn = arn;
    spec.roleSessionName = QStringLiteral("tests");
    spec.description = QStringLiteral("test role");
    spec.source = std::make_shared<SignInSpec>(SignInSpec::fixed(fixture::demoCredential()));
    return spec;
}

dbs::SignInOptions signInOptions(const dbs::Simulator &simulator)
{
    dbs::SignInOptions options;
    options.stsEndpoint = QUrl(simulator.baseUrl());
    options.metadataEndpoint = QUrl(simulator.baseUrl());
    options.processTimeoutMs = 5000;
    return options;
}

// A client at the simulator whose requests `spec` signs.
dbs::CredentialProvider *signWith(dbs::DbsClient *client, const dbs::Simulator &simulator,
                                  const SignInSpec &spec, const dbs::SignInOptions &options = {})
{
    fixture::pointAt(client, simulator);
    const dbs::SignInOptions effective =
        options.stsEndpoint.isEmpty() ? signInOptions(simulator) : options;
    dbs::CredentialProvider *provider =
        dbs::makeCredentialProvider(spec, client, effective, client);
    client->setCredentialProvider(provider);
    return provider;
}

QString writeScript(const QTemporaryDir &dir, const QString &name, const QByteArray &body)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("#!/bin/sh\n" + body);
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}
} // namespace

class TestCredentialProviders final : public QObject
{
    Q_OBJECT

private slots:
    void assumeRoleListsGateways();
    void assumeRoleRefused();
    void renewsBeforeExpiry();
    void expiredAnswerRenewsOnce();
    void chainedRoles();
    void oidc();
    void oidcTokenFileMissing();
    void metadata_data();
    void metadata();
    void metadataSilentTimesOut();
    void metadataRefused();
    void credentialsUri();
    void credentialsUriError();
    void externalProcess_data();
    void externalProcess();
    void fixedExpired();
};

void TestCredentialProviders::assumeRoleListsGateways()
{
    const auto simulator = fixture::startSimulator(simulatorOptions());
    dbs::DbsClient client;
    dbs::CredentialProvider *provider = signWith(&client, *simulator, assumeRole());
    QSignalSpy renewed(provider, &dbs::CredentialProvider::renewed);

    const fixture::PageOutcome outcome = fixture::fetchPage(client, fixture::query(region));
    QVERIFY2(outcome.done && !outcome.error.isError(), qPrintable(outcome.error.summary()));
    QCOMPARE(outcome.page.totalElements, 40);
    QCOMPARE(renewed.size(), 1);
    const dbs::Credential held = provider->held();
    QVERIFY(held.accessKeyId.startsWith(QLatin1String("STS.")));
    QVERIFY(!held.securityToken.isEmpty());
    QCOMPARE(held.source, QStringLiteral("test role"));
    const qint64 left = held.expiresAtMs - QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(left > 3590 * 1000 && left <= 3601 * 1000, qPrintable(QString::number(left)));
    // The STS call went through the client (its log), signed, with the same redaction.
    QCOMPARE(outcome.log.size(), 2);
    QVERIFY(outcome.log.at(0).url.contains(QLatin1String("Action=AssumeRole")));
    QVERIFY(outcome.log.at(0).url.contains(QLatin1String("AccessKeyId=***")));

    // The next page reuses the keys: no second AssumeRole.
    QVERIFY(!fixture::fetchPage(client, fixture::query(region)).error.isError());
    QCOMPARE(renewed.size(), 1);
}

void TestCredentialProviders::assumeRoleRefused()
{
    const auto simulator = fixture::startSimulator(simulatorOptions());
    dbs::DbsClient client;
    dbs::CredentialProvider *provider =
        signWith(&client, *simulator, assumeRole(QStringLiteral("not-an-arn")));
    QSignalSpy failed(provider, &dbs::CredentialProvider::renewalFailed);
    const fixture::PageOutcome outcome = fixture::fetchPage(client, fixture::query(region));
    QVERIFY(outcome.done);
    QCOMPARE(outcome.error.code, QStringLiteral("InvalidParameter.RoleArn"));
    QVERIFY2(outcome.error.message.startsWith(QLatin1String("Signing in with test role failed:")),
             qPrintable(outcome.error.message));
    QCOMPARE(failed.size(), 1);
    QVERIFY(!provider->held().isValid());
}

void TestCredentialProviders::renewsBeforeExpiry()
{
    // Keys for 4 s (5 s at most, as the service rounds up), renewed when 2 s are left: a
    // request after 3.1 s has new keys, asked for before the old ones ran out, and no error.
    const auto simulator = fixture::startSimulator(simulatorOptions(4));
    dbs::DbsClient client;
    dbs::CredentialProvider *provider = signWith(&client, *simulator, assumeRole());
    provider->setRenewAheadMs(2000);
    QVERIFY(!fixture::fetchPage(client, fixture::query(region)).error.isError());
    const QString first = provider->held().accessKeyId;
    const qint64 firstExpiresAtMs = provider->held().expiresAtMs;
    QTest::qWait(3100);
    QVERIFY(QDateTime::currentMSecsSinceEpoch() < firstExpiresAtMs);
    const fixture::PageOutcome outcome = fixture::fetchPage(client, fixture::query(region));
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.summary()));
    QVERIFY(provider->held().accessKeyId != first);
    QCOMPARE(outcome.log.size(), 2); // AssumeRole, then the page: nothing refused
    QCOMPARE(outcome.log.at(1).httpStatus, 200);
}

void TestCredentialProviders::expiredAnswerRenewsOnce()
{
    // The service's clock runs 3 s ahead: for a while the keys look valid here and are expired
    // there (they last 1 s, 2 s at most with the service's rounding up). Its refusal brings
    // one renewal and the same request again.
    dbs::SimulatorOptions options = simulatorOptions(1);
    options.clockOffsetMs = 3000;
    const auto simulator = fixture::startSimulator(options);
    dbs::DbsClient client;
    dbs::CredentialProvider *provider = signWith(&client, *simulator, assumeRole());
    provider->setRenewAheadMs(0);
    QVERIFY(!fixture::fetchPage(client, fixture::query(region)).error.isError());
    QTest::qWait(2200);
    const fixture::PageOutcome outcome = fixture::fetchPage(client, fixture::query(region));
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.summary()));
    QStringList steps;
    for (const dbs::RequestLog &entry : outcome.log)
        steps.append(QString::number(entry.httpStatus) + u' ' + entry.outcome);
    QCOMPARE(steps, (QStringList{"403 InvalidSecurityToken.Expired", "200 ", "200 "}));
}

void TestCredentialProviders::chainedRoles()
{
    // A role assumed with the keys of another role (ChainableRamRoleArn).
    const auto simulator = fixture::startSimulator(simulatorOptions());
    SignInSpec spec = assumeRole(QStringLiteral("acs:ram::222:role/cross"));
    spec.source = std::make_shared<SignInSpec>(assumeRole());
    dbs::DbsClient client;
    dbs::CredentialProvider *provider = signWith(&client, *simulator, spec);
    const fixture::PageOutcome outcome = fixture::fetchPage(client, fixture::query(region));
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.summary()));
    QCOMPARE(outcome.log.size(), 3);
    QVERIFY(provider->held().accessKeyId.startsWith(QLatin1String("STS.")));
}

void TestCredentialProviders::oidc()
{
    const auto simulator = fixture::startSimulator(simulatorOptions());
    QTemporaryDir dir;
    QFile token(dir.filePath("token"));
    QVERIFY(token.open(QIODevice::WriteOnly));
    token.write("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2EifQ.c2lnbmF0dXJl\n");
    token.close();
    SignInSpec spec;
    spec.kind = SignInSpec::Kind::Oidc;
    spec.roleArn = roleArn;
    spec.oidcProviderArn = QStringLiteral("acs:ram::1234567890:oidc-provider/ack");
    spec.oidcTokenFile = token.fileName();
    spec.description = QStringLiteral("oidc role");
    dbs::DbsClient client;
    dbs::CredentialProvider *provider = signWith(&client, *simulator, spec);
    const fixture::PageOutcome outcome = fixture::fetchPage(client, fixture::query(region));
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.summary()));
    QVERIFY(provider->held().accessKeyId.startsWith(QLatin1String("STS.")));
    // Unsigned, and the token never in a log line.
    QVERIFY(!outcome.log.at(0).url.contains(QLatin1String("Signature=")));
    QVERIFY(!outcome.log.at(0).url.contains(QLatin1String("eyJ")));
}

void TestCredentialProviders::oidcTokenFileMissing()
{
    const auto simulator = fixture::startSimulator(simulatorOptions());
    SignInSpec spec;
    spec.kind = SignInSpec::Kind::Oidc;
    spec.roleArn = roleArn;
    spec.oidcProviderArn = QStringLiteral("acs:ram::1:oidc-provider/ack");
    spec.oidcTokenFile = QStringLiteral("/nonexistent/token");
    spec.description = QStringLiteral("oidc role");
    dbs::DbsClient client;
    signWith(&client, *simulator, spec);
    const fixture::PageOutcome outcome = fixture::fetchPage(client, fixture::query(region));
    QVERIFY(outcome.done);
    QVERIFY2(outcome.error.message.contains(
                 QLatin1String("the OIDC token file /nonexistent/token is missing or empty")),
             qPrintable(outcome.error.message));
    QVERIFY(outcome.log.isEmpty()); // nothing was sent
}

void TestCredentialProviders::metadata_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("v2Only");
    QTest::addColumn<bool>("v1Allowed");
    QTest::addColumn<QString>("error"); // empty: lists gateways
    QTest::newRow("role asked for") << "" << false << true << "";
    QTest::newRow("role named") << "dbs-ecs" << false << true << "";
    QTest::newRow("v2 only, v1 off") << "" << true << false << "";
    QTest::newRow("unknown role") << "other" << false << true
                                  << "the metadata service answered HTTP 404 for the role other";
}

void TestCredentialProviders::metadata()
{
    QFETCH(QString, role);
    QFETCH(bool, v2Only);
    QFETCH(bool, v1Allowed);
    QFETCH(QString, error);
    dbs::SimulatorOptions options = simulatorOptions();
    options.imdsV2Only = v2Only;
    const auto simulator = fixture::startSimulator(options);
    SignInSpec spec;
    spec.kind = SignInSpec::Kind::EcsRamRole;
    spec.roleName = role;
    spec.imdsV1Allowed = v1Allowed;
    spec.description = QStringLiteral("instance role");
    dbs::DbsClient client;
    dbs::CredentialProvider *provider = signWith(&client, *simulator, spec);
    const fixture::PageOutcome outcome = fixture::fetchPage(client, fixture::query(region));
    QVERIFY(outcome.done);
    if (error.isEmpty()) {
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.summary()));
        QVERIFY(provider->held().accessKeyId.startsWith(QLatin1String("STS.")));
        QVERIFY(provider->held().expires());
    } else {
        QVERIFY2(outcome.error.message.contains(error), qPrintable(outcome.error.message));
        QVERIFY(outcome.error.message.contains(QLatin1String("instance role")));
    }
}

void TestCredentialProviders::metadataSilentTimesOut()
{
    // A host that takes the connection and never answers: a desktop far from any ECS waits
    // only the metadata time limit.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    const auto simulator = fixture::startSimulator(simulatorOptions());
    dbs::SignInOptions options = signInOptions(*simulator);
    options.metadataEndpoint = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
    options.metadataTimeoutMs = 300;
    SignInSpec spec;
    spec.kind = SignInSpec::Kind::EcsRamRole;
    spec.description = QStringLiteral("instance role");
    dbs::DbsClient client;
    signWith(&client, *simulator, spec, options);
    QElapsedTimer timer;
    timer.start();
    const fixture::PageOutcome outcome = fixture::fetchPage(client, fixture::query(region));
    QVERIFY(outcome.done);
    QVERIFY2(outcome.error.message.contains(QLatin1String("within 0.3 s")),
             qPrintable(outcome.error.message));
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
}

void TestCredentialProviders::metadataRefused()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there now
    const auto simulator = fixture::startSimulator(simulatorOptions());
    dbs::SignInOptions options = signInOptions(*simulator);
    options.metadataEndpoint = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    SignInSpec spec;
    spec.kind = SignInSpec::Kind::EcsRamRole;
    spec.description = QStringLiteral("instance role");
    dbs::DbsClient client;
    signWith(&client, *simulator, spec, options);
    const fixture::PageOutcome outcome = fixture::fetchPage(client, fixture::query(region));
    QVERIFY(outcome.done);
    QVERIFY2(outcome.error.message.contains(QLatin1String("Signing in with instance role failed")),
             qPrintable(outcome.error.message));
}

void TestCredentialProviders::credentialsUri()
{
    // The metadata credentials path answers what a credentials URI does.
    const auto simulator = fixture::startSimulator(simulatorOptions());
    SignInSpec spec;
    spec.kind = SignInSpec::Kind::CredentialsUri;
    spec.uri = simulator->baseUrl() + QStringLiteral("/latest/meta-data/ram/security-credentials/"
                                                     "dbs-ecs");
    spec.description = QStringLiteral("uri");
    dbs::DbsClient client;
    dbs::CredentialProvider *provider = signWith(&client, *simulator, spec);
    const fixture::PageOutcome outcome = fixture::fetchPage(client, fixture::query(region));
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.summary()));
    QVERIFY(provider->held().accessKeyId.startsWith(QLatin1String("STS.")));
}

void TestCredentialProviders::credentialsUriError()
{
    const auto simulator = fixture::startSimulator(simulatorOptions());
    SignInSpec spec;
    spec.kind = SignInSpec::Kind::CredentialsUri;
    spec.uri = simulator->baseUrl() + QStringLiteral("/latest/meta-data/ram/security-credentials/"
                                                     "nobody");
    spec.description = QStringLiteral("uri");
    dbs::DbsClient client;
    signWith(&client, *simulator, spec);
    const fixture::PageOutcome outcome = fixture::fetchPage(client, fixture::query(region));
    QVERIFY(outcome.done);
    QVERIFY2(outcome.error.message.contains(QLatin1String("the URI answered HTTP 404")),
             qPrintable(outcome.error.message));
}

void TestCredentialProviders::externalProcess_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QString>("error"); // empty: lists gateways
    const QByteArray keys = QByteArray(R"({"mode":"AK","access_key_id":")") + dbs::demoAccessKeyId +
                            R"(","access_key_secret":")" + dbs::demoAccessKeySecret + R"("})";
    QTest::newRow("keys") << "echo 'prompt on stderr' >&2\necho '" + keys + "'\n"
                          << "";
    QTest::newRow("fails") << QByteArray("exit 3\n") << "get-keys exited with status 3";
    QTest::newRow("garbage") << QByteArray("echo hello\n")
                             << "what get-keys printed: the answer is not valid JSON";
    QTest::newRow("too slow") << QByteArray("sleep 10\n") << "get-keys did not finish within 0.5 s";
    QTest::newRow("floods") << QByteArray("yes\n") << "get-keys printed more than 64 KiB";
}

void TestCredentialProviders::externalProcess()
{
    QFETCH(QByteArray, script);
    QFETCH(QString, error);
    const auto simulator = fixture::startSimulator(simulatorOptions());
    QTemporaryDir dir;
    SignInSpec spec;
    spec.kind = SignInSpec::Kind::External;
    spec.processCommand = writeScript(dir, QStringLiteral("get-keys"), script) + " --profile x";
    spec.description = QStringLiteral("process");
    dbs::SignInOptions options = signInOptions(*simulator);
    options.processTimeoutMs = 500;
    dbs::DbsClient client;
    dbs::CredentialProvider *provider = signWith(&client, *simulator, spec, options);
    QElapsedTimer timer;
    timer.start();
    const fixture::PageOutcome outcome = fixture::fetchPage(client, fixture::query(region));
    QVERIFY(outcome.done);
    if (error.isEmpty()) {
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.summary()));
        QCOMPARE(provider->held().accessKeyId, QString::fromLatin1(dbs::demoAccessKeyId));
    } else {
        QVERIFY2(outcome.error.message.contains(error), qPrintable(outcome.error.message));
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    }
}

void TestCredentialProviders::fixedExpired()
{
    // A cached sign-in that ran out is refused before anything is sent, with what to do.
    const auto simulator = fixture::startSimulator(simulatorOptions());
    dbs::Credential credential = fixture::demoCredential(QStringLiteral("cached"));
    credential.expiresAtMs = QDateTime::currentMSecsSinceEpoch() - 1000;
    SignInSpec spec = SignInSpec::fixed(credential);
    spec.expiredMessage = QStringLiteral("sign in again with the aliyun CLI");
    dbs::DbsClient client;
    signWith(&client, *simulator, spec);
    const fixture::PageOutcome outcome = fixture::fetchPage(client, fixture::query(region));
    QVERIFY(outcome.done);
    QCOMPARE(outcome.error.code, QStringLiteral("CredentialExpired"));
    QCOMPARE(outcome.error.message, QStringLiteral("sign in again with the aliyun CLI"));
    QVERIFY(outcome.log.isEmpty());
}

QTEST_GUILESS_MAIN(TestCredentialProviders)
#include "tst_credentialproviders.moc"
