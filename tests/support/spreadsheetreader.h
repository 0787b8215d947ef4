#pragma once

#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

namespace fixture {

// A workbook as LibreOffice reads it: `soffice --headless --convert-to fods` (a private user
// profile in a temporary folder, so that it runs as root and beside other tests), then the
// flat OpenDocument read with QXmlStreamReader. What a spreadsheet user would see, from a
// program that is not ours.
struct SheetCell
{
    QString type;  // office:value-type: "string", "float", "date", ... or empty (no cell)
    QString value; // office:value (float), office:date-value (date), the text (string)
    QString style; // table:style-name
};

struct Spreadsheet
{
    QString error;                // empty when the workbook was read
    QList<QList<SheetCell>> rows; // of the first sheet, without the empty rows at the end
    QSet<QString> boldStyles;     // cell styles whose font is bold
    QList<double> columnWidthsCm; // of the first sheet's columns, 0 where no width is set
    QString filterRange;          // table:target-range-address of an auto-filter, if any
    bool ok() const { return error.isEmpty(); }
    SheetCell cell(int row, int column) const;
    bool isBold(int row, int column) const { return boldStyles.contains(cell(row, column).style); }
};

// Fails, with a message in `error`, when soffice is missing: tools/deps.sh installs it
// (libreoffice-calc-nogui), so a missing one is a broken setup, not a reason to skip.
Spreadsheet readSpreadsheet(const QString &path);

} // namespace fixture
