#include "jsonarraywriter.h"

#include "textformat.h"

#include <api/gatewayfields.h>

#include <QIODevice>

namespace dbs {

JsonArrayWriter::JsonArrayWriter(QIODevice *device, const QList<GatewayField> &fields)
    : m_device(device), m_fields(fields)
{}

bool JsonArrayWriter::put(const QByteArray &bytes)
{
    m_ok = m_ok && m_device->write(bytes) == bytes.size();
    return m_ok;
}

bool JsonArrayWriter::write(const BackupGateway &gateway)
{
    const QByteArray separator = m_first ? QByteArray("[\n  ") : QByteArray(",\n  ");
    m_first = false;
    return put(separator + compactJson(toJson(gateway, m_fields)));
}

bool JsonArrayWriter::finish()
{
    return put(m_first ? QByteArray("[]\n") : QByteArray("\n]\n"));
}

} // namespace dbs
