#include "gatewayrow.h"

#include "gatewaymatch.h"

namespace dbs {

namespace {
constexpr char separator = 0x1f; // as in searchHaystack()
} // namespace

int GatewayRow::slotOf(GatewayField field)
{
    switch (field) {
    case GatewayField::DisplayName:
        return 0;
    case GatewayField::BackupGatewayId:
        return 1;
    case GatewayField::Identifier:
        return 2;
    case GatewayField::SourceEndpointHostname:
        return 3;
    case GatewayField::SourceEndpointInternetIP:
        return 4;
    case GatewayField::SourceEndpointIntranetIP:
        return 5;
    default:
        return -1;
    }
}

GatewayRow::GatewayRow(const BackupGateway &gateway)
    : m_status(gateway.status), m_region(gateway.region), m_account(gateway.account),
      m_createTime(gateway.createTime), m_lastHeartbeatTime(gateway.lastHeartbeatTime)
{
    const QString *texts[] = {&gateway.displayName, &gateway.backupGatewayId, &gateway.identifier,
                              &gateway.hostname,    &gateway.internetIp,      &gateway.intranetIp};
    qsizetype size = 0;
    for (const QString *text : texts)
        size += text->size() * 3 + 1; // the most UTF-8 a UTF-16 unit can take
    m_text.reserve(size);
    for (int i = 0; i < 6; ++i) {
        m_text += texts[i]->toUtf8();
        m_ends[size_t(i)] = quint32(m_text.size());
        m_text += separator;
    }
    m_text.squeeze();
    m_haystack = searchHaystack(gateway);
    if (m_haystack == m_text)
        m_haystack = m_text; // one buffer for both: the usual lower-case ASCII
}

QByteArrayView GatewayRow::slot(int index) const
{
    const qsizetype begin = index == 0 ? 0 : qsizetype(m_ends[size_t(index - 1)]) + 1;
    return QByteArrayView(m_text).sliced(begin, qsizetype(m_ends[size_t(index)]) - begin);
}

QString GatewayRow::text(GatewayField field) const
{
    switch (field) {
    case GatewayField::BackupGatewayStatus:
        return m_status;
    case GatewayField::Region:
        return m_region;
    case GatewayField::Account:
        return m_account;
    default:
        break;
    }
    const int index = slotOf(field);
    if (index < 0 || m_text.isEmpty())
        return {};
    const QByteArrayView bytes = slot(index);
    // Empty stays null, as the parser leaves a field that was not sent.
    return bytes.isEmpty() ? QString() : QString::fromUtf8(bytes);
}

BackupGateway GatewayRow::withField(GatewayField field) const
{
    BackupGateway gateway;
    gateway.status = m_status;
    gateway.region = m_region;
    gateway.account = m_account;
    gateway.createTime = m_createTime;
    gateway.lastHeartbeatTime = m_lastHeartbeatTime;
    switch (field) {
    case GatewayField::BackupGatewayId:
        gateway.backupGatewayId = text(field);
        break;
    case GatewayField::Identifier:
        gateway.identifier = text(field);
        break;
    case GatewayField::DisplayName:
        gateway.displayName = text(field);
        break;
    case GatewayField::SourceEndpointHostname:
        gateway.hostname = text(field);
        break;
    case GatewayField::SourceEndpointInternetIP:
        gateway.internetIp = text(field);
        break;
    case GatewayField::SourceEndpointIntranetIP:
        gateway.intranetIp = text(field);
        break;
    default:
        break;
    }
    return gateway;
}

BackupGateway GatewayRow::gateway() const
{
    BackupGateway gateway = withField(GatewayField::BackupGatewayStatus);
    gateway.backupGatewayId = text(GatewayField::BackupGatewayId);
    gateway.identifier = text(GatewayField::Identifier);
    gateway.displayName = text(GatewayField::DisplayName);
    gateway.hostname = text(GatewayField::SourceEndpointHostname);
    gateway.internetIp = text(GatewayField::SourceEndpointInternetIP);
    gateway.intranetIp = text(GatewayField::SourceEndpointIntranetIP);
    return gateway;
}

void GatewayRow::shareTexts(QSet<QString> &pool, qsizetype limit)
{
    for (QString *text : {&m_status, &m_region, &m_account}) {
        if (text->isEmpty())
            continue; // nothing to share: no account but the one
        const auto it = pool.constFind(*text);
        if (it != pool.cend())
            *text = *it;
        else if (pool.size() < limit)
            pool.insert(*text);
    }
}

} // namespace dbs
