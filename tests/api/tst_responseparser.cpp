// Tests for app/api/responseparser.h: pages, the shapes Items takes, loose types, error bodies
// from the gateway and from DBS, and which errors are worth a retry.
#include <api/responseparser.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <QTranslator>

using dbs::ApiError;
using dbs::BackupGateway;
using dbs::ParsedResponse;
using Kind = dbs::ApiError::Kind;

Q_DECLARE_METATYPE(dbs::ApiError::Kind)

namespace {
const char gatewayA[] = R"({
    "BackupGatewayId": "2321313123",
    "Identifier": "sgdsajhdgu",
    "DisplayName": "订单库-prod-1",
    "BackupGatewayStatus": "ONLINE",
    "Region": "cn-hangzhou",
    "SourceEndpointHostname": "db-prod-001.cn-hangzhou.internal",
    "SourceEndpointInternetIP": "47.1.2.3",
    "SourceEndpointIntranetIP": "10.0.0.8",
    "BackupGatewayCreateTime": 1554560477000,
    "LastHeartbeatTime": 1700000000123
})";

const char gatewayB[] = R"({
    "BackupGatewayId": "7213527653217",
    "Identifier": "dbsgw0000000001",
    "DisplayName": "pg-analytics-dr-2",
    "BackupGatewayStatus": "OFFLINE",
    "Region": "cn-shanghai",
    "SourceEndpointHostname": "pg-dr-002.cn-shanghai.internal",
    "SourceEndpointInternetIP": "",
    "SourceEndpointIntranetIP": "172.16.3.4",
    "BackupGatewayCreateTime": 1600000000000,
    "LastHeartbeatTime": 1690000000000
})";

BackupGateway expectedA()
{
    BackupGateway g;
    g.backupGatewayId = QStringLiteral("2321313123");
    g.identifier = QStringLiteral("sgdsajhdgu");
    g.displayName = QString::fromUtf8("订单库-prod-1");
    g.status = QStringLiteral("ONLINE");
    g.region = QStringLiteral("cn-hangzhou");
    g.hostname = QStringLiteral("db-prod-001.cn-hangzhou.internal");
    g.internetIp = QStringLiteral("47.1.2.3");
    g.intranetIp = QStringLiteral("10.0.0.8");
    g.createTime = 1554560477000;
    g.lastHeartbeatTime = 1700000000123;
    return g;
}

BackupGateway expectedB()
{
    BackupGateway g;
    g.backupGatewayId = QStringLiteral("7213527653217");
    g.identifier = QStringLiteral("dbsgw0000000001");
    g.displayName = QStringLiteral("pg-analytics-dr-2");
    g.status = QStringLiteral("OFFLINE");
    g.region = QStringLiteral("cn-shanghai");
    g.hostname = QStringLiteral("pg-dr-002.cn-shanghai.internal");
    g.internetIp = QString();
    g.intranetIp = QStringLiteral("172.16.3.4");
    g.createTime = 1600000000000;
    g.lastHeartbeatTime = 1690000000000;
    return g;
}

// A successful page whose Items member is `items` (raw JSON text; empty for no Items member).
QByteArray page(const QByteArray &items)
{
    QByteArray body = R"({"RequestId":"46361705-8531-492F-807E-A97E482DD4A1","Success":true,)"
                      R"("HttpStatusCode":200,"PageNum":2,"PageSize":30,"TotalElements":31,)"
                      R"("TotalPages":2)";
    if (!items.isEmpty())
        body += ",\"Items\":" + items;
    return body + "}";
}

// One gateway object with a member replaced (raw JSON value).
QByteArray gatewayWith(const char *name, const QByteArray &rawValue)
{
    QJsonObject object = QJsonDocument::fromJson(gatewayA).object();
    object.remove(QLatin1String(name));
    QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact);
    text.chop(1); // the closing brace
    return text + ",\"" + name + "\":" + rawValue + "}";
}

ApiError serviceError(int status, const QString &code)
{
    ApiError error;
    error.kind = Kind::Service;
    error.httpStatus = status;
    error.code = code;
    return error;
}
} // namespace

class TestResponseParser : public QObject
{
    Q_OBJECT

private slots:
    void wellFormedPage();
    void seedSampleAnswer();

    void itemsShapes_data();
    void itemsShapes();

    void idTypes_data();
    void idTypes();
    void timestampTypes_data();
    void timestampTypes();
    void unknownStatusKept();
    void unknownFieldsIgnored();
    void missingFieldsAreEmpty();

    void malformedBodies_data();
    void malformedBodies();

    void errorBodies_data();
    void errorBodies();

    void isRetryable_data();
    void isRetryable();

    void minimalAnswersAreEmptyPages_data();
    void minimalAnswersAreEmptyPages();
    void messagesUseTheContextLupdateExtracts();
};

void TestResponseParser::wellFormedPage()
{
    const QByteArray body =
        page(QByteArray(R"({"BackupGateway":[)") + gatewayA + "," + gatewayB + "]}");
    const ParsedResponse parsed = dbs::parseDescribeResponse(body, 200);
    QVERIFY2(!parsed.error.isError(), qPrintable(parsed.error.summary()));
    QCOMPARE(parsed.error.kind, Kind::None);
    QCOMPARE(parsed.page.requestId, QStringLiteral("46361705-8531-492F-807E-A97E482DD4A1"));
    QCOMPARE(parsed.page.pageNum, 2);
    QCOMPARE(parsed.page.pageSize, 30);
    QCOMPARE(parsed.page.totalElements, 31);
    QCOMPARE(parsed.page.totalPages, 2);
    QCOMPARE(parsed.page.gateways.size(), 2);
    QCOMPARE(parsed.page.gateways.at(0), expectedA());
    QCOMPARE(parsed.page.gateways.at(1), expectedB());
}

void TestResponseParser::seedSampleAnswer()
{
    // The sample from DescribeBackupGatewayList.seed.txt, verbatim (plus the braces).
    const QByteArray body = R"({
    "PageSize": 30,
    "RequestId": "46361705-8531-492F-807E-A97E482DD4A1",
    "PageNum": 0,
    "HttpStatusCode": 200,
    "TotalElements": 0,
    "Items": "",
    "TotalPages": 0,
    "Success": true
})";
    const ParsedResponse parsed = dbs::parseDescribeResponse(body, 200);
    QVERIFY2(!parsed.error.isError(), qPrintable(parsed.error.summary()));
    QVERIFY(parsed.page.gateways.isEmpty());
    QCOMPARE(parsed.page.pageSize, 30);
    QCOMPARE(parsed.page.pageNum, 0);
    QCOMPARE(parsed.page.totalElements, 0);
    QCOMPARE(parsed.page.totalPages, 0);
    QCOMPARE(parsed.page.requestId, QStringLiteral("46361705-8531-492F-807E-A97E482DD4A1"));
}

void TestResponseParser::itemsShapes_data()
{
    QTest::addColumn<QByteArray>("items"); // raw JSON; empty = no Items member
    QTest::addColumn<int>("rows");

    QTest::newRow("wrapped, two") << (QByteArray(R"({"BackupGateway":[)") + gatewayA + "," +
                                      gatewayB + "]}")
                                  << 2;
    QTest::newRow("wrapped, one") << (QByteArray(R"({"BackupGateway":[)") + gatewayA + "]}") << 1;
    QTest::newRow("wrapped, empty array") << QByteArray(R"({"BackupGateway":[]})") << 0;
    QTest::newRow("bare array") << (QByteArray("[") + gatewayA + "," + gatewayB + "]") << 2;
    QTest::newRow("bare empty array") << QByteArray("[]") << 0;
    QTest::newRow("missing") << QByteArray() << 0;
    QTest::newRow("empty string") << QByteArray(R"("")") << 0;
    QTest::newRow("empty object") << QByteArray("{}") << 0;
    QTest::newRow("null") << QByteArray("null") << 0;
    QTest::newRow("wrapped null") << QByteArray(R"({"BackupGateway":null})") << 0;
    QTest::newRow("object without BackupGateway") << QByteArray(R"({"Other":[1]})") << 0;
}

void TestResponseParser::itemsShapes()
{
    QFETCH(QByteArray, items);
    QFETCH(int, rows);
    const ParsedResponse parsed = dbs::parseDescribeResponse(page(items), 200);
    QVERIFY2(!parsed.error.isError(), qPrintable(parsed.error.summary()));
    QCOMPARE(parsed.page.gateways.size(), rows);
    if (rows > 0)
        QCOMPARE(parsed.page.gateways.first(), expectedA());
    if (rows > 1)
        QCOMPARE(parsed.page.gateways.at(1), expectedB());
    QCOMPARE(parsed.page.totalElements, 31); // the rest of the page is read whatever Items is
}

void TestResponseParser::idTypes_data()
{
    QTest::addColumn<QByteArray>("rawId");
    QTest::addColumn<QString>("expected");
    QTest::newRow("string") << QByteArray(R"("2321313123")") << QStringLiteral("2321313123");
    QTest::newRow("number") << QByteArray("2321313123") << QStringLiteral("2321313123");
    QTest::newRow("13-digit number")
        << QByteArray("7213527653217") << QStringLiteral("7213527653217");
    QTest::newRow("string with leading zeros")
        << QByteArray(R"("000123")") << QStringLiteral("000123");
    QTest::newRow("non-numeric string") << QByteArray(R"("gw-abc")") << QStringLiteral("gw-abc");
    QTest::newRow("number 2^53 + 1 (a Java Long)")
        << QByteArray("9007199254740993") << QStringLiteral("9007199254740993");
    QTest::newRow("18-digit number (snowflake-style Long)")
        << QByteArray("123456789012345678") << QStringLiteral("123456789012345678");
    // Beyond int64 (found by fuzzing: the cast was undefined behaviour): kept as the JSON said,
    // so two different huge ids stay different.
    QTest::newRow("1e30") << QByteArray("1e30") << QStringLiteral("1e+30");
    QTest::newRow("-1.5e300") << QByteArray("-1.5e300") << QStringLiteral("-1.5e+300");
}

void TestResponseParser::idTypes()
{
    QFETCH(QByteArray, rawId);
    QFETCH(QString, expected);
    const QByteArray items = R"({"BackupGateway":[)" + gatewayWith("BackupGatewayId", rawId) + "]}";
    const ParsedResponse parsed = dbs::parseDescribeResponse(page(items), 200);
    QVERIFY(!parsed.error.isError());
    QCOMPARE(parsed.page.gateways.size(), 1);
    QCOMPARE(parsed.page.gateways.first().backupGatewayId, expected);
}

void TestResponseParser::timestampTypes_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("number") << QByteArray("1554560477000") << qint64(1554560477000);
    QTest::newRow("string") << QByteArray(R"("1554560477000")") << qint64(1554560477000);
    QTest::newRow("exponent number") << QByteArray("1.554560477e12") << qint64(1554560477000);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("null") << QByteArray("null") << qint64(0);
    QTest::newRow("non-numeric string") << QByteArray(R"("yesterday")") << qint64(0);
    QTest::newRow("empty string") << QByteArray(R"("")") << qint64(0);
    QTest::newRow("year 2100") << QByteArray("4102444800000") << qint64(4102444800000);
}

void TestResponseParser::timestampTypes()
{
    QFETCH(QByteArray, raw);
    QFETCH(qint64, expected);
    for (const char *field : {"BackupGatewayCreateTime", "LastHeartbeatTime"}) {
        const QByteArray items = R"({"BackupGateway":[)" + gatewayWith(field, raw) + "]}";
        const ParsedResponse parsed = dbs::parseDescribeResponse(page(items), 200);
        QVERIFY(!parsed.error.isError());
        QCOMPARE(parsed.page.gateways.size(), 1);
        const BackupGateway &g = parsed.page.gateways.first();
        const bool create = qstrcmp(field, "BackupGatewayCreateTime") == 0;
        QCOMPARE(create ? g.createTime : g.lastHeartbeatTime, expected);
        // The other time is untouched.
        QCOMPARE(create ? g.lastHeartbeatTime : g.createTime,
                 create ? expectedA().lastHeartbeatTime : expectedA().createTime);
    }
}

void TestResponseParser::unknownStatusKept()
{
    for (const QString &status : {QStringLiteral("DECOMMISSIONED"), QStringLiteral("online"),
                                  QString::fromUtf8("升级中"), QStringLiteral("")}) {
        const QByteArray raw = QJsonDocument(QJsonArray{status}).toJson(QJsonDocument::Compact);
        const QByteArray items = R"({"BackupGateway":[)" +
                                 gatewayWith("BackupGatewayStatus", raw.mid(1, raw.size() - 2)) +
                                 "]}";
        const ParsedResponse parsed = dbs::parseDescribeResponse(page(items), 200);
        QVERIFY(!parsed.error.isError());
        QCOMPARE(parsed.page.gateways.size(), 1);
        QCOMPARE(parsed.page.gateways.first().status, status);
    }
}

void TestResponseParser::unknownFieldsIgnored()
{
    QByteArray gateway = gatewayA;
    gateway.insert(gateway.indexOf('{') + 1,
                   R"("FutureField":{"nested":[1,2,3]},"Tags":["a"],"Weird":null,)");
    QByteArray body = page(QByteArray(R"({"BackupGateway":[)") + gateway + "]}");
    body.insert(1, R"("Extra":"x","Debug":{"a":1},"Items2":[1],)");
    const ParsedResponse parsed = dbs::parseDescribeResponse(body, 200);
    QVERIFY2(!parsed.error.isError(), qPrintable(parsed.error.summary()));
    QCOMPARE(parsed.page.gateways.size(), 1);
    QCOMPARE(parsed.page.gateways.first(), expectedA());
}

void TestResponseParser::missingFieldsAreEmpty()
{
    const ParsedResponse parsed =
        dbs::parseDescribeResponse(page(R"({"BackupGateway":[{"BackupGatewayId":"1"}]})"), 200);
    QVERIFY(!parsed.error.isError());
    QCOMPARE(parsed.page.gateways.size(), 1);
    BackupGateway expected;
    expected.backupGatewayId = QStringLiteral("1");
    QCOMPARE(parsed.page.gateways.first(), expected);
}

void TestResponseParser::malformedBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<bool>("retryable");

    const QByteArray good = page(QByteArray(R"({"BackupGateway":[)") + gatewayA + "]}");
    QTest::newRow("200 truncated JSON")
        << good.left(good.size() / 2) << 200 << Kind::Malformed << true;
    QTest::newRow("200 empty body") << QByteArray() << 200 << Kind::Malformed << true;
    QTest::newRow("200 HTML") << QByteArray("<html><body>hi</body></html>") << 200
                              << Kind::Malformed << true;
    QTest::newRow("200 JSON array") << QByteArray("[1,2]") << 200 << Kind::Malformed << true;
    QTest::newRow("200 JSON string") << QByteArray(R"("ok")") << 200 << Kind::Malformed << true;
    QTest::newRow("200 trailing garbage") << (good + "}") << 200 << Kind::Malformed << true;
    QTest::newRow("502 HTML from a proxy")
        << QByteArray("<html><head><title>502 Bad Gateway</title></head></html>") << 502
        << Kind::Service << true;
    QTest::newRow("503 empty") << QByteArray() << 503 << Kind::Service << true;
    QTest::newRow("404 plain text") << QByteArray("Not Found") << 404 << Kind::Service << false;
    // JSON, but not this operation's answer: never a silent empty list.
    QTest::newRow("200 empty object") << QByteArray("{}") << 200 << Kind::Malformed << true;
    QTest::newRow("200 unrelated object")
        << QByteArray(R"({"Foo":1})") << 200 << Kind::Malformed << true;
    QTest::newRow("200 Success only")
        << QByteArray(R"({"Success":true})") << 200 << Kind::Malformed << true;
    QTest::newRow("200 Items a number") << page("42") << 200 << Kind::Malformed << true;
    QTest::newRow("200 Items a non-empty string")
        << page(R"("BackupGateway")") << 200 << Kind::Malformed << true;
    QTest::newRow("200 Items true") << page("true") << 200 << Kind::Malformed << true;
    QTest::newRow("200 Items.BackupGateway a number")
        << page(R"({"BackupGateway":42})") << 200 << Kind::Malformed << true;
    QTest::newRow("200 Items.BackupGateway an object")
        << page(QByteArray(R"({"BackupGateway":)") + gatewayA + "}") << 200 << Kind::Malformed
        << true;
    QTest::newRow("200 Items.BackupGateway a string")
        << page(R"({"BackupGateway":""})") << 200 << Kind::Malformed << true;
    // Rows that cannot be named: a page read short would end a listing as if it were complete.
    QTest::newRow("200 a row that is not an object")
        << page(QByteArray(R"({"BackupGateway":[)") + gatewayA + ",42]}") << 200 << Kind::Malformed
        << true;
    QTest::newRow("200 a row without BackupGatewayId")
        << page(QByteArray(R"({"BackupGateway":[)") + gatewayA + R"(,{"DisplayName":"x"}]})") << 200
        << Kind::Malformed << true;
    QTest::newRow("200 a row whose BackupGatewayId is true")
        << page(R"({"BackupGateway":[{"BackupGatewayId":true}]})") << 200 << Kind::Malformed
        << true;
    QTest::newRow("200 a row whose BackupGatewayId is empty")
        << page(R"({"BackupGateway":[{"BackupGatewayId":""}]})") << 200 << Kind::Malformed << true;
    QTest::newRow("200 a null row") << page(R"([null])") << 200 << Kind::Malformed << true;
}

void TestResponseParser::malformedBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(Kind, kind);
    QFETCH(bool, retryable);
    const ParsedResponse parsed = dbs::parseDescribeResponse(body, status);
    QVERIFY(parsed.error.isError());
    QCOMPARE(parsed.error.kind, kind);
    QCOMPARE(parsed.error.httpStatus, status);
    QCOMPARE(parsed.error.retryable, retryable);
    QCOMPARE(dbs::isRetryable(parsed.error), retryable);
    QVERIFY(!parsed.error.message.isEmpty());
    QVERIFY(parsed.page.gateways.isEmpty());
}

void TestResponseParser::errorBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<QString>("hostId");
    QTest::addColumn<QString>("recommend");
    QTest::addColumn<int>("reportedStatus");
    QTest::addColumn<bool>("retryable");

    const QString rec = QStringLiteral("https://api.aliyun.com/troubleshoot?q=X");
    auto gatewayBody = [](const char *code, const char *message) {
        return QByteArray(R"({"RequestId":"REQ-1","HostId":"dbs-api.cn-hangzhou.aliyuncs.com",)") +
               R"("Code":")" + code + R"(","Message":")" + message +
               R"(","Recommend":"https://api.aliyun.com/troubleshoot?q=X"})";
    };
    const QString host = QStringLiteral("dbs-api.cn-hangzhou.aliyuncs.com");

    QTest::newRow("SignatureDoesNotMatch 400")
        << gatewayBody("SignatureDoesNotMatch",
                       "Specified signature is not matched with our calculation. server string "
                       "to sign is:POST&%2F&A%3D1")
        << 400 << "SignatureDoesNotMatch"
        << "Specified signature is not matched with our calculation. server string to sign "
           "is:POST&%2F&A%3D1"
        << "REQ-1" << host << rec << 400 << false;
    QTest::newRow("InvalidAccessKeyId.NotFound 404")
        << gatewayBody("InvalidAccessKeyId.NotFound", "Specified access key is not found.") << 404
        << "InvalidAccessKeyId.NotFound"
        << "Specified access key is not found."
        << "REQ-1" << host << rec << 404 << false;
    QTest::newRow("InvalidAccessKeyId.Inactive 400")
        << gatewayBody("InvalidAccessKeyId.Inactive", "Specified access key is disabled.") << 400
        << "InvalidAccessKeyId.Inactive"
        << "Specified access key is disabled."
        << "REQ-1" << host << rec << 400 << false;
    QTest::newRow("Throttling 400")
        << gatewayBody("Throttling", "Request was denied due to request throttling.") << 400
        << "Throttling"
        << "Request was denied due to request throttling."
        << "REQ-1" << host << rec << 400 << true;
    QTest::newRow("Throttling.User 400")
        << gatewayBody("Throttling.User", "Request was denied due to user flow control.") << 400
        << "Throttling.User"
        << "Request was denied due to user flow control."
        << "REQ-1" << host << rec << 400 << true;
    QTest::newRow("MissingRegion 400")
        << gatewayBody("MissingRegion", "Region is mandatory for this action.") << 400
        << "MissingRegion"
        << "Region is mandatory for this action."
        << "REQ-1" << host << rec << 400 << false;
    QTest::newRow("InternalError 500")
        << gatewayBody("InternalError", "The request processing has failed due to some unknown "
                                        "error.")
        << 500 << "InternalError"
        << "The request processing has failed due to some unknown error."
        << "REQ-1" << host << rec << 500 << true;
    QTest::newRow("ServiceUnavailable 503")
        << gatewayBody("ServiceUnavailable", "The request has failed due to a temporary failure.")
        << 503 << "ServiceUnavailable"
        << "The request has failed due to a temporary failure."
        << "REQ-1" << host << rec << 503 << true;
    QTest::newRow("Code at HTTP 200 without Success")
        << gatewayBody("Throttling", "slow down") << 200 << "Throttling"
        << "slow down"
        << "REQ-1" << host << rec << 200 << true;

    // DBS-style bodies: Success false with ErrCode/ErrMessage, at HTTP 200.
    QTest::newRow("DBS Success:false at 200")
        << QByteArray(R"({"RequestId":"REQ-2","Success":false,"ErrCode":"Param.NotFound",)"
                      R"("ErrMessage":"The specified parameter Region value is not valid."})")
        << 200 << "Param.NotFound"
        << "The specified parameter Region value is not valid."
        << "REQ-2" << QString() << QString() << 200 << false;
    QTest::newRow("DBS Success:false with HttpStatusCode 400")
        << QByteArray(R"({"RequestId":"REQ-3","Success":false,"ErrCode":"InvalidParameter",)"
                      R"("ErrMessage":"PageSize","HttpStatusCode":400})")
        << 200 << "InvalidParameter"
        << "PageSize"
        << "REQ-3" << QString() << QString() << 400 << false;
    QTest::newRow("DBS Success:false InternalError HttpStatusCode 500")
        << QByteArray(R"({"RequestId":"REQ-4","Success":false,"ErrCode":"InternalError",)"
                      R"("ErrMessage":"boom","HttpStatusCode":500})")
        << 200 << "InternalError"
        << "boom"
        << "REQ-4" << QString() << QString() << 500 << true;
    QTest::newRow("DBS Success:false Throttling.User")
        << QByteArray(R"({"RequestId":"REQ-5","Success":false,"ErrCode":"Throttling.User",)"
                      R"("ErrMessage":"flow control"})")
        << 200 << "Throttling.User"
        << "flow control"
        << "REQ-5" << QString() << QString() << 200 << true;
    QTest::newRow("Success:true but HTTP 500")
        << page(R"({"BackupGateway":[]})") << 500 << QString() << QString()
        << "46361705-8531-492F-807E-A97E482DD4A1" << QString() << QString() << 500 << true;
    QTest::newRow("HTTP 403 JSON without details")
        << QByteArray(R"({"RequestId":"REQ-6"})") << 403 << QString() << QString() << "REQ-6"
        << QString() << QString() << 403 << false;
}

void TestResponseParser::errorBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, requestId);
    QFETCH(QString, hostId);
    QFETCH(QString, recommend);
    QFETCH(int, reportedStatus);
    QFETCH(bool, retryable);

    const ParsedResponse parsed = dbs::parseDescribeResponse(body, status);
    QVERIFY(parsed.error.isError());
    QCOMPARE(parsed.error.kind, Kind::Service);
    QCOMPARE(parsed.error.code, code);
    if (message.isEmpty())
        QVERIFY(!parsed.error.message.isEmpty()); // some explanation, never blank
    else
        QCOMPARE(parsed.error.message, message);
    QCOMPARE(parsed.error.requestId, requestId);
    QCOMPARE(parsed.error.hostId, hostId);
    QCOMPARE(parsed.error.recommend, recommend);
    QCOMPARE(parsed.error.httpStatus, reportedStatus);
    QCOMPARE(parsed.error.retryable, retryable);
    QVERIFY(parsed.page.gateways.isEmpty());
    // The one-line summary carries what support needs.
    const QString summary = parsed.error.summary();
    if (!code.isEmpty())
        QVERIFY2(summary.contains(code), qPrintable(summary));
    QVERIFY2(summary.contains(requestId), qPrintable(summary));
}

void TestResponseParser::isRetryable_data()
{
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<bool>("retryable");

    QTest::newRow("Throttling 400") << serviceError(400, "Throttling") << true;
    QTest::newRow("Throttling.User 400") << serviceError(400, "Throttling.User") << true;
    QTest::newRow("Throttling.Api 400") << serviceError(400, "Throttling.Api") << true;
    QTest::newRow("ServiceUnavailable 503") << serviceError(503, "ServiceUnavailable") << true;
    QTest::newRow("ServiceUnavailable at 200 body")
        << serviceError(200, "ServiceUnavailable") << true;
    QTest::newRow("InternalError 500") << serviceError(500, "InternalError") << true;
    QTest::newRow("bare 502") << serviceError(502, QString()) << true;
    QTest::newRow("504") << serviceError(504, QString()) << true;
    QTest::newRow("SignatureDoesNotMatch 400")
        << serviceError(400, "SignatureDoesNotMatch") << false;
    QTest::newRow("InvalidAccessKeyId.NotFound 404")
        << serviceError(404, "InvalidAccessKeyId.NotFound") << false;
    QTest::newRow("InvalidAccessKeyId.NotFound 400")
        << serviceError(400, "InvalidAccessKeyId.NotFound") << false;
    QTest::newRow("MissingRegion 400") << serviceError(400, "MissingRegion") << false;
    QTest::newRow("InvalidTimeStamp.Expired 400")
        << serviceError(400, "InvalidTimeStamp.Expired") << false;
    QTest::newRow("Forbidden.RAM 403") << serviceError(403, "Forbidden.RAM") << false;
    QTest::newRow("NotThrottling 400") << serviceError(400, "NotThrottling") << false;

    ApiError error;
    error.kind = Kind::Transport;
    QTest::newRow("transport") << error << true;
    error.kind = Kind::Timeout;
    QTest::newRow("timeout") << error << true;
    error.kind = Kind::Malformed;
    error.httpStatus = 200;
    QTest::newRow("malformed") << error << true;
    error = ApiError{};
    error.kind = Kind::Config;
    QTest::newRow("config") << error << false;
    error.kind = Kind::Cancelled;
    QTest::newRow("cancelled") << error << false;
    error.kind = Kind::None;
    QTest::newRow("none") << error << false;
}

void TestResponseParser::isRetryable()
{
    QFETCH(ApiError, error);
    QFETCH(bool, retryable);
    QCOMPARE(dbs::isRetryable(error), retryable);
}

void TestResponseParser::minimalAnswersAreEmptyPages_data()
{
    // Any one of RequestId, TotalElements and Items makes it this operation's (empty) answer.
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("RequestId only") << QByteArray(R"({"RequestId":"R"})");
    QTest::newRow("TotalElements only") << QByteArray(R"({"TotalElements":0})");
    QTest::newRow("Items only, empty string") << QByteArray(R"({"Items":""})");
    QTest::newRow("Items only, empty object") << QByteArray(R"({"Items":{}})");
    QTest::newRow("seed's empty answer, compact")
        << QByteArray(R"({"PageSize":30,"RequestId":"46361705-8531-492F-807E-A97E482DD4A1",)"
                      R"("PageNum":0,"HttpStatusCode":200,"TotalElements":0,"Items":"",)"
                      R"("TotalPages":0,"Success":true})");
}

void TestResponseParser::minimalAnswersAreEmptyPages()
{
    QFETCH(QByteArray, body);
    const ParsedResponse parsed = dbs::parseDescribeResponse(body, 200);
    QVERIFY2(!parsed.error.isError(), qPrintable(parsed.error.summary()));
    QVERIFY(parsed.page.gateways.isEmpty());
}

namespace {
// Records the contexts messages are looked up in, translating nothing.
class RecordingTranslator final : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        Q_UNUSED(sourceText);
        Q_UNUSED(disambiguation);
        Q_UNUSED(n);
        contexts.insert(QString::fromLatin1(context));
        return {};
    }
    bool isEmpty() const override { return false; }
    mutable QSet<QString> contexts;
};
} // namespace

void TestResponseParser::messagesUseTheContextLupdateExtracts()
{
    // lupdate files the parser's messages under "ResponseParser" (checked over all of app/ by
    // the lupdate_contexts test); looked up anywhere else they are never translated.
    RecordingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    dbs::parseDescribeResponse("<html>", 200);
    dbs::parseDescribeResponse("", 503);
    dbs::parseDescribeResponse(R"({"Success":false})", 200);
    dbs::parseDescribeResponse("{}", 200);
    dbs::parseDescribeResponse(page("42"), 200);
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(translator.contexts, QSet<QString>{QStringLiteral("ResponseParser")});
}

QTEST_GUILESS_MAIN(TestResponseParser)
#include "tst_responseparser.moc"
