#pragma once

#include <QStringList>

class QIODevice;

namespace dbs {

struct CsvOptions
{
    bool byteOrderMark = false; // for spreadsheet programs that guess the encoding
    // Prefix cells starting with = + - @ tab or CR with ' so spreadsheets show, not run, them.
    bool neutraliseFormulas = false;
};

// One RFC 4180 field: quoted when it holds a comma, quote, CR or LF (quotes doubled).
QString csvField(const QString &value, bool neutraliseFormulas = false);
QByteArray csvRow(const QStringList &cells, bool neutraliseFormulas = false);

// Writes rows (CRLF-terminated, UTF-8) to a device the caller owns.
class CsvWriter
{
public:
    CsvWriter(QIODevice *device, const CsvOptions &options = {});
    bool writeRow(const QStringList &cells); // false when the device refuses
    bool ok() const { return m_ok; }

private:
    QIODevice *m_device; // not owned
    CsvOptions m_options;
    bool m_first = true;
    bool m_ok = true;
};

} // namespace dbs
