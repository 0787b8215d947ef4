#pragma once

#include <api/backupgateway.h>

#include <QLatin1String>
#include <QVector>

namespace dbs {

// What happened to one gateway between two looks at the inventory.
enum class ChangeKind {
    Added,     // there now, not before
    Removed,   // there before, not now
    Status,    // the status changed (and it is not a recovery)
    Stale,     // still ONLINE, but the heartbeat went quiet past the threshold
    Recovered, // back to ONLINE with a fresh heartbeat, from another status or from stale
};

struct GatewayChange
{
    ChangeKind kind = ChangeKind::Added;
    BackupGateway gateway;  // as it is now; as it was, for Removed
    QString previousStatus; // the status before (empty for Added)
    qint64 timeMs = 0;      // when the change was seen (the later look's time)

    bool operator==(const GatewayChange &other) const = default;
};

// "added", "removed", "status", "stale", "recovered": the names `dbs-gateways watch` prints.
QLatin1String changeKindName(ChangeKind kind);

// The changes from `before` (looked at `beforeMs`) to `after` (looked at `afterMs`), gateways
// matched by BackupGatewayId. At most one change per gateway, in `after`'s order, then the
// removed ones in `before`'s order. Staleness is judged at each look's own time with the same
// threshold (<= 0: never stale), so a gateway that merely aged between looks is "stale" once.
QVector<GatewayChange> computeChanges(const QVector<BackupGateway> &before, qint64 beforeMs,
                                      const QVector<BackupGateway> &after, qint64 afterMs,
                                      qint64 staleThresholdMs);

} // namespace dbs
