#include "merge.h"

#include <QSet>

namespace dbs {

QVector<BackupGateway> oneRowPerId(const QVector<BackupGateway> &gateways)
{
    return mergeRegions({QString()}, {{QString(), gateways}});
}

QVector<BackupGateway> mergeRegions(const QStringList &order,
                                    const QHash<QString, QVector<BackupGateway>> &byRegion,
                                    QHash<QString, QString> *regionOf)
{
    qsizetype size = 0;
    for (const QString &region : order)
        size += byRegion.value(region).size();
    QVector<BackupGateway> merged;
    merged.reserve(size);
    QSet<QString> ids;
    ids.reserve(size);
    if (regionOf)
        regionOf->clear();
    for (const QString &region : order) {
        const auto rows = byRegion.constFind(region);
        if (rows == byRegion.constEnd())
            continue;
        for (const BackupGateway &gateway : *rows) {
            const QString &id = gateway.backupGatewayId;
            if (id.isEmpty() || ids.contains(id))
                continue;
            ids.insert(id);
            merged.append(gateway);
            if (regionOf)
                regionOf->insert(id, region);
        }
    }
    return merged;
}

} // namespace dbs
