// libFuzzer target: dbs::CsvWriter round trip. Fuzz bytes become rows of cells (0x1E ends a
// row, 0x1F ends a cell, the rest is UTF-8 text); they are written with the options the first
// byte picks, read back with the small RFC 4180 reader below, and every field must come back
// as written (with the ' a neutralised formula gets).
#include <export/csvwriter.h>

#include <QBuffer>
#include <QStringDecoder>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {
// RFC 4180: records end with CRLF; a field is quoted when it starts with '"', and "" inside
// quotes is one quote. Returns false on anything a conforming writer cannot produce.
bool readCsv(const QString &text, QList<QStringList> *rows)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        QStringList row;
        while (true) {
            QString field;
            if (i < n && text.at(i) == u'"') {
                ++i;
                while (true) {
                    if (i >= n)
                        return false; // unterminated quote
                    if (text.at(i) == u'"') {
                        if (i + 1 < n && text.at(i + 1) == u'"') {
                            field += u'"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    field += text.at(i++);
                }
            } else {
                while (i < n && text.at(i) != u',' && text.at(i) != u'\r') {
                    if (text.at(i) == u'"' || text.at(i) == u'\n')
                        return false; // a bare quote or LF needs quoting
                    field += text.at(i++);
                }
            }
            row.append(field);
            if (i < n && text.at(i) == u',') {
                ++i;
                continue;
            }
            if (i + 1 < n && text.at(i) == u'\r' && text.at(i + 1) == u'\n') {
                i += 2;
                break;
            }
            return false; // a record must end with CRLF
        }
        rows->append(row);
    }
    return true;
}

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "csv round trip: %s\n", what);
    std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    dbs::CsvOptions options;
    options.byteOrderMark = data[0] & 1;
    options.neutraliseFormulas = data[0] & 2;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1),
                           static_cast<qsizetype>(size - 1));

    QList<QStringList> rows;
    for (const QByteArray &rowBytes : bytes.split('\x1e')) {
        QStringList cells;
        for (const QByteArray &cell : rowBytes.split('\x1f'))
            cells.append(QString::fromUtf8(cell));
        rows.append(cells);
    }

    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    dbs::CsvWriter writer(&buffer, options);
    for (const QStringList &row : std::as_const(rows)) {
        if (!writer.writeRow(row))
            fail("writeRow refused a buffer");
    }

    // QString::fromUtf8() would drop the byte order mark: keep it, to see that it is there.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder(out);
    if (decoder.hasError())
        fail("output is not UTF-8");
    if (options.byteOrderMark) {
        if (!text.startsWith(QChar(0xFEFF)))
            fail("no byte order mark");
        text.remove(0, 1);
    }
    QList<QStringList> back;
    if (!readCsv(text, &back))
        fail("output is not RFC 4180");
    if (back.size() != rows.size())
        fail("row count differs");
    for (qsizetype r = 0; r < rows.size(); ++r) {
        if (back.at(r).size() != rows.at(r).size())
            fail("cell count differs");
        for (qsizetype c = 0; c < rows.at(r).size(); ++c) {
            QString expected = rows.at(r).at(c);
            if (options.neutraliseFormulas && !expected.isEmpty()) {
                const QChar first = expected.front();
                if (first == u'=' || first == u'+' || first == u'-' || first == u'@' ||
                    first == u'\t' || first == u'\r')
                    expected.prepend(u'\'');
            }
            if (back.at(r).at(c) != expected)
                fail("a field differs");
        }
    }
    return 0;
}
