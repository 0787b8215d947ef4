#include "textformat.h"

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
        const bool wide = (code >= 0x1100 && code <= 0x115F) || (code >= 0x2E80 && code <= 0xA4CF) ||
                          (code >= 0xAC00 && code <= 0xD7A3) || (code >= 0xF900 && code <= 0xFAFF) ||
                          (code >= 0xFE30 && code <= 0xFE4F) || (code >= 0xFF00 && code <= 0xFF60) ||
                          (code >= 0xFFE0 && code <= 0xFFE6) || (code >= 0x1F300 && code <= 0x1F64F) ||
                          (code >= 0x1F900 && code <= 0x1F9FF) || (code >= 0x20000 && code <= 0x3FFFD);
        width += wide ? 2 : 1;
    }
    return width;
}

QByteArray alignedTable(const QList<QStringList> &rows)
{
    QList<int> widths;
    for (const QStringList &row : rows) {
        for (qsizetype column = 0; column < row.size(); ++column) {
            if (widths.size() <= column)
                widths.append(0);
            widths[column] = std::max(widths[column], displayWidth(row.at(column)));
        }
    }
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

} // namespace dbs
