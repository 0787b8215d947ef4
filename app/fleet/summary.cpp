#include "summary.h"

#include "staleness.h"

namespace dbs {
namespace {
constexpr qint64 minute = 60 * 1000;
constexpr qint64 upperBounds[ageBucketCount - 1] = {minute, 5 * minute, 60 * minute,
                                                    24 * 60 * minute};
} // namespace

AgeBucket ageBucket(qint64 ageMs)
{
    for (int i = 0; i < ageBucketCount - 1; ++i) {
        if (ageMs < upperBounds[i])
            return AgeBucket(i);
    }
    return AgeBucket::Older;
}

std::pair<qint64, qint64> ageBucketRange(AgeBucket bucket)
{
    const int i = int(bucket);
    const qint64 lower = i == 0 ? std::numeric_limits<qint64>::min() : upperBounds[i - 1];
    const qint64 upper = i == ageBucketCount - 1 ? -1 : upperBounds[i];
    return {lower, upper};
}

void addToSummary(FleetSummary *summary, const BackupGateway &gateway, qint64 nowMs,
                  qint64 staleThresholdMs)
{
    addToSummary(summary, gateway.status, gateway.lastHeartbeatTime, nowMs, staleThresholdMs);
}

void addToSummary(FleetSummary *summary, const QString &status, qint64 lastHeartbeatTime,
                  qint64 nowMs, qint64 staleThresholdMs)
{
    ++summary->total;
    ++summary->byStatus[status.toUpper()];
    summary->stale += isStale(status, lastHeartbeatTime, nowMs, staleThresholdMs);
    if (lastHeartbeatTime <= 0)
        ++summary->withoutHeartbeat;
    else
        ++summary->ages[size_t(ageBucket(nowMs - lastHeartbeatTime))];
}

FleetSummary summarize(const QVector<BackupGateway> &gateways, qint64 nowMs,
                       qint64 staleThresholdMs)
{
    FleetSummary summary;
    for (const BackupGateway &gateway : gateways)
        addToSummary(&summary, gateway, nowMs, staleThresholdMs);
    return summary;
}

} // namespace dbs
