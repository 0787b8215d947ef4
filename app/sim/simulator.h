#pragma once

#include "faults.h"
#include "requestverifier.h"

#include <api/backupgateway.h>

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace dbs {

// The key pair the simulator accepts when none is given (documented in README).
inline constexpr char demoAccessKeyId[] = "LTAIdemoDBSGateway";
inline constexpr char demoAccessKeySecret[] = "demo-secret-not-for-production";
// Where the official libraries look for ECS instance metadata (not configurable there).
inline constexpr char metadataHost[] = "100.100.100.200";

struct SimulatorOptions
{
    // A loopback address, or ECS's instance metadata address (metadataHost), which a test's
    // own network namespace puts on its loopback device.
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0; // 0: any free port
    int gateways = 400;
    quint64 seed = 1;
    QStringList regions; // empty: defaultRegions()
    // Changes to the inventory per second while serving (InventoryChurn: added, removed,
    // offline, back online, silent); 0 keeps it fixed. Seeded with `seed`.
    double churnPerSecond = 0;
    // > 0: every ONLINE gateway reports a heartbeat this often, each at its own moment, as a
    // live fleet does (the embedded demo). Gateways that start quiet (no heartbeat for
    // quietAfterMs) stay quiet until churn brings them back. 0: heartbeats only with churn.
    qint64 heartbeatIntervalMs = 0;
    // Requests for these regions are refused as a key without permission there would be
    // (403 Forbidden.RAM): a sweep over every region meets this in real life.
    QStringList deniedRegions;
    QList<AccessKey> keys; // empty: the demo key pair; these never expire
    // STS (AssumeRole, AssumeRoleWithOIDC) and instance metadata hand out keys that live this
    // many seconds at most (a caller's DurationSeconds may ask for less): short in tests that
    // watch keys expire.
    int stsDurationSeconds = 3600;
    // The inventory is shared among this many accounts, each seeing its own gateways: the
    // configured keys their own (AccessKey::account) and instance metadata account 0's, a role's
    // keys those of the account in its ARN (the account id modulo this).
    int accounts = 1;
    // Serve ECS instance metadata (IMDS, /latest/...) for a RAM role of this name; empty: those
    // paths answer 404.
    QString ecsRoleName;
    // Metadata only for requests that carry a session token (IMDSv2); else v1 requests too.
    bool imdsV2Only = false;
    // Not empty: every key STS or instance metadata issues is appended to this file as one
    // JSON line (kind, AccessKeyId, role, expiration; never a secret or token), so that a test
    // can tell which server issued a client's key, and for which role.
    QString issuedLogFile;
    int latencyMs = 0;
    QList<QPair<Fault, double>> faults;
    qint64 clockOffsetMs = 0; // the server's clock runs this far ahead of the machine's
    int slowMs = 5000;        // how late a "slow" answer comes
    // The PageNum of the first page. DBS counts from 0 (its reference page and its own
    // Terraform provider say so); 1 models the other reading, where 0 is answered as page 1,
    // so that clients are tested against both.
    int pageBase = 0;
    // Extra delay before answering these PageNums: lets tests make answers overtake each other.
    QHash<int, int> pageLatencyMs;
    // Both set: serve HTTPS with this PEM certificate (chain) and its PEM private key.
    QString tlsCertFile;
    QString tlsKeyFile;
};

// A DBS endpoint on loopback: DescribeBackupGatewayList over a seeded inventory, with the
// service's signature checks and injectable faults (DBS's answers only). On the same listener,
// STS's AssumeRole and AssumeRoleWithOIDC and, when asked, ECS instance metadata, whose keys
// DBS accepts until they expire. Serves from its own threads.
class Simulator
{
public:
    explicit Simulator(const SimulatorOptions &options);
    ~Simulator();
    Simulator(const Simulator &) = delete;
    Simulator &operator=(const Simulator &) = delete;

    // Binds and starts serving; false with `error` set when it cannot.
    bool start(QString *error);
    void stop();

    quint16 port() const;
    QString baseUrl() const; // http://HOST:PORT, or https:// when serving TLS
    bool isTls() const;
    // The inventory as it is now (a copy: with churn it changes while serving).
    QVector<BackupGateway> inventory() const;
    // Gateways of one region, in the order pages serve them.
    QVector<BackupGateway> gatewaysIn(const QString &region) const;
    quint64 requestCount() const;
    // Changes the churn rate while serving (0 pauses it). Only when the options asked for churn.
    void setChurnPerSecond(double rate);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace dbs
