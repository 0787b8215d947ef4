// Copied rows as tab-separated text: header, field order, times, awkward characters.
#include <export/timewords.h>
#include <export/tsvformat.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace dbs;

class TestTsvFormat final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerAndRows();
    void tabsAndNewLinesStayInTheirCell();
    void timesAreUtcIso_data();
    void timesAreUtcIso();
    void markdown_data();
    void markdown();
    void jsonKeepsApiNamesAndTypes();
};

namespace {
BackupGateway sample()
{
    BackupGateway gateway;
    gateway.backupGatewayId = QStringLiteral("1000000007");
    gateway.identifier = QStringLiteral("dbsgw0abc");
    gateway.displayName = QStringLiteral("订单库-prod-7");
    gateway.status = QStringLiteral("ONLINE");
    gateway.internetIp = QString();
    gateway.intranetIp = QStringLiteral("10.1.2.3");
    gateway.lastHeartbeatTime = 1714543392000; // 2024-05-01T06:03:12Z
    return gateway;
}
} // namespace

void TestTsvFormat::headerAndRows()
{
    const QString text = gatewaysToTsv(
        {QStringLiteral("Name"), QStringLiteral("Gateway ID"), QStringLiteral("Internet IP")},
        {GatewayField::DisplayName, GatewayField::BackupGatewayId,
         GatewayField::SourceEndpointInternetIP},
        {sample(), sample()});
    QCOMPARE(text, QStringLiteral("Name\tGateway ID\tInternet IP\n"
                                  "订单库-prod-7\t1000000007\t\n"
                                  "订单库-prod-7\t1000000007\t\n"));
}

void TestTsvFormat::tabsAndNewLinesStayInTheirCell()
{
    BackupGateway gateway = sample();
    gateway.displayName = QStringLiteral("a\tb\nc\rd");
    const QString text =
        gatewaysToTsv({QStringLiteral("Name"), QStringLiteral("ID")},
                      {GatewayField::DisplayName, GatewayField::BackupGatewayId}, {gateway});
    QCOMPARE(text, QStringLiteral("Name\tID\na b c d\t1000000007\n"));
}

void TestTsvFormat::timesAreUtcIso_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("expected");
    QTest::newRow("heartbeat") << qint64(1714543392000)
                               << QStringLiteral("2024-05-01T06:03:12.000Z");
    QTest::newRow("millis") << qint64(1714543392123) << QStringLiteral("2024-05-01T06:03:12.123Z");
    QTest::newRow("none") << qint64(0) << QString();
}

void TestTsvFormat::timesAreUtcIso()
{
    QFETCH(qint64, ms);
    QFETCH(QString, expected);
    BackupGateway gateway = sample();
    gateway.lastHeartbeatTime = ms;
    QCOMPARE(timewords::utcIsoMs(ms), expected);
    const QString text = gatewaysToTsv({QStringLiteral("Last heartbeat")},
                                       {GatewayField::LastHeartbeatTime}, {gateway});
    QCOMPARE(text, QStringLiteral("Last heartbeat\n") + expected + QLatin1Char('\n'));
}

void TestTsvFormat::markdown_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("cell");
    QTest::newRow("plain") << "订单库-prod-7"
                           << "订单库-prod-7";
    QTest::newRow("pipe") << "a|b"
                          << "a\\|b";
    QTest::newRow("backslash before pipe") << "a\\|b"
                                           << "a\\\\\\|b";
    QTest::newRow("line breaks and tabs") << "a\nb\tc"
                                          << "a b c";
    QTest::newRow("blank edges") << "  x  "
                                 << "x";
}

void TestTsvFormat::markdown()
{
    QFETCH(QString, name);
    QFETCH(QString, cell);
    BackupGateway gateway = sample();
    gateway.displayName = name;
    const QString text =
        gatewaysToMarkdown({QStringLiteral("Name"), QStringLiteral("Last heartbeat")},
                           {GatewayField::DisplayName, GatewayField::LastHeartbeatTime}, {gateway});
    QCOMPARE(text, QStringLiteral("| Name | Last heartbeat |\n| --- | --- |\n| ") + cell +
                       QStringLiteral(" | 2024-05-01T06:03:12.000Z |\n"));
}

void TestTsvFormat::jsonKeepsApiNamesAndTypes()
{
    const QString text = gatewaysToJson(
        {GatewayField::BackupGatewayId, GatewayField::DisplayName, GatewayField::LastHeartbeatTime},
        {sample(), sample()});
    QJsonParseError error;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8(), &error).array();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(array.size(), 2);
    const QJsonObject first = array.first().toObject();
    QCOMPARE(first.keys(), (QStringList{"BackupGatewayId", "DisplayName", "LastHeartbeatTime"}));
    QCOMPARE(first.value("DisplayName").toString(), QStringLiteral("订单库-prod-7"));
    QVERIFY(first.value("LastHeartbeatTime").isDouble()); // epoch ms, as `dbs-gateways list`
    QCOMPARE(first.value("LastHeartbeatTime").toInteger(), 1714543392000LL);
}

QTEST_GUILESS_MAIN(TestTsvFormat)
#include "tst_tsvformat.moc"
