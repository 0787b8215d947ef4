#pragma once

#include <QString>

namespace dbs {

struct BackupGateway;

// The service's healthy status (compared without regard to case, as the service's own console).
bool isOnline(const QString &status);

// ONLINE, with a known heartbeat older than `thresholdMs` at `nowMs`. A missing heartbeat (0)
// is not stale: we only flag what the service told us; a threshold <= 0 turns the check off.
// The browser's stale filter, `dbs-gateways list --stale-after` and the change detection all
// mean exactly this.
bool isStale(const BackupGateway &gateway, qint64 nowMs, qint64 thresholdMs);
// The same, for a gateway kept in another shape: its status and last heartbeat.
bool isStale(const QString &status, qint64 lastHeartbeatTime, qint64 nowMs, qint64 thresholdMs);

// The default threshold: the service expects a heartbeat every minute or so; five missed ones
// mean the agent is gone even though the status still says ONLINE.
inline constexpr qint64 defaultStaleThresholdMs = 5 * 60 * 1000;

} // namespace dbs
