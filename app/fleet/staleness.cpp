#include "staleness.h"

#include <api/backupgateway.h>

namespace dbs {

bool isOnline(const QString &status)
{
    return status.compare(u"ONLINE", Qt::CaseInsensitive) == 0;
}

bool isStale(const BackupGateway &gateway, qint64 nowMs, qint64 thresholdMs)
{
    return isStale(gateway.status, gateway.lastHeartbeatTime, nowMs, thresholdMs);
}

bool isStale(const QString &status, qint64 lastHeartbeatTime, qint64 nowMs, qint64 thresholdMs)
{
    return thresholdMs > 0 && lastHeartbeatTime > 0 && isOnline(status) &&
           nowMs - lastHeartbeatTime > thresholdMs;
}

} // namespace dbs
