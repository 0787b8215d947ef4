#include "statusfilter.h"

#include "staleness.h"
#include <api/backupgateway.h>

namespace dbs {

bool StatusFilter::matches(const BackupGateway &gateway, qint64 nowMs) const
{
    if (!isActive())
        return true;
    if (statuses.contains(gateway.status, Qt::CaseInsensitive))
        return true;
    return staleAfterMs > 0 && isStale(gateway, nowMs, staleAfterMs);
}

} // namespace dbs
