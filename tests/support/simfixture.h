#pragma once

// Shared by the tests: a real in-process simulator and a client pointed at it.

#include <api/backupgateway.h>
#include <api/dbsclient.h>
#include <sim/simulator.h>

#include <QStringList>

#include <memory>

namespace fixture {

// Started, or the test ends at once (qFatal) saying why.
std::unique_ptr<dbs::Simulator> startSimulator(const dbs::SimulatorOptions &options = {});

dbs::SimulatorOptions options(int gateways, quint64 seed, const QStringList &regions);

// A credential of these parts (the source left empty).
dbs::Credential makeCredential(const QString &id, const QString &secret, const QString &token = {});

// The simulator's demo key; `source` is what the credential says it came from.
dbs::Credential demoCredential(const QString &source = QStringLiteral("test"));

// One attempt per call unless told otherwise: a failure shows at once, with no backoff wait.
void pointAt(dbs::DbsClient *client, const dbs::Simulator &simulator, int maxAttempts = 1);

dbs::PageQuery query(const QString &region, int pageSize = 30, int pageNum = 0);

// How one fetchPage call ended, with the request log lines the client wrote meanwhile.
struct PageOutcome
{
    bool done = false; // false: no answer within the wait
    dbs::GatewayPage page;
    dbs::ApiError error;
    QList<dbs::RequestLog> log;
};

// Asks for one page and waits for its answer (a warning says when none came in time).
PageOutcome fetchPage(dbs::DbsClient &client, const dbs::PageQuery &query, int timeoutMs = 30000);

QStringList ids(const QVector<dbs::BackupGateway> &gateways);

} // namespace fixture
