#include "spreadsheetreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QXmlStreamReader>

namespace fixture {

namespace {
constexpr auto officeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr auto tableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr auto textNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr auto styleNs = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
constexpr auto foNs = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
// Repeated empty rows and cells fill a sheet to its end (a million rows): only this many of
// one repeat are kept, which is more than any test writes in one.
constexpr int maxRepeat = 1000;

double lengthCm(const QString &length)
{
    static const QList<QPair<QString, double>> units = {
        {QStringLiteral("cm"), 1.0},        {QStringLiteral("mm"), 0.1},
        {QStringLiteral("in"), 2.54},       {QStringLiteral("pt"), 2.54 / 72.0},
        {QStringLiteral("pc"), 2.54 / 6.0},
    };
    for (const auto &[unit, factor] : units) {
        if (length.endsWith(unit))
            return length.chopped(unit.size()).toDouble() * factor;
    }
    return 0;
}

// The text of a cell's paragraphs, as LibreOffice shows it: paragraphs on lines of their own.
QString cellText(QXmlStreamReader &xml)
{
    QStringList paragraphs;
    QString current;
    int depth = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            ++depth;
            if (xml.namespaceUri() == QLatin1String(textNs)) {
                if (xml.name() == QLatin1String("p"))
                    current.clear();
                else if (xml.name() == QLatin1String("s"))
                    current += QString(qMax(1, xml.attributes().value(textNs, "c").toInt()), u' ');
                else if (xml.name() == QLatin1String("tab"))
                    current += u'\t';
                else if (xml.name() == QLatin1String("line-break"))
                    current += u'\n';
            }
        } else if (xml.isCharacters()) {
            current += xml.text();
        } else if (xml.isEndElement()) {
            if (depth == 0)
                break; // the cell's own end
            --depth;
            if (xml.namespaceUri() == QLatin1String(textNs) && xml.name() == QLatin1String("p"))
                paragraphs.append(current);
        }
    }
    return paragraphs.join(u'\n');
}

void parse(QXmlStreamReader &xml, Spreadsheet *sheet)
{
    QMap<QString, double> columnStyles; // style name -> width in cm
    int tables = 0;
    bool inFirstTable = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.namespaceUri() == QLatin1String(tableNs) &&
            xml.name() == QLatin1String("table")) {
            inFirstTable = false;
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const QXmlStreamAttributes attributes = xml.attributes();
        if (xml.namespaceUri() == QLatin1String(styleNs) && xml.name() == QLatin1String("style")) {
            const QString name = attributes.value(styleNs, "name").toString();
            const QString family = attributes.value(styleNs, "family").toString();
            while (xml.readNextStartElement()) {
                const QXmlStreamAttributes properties = xml.attributes();
                if (family == u"table-cell" && xml.name() == QLatin1String("text-properties") &&
                    properties.value(foNs, "font-weight") == QLatin1String("bold"))
                    sheet->boldStyles.insert(name);
                if (family == u"table-column" &&
                    xml.name() == QLatin1String("table-column-properties"))
                    columnStyles.insert(
                        name, lengthCm(properties.value(styleNs, "column-width").toString()));
                xml.skipCurrentElement();
            }
            continue;
        }
        if (xml.namespaceUri() != QLatin1String(tableNs))
            continue;
        if (xml.name() == QLatin1String("table")) {
            inFirstTable = ++tables == 1;
        } else if (xml.name() == QLatin1String("database-range") && sheet->filterRange.isEmpty() &&
                   attributes.value(tableNs, "display-filter-buttons") == QLatin1String("true")) {
            sheet->filterRange = attributes.value(tableNs, "target-range-address").toString();
        } else if (inFirstTable && xml.name() == QLatin1String("table-column")) {
            const int repeat =
                qBound(1, attributes.value(tableNs, "number-columns-repeated").toInt(), maxRepeat);
            const double width =
                columnStyles.value(attributes.value(tableNs, "style-name").toString());
            for (int i = 0; i < repeat; ++i)
                sheet->columnWidthsCm.append(width);
        } else if (inFirstTable && xml.name() == QLatin1String("table-row")) {
            const int rowRepeat =
                qBound(1, attributes.value(tableNs, "number-rows-repeated").toInt(), maxRepeat);
            QList<SheetCell> row;
            while (xml.readNextStartElement()) {
                const QXmlStreamAttributes a = xml.attributes();
                if (xml.name() != QLatin1String("table-cell") &&
                    xml.name() != QLatin1String("covered-table-cell")) {
                    xml.skipCurrentElement();
                    continue;
                }
                SheetCell cell;
                cell.type = a.value(officeNs, "value-type").toString();
                cell.style = a.value(tableNs, "style-name").toString();
                const int repeat =
                    qBound(1, a.value(tableNs, "number-columns-repeated").toInt(), maxRepeat);
                const QString text = cellText(xml);
                if (cell.type == u"float" || cell.type == u"percentage" || cell.type == u"currency")
                    cell.value = a.value(officeNs, "value").toString();
                else if (cell.type == u"date")
                    cell.value = a.value(officeNs, "date-value").toString();
                else if (cell.type == u"boolean")
                    cell.value = a.value(officeNs, "boolean-value").toString();
                else if (cell.type == u"time")
                    cell.value = a.value(officeNs, "time-value").toString();
                else if (a.hasAttribute(officeNs, "string-value"))
                    cell.value = a.value(officeNs, "string-value").toString();
                else
                    cell.value = text;
                for (int i = 0; i < repeat; ++i)
                    row.append(cell);
            }
            while (!row.isEmpty() && row.constLast().type.isEmpty())
                row.removeLast();
            for (int i = 0; i < rowRepeat; ++i)
                sheet->rows.append(row);
        }
    }
    while (!sheet->rows.isEmpty() && sheet->rows.constLast().isEmpty())
        sheet->rows.removeLast();
    if (xml.hasError())
        sheet->error = QStringLiteral("the .fods is not well-formed: ") + xml.errorString();
}
} // namespace

SheetCell Spreadsheet::cell(int row, int column) const
{
    return rows.value(row).value(column);
}

Spreadsheet readSpreadsheet(const QString &path)
{
    Spreadsheet sheet;
    const QString soffice = QStandardPaths::findExecutable(QStringLiteral("soffice"));
    if (soffice.isEmpty()) {
        sheet.error = QStringLiteral("soffice (LibreOffice) is not installed; tools/deps.sh "
                                     "installs it (libreoffice-calc-nogui)");
        return sheet;
    }
    QTemporaryDir work;
    if (!work.isValid()) {
        sheet.error = QStringLiteral("no temporary folder: ") + work.errorString();
        return sheet;
    }
    const QString outDir = work.filePath(QStringLiteral("out"));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), work.path());
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(soffice,
                  {QStringLiteral("--headless"), QStringLiteral("--norestore"),
                   QStringLiteral("-env:UserInstallation=") +
                       QUrl::fromLocalFile(work.filePath(QStringLiteral("profile"))).toString(),
                   QStringLiteral("--convert-to"), QStringLiteral("fods"),
                   QStringLiteral("--outdir"), outDir, QFileInfo(path).absoluteFilePath()});
    if (!process.waitForFinished(180000)) {
        process.kill();
        process.waitForFinished();
        sheet.error = QStringLiteral("soffice did not finish: ") + process.errorString();
        return sheet;
    }
    const QString converted =
        QDir(outDir).filePath(QFileInfo(path).completeBaseName() + QLatin1String(".fods"));
    QFile file(converted);
    if (!file.open(QIODevice::ReadOnly)) {
        sheet.error = QStringLiteral("soffice wrote no .fods (exit %1): %2")
                          .arg(process.exitCode())
                          .arg(QString::fromUtf8(process.readAll()));
        return sheet;
    }
    QXmlStreamReader xml(&file);
    parse(xml, &sheet);
    return sheet;
}

} // namespace fixture
