#include "textformat.h"

#include <QJsonDocument>

#include <algorithm>

namespace dbs {

int displayWidth(const QString &text)
{
    int width = 0;
    for (const uint code : text.toUcs4()) {
        // Combining marks and format characters take no cell of their own.
        const QChar::Category category = QChar::category(char32_t(code));
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing ||
            category == QChar::Other_Format)
            continue;
        // East Asian wide and full-width ranges (emoji among them) take two terminal cells.
        const bool wide =
            (code >= 0x1100 && code <= 0x115F) || (code >= 0x2E80 && code <= 0xA4CF) ||
            (code >= 0xAC00 && code <= 0xD7A3) || (code >= 0xF900 && code <= 0xFAFF) ||
            (code >= 0xFE30 && code <= 0xFE4F) || (code >= 0xFF00 && code <= 0xFF60) ||
            (code >= 0xFFE0 && code <= 0xFFE6) || (code >= 0x1F300 && code <= 0x1F64F) ||
            (code >= 0x1F900 && code <= 0x1F9FF) || (code >= 0x20000 && code <= 0x3FFFD);
        width += wide ? 2 : 1;
    }
    return width;
}

namespace {
// The widest cell of each column, in terminal cells.
QList<int> columnWidths(const QList<QStringList> &rows)
{
    QList<int> widths;
    for (const QStringList &row : rows) {
        for (qsizetype column = 0; column < row.size(); ++column) {
            if (widths.size() <= column)
                widths.append(0);
            widths[column] = std::max(widths[column], displayWidth(row.at(column)));
        }
    }
    return widths;
}

// The width of a table whose columns are `widths` wide, `gap` cells apart.
int tableWidth(const QList<int> &widths, int gap)
{
    int sum = 0;
    for (const int w : widths)
        sum += w;
    return sum + gap * int(std::max<qsizetype>(0, widths.size() - 1));
}

bool isBidiControl(char32_t code)
{
    return code == 0x061C || code == 0x200E || code == 0x200F ||
           (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069);
}

bool needsEscape(char32_t code)
{
    return code < 0x20 || (code >= 0x7F && code <= 0x9F) || code == 0x2028 || code == 0x2029 ||
           isBidiControl(code);
}
} // namespace

QString visibleText(const QString &text)
{
    // Every such character is in the Basic Multilingual Plane: most text is returned at once,
    // without a copy (the table asks for every cell it paints).
    if (std::none_of(text.cbegin(), text.cend(), [&](QChar c) { return needsEscape(c.unicode()); }))
        return text;
    const QList<uint> codes = text.toUcs4();
    QString out;
    out.reserve(text.size() + 8);
    for (const uint code : codes) {
        if (!needsEscape(code)) {
            out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
            continue;
        }
        switch (code) {
        case '\t':
            out += QLatin1String("\\t");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case 0x1B:
            out += QLatin1String("\\e");
            break;
        default: {
            const QString hex = QString::number(code, 16).toUpper();
            out += code <= 0xFF ? QLatin1String("\\x") + hex.rightJustified(2, u'0')
                                : QLatin1String("\\u") + hex.rightJustified(4, u'0');
        }
        }
    }
    return out;
}

QString elided(const QString &text, int width)
{
    if (displayWidth(text) <= width)
        return text;
    if (width <= 0)
        return {};
    const QString ellipsis = QStringLiteral("\u2026");
    QString out;
    int used = 0;
    const QList<uint> codes = text.toUcs4();
    for (const uint code : codes) {
        const QString character = QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
        const int cells = displayWidth(character);
        if (used + cells > width - 1)
            break;
        out += character;
        used += cells;
    }
    return out + ellipsis;
}

QList<QStringList> fitTable(const QList<QStringList> &rows, int width)
{
    if (width <= 0 || rows.isEmpty())
        return rows;
    constexpr int gap = 2;       // between columns, as alignedTable() puts them
    constexpr int narrowest = 6; // a column shortened no further than this (or its header)
    QList<int> widths = columnWidths(rows);
    QList<int> floor;
    for (qsizetype column = 0; column < widths.size(); ++column)
        floor.append(std::min(widths[column],
                              std::max(narrowest, displayWidth(rows.first().value(column)))));
    // The columns on the right go while even the shortened ones would not fit...
    while (floor.size() > 1 && tableWidth(floor, gap) > width) {
        floor.removeLast();
        widths.removeLast();
    }
    // ...then the widest column gives a cell at a time until the table fits.
    while (tableWidth(widths, gap) > width) {
        qsizetype widest = -1;
        for (qsizetype column = 0; column < widths.size(); ++column) {
            if (widths[column] > floor[column] && (widest < 0 || widths[column] > widths[widest]))
                widest = column;
        }
        if (widest < 0)
            break;
        --widths[widest];
    }
    QList<QStringList> fitted;
    fitted.reserve(rows.size());
    for (const QStringList &row : rows) {
        QStringList cells;
        for (qsizetype column = 0; column < std::min(row.size(), widths.size()); ++column)
            cells.append(elided(row.at(column), widths[column]));
        fitted.append(cells);
    }
    return fitted;
}

QByteArray alignedTable(const QList<QStringList> &rows)
{
    const QList<int> widths = columnWidths(rows);
    QString out;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype column = 0; column < row.size(); ++column) {
            const QString &cell = row.at(column);
            line += cell;
            if (column + 1 < row.size())
                line += QString(widths[column] - displayWidth(cell) + 2, u' ');
        }
        out += line + u'\n';
    }
    return out.toUtf8();
}

QByteArray compactJson(const QJsonObject &object)
{
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    // QJsonDocument escapes C0 only; outside a string JSON is ASCII, so every other such
    // character is in a string and its \u escape is the same value. Every line is written
    // this way (list --format json of a whole fleet): in UTF-8 each such character starts
    // with one of these bytes, so most lines are returned without decoding.
    if (std::none_of(json.cbegin(), json.cend(), [](char byte) {
            const uchar b = uchar(byte);
            return b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2;
        }))
        return json;
    const QString text = QString::fromUtf8(json);
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        if (needsEscape(c.unicode()))
            out += QStringLiteral("\\u%1").arg(uint(c.unicode()), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out.toUtf8();
}

} // namespace dbs
