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

// "Kind field=value ..." with the source's in parentheses; a token shows as "token=yes".
QString dump(const dbs::SignInSpec &spec)
{
    static const char *const kinds[] = {"Static",     "AssumeRole",     "Oidc",
                                        "EcsRamRole", "CredentialsUri", "External"};
    QStringList parts{QLatin1String(kinds[int(spec.kind)])};
    const auto add = [&parts](const char *key, const QString &value) {
        if (!value.isEmpty())
            parts.append(QLatin1String(key) + u'=' + value);
    };
    add("id", spec.credential.accessKeyId);
    add("token", spec.credential.securityToken.isEmpty() ? QString() : QStringLiteral("yes"));
    if (spec.credential.expires())
        add("expires", QString::number(spec.credential.expiresAtMs / 1000));
    add("role", spec.roleArn);
    add("session", spec.roleSessionName);
    if (spec.kind == dbs::SignInSpec::Kind::AssumeRole || spec.kind == dbs::SignInSpec::Kind::Oidc)
        add("duration", QString::number(spec.durationSeconds));
    add("region", spec.stsRegion);
    add("endpoint", spec.stsEndpoint);
    add("external", spec.externalId);
    add("policy", spec.policy);
    add("vpc", spec.vpcEndpoint ? QStringLiteral("true") : QString());
    add("provider", spec.oidcProviderArn);
    add("tokenFile", spec.oidcTokenFile);
    add("roleName", spec.roleName);
    add("v1", spec.kind == dbs::SignInSpec::Kind::EcsRamRole && !spec.imdsV1Allowed
                  ? QStringLiteral("off")
                  : QString());
    add("uri", spec.uri);
    add("command", spec.processCommand);
    if (spec.source)
        parts.append(QLatin1String("source(") + dump(*spec.source) + u')');
    return parts.join(u' ');
}

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
    void cliProfileModes_data();
    void cliProfileModes();
    void iniRoleTypes_data();
    void iniRoleTypes();
    void environmentSources_data();
    void environmentSources();
    void stsEndpoint_data();
    void stsEndpoint();
    void listCliProfiles_data();
    void listCliProfiles();
    void listCliProfilesFromHome();
    void readCappedFile();
    void chain_data();
    void chain();
    void chainFileErrors();
    void roleEnvironment_data();
    void roleEnvironment();
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
    QCOMPARE(result.spec.credential.accessKeyId, id);
    QCOMPARE(result.spec.credential.securityToken, token);
    QVERIFY(!leaksSecret(result.message));
    if (status == Status::Found) {
        QCOMPARE(result.spec.credential.accessKeySecret, QStringLiteral("env-S3CR3T"));
        QCOMPARE(result.spec.credential.source, QStringLiteral("environment"));
        QVERIFY(result.message.isEmpty());
    } else {
        QVERIFY(!result.spec.credential.isValid());
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
        << QByteArray("[default]\ntype=rsa_key_pair\npublic_key_id=r\n") << "" << Status::Failed
        << ""
        << ""
        << "type \"rsa_key_pair\" is not supported";
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
    QCOMPARE(result.spec.credential.accessKeyId, id);
    QCOMPARE(result.spec.credential.securityToken, token);
    QVERIFY(!leaksSecret(result.message));
    if (status == Status::Found) {
        QVERIFY(result.spec.credential.accessKeySecret.contains(QLatin1String(secretMark)));
        QCOMPARE(result.spec.credential.source, text);
    } else {
        QVERIFY(!result.spec.credential.isValid());
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
    QTest::newRow("current unknown mode")
        << cliConfig("rsa", {akProfile, R"({"name":"rsa","mode":"RsaKeyPair"})"}) << ""
        << "" << Status::Failed << ""
        << ""
        << "profile \"rsa\": mode \"RsaKeyPair\" is not supported";
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
    QCOMPARE(result.spec.credential.accessKeyId, id);
    QCOMPARE(result.spec.credential.securityToken, token);
    QVERIFY(!leaksSecret(result.message));
    if (status == Status::Found) {
        QVERIFY(result.spec.credential.accessKeySecret.contains(QLatin1String(secretMark)));
        QCOMPARE(result.spec.credential.source, text);
    } else {
        QVERIFY(!result.spec.credential.isValid());
        QVERIFY2(result.message.contains(text), qPrintable(result.message));
    }
}

void TestCredentialChain::cliProfileModes_data()
{
    QTest::addColumn<QByteArray>("profile"); // one profile object, named "p" unless it says
    QTest::addColumn<QList<QByteArray>>("others");
    QTest::addColumn<QString>("spec");        // dump(); empty: Failed
    QTest::addColumn<QString>("description"); // or the message part when Failed

    const QList<QByteArray> none;
    QTest::newRow("RamRoleArn")
        << QByteArray(R"({"name":"p","mode":"RamRoleArn","access_key_id":"LTAIsrc",)"
                      R"("access_key_secret":"src-S3CR3T","ram_role_arn":"acs:ram::123:role/)"
                      R"(dbs-reader","ram_session_name":"ops","expired_seconds":1800,)"
                      R"("sts_region":"cn-shanghai","external_id":"ext","enable_vpc":true})")
        << none
        << "AssumeRole role=acs:ram::123:role/dbs-reader session=ops duration=1800 "
           "region=cn-shanghai external=ext vpc=true source(Static id=LTAIsrc)"
        << "aliyun CLI profile \"p\", RamRoleArn acs:ram::123:role/dbs-reader";
    QTest::newRow("RamRoleArn from STS keys, default duration")
        << QByteArray(R"({"name":"p","mode":"RamRoleArn","access_key_id":"STS.src",)"
                      R"("access_key_secret":"src-S3CR3T","sts_token":"src-T0K3N",)"
                      R"("ram_role_arn":"acs:ram::1:role/r","sts_endpoint":"sts.example"})")
        << none
        << "AssumeRole role=acs:ram::1:role/r duration=3600 endpoint=sts.example "
           "source(Static id=STS.src token=yes)"
        << "RamRoleArn acs:ram::1:role/r";
    QTest::newRow("RamRoleArn without ARN")
        << QByteArray(R"({"name":"p","mode":"RamRoleArn","access_key_id":"LTAIsrc",)"
                      R"("access_key_secret":"src-S3CR3T"})")
        << none << ""
        << "ram_role_arn is missing";
    QTest::newRow("empty mode with ARN is RamRoleArn")
        << QByteArray(R"({"name":"p","access_key_id":"LTAIsrc","access_key_secret":"s-S3CR3T",)"
                      R"("ram_role_arn":"acs:ram::1:role/r"})")
        << none << "AssumeRole role=acs:ram::1:role/r duration=3600 source(Static id=LTAIsrc)"
        << "RamRoleArn";
    QTest::newRow("empty mode with token is StsToken")
        << QByteArray(R"({"name":"p","access_key_id":"STS.x","access_key_secret":"s-S3CR3T",)"
                      R"("sts_token":"t-T0K3N","ram_role_arn":"acs:ram::1:role/r"})")
        << none << "Static id=STS.x token=yes"
        << "aliyun CLI profile \"p\"";
    QTest::newRow("ChainableRamRoleArn")
        << QByteArray(R"({"name":"p","mode":"ChainableRamRoleArn","source_profile":"base",)"
                      R"("ram_role_arn":"acs:ram::2:role/cross"})")
        << QList<QByteArray>{R"({"name":"base","mode":"AK","access_key_id":"LTAIbase",)"
                             R"("access_key_secret":"b-S3CR3T"})"}
        << "AssumeRole role=acs:ram::2:role/cross duration=3600 source(Static id=LTAIbase)"
        << "ChainableRamRoleArn acs:ram::2:role/cross";
    QTest::newRow("ChainableRamRoleArn of a role")
        << QByteArray(R"({"name":"p","mode":"ChainableRamRoleArn","source_profile":"mid",)"
                      R"("ram_role_arn":"acs:ram::3:role/top"})")
        << QList<QByteArray>{R"({"name":"mid","mode":"EcsRamRole","ram_role_name":"host"})"}
        << "AssumeRole role=acs:ram::3:role/top duration=3600 source(EcsRamRole roleName=host)"
        << "ChainableRamRoleArn";
    QTest::newRow("ChainableRamRoleArn loop")
        << QByteArray(R"({"name":"p","mode":"ChainableRamRoleArn","source_profile":"q",)"
                      R"("ram_role_arn":"acs:ram::3:role/a"})")
        << QList<QByteArray>{R"({"name":"q","mode":"ChainableRamRoleArn","source_profile":"p",)"
                             R"("ram_role_arn":"acs:ram::3:role/b"})"}
        << ""
        << "source_profile leads back to itself (p -> q -> p)";
    QTest::newRow("ChainableRamRoleArn missing source")
        << QByteArray(R"({"name":"p","mode":"ChainableRamRoleArn","source_profile":"gone",)"
                      R"("ram_role_arn":"acs:ram::3:role/a"})")
        << none << ""
        << "its source_profile \"gone\" is not in the file";
    QTest::newRow("ChainableRamRoleArn broken source")
        << QByteArray(R"({"name":"p","mode":"ChainableRamRoleArn","source_profile":"b",)"
                      R"("ram_role_arn":"acs:ram::3:role/a"})")
        << QList<QByteArray>{R"({"name":"b","mode":"AK","access_key_id":"LTAIb"})"} << ""
        << "its source profile: profile \"b\": access_key_secret is missing";
    QTest::newRow("RamRoleArnWithRoleName")
        << QByteArray(R"({"name":"p","mode":"RamRoleArnWithRoleName","ram_role_name":"host",)"
                      R"("ram_role_arn":"acs:ram::4:role/app"})")
        << none
        << "AssumeRole role=acs:ram::4:role/app duration=3600 source(EcsRamRole roleName=host)"
        << "RamRoleArnWithRoleName acs:ram::4:role/app";
    QTest::newRow("EcsRamRole")
        << QByteArray(R"({"name":"p","mode":"EcsRamRole","ram_role_name":"dbs-ecs"})") << none
        << "EcsRamRole roleName=dbs-ecs"
        << "aliyun CLI profile \"p\", EcsRamRole dbs-ecs";
    QTest::newRow("EcsRamRole discovered")
        << QByteArray(R"({"name":"p","mode":"EcsRamRole"})") << none << "EcsRamRole"
        << "aliyun CLI profile \"p\", EcsRamRole";
    QTest::newRow("CredentialsURI")
        << QByteArray(R"({"name":"p","mode":"CredentialsURI","credentials_uri":)"
                      R"("http://127.0.0.1:8080/creds?token=T0K3N"})")
        << none << "CredentialsUri uri=http://127.0.0.1:8080/creds?token=T0K3N"
        << "aliyun CLI profile \"p\", CredentialsURI http://127.0.0.1";
    QTest::newRow("CredentialsURI not a URL")
        << QByteArray(R"({"name":"p","mode":"CredentialsURI","credentials_uri":"nowhere"})") << none
        << ""
        << "credentials_uri is not an http(s) URL";
    QTest::newRow("OIDC")
        << QByteArray(R"({"name":"p","mode":"OIDC","oidc_provider_arn":"acs:ram::5:oidc-)"
                      R"(provider/ack","oidc_token_file":"/run/token","ram_role_arn":)"
                      R"("acs:ram::5:role/pod","ram_session_name":"pod","duration_seconds":900})")
        << none
        << "Oidc role=acs:ram::5:role/pod session=pod duration=900 "
           "provider=acs:ram::5:oidc-provider/ack tokenFile=/run/token"
        << "OIDC acs:ram::5:role/pod";
    QTest::newRow("OIDC without token file")
        << QByteArray(R"({"name":"p","mode":"OIDC","oidc_provider_arn":"a","ram_role_arn":"r"})")
        << none << ""
        << "oidc_token_file is missing";
    QTest::newRow("External") << QByteArray(R"({"name":"p","mode":"External","process_command":)"
                                            R"("/usr/bin/get-keys --account prod --secret T0K3N"})")
                              << none
                              << "External command=/usr/bin/get-keys --account prod --secret T0K3N"
                              << "aliyun CLI profile \"p\", External get-keys";
    QTest::newRow("CloudSSO cached")
        << QByteArray(R"({"name":"p","mode":"CloudSSO","cloud_sso_sign_in_url":"https://s",)"
                      R"("access_key_id":"STS.sso","access_key_secret":"s-S3CR3T",)"
                      R"("sts_token":"s-T0K3N","sts_expiration":1800003600})")
        << none << "Static id=STS.sso token=yes expires=1800003600"
        << "aliyun CLI profile \"p\", CloudSSO";
    QTest::newRow("CloudSSO expired")
        << QByteArray(R"({"name":"p","mode":"CloudSSO","access_key_id":"STS.sso",)"
                      R"("access_key_secret":"s-S3CR3T","sts_token":"s-T0K3N",)"
                      R"("sts_expiration":1799999999})")
        << none << ""
        << "has expired: sign in again with the aliyun CLI (aliyun configure --profile p)";
    QTest::newRow("CloudSSO never signed in")
        << QByteArray(R"({"name":"p","mode":"CloudSSO","cloud_sso_sign_in_url":"https://s"})")
        << none << ""
        << "no cached sign-in";
    QTest::newRow("duration wrong type")
        << QByteArray(R"({"name":"p","mode":"RamRoleArn","expired_seconds":[1]})") << none << ""
        << "field \"expired_seconds\" is not a number";
    QTest::newRow("vpc wrong type")
        << QByteArray(R"({"name":"p","mode":"OIDC","enable_vpc":"yes"})") << none << ""
        << "field \"enable_vpc\" is not true or false";
}

void TestCredentialChain::cliProfileModes()
{
    QFETCH(QByteArray, profile);
    QFETCH(QList<QByteArray>, others);
    QFETCH(QString, spec);
    QFETCH(QString, description);

    constexpr qint64 nowMs = 1'800'000'000'000;
    const QByteArray json = cliConfig("p", QList<QByteArray>{profile} + others);
    const SourceResult result = dbs::cliProfileFromJson(json, QProcessEnvironment(), {}, nowMs);
    QVERIFY(!leaksSecret(result.message + result.spec.description));
    if (spec.isEmpty()) {
        QCOMPARE(result.status, Status::Failed);
        QVERIFY2(result.message.contains(description), qPrintable(result.message));
        return;
    }
    QVERIFY2(result.found(), qPrintable(result.message));
    QCOMPARE(dump(result.spec), spec);
    QVERIFY2(result.spec.description.contains(description), qPrintable(result.spec.description));
    // The picker agrees with the chain on whether a profile can be used.
    const dbs::CliProfileList list = dbs::parseCliProfiles(json, nowMs);
    QVERIFY(list.profiles.first().usable);
}

void TestCredentialChain::iniRoleTypes_data()
{
    QTest::addColumn<QByteArray>("section");
    QTest::addColumn<QString>("spec"); // empty: Failed
    QTest::addColumn<QString>("text"); // the description, or the message part when Failed

    QTest::newRow("ram_role_arn")
        << QByteArray("type=ram_role_arn\naccess_key_id=LTAIi\naccess_key_secret=i-S3CR3T\n"
                      "role_arn=acs:ram::1:role/r\nrole_session_name=s\npolicy={}\n")
        << "AssumeRole role=acs:ram::1:role/r session=s duration=3600 policy={} "
           "source(Static id=LTAIi)"
        << "credentials file (section default), ram_role_arn acs:ram::1:role/r";
    QTest::newRow("ram_role_arn without role")
        << QByteArray("type=ram_role_arn\naccess_key_id=LTAIi\naccess_key_secret=i-S3CR3T\n") << ""
        << "role_arn is missing";
    QTest::newRow("ecs_ram_role") << QByteArray("type=ecs_ram_role\nrole_name=host\n")
                                  << "EcsRamRole roleName=host"
                                  << "credentials file (section default), ecs_ram_role host";
    QTest::newRow("oidc_role_arn")
        << QByteArray("type=oidc_role_arn\nrole_arn=acs:ram::1:role/r\noidc_provider_arn=o\n"
                      "oidc_token_file_path=~/token\n")
        << "Oidc role=acs:ram::1:role/r duration=3600 provider=o tokenFile=/home/u/token"
        << "oidc_role_arn acs:ram::1:role/r";
    QTest::newRow("oidc_role_arn without provider")
        << QByteArray("type=oidc_role_arn\nrole_arn=r\noidc_token_file_path=/t\n") << ""
        << "oidc_provider_arn is missing";
    QTest::newRow("credentials_uri")
        << QByteArray("type=credentials_uri\ncredentials_uri=https://creds.example/x?k=T0K3N\n")
        << "CredentialsUri uri=https://creds.example/x?k=T0K3N"
        << "credentials_uri https://creds.example";
    QTest::newRow("credentials_uri not http")
        << QByteArray("type=credentials_uri\ncredentials_uri=file:///etc/passwd\n") << ""
        << "credentials_uri is not an http(s) URL";
}

void TestCredentialChain::iniRoleTypes()
{
    QFETCH(QByteArray, section);
    QFETCH(QString, spec);
    QFETCH(QString, text);

    const SourceResult result =
        dbs::credentialsFromIni("[default]\n" + section, QProcessEnvironment(), "/home/u");
    QVERIFY(!leaksSecret(result.message + result.spec.description));
    if (spec.isEmpty()) {
        QCOMPARE(result.status, Status::Failed);
        QVERIFY2(result.message.contains(text), qPrintable(result.message));
        return;
    }
    QVERIFY2(result.found(), qPrintable(result.message));
    QCOMPARE(dump(result.spec), spec);
    QVERIFY2(result.spec.description.contains(text), qPrintable(result.spec.description));
}

void TestCredentialChain::environmentSources_data()
{
    QTest::addColumn<QStringList>("vars");
    QTest::addColumn<QString>("oidc");     // dump(), empty: Absent
    QTest::addColumn<QString>("uri");      // dump(), empty: Absent, "failed": Failed
    QTest::addColumn<QString>("metadata"); // dump(), empty: Absent

    QTest::newRow("nothing") << QStringList() << ""
                             << ""
                             << "EcsRamRole";
    QTest::newRow("oidc")
        << QStringList{"ALIBABA_CLOUD_ROLE_ARN=acs:ram::1:role/k",
                       "ALIBABA_CLOUD_OIDC_PROVIDER_ARN=acs:ram::1:oidc-provider/p",
                       "ALIBABA_CLOUD_OIDC_TOKEN_FILE=~/t",
                       "ALIBABA_CLOUD_ROLE_SESSION_NAME=s",
                       "ALIBABA_CLOUD_STS_REGION=cn-beijing",
                       "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED=true"}
        << "Oidc role=acs:ram::1:role/k session=s duration=3600 region=cn-beijing vpc=true "
           "provider=acs:ram::1:oidc-provider/p tokenFile=/home/u/t"
        << ""
        << "EcsRamRole";
    QTest::newRow("uri") << QStringList{"ALIBABA_CLOUD_CREDENTIALS_URI=http://10.0.0.1/c"} << ""
                         << "CredentialsUri uri=http://10.0.0.1/c"
                         << "EcsRamRole";
    QTest::newRow("bad uri") << QStringList{"ALIBABA_CLOUD_CREDENTIALS_URI=not a url"} << ""
                             << "failed"
                             << "EcsRamRole";
    QTest::newRow("metadata role, v2 only")
        << QStringList{"ALIBABA_CLOUD_ECS_METADATA=host", "ALIBABA_CLOUD_IMDSV1_DISABLED=True"}
        << ""
        << ""
        << "EcsRamRole roleName=host v1=off";
    QTest::newRow("metadata disabled")
        << QStringList{"ALIBABA_CLOUD_ECS_METADATA_DISABLED=true"} << ""
        << ""
        << "";
    QTest::newRow("metadata not disabled by other words")
        << QStringList{"ALIBABA_CLOUD_ECS_METADATA_DISABLED=1"} << ""
        << ""
        << "EcsRamRole";
}

void TestCredentialChain::environmentSources()
{
    QFETCH(QStringList, vars);
    QFETCH(QString, oidc);
    QFETCH(QString, uri);
    QFETCH(QString, metadata);

    const QProcessEnvironment env = fixture::environment(vars);
    const SourceResult fromOidc = dbs::oidcFromEnvironment(env, "/home/u");
    QCOMPARE(fromOidc.found() ? dump(fromOidc.spec) : QString(), oidc);
    QVERIFY(!fromOidc.failed());
    const SourceResult fromUri = dbs::credentialsUriFromEnvironment(env);
    QCOMPARE(fromUri.failed()  ? QStringLiteral("failed")
             : fromUri.found() ? dump(fromUri.spec)
                               : QString(),
             uri);
    const SourceResult fromMetadata = dbs::ecsMetadataFromEnvironment(env);
    QCOMPARE(fromMetadata.found() ? dump(fromMetadata.spec) : QString(), metadata);
}

void TestCredentialChain::stsEndpoint_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<bool>("vpc");
    QTest::addColumn<QString>("url");

    QTest::newRow("global") << ""
                            << "" << false << "https://sts.aliyuncs.com";
    QTest::newRow("vpc needs a region") << ""
                                        << "" << true << "https://sts.aliyuncs.com";
    QTest::newRow("region") << "cn-hangzhou"
                            << "" << false << "https://sts.cn-hangzhou.aliyuncs.com";
    QTest::newRow("vpc") << "cn-hangzhou"
                         << "" << true << "https://sts-vpc.cn-hangzhou.aliyuncs.com";
    QTest::newRow("host wins") << "cn-hangzhou"
                               << "sts.example.com/" << false << "https://sts.example.com";
    QTest::newRow("url kept") << ""
                              << "http://127.0.0.1:8080" << false << "http://127.0.0.1:8080";
}

void TestCredentialChain::stsEndpoint()
{
    QFETCH(QString, region);
    QFETCH(QString, endpoint);
    QFETCH(bool, vpc);
    QFETCH(QString, url);
    dbs::SignInSpec spec;
    spec.stsRegion = region;
    spec.stsEndpoint = endpoint;
    spec.vpcEndpoint = vpc;
    QCOMPARE(dbs::stsEndpointUrl(spec), url);
}

void TestCredentialChain::listCliProfiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("problems"); // every unusable profile's reason, joined by " / "
    QTest::addColumn<QString>("error");    // part of the file-level error

    QTest::newRow("three") << cliConfig("sts", {akProfile, stsProfile, roleProfile})
                           << "dev|AK|cn-hangzhou|usable|- sts|StsToken|cn-shanghai|usable|current "
                              "role|RamRoleArn|cn-beijing|usable|-"
                           << ""
                           << "";
    QTest::newRow("odd entries")
        << QByteArray(R"({"current":"a","profiles":[3,{"mode":"AK"},{"name":"a","region_id":7,)"
                      R"("mode":"EcsRamRole","ram_role_name":"r"},{"name":"a","mode":"AK",)"
                      R"("access_key_id":"i","access_key_secret":"x-S3CR3T"}]})")
        << "|||unusable|- |||unusable|- a|EcsRamRole||usable|current a|AK||unusable|-"
        << "entry 1 is not a JSON object / entry 2 has no name / an earlier profile has the "
           "same name"
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
    dbs::CliProfileList list = dbs::listCliProfiles(QProcessEnvironment(), home.path());
    QVERIFY(!list.fileFound);
    QVERIFY(list.ok());
    QVERIFY(list.profiles.isEmpty());

    QVERIFY(writeFile(home.filePath(".aliyun/config.json"), cliConfig("dev", {akProfile})));
    list = dbs::listCliProfiles(QProcessEnvironment(), home.path());
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
    const QStringList oidcEnv{"ALIBABA_CLOUD_ROLE_ARN=acs:ram::1:role/k8s",
                              "ALIBABA_CLOUD_OIDC_PROVIDER_ARN=acs:ram::1:oidc-provider/ack",
                              "ALIBABA_CLOUD_OIDC_TOKEN_FILE=/var/run/token"};
    const QString noMetadata = QStringLiteral("ALIBABA_CLOUD_ECS_METADATA_DISABLED=true");
    QTest::newRow("oidc second") << oidcEnv << cli << ini << "environment, OIDC acs:ram::1:role/k8s"
                                 << 2 << QStringList();
    QTest::newRow("keys before oidc")
        << envAk + oidcEnv << cli << ini << "environment" << 1 << QStringList();
    QTest::newRow("oidc half set is not configured")
        << QStringList{oidcEnv.at(0)} << cli << ini << "aliyun CLI profile \"dev\"" << 3
        << QStringList();
    QTest::newRow("cli third") << QStringList() << cli << ini << "aliyun CLI profile \"dev\"" << 3
                               << QStringList();
    QTest::newRow("cli disabled") << QStringList{"ALIBABA_CLOUD_CLI_PROFILE_DISABLED=TRUE"} << cli
                                  << ini << "credentials file (section default)" << 4
                                  << QStringList();
    QTest::newRow("ini fourth") << QStringList() << QByteArray() << ini
                                << "credentials file (section default)" << 4 << QStringList();
    QTest::newRow("profile var reaches ini section")
        << QStringList{"ALIBABA_CLOUD_PROFILE=prod"} << cli << ini
        << "credentials file (section prod)" << 4 << QStringList();
    QTest::newRow("profile var picks cli") << QStringList{"ALIBABA_CLOUD_PROFILE=sts"} << cli << ini
                                           << "aliyun CLI profile \"sts\"" << 3 << QStringList();
    QTest::newRow("placeholder cli profile skipped")
        << QStringList() << cliConfig("default", {R"({"name":"default","mode":"AK"})"}) << ini
        << "credentials file (section default)" << 4 << QStringList();
    QTest::newRow("uri fifth")
        << QStringList{"ALIBABA_CLOUD_CREDENTIALS_URI=http://127.0.0.1:9/c?t=x"} << QByteArray()
        << QByteArray() << "credentials URI http://127.0.0.1" << 5 << QStringList();
    QTest::newRow("metadata last")
        << QStringList{"ALIBABA_CLOUD_ECS_METADATA=dbs-role"} << QByteArray() << QByteArray()
        << "ECS instance RAM role dbs-role" << 6 << QStringList();
    QTest::newRow("nothing anywhere")
        << QStringList{noMetadata} << QByteArray() << QByteArray() << "" << 6
        << QStringList{"No credentials found. Tried:",
                       "- environment variables: ALIBABA_CLOUD_ACCESS_KEY_ID and "
                       "ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set",
                       "/.aliyun/config.json: the file does not exist",
                       "/.alibabacloud/credentials: the file does not exist",
                       "ECS instance metadata: ALIBABA_CLOUD_ECS_METADATA_DISABLED is true",
                       "run \"aliyun configure\""};
    QTest::newRow("half environment stops the chain")
        << QStringList{"ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIenv"} << cli << ini << "" << 1
        << QStringList{"Could not load credentials:",
                       "- environment variables: ALIBABA_CLOUD_ACCESS_KEY_ID is set, but "
                       "ALIBABA_CLOUD_ACCESS_KEY_SECRET is not"};
    QTest::newRow("role profile") << QStringList{"ALIBABA_CLOUD_PROFILE=role"} << cli << ini
                                  << "aliyun CLI profile \"role\", RamRoleArn acs:ram::1:role/x"
                                  << 3 << QStringList();
    QTest::newRow("unknown mode stops the chain")
        << QStringList() << cliConfig("r", {R"({"name":"r","mode":"RsaKeyPair"})"}) << ini << ""
        << 3 << QStringList{"Could not load credentials:", "profile \"r\": mode \"RsaKeyPair\""};
    QTest::newRow("bad cli json stops the chain")
        << QStringList()
        << QByteArray(R"({"current":"dev","profiles":[{"access_key_secret":)"
                      R"("x-S3CR3T",})")
        << ini << "" << 3 << QStringList{"config.json: not valid JSON"};
    QTest::newRow("profile var named nowhere")
        << QStringList{"ALIBABA_CLOUD_PROFILE=staging"} << cli << ini << "" << 4
        << QStringList{"there is no profile \"staging\", which ALIBABA_CLOUD_PROFILE names",
                       "there is no section [staging], which ALIBABA_CLOUD_PROFILE names"};
    QTest::newRow("bad ini") << QStringList() << QByteArray()
                             << QByteArray("[default]\naccess_key_secret x-S3CR3T\n") << "" << 4
                             << QStringList{"credentials: line 2: expected"};
    QTest::newRow("bad uri") << QStringList{"ALIBABA_CLOUD_CREDENTIALS_URI=ftp://x/y"}
                             << QByteArray() << QByteArray() << "" << 5
                             << QStringList{"ALIBABA_CLOUD_CREDENTIALS_URI: not an http(s) URL"};
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
        QCOMPARE(result.spec.description, source);
        QVERIFY(!leaksSecret(result.spec.description));
        if (result.spec.kind == dbs::SignInSpec::Kind::Static)
            QVERIFY(result.spec.credential.accessKeySecret.contains(QLatin1String(secretMark)));
        QCOMPARE(result.lastResort, result.spec.kind == dbs::SignInSpec::Kind::EcsRamRole);
        QVERIFY(message.isEmpty());
        if (result.lastResort) {
            const QString notFound = result.errorMessage(QStringLiteral("no answer within 1 s"));
            QVERIFY2(notFound.startsWith(QLatin1String("No credentials found. Tried:")) &&
                         notFound.contains(
                             QLatin1String("- ECS instance metadata: no answer within 1 s")),
                     qPrintable(notFound));
        }
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
    QVERIFY(result.misconfigured());
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
    QCOMPARE(result.spec.credential.accessKeyId, QStringLiteral("LTAIe"));

    // No home directory: only the environment and an explicit file are looked at.
    result = dbs::resolve(env, QString());
    QVERIFY(result.ok());
    result =
        dbs::resolve(fixture::environment({"ALIBABA_CLOUD_ECS_METADATA_DISABLED=true"}), QString());
    QVERIFY(!result.ok());
    QVERIFY(!result.misconfigured());
    QVERIFY(result.errorMessage().contains(QLatin1String("no home directory")));
}

// ALIBABA_CLOUD_STS_REGION, ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED and ALIBABA_CLOUD_ROLE_SESSION_NAME
// fill what a role's source leaves out, as the official role providers do (interop_credentials
// found the INI ram_role_arn going to sts.aliyuncs.com where @alicloud/credentials went to the
// region's STS); what the source names wins; keys and other kinds are left alone.
void TestCredentialChain::roleEnvironment_data()
{
    QTest::addColumn<QStringList>("vars");
    QTest::addColumn<QByteArray>("cli");  // null: no ~/.aliyun/config.json
    QTest::addColumn<QByteArray>("ini");  // null: no ~/.alibabacloud/credentials
    QTest::addColumn<QString>("profile"); // --profile
    QTest::addColumn<QString>("spec");    // dump() of the chain's spec

    const QStringList all{"ALIBABA_CLOUD_STS_REGION=cn-shanghai",
                          "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED=True",
                          "ALIBABA_CLOUD_ROLE_SESSION_NAME=env-session"};
    const QByteArray iniRole = "[default]\ntype=ram_role_arn\naccess_key_id=LTAIini\n"
                               "access_key_secret=ini-S3CR3T\nrole_arn=acs:ram::1:role/ini\n";
    QTest::newRow("ini ram_role_arn") << all << QByteArray() << iniRole << QString()
                                      << "AssumeRole role=acs:ram::1:role/ini session=env-session "
                                         "duration=3600 region=cn-shanghai vpc=true "
                                         "source(Static id=LTAIini)";
    QTest::newRow("ini ram_role_arn, nothing set")
        << QStringList() << QByteArray() << iniRole << QString()
        << "AssumeRole role=acs:ram::1:role/ini duration=3600 source(Static id=LTAIini)";
    QTest::newRow("ini names its own")
        << all << QByteArray() << iniRole + "sts_region=cn-beijing\nrole_session_name=ini-session\n"
        << QString()
        << "AssumeRole role=acs:ram::1:role/ini session=ini-session duration=3600 "
           "region=cn-beijing vpc=true source(Static id=LTAIini)";
    QTest::newRow("vpc not true")
        << QStringList{"ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED=yes"} << QByteArray() << iniRole
        << QString()
        << "AssumeRole role=acs:ram::1:role/ini duration=3600 source(Static id=LTAIini)";

    const QByteArray base = R"({"name":"base","mode":"AK","access_key_id":"LTAIbase",)"
                            R"("access_key_secret":"base-S3CR3T"})";
    const QByteArray middle =
        R"({"name":"middle","mode":"ChainableRamRoleArn","source_profile":"base",)"
        R"("ram_role_arn":"acs:ram::1:role/middle","sts_region":"cn-beijing"})";
    const QByteArray top = R"({"name":"top","mode":"ChainableRamRoleArn","source_profile":)"
                           R"("middle","ram_role_arn":"acs:ram::1:role/top"})";
    const QByteArray cli = cliConfig("role", {roleProfile, base, middle, top});
    QTest::newRow("cli RamRoleArn") << all << cli << QByteArray() << QString()
                                    << "AssumeRole role=acs:ram::1:role/x session=env-session "
                                       "duration=3600 region=cn-shanghai vpc=true "
                                       "source(Static id=LTAIrole)";
    QTest::newRow("cli chained: each hop, its own region first")
        << QStringList{all.at(0)} << cliConfig("top", {roleProfile, base, middle, top})
        << QByteArray() << QString()
        << "AssumeRole role=acs:ram::1:role/top duration=3600 region=cn-shanghai "
           "source(AssumeRole role=acs:ram::1:role/middle duration=3600 region=cn-beijing "
           "source(Static id=LTAIbase))";
    QTest::newRow("--profile") << QStringList{all.at(2)} << cli << QByteArray()
                               << QStringLiteral("top")
                               << "AssumeRole role=acs:ram::1:role/top session=env-session "
                                  "duration=3600 source(AssumeRole role=acs:ram::1:role/middle "
                                  "session=env-session duration=3600 region=cn-beijing "
                                  "source(Static id=LTAIbase))";
    QTest::newRow("keys are keys")
        << all << cliConfig("dev", {akProfile}) << QByteArray() << QString() << "Static id=LTAIdev";
    QTest::newRow("ecs role") << all << QByteArray() << QByteArray("[default]\ntype=ecs_ram_role\n")
                              << QString() << "EcsRamRole";
}

void TestCredentialChain::roleEnvironment()
{
    QFETCH(QStringList, vars);
    QFETCH(QByteArray, cli);
    QFETCH(QByteArray, ini);
    QFETCH(QString, profile);
    QFETCH(QString, spec);

    QTemporaryDir home;
    QVERIFY(home.isValid());
    if (!cli.isNull())
        QVERIFY(writeFile(home.filePath(".aliyun/config.json"), cli));
    if (!ini.isNull())
        QVERIFY(writeFile(home.filePath(".alibabacloud/credentials"), ini));
    vars.append("HOME=" + home.path());
    const dbs::ChainResult result = dbs::resolve(fixture::environment(vars), home.path(), profile);
    QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
    QCOMPARE(dump(result.spec), spec);
}

QTEST_GUILESS_MAIN(TestCredentialChain)

#include "tst_credentialchain.moc"
