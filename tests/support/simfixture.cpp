#include "simfixture.h"

#include <QTest>
#include <QUrl>
#include <QtGlobal>

namespace fixture {

std::unique_ptr<dbs::Simulator> startSimulator(const dbs::SimulatorOptions &options)
{
    auto simulator = std::make_unique<dbs::Simulator>(options);
    QString error;
    if (!simulator->start(&error))
        qFatal("cannot start the simulator: %s", qPrintable(error));
    return simulator;
}

dbs::SimulatorOptions options(int gateways, quint64 seed, const QStringList &regions)
{
    dbs::SimulatorOptions options;
    options.gateways = gateways;
    options.seed = seed;
    options.regions = regions;
    return options;
}

dbs::Credential makeCredential(const QString &id, const QString &secret, const QString &token)
{
    dbs::Credential credential;
    credential.accessKeyId = id;
    credential.accessKeySecret = secret;
    credential.securityToken = token;
    return credential;
}

dbs::Credential demoCredential(const QString &source)
{
    return {QString::fromLatin1(dbs::demoAccessKeyId),
            QString::fromLatin1(dbs::demoAccessKeySecret), QString(), source};
}

void pointAt(dbs::DbsClient *client, const dbs::Simulator &simulator, int maxAttempts)
{
    dbs::ClientOptions options = client->options();
    options.endpoint = QUrl(simulator.baseUrl());
    options.retry.maxAttempts = maxAttempts;
    options.retry.baseDelayMs = 5;
    options.retry.maxDelayMs = 40;
    options.timeoutMs = 20000;
    client->setOptions(options);
    client->setCredential(demoCredential());
}

dbs::PageQuery query(const QString &region, int pageSize, int pageNum)
{
    dbs::PageQuery query;
    query.region = region;
    query.pageSize = pageSize;
    query.pageNum = pageNum;
    return query;
}

PageOutcome fetchPage(dbs::DbsClient &client, const dbs::PageQuery &query, int timeoutMs)
{
    PageOutcome outcome;
    // A context object of its own, so that only this call's log connection is undone.
    QObject context;
    QObject::connect(&client, &dbs::DbsClient::requestLogged, &context,
                     [&outcome](const dbs::RequestLog &entry) { outcome.log.append(entry); });
    dbs::PageCall *call = client.fetchPage(query);
    QObject::connect(call, &dbs::PageCall::finished, &context,
                     [&outcome](const dbs::GatewayPage &page) {
                         outcome.page = page;
                         outcome.done = true;
                     });
    QObject::connect(call, &dbs::PageCall::failed, &context,
                     [&outcome](const dbs::ApiError &error) {
                         outcome.error = error;
                         outcome.done = true;
                     });
    if (!QTest::qWaitFor([&outcome] { return outcome.done; }, timeoutMs))
        qWarning("the page call did not finish within %d ms", timeoutMs);
    return outcome;
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
