#include <fleet/changejson.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace dbs;

class TestChangeJson final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneLine_data();
    void oneLine();
};

void TestChangeJson::oneLine_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("hasPrevious");
    QTest::newRow("added") << int(ChangeKind::Added) << "added" << false;
    QTest::newRow("removed") << int(ChangeKind::Removed) << "removed" << true;
    QTest::newRow("status") << int(ChangeKind::Status) << "status" << true;
    QTest::newRow("stale") << int(ChangeKind::Stale) << "stale" << true;
    QTest::newRow("recovered") << int(ChangeKind::Recovered) << "recovered" << true;
}

void TestChangeJson::oneLine()
{
    QFETCH(int, kind);
    QFETCH(QString, name);
    QFETCH(bool, hasPrevious);
    GatewayChange change;
    change.kind = ChangeKind(kind);
    change.gateway.backupGatewayId = QStringLiteral("dbs1hvs0001");
    change.gateway.region = QStringLiteral("cn-hangzhou");
    change.gateway.status = QStringLiteral("OFFLINE");
    change.gateway.displayName = QStringLiteral("line\nbreak \"quoted\" 网关 ") + QChar(0x9B) +
                                 QStringLiteral("2J ") + QChar(0x202E) + QStringLiteral("\x7f");
    change.gateway.lastHeartbeatTime = 1'790'000'000'123;
    change.previousStatus = QStringLiteral("ONLINE");
    change.timeMs = 1'790'000'060'007;

    const QByteArray line = changeJsonLine(change);
    QVERIFY(!line.contains('\n')); // one change, one line, whatever the names hold
    // Nor anything a terminal would obey: C1, bidi controls and DEL are \u escapes.
    for (const uint code : QString::fromUtf8(line).toUcs4())
        QVERIFY2(code >= 0x20 && !(code >= 0x7F && code <= 0x9F) && code != 0x202E,
                 line.constData());
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(line, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(object.value("change").toString(), name);
    QCOMPARE(object.value("time").toString(), QStringLiteral("2026-09-21T14:14:20.007Z"));
    QCOMPARE(object.value("region").toString(), QStringLiteral("cn-hangzhou"));
    QCOMPARE(object.value("id").toString(), QStringLiteral("dbs1hvs0001"));
    QCOMPARE(object.value("status").toString(), QStringLiteral("OFFLINE"));
    QCOMPARE(object.contains("previousStatus"), hasPrevious);
    if (hasPrevious)
        QCOMPARE(object.value("previousStatus").toString(), QStringLiteral("ONLINE"));
    const QJsonObject gateway = object.value("gateway").toObject();
    QCOMPARE(gateway.value("DisplayName").toString(), change.gateway.displayName);
    QCOMPARE(gateway.value("LastHeartbeatTime").toInteger(), change.gateway.lastHeartbeatTime);
}

QTEST_GUILESS_MAIN(TestChangeJson)
#include "tst_changejson.moc"
