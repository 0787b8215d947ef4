#pragma once

// Shared by the model tests: a real in-process simulator and a client pointed at it.

#include "api/dbsclient.h"
#include "sim/simulator.h"

#include <QTest>
#include <QUrl>

#include <memory>

namespace fixture {

inline std::unique_ptr<dbs::sim::Simulator>
startSimulator(const dbs::sim::SimulatorOptions &options)
{
    auto simulator = std::make_unique<dbs::sim::Simulator>(options);
    QString error;
    if (!simulator->start(&error))
        qFatal("cannot start the simulator: %s", qPrintable(error));
    return simulator;
}

inline dbs::sim::SimulatorOptions options(int gateways, quint64 seed, const QStringList &regions)
{
    dbs::sim::SimulatorOptions options;
    options.gateways = gateways;
    options.seed = seed;
    options.regions = regions;
    return options;
}

// One attempt per call unless told otherwise: a failure shows at once, with no backoff wait.
inline void pointAt(dbs::DbsClient *client, const dbs::sim::Simulator &simulator,
                    int maxAttempts = 1)
{
    dbs::ClientOptions options = client->options();
    options.endpoint = QUrl(simulator.baseUrl());
    options.retry.maxAttempts = maxAttempts;
    options.timeoutMs = 20000;
    client->setOptions(options);
    client->setCredential({QString::fromLatin1(dbs::sim::demoAccessKeyId),
                           QString::fromLatin1(dbs::sim::demoAccessKeySecret), QString(),
                           QStringLiteral("test")});
}

inline dbs::PageQuery query(const QString &region, int pageSize = 30)
{
    dbs::PageQuery query;
    query.region = region;
    query.pageSize = pageSize;
    return query;
}

inline QStringList ids(const QVector<dbs::BackupGateway> &gateways)
{
    QStringList list;
    list.reserve(gateways.size());
    for (const dbs::BackupGateway &gateway : gateways)
        list.append(gateway.backupGatewayId);
    return list;
}

} // namespace fixture
