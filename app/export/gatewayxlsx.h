#pragma once

#include "gatewaycsv.h"

#include <api/backupgateway.h>

#include <QScopedPointer>
#include <QString>

#include <functional>

class QIODevice;

namespace dbs {

struct GatewayXlsxOptions
{
    bool apiHeaders = false;    // true: the API's field names; false: translated titles
    bool accountColumn = false; // as GatewayCsvOptions::accountColumn
};

// What a workbook write did: the same as a CSV write's.
using GatewayXlsxResult = GatewayCsvResult;

// The most data rows one worksheet holds (Excel's 1,048,576 rows, less the header).
inline constexpr int maxXlsxRows = 1048575;

// Streams gateways into an Excel workbook (.xlsx, one worksheet) with libxlsxwriter: the CSV
// export's columns and titles (gatewayCsvHeader()), so each time is its epoch milliseconds (a
// number) and then the same instant as a date-time cell in UTC. Every text from the service is
// a string cell, never a number, a date or a formula, written as visibleText() shows it (XML
// cannot hold most control characters). A bold header row that stays in view, an auto-filter
// over every row, columns as wide as their text (within bounds).
//
// libxlsxwriter writes a file by name: the workbook is made in a temporary file (rows go to
// disk as they come, so memory stays flat) and finish() copies it to the device, which is
// where the caller's QSaveFile makes the write atomic.
class GatewayXlsxWriter final
{
public:
    GatewayXlsxWriter(QIODevice *device, const GatewayXlsxOptions &options);
    ~GatewayXlsxWriter();
    bool write(const BackupGateway &gateway);
    bool finish(); // completes the workbook and writes it to the device; call once
    bool ok() const { return m_ok; }
    int rows() const { return m_rows; }
    QString errorString() const { return m_error; } // translated

private:
    struct Workbook;

    void writeText(int column, const QString &text, bool header = false);
    bool check(int libraryError);
    void fail(const QString &reason);

    QIODevice *m_device; // not owned
    QScopedPointer<Workbook> m_book;
    QList<GatewayField> m_fields;
    QList<int> m_widths; // per column, in characters
    bool m_ok = true;
    bool m_finished = false;
    int m_rows = 0;
    QString m_error;
};

// A whole workbook in one call; the row source is asked for rows 0..count-1 one at a time.
GatewayXlsxResult writeGatewaysXlsx(QIODevice *device, const QList<BackupGateway> &rows,
                                    const GatewayXlsxOptions &options);
GatewayXlsxResult writeGatewaysXlsx(QIODevice *device, int count,
                                    const std::function<BackupGateway(int)> &rowAt,
                                    const GatewayXlsxOptions &options);

// Text as a workbook cell holds it: visibleText(), and a literal "_x0041_" escaped as
// "_x005F_x0041_" (spreadsheets read _xHHHH_ in a cell as the character U+HHHH), cut to the
// 32,767 characters a cell holds.
QString xlsxCellText(const QString &text);

} // namespace dbs
