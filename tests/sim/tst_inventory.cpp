// Tests for app/sim/inventory.h: the seeded fleet is reproducible, varied, and shaped the way the
// header promises (region shares, plausible times, every status, missing public IPs, non-ASCII).
#include <sim/inventory.h>

#include <api/gatewayfields.h>

#include <QHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using dbs::BackupGateway;
using dbs::generateInventory;

namespace {
constexpr qint64 nowMs = 1700000000000;

QHash<QString, int> countByRegion(const QVector<BackupGateway> &fleet)
{
    QHash<QString, int> counts;
    for (const BackupGateway &g : fleet)
        ++counts[g.region];
    return counts;
}

bool hasNonAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() > 0x7F)
            return true;
    }
    return false;
}
} // namespace

class TestInventory : public QObject
{
    Q_OBJECT

private slots:
    void deterministic_data();
    void deterministic();
    void otherSeedOtherFleet();
    void counts_data();
    void counts();
    void regionsRestricted_data();
    void regionsRestricted();
    void firstRegionLargestShare_data();
    void firstRegionLargestShare();
    void defaultRegions();
    void times_data();
    void times();
    void heartbeatsFollowNow();
    void statuses_data();
    void statuses();
    void publicIps();
    void nonAsciiNames();
    void uniqueIds_data();
    void uniqueIds();
    void fieldsFilledIn();
    void gatewayJson_data();
    void gatewayJson();
    void gatewayJsonWholeFleet();
};

void TestInventory::deterministic_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<QStringList>("regions");
    QTest::newRow("seed 1, default regions") << quint64(1) << QStringList{};
    QTest::newRow("seed 42, three regions")
        << quint64(42) << QStringList{"cn-chengdu", "eu-west-1", "me-east-1"};
    QTest::newRow("seed 0") << quint64(0) << QStringList{};
    QTest::newRow("huge seed") << quint64(0xFFFFFFFFFFFFFFFFULL) << QStringList{"cn-hangzhou"};
}

void TestInventory::deterministic()
{
    QFETCH(quint64, seed);
    QFETCH(QStringList, regions);
    const QVector<BackupGateway> a = generateInventory(400, seed, regions, nowMs);
    const QVector<BackupGateway> b = generateInventory(400, seed, regions, nowMs);
    QCOMPARE(a.size(), 400);
    QCOMPARE(a, b);
    // A shorter fleet from the same seed is the same fleet, cut short.
    const QVector<BackupGateway> c = generateInventory(50, seed, regions, nowMs);
    QCOMPARE(c, a.mid(0, 50));
}

void TestInventory::otherSeedOtherFleet()
{
    const QVector<BackupGateway> a = generateInventory(200, 1, {}, nowMs);
    for (quint64 other : {quint64(2), quint64(3), quint64(1001), quint64(123456789)}) {
        const QVector<BackupGateway> b = generateInventory(200, other, {}, nowMs);
        QVERIFY(a != b);
        int sameIdentifier = 0, sameName = 0, sameHeartbeat = 0;
        for (int i = 0; i < 200; ++i) {
            sameIdentifier += a[i].identifier == b[i].identifier;
            sameName += a[i].displayName == b[i].displayName;
            sameHeartbeat += a[i].lastHeartbeatTime == b[i].lastHeartbeatTime;
        }
        // Not just one field differing: the fleets are unrelated.
        QCOMPARE(sameIdentifier, 0);
        QVERIFY2(sameName < 20, qPrintable(QString::number(sameName)));
        QVERIFY2(sameHeartbeat < 20, qPrintable(QString::number(sameHeartbeat)));
    }
}

void TestInventory::counts_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("0") << 0;
    QTest::newRow("1") << 1;
    QTest::newRow("7") << 7;
    QTest::newRow("30 (one page)") << 30;
    QTest::newRow("31 (one more than a page)") << 31;
    QTest::newRow("400") << 400;
    QTest::newRow("5000") << 5000;
}

void TestInventory::counts()
{
    QFETCH(int, count);
    QCOMPARE(generateInventory(count, 7, {}, nowMs).size(), count);
    QCOMPARE(generateInventory(count, 7, {"cn-hangzhou"}, nowMs).size(), count);
}

void TestInventory::regionsRestricted_data()
{
    QTest::addColumn<QStringList>("regions");
    QTest::newRow("one") << QStringList{"ap-southeast-1"};
    QTest::newRow("two") << QStringList{"cn-hangzhou", "cn-shanghai"};
    QTest::newRow("three") << QStringList{"cn-chengdu", "eu-west-1", "me-east-1"};
    QTest::newRow("finance seed spelling") << QStringList{"cn-shanghai-finance", "cn-hangzhou"};
}

void TestInventory::regionsRestricted()
{
    QFETCH(QStringList, regions);
    const QVector<BackupGateway> fleet = generateInventory(400, 11, regions, nowMs);
    const QHash<QString, int> counts = countByRegion(fleet);
    // Only the named regions, and every one of them has gateways.
    QCOMPARE(QSet<QString>(counts.keyBegin(), counts.keyEnd()),
             QSet<QString>(regions.cbegin(), regions.cend()));
    for (const BackupGateway &g : fleet)
        QVERIFY2(g.hostname.endsWith(g.region + QLatin1String(".internal")),
                 qPrintable(g.hostname));
}

void TestInventory::firstRegionLargestShare_data()
{
    QTest::addColumn<QStringList>("regions");
    QTest::addColumn<quint64>("seed");
    for (quint64 seed : {quint64(1), quint64(2), quint64(99)}) {
        QTest::addRow("two regions, seed %llu", seed)
            << QStringList{"cn-hangzhou", "cn-shanghai"} << seed;
        QTest::addRow("three regions, seed %llu", seed)
            << QStringList{"eu-central-1", "cn-beijing", "us-west-1"} << seed;
        QTest::addRow("default regions, seed %llu", seed) << QStringList{} << seed;
    }
}

void TestInventory::firstRegionLargestShare()
{
    QFETCH(QStringList, regions);
    QFETCH(quint64, seed);
    const QVector<BackupGateway> fleet = generateInventory(400, seed, regions, nowMs);
    const QHash<QString, int> counts = countByRegion(fleet);
    const QString first = regions.isEmpty() ? dbs::defaultRegions().first() : regions.first();
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.key() != first) {
            QVERIFY2(counts.value(first) > it.value(),
                     qPrintable(QStringLiteral("%1 has %2 gateways, the first region %3 only %4")
                                    .arg(it.key())
                                    .arg(it.value())
                                    .arg(first)
                                    .arg(counts.value(first))));
        }
    }
    // "so that it spans several pages": more than one page of 100.
    QVERIFY(counts.value(first) > 100);
}

void TestInventory::defaultRegions()
{
    const QStringList regions = dbs::defaultRegions();
    QVERIFY(regions.size() >= 2);
    QCOMPARE(QSet<QString>(regions.cbegin(), regions.cend()).size(), regions.size());
    const QHash<QString, int> counts = countByRegion(generateInventory(2000, 5, {}, nowMs));
    QCOMPARE(QSet<QString>(counts.keyBegin(), counts.keyEnd()),
             QSet<QString>(regions.cbegin(), regions.cend()));
}

void TestInventory::times_data()
{
    QTest::addColumn<quint64>("seed");
    for (quint64 seed = 1; seed <= 10; ++seed)
        QTest::addRow("seed %llu", seed) << seed;
}

void TestInventory::times()
{
    QFETCH(quint64, seed);
    constexpr qint64 day = 24LL * 3600 * 1000;
    for (const BackupGateway &g : generateInventory(400, seed, {}, nowMs)) {
        QVERIFY2(g.createTime < g.lastHeartbeatTime, qPrintable(g.backupGatewayId));
        QVERIFY2(g.lastHeartbeatTime <= nowMs, qPrintable(g.backupGatewayId));
        // Plausible: created after 2010, not older than a few years; heartbeats within a year.
        QVERIFY(g.createTime > 1262304000000LL);
        QVERIFY(nowMs - g.lastHeartbeatTime < 366 * day);
        QVERIFY(g.lastHeartbeatTime - g.createTime >= day);
    }
}

void TestInventory::heartbeatsFollowNow()
{
    // Times are placed relative to now: another now shifts every time and nothing else.
    constexpr qint64 shift = 123456789;
    const QVector<BackupGateway> a = generateInventory(300, 8, {}, nowMs);
    QVector<BackupGateway> b = generateInventory(300, 8, {}, nowMs + shift);
    for (BackupGateway &g : b) {
        g.createTime -= shift;
        g.lastHeartbeatTime -= shift;
    }
    QCOMPARE(b, a);
}

void TestInventory::statuses_data()
{
    QTest::addColumn<quint64>("seed");
    for (quint64 seed : {quint64(1), quint64(2), quint64(3), quint64(2024)})
        QTest::addRow("seed %llu", seed) << seed;
}

void TestInventory::statuses()
{
    QFETCH(quint64, seed);
    QHash<QString, int> counts;
    for (const BackupGateway &g : generateInventory(400, seed, {}, nowMs))
        ++counts[g.status];
    QCOMPARE(QSet<QString>(counts.keyBegin(), counts.keyEnd()),
             (QSet<QString>{"ONLINE", "OFFLINE", "STOPPED", "UPGRADING"}));
    // ONLINE is the usual state.
    for (const char *other : {"OFFLINE", "STOPPED", "UPGRADING"})
        QVERIFY(counts.value("ONLINE") > counts.value(other));
}

void TestInventory::publicIps()
{
    const QVector<BackupGateway> fleet = generateInventory(400, 3, {}, nowMs);
    int empty = 0;
    for (const BackupGateway &g : fleet) {
        if (g.internetIp.isEmpty()) {
            ++empty;
        } else {
            QVERIFY2(QHostAddress(g.internetIp).protocol() == QAbstractSocket::IPv4Protocol,
                     qPrintable(g.internetIp));
        }
        QVERIFY2(QHostAddress(g.intranetIp).protocol() == QAbstractSocket::IPv4Protocol,
                 qPrintable(g.intranetIp));
    }
    QVERIFY2(empty > 0, "no gateway without a public IP");
    QVERIFY2(empty < fleet.size(), "every gateway without a public IP");
}

void TestInventory::nonAsciiNames()
{
    const QVector<BackupGateway> fleet = generateInventory(400, 4, {}, nowMs);
    int nonAscii = 0, cjk = 0;
    for (const BackupGateway &g : fleet) {
        QVERIFY(!g.displayName.isEmpty());
        if (hasNonAscii(g.displayName))
            ++nonAscii;
        for (const QChar c : g.displayName) {
            if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF) {
                ++cjk;
                break;
            }
        }
        // Valid text: nothing lost on the way through UTF-8.
        QCOMPARE(QString::fromUtf8(g.displayName.toUtf8()), g.displayName);
        QVERIFY(!g.displayName.contains(QChar::ReplacementCharacter));
    }
    QVERIFY(nonAscii > 0);
    QVERIFY(cjk > 0);
    QVERIFY(nonAscii < fleet.size()); // and plain ASCII ones too
}

void TestInventory::uniqueIds_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<quint64>("seed");
    QTest::newRow("400, seed 1") << 400 << quint64(1);
    QTest::newRow("400, seed 999") << 400 << quint64(999);
    QTest::newRow("5000, seed 17") << 5000 << quint64(17);
}

void TestInventory::uniqueIds()
{
    QFETCH(int, count);
    QFETCH(quint64, seed);
    QSet<QString> ids, identifiers;
    for (const BackupGateway &g : generateInventory(count, seed, {}, nowMs)) {
        QVERIFY(!g.backupGatewayId.isEmpty());
        QVERIFY(!g.identifier.isEmpty());
        ids.insert(g.backupGatewayId);
        identifiers.insert(g.identifier);
    }
    QCOMPARE(ids.size(), count);
    QCOMPARE(identifiers.size(), count);
}

void TestInventory::fieldsFilledIn()
{
    for (const BackupGateway &g : generateInventory(100, 6, {}, nowMs)) {
        QVERIFY(!g.hostname.isEmpty());
        QVERIFY(!g.region.isEmpty());
        QVERIFY(!g.status.isEmpty());
        bool numeric = false;
        g.backupGatewayId.toLongLong(&numeric);
        QVERIFY2(numeric, qPrintable(g.backupGatewayId)); // like the API's sample ids
    }
}

void TestInventory::gatewayJson_data()
{
    QTest::addColumn<BackupGateway>("gateway");
    BackupGateway plain;
    plain.backupGatewayId = QStringLiteral("1001000001");
    plain.identifier = QStringLiteral("dbsgw0abc");
    plain.displayName = QStringLiteral("mysql-prod-7");
    plain.status = QStringLiteral("ONLINE");
    plain.region = QStringLiteral("cn-hangzhou");
    plain.hostname = QStringLiteral("db-prod-001.cn-hangzhou.internal");
    plain.intranetIp = QStringLiteral("10.1.2.3");
    plain.createTime = 1600000000000;
    plain.lastHeartbeatTime = nowMs;
    QTest::newRow("plain") << plain;
    QTest::newRow("empty") << BackupGateway();
    BackupGateway quoted = plain;
    quoted.displayName = QStringLiteral("say \"hi\" \\ back\\slash /");
    QTest::newRow("quote and backslash") << quoted;
    BackupGateway control = plain;
    control.displayName = QStringLiteral("line\nbreak\ttab\r\x01\x1f end");
    QTest::newRow("control characters") << control;
    BackupGateway unicode = plain;
    unicode.displayName = QStringLiteral("订单库-東京-São Paulo-Ñandú \U0001F600");
    QTest::newRow("non-ASCII") << unicode;
    BackupGateway times = plain;
    times.createTime = -1;
    times.lastHeartbeatTime = 4102444800000; // 2100
    QTest::newRow("odd times") << times;
}

void TestInventory::gatewayJson()
{
    // The direct writer and Qt's JSON agree: the same object, whatever the text holds.
    QFETCH(BackupGateway, gateway);
    const QByteArray text = dbs::gatewayJson(gateway);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    QVERIFY2(error.error == QJsonParseError::NoError,
             qPrintable(error.errorString() + u' ' + QString::fromUtf8(text)));
    QCOMPARE(document.object(), dbs::toJson(gateway));
}

void TestInventory::gatewayJsonWholeFleet()
{
    const QVector<BackupGateway> fleet = generateInventory(2000, 7, {}, nowMs);
    for (const BackupGateway &gateway : fleet) {
        const QJsonDocument document = QJsonDocument::fromJson(dbs::gatewayJson(gateway));
        QCOMPARE(document.object(), dbs::toJson(gateway));
    }
}

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
