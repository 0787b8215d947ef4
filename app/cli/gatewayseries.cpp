#include "gatewayseries.h"

#include "deflatestream.h"

#include <export/textformat.h>

namespace dbs {

QByteArray labelValue(const QString &text)
{
    QByteArray utf8 = visibleText(text).toUtf8();
    utf8.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return utf8;
}

bool GatewaySeriesList::forEach(
    const std::function<void(const Entry &, const char *labels)> &visit) const
{
    if (m_entries.isEmpty())
        return true;
    QByteArray window; // inflated text not yet handed out
    qsizetype next = 0;
    const bool whole = inflateInPieces(m_deflated, [&](const char *data, size_t size) {
        window.append(data, qsizetype(size));
        qsizetype at = 0;
        while (next < m_entries.size() &&
               window.size() - at >= qsizetype(m_entries.at(next).labelsLength)) {
            const Entry &entry = m_entries.at(next++);
            visit(entry, window.constData() + at);
            at += entry.labelsLength;
        }
        window.remove(0, at);
    });
    return whole && next == m_entries.size();
}

GatewaySeriesBuilder::GatewaySeriesBuilder()
    : m_deflate(std::make_unique<DeflateStream>(DeflateStream::Wrapper::Zlib,
                                                [this](const char *data, size_t size) {
                                                    m_list.m_deflated.append(data, qsizetype(size));
                                                }))
{}

GatewaySeriesBuilder::~GatewaySeriesBuilder() = default;

void GatewaySeriesBuilder::append(const BackupGateway &gateway)
{
    const QByteArray id = "id=\"" + labelValue(gateway.backupGatewayId) + '"';
    const QByteArray labels = id + ",identifier=\"" + labelValue(gateway.identifier) +
                              "\",name=\"" + labelValue(gateway.displayName) + "\",hostname=\"" +
                              labelValue(gateway.hostname) + "\",internet_ip=\"" +
                              labelValue(gateway.internetIp) + "\",intranet_ip=\"" +
                              labelValue(gateway.intranetIp) + '"';
    GatewaySeriesList::Entry entry;
    entry.labelsLength = quint32(labels.size());
    entry.idLength = quint32(id.size());
    // A service that sends endless statuses gets a bounded number of series for them.
    constexpr qsizetype maxStatuses = 256;
    // No status is a status of its own: an empty label value would be no label to PromQL.
    QString status =
        gateway.status.isEmpty() ? QStringLiteral("UNKNOWN") : gateway.status.toUpper();
    qsizetype index = m_list.m_statuses.indexOf(status);
    if (index < 0 && m_list.m_statuses.size() >= maxStatuses) {
        status = QStringLiteral("OTHER");
        index = m_list.m_statuses.indexOf(status);
    }
    if (index < 0) {
        index = m_list.m_statuses.size();
        m_list.m_statuses.append(status);
    }
    entry.status = quint32(index);
    entry.lastHeartbeatTime = gateway.lastHeartbeatTime;
    entry.createTime = gateway.createTime;
    m_list.m_entries.append(entry);
    m_deflate->write(labels);
}

GatewaySeriesList GatewaySeriesBuilder::finish()
{
    if (!m_deflate->finish())
        return {};
    m_list.m_entries.squeeze();
    m_list.m_deflated.squeeze();
    return std::move(m_list);
}

} // namespace dbs
