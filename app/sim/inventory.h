#pragma once

#include <api/backupgateway.h>

#include <QStringList>

namespace dbs {

// A deterministic inventory: the same seed, count and regions give the same gateways, with
// heartbeats placed relative to `nowMs`. The first region gets the largest share so that it
// spans several pages.
QVector<BackupGateway> generateInventory(int count, quint64 seed, const QStringList &regions,
                                         qint64 nowMs);

// The regions used when none are named.
QStringList defaultRegions();

// One gateway as compact JSON, as the service writes it: the object toJson() makes (field for
// field, times as numbers), written directly. Going through QJsonObject and QJsonDocument took
// two thirds of the simulator's start-up with 100,000 gateways.
QByteArray gatewayJson(const BackupGateway &gateway);

} // namespace dbs
