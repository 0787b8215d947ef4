#include "gatewayxlsx.h"

#include "textformat.h"

#include <api/gatewayfields.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QIODevice>
#include <QLocale>
#include <QTemporaryFile>

#include <xlsxwriter.h>

#include <algorithm>

namespace dbs {

namespace {
constexpr qsizetype maxCellText = 32767; // characters in one cell (Excel's limit)
constexpr qint64 msPerDay = 86400000;
// 1970-01-01 as a spreadsheet serial day (days since 1899-12-30 in the 1900 date system).
constexpr double unixEpochSerial = 25569.0;
// Column widths, in characters of the default font.
constexpr int minWidth = 8;
constexpr int maxWidth = 60;
constexpr int msWidth = 15;   // 13 digits and a margin
constexpr int dateWidth = 20; // "2024-05-01 14:03:12" and a margin
constexpr int filterButton = 3;

bool isHex(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
}
} // namespace

QString xlsxCellText(const QString &text)
{
    QString out = visibleText(text);
    // "_xHHHH_" would be read back as U+HHHH; "_x005F_" is read as "_", so the text comes back
    // as it was written.
    for (qsizetype at = out.indexOf(QLatin1String("_x")); at >= 0;
         at = out.indexOf(QLatin1String("_x"), at + 2)) {
        if (at + 6 < out.size() && isHex(out.at(at + 2)) && isHex(out.at(at + 3)) &&
            isHex(out.at(at + 4)) && isHex(out.at(at + 5)) && out.at(at + 6) == u'_') {
            out.insert(at, QLatin1String("_x005F"));
            at += 6;
        }
    }
    if (out.size() > maxCellText) {
        qsizetype cut = maxCellText - 1;
        if (out.at(cut - 1).isHighSurrogate())
            --cut;
        out.truncate(cut);
        out += u'…';
    }
    return out;
}

struct GatewayXlsxWriter::Workbook
{
    QTemporaryFile file; // where libxlsxwriter assembles the workbook
    QByteArray fileName;
    QByteArray tmpdir; // its own temporary files (the rows of constant-memory mode)
    lxw_workbook *book = nullptr;
    lxw_worksheet *sheet = nullptr;
    lxw_format *header = nullptr;
    lxw_format *date = nullptr;
    lxw_format *milliseconds = nullptr;

    ~Workbook()
    {
        if (book)
            lxw_workbook_free(book); // an unfinished workbook: nothing is written
    }
};

GatewayXlsxWriter::GatewayXlsxWriter(QIODevice *device, const GatewayXlsxOptions &options)
    : m_device(device), m_book(new Workbook), m_fields(exportFields(options.accountColumn))
{
    Workbook &w = *m_book;
    w.file.setFileTemplate(QDir::tempPath() + QLatin1String("/dbs-gateways-XXXXXX.xlsx"));
    if (!w.file.open()) {
        fail(w.file.errorString());
        return;
    }
    w.file.close(); // libxlsxwriter opens it again by name; the object removes it in the end
    w.fileName = QFile::encodeName(w.file.fileName());
    w.tmpdir = QFile::encodeName(QDir::tempPath());

    lxw_workbook_options libraryOptions{};
    // Each row goes to a temporary file once the next begins: memory stays flat, and strings
    // are written in the cell (inline) rather than in a shared table.
    libraryOptions.constant_memory = LXW_TRUE;
    libraryOptions.tmpdir = w.tmpdir.data();
    w.book = workbook_new_opt(w.fileName.constData(), &libraryOptions);
    if (!w.book) {
        fail(QString());
        return;
    }
    //: The name of the worksheet in an exported workbook (at most 31 characters, no []:*?/\)
    const QByteArray sheetName =
        QCoreApplication::translate("dbs::GatewayXlsx", "Gateways").toUtf8();
    const bool named = workbook_validate_sheet_name(w.book, sheetName.constData()) == LXW_NO_ERROR;
    w.sheet = workbook_add_worksheet(w.book, named ? sheetName.constData() : nullptr);
    w.header = workbook_add_format(w.book);
    w.date = workbook_add_format(w.book);
    w.milliseconds = workbook_add_format(w.book);
    if (!w.sheet || !w.header || !w.date || !w.milliseconds) {
        fail(QString());
        return;
    }
    format_set_bold(w.header);
    format_set_num_format(w.date, "yyyy-mm-dd hh:mm:ss");
    format_set_num_format(w.milliseconds, "0"); // every digit, not 1.71E+12

    GatewayCsvOptions header;
    header.apiHeaders = options.apiHeaders;
    header.accountColumn = options.accountColumn;
    const QStringList titles = gatewayCsvHeader(header);
    m_widths.fill(minWidth, titles.size());
    for (int column = 0; column < titles.size(); ++column)
        writeText(column, titles.at(column), true);
    // The header stays in view while the rows scroll.
    worksheet_freeze_panes(w.sheet, 1, 0);
}

GatewayXlsxWriter::~GatewayXlsxWriter() = default;

void GatewayXlsxWriter::fail(const QString &reason)
{
    if (!m_ok)
        return;
    m_ok = false;
    if (reason.isEmpty())
        m_error =
            QCoreApplication::translate("dbs::GatewayXlsx", "The workbook could not be written.");
    else
        m_error =
            QCoreApplication::translate("dbs::GatewayXlsx", "The workbook could not be written: %1")
                .arg(reason);
}

bool GatewayXlsxWriter::check(int libraryError)
{
    if (libraryError != LXW_NO_ERROR)
        fail(QString::fromUtf8(lxw_strerror(lxw_error(libraryError))));
    return m_ok;
}

void GatewayXlsxWriter::writeText(int column, const QString &text, bool header)
{
    if (!m_ok || text.isEmpty())
        return; // an empty field is an empty cell
    const QString cell = xlsxCellText(text);
    // A string cell is never read as a number, a date, a boolean or a formula: "00123",
    // "2026-01-02", "TRUE" and "=1+1" stay as they are.
    check(worksheet_write_string(m_book->sheet, lxw_row_t(header ? 0 : m_rows + 1),
                                 lxw_col_t(column), cell.toUtf8().constData(),
                                 header ? m_book->header : nullptr));
    int width = displayWidth(cell) + (header ? filterButton : 0);
    width = std::clamp(width + 1, minWidth, maxWidth);
    m_widths[column] = std::max(m_widths[column], width);
}

bool GatewayXlsxWriter::write(const BackupGateway &gateway)
{
    if (!m_ok || m_finished)
        return false;
    if (m_rows >= maxXlsxRows) {
        fail(QCoreApplication::translate("dbs::GatewayXlsx",
                                         "a worksheet holds at most %1 rows; export fewer rows "
                                         "(a filter or a selection) or as CSV")
                 .arg(QLocale().toString(maxXlsxRows)));
        return false;
    }
    const lxw_row_t row = lxw_row_t(m_rows + 1);
    int column = 0;
    for (GatewayField field : m_fields) {
        if (!isTimeField(field)) {
            writeText(column++, fieldText(gateway, field));
            continue;
        }
        const qint64 ms = fieldValue(gateway, field).toLongLong();
        // 0 means "the service sent none": empty cells, not 1970.
        if (ms > 0 && m_ok) {
            check(worksheet_write_number(m_book->sheet, row, lxw_col_t(column), double(ms),
                                         m_book->milliseconds));
            // A date-time cell is a day number; the instant is UTC, as the header says.
            const double serial = double(ms) / double(msPerDay) + unixEpochSerial;
            check(worksheet_write_number(m_book->sheet, row, lxw_col_t(column + 1), serial,
                                         m_book->date));
        }
        m_widths[column] = std::max(m_widths[column], msWidth);
        m_widths[column + 1] = std::max(m_widths[column + 1], dateWidth);
        column += 2;
    }
    if (m_ok)
        ++m_rows;
    return m_ok;
}

bool GatewayXlsxWriter::finish()
{
    if (m_finished)
        return m_ok;
    m_finished = true;
    if (!m_ok)
        return false;
    Workbook &w = *m_book;
    for (int column = 0; column < m_widths.size(); ++column)
        check(worksheet_set_column(w.sheet, lxw_col_t(column), lxw_col_t(column),
                                   m_widths.at(column), nullptr));
    check(worksheet_autofilter(w.sheet, 0, 0, lxw_row_t(m_rows), lxw_col_t(m_widths.size() - 1)));
    if (!m_ok)
        return false;
    lxw_workbook *book = w.book;
    w.book = nullptr; // workbook_close() frees it, whatever it returns
    if (!check(workbook_close(book)))
        return false;

    // The finished workbook onto the device, in pieces so that memory stays flat.
    QFile written(w.file.fileName());
    if (!written.open(QIODevice::ReadOnly)) {
        fail(written.errorString());
        return false;
    }
    while (!written.atEnd()) {
        const QByteArray chunk = written.read(1024 * 1024);
        if (chunk.isEmpty()) {
            fail(written.errorString());
            return false;
        }
        if (m_device->write(chunk) != chunk.size()) {
            fail(m_device->errorString());
            return false;
        }
    }
    return true;
}

GatewayXlsxResult writeGatewaysXlsx(QIODevice *device, const QList<BackupGateway> &rows,
                                    const GatewayXlsxOptions &options)
{
    return writeGatewaysXlsx(
        device, int(rows.size()), [&rows](int row) { return rows.at(row); }, options);
}

GatewayXlsxResult writeGatewaysXlsx(QIODevice *device, int count,
                                    const std::function<BackupGateway(int)> &rowAt,
                                    const GatewayXlsxOptions &options)
{
    GatewayXlsxWriter writer(device, options);
    for (int row = 0; row < count && writer.ok(); ++row)
        writer.write(rowAt(row));
    writer.finish();
    return {writer.ok(), writer.rows(), writer.errorString()};
}

} // namespace dbs
