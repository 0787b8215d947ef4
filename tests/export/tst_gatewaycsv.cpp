#include <export/csvwriter.h>
#include <export/gatewaycsv.h>
#include <export/timewords.h>

#include <QBuffer>
#include <QTest>

using dbs::BackupGateway;
using dbs::GatewayCsvOptions;

namespace {
const QByteArray bom = "\xEF\xBB\xBF";
const QByteArray apiHeader =
    "BackupGatewayId,Identifier,DisplayName,BackupGatewayStatus,Region,SourceEndpointHostname,"
    "SourceEndpointInternetIP,SourceEndpointIntranetIP,BackupGatewayCreateTime,"
    "BackupGatewayCreateTime (UTC),LastHeartbeatTime,LastHeartbeatTime (UTC)\r\n";
const QByteArray titleHeader =
    "Gateway ID,Identifier,Name,Status,Region,Hostname,Public IP,Private IP,Created (epoch ms),"
    "Created (UTC),Last heartbeat (epoch ms),Last heartbeat (UTC)\r\n";

// 2024-05-01T08:30:00Z and 2024-05-02T09:15:30.250Z
constexpr qint64 createMs = 1714552200000;
constexpr qint64 heartbeatMs = 1714641330250;

BackupGateway gateway(const QString &name)
{
    BackupGateway g;
    g.backupGatewayId = QStringLiteral("bg-1");
    g.identifier = QStringLiteral("id-1");
    g.displayName = name;
    g.status = QStringLiteral("ONLINE");
    g.region = QStringLiteral("cn-hangzhou");
    g.hostname = QStringLiteral("host-1");
    g.internetIp = QStringLiteral("47.1.2.3");
    g.intranetIp = QStringLiteral("10.0.0.1");
    g.createTime = createMs;
    g.lastHeartbeatTime = heartbeatMs;
    return g;
}

// The fixed tail of gateway()'s row after the name.
const QByteArray rowTail = ",ONLINE,cn-hangzhou,host-1,47.1.2.3,10.0.0.1,1714552200000,"
                           "2024-05-01T08:30:00Z,1714641330250,2024-05-02T09:15:30Z\r\n";

QByteArray exportToBytes(const QList<BackupGateway> &rows, const GatewayCsvOptions &options)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const dbs::GatewayCsvResult result = dbs::writeGatewaysCsv(&buffer, rows, options);
    if (!result.ok || result.rows != rows.size())
        return "<failed: " + result.error.toUtf8() + '>';
    return buffer.data();
}

// Records every write, so a test can see that rows go out one by one.
class RecordingDevice final : public QIODevice
{
public:
    QList<qint64> writes;
    qint64 failAfterBytes = -1; // -1: never fail
    qint64 total = 0;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 len) override
    {
        if (failAfterBytes >= 0 && total + len > failAfterBytes) {
            setErrorString(QStringLiteral("No space left on device"));
            return -1;
        }
        writes.append(len);
        total += len;
        return len;
    }
};
} // namespace

class TestGatewayCsv final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void header_data();
    void header();
    void row_data();
    void row();
    void isoUtc_data();
    void isoUtc();
    void emptyExportHasHeaderOnly();
    void rowSourceOverload();
    void streamsRowByRow();
    void failingDeviceReportsError();
    void accountColumnAfterTheApiFields();
};

void TestGatewayCsv::header_data()
{
    QTest::addColumn<bool>("byteOrderMark");
    QTest::addColumn<bool>("apiHeaders");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("api names, BOM") << true << true << bom + apiHeader;
    QTest::newRow("api names, no BOM") << false << true << apiHeader;
    QTest::newRow("titles, BOM") << true << false << bom + titleHeader;
    QTest::newRow("titles, no BOM") << false << false << titleHeader;
}

void TestGatewayCsv::header()
{
    QFETCH(bool, byteOrderMark);
    QFETCH(bool, apiHeaders);
    QFETCH(QByteArray, expected);

    GatewayCsvOptions options;
    options.byteOrderMark = byteOrderMark;
    options.apiHeaders = apiHeaders;
    const QByteArray bytes = exportToBytes({gateway(QStringLiteral("n"))}, options);
    QVERIFY(bytes.startsWith(expected));
    // Exactly one BOM, at the very start.
    QCOMPARE(bytes.count(bom), byteOrderMark ? 1 : 0);
}

void TestGatewayCsv::row_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("expectedName"); // as it must appear in the file

    QTest::newRow("plain") << "gw one" << QByteArray("gw one");
    QTest::newRow("empty") << "" << QByteArray("");
    QTest::newRow("comma") << "a,b" << QByteArray("\"a,b\"");
    QTest::newRow("quote") << "say \"hi\"" << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("LF") << "two\nlines" << QByteArray("\"two\nlines\"");
    QTest::newRow("CRLF inside") << "a\r\nb" << QByteArray("\"a\r\nb\"");
    QTest::newRow("UTF-8") << QString::fromUtf8("杭州网关") << QByteArray("杭州网关");
    QTest::newRow("= formula") << "=HYPERLINK(\"x\")" << QByteArray("\"'=HYPERLINK(\"\"x\"\")\"");
    QTest::newRow("+ formula") << "+1+1" << QByteArray("'+1+1");
    QTest::newRow("- formula") << "-2+3" << QByteArray("'-2+3");
    QTest::newRow("@ formula") << "@SUM(A1)" << QByteArray("'@SUM(A1)");
    QTest::newRow("tab first") << "\tx" << QByteArray("'\tx");
    QTest::newRow("CR first") << "\rx" << QByteArray("\"'\rx\"");
    QTest::newRow("= not first") << "a=b" << QByteArray("a=b");
    QTest::newRow("space then =") << " =1" << QByteArray(" =1");
}

void TestGatewayCsv::row()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, expectedName);

    GatewayCsvOptions options;
    options.byteOrderMark = false;
    options.apiHeaders = true;
    const QByteArray bytes = exportToBytes({gateway(name)}, options);
    QCOMPARE(bytes, apiHeader + "bg-1,id-1," + expectedName + rowTail);
}

void TestGatewayCsv::isoUtc_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("iso");

    QTest::newRow("none sent") << qint64(0) << ""
                               << "";
    QTest::newRow("epoch + 1 ms") << qint64(1) << "1"
                                  << "1970-01-01T00:00:00Z";
    QTest::newRow("whole seconds") << createMs << "1714552200000"
                                   << "2024-05-01T08:30:00Z";
    QTest::newRow("milliseconds kept raw") << heartbeatMs << "1714641330250"
                                           << "2024-05-02T09:15:30Z";
    QTest::newRow("after 2038") << qint64(4102444800000) << "4102444800000"
                                << "2100-01-01T00:00:00Z";
    QTest::newRow("leap day") << qint64(951868799999) << "951868799999"
                              << "2000-02-29T23:59:59Z";
    QTest::newRow("new year's eve") << qint64(1735689599000) << "1735689599000"
                                    << "2024-12-31T23:59:59Z";
    QTest::newRow("year 9999") << qint64(253402300799000) << "253402300799000"
                               << "9999-12-31T23:59:59Z";
}

void TestGatewayCsv::isoUtc()
{
    QFETCH(qint64, ms);
    QFETCH(QString, raw);
    QFETCH(QString, iso);

    QCOMPARE(dbs::timewords::utcIso(ms), iso);
    BackupGateway g = gateway(QStringLiteral("n"));
    g.createTime = ms;
    g.lastHeartbeatTime = ms;
    const QStringList cells = dbs::gatewayCsvCells(g);
    QCOMPARE(cells.size(), 12);
    QCOMPARE(cells.mid(8), (QStringList{raw, iso, raw, iso}));

    // The writer formats times on its own, without QDateTime: it must write the same text.
    GatewayCsvOptions options;
    options.byteOrderMark = false;
    options.apiHeaders = true;
    QCOMPARE(exportToBytes({g}, options), apiHeader + dbs::csvRow(cells, true));
}

void TestGatewayCsv::emptyExportHasHeaderOnly()
{
    GatewayCsvOptions options; // defaults: BOM on, translated titles
    QCOMPARE(exportToBytes({}, options), bom + titleHeader);
}

void TestGatewayCsv::rowSourceOverload()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    GatewayCsvOptions options;
    options.byteOrderMark = false;
    options.apiHeaders = true;
    QList<int> asked;
    const auto result = dbs::writeGatewaysCsv(
        &buffer, 3,
        [&asked](int row) {
            asked.append(row);
            return gateway(QStringLiteral("g%1").arg(row));
        },
        options);
    QVERIFY(result.ok);
    QCOMPARE(result.rows, 3);
    QCOMPARE(asked, (QList<int>{0, 1, 2}));
    QCOMPARE(buffer.data(), apiHeader + "bg-1,id-1,g0" + rowTail + "bg-1,id-1,g1" + rowTail +
                                "bg-1,id-1,g2" + rowTail);
}

void TestGatewayCsv::streamsRowByRow()
{
    RecordingDevice device;
    device.open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    constexpr int count = 5000;
    const auto result = dbs::writeGatewaysCsv(
        &device, count, [](int row) { return gateway(QString::number(row)); }, {});
    QVERIFY(result.ok);
    QCOMPARE(result.rows, count);
    // One write for the header and one per row: nothing accumulates the whole file.
    QCOMPARE(device.writes.size(), count + 1);
    const qint64 largest = *std::max_element(device.writes.cbegin(), device.writes.cend());
    QVERIFY2(largest < 512, QByteArray::number(largest));
}

void TestGatewayCsv::failingDeviceReportsError()
{
    RecordingDevice device;
    device.open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    device.failAfterBytes = 1000; // the header and a few rows fit
    int asked = 0;
    const auto result = dbs::writeGatewaysCsv(&device, 100,
                                              [&asked](int row) {
                                                  ++asked;
                                                  return gateway(QString::number(row));
                                              },
                                              {});
    QVERIFY(!result.ok);
    QVERIFY(result.rows < 10);
    QVERIFY2(result.error.contains(QLatin1String("No space left on device")),
             qPrintable(result.error));
    // It stops at the first failure instead of pulling every remaining row.
    QCOMPARE(asked, result.rows + 1);
}

void TestGatewayCsv::accountColumnAfterTheApiFields()
{
    // Several accounts in one export: their column comes last, so that a script reading the
    // API's columns by position reads the same columns.
    BackupGateway g = gateway(QStringLiteral("n"));
    g.account = QStringLiteral("=prod");
    GatewayCsvOptions options;
    options.byteOrderMark = false;
    options.apiHeaders = true;
    options.accountColumn = true;
    const QByteArray bytes = exportToBytes({g}, options);
    const QList<QByteArray> lines = bytes.split('\n');
    QCOMPARE(lines.at(0), apiHeader.chopped(2) + ",Account\r");
    const QStringList cells = dbs::gatewayCsvCells(g, options);
    QCOMPARE(cells.size(), 13);
    QCOMPARE(cells.last(), QStringLiteral("=prod"));
    // Written neutralised, as every cell the service or a user named.
    QVERIFY2(lines.at(1).endsWith(",'=prod\r"), lines.at(1).constData());
    QCOMPARE(bytes, apiHeader.chopped(2) + ",Account\r\n" + dbs::csvRow(cells, true));
    options.apiHeaders = false;
    QVERIFY(exportToBytes({g}, options).startsWith(titleHeader.chopped(2) + ",Account\r\n"));
    options.accountColumn = false;
    QVERIFY(!exportToBytes({g}, options).contains("prod"));
}

QTEST_GUILESS_MAIN(TestGatewayCsv)
#include "tst_gatewaycsv.moc"
