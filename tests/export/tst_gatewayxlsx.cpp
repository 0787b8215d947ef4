#include <export/gatewayxlsx.h>

#include <spreadsheetreader.h>

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using dbs::BackupGateway;
using fixture::Spreadsheet;

namespace {
// 2024-05-01T08:30:00Z and 2024-05-02T09:15:30.250Z
constexpr qint64 createMs = 1714552200000;
constexpr qint64 heartbeatMs = 1714641330250;
constexpr qint64 lastSecondMs = 253402300799000; // 9999-12-31T23:59:59Z, a spreadsheet's last day

// The columns: the CSV export's, each time as epoch ms and then UTC.
enum Column {
    Id,
    Identifier,
    Name,
    Status,
    Region,
    Hostname,
    InternetIp,
    IntranetIp,
    CreateMs,
    CreateUtc,
    HeartbeatMs,
    HeartbeatUtc,
    ColumnCount
};

BackupGateway gateway(const QString &id, const QString &name, qint64 created, qint64 heartbeat)
{
    BackupGateway g;
    g.backupGatewayId = id;
    g.identifier = QStringLiteral("id-") + id;
    g.displayName = name;
    g.status = QStringLiteral("ONLINE");
    g.region = QStringLiteral("cn-hangzhou");
    g.hostname = QStringLiteral("host-1");
    g.internetIp = QStringLiteral("47.1.2.3");
    g.intranetIp = QStringLiteral("10.0.0.1");
    g.createTime = created;
    g.lastHeartbeatTime = heartbeat;
    return g;
}

// What a spreadsheet would make of these as typed-in or CSV values: numbers, dates, booleans,
// formulas. In the workbook each must stay the text it is.
QList<BackupGateway> hostileRows()
{
    QList<BackupGateway> rows;
    BackupGateway g =
        gateway(QStringLiteral("00123"), QStringLiteral("2026-01-02"), createMs, heartbeatMs);
    g.identifier = QStringLiteral("0042");
    g.status = QStringLiteral("TRUE");
    g.hostname = QStringLiteral("1e5");
    rows.append(g);

    g = gateway(QStringLiteral("bg-2"), QStringLiteral("=1+1"), 1, 0); // no heartbeat
    g.identifier = QStringLiteral("+1");
    g.status = QStringLiteral("@SUM(A1)");
    g.hostname = QStringLiteral("-2");
    g.internetIp = QStringLiteral("=HYPERLINK(\"http://x\")");
    rows.append(g);

    g = gateway(QStringLiteral("bg-3"),
                QStringLiteral("a\tb\nc\x01"
                               "d\x1b[31m"),
                createMs, heartbeatMs);
    g.identifier = QStringLiteral("_x0001_");
    g.hostname = QString::fromUtf8("\u202Eevil");
    rows.append(g);

    g = gateway(QStringLiteral("bg-4"), QString::fromUtf8("杭州网关（主）"), 0, 0);
    g.hostname.clear();
    g.internetIp.clear();
    g.intranetIp.clear();
    rows.append(g);

    g = gateway(QStringLiteral("bg-5"), QString(1000, u'w'), lastSecondMs, lastSecondMs);
    rows.append(g);
    return rows;
}

// LibreOffice's office:date-value ("2024-05-02T09:15:30.25") as epoch ms, read as UTC.
qint64 dateValueMs(const QString &value)
{
    const qsizetype dot = value.indexOf(u'.');
    QDateTime time = QDateTime::fromString(value.left(dot < 0 ? value.size() : dot),
                                           QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (!time.isValid())
        return -1;
    time.setTimeSpec(Qt::UTC);
    qint64 ms = time.toMSecsSinceEpoch();
    if (dot >= 0)
        ms += std::llround((QStringLiteral("0") + value.mid(dot)).toDouble() * 1000);
    return ms;
}

// Records every write, and fails once `failAfterBytes` would be passed.
class FailingDevice final : public QIODevice
{
public:
    qint64 failAfterBytes = 0;
    qint64 total = 0;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 len) override
    {
        if (total + len > failAfterBytes) {
            setErrorString(QStringLiteral("No space left on device"));
            return -1;
        }
        total += len;
        return len;
    }
};
} // namespace

class TestGatewayXlsx final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void isWorkbook();
    void header();
    void textCells_data();
    void textCells();
    void timeCells_data();
    void timeCells();
    void emptyFieldsAreEmptyCells();
    void autoFilterAndWidths();
    void headerOnly();
    void apiHeaders();
    void cellText_data();
    void cellText();
    void failingDeviceReportsError();

private:
    Spreadsheet writeAndRead(const QList<BackupGateway> &rows,
                             const dbs::GatewayXlsxOptions &options, QByteArray *bytes = nullptr);

    QTemporaryDir m_dir;
    QList<BackupGateway> m_rows;
    QByteArray m_bytes;
    Spreadsheet m_sheet;
};

Spreadsheet TestGatewayXlsx::writeAndRead(const QList<BackupGateway> &rows,
                                          const dbs::GatewayXlsxOptions &options, QByteArray *bytes)
{
    static int count = 0;
    const QString path = m_dir.filePath(QStringLiteral("book-%1.xlsx").arg(++count));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {QStringLiteral("cannot write ") + path, {}, {}, {}, {}};
    const dbs::GatewayXlsxResult result = dbs::writeGatewaysXlsx(&file, rows, options);
    file.close();
    if (!result.ok || result.rows != rows.size())
        return {QStringLiteral("the write failed: ") + result.error, {}, {}, {}, {}};
    if (bytes) {
        file.open(QIODevice::ReadOnly);
        *bytes = file.readAll();
    }
    return fixture::readSpreadsheet(path);
}

void TestGatewayXlsx::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_rows = hostileRows();
    m_sheet = writeAndRead(m_rows, {}, &m_bytes);
    QVERIFY2(m_sheet.ok(), qPrintable(m_sheet.error));
}

void TestGatewayXlsx::isWorkbook()
{
    QVERIFY(m_bytes.startsWith("PK\x03\x04")); // a zip container, as .xlsx is
    QCOMPARE(m_sheet.rows.size(), 1 + m_rows.size());
}

void TestGatewayXlsx::header()
{
    const QStringList titles = dbs::gatewayCsvHeader({});
    QCOMPARE(titles.size(), int(ColumnCount));
    QVERIFY(titles.at(CreateUtc).contains(QLatin1String("UTC")));
    QVERIFY(titles.at(HeartbeatUtc).contains(QLatin1String("UTC")));
    for (int column = 0; column < ColumnCount; ++column) {
        QCOMPARE(m_sheet.cell(0, column).type, QStringLiteral("string"));
        QCOMPARE(m_sheet.cell(0, column).value, titles.at(column));
        QVERIFY2(m_sheet.isBold(0, column), qPrintable(titles.at(column)));
    }
    QVERIFY(!m_sheet.isBold(1, Id));
}

void TestGatewayXlsx::textCells_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("expected");

    QTest::newRow("leading zeros id") << 1 << int(Id) << "00123";
    QTest::newRow("leading zeros identifier") << 1 << int(Identifier) << "0042";
    QTest::newRow("a date as a name") << 1 << int(Name) << "2026-01-02";
    QTest::newRow("a boolean as a status") << 1 << int(Status) << "TRUE";
    QTest::newRow("a number as a hostname") << 1 << int(Hostname) << "1e5";
    QTest::newRow("public IP") << 1 << int(InternetIp) << "47.1.2.3";
    QTest::newRow("private IP") << 1 << int(IntranetIp) << "10.0.0.1";
    QTest::newRow("region") << 1 << int(Region) << "cn-hangzhou";
    QTest::newRow("= formula") << 2 << int(Name) << "=1+1";
    QTest::newRow("+ formula") << 2 << int(Identifier) << "+1";
    QTest::newRow("- formula") << 2 << int(Hostname) << "-2";
    QTest::newRow("@ formula") << 2 << int(Status) << "@SUM(A1)";
    QTest::newRow("hyperlink formula") << 2 << int(InternetIp) << "=HYPERLINK(\"http://x\")";
    QTest::newRow("control characters shown") << 3 << int(Name) << "a\\tb\\nc\\x01d\\e[31m";
    QTest::newRow("an escape's look-alike") << 3 << int(Identifier) << "_x0001_";
    QTest::newRow("bidi override shown") << 3 << int(Hostname) << "\\u202Eevil";
    QTest::newRow("Chinese") << 4 << int(Name) << QString::fromUtf8("杭州网关（主）");
    QTest::newRow("long name") << 5 << int(Name) << QString(1000, u'w');
}

void TestGatewayXlsx::textCells()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, expected);
    const fixture::SheetCell cell = m_sheet.cell(row, column);
    QCOMPARE(cell.type, QStringLiteral("string"));
    QCOMPARE(cell.value, expected);
}

void TestGatewayXlsx::timeCells_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column"); // the epoch-ms column; the date follows it
    QTest::addColumn<qint64>("ms");

    QTest::newRow("created, whole seconds") << 1 << int(CreateMs) << createMs;
    QTest::newRow("heartbeat with milliseconds") << 1 << int(HeartbeatMs) << heartbeatMs;
    QTest::newRow("created 1 ms after the epoch") << 2 << int(CreateMs) << qint64(1);
    QTest::newRow("the last second of 9999") << 5 << int(HeartbeatMs) << lastSecondMs;
}

void TestGatewayXlsx::timeCells()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(qint64, ms);
    const fixture::SheetCell raw = m_sheet.cell(row, column);
    QCOMPARE(raw.type, QStringLiteral("float"));
    QCOMPARE(raw.value, QString::number(ms));
    const fixture::SheetCell date = m_sheet.cell(row, column + 1);
    QCOMPARE(date.type, QStringLiteral("date"));
    // The same instant, read as UTC; LibreOffice keeps hundredths of a second (the raw column
    // keeps every millisecond).
    const qint64 read = dateValueMs(date.value);
    QVERIFY2(read >= 0 && std::llabs(read - ms) < 10,
             qPrintable(date.value + QStringLiteral(" for ") + QString::number(ms)));
}

void TestGatewayXlsx::emptyFieldsAreEmptyCells()
{
    // No heartbeat sent (0): both heartbeat cells empty, not 1970.
    QCOMPARE(m_sheet.cell(2, HeartbeatMs).type, QString());
    QCOMPARE(m_sheet.cell(2, HeartbeatUtc).type, QString());
    for (int column : {int(Hostname), int(InternetIp), int(IntranetIp), int(CreateMs),
                       int(CreateUtc), int(HeartbeatMs), int(HeartbeatUtc)})
        QVERIFY2(m_sheet.cell(4, column).type.isEmpty(), qPrintable(QString::number(column)));
    QCOMPARE(m_sheet.cell(4, Id).value, QStringLiteral("bg-4"));
}

void TestGatewayXlsx::autoFilterAndWidths()
{
    // Over the header and every row, the twelve columns A..L.
    QVERIFY2(m_sheet.filterRange.endsWith(QLatin1String(".A1:Gateways.L6")),
             qPrintable(m_sheet.filterRange));
    QVERIFY(m_sheet.columnWidthsCm.size() >= ColumnCount);
    for (int column = 0; column < ColumnCount; ++column)
        QVERIFY(m_sheet.columnWidthsCm.at(column) > 0);
    // The 1,000-character name is capped, but wider than the region; a date fits.
    QVERIFY(m_sheet.columnWidthsCm.at(Name) > m_sheet.columnWidthsCm.at(Region));
    QVERIFY(m_sheet.columnWidthsCm.at(Name) < 20);
    QVERIFY(m_sheet.columnWidthsCm.at(CreateUtc) > m_sheet.columnWidthsCm.at(Status));
}

void TestGatewayXlsx::headerOnly()
{
    const Spreadsheet sheet = writeAndRead({}, {});
    QVERIFY2(sheet.ok(), qPrintable(sheet.error));
    QCOMPARE(sheet.rows.size(), 1);
    QCOMPARE(sheet.cell(0, Id).value, dbs::gatewayCsvHeader({}).at(Id));
    QVERIFY2(sheet.filterRange.endsWith(QLatin1String(".A1:Gateways.L1")),
             qPrintable(sheet.filterRange));
}

void TestGatewayXlsx::apiHeaders()
{
    dbs::GatewayXlsxOptions options;
    options.apiHeaders = true;
    const Spreadsheet sheet = writeAndRead({m_rows.first()}, options);
    QVERIFY2(sheet.ok(), qPrintable(sheet.error));
    QCOMPARE(sheet.cell(0, Id).value, QStringLiteral("BackupGatewayId"));
    QCOMPARE(sheet.cell(0, HeartbeatUtc).value, QStringLiteral("LastHeartbeatTime (UTC)"));
    QCOMPARE(sheet.cell(1, Id).value, QStringLiteral("00123"));
}

void TestGatewayXlsx::cellText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << "gw-1"
                           << "gw-1";
    QTest::newRow("escape look-alike") << "a_x0041_b"
                                       << "a_x005F_x0041_b";
    QTest::newRow("two of them") << "_x0001__x00FF_"
                                 << "_x005F_x0001__x005F_x00FF_";
    QTest::newRow("lower-case hex") << "_xabcd_"
                                    << "_x005F_xabcd_";
    QTest::newRow("too short") << "_x004_"
                               << "_x004_";
    QTest::newRow("not hex") << "_x00G1_"
                             << "_x00G1_";
    QTest::newRow("no closing underscore") << "_x00411"
                                           << "_x00411";
    QTest::newRow("control character") << "a\x1b"
                                       << "a\\e";
    QTest::newRow("cut to a cell's size") << QString(40000, u'a') << QString(32766, u'a') + u'…';
}

void TestGatewayXlsx::cellText()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(dbs::xlsxCellText(text), expected);
}

void TestGatewayXlsx::failingDeviceReportsError()
{
    FailingDevice device;
    device.open(QIODevice::WriteOnly);
    device.failAfterBytes = 100;
    const dbs::GatewayXlsxResult result = dbs::writeGatewaysXlsx(&device, m_rows, {});
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QLatin1String("No space left on device")),
             qPrintable(result.error));
}

QTEST_GUILESS_MAIN(TestGatewayXlsx)
#include "tst_gatewayxlsx.moc"
