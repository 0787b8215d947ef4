// Tests for app/export/textformat.h: terminal display widths (CJK and other wide characters take
// two cells) and the aligned table built on them.
#include <export/textformat.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

namespace {
// Test-side width for the characters the property test uses: ASCII 1, CJK and Hangul 2.
int testWidth(const QString &text)
{
    int width = 0;
    for (const QChar c : text) {
        const ushort u = c.unicode();
        width += (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0xAC00 && u <= 0xD7A3) ? 2 : 1;
    }
    return width;
}
} // namespace

class TestTextFormat : public QObject
{
    Q_OBJECT

private slots:
    void displayWidth_data();
    void displayWidth();
    void alignedTable_data();
    void alignedTable();
    void alignedTableColumnsLineUp_data();
    void alignedTableColumnsLineUp();
    void visibleText_data();
    void visibleText();
    void elided_data();
    void elided();
    void fitTable_data();
    void fitTable();
    void compactJson_data();
    void compactJson();
};

void TestTextFormat::displayWidth_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("ASCII") << "abc" << 3;
    QTest::newRow("CJK") << QString::fromUtf8("订单库") << 6;
    QTest::newRow("CJK and ASCII") << QString::fromUtf8("東京-replica") << 12;
    QTest::newRow("Hangul") << QString::fromUtf8("한국어") << 6;
    QTest::newRow("Hangul Jamo") << QString::fromUtf8("ᄀ") << 2;
    QTest::newRow("full-width Latin") << QString::fromUtf8("ＡＢ") << 4;
    QTest::newRow("full-width comma") << QString::fromUtf8("，") << 2;
    QTest::newRow("ideographic space and stop") << QString::fromUtf8("\u3000。") << 4;
    QTest::newRow("Bopomofo") << QString::fromUtf8("ㄅ") << 2;
    QTest::newRow("Hiragana") << QString::fromUtf8("ひらがな") << 8;
    QTest::newRow("half-width Katakana") << QString::fromUtf8("ｱｲ") << 2;
    QTest::newRow("CJK extension B (surrogate pair)") << QString::fromUtf8("𠀀𠀁") << 4;
    QTest::newRow("precomposed accents") << QString::fromUtf8("Zürich São Ñandú") << 16;
    QTest::newRow("Greek and Cyrillic") << QString::fromUtf8("ΩЖ") << 2;
    // Zero-width combining marks take no cell (wcwidth() == 0)...
    QTest::newRow("combining acute (decomposed e acute)") << QString::fromUtf8("e\u0301") << 1;
    QTest::newRow("decomposed Zurich") << QString::fromUtf8("Zu\u0308rich") << 6;
    // ...and emoji are East Asian Wide since Unicode 9 (wcwidth() == 2).
    QTest::newRow("emoji") << QString::fromUtf8("😀") << 2;
}

void TestTextFormat::displayWidth()
{
    QFETCH(QString, text);
    QFETCH(int, width);
    QCOMPARE(dbs::displayWidth(text), width);
}

void TestTextFormat::alignedTable_data()
{
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::addColumn<QString>("expected");

    QTest::newRow("no rows") << QList<QStringList>{} << QString();
    QTest::newRow("single column, no padding")
        << QList<QStringList>{{"x"}, {"yyy"}} << QStringLiteral("x\nyyy\n");
    QTest::newRow("ASCII") << QList<QStringList>{{"ID", "STATUS", "REGION"},
                                                 {"1", "ONLINE", "cn-hangzhou"},
                                                 {"12345", "OFFLINE", "x"}}
                           << QStringLiteral("ID     STATUS   REGION\n"
                                             "1      ONLINE   cn-hangzhou\n"
                                             "12345  OFFLINE  x\n");
    QTest::newRow("CJK counts two cells")
        << QList<QStringList>{{"ID", "NAME", "STATUS"},
                              {"1", QString::fromUtf8("订单库-prod-1"), "ONLINE"},
                              {"22", "x", "OFFLINE"}}
        << QString::fromUtf8("ID  NAME           STATUS\n"
                             "1   订单库-prod-1  ONLINE\n"
                             "22  x              OFFLINE\n");
    QTest::newRow("Hangul, full-width, half-width")
        << QList<QStringList>{{QString::fromUtf8("한국어"), "a"},
                              {QString::fromUtf8("ＡＢ"), "b"},
                              {QString::fromUtf8("ｱｲ"), "c"}}
        << QString::fromUtf8("한국어  a\n"
                             "ＡＢ    b\n"
                             "ｱｲ      c\n");
    QTest::newRow("surrogate pair CJK")
        << QList<QStringList>{{QString::fromUtf8("𠀀"), "a"}, {"xyz", "b"}}
        << QString::fromUtf8("𠀀   a\n"
                             "xyz  b\n");
    QTest::newRow("empty cells") << QList<QStringList>{{"", "x"}, {"abc", "y"}}
                                 << QStringLiteral("     x\n"
                                                   "abc  y\n");
    QTest::newRow("ragged rows: a short row's last cell is not padded")
        << QList<QStringList>{{"a", "b", "c"}, {"dd"}}
        << QStringLiteral("a   b  c\n"
                          "dd\n");
    QTest::newRow("last column never padded") << QList<QStringList>{{"a", "long last"}, {"b", "x"}}
                                              << QStringLiteral("a  long last\n"
                                                                "b  x\n");
}

void TestTextFormat::alignedTable()
{
    QFETCH(QList<QStringList>, rows);
    QFETCH(QString, expected);
    const QByteArray table = dbs::alignedTable(rows);
    QCOMPARE(QString::fromUtf8(table), expected);
    QCOMPARE(table, expected.toUtf8()); // UTF-8 out
}

void TestTextFormat::alignedTableColumnsLineUp_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : {1u, 2u, 3u, 4u, 5u})
        QTest::addRow("seed %u", seed) << seed;
}

void TestTextFormat::alignedTableColumnsLineUp()
{
    QFETCH(quint32, seed);
    const QStringList pieces = {"a",
                                "Z",
                                "-",
                                "7",
                                QString::fromUtf8("订"),
                                QString::fromUtf8("単"),
                                QString::fromUtf8("한"),
                                "."};
    QRandomGenerator rng(seed);
    const int columns = 2 + int(rng.bounded(4));
    QList<QStringList> rows;
    for (int r = 0; r < 30; ++r) {
        QStringList row;
        for (int c = 0; c < columns; ++c) {
            QString cell;
            const int length = 1 + int(rng.bounded(10)); // no empty cells: they'd hide spaces
            for (int k = 0; k < length; ++k)
                cell += pieces.at(int(rng.bounded(int(pieces.size()))));
            row.append(cell);
        }
        rows.append(row);
    }
    const QStringList lines = QString::fromUtf8(dbs::alignedTable(rows)).split(u'\n');
    QCOMPARE(lines.size(), rows.size() + 1);
    QVERIFY(lines.last().isEmpty());

    // Where each cell starts, in display cells: the same for every row.
    QList<int> starts(columns, -1);
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QString &line = lines.at(r);
        QVERIFY2(!line.endsWith(u' '), qPrintable(line));
        qsizetype pos = 0;
        int column = 0;
        for (int c = 0; c < columns; ++c) {
            const QString &cell = rows.at(r).at(c);
            QCOMPARE(line.mid(pos, cell.size()), cell);
            if (starts[c] < 0)
                starts[c] = column;
            QCOMPARE(column, starts[c]);
            pos += cell.size();
            column += testWidth(cell);
            if (c + 1 < columns) {
                int spaces = 0;
                while (pos < line.size() && line.at(pos) == u' ') {
                    ++pos;
                    ++spaces;
                }
                QVERIFY(spaces >= 2);
                column += spaces;
            }
        }
        QCOMPARE(pos, line.size());
    }
    // The gap after the widest cell of a column is exactly two cells.
    for (int c = 0; c + 1 < columns; ++c) {
        int widest = 0;
        for (const QStringList &row : rows)
            widest = std::max(widest, testWidth(row.at(c)));
        QCOMPARE(starts[c + 1] - starts[c], widest + 2);
    }
}

void TestTextFormat::visibleText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << QStringLiteral("db-prod-01") << QStringLiteral("db-prod-01");
    QTest::newRow("CJK and emoji stay")
        << QString::fromUtf8("订单库 😀 Zu\u0308rich") << QString::fromUtf8("订单库 😀 Zu\u0308rich");
    QTest::newRow("backslash stays") << QStringLiteral("a\\b") << QStringLiteral("a\\b");
    QTest::newRow("colour escape")
        << QStringLiteral("\x1b[31mred\x1b[0m") << QStringLiteral("\\e[31mred\\e[0m");
    QTest::newRow("newline, tab, carriage return")
        << QStringLiteral("a\nb\tc\rd") << QStringLiteral("a\\nb\\tc\\rd");
    QTest::newRow("NUL, bell, backspace")
        << QString(QStringLiteral("a\0b\ac\bd")) << QStringLiteral("a\\x00b\\x07c\\x08d");
    QTest::newRow("DEL") << QStringLiteral("a\x7f") << QStringLiteral("a\\x7F");
    QTest::newRow("C1 CSI") << QString::fromUtf8("a\u009b31m") << QStringLiteral("a\\x9B31m");
    QTest::newRow("right-to-left override")
        << QString::fromUtf8("gw-\u202Egnp.exe") << QStringLiteral("gw-\\u202Egnp.exe");
    QTest::newRow("isolates and marks") << QString::fromUtf8("\u2066a\u2069\u200Eb\u200F\u061C")
                                        << QStringLiteral("\\u2066a\\u2069\\u200Eb\\u200F\\u061C");
    QTest::newRow("line and paragraph separators")
        << QString::fromUtf8("a\u2028b\u2029") << QStringLiteral("a\\u2028b\\u2029");
    QTest::newRow("zero-width joiner in an emoji stays")
        << QString::fromUtf8("👩\u200D💻") << QString::fromUtf8("👩\u200D💻");
}

void TestTextFormat::visibleText()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    const QString visible = dbs::visibleText(text);
    QCOMPARE(visible, shown);
    // Nothing a terminal would obey is left, and the width counts what is shown.
    for (const uint code : visible.toUcs4())
        QVERIFY2(code >= 0x20 && !(code >= 0x7F && code <= 0x9F), qPrintable(visible));
}

void TestTextFormat::elided_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("expected");
    QTest::newRow("fits") << QStringLiteral("abc") << 3 << QStringLiteral("abc");
    QTest::newRow("cut") << QStringLiteral("abcdef") << 4 << QString::fromUtf8("abc…");
    QTest::newRow("CJK cut on a whole character")
        << QString::fromUtf8("订单库-dr-6") << 6 << QString::fromUtf8("订单…");
    QTest::newRow("combining mark kept with its letter")
        << QString::fromUtf8("Zu\u0308rich") << 3 << QString::fromUtf8("Zu\u0308…");
    QTest::newRow("one cell") << QStringLiteral("abc") << 1 << QString::fromUtf8("…");
    QTest::newRow("no cell") << QStringLiteral("abc") << 0 << QString();
}

void TestTextFormat::elided()
{
    QFETCH(QString, text);
    QFETCH(int, width);
    QFETCH(QString, expected);
    QCOMPARE(dbs::elided(text, width), expected);
    QVERIFY(dbs::displayWidth(dbs::elided(text, width)) <= std::max(0, width));
}

void TestTextFormat::fitTable_data()
{
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::addColumn<int>("width");
    QTest::addColumn<QList<QStringList>>("expected");
    const QList<QStringList> rows = {{"Id", "Name", "Host"},
                                     {"1", "a-rather-long-gateway-name", "db1.example"},
                                     {"2", "short", "db2.example"}};
    // Natural widths 2, 26, 11 and two gaps of 2: 43 cells.
    QTest::newRow("fits") << rows << 43 << rows;
    QTest::newRow("no limit") << rows << 0 << rows;
    QTest::newRow("the widest gives first")
        << rows << 30
        << QList<QStringList>{{"Id", "Name", "Host"},
                              {"1", QString::fromUtf8("a-rather-lon…"), "db1.example"},
                              {"2", "short", "db2.example"}};
    QTest::newRow("then the others, down to six cells")
        << rows << 18
        << QList<QStringList>{{"Id", "Name", "Host"},
                              {"1", QString::fromUtf8("a-rat…"), QString::fromUtf8("db1.e…")},
                              {"2", "short", QString::fromUtf8("db2.e…")}};
    QTest::newRow("columns go from the right, the rest as wide as they can")
        << rows << 12
        << QList<QStringList>{{"Id", "Name"}, {"1", QString::fromUtf8("a-rathe…")}, {"2", "short"}};
}

void TestTextFormat::fitTable()
{
    QFETCH(QList<QStringList>, rows);
    QFETCH(int, width);
    QFETCH(QList<QStringList>, expected);
    const QList<QStringList> fitted = dbs::fitTable(rows, width);
    QCOMPARE(fitted, expected);
    if (width > 0) {
        for (const QByteArray &line : dbs::alignedTable(fitted).split('\n'))
            QVERIFY2(dbs::displayWidth(QString::fromUtf8(line)) <= width, line.constData());
    }
}

void TestTextFormat::compactJson_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("plain and CJK")
        << QStringLiteral("网关 a\\b") << QByteArray("{\"v\":\"网关 a\\\\b\"}");
    QTest::newRow("C0 (QJsonDocument's own)")
        << QStringLiteral("a\nb\x1b[31m") << QByteArray("{\"v\":\"a\\nb\\u001b[31m\"}");
    QTest::newRow("DEL") << QStringLiteral("a\x7f") << QByteArray("{\"v\":\"a\\u007f\"}");
    QTest::newRow("C1 CSI") << QString(QChar(0x9B)) + QStringLiteral("31m")
                            << QByteArray("{\"v\":\"\\u009b31m\"}");
    QTest::newRow("bidi override") << QString(QChar(0x202E)) + QStringLiteral("gpj.exe")
                                   << QByteArray("{\"v\":\"\\u202egpj.exe\"}");
    QTest::newRow("Arabic letter mark")
        << QString(QChar(0x061C)) << QByteArray("{\"v\":\"\\u061c\"}");
    QTest::newRow("Arabic text stays") << QString::fromUtf8("\u0645\u0631\u062D\u0628\u0627")
                                       << QByteArray("{\"v\":\"\u0645\u0631\u062D\u0628\u0627\"}");
    QTest::newRow("line separator") << QString(QChar(0x2028)) << QByteArray("{\"v\":\"\\u2028\"}");
}

void TestTextFormat::compactJson()
{
    // One line a terminal shows and never obeys, and the same value for a JSON reader.
    QFETCH(QString, value);
    QFETCH(QByteArray, json);
    const QJsonObject object{{QStringLiteral("v"), value}};
    const QByteArray written = dbs::compactJson(object);
    QCOMPARE(written, json);
    QCOMPARE(QJsonDocument::fromJson(written).object(), object);
}

QTEST_GUILESS_MAIN(TestTextFormat)
#include "tst_textformat.moc"
