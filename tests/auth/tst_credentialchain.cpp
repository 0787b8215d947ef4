#include "environment.h"
#include <auth/cappedfile.h>
#include <auth/cliprofiles.h>
#include <auth/credentialchain.h>
#include <auth/credentialsfile.h>
#include <auth/environmentsource.h>
#include <auth/iniparser.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using dbs::SourceResult;
using Status = dbs::SourceResult::Status;

Q_DECLARE_METATYPE(dbs::SourceResult::Status)

namespace {
// Every fixture's secret and token contain these, so a leak into a message is easy to catch.
constexpr char secretMark[] = "S3CR3T";
constexpr char tokenMark[] = "T0K3N";

using fixture::writeFile;

bool leaksSecret(const QString &text)
{
    return text.contains(QLatin1String(secretMark)) || text.contains(QLatin1String(tokenMark));
}

// "[name]k=v,k=v" per section, joined by ' '.
QString dump(const dbs::IniDocument &doc)
{
    QStringList parts;
    for (const auto &section : doc.sections) {
        QStringList values;
        for (auto it = section.values.cbegin(); it != section.values.cend(); ++it)
            values.append(it.key() + u'=' + it.value());
        parts.append(u'[' + section.name + u']' + values.join(u','));
    }
    return parts.join(u' ');
}

// "name|mode|region|usable|current" per profile, joined by ' '.
QString dump(const dbs::CliProfileList &list)
{
    QStringList parts;
    for (const auto &p : list.profiles) {
        parts.append(QStringList{p.name, p.mode, p.regionId, p.usable ? "usable" : "unusable",
                                 p.isCurrent ? "current" : "-"}
                         .join(u'|'));
    }
    return parts.join(u' ');
}

const QByteArray akProfile = R"({"name":"dev","mode":"AK","access_key_id":"LTAIdev",)"
                             R"("access_key_secret":"dev-S3CR3T","region_id":"cn-hangzhou"})";
const QByteArray stsProfile =
    R"({"name":"sts","mode":"StsToken","access_key_id":"STS.id","access_key_secret":)"
    R"("sts-S3CR3T","sts_token":"sts-T0K3N","region_id":"cn-shanghai"})";
const QByteArray roleProfile =
    R"({"name":"role","mode":"RamRoleArn","access_key_id":"LTAIrole","access_key_secret":)"
    R"("role-S3CR3T","ram_role_arn":"acs:ram::1:role/x","region_id":"cn-beijing"})";

QByteArray cliConfig(const QByteArray &current, const QList<QByteArray> &profiles)
{
    QByteArray json = "{";
    if (!current.isNull())
        json += "\"current\":\"" + current + "\",";
    QByteArray list;
    for (const QByteArray &p : profiles)
        list += (list.isEmpty() ? "" : ",") + p;
    return json + "\"profiles\":[" + list + "],\"meta_path\":\"\"}";
}
} // namespace

class TestCredentialChain : public QObject
{
    Q_OBJECT

private slots:
    void environment_data();
    void environment();
    void parseIni_data();
    void parseIni();
    void credentialsIni_data();
    void credentialsIni();
    void credentialsFilePath();
    void cliProfile_data();
    void cliProfile();
    void listCliProfiles_data();
    void listCliProfiles();
    void listCliProfilesFromHome();
    void readCappedFile();
    void chain_data();
    void chain();
    void chainFileErrors();
};

void TestCredentialChain::environment_data()
{
    QTest::addColumn<QStringList>("vars");
    QTest::addColumn<Status>("status");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("nothing") << QStringList{"HOME=/x"} << Status::Absent << ""
                             << ""
                             << "are not set";
    QTest::newRow("all empty") << QStringList{"ALIBABA_CLOUD_ACCESS_KEY_ID=",
                                              "ALIBABA_CLOUD_ACCESS_KEY_SECRET="}
                               << Status::Absent << ""
                               << ""
                               << "are not set";
    QTest::newRow("ak") << QStringList{"ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIenv",
                                       "ALIBABA_CLOUD_ACCESS_KEY_SECRET=env-S3CR3T"}
                        << Status::Found << "LTAIenv"
                        << ""
                        << "";
    QTest::newRow("sts") << QStringList{"ALIBABA_CLOUD_ACCESS_KEY_ID=STS.env",
                                        "ALIBABA_CLOUD_ACCESS_KEY_SECRET=env-S3CR3T",
                                        "ALIBABA_CLOUD_SECURITY_TOKEN=env-T0K3N"}
                         << Status::Found << "STS.env"
                         << "env-T0K3N"
                         << "";
    QTest::newRow("whitespace trimmed")
        << QStringList{"ALIBABA_CLOUD_ACCESS_KEY_ID= LTAIenv\n",
                       "ALIBABA_CLOUD_ACCESS_KEY_SECRET=env-S3CR3T "}
        << Status::Found << "LTAIenv"
        << ""
        << "";
    QTest::newRow("id without secret")
        << QStringList{"ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIenv"} << Status::Failed << ""
        << ""
        << "ALIBABA_CLOUD_ACCESS_KEY_SECRET is not";
    QTest::newRow("secret without id")
        << QStringList{"ALIBABA_CLOUD_ACCESS_KEY_SECRET=env-S3CR3T"} << Status::Failed << ""
        << ""
        << "ALIBABA_CLOUD_ACCESS_KEY_ID is not";
    QTest::newRow("secret with empty id")
        << QStringList{"ALIBABA_CLOUD_ACCESS_KEY_ID=", "ALIBABA_CLOUD_ACCESS_KEY_SECRET=env-S3CR3T"}
        << Status::Failed << ""
        << ""
        << "ALIBABA_CLOUD_ACCESS_KEY_ID is not";
    QTest::newRow("token only") << QStringList{"ALIBABA_CLOUD_SECURITY_TOKEN=env-T0K3N"}
                                << Status::Failed << ""
                                << ""
                                << "ALIBABA_CLOUD_SECURITY_TOKEN is set";
}

void TestCredentialChain::environment()
{
    QFETCH(QStringList, vars);
    QFETCH(Status, status);
    QFETCH(QString, id);
    QFETCH(QString, token);
    QFETCH(QString, messagePart);

    const SourceResult result = dbs::fromEnvironment(fixture::environment(vars));
    QCOMPARE(result.status, status);
    QCOMPARE(result.credential.accessKeyId, id);
    QCOMPARE(result.credential.securityToken, token);
    QVERIFY(!leaksSecret(result.message));
    if (status == Status::Found) {
        QCOMPARE(result.credential.accessKeySecret, QStringLiteral("env-S3CR3T"));
        QCOMPARE(result.credential.source, QStringLiteral("environment"));
        QVERIFY(result.message.isEmpty());
    } else {
        QVERIFY(!result.credential.isValid());
        QVERIFY2(result.message.contains(messagePart), qPrintable(result.message));
    }
}

void TestCredentialChain::parseIni_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected"); // dump(), when it parses
    QTest::addColumn<int>("errorLine");    // 0: parses; -1: fails without a line

    QTest::newRow("empty") << QByteArray() << "" << 0;
    QTest::newRow("basic") << QByteArray("[default]\ntype = access_key\naccess_key_id = a\n")
                           << "[default]access_key_id=a,type=access_key" << 0;
    QTest::newRow("crlf bom") << QByteArray("\xEF\xBB\xBF[default]\r\nk = v\r\n[p]\r\nk=w\r\n")
                              << "[default]k=v [p]k=w" << 0;
    QTest::newRow("bare cr") << QByteArray("[a]\rk=v\r") << "[a]k=v" << 0;
    QTest::newRow("comments and blanks")
        << QByteArray("; top\n# also\n\n  [ a ]  ; why\n  k  =  v  \n\t# indented\n") << "[a]k=v"
        << 0;
    QTest::newRow("inline comment")
        << QByteArray("[a]\nk = v ; note\nm = w # note\n") << "[a]k=v,m=w" << 0;
    QTest::newRow("hash inside value kept") << QByteArray("[a]\nk = v#1;2\n") << "[a]k=v#1;2" << 0;
    QTest::newRow("equals in value") << QByteArray("[a]\nk = ab==\n") << "[a]k=ab==" << 0;
    QTest::newRow("double quotes")
        << QByteArray("[a]\nk = \" v ; x \" ; c\n") << "[a]k= v ; x " << 0;
    QTest::newRow("single quotes") << QByteArray("[a]\nk='v'\n") << "[a]k=v" << 0;
    QTest::newRow("empty value") << QByteArray("[a]\nk =\n") << "[a]k=" << 0;
    QTest::newRow("keys lower-cased") << QByteArray("[A]\nKey = V\n") << "[A]key=V" << 0;
    QTest::newRow("repeated key last wins") << QByteArray("[a]\nk=1\nk=2\n") << "[a]k=2" << 0;
    QTest::newRow("repeated section merged")
        << QByteArray("[a]\nk=1\n[b]\n[a]\nm=2\n") << "[a]k=1,m=2 [b]" << 0;
    QTest::newRow("keys before section") << QByteArray("k=v\n[a]\n") << "[]k=v [a]" << 0;
    QTest::newRow("utf8 value") << QByteArray("[a]\nk = \xE4\xB8\xAD\n")
                                << QString::fromUtf8("[a]k=\xE4\xB8\xAD") << 0;

    QTest::newRow("no equals") << QByteArray("[a]\nk=v\naccess_key_secret S3CR3T\n") << "" << 3;
    QTest::newRow("unclosed header") << QByteArray("[default\nk=v\n") << "" << 1;
    QTest::newRow("empty header") << QByteArray("[ ]\n") << "" << 1;
    QTest::newRow("text after header") << QByteArray("[a] b\n") << "" << 1;
    QTest::newRow("empty key") << QByteArray("[a]\n = S3CR3T\n") << "" << 2;
    QTest::newRow("unclosed quote") << QByteArray("[a]\r\n\r\nk = \"S3CR3T\r\n") << "" << 3;
    QTest::newRow("text after quote") << QByteArray("[a]\nk = \"v\" S3CR3T\n") << "" << 2;
    QTest::newRow("invalid utf8") << QByteArray("[a]\nk = \xFF\xFE\xFD\n") << "" << -1;
    QTest::newRow("utf16") << QByteArray("\xFF\xFE[\0a\0]\0", 8) << "" << -1;
}

void TestCredentialChain::parseIni()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QFETCH(int, errorLine);

    const dbs::IniDocument doc = dbs::parseIni(content);
    if (errorLine == 0) {
        QVERIFY2(doc.ok(), qPrintable(doc.error));
        QCOMPARE(dump(doc), expected);
    } else {
        QVERIFY(!doc.ok());
        QCOMPARE(doc.errorLine, qMax(errorLine, 0));
        QVERIFY(!leaksSecret(doc.error));
        if (errorLine > 0)
            QVERIFY2(doc.error.contains(QStringLiteral("line %1").arg(errorLine)),
                     qPrintable(doc.error));
    }
}

void TestCredentialChain::credentialsIni_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("profile"); // ALIBABA_CLOUD_PROFILE
    QTest::addColumn<Status>("status");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("text"); // source when Found, else a part of the message

    const QByteArray two = "[default]\ntype = access_key\naccess_key_id = LTAIdef\n"
                           "access_key_secret = def-S3CR3T\n\n"
                           "[prod]\ntype = sts\naccess_key_id = STS.prod\n"
                           "access_key_secret = prod-S3CR3T\nsecurity_token = prod-T0K3N\n";

    QTest::newRow("default") << two << "" << Status::Found << "LTAIdef"
                             << ""
                             << "credentials file (section default)";
    QTest::newRow("profile picks sts") << two << "prod" << Status::Found << "STS.prod"
                                       << "prod-T0K3N"
                                       << "credentials file (section prod)";
    QTest::newRow("profile missing: no fallback")
        << two << "staging" << Status::Failed << ""
        << ""
        << "no section [staging], which ALIBABA_CLOUD_PROFILE names (the file has: default, prod)";
    QTest::newRow("no default section")
        << QByteArray("[prod]\naccess_key_id=a\naccess_key_secret=x-S3CR3T\n") << ""
        << Status::Failed << ""
        << ""
        << "no [default] section (the file has: prod)";
    QTest::newRow("quoted, crlf, comments")
        << QByteArray(
               "# mine\r\n[default]\r\ntype=\"access_key\"\r\naccess_key_id = 'LTAIq' ; c\r\n"
               "access_key_secret = \"q-S3CR3T\"\r\n")
        << "" << Status::Found << "LTAIq"
        << ""
        << "credentials file (section default)";
    QTest::newRow("type omitted") << QByteArray("[default]\naccess_key_id=LTAIx\n"
                                                "access_key_secret=x-S3CR3T\n")
                                  << "" << Status::Found << "LTAIx"
                                  << ""
                                  << "credentials file (section default)";
    QTest::newRow("type omitted with token")
        << QByteArray("[default]\naccess_key_id=STS.x\naccess_key_secret=x-S3CR3T\n"
                      "security_token=x-T0K3N\n")
        << "" << Status::Found << "STS.x"
        << "x-T0K3N"
        << "credentials file (section default)";
    QTest::newRow("access_key ignores token")
        << QByteArray("[default]\ntype=access_key\naccess_key_id=LTAIx\n"
                      "access_key_secret=x-S3CR3T\nsecurity_token=x-T0K3N\n")
        << "" << Status::Found << "LTAIx"
        << ""
        << "credentials file (section default)";
    QTest::newRow("type case-insensitive")
        << QByteArray("[default]\nType = Access_Key\nACCESS_KEY_ID=LTAIx\n"
                      "access_key_secret=x-S3CR3T\n")
        << "" << Status::Found << "LTAIx"
        << ""
        << "credentials file (section default)";

    QTest::newRow("sts without token")
        << QByteArray("[default]\ntype=sts\naccess_key_id=STS.x\naccess_key_secret=x-S3CR3T\n")
        << "" << Status::Failed << ""
        << ""
        << "security_token is missing";
    QTest::newRow("missing secret")
        << QByteArray("[default]\ntype=access_key\naccess_key_id=x\n") << "" << Status::Failed << ""
        << ""
        << "section [default]: access_key_secret is missing";
    QTest::newRow("missing id") << QByteArray("[default]\naccess_key_secret=x-S3CR3T\n") << ""
                                << Status::Failed << ""
                                << ""
                                << "access_key_id is missing";
    QTest::newRow("unsupported type")
        << QByteArray("[default]\ntype=ecs_ram_role\nrole_name=r\n") << "" << Status::Failed << ""
        << ""
        << "type \"ecs_ram_role\" is not supported";
    QTest::newRow("syntax error") << QByteArray("[default]\naccess_key_secret: x-S3CR3T\n") << ""
                                  << Status::Failed << ""
                                  << ""
                                  << "line 2";
    QTest::newRow("empty file") << QByteArray("\xEF\xBB\xBF\n; nothing\n") << "" << Status::Absent
                                << ""
                                << ""
                                << "no sections";
}

void TestCredentialChain::credentialsIni()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, profile);
    QFETCH(Status, status);
    QFETCH(QString, id);
    QFETCH(QString, token);
    QFETCH(QString, text);

    const QProcessEnvironment env = fixture::environment({"ALIBABA_CLOUD_PROFILE=" + profile});
    const SourceResult result = dbs::credentialsFromIni(content, env);
    QCOMPARE(result.status, status);
    QCOMPARE(result.credential.accessKeyId, id);
    QCOMPARE(result.credential.securityToken, token);
    QVERIFY(!leaksSecret(result.message));
    if (status == Status::Found) {
        QVERIFY(result.credential.accessKeySecret.contains(QLatin1String(secretMark)));
        QCOMPARE(result.credential.source, text);
    } else {
        QVERIFY(!result.credential.isValid());
        QVERIFY2(result.message.contains(text), qPrintable(result.message));
    }
}

void TestCredentialChain::credentialsFilePath()
{
    using dbs::credentialsFilePath;
    QCOMPARE(credentialsFilePath(fixture::environment({}), "/home/u"),
             QStringLiteral("/home/u/.alibabacloud/credentials"));
    QCOMPARE(
        credentialsFilePath(fixture::environment({"ALIBABA_CLOUD_CREDENTIALS_FILE="}), "/home/u"),
        QStringLiteral("/home/u/.alibabacloud/credentials"));
    QCOMPARE(credentialsFilePath(
                 fixture::environment({"ALIBABA_CLOUD_CREDENTIALS_FILE=/etc/c.ini"}), "/h"),
             QStringLiteral("/etc/c.ini"));
    QCOMPARE(
        credentialsFilePath(fixture::environment({"ALIBABA_CLOUD_CREDENTIALS_FILE=~/c.ini"}), "/h"),
        QStringLiteral("/h/c.ini"));
    QCOMPARE(credentialsFilePath(fixture::environment({}), QString()), QString());
}

void TestCredentialChain::cliProfile_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("profile"); // ALIBABA_CLOUD_PROFILE
    QTest::addColumn<QString>("picked");  // picked by name, as the GUI does
    QTest::addColumn<Status>("status");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("text"); // source when Found, else a part of the message

    const QByteArray all = cliConfig("dev", {akProfile, stsProfile, roleProfile});
    QTest::newRow("current ak") << all << ""
                                << "" << Status::Found << "LTAIdev"
                                << ""
                                << "aliyun CLI profile \"dev\"";
    QTest::newRow("env picks sts") << all << "sts"
                                   << "" << Status::Found << "STS.id"
                                   << "sts-T0K3N"
                                   << "aliyun CLI profile \"sts\"";
    QTest::newRow("explicit beats env") << all << "sts"
                                        << "dev" << Status::Found << "LTAIdev"
                                        << ""
                                        << "aliyun CLI profile \"dev\"";
    QTest::newRow("env names unknown: absent")
        << all << "other"
        << "" << Status::Absent << ""
        << ""
        << "no profile \"other\", which ALIBABA_CLOUD_PROFILE names";
    QTest::newRow("explicit unknown: failed") << all << ""
                                              << "other" << Status::Failed << ""
                                              << ""
                                              << "there is no profile \"other\"";
    QTest::newRow("current role mode") << cliConfig("role", {akProfile, roleProfile}) << ""
                                       << "" << Status::Failed << ""
                                       << ""
                                       << "profile \"role\": mode \"RamRoleArn\" is not supported";
    QTest::newRow("env picks role mode") << all << "role"
                                         << "" << Status::Failed << ""
                                         << ""
                                         << "mode \"RamRoleArn\"";
    QTest::newRow("current missing from list") << cliConfig("gone", {akProfile}) << ""
                                               << "" << Status::Failed << ""
                                               << ""
                                               << "current profile \"gone\" is not in the file";
    QTest::newRow("no current, has default")
        << cliConfig(QByteArray(), {QByteArray(akProfile).replace("\"dev\"", "\"default\"")}) << ""
        << "" << Status::Found << "LTAIdev"
        << ""
        << "aliyun CLI profile \"default\"";
    QTest::newRow("no current, no default")
        << cliConfig(QByteArray(), {akProfile, stsProfile}) << ""
        << "" << Status::Failed << ""
        << ""
        << "does not say which profile is current";
    QTest::newRow("empty current, no default") << cliConfig("", {akProfile}) << ""
                                               << "" << Status::Failed << ""
                                               << ""
                                               << "(the file has: dev)";
    QTest::newRow("no profiles") << cliConfig("default", {}) << ""
                                 << "" << Status::Absent << ""
                                 << ""
                                 << "no profiles";
    QTest::newRow("empty file") << QByteArray(" \n") << ""
                                << "" << Status::Absent << ""
                                << ""
                                << "empty";
    QTest::newRow("placeholder profile")
        << cliConfig("default", {R"({"name":"default","mode":"AK","access_key_id":"",)"
                                 R"("access_key_secret":""})"})
        << ""
        << "" << Status::Absent << ""
        << ""
        << "no AccessKey is set";
    QTest::newRow("mode omitted is AK")
        << cliConfig("p",
                     {R"({"name":"p","access_key_id":"LTAIp","access_key_secret":"p-S3CR3T"})"})
        << ""
        << "" << Status::Found << "LTAIp"
        << ""
        << "aliyun CLI profile \"p\"";
    QTest::newRow("sts missing token")
        << cliConfig("s", {R"({"name":"s","mode":"StsToken","access_key_id":"STS.s",)"
                           R"("access_key_secret":"s-S3CR3T"})"})
        << ""
        << "" << Status::Failed << ""
        << ""
        << "sts_token is missing";
    QTest::newRow("ak missing secret")
        << cliConfig("p", {R"({"name":"p","mode":"AK","access_key_id":"LTAIp"})"}) << ""
        << "" << Status::Failed << ""
        << ""
        << "access_key_secret is missing";
    QTest::newRow("secret wrong type")
        << cliConfig("p", {R"({"name":"p","mode":"AK","access_key_id":"LTAIp",)"
                           R"("access_key_secret":12345})"})
        << ""
        << "" << Status::Failed << ""
        << ""
        << "field \"access_key_secret\" is not a string";
    QTest::newRow("duplicate name uses first")
        << cliConfig("dev", {akProfile, QByteArray(stsProfile).replace("\"sts\"", "\"dev\"")}) << ""
        << "" << Status::Found << "LTAIdev"
        << ""
        << "aliyun CLI profile \"dev\"";
    QTest::newRow("bad json") << QByteArray(R"({"profiles":[{"access_key_secret":"x-S3CR3T")") << ""
                              << "" << Status::Failed << ""
                              << ""
                              << "not valid JSON";
    QTest::newRow("top level array") << QByteArray("[]") << ""
                                     << "" << Status::Failed << ""
                                     << ""
                                     << "not a JSON object";
    QTest::newRow("current wrong type") << QByteArray(R"({"current":1,"profiles":[]})") << ""
                                        << "" << Status::Failed << ""
                                        << ""
                                        << "field \"current\" is not a string";
    QTest::newRow("profiles wrong type") << QByteArray(R"({"current":"a","profiles":{}})") << ""
                                         << "" << Status::Failed << ""
                                         << ""
                                         << "field \"profiles\" is not a list";
}

void TestCredentialChain::cliProfile()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, profile);
    QFETCH(QString, picked);
    QFETCH(Status, status);
    QFETCH(QString, id);
    QFETCH(QString, token);
    QFETCH(QString, text);

    const QProcessEnvironment env = fixture::environment({"ALIBABA_CLOUD_PROFILE=" + profile});
    const SourceResult result = dbs::cliProfileFromJson(json, env, picked);
    QCOMPARE(result.status, status);
    QCOMPARE(result.credential.accessKeyId, id);
    QCOMPARE(result.credential.securityToken, token);
    QVERIFY(!leaksSecret(result.message));
    if (status == Status::Found) {
        QVERIFY(result.credential.accessKeySecret.contains(QLatin1String(secretMark)));
        QCOMPARE(result.credential.source, text);
    } else {
        QVERIFY(!result.credential.isValid());
        QVERIFY2(result.message.contains(text), qPrintable(result.message));
    }
}

void TestCredentialChain::listCliProfiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("problems"); // every unusable profile's reason, joined by " / "
    QTest::addColumn<QString>("error");    // part of the file-level error

    QTest::newRow("three") << cliConfig("sts", {akProfile, stsProfile, roleProfile})
                           << "dev|AK|cn-hangzhou|usable|- sts|StsToken|cn-shanghai|usable|current "
                              "role|RamRoleArn|cn-beijing|unusable|-"
                           << "mode \"RamRoleArn\" is not supported (only AK and StsToken are); "
                              "for role-based modes, put temporary credentials in the environment "
                              "instead"
                           << "";
    QTest::newRow("odd entries")
        << QByteArray(R"({"current":"a","profiles":[3,{"mode":"AK"},{"name":"a","region_id":7,)"
                      R"("mode":"EcsRamRole","ram_role_name":"r"},{"name":"a","mode":"AK",)"
                      R"("access_key_id":"i","access_key_secret":"x-S3CR3T"}]})")
        << "|||unusable|- |||unusable|- a|EcsRamRole||unusable|current a|AK||unusable|-"
        << "entry 1 is not a JSON object / entry 2 has no name / mode \"EcsRamRole\" is not "
           "supported (only AK and StsToken are); for role-based modes, put temporary "
           "credentials in the environment instead / an earlier profile has the same name"
        << "";
    QTest::newRow("no profiles key") << QByteArray(R"({"current":"x"})") << ""
                                     << ""
                                     << "";
    QTest::newRow("truncated") << QByteArray(R"({"current":"x","profiles":[)") << ""
                               << ""
                               << "not valid JSON";
}

void TestCredentialChain::listCliProfiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QFETCH(QString, problems);
    QFETCH(QString, error);

    const dbs::CliProfileList list = dbs::parseCliProfiles(json);
    QCOMPARE(dump(list), expected);
    QStringList reasons;
    for (const auto &p : list.profiles) {
        QCOMPARE(p.usable, p.problem.isEmpty());
        if (!p.usable)
            reasons.append(p.problem);
    }
    QCOMPARE(reasons.join(QLatin1String(" / ")), problems);
    if (error.isEmpty())
        QVERIFY2(list.ok(), qPrintable(list.error));
    else
        QVERIFY2(list.error.contains(error), qPrintable(list.error));
    QVERIFY(!leaksSecret(list.error + problems));
}

void TestCredentialChain::listCliProfilesFromHome()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    dbs::CliProfileList list = dbs::listCliProfiles(home.path());
    QVERIFY(!list.fileFound);
    QVERIFY(list.ok());
    QVERIFY(list.profiles.isEmpty());

    QVERIFY(writeFile(home.filePath(".aliyun/config.json"), cliConfig("dev", {akProfile})));
    list = dbs::listCliProfiles(home.path());
    QVERIFY(list.fileFound);
    QCOMPARE(list.current, QStringLiteral("dev"));
    QCOMPARE(dump(list), QStringLiteral("dev|AK|cn-hangzhou|usable|current"));
}

void TestCredentialChain::readCappedFile()
{
    using dbs::FileContent;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    FileContent content = dbs::readCappedFile(dir.filePath("missing"));
    QCOMPARE(content.status, FileContent::Status::Missing);

    content = dbs::readCappedFile(dir.path());
    QCOMPARE(content.status, FileContent::Status::Failed);
    QVERIFY(content.error.contains(QLatin1String("not a regular file")));

    const QString exact = dir.filePath("exact");
    QVERIFY(writeFile(exact, QByteArray(dbs::maxCredentialFileSize, 'x')));
    content = dbs::readCappedFile(exact);
    QCOMPARE(content.status, FileContent::Status::Ok);
    QCOMPARE(content.data.size(), dbs::maxCredentialFileSize);

    const QString big = dir.filePath("big");
    QVERIFY(writeFile(big, QByteArray(dbs::maxCredentialFileSize + 1, 'x')));
    content = dbs::readCappedFile(big);
    QCOMPARE(content.status, FileContent::Status::Failed);
    QVERIFY(content.data.isEmpty());
    QVERIFY2(content.error.contains(QLatin1String("larger than 1024 KiB")),
             qPrintable(content.error));

    // A device reports size 0 and never ends: refused before reading.
    if (QFileInfo::exists("/dev/zero")) {
        content = dbs::readCappedFile("/dev/zero");
        QCOMPARE(content.status, FileContent::Status::Failed);
    }
}

void TestCredentialChain::chain_data()
{
    QTest::addColumn<QStringList>("vars");
    QTest::addColumn<QByteArray>("cli"); // null: no ~/.aliyun/config.json
    QTest::addColumn<QByteArray>("ini"); // null: no ~/.alibabacloud/credentials
    QTest::addColumn<QString>("source"); // empty: expect failure
    QTest::addColumn<int>("attempts");
    QTest::addColumn<QStringList>("messageParts");

    const QStringList envAk{"ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIenv",
                            "ALIBABA_CLOUD_ACCESS_KEY_SECRET=env-S3CR3T"};
    const QByteArray cli = cliConfig("dev", {akProfile, stsProfile, roleProfile});
    const QByteArray ini = "[default]\naccess_key_id=LTAIini\naccess_key_secret=ini-S3CR3T\n"
                           "[prod]\ntype=sts\naccess_key_id=STS.prod\n"
                           "access_key_secret=prod-S3CR3T\nsecurity_token=prod-T0K3N\n";

    QTest::newRow("environment first")
        << envAk << cli << ini << "environment" << 1 << QStringList();
    QTest::newRow("cli second") << QStringList() << cli << ini << "aliyun CLI profile \"dev\"" << 2
                                << QStringList();
    QTest::newRow("ini third") << QStringList() << QByteArray() << ini
                               << "credentials file (section default)" << 3 << QStringList();
    QTest::newRow("profile var reaches ini section")
        << QStringList{"ALIBABA_CLOUD_PROFILE=prod"} << cli << ini
        << "credentials file (section prod)" << 3 << QStringList();
    QTest::newRow("profile var picks cli") << QStringList{"ALIBABA_CLOUD_PROFILE=sts"} << cli << ini
                                           << "aliyun CLI profile \"sts\"" << 2 << QStringList();
    QTest::newRow("placeholder cli profile skipped")
        << QStringList() << cliConfig("default", {R"({"name":"default","mode":"AK"})"}) << ini
        << "credentials file (section default)" << 3 << QStringList();
    QTest::newRow("nothing anywhere")
        << QStringList() << QByteArray() << QByteArray() << "" << 3
        << QStringList{"No credentials found. Tried:",
                       "- environment variables: ALIBABA_CLOUD_ACCESS_KEY_ID and "
                       "ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set",
                       "/.aliyun/config.json: the file does not exist",
                       "/.alibabacloud/credentials: the file does not exist",
                       "run \"aliyun configure\""};
    QTest::newRow("half environment stops the chain")
        << QStringList{"ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIenv"} << cli << ini << "" << 1
        << QStringList{"Could not load credentials:",
                       "- environment variables: ALIBABA_CLOUD_ACCESS_KEY_ID is set, but "
                       "ALIBABA_CLOUD_ACCESS_KEY_SECRET is not"};
    QTest::newRow("role profile stops the chain")
        << QStringList{"ALIBABA_CLOUD_PROFILE=role"} << cli << ini << "" << 2
        << QStringList{"Could not load credentials:", "profile \"role\": mode \"RamRoleArn\""};
    QTest::newRow("bad cli json stops the chain")
        << QStringList()
        << QByteArray(R"({"current":"dev","profiles":[{"access_key_secret":)"
                      R"("x-S3CR3T",})")
        << ini << "" << 2 << QStringList{"config.json: not valid JSON"};
    QTest::newRow("profile var named nowhere")
        << QStringList{"ALIBABA_CLOUD_PROFILE=staging"} << cli << ini << "" << 3
        << QStringList{"there is no profile \"staging\", which ALIBABA_CLOUD_PROFILE names",
                       "there is no section [staging], which ALIBABA_CLOUD_PROFILE names"};
    QTest::newRow("bad ini") << QStringList() << QByteArray()
                             << QByteArray("[default]\naccess_key_secret x-S3CR3T\n") << "" << 3
                             << QStringList{"credentials: line 2: expected"};
}

void TestCredentialChain::chain()
{
    QFETCH(QStringList, vars);
    QFETCH(QByteArray, cli);
    QFETCH(QByteArray, ini);
    QFETCH(QString, source);
    QFETCH(int, attempts);
    QFETCH(QStringList, messageParts);

    QTemporaryDir home;
    QVERIFY(home.isValid());
    if (!cli.isNull())
        QVERIFY(writeFile(home.filePath(".aliyun/config.json"), cli));
    if (!ini.isNull())
        QVERIFY(writeFile(home.filePath(".alibabacloud/credentials"), ini));
    vars.append("HOME=" + home.path());

    const dbs::ChainResult result = dbs::resolve(fixture::environment(vars), home.path());
    QCOMPARE(result.attempts.size(), attempts);
    const QString message = result.errorMessage();
    QVERIFY2(!leaksSecret(message), qPrintable(message));
    for (const SourceResult &attempt : result.attempts)
        QVERIFY(!leaksSecret(attempt.message + attempt.origin));
    if (!source.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(message));
        QCOMPARE(result.credential.source, source);
        QVERIFY(result.credential.accessKeySecret.contains(QLatin1String(secretMark)));
        QVERIFY(message.isEmpty());
    } else {
        QVERIFY(!result.ok());
        QCOMPARE(result.misconfigured(), !message.startsWith(QLatin1String("No credentials")));
        for (const QString &part : messageParts)
            QVERIFY2(message.contains(part), qPrintable(message));
    }
}

void TestCredentialChain::chainFileErrors()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString cliPath = home.filePath(".aliyun/config.json");

    // Too large: refused, not read.
    QByteArray huge = cliConfig("dev", {akProfile});
    huge.append(QByteArray(dbs::maxCredentialFileSize, ' '));
    QVERIFY(writeFile(cliPath, huge));
    dbs::ChainResult result = dbs::resolve(fixture::environment({}), home.path());
    QVERIFY(!result.ok());
    QVERIFY2(result.errorMessage().contains(QLatin1String("larger than")),
             qPrintable(result.errorMessage()));

    // A directory where the file should be.
    QVERIFY(QFile::remove(cliPath));
    QVERIFY(QDir().mkpath(cliPath));
    result = dbs::resolve(fixture::environment({}), home.path());
    QVERIFY(result.misconfigured());
    QVERIFY(result.errorMessage().contains(QLatin1String("not a regular file")));
    QVERIFY(QDir(cliPath).removeRecursively());

    // An explicit credentials file that is missing is an error, not "nothing configured".
    const QString iniPath = home.filePath("elsewhere.ini");
    const QProcessEnvironment env =
        fixture::environment({"ALIBABA_CLOUD_CREDENTIALS_FILE=" + iniPath});
    result = dbs::resolve(env, home.path());
    QVERIFY(result.misconfigured());
    QVERIFY2(result.errorMessage().contains(QLatin1String(
                 "the file that ALIBABA_CLOUD_CREDENTIALS_FILE names does not exist")),
             qPrintable(result.errorMessage()));

    QVERIFY(writeFile(iniPath, "[default]\naccess_key_id=LTAIe\naccess_key_secret=e-S3CR3T\n"));
    result = dbs::resolve(env, home.path());
    QVERIFY(result.ok());
    QCOMPARE(result.credential.accessKeyId, QStringLiteral("LTAIe"));

    // No home directory: only the environment and an explicit file are looked at.
    result = dbs::resolve(env, QString());
    QVERIFY(result.ok());
    result = dbs::resolve(fixture::environment({}), QString());
    QVERIFY(!result.ok());
    QVERIFY(!result.misconfigured());
    QVERIFY(result.errorMessage().contains(QLatin1String("no home directory")));
}

QTEST_GUILESS_MAIN(TestCredentialChain)
#include "tst_credentialchain.moc"
