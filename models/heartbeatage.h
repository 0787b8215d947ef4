#pragma once

#include <QString>
#include <QtGlobal>

namespace dbs {

struct BackupGateway;

// How long ago a heartbeat was, for a table cell: "just now" under 5 s, then whole seconds,
// minutes, hours and days, always rounded down ("59 s ago", "1 min ago"). Negative ages (a
// clock running behind the service's) read "just now". Translated, with plural forms.
QString formatAge(qint64 ageMs);

// ONLINE, with a known heartbeat older than `thresholdMs` at `nowMs`. A missing heartbeat (0)
// is not stale: we only flag what the service told us; a threshold <= 0 turns the check off.
bool isStale(const BackupGateway &gateway, qint64 nowMs, qint64 thresholdMs);

// The default threshold: the service expects a heartbeat every minute or so; five missed ones
// mean the agent is gone even though the status still says ONLINE.
inline constexpr qint64 defaultStaleThresholdMs = 5 * 60 * 1000;

} // namespace dbs
