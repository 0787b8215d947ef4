#pragma once

#include <api/backupgateway.h>

#include <QMap>
#include <QString>
#include <QVector>

#include <array>

namespace dbs {

// Heartbeat ages as the summary's chart groups them.
enum class AgeBucket {
    UnderMinute, // < 1 min
    UnderFive,   // 1 to 5 min
    UnderHour,   // 5 min to 1 h
    UnderDay,    // 1 h to 1 day
    Older,       // a day or more
};
inline constexpr int ageBucketCount = 5;

// The bucket of a heartbeat `ageMs` old (a negative age, a clock behind the service's, is new).
AgeBucket ageBucket(qint64 ageMs);
// The bounds of a bucket in ms: [lower, upper), upper -1 for "no upper bound".
std::pair<qint64, qint64> ageBucketRange(AgeBucket bucket);

// The fleet at a glance: how many gateways there are per status, how many are stale, and how
// old their heartbeats are.
struct FleetSummary
{
    int total = 0;
    QMap<QString, int> byStatus; // upper-cased status -> count
    int stale = 0;
    int withoutHeartbeat = 0;
    std::array<int, ageBucketCount> ages = {}; // gateways with a heartbeat, by AgeBucket

    bool operator==(const FleetSummary &other) const = default;
};

FleetSummary summarize(const QVector<BackupGateway> &gateways, qint64 nowMs,
                       qint64 staleThresholdMs);
// Counts one more gateway (only its status and heartbeat are read): for callers that hold
// their rows in another shape.
void addToSummary(FleetSummary *summary, const BackupGateway &gateway, qint64 nowMs,
                  qint64 staleThresholdMs);
// The same, from a gateway's status and last heartbeat alone.
void addToSummary(FleetSummary *summary, const QString &status, qint64 lastHeartbeatTime,
                  qint64 nowMs, qint64 staleThresholdMs);

} // namespace dbs
