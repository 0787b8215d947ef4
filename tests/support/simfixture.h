#pragma once

// Shared by the tests: a real in-process simulator and a client pointed at it.

#include <api/backupgateway.h>
#include <api/dbsclient.h>
#include <sim/simulator.h>

#include <QStringList>

#include <memory>

namespace fixture {

// Started, or the test ends at once (qFatal) saying why.
std::unique_ptr<dbs::sim::Simulator> startSimulator(const dbs::sim::SimulatorOptions &options);

dbs::sim::SimulatorOptions options(int gateways, quint64 seed, const QStringList &regions);

// One attempt per call unless told otherwise: a failure shows at once, with no backoff wait.
void pointAt(dbs::DbsClient *client, const dbs::sim::Simulator &simulator, int maxAttempts = 1);

dbs::PageQuery query(const QString &region, int pageSize = 30);

QStringList ids(const QVector<dbs::BackupGateway> &gateways);

} // namespace fixture
