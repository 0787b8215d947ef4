#include "gatewaycsv.h"

#include "csvwriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QIODevice>

namespace dbs {

namespace {
// Free functions have no tr(): one literal context so lupdate finds every string.
constexpr char context[] = "dbs::GatewayCsv";

const char *titleSource(GatewayField field)
{
    switch (field) {
    case GatewayField::BackupGatewayId:
        return QT_TRANSLATE_NOOP("dbs::GatewayCsv", "Gateway ID");
    case GatewayField::Identifier:
        return QT_TRANSLATE_NOOP("dbs::GatewayCsv", "Identifier");
    case GatewayField::DisplayName:
        return QT_TRANSLATE_NOOP("dbs::GatewayCsv", "Name");
    case GatewayField::BackupGatewayStatus:
        return QT_TRANSLATE_NOOP("dbs::GatewayCsv", "Status");
    case GatewayField::Region:
        return QT_TRANSLATE_NOOP("dbs::GatewayCsv", "Region");
    case GatewayField::SourceEndpointHostname:
        return QT_TRANSLATE_NOOP("dbs::GatewayCsv", "Hostname");
    case GatewayField::SourceEndpointInternetIP:
        return QT_TRANSLATE_NOOP("dbs::GatewayCsv", "Public IP");
    case GatewayField::SourceEndpointIntranetIP:
        return QT_TRANSLATE_NOOP("dbs::GatewayCsv", "Private IP");
    case GatewayField::BackupGatewayCreateTime:
        return QT_TRANSLATE_NOOP("dbs::GatewayCsv", "Created");
    case GatewayField::LastHeartbeatTime:
        return QT_TRANSLATE_NOOP("dbs::GatewayCsv", "Last heartbeat");
    }
    return "";
}
} // namespace

QString gatewayFieldTitle(GatewayField field)
{
    return QCoreApplication::translate(context, titleSource(field));
}

QString isoUtc(qint64 epochMs)
{
    if (epochMs <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODate);
}

QStringList gatewayCsvHeader(const GatewayCsvOptions &options)
{
    QStringList cells;
    for (GatewayField field : allGatewayFields()) {
        if (options.apiHeaders) {
            const QString name = apiFieldName(field);
            cells.append(name);
            if (isTimeField(field))
                cells.append(name + QLatin1String(" (UTC)"));
        } else if (isTimeField(field)) {
            const QString title = gatewayFieldTitle(field);
            //: %1 is a column title such as "Last heartbeat"; the raw value in milliseconds
            cells.append(
                QCoreApplication::translate("dbs::GatewayCsv", "%1 (epoch ms)").arg(title));
            //: %1 is a column title such as "Last heartbeat"; the ISO-8601 UTC form
            cells.append(QCoreApplication::translate("dbs::GatewayCsv", "%1 (UTC)").arg(title));
        } else {
            cells.append(gatewayFieldTitle(field));
        }
    }
    return cells;
}

QStringList gatewayCsvCells(const BackupGateway &gateway)
{
    QStringList cells;
    for (GatewayField field : allGatewayFields()) {
        if (isTimeField(field)) {
            const qint64 ms = fieldValue(gateway, field).toLongLong();
            // 0 means "the service sent none": an empty cell, not 1970.
            cells.append(ms > 0 ? QString::number(ms) : QString());
            cells.append(isoUtc(ms));
        } else {
            cells.append(fieldText(gateway, field));
        }
    }
    return cells;
}

GatewayCsvWriter::GatewayCsvWriter(QIODevice *device, const GatewayCsvOptions &options)
    : m_device(device), m_options(options)
{}

bool GatewayCsvWriter::writeCells(const QStringList &cells)
{
    if (!m_ok)
        return false;
    // csvRow() per row rather than one CsvWriter over the whole file keeps the BOM decision
    // here, next to the header.
    QByteArray bytes;
    if (!m_headerWritten && m_options.byteOrderMark)
        bytes = "\xEF\xBB\xBF";
    bytes += csvRow(cells, /*neutraliseFormulas=*/true);
    m_ok = m_device->write(bytes) == bytes.size();
    return m_ok;
}

bool GatewayCsvWriter::writeHeaderOnce()
{
    if (m_headerWritten)
        return m_ok;
    const bool written = writeCells(gatewayCsvHeader(m_options));
    m_headerWritten = true;
    return written;
}

bool GatewayCsvWriter::write(const BackupGateway &gateway)
{
    if (!writeHeaderOnce() || !writeCells(gatewayCsvCells(gateway)))
        return false;
    ++m_rows;
    return true;
}

bool GatewayCsvWriter::finish()
{
    return writeHeaderOnce();
}

QString GatewayCsvWriter::errorString() const
{
    if (m_ok)
        return {};
    const QString reason = m_device->errorString();
    if (reason.isEmpty())
        return QCoreApplication::translate("dbs::GatewayCsv", "The data could not be written.");
    return QCoreApplication::translate("dbs::GatewayCsv", "The data could not be written: %1")
        .arg(reason);
}

GatewayCsvResult writeGatewaysCsv(QIODevice *device, const QList<BackupGateway> &rows,
                                  const GatewayCsvOptions &options)
{
    return writeGatewaysCsv(
        device, int(rows.size()), [&rows](int row) { return rows.at(row); }, options);
}

GatewayCsvResult writeGatewaysCsv(QIODevice *device, int count,
                                  const std::function<BackupGateway(int)> &rowAt,
                                  const GatewayCsvOptions &options)
{
    GatewayCsvWriter writer(device, options);
    for (int row = 0; row < count && writer.ok(); ++row)
        writer.write(rowAt(row));
    writer.finish();
    return {writer.ok(), writer.rows(), writer.errorString()};
}

} // namespace dbs
