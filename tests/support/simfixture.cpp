#include "simfixture.h"

#include <QUrl>
#include <QtGlobal>

namespace fixture {

std::unique_ptr<dbs::sim::Simulator> startSimulator(const dbs::sim::SimulatorOptions &options)
{
    auto simulator = std::make_unique<dbs::sim::Simulator>(options);
    QString error;
    if (!simulator->start(&error))
        qFatal("cannot start the simulator: %s", qPrintable(error));
    return simulator;
}

dbs::sim::SimulatorOptions options(int gateways, quint64 seed, const QStringList &regions)
{
    dbs::sim::SimulatorOptions options;
    options.gateways = gateways;
    options.seed = seed;
    options.regions = regions;
    return options;
}

void pointAt(dbs::DbsClient *client, const dbs::sim::Simulator &simulator, int maxAttempts)
{
    dbs::ClientOptions options = client->options();
    options.endpoint = QUrl(simulator.baseUrl());
    options.retry.maxAttempts = maxAttempts;
    options.retry.baseDelayMs = 5;
    options.retry.maxDelayMs = 40;
    options.timeoutMs = 20000;
    client->setOptions(options);
    client->setCredential({QString::fromLatin1(dbs::sim::demoAccessKeyId),
                           QString::fromLatin1(dbs::sim::demoAccessKeySecret), QString(),
                           QStringLiteral("test")});
}

dbs::PageQuery query(const QString &region, int pageSize)
{
    dbs::PageQuery query;
    query.region = region;
    query.pageSize = pageSize;
    return query;
}

QStringList ids(const QVector<dbs::BackupGateway> &gateways)
{
    QStringList list;
    list.reserve(gateways.size());
    for (const dbs::BackupGateway &gateway : gateways)
        list.append(gateway.backupGatewayId);
    return list;
}

} // namespace fixture
