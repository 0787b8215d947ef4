#include "csvwriter.h"

#include <QIODevice>

namespace dbs {

QString csvField(const QString &value, bool neutraliseFormulas)
{
    QString text = value;
    if (neutraliseFormulas && !text.isEmpty()) {
        const QChar first = text.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' ||
            first == u'\r')
            text.prepend(u'\'');
    }
    const bool needsQuotes =
        text.contains(u',') || text.contains(u'"') || text.contains(u'\r') || text.contains(u'\n');
    if (!needsQuotes)
        return text;
    text.replace(u'"', QLatin1String("\"\""));
    return u'"' + text + u'"';
}

QByteArray csvRow(const QStringList &cells, bool neutraliseFormulas)
{
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += u',';
        line += csvField(cells.at(i), neutraliseFormulas);
    }
    line += QLatin1String("\r\n");
    return line.toUtf8();
}

CsvWriter::CsvWriter(QIODevice *device, const CsvOptions &options)
    : m_device(device), m_options(options)
{}

bool CsvWriter::writeRow(const QStringList &cells)
{
    if (!m_ok)
        return false;
    QByteArray bytes;
    if (m_first && m_options.byteOrderMark)
        bytes = "\xEF\xBB\xBF";
    m_first = false;
    bytes += csvRow(cells, m_options.neutraliseFormulas);
    m_ok = m_device->write(bytes) == bytes.size();
    return m_ok;
}

} // namespace dbs
