// dbs-simulator and dbs-gateways as other programs drive them: flags, first line, exit codes,
// signals, standard output and standard error.
#include "environment.h"
#include "secretscan.h"
#include "simfixture.h"
#include "tlsfixture.h"

#include <api/endpoints.h>
#include <export/gatewaycsv.h>
#include <export/textformat.h>
#include <sim/inventory.h>
#include <sim/simulator.h>

#include <QBuffer>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
const QString simulatorPath = QStringLiteral(DBS_SIMULATOR);
const QString gatewaysPath = QStringLiteral(DBS_GATEWAYS);

using Result = fixture::ProcessResult;
using fixture::cleanEnvironment;
using fixture::demoEnvironment;
using fixture::runProcess;

QString startSimulatorProcess(QProcess &process, const QStringList &args); // further down
} // namespace

class TestExecutables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void simulatorFirstLineAndSigterm();
    void simulatorRejectsBadFlags_data();
    void simulatorRejectsBadFlags();
    void listJson_data();
    void listJson();
    void listWithoutCredentials();
    void listSignsInEveryWay_data();
    void listSignsInEveryWay();
    void listLastResortSaysWhatWasTried();
    void listRefusedRoleIsOneLine();
    void watchKeepsReportingAcrossRenewals();
    void listRejectsBadFlags_data();
    void listRejectsBadFlags();
    void listFailureIsOneLine();
    void exporterRefusesAPortInUseAndEndsOnSigterm();
    void checkAsAMonitoringSystemRunsIt_data();
    void checkAsAMonitoringSystemRunsIt();
    void helpAndVersion();
    void simulatorStartGivesUp_data();
    void simulatorStartGivesUp();
    void simulatorStartFindsTheUrl();
    void simulatorRejectsBadTlsFlags_data();
    void simulatorRejectsBadTlsFlags();
    void listOverHttps();
    void hostileServerIsOneLine_data();
    void hostileServerIsOneLine();
    void secretsAppearNowhere();
    void listAllRegionsIsPartialWhenSomeFail();
    void listEveryGatewayOnce_data();
    void listEveryGatewayOnce();
    void listFiltersAndColumns();
    void watchPrintsChangesUntilInterrupted();
    void watchEndsWhenItsReaderIsGone_data();
    void watchEndsWhenItsReaderIsGone();
    void watchFailsWhenOutputFails();
    void listOutputToStandardOutputAndDevices_data();
    void listOutputToStandardOutputAndDevices();
    void listOutputToRedirectedStandardOutputAppends_data();
    void listOutputToRedirectedStandardOutputAppends();
    void listSpreadsheetIsTheBrowsersExport();
    void listTableFitsTheTerminal();

private:
    QProcessEnvironment credentialEnvironment(const QString &secret) const;

    QTemporaryDir m_home;
    QTemporaryDir m_tlsDir;
    fixture::TlsFiles m_tls;
    QProcess m_simulator;
    QString m_url;
};

void TestExecutables::initTestCase()
{
    m_simulator.start(
        simulatorPath,
        {QStringLiteral("--gateways"), QStringLiteral("300"), QStringLiteral("--seed"),
         QStringLiteral("7"), QStringLiteral("--access-key"), QStringLiteral("LTAIcli:cli-secret"),
         QStringLiteral("--access-key"), QStringLiteral("STS.cached:cached-secret:cached-token"),
         QStringLiteral("--ecs-role"), QStringLiteral("dbs-ecs")});
    QVERIFY(m_simulator.waitForStarted());
    QVERIFY(m_simulator.waitForReadyRead(10000));
    const QByteArray line = m_simulator.readLine().trimmed();
    QVERIFY2(line.startsWith("listening on http://127.0.0.1:"), line.constData());
    m_url = QString::fromLatin1(line.mid(int(qstrlen("listening on "))));
    m_tls = fixture::makeTlsFiles(m_tlsDir.path());
    QVERIFY2(m_tls.ok(), qPrintable(m_tls.error)); // fails, never skips, without openssl
}

void TestExecutables::cleanupTestCase()
{
    m_simulator.terminate();
    m_simulator.waitForFinished(10000);
}

QProcessEnvironment TestExecutables::credentialEnvironment(const QString &secret) const
{
    QProcessEnvironment env = cleanEnvironment(m_home.path());
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QStringLiteral("LTAIcli"));
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), secret);
    return env;
}

void TestExecutables::simulatorFirstLineAndSigterm()
{
    for (const int signal : {SIGTERM, SIGINT}) {
        QProcess process;
        process.start(simulatorPath, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QVERIFY(process.waitForReadyRead(10000));
        const QByteArray line = process.readLine();
        QVERIFY(QRegularExpression(QStringLiteral("^listening on http://127\\.0\\.0\\.1:\\d+\\n$"))
                    .match(QString::fromLatin1(line))
                    .hasMatch());
        ::kill(pid_t(process.processId()), signal);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }
}

void TestExecutables::simulatorRejectsBadFlags_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("gateways") << QStringList{QStringLiteral("--gateways"), QStringLiteral("many")};
    QTest::newRow("fault kind") << QStringList{QStringLiteral("--fault"),
                                               QStringLiteral("boom=0.1")};
    QTest::newRow("fault rate") << QStringList{QStringLiteral("--fault"),
                                               QStringLiteral("http500=2")};
    QTest::newRow("access key") << QStringList{QStringLiteral("--access-key"),
                                               QStringLiteral("only-id")};
    QTest::newRow("region") << QStringList{QStringLiteral("--regions"), QStringLiteral("mars-1")};
    QTest::newRow("not loopback") << QStringList{QStringLiteral("--listen"),
                                                 QStringLiteral("0.0.0.0:0")};
    QTest::newRow("listen") << QStringList{QStringLiteral("--listen"),
                                           QStringLiteral("127.0.0.1:x")};
    QTest::newRow("latency") << QStringList{QStringLiteral("--latency-ms"), QStringLiteral("-1")};
    // Wrong command lines that QCommandLineParser itself finds: still 2, still our prefix.
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")};
    QTest::newRow("unknown short option") << QStringList{QStringLiteral("-z")};
    QTest::newRow("missing value") << QStringList{QStringLiteral("--seed")};
    QTest::newRow("positional argument") << QStringList{QStringLiteral("serve")};
    QTest::newRow("fault rates over 1")
        << QStringList{QStringLiteral("--fault"), QStringLiteral("http500=0.6"),
                       QStringLiteral("--fault"), QStringLiteral("reset=0.6")};
}

void TestExecutables::simulatorRejectsBadFlags()
{
    QFETCH(QStringList, args);
    const Result result = runProcess(simulatorPath, args, cleanEnvironment(m_home.path()));
    QCOMPARE(result.status, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY(result.err.startsWith("dbs-simulator: "));
}

void TestExecutables::listJson_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("v3") << QStringList{};
    QTest::newRow("v1 page 100") << QStringList{QStringLiteral("--signature"), QStringLiteral("v1"),
                                                QStringLiteral("--page-size"),
                                                QStringLiteral("100")};
    QTest::newRow("concurrency 1")
        << QStringList{QStringLiteral("--concurrency"), QStringLiteral("1")};
}

void TestExecutables::listJson()
{
    QFETCH(QStringList, extra);
    const Result result =
        runProcess(gatewaysPath,
                   QStringList{QStringLiteral("list"), QStringLiteral("--region"),
                               QStringLiteral("cn-hangzhou"), QStringLiteral("--endpoint"), m_url} +
                       extra,
                   credentialEnvironment(QStringLiteral("cli-secret")));
    QCOMPARE(result.exitCode, 0);
    const QJsonArray array = QJsonDocument::fromJson(result.out).array();
    int expected = 0;
    for (const auto &gateway : dbs::generateInventory(300, 7, {}, 0))
        expected += gateway.region == u"cn-hangzhou";
    QVERIFY(expected > 60);
    QCOMPARE(array.size(), expected);
}

void TestExecutables::listWithoutCredentials()
{
    const Result result =
        runProcess(gatewaysPath,
                   {QStringLiteral("list"), QStringLiteral("--region"),
                    QStringLiteral("cn-hangzhou"), QStringLiteral("--endpoint"), m_url},
                   cleanEnvironment(m_home.path()));
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY(result.err.contains("ALIBABA_CLOUD_ACCESS_KEY_ID"));
}

void TestExecutables::listSignsInEveryWay_data()
{
    // Each way an administrator signs in, in a home of its own: the CLI profile or the INI
    // section (the first line, if any, of `files` is ~/.aliyun/config.json's profiles, the
    // second ~/.alibabacloud/credentials), variables, and extra arguments.
    QTest::addColumn<QByteArray>("profiles");
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QStringList>("vars");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("source"); // what --verbose says signs

    const QByteArray keys = R"("access_key_id":"LTAIcli","access_key_secret":"cli-secret")";
    const QByteArray role = R"("ram_role_arn":"acs:ram::123:role/dbs-reader")";
    const QStringList sts{QStringLiteral("--sts-endpoint"), QStringLiteral("SIM")};
    const QString metadata = QStringLiteral("DBS_ECS_METADATA_ENDPOINT=SIM");
    const QString uri = QStringLiteral("SIM/latest/meta-data/ram/security-credentials/dbs-ecs");
    QTest::newRow("CLI RamRoleArn")
        << R"({"name":"prod","mode":"RamRoleArn",)" + keys + "," + role + "}" << QByteArray()
        << QStringList() << sts
        << "aliyun CLI profile \"prod\", RamRoleArn acs:ram::123:role/dbs-reader";
    QTest::newRow("CLI RamRoleArn, DBS_STS_ENDPOINT")
        << R"({"name":"prod","mode":"RamRoleArn",)" + keys + "," + role + "}" << QByteArray()
        << QStringList{"DBS_STS_ENDPOINT=SIM"} << QStringList() << "RamRoleArn";
    QTest::newRow("--profile picks another")
        << R"({"name":"prod","mode":"AK","access_key_id":"LTAIno","access_key_secret":"no"},)"
           R"({"name":"ops","mode":"RamRoleArn",)" +
               keys + "," + role + "}"
        << QByteArray() << QStringList() << sts + QStringList{"--profile", "ops"}
        << "aliyun CLI profile \"ops\", RamRoleArn";
    QTest::newRow("CLI ChainableRamRoleArn")
        << R"({"name":"prod","mode":"ChainableRamRoleArn","source_profile":"base",)" + role +
               R"(},{"name":"base","mode":"AK",)" + keys + "}"
        << QByteArray() << QStringList() << sts << "ChainableRamRoleArn";
    QTest::newRow("CLI EcsRamRole")
        << QByteArray(R"({"name":"prod","mode":"EcsRamRole"})") << QByteArray()
        << QStringList{metadata} << QStringList() << "aliyun CLI profile \"prod\", EcsRamRole";
    QTest::newRow("CLI CredentialsURI")
        << R"({"name":"prod","mode":"CredentialsURI","credentials_uri":")" + uri.toUtf8() + "\"}"
        << QByteArray() << QStringList() << QStringList() << "CredentialsURI http://127.0.0.1";
    QTest::newRow("CLI OIDC")
        << QByteArray(R"({"name":"prod","mode":"OIDC","oidc_provider_arn":)"
                      R"("acs:ram::123:oidc-provider/ack","oidc_token_file":"HOME/token",)") +
               role + "}"
        << QByteArray() << QStringList() << sts << "OIDC acs:ram::123:role/dbs-reader";
    QTest::newRow("CLI External")
        << QByteArray(R"({"name":"prod","mode":"External","process_command":"HOME/keys.sh"})")
        << QByteArray() << QStringList() << QStringList() << "External keys.sh";
    QTest::newRow("CLI CloudSSO, cached")
        << QByteArray(R"({"name":"prod","mode":"CloudSSO","access_key_id":"STS.cached",)"
                      R"("access_key_secret":"cached-secret","sts_token":"cached-token",)"
                      R"("sts_expiration":4102444800})")
        << QByteArray() << QStringList() << QStringList()
        << "aliyun CLI profile \"prod\", CloudSSO";
    QTest::newRow("INI ram_role_arn")
        << QByteArray()
        << QByteArray("[default]\ntype=ram_role_arn\naccess_key_id=LTAIcli\n"
                      "access_key_secret=cli-secret\nrole_arn=acs:ram::123:role/dbs-reader\n")
        << QStringList() << sts << "credentials file (section default), ram_role_arn";
    QTest::newRow("INI ecs_ram_role")
        << QByteArray() << QByteArray("[default]\ntype=ecs_ram_role\nrole_name=dbs-ecs\n")
        << QStringList{metadata} << QStringList() << "ecs_ram_role dbs-ecs";
    QTest::newRow("INI oidc_role_arn")
        << QByteArray()
        << QByteArray("[default]\ntype=oidc_role_arn\nrole_arn=acs:ram::123:role/r\n"
                      "oidc_provider_arn=acs:ram::123:oidc-provider/ack\n"
                      "oidc_token_file_path=~/token\n")
        << QStringList() << sts << "oidc_role_arn acs:ram::123:role/r";
    QTest::newRow("INI credentials_uri")
        << QByteArray() << "[default]\ntype=credentials_uri\ncredentials_uri=" + uri.toUtf8() + "\n"
        << QStringList() << QStringList() << "credentials_uri http://127.0.0.1";
    QTest::newRow("environment OIDC")
        << QByteArray() << QByteArray()
        << QStringList{"ALIBABA_CLOUD_ROLE_ARN=acs:ram::123:role/k8s",
                       "ALIBABA_CLOUD_OIDC_PROVIDER_ARN=acs:ram::123:oidc-provider/ack",
                       "ALIBABA_CLOUD_OIDC_TOKEN_FILE=HOME/token"}
        << sts << "environment, OIDC acs:ram::123:role/k8s";
    QTest::newRow("environment URI")
        << QByteArray() << QByteArray() << QStringList{"ALIBABA_CLOUD_CREDENTIALS_URI=" + uri}
        << QStringList() << "credentials URI http://127.0.0.1";
    QTest::newRow("instance metadata, last")
        << QByteArray() << QByteArray() << QStringList{metadata} << QStringList()
        << "ECS instance RAM role";
}

void TestExecutables::listSignsInEveryWay()
{
    QFETCH(QByteArray, profiles);
    QFETCH(QByteArray, ini);
    QFETCH(QStringList, vars);
    QFETCH(QStringList, args);
    QFETCH(QString, source);
    QTemporaryDir home;
    const QString homePath = home.path();
    const auto resolve = [&](QString text) {
        return text.replace(QLatin1String("SIM"), m_url).replace(QLatin1String("HOME"), homePath);
    };
    if (!profiles.isEmpty())
        QVERIFY(fixture::writeFile(home.filePath(".aliyun/config.json"),
                                   resolve(QStringLiteral(R"({"current":"prod","profiles":[%1]})")
                                               .arg(QString::fromUtf8(profiles)))
                                       .toUtf8()));
    if (!ini.isEmpty())
        QVERIFY(fixture::writeFile(home.filePath(".alibabacloud/credentials"),
                                   resolve(QString::fromUtf8(ini)).toUtf8()));
    QVERIFY(fixture::writeFile(home.filePath("token"),
                               "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzYSJ9.c2lnbmF0dXJl"));
    QVERIFY(fixture::writeFile(home.filePath("keys.sh"),
                               "#!/bin/sh\necho '{\"mode\":\"AK\",\"access_key_id\":\"LTAIcli\","
                               "\"access_key_secret\":\"cli-secret\"}'\n"));
    QVERIFY(QFile::setPermissions(home.filePath("keys.sh"),
                                  QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    QProcessEnvironment env = cleanEnvironment(homePath);
    for (const QString &var : vars) {
        const QString value = resolve(var);
        env.insert(value.section(u'=', 0, 0), value.section(u'=', 1));
    }
    QStringList arguments{QStringLiteral("list"),
                          QStringLiteral("--region"),
                          QStringLiteral("cn-hangzhou"),
                          QStringLiteral("--endpoint"),
                          m_url,
                          QStringLiteral("--verbose")};
    for (const QString &arg : args)
        arguments.append(resolve(arg));
    const Result result = runProcess(gatewaysPath, arguments, env);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    int expected = 0;
    for (const auto &gateway : dbs::generateInventory(300, 7, {}, 0))
        expected += gateway.region == u"cn-hangzhou";
    QCOMPARE(QJsonDocument::fromJson(result.out).array().size(), expected);
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(err.contains(QLatin1String("credentials: ")) && err.contains(source), qPrintable(err));
    for (const char *secret : {"cli-secret", "cached-secret", "cached-token", "eyJ"})
        QVERIFY2(!result.err.contains(secret), secret);
}

void TestExecutables::listLastResortSaysWhatWasTried()
{
    // Nothing configured and no metadata service (a desktop): what was tried, not a request's
    // failure, and within the metadata time limit.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QProcessEnvironment env = cleanEnvironment(m_home.path());
    env.insert(QStringLiteral("DBS_ECS_METADATA_ENDPOINT"),
               QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
    QElapsedTimer timer;
    timer.start();
    const Result result =
        runProcess(gatewaysPath,
                   {QStringLiteral("list"), QStringLiteral("--region"),
                    QStringLiteral("cn-hangzhou"), QStringLiteral("--endpoint"), m_url},
                   env);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(err.startsWith(QLatin1String("dbs-gateways: No credentials found. Tried:")),
             qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("- ECS instance metadata: Signing in with ECS instance "
                                        "RAM role failed: no answer from")),
             qPrintable(err));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void TestExecutables::listRefusedRoleIsOneLine()
{
    // STS refuses the role: one line, the command's own, naming the source and the code.
    QTemporaryDir home;
    QVERIFY(fixture::writeFile(
        home.filePath(".aliyun/config.json"),
        QByteArray(R"({"current":"p","profiles":[{"name":"p","mode":"RamRoleArn",)"
                   R"("access_key_id":"LTAIcli","access_key_secret":"cli-secret",)"
                   R"("ram_role_arn":"not-an-arn"}]})")));
    const Result result = runProcess(gatewaysPath,
                                     {QStringLiteral("list"), QStringLiteral("--region"),
                                      QStringLiteral("cn-hangzhou"), QStringLiteral("--endpoint"),
                                      m_url, QStringLiteral("--sts-endpoint"), m_url},
                                     cleanEnvironment(home.path()));
    QCOMPARE(result.exitCode, 1);
    const QList<QByteArray> lines = result.err.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().contains("InvalidParameter.RoleArn") &&
                 lines.first().contains("Signing in with aliyun CLI profile"),
             result.err.constData());
}

void TestExecutables::watchKeepsReportingAcrossRenewals()
{
    // Keys that last 2 s, a look every second for 7 s: every look signs with keys renewed in
    // time, and none fails.
    QProcess simulator;
    const QString url = startSimulatorProcess(
        simulator, {QStringLiteral("--gateways"), QStringLiteral("60"), QStringLiteral("--regions"),
                    QStringLiteral("cn-hangzhou"), QStringLiteral("--churn"), QStringLiteral("5"),
                    QStringLiteral("--sts-duration"), QStringLiteral("2")});
    QVERIFY(!url.isEmpty());
    QTemporaryDir home;
    QVERIFY(fixture::writeFile(
        home.filePath(".aliyun/config.json"),
        QByteArray(R"({"current":"prod","profiles":[{"name":"prod","mode":"RamRoleArn",)") +
            R"("access_key_id":")" + dbs::demoAccessKeyId + R"(","access_key_secret":")" +
            dbs::demoAccessKeySecret + R"(","ram_role_arn":"acs:ram::123:role/dbs-reader"}]})"));
    QProcess watch;
    watch.setProcessEnvironment(cleanEnvironment(home.path()));
    watch.start(gatewaysPath,
                {QStringLiteral("watch"), QStringLiteral("--region"), QStringLiteral("cn-hangzhou"),
                 QStringLiteral("--endpoint"), url, QStringLiteral("--sts-endpoint"), url,
                 QStringLiteral("--interval"), QStringLiteral("1s"), QStringLiteral("--verbose")});
    QVERIFY(watch.waitForStarted());
    QTest::qWait(7000);
    QCOMPARE(watch.state(), QProcess::Running); // else processId() is 0, and kill(0) hits us
    ::kill(pid_t(watch.processId()), SIGINT);
    QVERIFY(watch.waitForFinished(10000));
    QCOMPARE(watch.exitCode(), 0);
    const QString err = QString::fromUtf8(watch.readAllStandardError());
    const qsizetype renewals = err.count(QLatin1String("credentials: aliyun CLI profile \"prod\", "
                                                       "RamRoleArn acs:ram::123:role/dbs-reader, "
                                                       "valid until"));
    QVERIFY2(renewals >= 3, qPrintable(err));
    // Its one line of its own says what it watches; no other (a failure) follows.
    QCOMPARE(err.count(QLatin1String("dbs-gateways:")), 1);
    QVERIFY2(err.contains(QLatin1String("dbs-gateways: watching 60 gateways")), qPrintable(err));
    QVERIFY2(!err.contains(QLatin1String("InvalidSecurityToken")), qPrintable(err));
    QVERIFY(!watch.readAllStandardOutput().isEmpty()); // the churn's changes were reported
    simulator.terminate();
    simulator.waitForFinished();
}

void TestExecutables::listRejectsBadFlags_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("no command") << QStringList{} << QByteArray("usage");
    QTest::newRow("other command")
        << QStringList{QStringLiteral("delete")}
        << QByteArray("unknown command \"delete\"; the commands are list, watch, check and "
                      "exporter");
    QTest::newRow("exporter everywhere without saying so")
        << QStringList{"exporter", "--region", "all", "--listen", ":9742"}
        << QByteArray("--listen wants a host before the port");
    QTest::newRow("exporter on port 0")
        << QStringList{"exporter", "--region", "all", "--listen", "127.0.0.1:0"}
        << QByteArray("a port from 1 to 65535");
    QTest::newRow("exporter gateway metrics")
        << QStringList{"exporter", "--region", "all", "--gateway-metrics", "some"}
        << QByteArray("--gateway-metrics must be all, problems or none");
    QTest::newRow("exporter's option to list")
        << QStringList{"list", "--region", "all", "--listen", "127.0.0.1:9742"}
        << QByteArray("--listen is for exporter, not list");
    QTest::newRow("exporter interval")
        << QStringList{"exporter", "--region", "all", "--interval", "10ms"}
        << QByteArray("--interval wants a duration from 1s");
    QTest::newRow("several profiles to list")
        << QStringList{"list", "--region", "all", "--profile", "a", "--profile", "b"}
        << QByteArray("--profile is given once (only exporter lists several accounts)");
    // A profile named "check" does not make list a monitoring plugin: still exit 2.
    QTest::newRow("a profile named check")
        << QStringList{"list", "--profile", "check", "--region", "cn-hangzhou", "--page-size", "7"}
        << QByteArray("--page-size must be 30, 50 or 100");
    QTest::newRow("a stray word") << QStringList{QStringLiteral("list"),
                                                 QStringLiteral("cn-hangzhou"),
                                                 QStringLiteral("--region"),
                                                 QStringLiteral("cn-hangzhou")}
                                  << QByteArray("unexpected argument \"cn-hangzhou\"");
    QTest::newRow("a misspelt status")
        << QStringList{QStringLiteral("list"), QStringLiteral("--region"),
                       QStringLiteral("cn-hangzhou"), QStringLiteral("--status"),
                       QStringLiteral("OFLINE")}
        << QByteArray(
               "unknown status \"OFLINE\"; the statuses are ONLINE, OFFLINE, STOPPED, UPGRADING");
    QTest::newRow("columns with json")
        << QStringList{QStringLiteral("list"), QStringLiteral("--region"),
                       QStringLiteral("cn-hangzhou"), QStringLiteral("--columns"),
                       QStringLiteral("Region")}
        << QByteArray("--columns is for --format csv or table");
    QTest::newRow("wide with json")
        << QStringList{QStringLiteral("list"), QStringLiteral("--region"),
                       QStringLiteral("cn-hangzhou"), QStringLiteral("--wide")}
        << QByteArray("--wide is for --format table");
    QTest::newRow("an unknown region holding an escape")
        << QStringList{QStringLiteral("list"), QStringLiteral("--region"),
                       QStringLiteral("cn-\x1b[31m")}
        << QByteArray("unknown region \"cn-\\e[31m\"");
    QTest::newRow("spreadsheet without csv")
        << QStringList{QStringLiteral("list"), QStringLiteral("--region"),
                       QStringLiteral("cn-hangzhou"), QStringLiteral("--spreadsheet")}
        << QByteArray("--spreadsheet is for --format csv");
    QTest::newRow("xlsx without --output")
        << QStringList{QStringLiteral("list"), QStringLiteral("--region"),
                       QStringLiteral("cn-hangzhou"), QStringLiteral("--format"),
                       QStringLiteral("xlsx")}
        << QByteArray("--format xlsx writes an Excel workbook to a file: give it with --output");
    QTest::newRow("xlsx to standard output") << QStringList{QStringLiteral("list"),
                                                            QStringLiteral("--region"),
                                                            QStringLiteral("cn-hangzhou"),
                                                            QStringLiteral("--format"),
                                                            QStringLiteral("xlsx"),
                                                            QStringLiteral("--output"),
                                                            QStringLiteral("-")}
                                             << QByteArray("--output FILE");
    QTest::newRow("columns with xlsx")
        << QStringList{QStringLiteral("list"),        QStringLiteral("--region"),
                       QStringLiteral("cn-hangzhou"), QStringLiteral("--format"),
                       QStringLiteral("xlsx"),        QStringLiteral("--output"),
                       QStringLiteral("x.xlsx"),      QStringLiteral("--columns"),
                       QStringLiteral("Region")}
        << QByteArray("xlsx has every field");
    QTest::newRow("stale-after beyond a year")
        << QStringList{QStringLiteral("list"), QStringLiteral("--region"),
                       QStringLiteral("cn-hangzhou"), QStringLiteral("--stale-after"),
                       QStringLiteral("400d")}
        << QByteArray("from 1ms to 366d");
    QTest::newRow("an empty --output")
        << QStringList{QStringLiteral("list"),        QStringLiteral("--region"),
                       QStringLiteral("cn-hangzhou"), QStringLiteral("--output="),
                       QStringLiteral("--format"),    QStringLiteral("csv")}
        << QByteArray("--output wants a file name");
    QTest::newRow("no region") << QStringList{QStringLiteral("list")} << QByteArray("--region");
    QTest::newRow("unknown region")
        << QStringList{QStringLiteral("list"), QStringLiteral("--region"), QStringLiteral("mars-1")}
        << QByteArray("mars-1");
    QTest::newRow("page size") << QStringList{QStringLiteral("list"), QStringLiteral("--region"),
                                              QStringLiteral("cn-hangzhou"),
                                              QStringLiteral("--page-size"), QStringLiteral("20")}
                               << QByteArray("--page-size");
    QTest::newRow("plain http to a remote host")
        << QStringList{QStringLiteral("list"), QStringLiteral("--region"),
                       QStringLiteral("cn-hangzhou"), QStringLiteral("--endpoint"),
                       QStringLiteral("http://dbs.example.com/")}
        << QByteArray("https");
    QTest::newRow("format") << QStringList{QStringLiteral("list"), QStringLiteral("--region"),
                                           QStringLiteral("cn-hangzhou"),
                                           QStringLiteral("--format"), QStringLiteral("xml")}
                            << QByteArray("--format");
    QTest::newRow("signature") << QStringList{QStringLiteral("list"), QStringLiteral("--region"),
                                              QStringLiteral("cn-hangzhou"),
                                              QStringLiteral("--signature"), QStringLiteral("v2")}
                               << QByteArray("--signature");
    // Found by QCommandLineParser itself (process() used to exit 1 on these).
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("list"), QStringLiteral("--region"),
                       QStringLiteral("cn-hangzhou"), QStringLiteral("--colour")}
        << QByteArray("colour");
    QTest::newRow("missing value")
        << QStringList{QStringLiteral("list"), QStringLiteral("--region")} << QByteArray("region");
    QTest::newRow("stale-after") << QStringList{QStringLiteral("list"), QStringLiteral("--region"),
                                                QStringLiteral("cn-hangzhou"),
                                                QStringLiteral("--stale-after"),
                                                QStringLiteral("soon")}
                                 << QByteArray("--stale-after");
    QTest::newRow("columns") << QStringList{QStringLiteral("list"),
                                            QStringLiteral("--region"),
                                            QStringLiteral("cn-hangzhou"),
                                            QStringLiteral("--format"),
                                            QStringLiteral("csv"),
                                            QStringLiteral("--columns"),
                                            QStringLiteral("Region,Colour")}
                             << QByteArray("Colour");
    QTest::newRow("list option given to watch")
        << QStringList{QStringLiteral("watch"), QStringLiteral("--region"), QStringLiteral("all"),
                       QStringLiteral("--output"), QStringLiteral("x.json")}
        << QByteArray("--output");
    QTest::newRow("watch option given to list")
        << QStringList{QStringLiteral("list"), QStringLiteral("--region"), QStringLiteral("all"),
                       QStringLiteral("--interval"), QStringLiteral("30s")}
        << QByteArray("--interval");
    QTest::newRow("interval") << QStringList{QStringLiteral("watch"), QStringLiteral("--region"),
                                             QStringLiteral("all"), QStringLiteral("--interval"),
                                             QStringLiteral("500ms")}
                              << QByteArray("--interval");
    QTest::newRow("missing value of --output")
        << QStringList{QStringLiteral("list"), QStringLiteral("--region"),
                       QStringLiteral("cn-hangzhou"), QStringLiteral("--output")}
        << QByteArray("output");
}

void TestExecutables::listRejectsBadFlags()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const Result result =
        runProcess(gatewaysPath, args, credentialEnvironment(QStringLiteral("cli-secret")));
    QCOMPARE(result.status, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains(message), result.err.constData());
    QVERIFY2(result.err.startsWith("dbs-gateways: "), result.err.constData());
    QCOMPARE(result.err.count('\n'), 1);
}

void TestExecutables::exporterRefusesAPortInUseAndEndsOnSigterm()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost));
    const QString address = QStringLiteral("127.0.0.1:%1").arg(taken.serverPort());
    const QStringList args = {QStringLiteral("exporter"),
                              QStringLiteral("--region"),
                              QStringLiteral("cn-hangzhou"),
                              QStringLiteral("--endpoint"),
                              m_url,
                              QStringLiteral("--listen"),
                              address};
    const QProcessEnvironment environment = credentialEnvironment(QStringLiteral("cli-secret"));
    const Result refused = runProcess(gatewaysPath, args, environment);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("cannot listen on " + address.toUtf8() + ": the port is in use"),
             refused.err.constData());
    taken.close();

    for (const int signal : {SIGTERM, SIGINT}) {
        QProcess exporter;
        exporter.setProcessEnvironment(environment);
        exporter.setReadChannel(QProcess::StandardError);
        exporter.start(gatewaysPath, args);
        QVERIFY(QTest::qWaitFor(
            [&exporter] {
                exporter.waitForReadyRead(100);
                return exporter.peek(4096).contains("serving metrics on") ||
                       exporter.state() == QProcess::NotRunning;
            },
            10000));
        ::kill(pid_t(exporter.processId()), signal);
        QVERIFY(exporter.waitForFinished(10000));
        QCOMPARE(exporter.exitStatus(), QProcess::NormalExit);
        QCOMPARE(exporter.exitCode(), 0);
    }
}

void TestExecutables::listFailureIsOneLine()
{
    const QString output = m_home.filePath(QStringLiteral("out.json"));
    const Result result = runProcess(gatewaysPath,
                                     {QStringLiteral("list"), QStringLiteral("--region"),
                                      QStringLiteral("cn-hangzhou"), QStringLiteral("--endpoint"),
                                      m_url, QStringLiteral("--output"), output},
                                     credentialEnvironment(QStringLiteral("not-the-secret")));
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.err.count('\n'), 1);
    QVERIFY(result.err.contains("SignatureDoesNotMatch"));
    QVERIFY(result.err.contains("RequestId: "));
    QVERIFY(!result.err.contains("not-the-secret"));
    QVERIFY(!QFile::exists(output));
}

void TestExecutables::checkAsAMonitoringSystemRunsIt_data()
{
    // As a command definition runs it: the exit status is the verdict, standard output its one
    // line; a command line or a sign-in it cannot use is UNKNOWN, never OK.
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("credentials");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("start");
    const QStringList region = {QStringLiteral("--region"), QStringLiteral("cn-hangzhou")};
    QTest::newRow("ok") << region + QStringList{"--warning", "1000"} << true << 0
                        << QByteArray("DBS OK - ");
    QTest::newRow("critical") << region + QStringList{"--critical", "0:0"} << true << 2
                              << QByteArray("DBS CRITICAL - ");
    QTest::newRow("a bad range") << region + QStringList{"--warning", "10:5"} << true << 3
                                 << QByteArray("DBS UNKNOWN - --warning: ");
    QTest::newRow("an unknown option") << region + QStringList{"--bogus"} << true << 3
                                       << QByteArray("DBS UNKNOWN - wrong command line");
    QTest::newRow("a list option") << region + QStringList{"--format", "csv"} << true << 3
                                   << QByteArray("DBS UNKNOWN - --format is for list");
    QTest::newRow("no credentials")
        << region << false << 3 << QByteArray("DBS UNKNOWN - No credentials found");
}

void TestExecutables::checkAsAMonitoringSystemRunsIt()
{
    QFETCH(QStringList, args);
    QFETCH(bool, credentials);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, start);
    QProcessEnvironment env = credentials ? credentialEnvironment(QStringLiteral("cli-secret"))
                                          : cleanEnvironment(m_home.path());
    // Nothing to find: instance metadata is not asked on this machine.
    env.insert(QStringLiteral("ALIBABA_CLOUD_ECS_METADATA_DISABLED"), QStringLiteral("true"));
    const Result result = runProcess(
        gatewaysPath,
        QStringList{QStringLiteral("check")} + args + QStringList{"--endpoint", m_url}, env);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.out.startsWith(start), result.out.constData());
    QCOMPARE(result.out.count('\n'), 1);
    if (exitCode < 3)
        QVERIFY2(result.out.contains(" | offline="), result.out.constData());
}

void TestExecutables::helpAndVersion()
{
    for (const QString &program : {simulatorPath, gatewaysPath}) {
        const Result help =
            runProcess(program, {QStringLiteral("--help")}, cleanEnvironment(m_home.path()));
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--"));
        const Result version =
            runProcess(program, {QStringLiteral("--version")}, cleanEnvironment(m_home.path()));
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.contains(DBS_VERSION));
        QVERIFY(version.err.isEmpty());
        // The short forms too.
        QCOMPARE(
            runProcess(program, {QStringLiteral("-h")}, cleanEnvironment(m_home.path())).exitCode,
            0);
        QCOMPARE(
            runProcess(program, {QStringLiteral("-v")}, cleanEnvironment(m_home.path())).exitCode,
            0);
    }
}

namespace {
// tools/start-simulator.sh's dbs_start_simulator, as tools/demo.sh uses it.
Result startHelper(const QStringList &command, const QString &timeoutSeconds)
{
    const QString script = QStringLiteral(
        "source \"$1\"; shift; out=$(mktemp); dbs_start_simulator \"$out\" \"$@\"; rc=$?; "
        "echo \"url=$DBS_SIMULATOR_URL\"; "
        "if [ -n \"$DBS_SIMULATOR_PID\" ]; then kill \"$DBS_SIMULATOR_PID\" 2>/dev/null; fi; "
        "rm -f \"$out\"; exit $rc");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBS_SIMULATOR_START_TIMEOUT"), timeoutSeconds);
    return runProcess(QStringLiteral("bash"),
                      QStringList{QStringLiteral("-c"), script, QStringLiteral("bash"),
                                  QStringLiteral(DBS_SOURCE_DIR "/tools/start-simulator.sh")} +
                          command,
                      env);
}
} // namespace

void TestExecutables::simulatorStartGivesUp_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("exits at once") << QStringList{QStringLiteral("false")} << QByteArray("exited");
    QTest::newRow("refuses its flags")
        << QStringList{simulatorPath, QStringLiteral("--gateways"), QStringLiteral("many")}
        << QByteArray("exited");
    QTest::newRow("never prints") << QStringList{QStringLiteral("sleep"), QStringLiteral("30")}
                                  << QByteArray("within 1 s");
}

void TestExecutables::simulatorStartGivesUp()
{
    // tools/demo.sh used to wait forever for a first line that never came.
    QFETCH(QStringList, command);
    QFETCH(QByteArray, message);
    QElapsedTimer timer;
    timer.start();
    const Result result = startHelper(command, QStringLiteral("1"));
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(message), result.err.constData());
    QVERIFY(result.out.contains("url=\n"));
}

void TestExecutables::simulatorStartFindsTheUrl()
{
    const Result result = startHelper(
        {simulatorPath, QStringLiteral("--gateways"), QStringLiteral("10")}, QStringLiteral("10"));
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^url=http://127\\.0\\.0\\.1:\\d+\n$"))
                 .match(QString::fromLatin1(result.out))
                 .hasMatch(),
             result.out.constData());
}

void TestExecutables::simulatorRejectsBadTlsFlags_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("expected");
    const QString cert = m_tls.serverCert;
    const QString key = m_tls.serverKey;
    const QString missing = m_tlsDir.filePath(QStringLiteral("missing.pem"));
    QTest::newRow("certificate without key")
        << QStringList{QStringLiteral("--tls-cert"), cert} << QByteArray("--tls-key");
    QTest::newRow("key without certificate")
        << QStringList{QStringLiteral("--tls-key"), key} << QByteArray("--tls-cert");
    QTest::newRow("missing certificate")
        << QStringList{QStringLiteral("--tls-cert"), missing, QStringLiteral("--tls-key"), key}
        << missing.toUtf8();
    QTest::newRow("key of another certificate")
        << QStringList{QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"),
                       m_tlsDir.filePath(QStringLiteral("ca.key"))}
        << QByteArray("private key");
    QTest::newRow("certificate that is a key")
        << QStringList{QStringLiteral("--tls-cert"), key, QStringLiteral("--tls-key"), key}
        << QByteArray("PEM certificate");
}

void TestExecutables::simulatorRejectsBadTlsFlags()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, expected);
    const Result result = runProcess(simulatorPath, args, cleanEnvironment(m_home.path()));
    QCOMPARE(result.status, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.startsWith("dbs-simulator: "), result.err.constData());
    QVERIFY2(result.err.contains(expected), result.err.constData());
}

void TestExecutables::listOverHttps()
{
    QProcess simulator;
    simulator.start(simulatorPath,
                    {QStringLiteral("--gateways"), QStringLiteral("300"), QStringLiteral("--seed"),
                     QStringLiteral("7"), QStringLiteral("--access-key"),
                     QStringLiteral("LTAIcli:cli-secret"), QStringLiteral("--tls-cert"),
                     m_tls.serverCert, QStringLiteral("--tls-key"), m_tls.serverKey});
    QVERIFY(simulator.waitForReadyRead(10000));
    const QByteArray line = simulator.readLine();
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("^listening on (https://127\\.0\\.0\\.1:\\d+)\\n$"))
            .match(QString::fromLatin1(line));
    QVERIFY2(match.hasMatch(), line.constData());
    const QString url = match.captured(1);
    const QStringList list = {QStringLiteral("list"), QStringLiteral("--region"),
                              QStringLiteral("cn-hangzhou"), QStringLiteral("--endpoint"), url};
    const QProcessEnvironment env = credentialEnvironment(QStringLiteral("cli-secret"));

    // Trusted through --ca-file: the same inventory as over http.
    Result result = runProcess(gatewaysPath,
                               list + QStringList{QStringLiteral("--ca-file"), m_tls.caCert}, env);
    QCOMPARE(result.exitCode, 0);
    int expected = 0;
    for (const auto &gateway : dbs::generateInventory(300, 7, {}, 0))
        expected += gateway.region == u"cn-hangzhou";
    QCOMPARE(QJsonDocument::fromJson(result.out).array().size(), expected);

    // The system's roots alone, or another CA: refused, one line naming the certificate problem.
    for (const QStringList &extra :
         {QStringList{}, QStringList{QStringLiteral("--ca-file"), m_tls.otherCa}}) {
        result =
            runProcess(gatewaysPath, list + extra + QStringList{QStringLiteral("--verbose")}, env);
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.out.isEmpty());
        QVERIFY2(result.err.contains("TlsError") && result.err.contains("certificate"),
                 result.err.constData());
        // One attempt per page: a certificate problem is not retried.
        QVERIFY2(result.err.contains("(attempt 1): TlsError"), result.err.constData());
        QVERIFY2(!result.err.contains("(attempt 2)"), result.err.constData());
    }

    // An unusable --ca-file is a usage error.
    QFile garbage(m_tlsDir.filePath(QStringLiteral("garbage.pem")));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("not a certificate\n");
    garbage.close();
    for (const QString &bad :
         {garbage.fileName(), m_tlsDir.filePath(QStringLiteral("none.pem")), QString()}) {
        result =
            runProcess(gatewaysPath, list + QStringList{QStringLiteral("--ca-file"), bad}, env);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.isEmpty());
        QVERIFY2(result.err.startsWith("dbs-gateways: "), result.err.constData());
        if (!bad.isEmpty())
            QVERIFY2(result.err.contains(bad.toUtf8()), result.err.constData());
    }

    simulator.terminate();
    QVERIFY(simulator.waitForFinished(10000));
    QCOMPARE(simulator.exitCode(), 0);
}

namespace {
// A dbs-simulator process with these flags; its base URL, or empty when it did not start.
QString startSimulatorProcess(QProcess &process, const QStringList &args)
{
    process.start(simulatorPath, args);
    if (!process.waitForReadyRead(10000))
        return {};
    const QByteArray line = process.readLine().trimmed();
    if (!line.startsWith("listening on "))
        return {};
    return QString::fromLatin1(line.mid(int(qstrlen("listening on "))));
}
} // namespace

void TestExecutables::hostileServerIsOneLine_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QByteArray>("code");
    QTest::newRow("huge") << QStringLiteral("huge=1") << QByteArray("ResponseTooLarge");
    QTest::newRow("huge-chunked") << QStringLiteral("huge-chunked=1")
                                  << QByteArray("ResponseTooLarge");
    QTest::newRow("redirect") << QStringLiteral("redirect=1") << QByteArray("Redirected");
    QTest::newRow("deep-nesting") << QStringLiteral("deep-nesting=1")
                                  << QByteArray("MalformedResponse");
    QTest::newRow("reset-mid-body")
        << QStringLiteral("reset-mid-body=1") << QByteArray("NetworkError");
}

void TestExecutables::hostileServerIsOneLine()
{
    // Through the command: exit 1, one line on stderr naming the failure, nothing on stdout,
    // no output file, and within a bounded time.
    QFETCH(QString, fault);
    QFETCH(QByteArray, code);
    QProcess simulator;
    const QString url = startSimulatorProcess(
        simulator,
        {QStringLiteral("--gateways"), QStringLiteral("300"), QStringLiteral("--access-key"),
         QStringLiteral("LTAIcli:cli-secret"), QStringLiteral("--fault"), fault});
    QVERIFY(!url.isEmpty());
    const QString output = m_home.filePath(QStringLiteral("hostile.json"));
    QElapsedTimer timer;
    timer.start();
    const Result result = runProcess(gatewaysPath,
                                     {QStringLiteral("list"), QStringLiteral("--region"),
                                      QStringLiteral("cn-hangzhou"), QStringLiteral("--endpoint"),
                                      url, QStringLiteral("--output"), output},
                                     credentialEnvironment(QStringLiteral("cli-secret")));
    QVERIFY2(timer.elapsed() < 45000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(result.status, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(result.err.count('\n'), 1);
    QVERIFY2(result.err.startsWith("dbs-gateways: ") && result.err.contains(code),
             result.err.constData());
    QVERIFY(!QFile::exists(output));
    simulator.terminate();
    QVERIFY(simulator.waitForFinished(10000));
}

void TestExecutables::secretsAppearNowhere()
{
    // dbs-gateways with a distinctive secret and STS token, V1 and V3, json and csv, stdout and
    // --output, --verbose, succeeding and failing (wrong secret: the V1 error echoes the
    // string to sign, token included; a redirect whose Location echoes the signed query; an
    // STS key without its token). Everything written is searched afterwards: stdout, stderr
    // (the simulators' too), and every file under a private HOME, XDG directories and TMPDIR.
    // Crash output is not covered (no crash handler writes anything of ours).
    const QByteArray secret = "Zq7SECRETkq2LmN0pXyTw";
    const QByteArray token = "STStoken+/=Xk9Vq2TOKEN8hJ";
    const QString keyFlag = QStringLiteral("LTAIsts:%1:%2")
                                .arg(QString::fromLatin1(secret), QString::fromLatin1(token));
    QProcess plain, redirecting;
    const QString url =
        startSimulatorProcess(plain, {QStringLiteral("--gateways"), QStringLiteral("200"),
                                      QStringLiteral("--access-key"), keyFlag});
    const QString redirectUrl = startSimulatorProcess(
        redirecting,
        {QStringLiteral("--gateways"), QStringLiteral("200"), QStringLiteral("--access-key"),
         keyFlag, QStringLiteral("--fault"), QStringLiteral("redirect=1")});
    QVERIFY(!url.isEmpty() && !redirectUrl.isEmpty());

    QTemporaryDir root;
    QVERIFY(root.isValid());
    QProcessEnvironment env = cleanEnvironment(root.filePath(QStringLiteral("home")));
    for (const char *dir : {"home", "config", "cache", "data", "state", "runtime", "tmp", "out"})
        QVERIFY(QDir(root.path()).mkpath(QString::fromLatin1(dir)));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), root.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), root.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), root.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), root.filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), root.filePath(QStringLiteral("runtime")));
    env.insert(QStringLiteral("TMPDIR"), root.filePath(QStringLiteral("tmp")));
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QStringLiteral("LTAIsts"));

    QByteArray written; // every stdout and stderr
    int runs = 0, succeeded = 0;
    struct Case
    {
        QString endpoint;
        QByteArray secret;
        QByteArray token;
        bool succeeds;
    };
    const QList<Case> cases = {
        {url, secret, token, true},
        {url, "wrong" + secret, token, false},
        {url, secret, QByteArray(), false},
        {redirectUrl, secret, token, false},
    };
    for (const Case &c : cases) {
        QProcessEnvironment caseEnv = env;
        caseEnv.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
                       QString::fromLatin1(c.secret));
        if (!c.token.isEmpty())
            caseEnv.insert(QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN"),
                           QString::fromLatin1(c.token));
        for (const QString &signature : {QStringLiteral("v1"), QStringLiteral("v3")}) {
            for (const QString &format : {QStringLiteral("json"), QStringLiteral("csv")}) {
                for (const bool toFile : {false, true}) {
                    QStringList args = {QStringLiteral("list"),
                                        QStringLiteral("--region"),
                                        QStringLiteral("cn-hangzhou"),
                                        QStringLiteral("--endpoint"),
                                        c.endpoint,
                                        QStringLiteral("--signature"),
                                        signature,
                                        QStringLiteral("--format"),
                                        format,
                                        QStringLiteral("--verbose")};
                    if (toFile)
                        args << QStringLiteral("--output")
                             << root.filePath(
                                    QStringLiteral("out/%1-%2-%3.%4")
                                        .arg(runs)
                                        .arg(signature, c.succeeds ? "ok" : "fail", format));
                    const Result result = runProcess(gatewaysPath, args, caseEnv);
                    ++runs;
                    QCOMPARE(result.status, QProcess::NormalExit);
                    QCOMPARE(result.exitCode, c.succeeds ? 0 : 1);
                    succeeded += result.exitCode == 0;
                    // --verbose logged each request.
                    QVERIFY2(result.err.contains("POST "), result.err.constData());
                    written += result.out + '\n' + result.err + '\n';
                }
            }
        }
    }
    QCOMPARE(succeeded, 8);
    plain.terminate();
    redirecting.terminate();
    QVERIFY(plain.waitForFinished(10000) && redirecting.waitForFinished(10000));
    written += plain.readAll() + plain.readAllStandardError() + redirecting.readAll() +
               redirecting.readAllStandardError();

    QList<QByteArray> needles = {secret, token, QByteArray("STStoken%2B%2F%3D"),
                                 QByteArray("STStoken%252B")};
    needles.removeAll(QByteArray());
    for (const QByteArray &needle : std::as_const(needles))
        QVERIFY2(!written.contains(needle), needle.constData());
    const QStringList files = fixture::filesContaining(root.path(), needles);
    QVERIFY2(files.isEmpty(), qPrintable(files.join(QStringLiteral(", "))));
    // Every signature in the logs is redacted; no Authorization header value appears.
    for (qsizetype at = written.indexOf("Signature="); at >= 0;
         at = written.indexOf("Signature=", at + 1))
        QVERIFY2(written.mid(at, 13) == "Signature=***", written.mid(at, 60).constData());
    // (The V3 error's "server string to sign" names the algorithm and a hash of the canonical
    // request, not a secret; the Authorization value would carry Credential= and
    // SignedHeaders=.)
    QVERIFY(!written.contains("SignedHeaders="));
    QVERIFY(!written.contains("Credential=LTAIsts"));
    // The outputs were written (the search looked at real files).
    QVERIFY(QDir(root.filePath(QStringLiteral("out"))).entryList(QDir::Files).size() >= 4);
}

void TestExecutables::listAllRegionsIsPartialWhenSomeFail()
{
    QProcess simulator;
    const QString url = startSimulatorProcess(
        simulator, {QStringLiteral("--gateways"), QStringLiteral("200"),
                    QStringLiteral("--regions"), QStringLiteral("cn-hangzhou,cn-beijing"),
                    QStringLiteral("--deny-region"), QStringLiteral("cn-beijing")});
    QVERIFY(!url.isEmpty());
    QProcessEnvironment env = cleanEnvironment(m_home.path());
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"),
               QString::fromLatin1(dbs::demoAccessKeyId));
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
               QString::fromLatin1(dbs::demoAccessKeySecret));
    const auto inventory = dbs::generateInventory(200, 1, {"cn-hangzhou", "cn-beijing"}, 0);
    const auto count = [&inventory](const char *region) {
        return int(std::count_if(inventory.begin(), inventory.end(), [region](const auto &g) {
            return g.region == QLatin1String(region);
        }));
    };

    // One region refused: exit 3, the others' gateways all there, the refused one named.
    Result result = runProcess(gatewaysPath,
                               {QStringLiteral("list"), QStringLiteral("--region"),
                                QStringLiteral("all"), QStringLiteral("--endpoint"), url},
                               env);
    QCOMPARE(result.exitCode, 3);
    QCOMPARE(QJsonDocument::fromJson(result.out).array().size(), count("cn-hangzhou"));
    QVERIFY2(result.err.contains("cn-beijing: Forbidden.RAM"), result.err.constData());
    QVERIFY(result.err.contains("partial"));
    QVERIFY(!result.err.contains("cn-hangzhou"));

    simulator.terminate();
    simulator.waitForFinished();

    // Every region refused: exit 1, nothing on standard output, every region named.
    QStringList denyAll;
    for (const QString &region : dbs::endpoints::regionIds())
        denyAll.append(QStringLiteral("--deny-region=") + region);
    const QString deniedUrl = startSimulatorProcess(simulator, denyAll);
    QVERIFY(!deniedUrl.isEmpty());
    result = runProcess(gatewaysPath,
                        {QStringLiteral("list"), QStringLiteral("--region"), QStringLiteral("all"),
                         QStringLiteral("--endpoint"), deniedUrl},
                        env);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(int(result.err.count("Forbidden.RAM")), int(dbs::endpoints::regionIds().size()));
    simulator.terminate();
    simulator.waitForFinished();
}

void TestExecutables::listEveryGatewayOnce_data()
{
    QTest::addColumn<int>("pageBase");
    QTest::addColumn<int>("gateways");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<bool>("allRegions");
    for (int base : {0, 1}) {
        for (const auto &[gateways, pageSize] :
             {std::pair{0, 30}, {30, 30}, {31, 30}, {237, 100}}) {
            for (bool all : {false, true})
                QTest::addRow("--page-base %d, %d gateways, %d a page%s", base, gateways, pageSize,
                              all ? ", --region all" : "")
                    << base << gateways << pageSize << all;
        }
    }
}

void TestExecutables::listEveryGatewayOnce()
{
    // dbs-simulator --page-base 0|1 and dbs-gateways list, both as processes: every gateway
    // exactly once, whichever number the service gives its first page.
    QFETCH(int, pageBase);
    QFETCH(int, gateways);
    QFETCH(int, pageSize);
    QFETCH(bool, allRegions);
    QProcess simulator;
    const QString url = startSimulatorProcess(
        simulator, {QStringLiteral("--gateways"), QString::number(gateways),
                    QStringLiteral("--regions"), QStringLiteral("cn-hangzhou,cn-beijing"),
                    QStringLiteral("--page-base"), QString::number(pageBase)});
    QVERIFY(!url.isEmpty());
    QProcessEnvironment env = cleanEnvironment(m_home.path());
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"),
               QString::fromLatin1(dbs::demoAccessKeyId));
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
               QString::fromLatin1(dbs::demoAccessKeySecret));
    const Result result =
        runProcess(gatewaysPath,
                   {QStringLiteral("list"), QStringLiteral("--region"),
                    allRegions ? QStringLiteral("all") : QStringLiteral("cn-beijing"),
                    QStringLiteral("--endpoint"), url, QStringLiteral("--page-size"),
                    QString::number(pageSize)},
                   env);
    simulator.terminate();
    simulator.waitForFinished();
    QCOMPARE(result.exitCode, 0);
    QStringList listed;
    for (const QJsonValue &value : QJsonDocument::fromJson(result.out).array())
        listed.append(value.toObject().value(QStringLiteral("BackupGatewayId")).toString());
    QStringList expected;
    for (const auto &gateway :
         dbs::generateInventory(gateways, 1, {"cn-hangzhou", "cn-beijing"}, 0)) {
        if (allRegions || gateway.region == u"cn-beijing")
            expected.append(gateway.backupGatewayId);
    }
    QCOMPARE(QSet<QString>(listed.cbegin(), listed.cend()).size(), listed.size()); // each once
    listed.sort();
    expected.sort();
    QCOMPARE(listed, expected);
}

void TestExecutables::listFiltersAndColumns()
{
    const QProcessEnvironment env = credentialEnvironment(QStringLiteral("cli-secret"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto inventory = dbs::generateInventory(300, 7, {}, now);
    int offline = 0, staleOrOffline = 0;
    for (const auto &g : inventory) {
        if (g.region != u"cn-hangzhou")
            continue;
        offline += g.status == u"OFFLINE";
        const bool stale = g.status == u"ONLINE" && now - g.lastHeartbeatTime > 5 * 60 * 1000;
        staleOrOffline += g.status == u"OFFLINE" || stale;
    }
    QVERIFY(offline > 0 && staleOrOffline > offline);
    const QStringList base{QStringLiteral("list"),
                           QStringLiteral("--region"),
                           QStringLiteral("cn-hangzhou"),
                           QStringLiteral("--endpoint"),
                           m_url,
                           QStringLiteral("--format"),
                           QStringLiteral("csv")};

    Result result =
        runProcess(gatewaysPath,
                   base + QStringList{QStringLiteral("--status"), QStringLiteral("offline"),
                                      QStringLiteral("--columns"),
                                      QStringLiteral("BackupGatewayStatus,BackupGatewayId")},
                   env);
    QCOMPARE(result.exitCode, 0);
    QList<QByteArray> lines = result.out.trimmed().split('\n');
    QCOMPARE(lines.first().trimmed(), QByteArray("BackupGatewayStatus,BackupGatewayId"));
    QCOMPARE(lines.size() - 1, offline);
    for (const QByteArray &line : lines.mid(1))
        QVERIFY2(line.startsWith("OFFLINE,"), line.constData());

    // --status and --stale-after together: either one (the browser's status filter).
    result = runProcess(gatewaysPath,
                        base + QStringList{QStringLiteral("--status"), QStringLiteral("OFFLINE"),
                                           QStringLiteral("--stale-after"), QStringLiteral("5m")},
                        env);
    QCOMPARE(result.exitCode, 0);
    lines = result.out.trimmed().split('\n');
    // The simulator's inventory was generated a moment before ours: a heartbeat right at the
    // threshold may fall either side, so allow one.
    QVERIFY2(qAbs(int(lines.size() - 1) - staleOrOffline) <= 1,
             qPrintable(QStringLiteral("%1 vs %2").arg(lines.size() - 1).arg(staleOrOffline)));
}

void TestExecutables::watchPrintsChangesUntilInterrupted()
{
    QProcess simulator;
    const QString url = startSimulatorProcess(
        simulator,
        {QStringLiteral("--gateways"), QStringLiteral("100"), QStringLiteral("--regions"),
         QStringLiteral("cn-hangzhou"), QStringLiteral("--churn"), QStringLiteral("20")});
    QVERIFY(!url.isEmpty());
    QProcessEnvironment env = cleanEnvironment(m_home.path());
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"),
               QString::fromLatin1(dbs::demoAccessKeyId));
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
               QString::fromLatin1(dbs::demoAccessKeySecret));
    QProcess watch;
    watch.setProcessEnvironment(env);
    watch.start(gatewaysPath, {QStringLiteral("watch"), QStringLiteral("--region"),
                               QStringLiteral("cn-hangzhou"), QStringLiteral("--endpoint"), url,
                               QStringLiteral("--interval"), QStringLiteral("1s")});
    QVERIFY(watch.waitForStarted());
    // Lines come out as changes are seen, not at exit: a script can react to each one.
    QElapsedTimer waited;
    waited.start();
    while (watch.bytesAvailable() == 0 && waited.elapsed() < 15000)
        watch.waitForReadyRead(500);
    QVERIFY(watch.canReadLine());
    ::kill(pid_t(watch.processId()), SIGINT);
    QVERIFY(watch.waitForFinished(10000));
    QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
    QCOMPARE(watch.exitCode(), 0);
    const QList<QByteArray> lines = watch.readAllStandardOutput().trimmed().split('\n');
    const QSet<QString> kinds{"added", "removed", "status", "stale", "recovered"};
    for (const QByteArray &line : lines) {
        const QJsonObject change = QJsonDocument::fromJson(line).object();
        QVERIFY2(kinds.contains(change.value("change").toString()), line.constData());
        QVERIFY(!change.value("id").toString().isEmpty());
        QCOMPARE(change.value("region").toString(), QStringLiteral("cn-hangzhou"));
    }
    QVERIFY(watch.readAllStandardError().contains("watching"));
    simulator.terminate();
    simulator.waitForFinished();
}

namespace {
std::unique_ptr<dbs::Simulator> startInProcess(int gateways)
{
    dbs::SimulatorOptions options;
    options.gateways = gateways;
    options.regions = {QStringLiteral("cn-hangzhou")};
    return fixture::startSimulator(options);
}
} // namespace

void TestExecutables::watchEndsWhenItsReaderIsGone_data()
{
    QTest::addColumn<double>("churn");
    QTest::addColumn<QString>("reader");
    QTest::addColumn<int>("latencyMs");
    QTest::addColumn<int>("withinMs");
    // head takes one change and goes: the next write meets a closed pipe.
    QTest::newRow("| head -n 1, changes go on")
        << 20.0 << QStringLiteral("head -n 1") << 0 << 15000;
    // true reads nothing and goes; nothing changes, so nothing is ever written: the watch has
    // to notice on its own.
    QTest::newRow("| true, nothing to write") << 0.0 << QStringLiteral("true") << 0 << 15000;
    // A look that takes longer than the interval (a slow service): it notices while the look
    // is still under way, not only when it ends.
    QTest::newRow("| true, a look of 12 s") << 0.0 << QStringLiteral("true") << 12000 << 8000;
}

void TestExecutables::watchEndsWhenItsReaderIsGone()
{
    // Once its reader is gone, watch ends within an interval, quietly (EPIPE is not worth a
    // message, as in other Unix tools), with exit 1.
    QFETCH(double, churn);
    QFETCH(QString, reader);
    QFETCH(int, latencyMs);
    QFETCH(int, withinMs);
    dbs::SimulatorOptions options;
    options.gateways = 100;
    options.regions = {QStringLiteral("cn-hangzhou")};
    options.churnPerSecond = 20;
    options.latencyMs = latencyMs;
    dbs::Simulator simulator(options);
    simulator.setChurnPerSecond(churn);
    QString error;
    QVERIFY2(simulator.start(&error), qPrintable(error));
    QProcess shell;
    shell.setProcessEnvironment(demoEnvironment(m_home.path()));
    const QString pipeline =
        QStringLiteral(
            "'%1' watch --region cn-hangzhou --endpoint %2 --interval 1s 2>watch.err | %3; "
            "echo \"watch exited ${PIPESTATUS[0]}\" >&2")
            .arg(gatewaysPath, simulator.baseUrl(), reader);
    shell.setWorkingDirectory(m_home.path());
    QElapsedTimer timer;
    timer.start();
    shell.start(QStringLiteral("bash"), {QStringLiteral("-c"), pipeline});
    QVERIFY2(shell.waitForFinished(20000), "watch ran on with no one to read it");
    qInfo("the pipeline ended after %lld ms", timer.elapsed());
    QVERIFY2(timer.elapsed() < withinMs, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(shell.exitStatus(), QProcess::NormalExit);
    QCOMPARE(shell.readAllStandardError().trimmed(), QByteArray("watch exited 1"));
    QFile err(QDir(m_home.path()).filePath(QStringLiteral("watch.err")));
    QVERIFY(err.open(QIODevice::ReadOnly));
    const QByteArray said = err.readAll();
    QVERIFY2(!said.contains("cannot write"), said.constData());
}

void TestExecutables::watchFailsWhenOutputFails()
{
    // `> /dev/full`: the first change it cannot write ends it, saying why.
    dbs::SimulatorOptions options;
    options.gateways = 100;
    options.regions = {QStringLiteral("cn-hangzhou")};
    options.churnPerSecond = 20;
    dbs::Simulator simulator(options);
    QString error;
    QVERIFY2(simulator.start(&error), qPrintable(error));
    QProcessEnvironment env = cleanEnvironment(m_home.path());
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"),
               QString::fromLatin1(dbs::demoAccessKeyId));
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
               QString::fromLatin1(dbs::demoAccessKeySecret));
    QProcess watch;
    watch.setProcessEnvironment(env);
    watch.setStandardOutputFile(QStringLiteral("/dev/full"));
    watch.start(gatewaysPath,
                {QStringLiteral("watch"), QStringLiteral("--region"), QStringLiteral("cn-hangzhou"),
                 QStringLiteral("--endpoint"), simulator.baseUrl(), QStringLiteral("--interval"),
                 QStringLiteral("1s")});
    QVERIFY2(watch.waitForFinished(20000), "watch ran on writing to a full disk");
    QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
    QCOMPARE(watch.exitCode(), 1);
    const QByteArray err = watch.readAllStandardError();
    QVERIFY2(err.contains("dbs-gateways: cannot write the output: No space left on device"),
             err.constData());
}

void TestExecutables::listOutputToStandardOutputAndDevices_data()
{
    QTest::addColumn<QString>("output");
    QTest::newRow("-") << QStringLiteral("-");
    QTest::newRow("/dev/stdout (a pipe here)") << QStringLiteral("/dev/stdout");
}

void TestExecutables::listOutputToStandardOutputAndDevices()
{
    // Not regular files: written directly (a save-and-rename would fail, or replace the device).
    QFETCH(QString, output);
    const auto simulator = startInProcess(70);
    const Result result = runProcess(gatewaysPath,
                                     {QStringLiteral("list"), QStringLiteral("--region"),
                                      QStringLiteral("cn-hangzhou"), QStringLiteral("--endpoint"),
                                      simulator->baseUrl(), QStringLiteral("--output"), output},
                                     demoEnvironment(m_home.path()));
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    QCOMPARE(QJsonDocument::fromJson(result.out).array().size(), 70);
}

void TestExecutables::listOutputToRedirectedStandardOutputAppends_data()
{
    QTest::addColumn<QString>("output");
    QTest::newRow("/dev/stdout") << QStringLiteral("/dev/stdout");
    QTest::newRow("/proc/self/fd/1") << QStringLiteral("/proc/self/fd/1");
}

void TestExecutables::listOutputToRedirectedStandardOutputAppends()
{
    // `--output /dev/stdout >> log`: the list is appended to what the log held, in the same file
    // (not a new one saved over it).
    QFETCH(QString, output);
    const auto simulator = startInProcess(40);
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("app.log"));
    const QString script = QStringLiteral("echo first > \"$1\"; inode=$(stat -c %i \"$1\"); "
                                          "\"$2\" list --region cn-hangzhou --endpoint \"$3\" "
                                          "--output \"$4\" >> \"$1\" || exit $?; "
                                          "[ \"$(stat -c %i \"$1\")\" = \"$inode\" ]");
    const Result result = runProcess(QStringLiteral("bash"),
                                     {QStringLiteral("-c"), script, QStringLiteral("bash"), log,
                                      gatewaysPath, simulator->baseUrl(), output},
                                     demoEnvironment(m_home.path()));
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    QFile file(log);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray contents = file.readAll();
    QVERIFY2(contents.startsWith("first\n"), contents.left(200).constData());
    QCOMPARE(QJsonDocument::fromJson(contents.mid(6)).array().size(), 40);
}

void TestExecutables::listSpreadsheetIsTheBrowsersExport()
{
    // --format csv --spreadsheet writes exactly what the browser's export writes for the same
    // gateways, formula-like names neutralised; plain csv keeps the API's values.
    const auto simulator = startInProcess(120);
    const QStringList base{QStringLiteral("list"),        QStringLiteral("--region"),
                           QStringLiteral("cn-hangzhou"), QStringLiteral("--endpoint"),
                           simulator->baseUrl(),          QStringLiteral("--format"),
                           QStringLiteral("csv")};
    const Result sheet =
        runProcess(gatewaysPath, base + QStringList{QStringLiteral("--spreadsheet")},
                   demoEnvironment(m_home.path()));
    QCOMPARE(sheet.exitCode, 0);
    QBuffer expected;
    expected.open(QIODevice::WriteOnly);
    const QVector<dbs::BackupGateway> gateways =
        simulator->gatewaysIn(QStringLiteral("cn-hangzhou"));
    QVERIFY(dbs::writeGatewaysCsv(&expected,
                                  QList<dbs::BackupGateway>(gateways.cbegin(), gateways.cend()),
                                  dbs::GatewayCsvOptions())
                .ok);
    QCOMPARE(sheet.out, expected.data());
    QVERIFY(sheet.out.startsWith("\xEF\xBB\xBF")); // the byte-order mark
    const Result plain = runProcess(gatewaysPath, base, demoEnvironment(m_home.path()));
    QCOMPARE(plain.exitCode, 0);
    QVERIFY(!plain.out.startsWith("\xEF\xBB\xBF"));
    QVERIFY(plain.out.startsWith("BackupGatewayId,"));
}

void TestExecutables::listTableFitsTheTerminal()
{
    // On a terminal (here a pseudo-terminal made by script(1)) the table fits COLUMNS; piped,
    // or with --wide, every column is whole.
    const auto simulator = startInProcess(40);
    const QString command =
        QStringLiteral("%1 list --region cn-hangzhou --endpoint %2 --format table")
            .arg(gatewaysPath, simulator->baseUrl());
    QProcessEnvironment env = demoEnvironment(m_home.path());
    env.insert(QStringLiteral("COLUMNS"), QStringLiteral("72"));
    const auto widest = [](const QByteArray &out) {
        int widest = 0;
        for (const QByteArray &line : out.split('\n'))
            widest = std::max(widest, dbs::displayWidth(QString::fromUtf8(line).remove(u'\r')));
        return widest;
    };
    const Result onTerminal =
        runProcess(QStringLiteral("script"),
                   {QStringLiteral("-qec"), command, QStringLiteral("/dev/null")}, env);
    QCOMPARE(onTerminal.exitCode, 0);
    QVERIFY2(widest(onTerminal.out) <= 72, onTerminal.out.left(400).constData());
    QVERIFY(onTerminal.out.contains("\xE2\x80\xA6")); // something was shortened with "…"
    QVERIFY(QString::fromUtf8(onTerminal.out).split(u'\n').size() >= 41);
    const Result wide = runProcess(
        QStringLiteral("script"),
        {QStringLiteral("-qec"), command + QStringLiteral(" --wide"), QStringLiteral("/dev/null")},
        env);
    QCOMPARE(wide.exitCode, 0);
    QVERIFY(widest(wide.out) > 72);
    const Result piped = runProcess(gatewaysPath, QProcess::splitCommand(command).mid(1), env);
    QCOMPARE(piped.exitCode, 0);
    QCOMPARE(widest(piped.out), widest(wide.out));
    QVERIFY(!piped.out.contains("\xE2\x80\xA6"));
}

QTEST_GUILESS_MAIN(TestExecutables)
#include "tst_executables.moc"
