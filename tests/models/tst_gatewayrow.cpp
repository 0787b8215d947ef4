#include <models/gatewaymatch.h>
#include <models/gatewayrow.h>

#include <QTest>

using dbs::BackupGateway;
using dbs::GatewayField;
using dbs::GatewayRow;

class TestGatewayRow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void sharesStatusAndRegion();
};

namespace {
BackupGateway make(const QString &name, const QString &id, const QString &host,
                   const QString &internetIp)
{
    BackupGateway g;
    g.backupGatewayId = id;
    g.identifier = QStringLiteral("dbsgw0a1b2c3d4e");
    g.displayName = name;
    g.status = QStringLiteral("ONLINE");
    g.region = QStringLiteral("cn-hangzhou");
    g.hostname = host;
    g.internetIp = internetIp;
    g.intranetIp = QStringLiteral("10.0.0.1");
    g.createTime = 1714552200000;
    g.lastHeartbeatTime = 1714641330250;
    return g;
}
} // namespace

void TestGatewayRow::roundTrip_data()
{
    QTest::addColumn<BackupGateway>("gateway");
    QTest::newRow("ascii") << make("mysql-prod-1", "1000000001", "db-prod-001.internal",
                                   "47.1.2.3");
    QTest::newRow("upper case") << make("Zürich-Backup", "GW-1", "HOST", "");
    QTest::newRow("CJK") << make(QString::fromUtf8("订单库-prod-7"), "7", "h", "1.2.3.4");
    QTest::newRow("separator inside") << make(QStringLiteral("a\x1f"
                                                             "b"),
                                              "\x1f", "\x1f\x1f", "x");
    QTest::newRow("all empty") << BackupGateway();
    QTest::newRow("long") << make(QString(70000, u'n'), "1", QString(70000, QChar(0x6771)), "");
}

void TestGatewayRow::roundTrip()
{
    QFETCH(BackupGateway, gateway);
    const GatewayRow row(gateway);
    QCOMPARE(row.gateway(), gateway);
    QCOMPARE(row.id(), gateway.backupGatewayId);
    QCOMPARE(row.status(), gateway.status);
    QCOMPARE(row.lastHeartbeatTime(), gateway.lastHeartbeatTime);
    QCOMPARE(row.text(GatewayField::DisplayName), gateway.displayName);
    QCOMPARE(row.text(GatewayField::SourceEndpointHostname), gateway.hostname);
    QCOMPARE(row.text(GatewayField::LastHeartbeatTime), QString());
    QCOMPARE(row.haystack(), QByteArrayView(dbs::searchHaystack(gateway)));

    const BackupGateway one = row.withField(GatewayField::SourceEndpointInternetIP);
    QCOMPARE(one.internetIp, gateway.internetIp);
    QCOMPARE(one.status, gateway.status);
    QCOMPARE(one.region, gateway.region);
    QCOMPARE(one.createTime, gateway.createTime);
    QVERIFY(one.displayName.isEmpty());
}

void TestGatewayRow::sharesStatusAndRegion()
{
    QSet<QString> pool;
    GatewayRow first(make("a", "1", "h", ""));
    GatewayRow second(make("b", "2", "h", ""));
    first.shareTexts(pool, 10);
    second.shareTexts(pool, 10);
    QCOMPARE(pool.size(), 2);
    // The same characters, not only equal ones.
    QCOMPARE(second.status().constData(), first.status().constData());
    QCOMPARE(second.gateway().region.constData(), first.gateway().region.constData());

    // Past the limit the pool stops growing; rows keep their own copies.
    GatewayRow third(make("c", "3", "h", ""));
    BackupGateway other = make("d", "4", "h", "");
    other.status = QStringLiteral("OFFLINE");
    GatewayRow fourth(other);
    fourth.shareTexts(pool, 2);
    QCOMPARE(pool.size(), 2);
    QCOMPARE(fourth.status(), QStringLiteral("OFFLINE"));
}

QTEST_GUILESS_MAIN(TestGatewayRow)
#include "tst_gatewayrow.moc"
