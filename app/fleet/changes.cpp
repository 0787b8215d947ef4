#include "changes.h"

#include "staleness.h"

#include <QHash>
#include <QSet>

namespace dbs {

QLatin1String changeKindName(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::Added:
        return QLatin1String("added");
    case ChangeKind::Removed:
        return QLatin1String("removed");
    case ChangeKind::Status:
        return QLatin1String("status");
    case ChangeKind::Stale:
        return QLatin1String("stale");
    case ChangeKind::Recovered:
        return QLatin1String("recovered");
    }
    return QLatin1String("unknown");
}

QVector<GatewayChange> computeChanges(const QVector<BackupGateway> &before, qint64 beforeMs,
                                      const QVector<BackupGateway> &after, qint64 afterMs,
                                      qint64 staleThresholdMs)
{
    QHash<QString, const BackupGateway *> previous;
    previous.reserve(before.size());
    for (const BackupGateway &gateway : before)
        previous.insert(gateway.backupGatewayId, &gateway);

    QVector<GatewayChange> changes;
    QSet<QString> present;
    present.reserve(after.size());
    const auto add = [&](ChangeKind kind, const BackupGateway &gateway, const QString &was) {
        changes.append({kind, gateway, was, afterMs});
    };
    for (const BackupGateway &now : after) {
        present.insert(now.backupGatewayId);
        const BackupGateway *was = previous.value(now.backupGatewayId);
        if (!was) {
            add(ChangeKind::Added, now, {});
            continue;
        }
        const bool wasStale = isStale(*was, beforeMs, staleThresholdMs);
        const bool nowStale = isStale(now, afterMs, staleThresholdMs);
        const bool nowHealthy = isOnline(now.status) && !nowStale;
        if (was->status != now.status)
            add(nowHealthy ? ChangeKind::Recovered : ChangeKind::Status, now, was->status);
        else if (!wasStale && nowStale)
            add(ChangeKind::Stale, now, was->status);
        else if (wasStale && nowHealthy)
            add(ChangeKind::Recovered, now, was->status);
    }
    for (const BackupGateway &was : before) {
        if (!present.contains(was.backupGatewayId))
            add(ChangeKind::Removed, was, was.status);
    }
    return changes;
}

} // namespace dbs
