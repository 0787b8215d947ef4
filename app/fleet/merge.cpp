#include "merge.h"

#include <QSet>

namespace dbs {

namespace {
void appendNew(const QVector<BackupGateway> &gateways, QSet<QString> *ids,
               QVector<BackupGateway> *out)
{
    for (const BackupGateway &gateway : gateways) {
        if (gateway.backupGatewayId.isEmpty() || ids->contains(gateway.backupGatewayId))
            continue;
        ids->insert(gateway.backupGatewayId);
        out->append(gateway);
    }
}
} // namespace

QVector<BackupGateway> oneRowPerId(const QVector<BackupGateway> &gateways)
{
    return mergeRegions({QString()}, {{QString(), gateways}});
}

QVector<BackupGateway> mergeRegions(const QStringList &order,
                                    const QHash<QString, QVector<BackupGateway>> &byRegion)
{
    qsizetype size = 0;
    for (const QString &region : order)
        size += byRegion.value(region).size();
    QVector<BackupGateway> merged;
    merged.reserve(size);
    QSet<QString> ids;
    ids.reserve(size);
    for (const QString &region : order) {
        if (const auto it = byRegion.constFind(region); it != byRegion.constEnd())
            appendNew(*it, &ids, &merged);
    }
    return merged;
}

} // namespace dbs
