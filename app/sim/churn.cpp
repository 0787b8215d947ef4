#include "churn.h"

#include <QHash>

#include <algorithm>

namespace dbs {

InventoryChurn::InventoryChurn(quint64 seed) : m_engine(seed) {}

std::pair<InventoryChurn::Event, QString>
InventoryChurn::step(QVector<BackupGateway> *inventory, const QStringList &regions, qint64 nowMs)
{
    const int roll = below(100);
    QVector<int> candidates;
    const auto pick = [&](auto predicate) -> int {
        candidates.clear();
        for (int i = 0; i < inventory->size(); ++i) {
            if (predicate(inventory->at(i)))
                candidates.append(i);
        }
        return candidates.isEmpty() ? -1 : candidates.at(below(int(candidates.size())));
    };
    const auto online = [this](const BackupGateway &g) {
        return g.status == u"ONLINE" && !m_silent.contains(g.backupGatewayId);
    };

    if (roll < 20 || inventory->isEmpty()) {
        BackupGateway gateway;
        ++m_added;
        gateway.backupGatewayId = QString::number(2'000'000'000LL + m_added);
        gateway.identifier = QStringLiteral("dbsgwchurn%1").arg(m_added);
        gateway.displayName = QStringLiteral("churn-%1").arg(m_added);
        QString region = regions.isEmpty() ? QString() : regions.at(below(int(regions.size())));
        if (region.isEmpty())
            region = inventory->isEmpty() ? QStringLiteral("cn-hangzhou")
                                          : inventory->at(below(int(inventory->size()))).region;
        gateway.region = region;
        gateway.hostname = QStringLiteral("churn-%1.%2.internal").arg(m_added).arg(region);
        gateway.intranetIp =
            QStringLiteral("10.99.%1.%2").arg(m_added / 250 % 250).arg(1 + m_added % 250);
        gateway.status = QStringLiteral("ONLINE");
        gateway.createTime = nowMs;
        gateway.lastHeartbeatTime = nowMs;
        inventory->append(gateway);
        return {Event::Added, gateway.backupGatewayId};
    }
    if (roll < 40) {
        const int index = below(int(inventory->size()));
        const QString id = inventory->at(index).backupGatewayId;
        inventory->remove(index);
        m_silent.remove(id);
        return {Event::Removed, id};
    }
    if (roll < 65) {
        if (const int index = pick(online); index >= 0) {
            (*inventory)[index].status = QStringLiteral("OFFLINE");
            return {Event::WentOffline, inventory->at(index).backupGatewayId};
        }
    } else if (roll < 90) {
        const auto down = [this](const BackupGateway &g) {
            return g.status != u"ONLINE" || m_silent.contains(g.backupGatewayId);
        };
        if (const int index = pick(down); index >= 0) {
            BackupGateway &gateway = (*inventory)[index];
            gateway.status = QStringLiteral("ONLINE");
            gateway.lastHeartbeatTime = nowMs;
            m_silent.remove(gateway.backupGatewayId);
            return {Event::CameOnline, gateway.backupGatewayId};
        }
    } else if (const int index = pick(online); index >= 0) {
        m_silent.insert(inventory->at(index).backupGatewayId);
        return {Event::FellSilent, inventory->at(index).backupGatewayId};
    }
    // Nothing of the drawn kind to change: a removal keeps the churn going.
    const int index = below(int(inventory->size()));
    const QString id = inventory->at(index).backupGatewayId;
    inventory->remove(index);
    m_silent.remove(id);
    return {Event::Removed, id};
}

void InventoryChurn::heartbeat(QVector<BackupGateway> *inventory, qint64 nowMs) const
{
    for (BackupGateway &gateway : *inventory) {
        if (gateway.status == u"ONLINE" && !m_silent.contains(gateway.backupGatewayId))
            gateway.lastHeartbeatTime = nowMs;
    }
}

void InventoryChurn::heartbeat(QVector<BackupGateway> *inventory, qint64 nowMs,
                               qint64 intervalMs) const
{
    for (BackupGateway &gateway : *inventory) {
        if (gateway.status != u"ONLINE" || m_silent.contains(gateway.backupGatewayId))
            continue;
        const qint64 phase = qint64(qHash(gateway.backupGatewayId) % quint64(intervalMs));
        const qint64 latest = nowMs - (nowMs - phase) % intervalMs;
        gateway.lastHeartbeatTime = std::max(gateway.lastHeartbeatTime, latest);
    }
}

void InventoryChurn::adoptSilent(const QVector<BackupGateway> &inventory, qint64 nowMs,
                                 qint64 quietMs)
{
    for (const BackupGateway &gateway : inventory) {
        if (gateway.status == u"ONLINE" && nowMs - gateway.lastHeartbeatTime >= quietMs)
            m_silent.insert(gateway.backupGatewayId);
    }
}

} // namespace dbs
