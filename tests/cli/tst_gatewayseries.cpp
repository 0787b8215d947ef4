// The exporter's compact gateways: every gateway's label text back, in order and escaped, from
// its deflated form, whatever the service sent.
#include <cli/gatewayseries.h>

#include <QTest>

using namespace dbs;

class TestGatewaySeries final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void labelValue_data();
    void labelValue();
    void roundTrip_data();
    void roundTrip();
    void statusesAreBounded();
};

void TestGatewaySeries::labelValue_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("plain") << "db-1" << QByteArray("db-1");
    QTest::newRow("quote") << "a\"b" << QByteArray("a\\\"b");
    QTest::newRow("backslash") << "a\\b" << QByteArray("a\\\\b");
    QTest::newRow("line feed") << "a\nb" << QByteArray("a\\\\nb");
    QTest::newRow("escape") << "a\x1b[2Jb" << QByteArray("a\\\\e[2Jb");
    QTest::newRow("bidi override") << QStringLiteral("a\u202Eb") << QByteArray("a\\\\u202Eb");
    QTest::newRow("Chinese") << QStringLiteral("日志归档") << QStringLiteral("日志归档").toUtf8();
}

void TestGatewaySeries::labelValue()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, value);
    QCOMPARE(dbs::labelValue(text), value);
}

void TestGatewaySeries::roundTrip_data()
{
    QTest::addColumn<int>("gateways");
    QTest::newRow("none") << 0;
    QTest::newRow("one") << 1;
    QTest::newRow("more than an inflate buffer holds") << 5000;
}

void TestGatewaySeries::roundTrip()
{
    QFETCH(int, gateways);
    GatewaySeriesBuilder builder;
    QList<QByteArray> expected;
    for (int i = 0; i < gateways; ++i) {
        BackupGateway g;
        g.backupGatewayId = QString::number(1000000 + i);
        g.identifier = QStringLiteral("dbsgw%1").arg(i);
        g.displayName = i % 7 ? QStringLiteral("名字-%1").arg(i)
                              : QStringLiteral("evil\"}\n\u202E%1").arg(QString(i % 300, u'x'));
        g.hostname = QStringLiteral("host-%1").arg(i);
        g.status = i % 3 ? QStringLiteral("online") : QStringLiteral("OFFLINE");
        g.lastHeartbeatTime = 1000 + i;
        g.createTime = 10 + i;
        builder.append(g);
        expected.append("id=\"" + g.backupGatewayId.toUtf8() + "\",identifier=\"" +
                        g.identifier.toUtf8() + "\",name=\"" + dbs::labelValue(g.displayName) +
                        "\",hostname=\"" + g.hostname.toUtf8() +
                        "\",internet_ip=\"\",intranet_ip=\"\"");
    }
    const GatewaySeriesList list = builder.finish();
    QCOMPARE(list.size(), gateways);
    int seen = 0;
    const bool whole = list.forEach([&](const GatewaySeriesList::Entry &entry, const char *labels) {
        const QByteArray text(labels, entry.labelsLength);
        QCOMPARE(text, expected.at(seen));
        QVERIFY(text.left(entry.idLength).startsWith("id=\"") &&
                text.at(entry.idLength - 1) == '"');
        QCOMPARE(list.statusOf(entry),
                 seen % 3 ? QStringLiteral("ONLINE") : QStringLiteral("OFFLINE"));
        QCOMPARE(entry.lastHeartbeatTime, 1000 + seen);
        QCOMPARE(entry.createTime, 10 + seen);
        ++seen;
    });
    QVERIFY(whole);
    QCOMPARE(seen, gateways);
    // Copies share it, and it reads the same twice.
    const GatewaySeriesList copy = list;
    int again = 0;
    QVERIFY(copy.forEach([&again](const GatewaySeriesList::Entry &, const char *) { ++again; }));
    QCOMPARE(again, gateways);
}

void TestGatewaySeries::statusesAreBounded()
{
    // A service that sends a new status for every gateway gets a bounded number of them.
    GatewaySeriesBuilder builder;
    for (int i = 0; i < 2000; ++i) {
        BackupGateway g;
        g.backupGatewayId = QString::number(i);
        g.status = QStringLiteral("S%1").arg(i);
        builder.append(g);
    }
    const GatewaySeriesList list = builder.finish();
    QCOMPARE(list.size(), 2000);
    QCOMPARE(list.statuses().size(), 257);
    QCOMPARE(list.statusOf(list.entries().last()), QStringLiteral("OTHER"));
}

QTEST_GUILESS_MAIN(TestGatewaySeries)
#include "tst_gatewayseries.moc"
