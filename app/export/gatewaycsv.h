#pragma once

#include <api/backupgateway.h>
#include <api/gatewayfields.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QIODevice;

namespace dbs {

struct GatewayCsvOptions
{
    bool byteOrderMark = true; // spreadsheet programs read BOM-less UTF-8 as the local codepage
    bool apiHeaders = false;   // true: the API's field names; false: translated titles
    // An Account column after the API's fields: the rows come from several accounts.
    bool accountColumn = false;
};

// The fields an export writes: the API's, then the account when options.accountColumn.
QList<GatewayField> exportFields(bool accountColumn);

// What a write did. `error` is translated and set when !ok.
struct GatewayCsvResult
{
    bool ok = true;
    int rows = 0; // data rows written, the header not counted
    QString error;
};

// Translated column title of a field, e.g. "Last heartbeat": fieldTitle(), kept for callers.
QString gatewayFieldTitle(GatewayField field);

// Pure: the header and the cells of one row. The exportFields() in order; each time field is
// followed by its ISO-8601 UTC form, e.g. "LastHeartbeatTime", "LastHeartbeatTime (UTC)".
QStringList gatewayCsvHeader(const GatewayCsvOptions &options);
QStringList gatewayCsvCells(const BackupGateway &gateway, const GatewayCsvOptions &options = {});

// Streams gateways as RFC 4180 CSV, UTF-8, formula-like cells neutralised: each row goes to the
// device as it is given, so memory does not grow with the row count. The header is written
// before the first row (or by finish() when there was none).
class GatewayCsvWriter final
{
public:
    GatewayCsvWriter(QIODevice *device, const GatewayCsvOptions &options);
    bool write(const BackupGateway &gateway);
    bool finish(); // writes the header if no row came; call once
    bool ok() const { return m_ok; }
    int rows() const { return m_rows; }
    QString errorString() const; // translated, with the device's reason

private:
    bool writeCells(const QStringList &cells);
    bool writeHeaderOnce();

    QIODevice *m_device; // not owned
    GatewayCsvOptions m_options;
    QList<GatewayField> m_fields;
    QByteArray m_line; // the row being written, its capacity kept for the next
    bool m_headerWritten = false;
    bool m_ok = true;
    int m_rows = 0;
};

// Whole exports in one call. The row source is asked for rows 0..count-1 one at a time, so a
// caller can stream from a model without copying it.
GatewayCsvResult writeGatewaysCsv(QIODevice *device, const QList<BackupGateway> &rows,
                                  const GatewayCsvOptions &options);
GatewayCsvResult writeGatewaysCsv(QIODevice *device, int count,
                                  const std::function<BackupGateway(int)> &rowAt,
                                  const GatewayCsvOptions &options);

} // namespace dbs
