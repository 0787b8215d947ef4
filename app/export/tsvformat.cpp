#include "tsvformat.h"

#include "jsonarraywriter.h"
#include "timewords.h"

#include <QBuffer>

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
                cells.append(timewords::utcIsoMs(fieldValue(gateway, field).toLongLong()));
            else
                cells.append(cell(fieldText(gateway, field)));
        }
        lines.append(cells.join(u'\t'));
    }
    return lines.join(u'\n') + u'\n';
}

QString gatewaysToMarkdown(const QStringList &headers, const QList<GatewayField> &fields,
                           const QVector<BackupGateway> &gateways)
{
    const auto markdownCell = [](QString text) {
        text = cell(text).trimmed();
        text.replace(u'\\', QLatin1String("\\\\"));
        text.replace(u'|', QLatin1String("\\|"));
        return text;
    };
    const auto line = [](const QStringList &cells) {
        return QLatin1String("| ") + cells.join(QLatin1String(" | ")) + QLatin1String(" |");
    };
    QStringList lines;
    QStringList cells;
    for (const QString &header : headers)
        cells.append(markdownCell(header));
    lines.append(line(cells));
    lines.append(line(QStringList(fields.size(), QStringLiteral("---"))));
    for (const BackupGateway &gateway : gateways) {
        cells.clear();
        for (GatewayField field : fields) {
            cells.append(isTimeField(field)
                             ? timewords::utcIsoMs(fieldValue(gateway, field).toLongLong())
                             : markdownCell(fieldText(gateway, field)));
        }
        lines.append(line(cells));
    }
    return lines.join(u'\n') + u'\n';
}

QString gatewaysToJson(const QList<GatewayField> &fields, const QVector<BackupGateway> &gateways)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    JsonArrayWriter writer(&buffer, fields);
    for (const BackupGateway &gateway : gateways)
        writer.write(gateway);
    writer.finish();
    return QString::fromUtf8(bytes);
}

} // namespace dbs
