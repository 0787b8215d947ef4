#include <models/gatewaymatch.h>

#include <api/backupgateway.h>

#include <QTest>

class TestGatewayMatch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesText_data();
    void matchesText();
    void haystackIsReusable();
};

namespace {
dbs::BackupGateway sample()
{
    dbs::BackupGateway gateway;
    gateway.backupGatewayId = QStringLiteral("1005000042");
    gateway.identifier = QStringLiteral("dbsgw0a1b2c3d4e");
    gateway.displayName = QStringLiteral("Zürich-Backup-prod-43");
    gateway.status = QStringLiteral("ONLINE");
    gateway.region = QStringLiteral("cn-hangzhou");
    gateway.hostname = QStringLiteral("mysql-staging-007.cn-hangzhou.internal");
    gateway.internetIp = QStringLiteral("47.96.12.200");
    gateway.intranetIp = QStringLiteral("10.1.2.3");
    return gateway;
}
} // namespace

void TestGatewayMatch::matchesText_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<bool>("expected");

    QTest::newRow("empty") << "" << true;
    QTest::newRow("blanks") << "   " << true;
    QTest::newRow("name") << "backup-prod" << true;
    QTest::newRow("name, other case") << "BACKUP-PROD" << true;
    QTest::newRow("name, non-ASCII case") << "ZÜRICH" << true;
    QTest::newRow("name, padded") << "  zürich " << true;
    QTest::newRow("id") << "5000042" << true;
    QTest::newRow("identifier") << "DBSGW0A1B" << true;
    QTest::newRow("hostname") << "staging-007" << true;
    QTest::newRow("internet ip") << "47.96.12" << true;
    QTest::newRow("intranet ip") << "10.1.2.3" << true;
    QTest::newRow("not there") << "oracle" << false;
    QTest::newRow("status is not searched") << "online" << false;
    QTest::newRow("across two fields") << "prod-431005" << false;
    QTest::newRow("inner blank kept") << "backup prod" << false;
}

void TestGatewayMatch::matchesText()
{
    QFETCH(QString, needle);
    QFETCH(bool, expected);
    QCOMPARE(dbs::matchesText(sample(), needle), expected);
}

void TestGatewayMatch::haystackIsReusable()
{
    const QByteArray haystack = dbs::searchHaystack(sample());
    QVERIFY(dbs::haystackContains(haystack, dbs::foldNeedle(QStringLiteral("Zürich"))));
    QVERIFY(dbs::haystackContains(haystack, QByteArray()));
    QVERIFY(!dbs::haystackContains(haystack, dbs::foldNeedle(QStringLiteral("cn-shanghai"))));
}

QTEST_GUILESS_MAIN(TestGatewayMatch)
#include "tst_gatewaymatch.moc"
