// Tests for app/export/jsonarraywriter.h: the output is one valid JSON array for 0, 1 and n
// gateways, with the API's field names, string text fields and integer epoch-ms times.
#include "gatewaychecks.h"
#include <api/backupgateway.h>
#include <api/gatewayfields.h>
#include <export/jsonarraywriter.h>

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using dbs::BackupGateway;
using dbs::JsonArrayWriter;

namespace {
const QStringList apiNames = fixture::apiFieldNames();

BackupGateway gateway(int i)
{
    static const char *const names[] = {
        "订单库-prod", "plain", "quote\" back\\slash", "ctrl\x01\ttab\nline", "😀 emoji",
        "</script>",   ""};
    static const char *const statuses[] = {"ONLINE", "OFFLINE", "STOPPED", "UPGRADING", "WEIRD"};
    BackupGateway g;
    g.backupGatewayId = QString::number(1000000000LL + i);
    g.identifier = QStringLiteral("dbsgw%1").arg(i, 6, 10, QLatin1Char('0'));
    g.displayName = QString::fromUtf8(names[i % 7]) + QString::number(i);
    g.status = QString::fromLatin1(statuses[i % 5]);
    g.region = i % 2 ? QStringLiteral("cn-hangzhou") : QStringLiteral("ap-southeast-1");
    g.hostname = QStringLiteral("db-%1.internal").arg(i);
    g.internetIp = i % 3 ? QStringLiteral("47.1.2.%1").arg(i % 250) : QString();
    g.intranetIp = QStringLiteral("10.0.%1.%2").arg(i / 250).arg(i % 250);
    g.createTime = 1554560477000LL + i * 1001LL;
    g.lastHeartbeatTime = 1700000000123LL + i * 7LL;
    return g;
}

QByteArray writeAll(const QList<BackupGateway> &gateways, bool *ok)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    JsonArrayWriter writer(&buffer);
    *ok = true;
    for (const BackupGateway &g : gateways)
        *ok = writer.write(g) && *ok;
    *ok = writer.finish() && *ok && writer.ok();
    return buffer.data();
}
} // namespace

class TestJsonArrayWriter : public QObject
{
    Q_OBJECT

private slots:
    void validJson_data();
    void validJson();
    void integerTimes();
    void oneObjectPerLine();
    void refusingDevice();
};

void TestJsonArrayWriter::validJson_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("0 rows") << 0;
    QTest::newRow("1 row") << 1;
    QTest::newRow("2 rows") << 2;
    QTest::newRow("7 rows (every name)") << 7;
    QTest::newRow("250 rows") << 250;
}

void TestJsonArrayWriter::validJson()
{
    QFETCH(int, count);
    QList<BackupGateway> gateways;
    for (int i = 0; i < count; ++i)
        gateways.append(gateway(i));
    bool ok = false;
    const QByteArray bytes = writeAll(gateways, &ok);
    QVERIFY(ok);

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    QVERIFY2(error.error == QJsonParseError::NoError,
             qPrintable(QStringLiteral("%1 at %2: %3")
                            .arg(error.errorString())
                            .arg(error.offset)
                            .arg(QString::fromUtf8(bytes.left(300)))));
    QVERIFY(document.isArray());
    const QJsonArray array = document.array();
    QCOMPARE(array.size(), count);
    for (int i = 0; i < count; ++i) {
        QVERIFY(array.at(i).isObject());
        const QJsonObject object = array.at(i).toObject();
        QStringList keys = object.keys();
        keys.sort();
        QStringList expectedKeys = apiNames;
        expectedKeys.sort();
        QCOMPARE(keys, expectedKeys);

        const BackupGateway g = gateway(i);
        QCOMPARE(object.value("BackupGatewayId").toString(), g.backupGatewayId);
        QVERIFY(object.value("BackupGatewayId").isString());
        QCOMPARE(object.value("Identifier").toString(), g.identifier);
        QCOMPARE(object.value("DisplayName").toString(), g.displayName);
        QCOMPARE(object.value("BackupGatewayStatus").toString(), g.status);
        QCOMPARE(object.value("Region").toString(), g.region);
        QCOMPARE(object.value("SourceEndpointHostname").toString(), g.hostname);
        QVERIFY(object.value("SourceEndpointInternetIP").isString()); // "" when none, not null
        QCOMPARE(object.value("SourceEndpointInternetIP").toString(), g.internetIp);
        QCOMPARE(object.value("SourceEndpointIntranetIP").toString(), g.intranetIp);
        QVERIFY(object.value("BackupGatewayCreateTime").isDouble());
        QCOMPARE(object.value("BackupGatewayCreateTime").toInteger(-1), g.createTime);
        QVERIFY(object.value("LastHeartbeatTime").isDouble());
        QCOMPARE(object.value("LastHeartbeatTime").toInteger(-1), g.lastHeartbeatTime);
    }
    QVERIFY(bytes.endsWith('\n'));
    QVERIFY(bytes.isValidUtf8());
}

void TestJsonArrayWriter::integerTimes()
{
    BackupGateway g = gateway(3);
    g.createTime = 1554560477000;
    g.lastHeartbeatTime = 253402300799999; // 9999-12-31T23:59:59.999Z
    BackupGateway zero = gateway(4);
    zero.createTime = 0;
    zero.lastHeartbeatTime = 9007199254740993; // beyond double precision
    bool ok = false;
    const QByteArray bytes = writeAll({g, zero}, &ok);
    QVERIFY(ok);
    // Written as plain integers: no exponent, no fraction, no quotes.
    QVERIFY2(bytes.contains("\"BackupGatewayCreateTime\":1554560477000,") ||
                 bytes.contains("\"BackupGatewayCreateTime\":1554560477000}"),
             bytes.constData());
    QVERIFY(bytes.contains("\"LastHeartbeatTime\":253402300799999"));
    QVERIFY(bytes.contains("\"BackupGatewayCreateTime\":0"));
    QVERIFY(bytes.contains("\"LastHeartbeatTime\":9007199254740993"));
    QVERIFY(!bytes.contains("e+"));
    QVERIFY(!bytes.contains("E+"));
    const QJsonArray array = QJsonDocument::fromJson(bytes).array();
    QCOMPARE(array.size(), 2);
    QCOMPARE(array.at(1).toObject().value("LastHeartbeatTime").toInteger(), 9007199254740993LL);
}

void TestJsonArrayWriter::oneObjectPerLine()
{
    // "one object a line": a reader can stream the file line by line.
    QList<BackupGateway> gateways;
    for (int i = 0; i < 20; ++i)
        gateways.append(gateway(i));
    bool ok = false;
    const QByteArray bytes = writeAll(gateways, &ok);
    QVERIFY(ok);
    QList<QByteArray> lines = bytes.split('\n');
    QVERIFY(lines.last().isEmpty());
    lines.removeLast();
    QCOMPARE(lines.size(), 20 + 2);
    QCOMPARE(lines.first().trimmed(), QByteArray("["));
    QCOMPARE(lines.last().trimmed(), QByteArray("]"));
    for (int i = 1; i <= 20; ++i) {
        QByteArray line = lines.at(i).trimmed();
        if (i < 20) {
            QVERIFY(line.endsWith(','));
            line.chop(1);
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
        QCOMPARE(document.object(), dbs::toJson(gateway(i - 1)));
    }
}

void TestJsonArrayWriter::refusingDevice()
{
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    JsonArrayWriter writer(&buffer);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("QIODevice::write.*"));
    QVERIFY(!writer.write(gateway(1)));
    QVERIFY(!writer.ok());
    QVERIFY(!writer.finish());
    QVERIFY(!writer.ok());
}

QTEST_GUILESS_MAIN(TestJsonArrayWriter)
#include "tst_jsonarraywriter.moc"
