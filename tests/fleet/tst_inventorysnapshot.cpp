#include <fleet/inventorysnapshot.h>

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dbs;

namespace {
InventorySnapshot sample()
{
    InventorySnapshot snapshot;
    snapshot.scope = QStringLiteral("all");
    snapshot.takenAtMs = 1'790'000'123'456;
    BackupGateway a;
    a.backupGatewayId = QStringLiteral("dbs1hvsa1b2c3d4");
    a.identifier = QStringLiteral("id-1");
    a.displayName = QStringLiteral("备份网关 \"east\", 1");
    a.status = QStringLiteral("ONLINE");
    a.region = QStringLiteral("cn-hangzhou");
    a.hostname = QStringLiteral("db-01.example.internal");
    a.internetIp = QStringLiteral("203.0.113.9");
    a.intranetIp = QStringLiteral("10.0.0.9");
    a.createTime = 1'600'000'000'000;
    a.lastHeartbeatTime = 9'007'199'254'740'993; // past double's exact range, kept exactly
    BackupGateway b;
    b.backupGatewayId = QStringLiteral("dbs1hvsb");
    b.status = QStringLiteral("OFFLINE");
    snapshot.gateways = {a, b};
    return snapshot;
}
} // namespace

class TestInventorySnapshot final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void roundTrip();
    void keepsTheAccount();
    void rejects_data();
    void rejects();
    void pathStaysInTheCacheDirectory_data();
    void pathStaysInTheCacheDirectory();
    void saveAndLoad();
    void missingFileIsNotAnError();
    void unwritableFolderFailsClearly();
};

void TestInventorySnapshot::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestInventorySnapshot::roundTrip()
{
    const InventorySnapshot written = sample();
    InventorySnapshot read;
    QString error;
    QVERIFY2(parseSnapshot(serializeSnapshot(written), &read, &error), qPrintable(error));
    QCOMPARE(read.scope, written.scope);
    QCOMPARE(read.takenAtMs, written.takenAtMs);
    QCOMPARE(read.gateways, written.gateways);
}

void TestInventorySnapshot::keepsTheAccount()
{
    // An all-accounts inventory: each row's account comes back; one account's has none.
    InventorySnapshot written = sample();
    written.gateways[0].account = QStringLiteral("prod");
    const QByteArray data = serializeSnapshot(written);
    QCOMPARE(data.count("\"Account\""), 1);
    InventorySnapshot read;
    QString error;
    QVERIFY2(parseSnapshot(data, &read, &error), qPrintable(error));
    QCOMPARE(read.gateways, written.gateways);
    QCOMPARE(read.gateways.at(1).account, QString());
    QByteArray wrongType = data;
    wrongType.replace("\"Account\":\"prod\"", "\"Account\":7");
    QVERIFY(!parseSnapshot(wrongType, &read, &error));
}

void TestInventorySnapshot::rejects_data()
{
    QTest::addColumn<QByteArray>("data");
    const QByteArray good = serializeSnapshot(sample());
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not json") << QByteArray("\x00\xff garbage", 10);
    QTest::newRow("cut short") << good.left(good.size() / 2);
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("no version") << QByteArray(R"({"scope":"all","takenAtMs":1,"gateways":[]})");
    QTest::newRow("future version")
        << QByteArray(R"({"version":2,"scope":"all","takenAtMs":1,"gateways":[]})");
    QTest::newRow("no gateways") << QByteArray(R"({"version":1,"scope":"all","takenAtMs":1})");
    QTest::newRow("negative time")
        << QByteArray(R"({"version":1,"scope":"all","takenAtMs":-5,"gateways":[]})");
    QTest::newRow("gateway not an object")
        << QByteArray(R"({"version":1,"scope":"all","takenAtMs":1,"gateways":[3]})");
    QByteArray textTime = good;
    textTime.replace("\"BackupGatewayCreateTime\":1600000000000",
                     "\"BackupGatewayCreateTime\":\"1600000000000\"");
    QVERIFY(textTime != good);
    QTest::newRow("time as text") << textTime;
    QByteArray numberId = good;
    numberId.replace("\"dbs1hvsb\"", "42");
    QVERIFY(numberId != good);
    QTest::newRow("id as number") << numberId;
    QByteArray emptyId = good;
    emptyId.replace("\"dbs1hvsb\"", "\"\"");
    QTest::newRow("empty id") << emptyId;
}

void TestInventorySnapshot::rejects()
{
    QFETCH(QByteArray, data);
    InventorySnapshot snapshot = sample();
    QString error;
    QVERIFY(!parseSnapshot(data, &snapshot, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(snapshot.gateways, sample().gateways); // untouched on failure
}

void TestInventorySnapshot::pathStaysInTheCacheDirectory_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("endpoint");
    QTest::newRow("region") << "cn-hangzhou"
                            << "";
    QTest::newRow("all") << "all"
                         << "";
    QTest::newRow("escape attempt") << "../../etc/passwd"
                                    << "";
    QTest::newRow("slash") << "a/b"
                           << "http://127.0.0.1:1234";
    QTest::newRow("endpoint") << "cn-hangzhou"
                              << "http://127.0.0.1:1234";
}

void TestInventorySnapshot::pathStaysInTheCacheDirectory()
{
    QFETCH(QString, scope);
    QFETCH(QString, endpoint);
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
                           QStringLiteral("/inventory");
    const QString path = snapshotPath(scope, QUrl(endpoint));
    QCOMPARE(QFileInfo(path).absolutePath(), QDir(folder).absolutePath());
    QVERIFY(path.endsWith(QLatin1String(".json")));
    // The demo's (or a test's) endpoint never shares the region's own file.
    if (!endpoint.isEmpty())
        QVERIFY(path != snapshotPath(scope, QUrl()));
    QVERIFY(snapshotPath(scope, QUrl(endpoint)) == path); // stable across runs
    // Each account's inventory is its own; the automatic account keeps the plain name.
    const QString prod = snapshotPath(scope, QUrl(endpoint), QStringLiteral("prod"));
    QVERIFY(prod != path);
    QVERIFY(prod != snapshotPath(scope, QUrl(endpoint), QStringLiteral("../dev")));
    QCOMPARE(QFileInfo(prod).absolutePath(), QDir(folder).absolutePath());
    QCOMPARE(snapshotPath(scope, QUrl(endpoint), QString()), path);
}

void TestInventorySnapshot::saveAndLoad()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deep/er/snapshot.json"));
    QString error;
    QVERIFY2(saveSnapshot(path, sample(), &error), qPrintable(error));
    InventorySnapshot read;
    QVERIFY2(loadSnapshot(path, &read, &error), qPrintable(error));
    QCOMPARE(read.gateways, sample().gateways);

    // A damaged file is reported, and a failed load leaves what the caller had.
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{\"version\":1,");
    file.close();
    QVERIFY(!loadSnapshot(path, &read, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(read.gateways, sample().gateways);
}

void TestInventorySnapshot::missingFileIsNotAnError()
{
    QTemporaryDir dir;
    InventorySnapshot read;
    QString error = QStringLiteral("stale");
    QVERIFY(!loadSnapshot(dir.filePath(QStringLiteral("none.json")), &read, &error));
    QVERIFY(error.isEmpty());
}

void TestInventorySnapshot::unwritableFolderFailsClearly()
{
    QTemporaryDir dir;
    // A file where the folder should be: cannot be created, whoever runs the test (even root).
    QFile blocker(dir.filePath(QStringLiteral("blocker")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QString error;
    QVERIFY(!saveSnapshot(dir.filePath(QStringLiteral("blocker/snapshot.json")), sample(), &error));
    QVERIFY(error.contains(QLatin1String("blocker")));
}

QTEST_GUILESS_MAIN(TestInventorySnapshot)
#include "tst_inventorysnapshot.moc"
