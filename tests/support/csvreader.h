#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace fixture {

// An RFC 4180 reader for checking exported files: quoted fields, doubled quotes, CR/LF inside
// quotes, CRLF record ends. Strict on purpose: a stray quote in an unquoted field or text
// after a closing quote makes `ok` false, so a malformed export cannot pass by accident.
struct CsvTable
{
    bool ok = true;
    bool byteOrderMark = false;
    QList<QStringList> records;
};

inline CsvTable readCsv(QByteArray bytes)
{
    CsvTable table;
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        table.byteOrderMark = true;
        bytes.remove(0, 3);
    }
    const QString text = QString::fromUtf8(bytes);
    QStringList record;
    QString field;
    bool quoted = false;    // inside a quoted field
    bool wasQuoted = false; // the current field was quoted (only a separator may follow)
    qsizetype i = 0;
    const auto endField = [&] {
        record.append(field);
        field.clear();
        wasQuoted = false;
    };
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    i += 2;
                    continue;
                }
                quoted = false;
                wasQuoted = true;
                ++i;
                continue;
            }
            field += c;
            ++i;
            continue;
        }
        if (c == u',') {
            endField();
            ++i;
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            endField();
            table.records.append(record);
            record.clear();
            i += 2;
        } else if (c == u'"' && field.isEmpty() && !wasQuoted) {
            quoted = true;
            ++i;
        } else if (wasQuoted || c == u'"' || c == u'\r' || c == u'\n') {
            table.ok = false; // text after a closing quote, or a bare quote/CR/LF
            return table;
        } else {
            field += c;
            ++i;
        }
    }
    if (quoted || !field.isEmpty() || !record.isEmpty())
        table.ok = false; // the last record must end with CRLF
    return table;
}

} // namespace fixture
