// Tests for app/api/gatewayfields.h: the field table (API names, API order, types) and that
// toJson() produces what parseDescribeResponse() reads back unchanged.
#include "gatewaychecks.h"
#include <api/gatewayfields.h>
#include <api/responseparser.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using dbs::BackupGateway;
using dbs::GatewayField;

namespace {
BackupGateway gateway(const QString &id, const QString &name, const QString &status, qint64 create,
                      qint64 heartbeat)
{
    BackupGateway g;
    g.backupGatewayId = id;
    g.identifier = QStringLiteral("dbsgw") + id;
    g.displayName = name;
    g.status = status;
    g.region = QStringLiteral("cn-hangzhou");
    g.hostname = QStringLiteral("db-") + id + QStringLiteral(".internal");
    g.internetIp = QStringLiteral("47.1.2.3");
    g.intranetIp = QStringLiteral("10.0.0.8");
    g.createTime = create;
    g.lastHeartbeatTime = heartbeat;
    return g;
}

BackupGateway fullGateway()
{
    return gateway(QStringLiteral("2321313123"), QStringLiteral("test"), QStringLiteral("ONLINE"),
                   1554560477000, 1700000000123);
}
} // namespace

class TestGatewayFields : public QObject
{
    Q_OBJECT

private slots:
    void namesAndOrder();
    void timeFields();
    void fieldValues_data();
    void fieldValues();
    void toJsonShape();
    void roundTripThroughParser_data();
    void roundTripThroughParser();
};

void TestGatewayFields::namesAndOrder()
{
    // The API's names, in the order dbs-api.md lists them.
    const QStringList expected = fixture::apiFieldNames();
    QStringList names;
    for (GatewayField field : dbs::allGatewayFields())
        names.append(dbs::apiFieldName(field));
    QCOMPARE(names, expected);
    QCOMPARE(dbs::allGatewayFields().first(), GatewayField::BackupGatewayId);
    QCOMPARE(dbs::allGatewayFields().last(), GatewayField::LastHeartbeatTime);
    QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size());
}

void TestGatewayFields::timeFields()
{
    QSet<GatewayField> times;
    for (GatewayField field : dbs::allGatewayFields()) {
        if (dbs::isTimeField(field))
            times.insert(field);
    }
    QCOMPARE(times, (QSet<GatewayField>{GatewayField::BackupGatewayCreateTime,
                                        GatewayField::LastHeartbeatTime}));
}

void TestGatewayFields::fieldValues_data()
{
    QTest::addColumn<int>("field");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("text");

    const auto row = [](GatewayField f, const QVariant &v, const QString &t) {
        QTest::newRow(dbs::apiFieldName(f).data()) << int(f) << v << t;
    };
    row(GatewayField::BackupGatewayId, QStringLiteral("2321313123"), "2321313123");
    row(GatewayField::Identifier, QStringLiteral("dbsgw2321313123"), "dbsgw2321313123");
    row(GatewayField::DisplayName, QStringLiteral("test"), "test");
    row(GatewayField::BackupGatewayStatus, QStringLiteral("ONLINE"), "ONLINE");
    row(GatewayField::Region, QStringLiteral("cn-hangzhou"), "cn-hangzhou");
    row(GatewayField::SourceEndpointHostname, QStringLiteral("db-2321313123.internal"),
        "db-2321313123.internal");
    row(GatewayField::SourceEndpointInternetIP, QStringLiteral("47.1.2.3"), "47.1.2.3");
    row(GatewayField::SourceEndpointIntranetIP, QStringLiteral("10.0.0.8"), "10.0.0.8");
    row(GatewayField::BackupGatewayCreateTime, QVariant::fromValue<qint64>(1554560477000),
        "1554560477000");
    row(GatewayField::LastHeartbeatTime, QVariant::fromValue<qint64>(1700000000123),
        "1700000000123");
}

void TestGatewayFields::fieldValues()
{
    QFETCH(int, field);
    QFETCH(QVariant, value);
    QFETCH(QString, text);
    const auto f = GatewayField(field);
    const QVariant actual = dbs::fieldValue(fullGateway(), f);
    QCOMPARE(actual.metaType(), value.metaType()); // QString, or qint64 for the times
    QCOMPARE(actual, value);
    QCOMPARE(dbs::fieldText(fullGateway(), f), text);
}

void TestGatewayFields::toJsonShape()
{
    const QJsonObject object = dbs::toJson(fullGateway());
    QStringList keys;
    for (GatewayField field : dbs::allGatewayFields())
        keys.append(dbs::apiFieldName(field));
    QStringList actualKeys = object.keys();
    actualKeys.sort();
    keys.sort();
    QCOMPARE(actualKeys, keys);
    for (GatewayField field : dbs::allGatewayFields()) {
        const QJsonValue value = object.value(dbs::apiFieldName(field));
        if (dbs::isTimeField(field)) {
            QVERIFY(value.isDouble()); // a JSON number...
            QCOMPARE(value.toInteger(-1), dbs::fieldValue(fullGateway(), field).toLongLong());
        } else {
            QVERIFY(value.isString()); // ...ids included: the SDKs' type is string
        }
    }
    // Written out, the times are plain integers (no exponent, no fraction).
    const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact);
    QVERIFY2(text.contains("\"BackupGatewayCreateTime\":1554560477000"), text.constData());
    QVERIFY2(text.contains("\"LastHeartbeatTime\":1700000000123"), text.constData());
}

void TestGatewayFields::roundTripThroughParser_data()
{
    QTest::addColumn<BackupGateway>("gw");
    QTest::newRow("full") << fullGateway();
    // Every field empty but the id (a row without one is MalformedResponse: tst_responseparser).
    BackupGateway idOnly;
    idOnly.backupGatewayId = QStringLiteral("gw-1");
    QTest::newRow("only an id") << idOnly;
    QTest::newRow("non-ASCII and quotes")
        << gateway(QStringLiteral("000123"), QString::fromUtf8("订单库 \"主\"\\ / ✓ 😀\n\t"),
                   QStringLiteral("UPGRADING"), 1, 2);
    QTest::newRow("unknown status") << gateway(QStringLiteral("9"), QStringLiteral("x"),
                                               QStringLiteral("DECOMMISSIONED"), 0, 0);
    BackupGateway noIps = fullGateway();
    noIps.internetIp.clear();
    noIps.intranetIp.clear();
    QTest::newRow("no IPs") << noIps;
    QTest::newRow("year 2100 times")
        << gateway(QStringLiteral("1"), QStringLiteral("future"), QStringLiteral("OFFLINE"),
                   4102444800000, 4102444800999);
}

void TestGatewayFields::roundTripThroughParser()
{
    QFETCH(BackupGateway, gw);
    QJsonObject items;
    items.insert(QLatin1String("BackupGateway"), QJsonArray{dbs::toJson(gw), dbs::toJson(gw)});
    QJsonObject root;
    root.insert(QLatin1String("RequestId"), QStringLiteral("R"));
    root.insert(QLatin1String("Success"), true);
    root.insert(QLatin1String("Items"), items);
    const QByteArray body = QJsonDocument(root).toJson();
    const dbs::ParsedResponse parsed = dbs::parseDescribeResponse(body, 200);
    QVERIFY2(!parsed.error.isError(), qPrintable(parsed.error.summary()));
    QCOMPARE(parsed.page.gateways.size(), 2);
    QCOMPARE(parsed.page.gateways.at(0), gw);
    QCOMPARE(parsed.page.gateways.at(1), gw);
}

QTEST_GUILESS_MAIN(TestGatewayFields)
#include "tst_gatewayfields.moc"
