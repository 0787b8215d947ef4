#include "staleness.h"

#include <api/backupgateway.h>

namespace dbs {

bool isOnline(const QString &status)
{
    return status.compare(u"ONLINE", Qt::CaseInsensitive) == 0;
}

bool isStale(const BackupGateway &gateway, qint64 nowMs, qint64 thresholdMs)
{
    return thresholdMs > 0 && gateway.lastHeartbeatTime > 0 && isOnline(gateway.status) &&
           nowMs - gateway.lastHeartbeatTime > thresholdMs;
}

} // namespace dbs
