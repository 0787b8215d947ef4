#include "tsvformat.h"

#include "timetext.h"

namespace dbs {

namespace {
QString cell(QString text)
{
    for (QChar &c : text) {
        if (c == u'\t' || c == u'\n' || c == u'\r')
            c = u' ';
    }
    return text;
}
} // namespace

QString gatewaysToTsv(const QStringList &headers, const QList<GatewayField> &fields,
                      const QVector<BackupGateway> &gateways)
{
    QStringList lines;
    lines.reserve(gateways.size() + 1);
    QStringList headerCells;
    for (const QString &header : headers)
        headerCells.append(cell(header));
    lines.append(headerCells.join(u'\t'));
    for (const BackupGateway &gateway : gateways) {
        QStringList cells;
        cells.reserve(fields.size());
        for (GatewayField field : fields) {
            if (isTimeField(field))
                cells.append(timetext::utcIso(fieldValue(gateway, field).toLongLong()));
            else
                cells.append(cell(fieldText(gateway, field)));
        }
        lines.append(cells.join(u'\t'));
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace dbs
