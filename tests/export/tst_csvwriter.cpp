// Tests for app/export/csvwriter.h: RFC 4180 quoting, spreadsheet formula neutralising, the BOM,
// writing through a QBuffer, and a round trip through an RFC 4180 reader written here.
#include <export/csvwriter.h>

#include <QBuffer>
#include <QRandomGenerator>
#include <QTest>

using dbs::CsvOptions;
using dbs::CsvWriter;

namespace {
const QByteArray utf8Bom = "\xEF\xBB\xBF";

// A strict RFC 4180 reader: records end in CRLF, fields are either plain (no comma, quote, CR
// or LF) or quoted with "" for a quote. Returns false on anything else.
bool readCsv(const QString &text, QList<QStringList> *rows, QString *error)
{
    rows->clear();
    qsizetype i = 0;
    const qsizetype n = text.size();
    QStringList row;
    QString field;
    while (i < n) {
        // One field.
        field.clear();
        if (text.at(i) == u'"') {
            ++i;
            for (;;) {
                if (i >= n) {
                    *error = QStringLiteral("unterminated quoted field");
                    return false;
                }
                const QChar c = text.at(i++);
                if (c == u'"') {
                    if (i < n && text.at(i) == u'"') {
                        field += u'"';
                        ++i;
                    } else {
                        break;
                    }
                } else {
                    field += c;
                }
            }
        } else {
            while (i < n && text.at(i) != u',' && text.at(i) != u'\r') {
                const QChar c = text.at(i++);
                if (c == u'"' || c == u'\n') {
                    *error =
                        QStringLiteral("bare quote or LF in an unquoted field at %1").arg(i - 1);
                    return false;
                }
                field += c;
            }
        }
        row.append(field);
        // After a field: a comma, or the CRLF that ends the record.
        if (i < n && text.at(i) == u',') {
            ++i;
            if (i >= n) {
                *error = QStringLiteral("comma at the end of the input");
                return false;
            }
            continue;
        }
        if (i + 1 < n && text.at(i) == u'\r' && text.at(i + 1) == u'\n') {
            i += 2;
            rows->append(row);
            row.clear();
            continue;
        }
        *error = QStringLiteral("expected , or CRLF at %1").arg(i);
        return false;
    }
    if (!row.isEmpty()) {
        *error = QStringLiteral("last record not terminated by CRLF");
        return false;
    }
    return true;
}

QList<QStringList> readBack(const QByteArray &bytes)
{
    QList<QStringList> rows;
    QString error;
    const QString text = QString::fromUtf8(bytes);
    if (!readCsv(text, &rows, &error))
        qWarning("CSV not readable: %s", qPrintable(error));
    return rows;
}

QString neutralised(const QString &value)
{
    static const QString dangerous = QStringLiteral("=+-@\t\r");
    if (!value.isEmpty() && dangerous.contains(value.front()))
        return u'\'' + value;
    return value;
}

QByteArray writeAll(const QList<QStringList> &rows, const CsvOptions &options)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer, options);
    for (const QStringList &row : rows) {
        if (!writer.writeRow(row))
            qWarning("writeRow failed");
    }
    if (!writer.ok())
        qWarning("writer not ok");
    return buffer.data();
}

// Rows of random cells drawn from characters that stress the quoting.
QList<QStringList> randomRows(quint32 seed, int count)
{
    QStringList pieces = {"a",
                          "Z",
                          "0",
                          " ",
                          ",",
                          "\"",
                          "\"\"",
                          "\r",
                          "\n",
                          "\r\n",
                          "\n\r",
                          "=",
                          "+",
                          "-",
                          "@",
                          "\t",
                          "'",
                          ";",
                          "|",
                          "\\",
                          "中",
                          "订单库",
                          "é",
                          "😀",
                          "\xC2\xA0" /* NBSP */,
                          "SUM(A1)",
                          "=HYPERLINK(\"http://x\")",
                          "--",
                          "\u2028"};
    pieces.append(QString(QChar(0)));
    QRandomGenerator rng(seed);
    QList<QStringList> rows;
    for (int r = 0; r < count; ++r) {
        QStringList row;
        const int cells = 1 + int(rng.bounded(8));
        for (int c = 0; c < cells; ++c) {
            QString cell;
            const int length = int(rng.bounded(6));
            for (int k = 0; k < length; ++k) {
                cell += pieces.at(int(rng.bounded(int(pieces.size()))));
            }
            row.append(cell);
        }
        rows.append(row);
    }
    return rows;
}

QList<QStringList> adversarialRows()
{
    return {
        {""},
        {"", ""},
        {"", "", ""},
        {"\""},
        {"\"\""},
        {"\"a\"", "b\"", "\"c"},
        {","},
        {",,", ",\",\""},
        {"\r"},
        {"\n"},
        {"\r\n"},
        {"a\r\nb", "c\nd", "e\rf"},
        {" lead", "trail ", " both ", "   "},
        {"=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"},
        {"=cmd|' /C calc'!A0", "-2+3", "'=already"},
        {QString::fromUtf8("订单库-prod-1"), QString::fromUtf8("Zürich-Backup"),
         QString::fromUtf8("東京-replica"), QString::fromUtf8("😀")},
        {QString(QChar(0)), QStringLiteral("nul") + QChar(0) + QStringLiteral("inside")},
        {QString(500, u'x') + u',' + QString(500, u'"')},
    };
}
} // namespace

class TestCsvWriter : public QObject
{
    Q_OBJECT

private slots:
    void readerSelfTest();

    void csvField_data();
    void csvField();
    void csvFieldNeutralised_data();
    void csvFieldNeutralised();
    void csvRow_data();
    void csvRow();

    void bom_data();
    void bom();
    void rowsAreCrlfTerminatedUtf8();
    void refusingDevice();

    void roundTrip_data();
    void roundTrip();
};

void TestCsvWriter::readerSelfTest()
{
    // The reader used as the judge, checked on hand-written RFC 4180 text.
    QList<QStringList> rows;
    QString error;
    QVERIFY2(readCsv(QStringLiteral("a,\"b,c\",\"d\"\"e\"\r\n,\"x\r\ny\"\r\n"), &rows, &error),
             qPrintable(error));
    QCOMPARE(rows, (QList<QStringList>{{"a", "b,c", "d\"e"}, {"", "x\r\ny"}}));
    QVERIFY(readCsv(QStringLiteral("\r\n"), &rows, &error));
    QCOMPARE(rows, (QList<QStringList>{{""}}));
    QVERIFY(!readCsv(QStringLiteral("a\"b\r\n"), &rows, &error));
    QVERIFY(!readCsv(QStringLiteral("a\nb\r\n"), &rows, &error));
    QVERIFY(!readCsv(QStringLiteral("\"a\r\n"), &rows, &error));
    QVERIFY(!readCsv(QStringLiteral("\"a\"b\r\n"), &rows, &error));
    QVERIFY(!readCsv(QStringLiteral("a,b"), &rows, &error));
}

void TestCsvWriter::csvField_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "plain"
                           << "plain";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("comma") << "a,b"
                           << "\"a,b\"";
    QTest::newRow("quote") << "say \"hi\""
                           << "\"say \"\"hi\"\"\"";
    QTest::newRow("only a quote") << "\""
                                  << "\"\"\"\"";
    QTest::newRow("CR") << "a\rb"
                        << "\"a\rb\"";
    QTest::newRow("LF") << "a\nb"
                        << "\"a\nb\"";
    QTest::newRow("CRLF") << "a\r\nb"
                          << "\"a\r\nb\"";
    QTest::newRow("everything") << "\",\r\n"
                                << "\"\"\",\r\n\"";
    QTest::newRow("semicolon not special") << "a;b"
                                           << "a;b";
    QTest::newRow("apostrophe not special") << "it's"
                                            << "it's";
    QTest::newRow("CJK") << QString::fromUtf8("订单库") << QString::fromUtf8("订单库");
    QTest::newRow("formula kept when not neutralising") << "=1+1"
                                                        << "=1+1";
    QTest::newRow("minus kept when not neutralising") << "-5"
                                                      << "-5";
}

void TestCsvWriter::csvField()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(dbs::csvField(value), expected);
    QCOMPARE(dbs::csvField(value, false), expected);
}

void TestCsvWriter::csvFieldNeutralised_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("=") << "=1+1"
                       << "'=1+1";
    QTest::newRow("+") << "+1"
                       << "'+1";
    QTest::newRow("-") << "-1"
                       << "'-1";
    QTest::newRow("@") << "@SUM(A1)"
                       << "'@SUM(A1)";
    QTest::newRow("tab") << "\tx"
                         << "'\tx";
    QTest::newRow("CR (quoted too)") << "\rx"
                                     << "\"'\rx\"";
    QTest::newRow("= with comma (quoted)") << "=a,b"
                                           << "\"'=a,b\"";
    QTest::newRow("= with quotes") << "=\"x\""
                                   << "\"'=\"\"x\"\"\"";
    QTest::newRow("DDE payload") << "=cmd|' /C calc'!A0"
                                 << "'=cmd|' /C calc'!A0";
    QTest::newRow("= alone") << "="
                             << "'=";
    QTest::newRow("not first character") << "a=1"
                                         << "a=1";
    QTest::newRow("plain") << "plain"
                           << "plain";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("already an apostrophe") << "'=1"
                                           << "'=1";
    QTest::newRow("LF first is not a formula trigger") << "\nx"
                                                       << "\"\nx\"";
    QTest::newRow("quote first") << "\"=1\""
                                 << "\"\"\"=1\"\"\"";
}

void TestCsvWriter::csvFieldNeutralised()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(dbs::csvField(value, true), expected);
}

void TestCsvWriter::csvRow_data()
{
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<bool>("neutralise");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("simple") << QStringList{"a", "b", "c"} << false << QByteArray("a,b,c\r\n");
    QTest::newRow("quoted and empty")
        << QStringList{"a", "b,c", ""} << false << QByteArray("a,\"b,c\",\r\n");
    QTest::newRow("single empty cell") << QStringList{""} << false << QByteArray("\r\n");
    QTest::newRow("two empty cells") << QStringList{"", ""} << false << QByteArray(",\r\n");
    QTest::newRow("UTF-8") << QStringList{QString::fromUtf8("订单库"), QString::fromUtf8("é")}
                           << false
                           << QByteArray("\xE8\xAE\xA2\xE5\x8D\x95\xE5\xBA\x93,\xC3\xA9\r\n");
    QTest::newRow("neutralised") << QStringList{"=1", "x", "-2"} << true
                                 << QByteArray("'=1,x,'-2\r\n");
    QTest::newRow("not neutralised")
        << QStringList{"=1", "x", "-2"} << false << QByteArray("=1,x,-2\r\n");
}

void TestCsvWriter::csvRow()
{
    QFETCH(QStringList, cells);
    QFETCH(bool, neutralise);
    QFETCH(QByteArray, expected);
    QCOMPARE(dbs::csvRow(cells, neutralise), expected);
}

void TestCsvWriter::bom_data()
{
    QTest::addColumn<bool>("withBom");
    QTest::addColumn<int>("rows");
    QTest::newRow("BOM, 1 row") << true << 1;
    QTest::newRow("BOM, 3 rows") << true << 3;
    QTest::newRow("BOM, 50 rows") << true << 50;
    QTest::newRow("no BOM, 3 rows") << false << 3;
}

void TestCsvWriter::bom()
{
    QFETCH(bool, withBom);
    QFETCH(int, rows);
    QList<QStringList> table;
    for (int i = 0; i < rows; ++i)
        table.append({QString::number(i), QString::fromUtf8("订单库"), "x"});
    CsvOptions options;
    options.byteOrderMark = withBom;
    const QByteArray bytes = writeAll(table, options);
    QCOMPARE(bytes.startsWith(utf8Bom), withBom);
    QCOMPARE(bytes.count(utf8Bom), withBom ? 1 : 0);
    // Apart from the BOM, the bytes are the plain rows.
    QByteArray plain;
    for (const QStringList &row : table)
        plain += dbs::csvRow(row);
    QCOMPARE(bytes, withBom ? utf8Bom + plain : plain);
    QCOMPARE(readBack(withBom ? bytes.mid(3) : bytes), table);
}

void TestCsvWriter::rowsAreCrlfTerminatedUtf8()
{
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    CsvWriter writer(&buffer);
    QVERIFY(writer.writeRow({"BackupGatewayId", "DisplayName"}));
    QVERIFY(writer.writeRow({"1", QString::fromUtf8("東京-replica")}));
    QVERIFY(writer.writeRow({"2", "multi\nline"}));
    QVERIFY(writer.ok());
    QCOMPARE(buffer.data(), QByteArray("BackupGatewayId,DisplayName\r\n1,") +
                                QString::fromUtf8("東京-replica").toUtf8() +
                                "\r\n2,\"multi\nline\"\r\n");
}

void TestCsvWriter::refusingDevice()
{
    // A device not open for writing: the writer says so and stays failed.
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvWriter writer(&buffer);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("QIODevice::write.*"));
    QVERIFY(!writer.writeRow({"a"}));
    QVERIFY(!writer.ok());
    QVERIFY(!writer.writeRow({"b"})); // no further write attempt (no second warning)
    QVERIFY(!writer.ok());
    QVERIFY(buffer.data().isEmpty());
}

void TestCsvWriter::roundTrip_data()
{
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::addColumn<bool>("neutralise");
    QTest::addColumn<bool>("withBom");
    QTest::newRow("adversarial") << adversarialRows() << false << false;
    QTest::newRow("adversarial, neutralised") << adversarialRows() << true << false;
    QTest::newRow("adversarial, neutralised, BOM") << adversarialRows() << true << true;
    for (quint32 seed : {1u, 2u, 3u, 20240601u}) {
        QTest::addRow("random seed %u", seed) << randomRows(seed, 400) << false << false;
        QTest::addRow("random seed %u, neutralised, BOM", seed)
            << randomRows(seed, 400) << true << true;
    }
}

void TestCsvWriter::roundTrip()
{
    QFETCH(QList<QStringList>, rows);
    QFETCH(bool, neutralise);
    QFETCH(bool, withBom);
    CsvOptions options;
    options.neutraliseFormulas = neutralise;
    options.byteOrderMark = withBom;
    const QByteArray bytes = writeAll(rows, options);
    QCOMPARE(bytes.startsWith(utf8Bom), withBom);
    QByteArray body = withBom ? bytes.mid(utf8Bom.size()) : bytes;
    QVERIFY(!body.startsWith(utf8Bom));

    QList<QStringList> back;
    QString error;
    QVERIFY2(readCsv(QString::fromUtf8(body), &back, &error), qPrintable(error));
    QCOMPARE(back.size(), rows.size());
    for (qsizetype r = 0; r < rows.size(); ++r) {
        QCOMPARE(back.at(r).size(), rows.at(r).size());
        for (qsizetype c = 0; c < rows.at(r).size(); ++c) {
            const QString expected = neutralise ? neutralised(rows.at(r).at(c)) : rows.at(r).at(c);
            if (back.at(r).at(c) != expected) {
                QFAIL(qPrintable(
                    QStringLiteral("row %1 cell %2: wrote %3, read %4")
                        .arg(r)
                        .arg(c)
                        .arg(QString::fromLatin1(expected.toUtf8().toPercentEncoding()),
                             QString::fromLatin1(back.at(r).at(c).toUtf8().toPercentEncoding()))));
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
