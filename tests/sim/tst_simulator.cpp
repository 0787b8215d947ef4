// The simulator's paging, as the client cannot ask for it (PageNum absent, malformed, huge):
// DBS counts pages from 0; --page-base 1 models the other reading, answering 0 as page 1.
#include "rawhttp.h"
#include <sim/simulator.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace dbs;

class TestSimulator final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pageNumbering_data();
    void pageNumbering();
    void heartbeatsKeepComing();
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

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
