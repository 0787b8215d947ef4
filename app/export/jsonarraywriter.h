#pragma once

#include <api/backupgateway.h>
#include <api/gatewayfields.h>

#include <QList>

class QIODevice;

namespace dbs {

// Streams gateways as one JSON array of objects with the API's field names and values, one
// object a line, so that memory does not grow with the row count. `fields` narrows the objects
// (copied rows keep the table's columns); every field by default.
class JsonArrayWriter
{
public:
    explicit JsonArrayWriter(QIODevice *device,
                             const QList<GatewayField> &fields = allGatewayFields());
    bool write(const BackupGateway &gateway);
    bool finish(); // closes the array; call once
    bool ok() const { return m_ok; }

private:
    bool put(const QByteArray &bytes);

    QIODevice *m_device; // not owned
    QList<GatewayField> m_fields;
    bool m_first = true;
    bool m_ok = true;
};

} // namespace dbs
