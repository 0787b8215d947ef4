// The simulator's paging, as the client cannot ask for it (PageNum absent, malformed, huge):
// DBS counts pages from 0; --page-base 1 models the other reading, answering 0 as page 1.
// Its STS (AssumeRole, AssumeRoleWithOIDC) and ECS instance metadata, and the keys they issue
// until those expire (metadata's rotated at half their life), over real HTTP on loopback; the
// log of issued keys.
#include "rawhttp.h"
#include <sim/metadata.h>
#include <sim/simulator.h>

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace dbs;

namespace {
namespace sg = dbs::signing;

struct Key
{
    QByteArray id;
    QByteArray secret;
    QByteArray token; // empty: a plain key
};

const Key demoKey{dbs::demoAccessKeyId, dbs::demoAccessKeySecret, {}};
const QByteArray stsVersion = "2015-04-01";
const QByteArray dbsVersion = "2019-03-06";
const QByteArray roleArn = "acs:ram::1234567890:role/ops-reader";
const QByteArray rolePath = "/latest/meta-data/ram/security-credentials/";

// One HTTP/1.1 request; a null body sends no Content-Length at all (as `curl -X PUT` does).
QByteArray httpRequest(quint16 port, const QByteArray &method, const QByteArray &target,
                       const QList<QPair<QByteArray, QByteArray>> &headers = {},
                       const QByteArray &body = QByteArray())
{
    QByteArray bytes =
        method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\n";
    for (const auto &[name, value] : headers)
        bytes += name + ": " + value + "\r\n";
    if (!body.isNull())
        bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return bytes + "Connection: close\r\n\r\n" + body;
}

enum class Signing { Signed, Unsigned, NoSignature, WrongSecret };

// An RPC call as @alicloud/credentials sends STS's: the common parameters in the query, the
// action's own in a form body, the V1 signature over both.
QByteArray v1Request(quint16 port, const Key &key, const QByteArray &action,
                     const QByteArray &version, const sg::QueryItems &form,
                     Signing signing = Signing::Signed)
{
    sg::QueryItems query = {
        {"Action", action},
        {"Version", version},
        {"Format", "JSON"},
        {"Timestamp", sg::timestamp(QDateTime::currentMSecsSinceEpoch()).toLatin1()},
    };
    if (signing != Signing::Unsigned) {
        query += sg::QueryItems{{"AccessKeyId", key.id},
                                {"SignatureMethod", "HMAC-SHA1"},
                                {"SignatureVersion", "1.0"},
                                {"SignatureNonce", sg::newNonce()}};
        if (!key.token.isEmpty())
            query.append({"SecurityToken", key.token});
    }
    if (signing == Signing::Signed || signing == Signing::WrongSecret) {
        const QByteArray secret = signing == Signing::Signed ? key.secret : key.secret + "x";
        query.append(
            {"Signature", sg::v1Signature(secret, sg::v1StringToSign("POST", query + form))});
    }
    return httpRequest(port, "POST", "/?" + sg::canonicalQuery(query),
                       {{"Content-Type", "application/x-www-form-urlencoded"}},
                       sg::canonicalQuery(form));
}

// The same the V3 way (ACS3-HMAC-SHA256), the parameters in the query, as the Darabonba SDK
// signs an STS credential's call (x-acs-security-token and x-acs-accesskey-id).
QByteArray v3Request(quint16 port, const Key &key, const QByteArray &action,
                     const QByteArray &version, const sg::QueryItems &query)
{
    sg::HeaderMap headers = {
        {"host", "127.0.0.1:" + QByteArray::number(port)},
        {"x-acs-action", action},
        {"x-acs-version", version},
        {"x-acs-date", sg::timestamp(QDateTime::currentMSecsSinceEpoch()).toLatin1()},
        {"x-acs-signature-nonce", sg::newNonce()},
        {"x-acs-content-sha256", sg::hexSha256({})},
    };
    if (!key.token.isEmpty()) {
        headers.insert("x-acs-security-token", key.token);
        headers.insert("x-acs-accesskey-id", key.id);
    }
    const QList<QByteArray> names = sg::v3HeadersToSign(headers);
    const QByteArray canonical =
        sg::v3CanonicalRequest("POST", "/", query, headers, names, sg::hexSha256({}));
    QList<QPair<QByteArray, QByteArray>> list;
    for (auto it = headers.cbegin(); it != headers.cend(); ++it) {
        if (it.key() != "host")
            list.append({it.key(), it.value()});
    }
    list.append({"Authorization",
                 sg::v3AuthorizationHeader(
                     key.id, names, sg::v3Signature(key.secret, sg::v3StringToSign(canonical)))});
    return httpRequest(port, "POST", "/?" + sg::canonicalQuery(query), list, "");
}

fixture::RawAnswer listGateways(quint16 port, const Key &key, bool v3)
{
    const sg::QueryItems params = {{"Region", "cn-hangzhou"}, {"PageSize", "30"}};
    return fixture::sendRaw(
        port, v3 ? v3Request(port, key, "DescribeBackupGatewayList", dbsVersion, params)
                 : v1Request(port, key, "DescribeBackupGatewayList", dbsVersion, params));
}

fixture::RawAnswer assumeRole(quint16 port, const Key &key, const sg::QueryItems &extra = {})
{
    return fixture::sendRaw(
        port,
        v1Request(port, key, "AssumeRole", stsVersion,
                  sg::QueryItems{{"RoleArn", roleArn}, {"RoleSessionName", "tester"}} + extra));
}

QJsonObject json(const fixture::RawAnswer &answer)
{
    return QJsonDocument::fromJson(answer.body()).object();
}

// The key in an AssumeRole answer's Credentials or in instance metadata's answer.
Key keyIn(const QJsonObject &credentials)
{
    return {credentials.value(u"AccessKeyId").toString().toLatin1(),
            credentials.value(u"AccessKeySecret").toString().toLatin1(),
            credentials.value(u"SecurityToken").toString().toLatin1()};
}

// An Expiration (ISO-8601 UTC, whole seconds, Z) in ms since the epoch; -1 when malformed.
qint64 expirationMs(const QJsonObject &credentials)
{
    const QString text = credentials.value(u"Expiration").toString();
    static const QRegularExpression format(QRegularExpression::anchoredPattern(
        QStringLiteral("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")));
    if (!format.match(text).hasMatch())
        return -1;
    return QDateTime::fromString(text, Qt::ISODate).toMSecsSinceEpoch();
}

std::unique_ptr<dbs::Simulator> startSimulator(dbs::SimulatorOptions options = {})
{
    options.gateways = 20;
    options.regions = {QStringLiteral("cn-hangzhou")};
    auto simulator = std::make_unique<dbs::Simulator>(options);
    QString error;
    if (!simulator->start(&error))
        qWarning("%s", qPrintable(error));
    return simulator;
}
} // namespace

Q_DECLARE_METATYPE(sg::QueryItems)

class TestSimulator final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pageNumbering_data();
    void pageNumbering();
    void heartbeatsKeepComing();
    void assumeRoleThenList_data();
    void assumeRoleThenList();
    void keysExpire();
    void assumeRoleRefused_data();
    void assumeRoleRefused();
    void chainedAssumeRole();
    void assumeRoleWithOidc_data();
    void assumeRoleWithOidc();
    void faultsSpareSts();
    void metadata_data();
    void metadata();
    void metadataKeyRotation_data();
    void metadataKeyRotation();
    void metadataKeyRotatesOverHttp();
    void issuedLog();
    void listensOnLoopbackOrMetadataAddress();
};

void TestSimulator::pageNumbering_data()
{
    QTest::addColumn<int>("pageBase");
    QTest::addColumn<QByteArray>("pageNum"); // null: no PageNum at all
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("firstRow"); // index of the page's first gateway; -1: an empty page

    // 100 gateways at 30 a page: four pages, the last holding 10.
    QTest::newRow("base 0, absent: the first page") << 0 << QByteArray() << 200 << 0;
    QTest::newRow("base 0, 0: the first page") << 0 << QByteArray("0") << 200 << 0;
    QTest::newRow("base 0, 1: the second") << 0 << QByteArray("1") << 200 << 30;
    QTest::newRow("base 0, 3: the last, short") << 0 << QByteArray("3") << 200 << 90;
    QTest::newRow("base 0, 4: past the end") << 0 << QByteArray("4") << 200 << -1;
    QTest::newRow("base 0, INT_MAX: past the end") << 0 << QByteArray("2147483647") << 200 << -1;
    QTest::newRow("base 1, absent: the first page") << 1 << QByteArray() << 200 << 0;
    QTest::newRow("base 1, 0: answered as 1") << 1 << QByteArray("0") << 200 << 0;
    QTest::newRow("base 1, 1: the first page") << 1 << QByteArray("1") << 200 << 0;
    QTest::newRow("base 1, 2: the second") << 1 << QByteArray("2") << 200 << 30;
    QTest::newRow("base 1, 4: the last, short") << 1 << QByteArray("4") << 200 << 90;
    QTest::newRow("base 1, 5: past the end") << 1 << QByteArray("5") << 200 << -1;
    for (int base : {0, 1}) {
        for (const char *bad : {"-1", "1.5", "+1", " 1", "1 ", "0x1", "abc", "", "99999999999"})
            QTest::addRow("base %d, \"%s\": refused", base, bad)
                << base << QByteArray(bad) << 400 << -1;
    }
}

void TestSimulator::pageNumbering()
{
    QFETCH(int, pageBase);
    QFETCH(QByteArray, pageNum);
    QFETCH(int, status);
    QFETCH(int, firstRow);
    dbs::SimulatorOptions options;
    options.gateways = 100;
    options.regions = {QStringLiteral("cn-beijing")};
    options.pageBase = pageBase;
    dbs::Simulator simulator(options);
    QString error;
    QVERIFY2(simulator.start(&error), qPrintable(error));
    const QVector<BackupGateway> all = simulator.gatewaysIn(QStringLiteral("cn-beijing"));
    QCOMPARE(all.size(), 100);

    signing::QueryItems items = {
        {"Action", "DescribeBackupGatewayList"}, {"Region", "cn-beijing"}, {"PageSize", "30"}};
    if (!pageNum.isNull())
        items.append({"PageNum", pageNum});
    const fixture::RawAnswer answer =
        fixture::sendRaw(simulator.port(), fixture::signedV1(simulator.port(), items));
    QCOMPARE(answer.status(), status);
    const QJsonObject body = QJsonDocument::fromJson(answer.body()).object();
    if (status != 200) {
        QCOMPARE(body.value(QStringLiteral("Code")).toString(), QStringLiteral("InvalidParameter"));
        QVERIFY(body.value(QStringLiteral("Message")).toString().contains(u"PageNum"));
        return;
    }
    QCOMPARE(body.value(QStringLiteral("TotalElements")).toInt(), 100);
    QCOMPARE(body.value(QStringLiteral("TotalPages")).toInt(), 4);
    QCOMPARE(body.value(QStringLiteral("PageNum")).toInt(),
             pageNum.isNull() ? pageBase : pageNum.toInt()); // the page asked for, echoed
    const QJsonArray rows = body.value(QStringLiteral("Items"))
                                .toObject()
                                .value(QStringLiteral("BackupGateway"))
                                .toArray();
    if (firstRow < 0) {
        QVERIFY(rows.isEmpty());
        return;
    }
    QCOMPARE(rows.size(), qMin(30, 100 - firstRow));
    for (int i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows.at(i).toObject().value(QStringLiteral("BackupGatewayId")).toString(),
                 all.at(firstRow + i).backupGatewayId);
    }
}

// A live fleet: with a heartbeat interval, ONLINE gateways keep reporting while the simulator
// serves, without any churn.
void TestSimulator::heartbeatsKeepComing()
{
    dbs::SimulatorOptions options;
    options.gateways = 200;
    options.heartbeatIntervalMs = 400;
    dbs::Simulator simulator(options);
    QString error;
    QVERIFY2(simulator.start(&error), qPrintable(error));
    const QVector<BackupGateway> first = simulator.inventory();
    QTest::qWait(1200);
    const QVector<BackupGateway> later = simulator.inventory();
    QCOMPARE(later.size(), first.size()); // no churn asked for
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    int advanced = 0, online = 0;
    for (int i = 0; i < later.size(); ++i) {
        QCOMPARE(later.at(i).status, first.at(i).status);
        if (later.at(i).status != u"ONLINE" || now - first.at(i).lastHeartbeatTime > 5 * 60'000)
            continue;
        ++online;
        advanced += later.at(i).lastHeartbeatTime > first.at(i).lastHeartbeatTime;
        QVERIFY(now - later.at(i).lastHeartbeatTime < 1000);
    }
    QVERIFY(online > 50);
    QCOMPARE(advanced, online);
}

// ---- STS and instance metadata on the same listener ----------------------------------------

void TestSimulator::assumeRoleThenList_data()
{
    QTest::addColumn<bool>("assumeV3");
    QTest::addColumn<bool>("listV3");
    QTest::newRow("AssumeRole V1, DBS V1") << false << false;
    QTest::newRow("AssumeRole V1, DBS V3") << false << true;
    QTest::newRow("AssumeRole V3, DBS V1") << true << false;
}

void TestSimulator::assumeRoleThenList()
{
    QFETCH(bool, assumeV3);
    QFETCH(bool, listV3);
    auto simulator = startSimulator();
    const quint16 port = simulator->port();
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const sg::QueryItems role = {{"RoleArn", roleArn}, {"RoleSessionName", "tester"}};
    const fixture::RawAnswer answer =
        assumeV3 ? fixture::sendRaw(port, v3Request(port, demoKey, "AssumeRole", stsVersion, role))
                 : assumeRole(port, demoKey);
    QVERIFY2(answer.status() == 200, answer.data.constData());
    const QJsonObject body = json(answer);
    QVERIFY(!body.value(u"RequestId").toString().isEmpty());
    const QJsonObject user = body.value(u"AssumedRoleUser").toObject();
    QCOMPARE(user.value(u"Arn").toString(),
             QStringLiteral("acs:ram::1234567890:assumed-role/ops-reader/tester"));
    QVERIFY(user.value(u"AssumedRoleId").toString().endsWith(u":tester"));
    const QJsonObject credentials = body.value(u"Credentials").toObject();
    const Key key = keyIn(credentials);
    QVERIFY2(key.id.startsWith("STS."), key.id.constData());
    QVERIFY(!key.secret.isEmpty());
    QVERIFY(key.token.size() > 100);
    // No DurationSeconds: 3600, the default, which --sts-duration (3600) does not cut.
    const qint64 expiration = expirationMs(credentials);
    QVERIFY2(expiration >= before + 3600'000 &&
                 expiration <= QDateTime::currentMSecsSinceEpoch() + 3601'000,
             qPrintable(credentials.value(u"Expiration").toString()));

    const fixture::RawAnswer page = listGateways(port, key, listV3);
    QVERIFY2(page.status() == 200, page.data.constData());
    QCOMPARE(json(page).value(u"TotalElements").toInt(), 20);
    // The key is nothing without its own token.
    const fixture::RawAnswer other = listGateways(port, {key.id, key.secret, "CAIS-other"}, listV3);
    QCOMPARE(other.status(), 400);
    QCOMPARE(json(other).value(u"Code").toString(),
             QStringLiteral("InvalidSecurityToken.MismatchWithAccessKey"));
    QCOMPARE(json(other).value(u"Message").toString(),
             QStringLiteral("Specified SecurityToken mismatch with the AccessKey."));
    const fixture::RawAnswer none = listGateways(port, {key.id, key.secret, {}}, listV3);
    QCOMPARE(none.status(), 400);
    QCOMPARE(json(none).value(u"Code").toString(), QStringLiteral("MissingSecurityToken"));
}

// Every temporary thing ends: STS keys, metadata keys and metadata tokens, at --sts-duration
// (here 1 s) and at the token's TTL. One wait of at most two seconds for all of them.
void TestSimulator::keysExpire()
{
    dbs::SimulatorOptions options;
    options.stsDurationSeconds = 1;
    options.ecsRoleName = QStringLiteral("demo-role");
    auto simulator = startSimulator(options);
    const quint16 port = simulator->port();

    const fixture::RawAnswer tokenAnswer =
        fixture::sendRaw(port, httpRequest(port, "PUT", "/latest/api/token",
                                           {{"X-aliyun-ecs-metadata-token-ttl-seconds", "1"}}));
    const qint64 tokenIssued = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(tokenAnswer.status(), 200);
    const QByteArray token = tokenAnswer.body();
    QVERIFY(!token.isEmpty());

    // DurationSeconds asks for 900; --sts-duration cuts it to 1.
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const fixture::RawAnswer sts = assumeRole(port, demoKey, {{"DurationSeconds", "900"}});
    QVERIFY2(sts.status() == 200, sts.data.constData());
    const QJsonObject stsCredentials = json(sts).value(u"Credentials").toObject();
    const Key stsKey = keyIn(stsCredentials);
    const qint64 stsExpiration = expirationMs(stsCredentials);
    // Rounded up to the second: 1 to 2 s after the server issued it.
    QVERIFY(stsExpiration >= before + 1000 &&
            stsExpiration <= QDateTime::currentMSecsSinceEpoch() + 2000);

    const fixture::RawAnswer metadata =
        fixture::sendRaw(port, httpRequest(port, "GET", rolePath + "demo-role",
                                           {{"X-aliyun-ecs-metadata-token", token}}));
    QVERIFY2(metadata.status() == 200, metadata.data.constData());
    const Key metadataKey = keyIn(json(metadata));
    const qint64 metadataExpiration = expirationMs(json(metadata));
    QVERIFY(metadataExpiration >= before + 1000 &&
            metadataExpiration <= QDateTime::currentMSecsSinceEpoch() + 2000);

    QCOMPARE(listGateways(port, stsKey, false).status(), 200);
    QCOMPARE(listGateways(port, metadataKey, true).status(), 200);

    const qint64 until = std::max({stsExpiration, metadataExpiration, tokenIssued + 1000}) + 50;
    const qint64 wait = until - QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(wait < 2100, qPrintable(QString::number(wait)));
    QTest::qWait(int(std::max<qint64>(0, wait)));

    for (const auto &[key, v3] : {std::pair{stsKey, false}, std::pair{stsKey, true},
                                  std::pair{metadataKey, false}, std::pair{metadataKey, true}}) {
        const fixture::RawAnswer expired = listGateways(port, key, v3);
        QCOMPARE(expired.status(), 403);
        QCOMPARE(json(expired).value(u"Code").toString(),
                 QStringLiteral("InvalidSecurityToken.Expired"));
        QCOMPARE(json(expired).value(u"Message").toString(),
                 QStringLiteral("Specified SecurityToken is expired."));
    }
    // Nor does an expired key assume a role; STS answers in its own words (no DBS fields).
    const fixture::RawAnswer chained = assumeRole(port, stsKey);
    QCOMPARE(chained.status(), 403);
    QCOMPARE(json(chained).value(u"Code").toString(),
             QStringLiteral("InvalidSecurityToken.Expired"));
    QCOMPARE(json(chained).value(u"HostId").toString(), QStringLiteral("sts.simulator.local"));
    QVERIFY(!json(chained).contains(u"ErrCode"));
    const fixture::RawAnswer staleToken = fixture::sendRaw(
        port, httpRequest(port, "GET", rolePath, {{"X-aliyun-ecs-metadata-token", token}}));
    QCOMPARE(staleToken.status(), 401);
    // The demo key is configured: it never expires.
    QCOMPARE(listGateways(port, demoKey, false).status(), 200);
}

void TestSimulator::assumeRoleRefused_data()
{
    QTest::addColumn<int>("signing");
    QTest::addColumn<QByteArray>("keyId");
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<sg::QueryItems>("form");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const sg::QueryItem arn{"RoleArn", roleArn};
    const sg::QueryItem session{"RoleSessionName", "tester"};
    const QByteArray demo = dbs::demoAccessKeyId;
    const int ok = int(Signing::Signed);
    QTest::newRow("bad RoleArn") << ok << demo << stsVersion
                                 << sg::QueryItems{{"RoleArn", "acs:ram::1234:user/ops"}, session}
                                 << 400 << "InvalidParameter.RoleArn";
    QTest::newRow("no RoleArn") << ok << demo << stsVersion << sg::QueryItems{session} << 400
                                << "MissingRoleArn";
    QTest::newRow("bad session name")
        << ok << demo << stsVersion << sg::QueryItems{arn, {"RoleSessionName", "x"}} << 400
        << "InvalidParameter.RoleSessionName";
    QTest::newRow("duration too short")
        << ok << demo << stsVersion << sg::QueryItems{arn, session, {"DurationSeconds", "60"}}
        << 400 << "InvalidParameter.DurationSeconds";
    QTest::newRow("duration too long")
        << ok << demo << stsVersion << sg::QueryItems{arn, session, {"DurationSeconds", "43201"}}
        << 400 << "InvalidParameter.DurationSeconds";
    QTest::newRow("DBS's version")
        << ok << demo << dbsVersion << sg::QueryItems{arn, session} << 400 << "InvalidVersion";
    // Only AssumeRoleWithOIDC goes without a signature.
    QTest::newRow("unsigned") << int(Signing::Unsigned) << demo << stsVersion
                              << sg::QueryItems{arn, session} << 400 << "MissingAccessKeyId";
    QTest::newRow("no signature") << int(Signing::NoSignature) << demo << stsVersion
                                  << sg::QueryItems{arn, session} << 400 << "MissingSignature";
    QTest::newRow("wrong secret") << int(Signing::WrongSecret) << demo << stsVersion
                                  << sg::QueryItems{arn, session} << 400 << "SignatureDoesNotMatch";
    QTest::newRow("unknown key") << ok << QByteArray("LTAInobody") << stsVersion
                                 << sg::QueryItems{arn, session} << 404
                                 << "InvalidAccessKeyId.NotFound";
}

void TestSimulator::assumeRoleRefused()
{
    QFETCH(int, signing);
    QFETCH(QByteArray, keyId);
    QFETCH(QByteArray, version);
    QFETCH(sg::QueryItems, form);
    QFETCH(int, status);
    QFETCH(QString, code);
    auto simulator = startSimulator();
    const quint16 port = simulator->port();
    const fixture::RawAnswer answer =
        fixture::sendRaw(port, v1Request(port, {keyId, demoKey.secret, {}}, "AssumeRole", version,
                                         form, Signing(signing)));
    QCOMPARE(answer.status(), status);
    const QJsonObject body = json(answer);
    QCOMPARE(body.value(u"Code").toString(), code);
    QVERIFY(!body.value(u"Message").toString().isEmpty());
    QVERIFY(!body.contains(u"Credentials"));
    QCOMPARE(body.value(u"HostId").toString(), QStringLiteral("sts.simulator.local"));
    QVERIFY(body.value(u"Recommend").toString().contains(u"product=Sts"));
}

// A role assumed with an STS key (ChainableRamRoleArn), V1 and V3; the chain's keys all work.
void TestSimulator::chainedAssumeRole()
{
    auto simulator = startSimulator();
    const quint16 port = simulator->port();
    const fixture::RawAnswer first = assumeRole(port, demoKey);
    QCOMPARE(first.status(), 200);
    const Key firstKey = keyIn(json(first).value(u"Credentials").toObject());

    const fixture::RawAnswer second = assumeRole(port, firstKey, {{"DurationSeconds", "900"}});
    QVERIFY2(second.status() == 200, second.data.constData());
    const Key secondKey = keyIn(json(second).value(u"Credentials").toObject());
    QVERIFY(secondKey.id != firstKey.id);

    const fixture::RawAnswer third = fixture::sendRaw(
        port, v3Request(port, secondKey, "AssumeRole", stsVersion,
                        {{"RoleArn", "acs:ram::42:role/next"}, {"RoleSessionName", "hop3"}}));
    QVERIFY2(third.status() == 200, third.data.constData());
    QCOMPARE(json(third).value(u"AssumedRoleUser").toObject().value(u"Arn").toString(),
             QStringLiteral("acs:ram::42:assumed-role/next/hop3"));
    const Key thirdKey = keyIn(json(third).value(u"Credentials").toObject());

    for (const Key &key : {firstKey, secondKey, thirdKey})
        QCOMPARE(listGateways(port, key, false).status(), 200);
    // An STS key without its token assumes nothing.
    const fixture::RawAnswer tokenless = assumeRole(port, {firstKey.id, firstKey.secret, {}});
    QCOMPARE(tokenless.status(), 400);
    QCOMPARE(json(tokenless).value(u"Code").toString(), QStringLiteral("MissingSecurityToken"));
}

void TestSimulator::assumeRoleWithOidc_data()
{
    QTest::addColumn<sg::QueryItems>("form");
    QTest::addColumn<qint64>("clockSkewMs"); // of the request's Timestamp
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const sg::QueryItem provider{"OIDCProviderArn", "acs:ram::1234567890:oidc-provider/ack"};
    const sg::QueryItem token{"OIDCToken", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl"};
    const sg::QueryItem arn{"RoleArn", roleArn};
    const sg::QueryItem session{"RoleSessionName", "credentials-nodejs-1700000000000"};
    const sg::QueryItem duration{"DurationSeconds", "900"};
    QTest::newRow("accepted") << sg::QueryItems{provider, token, arn, session, duration}
                              << qint64(0) << 200 << "";
    QTest::newRow("not a JWT")
        << sg::QueryItems{provider, {"OIDCToken", "not-a-jwt"}, arn, session, duration} << qint64(0)
        << 400 << "InvalidParameter.OIDCToken";
    QTest::newRow("no token") << sg::QueryItems{provider, arn, session, duration} << qint64(0)
                              << 400 << "MissingOIDCToken";
    QTest::newRow("bad provider") << sg::QueryItems{{"OIDCProviderArn",
                                                     "acs:ram::1234567890:role/ack"},
                                                    token,
                                                    arn,
                                                    session,
                                                    duration}
                                  << qint64(0) << 400 << "InvalidParameter.OIDCProviderArn";
    QTest::newRow("stale timestamp")
        << sg::QueryItems{provider, token, arn, session, duration} << qint64(-20 * 60 * 1000) << 400
        << "InvalidTimeStamp.Expired";
}

void TestSimulator::assumeRoleWithOidc()
{
    QFETCH(sg::QueryItems, form);
    QFETCH(qint64, clockSkewMs);
    QFETCH(int, status);
    QFETCH(QString, code);
    auto simulator = startSimulator();
    const quint16 port = simulator->port();
    // As @alicloud/credentials sends it: Version, Action, Format and Timestamp in the query,
    // no key, no nonce, no signature.
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const sg::QueryItems query = {{"Version", stsVersion},
                                  {"Action", "AssumeRoleWithOIDC"},
                                  {"Format", "JSON"},
                                  {"Timestamp", sg::timestamp(before + clockSkewMs).toLatin1()}};
    const fixture::RawAnswer answer =
        fixture::sendRaw(port, httpRequest(port, "POST", "/?" + sg::canonicalQuery(query),
                                           {{"Content-Type", "application/x-www-form-urlencoded"}},
                                           sg::canonicalQuery(form)));
    QVERIFY2(answer.status() == status, answer.data.constData());
    const QJsonObject body = json(answer);
    if (status != 200) {
        QCOMPARE(body.value(u"Code").toString(), code);
        return;
    }
    QCOMPARE(body.value(u"AssumedRoleUser").toObject().value(u"Arn").toString(),
             QStringLiteral("acs:ram::1234567890:assumed-role/ops-reader/"
                            "credentials-nodejs-1700000000000"));
    const QJsonObject credentials = body.value(u"Credentials").toObject();
    const qint64 expiration = expirationMs(credentials);
    QVERIFY(expiration >= before + 900'000 &&
            expiration <= QDateTime::currentMSecsSinceEpoch() + 901'000);
    QCOMPARE(listGateways(port, keyIn(credentials), true).status(), 200);
}

// Faults are DBS's: with every DBS answer a 500, sign-in still works.
void TestSimulator::faultsSpareSts()
{
    dbs::SimulatorOptions options;
    options.faults = {{dbs::Fault::Http500, 1.0}};
    auto simulator = startSimulator(options);
    const quint16 port = simulator->port();
    const fixture::RawAnswer sts = assumeRole(port, demoKey);
    QVERIFY2(sts.status() == 200, sts.data.constData());
    const Key key = keyIn(json(sts).value(u"Credentials").toObject());
    const fixture::RawAnswer page = listGateways(port, key, false);
    QCOMPARE(page.status(), 500);
    QCOMPARE(json(page).value(u"Code").toString(), QStringLiteral("InternalError"));
}

void TestSimulator::metadata_data()
{
    QTest::addColumn<QString>("role"); // --ecs-role; empty: no metadata
    QTest::addColumn<bool>("v2Only");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("token");       // 0: no token header, 1: a token just issued, 2: made up
    QTest::addColumn<QByteArray>("ttl");  // the ttl header of a token PUT; null: none
    QTest::addColumn<QByteArray>("body"); // null: no Content-Length
    QTest::addColumn<int>("status");

    const QString role = QStringLiteral("demo-role");
    const QByteArray tokenPath = "/latest/api/token";
    const QByteArray credentials = rolePath + "demo-role";
    const QByteArray none;
    const QByteArray empty("");
    QTest::newRow("off: token") << QString() << false << QByteArray("PUT") << tokenPath << 0
                                << QByteArray("21600") << none << 404;
    QTest::newRow("off: role") << QString() << false << QByteArray("GET") << rolePath << 0 << none
                               << none << 404;
    QTest::newRow("off: credentials")
        << QString() << false << QByteArray("GET") << credentials << 0 << none << none << 404;
    // curl -X PUT sends no Content-Length; Node, Go and Qt send "Content-Length: 0".
    QTest::newRow("token, no Content-Length") << role << false << QByteArray("PUT") << tokenPath
                                              << 0 << QByteArray("21600") << none << 200;
    QTest::newRow("token, Content-Length 0") << role << false << QByteArray("PUT") << tokenPath << 0
                                             << QByteArray("21600") << empty << 200;
    QTest::newRow("token for 1 s")
        << role << false << QByteArray("PUT") << tokenPath << 0 << QByteArray("1") << empty << 200;
    for (const char *bad : {"0", "21601", "abc", "-5", ""})
        QTest::addRow("token ttl \"%s\"", bad) << role << false << QByteArray("PUT") << tokenPath
                                               << 0 << QByteArray(bad) << empty << 400;
    QTest::newRow("token, no ttl")
        << role << false << QByteArray("PUT") << tokenPath << 0 << none << empty << 400;
    QTest::newRow("token by GET") << role << false << QByteArray("GET") << tokenPath << 0
                                  << QByteArray("60") << none << 405;
    QTest::newRow("token by POST") << role << false << QByteArray("POST") << tokenPath << 0
                                   << QByteArray("60") << empty << 405;
    QTest::newRow("role, v1") << role << false << QByteArray("GET") << rolePath << 0 << none << none
                              << 200;
    QTest::newRow("role, v2") << role << false << QByteArray("GET") << rolePath << 1 << none << none
                              << 200;
    QTest::newRow("role, unknown token")
        << role << false << QByteArray("GET") << rolePath << 2 << none << none << 401;
    QTest::newRow("role, v2 only, no token")
        << role << true << QByteArray("GET") << rolePath << 0 << none << none << 401;
    QTest::newRow("role, v2 only, token")
        << role << true << QByteArray("GET") << rolePath << 1 << none << none << 200;
    QTest::newRow("credentials, v1")
        << role << false << QByteArray("GET") << credentials << 0 << none << none << 200;
    QTest::newRow("credentials, v2")
        << role << false << QByteArray("GET") << credentials << 1 << none << none << 200;
    QTest::newRow("credentials, unknown token")
        << role << false << QByteArray("GET") << credentials << 2 << none << none << 401;
    QTest::newRow("credentials, v2 only, no token")
        << role << true << QByteArray("GET") << credentials << 0 << none << none << 401;
    QTest::newRow("credentials, v2 only, token")
        << role << true << QByteArray("GET") << credentials << 1 << none << none << 200;
    QTest::newRow("credentials of another role")
        << role << false << QByteArray("GET") << QByteArray(rolePath + "admin") << 1 << none << none
        << 404;
    QTest::newRow("credentials by PUT")
        << role << false << QByteArray("PUT") << credentials << 1 << none << empty << 405;
    QTest::newRow("credentials by DELETE")
        << role << false << QByteArray("DELETE") << credentials << 1 << none << none << 405;
    QTest::newRow("other metadata")
        << role << false << QByteArray("GET") << QByteArray("/latest/meta-data/instance-id") << 1
        << none << none << 404;
}

void TestSimulator::metadata()
{
    QFETCH(QString, role);
    QFETCH(bool, v2Only);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(int, token);
    QFETCH(QByteArray, ttl);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    dbs::SimulatorOptions options;
    options.ecsRoleName = role;
    options.imdsV2Only = v2Only;
    auto simulator = startSimulator(options);
    const quint16 port = simulator->port();

    QList<QPair<QByteArray, QByteArray>> headers;
    if (token == 1) {
        const fixture::RawAnswer issued = fixture::sendRaw(
            port, httpRequest(port, "PUT", "/latest/api/token",
                              {{"X-aliyun-ecs-metadata-token-ttl-seconds", "21600"}}));
        QCOMPARE(issued.status(), 200);
        headers.append({"X-aliyun-ecs-metadata-token", issued.body()});
    } else if (token == 2) {
        headers.append({"X-aliyun-ecs-metadata-token", QByteArray("made-up-token")});
    }
    if (!ttl.isNull())
        headers.append({"X-aliyun-ecs-metadata-token-ttl-seconds", ttl});
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const fixture::RawAnswer answer =
        fixture::sendRaw(port, httpRequest(port, method, path, headers, body));
    QVERIFY2(answer.status() == status, answer.data.constData());
    if (status != 200)
        return;

    if (path == "/latest/api/token") {
        // The token works, and says who it is for (header names are case-insensitive).
        const QByteArray issued = answer.body();
        QVERIFY(issued.size() >= 32);
        const fixture::RawAnswer name = fixture::sendRaw(
            port, httpRequest(port, "GET", rolePath, {{"x-aliyun-ecs-metadata-token", issued}}));
        QCOMPARE(name.status(), 200);
        QCOMPARE(name.body(), role.toUtf8());
    } else if (path == rolePath) {
        QCOMPARE(answer.body(), role.toUtf8());
    } else {
        const QJsonObject credentials = json(answer);
        QCOMPARE(credentials.value(u"Code").toString(), QStringLiteral("Success"));
        const Key key = keyIn(credentials);
        QVERIFY(key.id.startsWith("STS."));
        QVERIFY(!key.secret.isEmpty() && !key.token.isEmpty());
        const qint64 expiration = expirationMs(credentials);
        QVERIFY(expiration >= before + 3600'000 &&
                expiration <= QDateTime::currentMSecsSinceEpoch() + 3601'000);
        const QDateTime updated =
            QDateTime::fromString(credentials.value(u"LastUpdated").toString(), Qt::ISODate);
        QVERIFY(qAbs(updated.toMSecsSinceEpoch() - before) < 2000);
        QCOMPARE(listGateways(port, key, true).status(), 200);
        // The same key again, as the real service answers while it has long to live, and
        // still dated when it was issued.
        const fixture::RawAnswer again =
            fixture::sendRaw(port, httpRequest(port, method, path, headers, body));
        QCOMPARE(again.status(), 200);
        const Key second = keyIn(json(again));
        QCOMPARE(second.id, key.id);
        QCOMPARE(second.secret, key.secret);
        QCOMPARE(second.token, key.token);
        QCOMPARE(json(again).value(u"Expiration"), credentials.value(u"Expiration"));
        QCOMPARE(json(again).value(u"LastUpdated"), credentials.value(u"LastUpdated"));
    }
}

// The role's key is handed out again while more than half of its lifetime is left; from then
// on the next one, with the last one still valid until it expires.
void TestSimulator::metadataKeyRotation_data()
{
    QTest::addColumn<qint64>("askedAtMs");
    QTest::addColumn<bool>("fresh");
    // Issued at 10 000, expiring at 12 000: half its life left at 11 000.
    QTest::newRow("just issued") << qint64(10'000) << false;
    QTest::newRow("more than half left") << qint64(10'999) << false;
    QTest::newRow("exactly half left") << qint64(11'000) << true;
    QTest::newRow("less than half left") << qint64(11'500) << true;
    QTest::newRow("expired") << qint64(13'000) << true;
}

void TestSimulator::metadataKeyRotation()
{
    QFETCH(qint64, askedAtMs);
    QFETCH(bool, fresh);
    dbs::metadata::RoleKey roleKey;
    int issued = 0;
    const auto issue = [&issued](qint64 nowMs) {
        ++issued;
        dbs::AccessKey key;
        key.id = "STS.key" + QByteArray::number(issued);
        key.expiresAtMs = nowMs + 2000;
        return key;
    };
    const dbs::metadata::RoleKey::Answer first = roleKey.current(10'000, issue);
    QVERIFY(first.fresh);
    QCOMPARE(first.key.id, QByteArray("STS.key1"));
    QCOMPARE(first.issuedAtMs, qint64(10'000));
    const dbs::metadata::RoleKey::Answer later = roleKey.current(askedAtMs, issue);
    QCOMPARE(later.fresh, fresh);
    QCOMPARE(later.key.id, fresh ? QByteArray("STS.key2") : QByteArray("STS.key1"));
    QCOMPARE(later.issuedAtMs, fresh ? askedAtMs : qint64(10'000));
    QCOMPARE(issued, fresh ? 2 : 1);
    // And the next one is held in turn.
    const dbs::metadata::RoleKey::Answer again = roleKey.current(askedAtMs, issue);
    QVERIFY(!again.fresh);
    QCOMPARE(again.key.id, later.key.id);
}

// The same over HTTP, with keys that live 2 s: one wait of at most ~1.5 s.
void TestSimulator::metadataKeyRotatesOverHttp()
{
    dbs::SimulatorOptions options;
    options.stsDurationSeconds = 2;
    options.ecsRoleName = QStringLiteral("demo-role");
    auto simulator = startSimulator(options);
    const quint16 port = simulator->port();
    const auto get = [port] {
        return fixture::sendRaw(port, httpRequest(port, "GET", rolePath + "demo-role"));
    };
    const fixture::RawAnswer first = get();
    const qint64 afterFirst = QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(first.status() == 200, first.data.constData());
    const Key firstKey = keyIn(json(first));
    const qint64 expiration = expirationMs(json(first));
    QVERIFY(expiration > afterFirst);
    const fixture::RawAnswer second = get();
    QCOMPARE(keyIn(json(second)).id, firstKey.id);

    // Issued before afterFirst: by (expiration + afterFirst) / 2 at most half its life is left.
    const qint64 wait = (expiration + afterFirst) / 2 + 20 - QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(wait < 1600, qPrintable(QString::number(wait)));
    QTest::qWait(int(std::max<qint64>(0, wait)));
    const fixture::RawAnswer third = get();
    QVERIFY2(third.status() == 200, third.data.constData());
    const Key thirdKey = keyIn(json(third));
    QVERIFY(thirdKey.id != firstKey.id);
    QVERIFY(expirationMs(json(third)) > expiration);
    // The last key still works until it expires (a client holding it is not cut off).
    QVERIFY(QDateTime::currentMSecsSinceEpoch() < expiration - 100);
    QCOMPARE(listGateways(port, firstKey, false).status(), 200);
    QCOMPARE(listGateways(port, thirdKey, false).status(), 200);
}

// --issued-log: one JSON line per key issued (not per answer), naming the kind, the key's id
// and the role, never its secret or token.
void TestSimulator::issuedLog()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    dbs::SimulatorOptions options;
    options.ecsRoleName = QStringLiteral("demo-role");
    options.issuedLogFile = dir.filePath(QStringLiteral("issued.jsonl"));
    auto simulator = startSimulator(options);
    const quint16 port = simulator->port();

    const fixture::RawAnswer sts = assumeRole(port, demoKey);
    QVERIFY2(sts.status() == 200, sts.data.constData());
    const Key stsKey = keyIn(json(sts).value(u"Credentials").toObject());
    const sg::QueryItems query = {
        {"Version", stsVersion},
        {"Action", "AssumeRoleWithOIDC"},
        {"Format", "JSON"},
        {"Timestamp", sg::timestamp(QDateTime::currentMSecsSinceEpoch()).toLatin1()}};
    const sg::QueryItems form = {{"OIDCProviderArn", "acs:ram::1234567890:oidc-provider/ack"},
                                 {"OIDCToken", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl"},
                                 {"RoleArn", "acs:ram::1234567890:role/oidc-role"},
                                 {"RoleSessionName", "oidc-session"}};
    const fixture::RawAnswer oidc =
        fixture::sendRaw(port, httpRequest(port, "POST", "/?" + sg::canonicalQuery(query),
                                           {{"Content-Type", "application/x-www-form-urlencoded"}},
                                           sg::canonicalQuery(form)));
    QVERIFY2(oidc.status() == 200, oidc.data.constData());
    const Key oidcKey = keyIn(json(oidc).value(u"Credentials").toObject());
    QList<Key> metadataKeys;
    QJsonValue metadataExpiration;
    for (int i = 0; i < 2; ++i) {
        const fixture::RawAnswer answer =
            fixture::sendRaw(port, httpRequest(port, "GET", rolePath + "demo-role"));
        QVERIFY2(answer.status() == 200, answer.data.constData());
        metadataKeys.append(keyIn(json(answer)));
        metadataExpiration = json(answer).value(u"Expiration");
    }
    QCOMPARE(metadataKeys.at(1).id, metadataKeys.at(0).id);
    // Refused calls issue nothing.
    QCOMPARE(assumeRole(port, {demoKey.id, "wrong", {}}).status(), 400);
    simulator->stop();

    QFile file(options.issuedLogFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    const QList<QByteArray> lines = text.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QList<QJsonObject> entries;
    for (const QByteArray &line : lines) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        QVERIFY2(error.error == QJsonParseError::NoError && document.isObject(), line.constData());
        entries.append(document.object());
    }
    const QJsonObject expected[] = {
        {{"kind", "AssumeRole"},
         {"accessKeyId", QString::fromLatin1(stsKey.id)},
         {"roleArn", QString::fromLatin1(roleArn)},
         {"roleSessionName", "tester"},
         {"sourceAccessKeyId", QString::fromLatin1(demoKey.id)},
         {"expiration", json(sts).value(u"Credentials").toObject().value(u"Expiration")}},
        {{"kind", "AssumeRoleWithOIDC"},
         {"accessKeyId", QString::fromLatin1(oidcKey.id)},
         {"roleArn", "acs:ram::1234567890:role/oidc-role"},
         {"roleSessionName", "oidc-session"},
         {"expiration", json(oidc).value(u"Credentials").toObject().value(u"Expiration")}},
        {{"kind", "InstanceMetadata"},
         {"accessKeyId", QString::fromLatin1(metadataKeys.at(0).id)},
         {"roleName", "demo-role"},
         {"expiration", metadataExpiration}},
    };
    for (int i = 0; i < 3; ++i)
        QCOMPARE(entries.at(i), expected[i]);
    for (const Key &key : {stsKey, oidcKey, metadataKeys.at(0)}) {
        QVERIFY(!text.contains(key.secret));
        QVERIFY(!text.contains(key.token));
    }
    QVERIFY(!text.contains(demoKey.secret));

    // A log that cannot be written stops the start, with the reason.
    options.issuedLogFile = dir.filePath(QStringLiteral("missing/issued.jsonl"));
    dbs::Simulator unwritable(options);
    QString error;
    QVERIFY(!unwritable.start(&error));
    QVERIFY2(error.contains(options.issuedLogFile), qPrintable(error));
}

// Loopback only, and instance metadata's own address, which only a test's network namespace
// makes local: elsewhere binding it fails, as binding any address not on this host does.
void TestSimulator::listensOnLoopbackOrMetadataAddress()
{
    for (const char *host : {"10.1.2.3", "0.0.0.0", "100.100.100.201"}) {
        dbs::SimulatorOptions options;
        options.host = QLatin1String(host);
        dbs::Simulator simulator(options);
        QString error;
        QVERIFY(!simulator.start(&error));
        QVERIFY2(error.contains(u"loopback only"), qPrintable(error));
    }
    dbs::SimulatorOptions options;
    options.host = QLatin1String(dbs::metadataHost);
    dbs::Simulator simulator(options);
    QString error;
    if (simulator.start(&error)) {
        // This host (a test's namespace) has the address: it serves there.
        QVERIFY(simulator.baseUrl().startsWith(u"http://100.100.100.200:"));
    } else {
        QVERIFY2(!error.contains(u"loopback only"), qPrintable(error));
        QVERIFY2(error.contains(u"cannot listen on 100.100.100.200"), qPrintable(error));
    }
}

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
