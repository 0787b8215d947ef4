#pragma once

#include <api/backupgateway.h>

#include <QHash>
#include <QStringList>
#include <QVector>

namespace dbs {

// One table of gateways, one row per BackupGatewayId: the first row with an id stays, in
// order, and later ones with the same id are dropped (a saved file, or an endpoint that
// ignores Region and lists a gateway in two regions, is not trusted to hold each id once).
QVector<BackupGateway> oneRowPerId(const QVector<BackupGateway> &gateways);

// The gateways of several regions as one table: regions in `order`, each region's rows in
// service order, each id once (the first region that lists it keeps it). Regions missing
// from `byRegion` contribute nothing. `regionOf`, when given, is set to which region each row
// came from. Every all-regions view (the browser, list, watch) uses this one merge.
QVector<BackupGateway> mergeRegions(const QStringList &order,
                                    const QHash<QString, QVector<BackupGateway>> &byRegion,
                                    QHash<QString, QString> *regionOf = nullptr);

} // namespace dbs
