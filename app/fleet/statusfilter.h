#pragma once

#include <QStringList>

namespace dbs {

struct BackupGateway;

// The browser's status filter and `dbs-gateways list --status/--stale-after` in one rule: a
// gateway passes when its status is one of `statuses` (any case), or when it is stale
// (isStale) past `staleAfterMs`. With neither set, every gateway passes.
struct StatusFilter
{
    QStringList statuses;    // empty: no status condition
    qint64 staleAfterMs = 0; // > 0: stale gateways pass

    bool isActive() const { return !statuses.isEmpty() || staleAfterMs > 0; }
    bool matches(const BackupGateway &gateway, qint64 nowMs) const;
};

} // namespace dbs
