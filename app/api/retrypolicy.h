#pragma once

#include <QtGlobal>

namespace dbs {

// Exponential backoff with jitter, bounded in attempts and in total time.
struct RetryPolicy
{
    int maxAttempts = 4;    // first try included
    int baseDelayMs = 200;  // delay before the 2nd attempt, doubled after each failure
    int maxDelayMs = 5000;  // cap on one delay
    int maxTotalMs = 60000; // no new attempt once this much time has gone by

    // Delay before attempt number `attempt` (2 = first retry). `unitRandom` in [0, 1) picks a
    // point in the upper half of the window ("equal jitter"), so delays grow but never sync.
    int delayBeforeAttempt(int attempt, double unitRandom) const;
    // Whether another attempt may start after `elapsedMs` with `attemptsMade` done.
    bool mayRetry(int attemptsMade, qint64 elapsedMs, int nextDelayMs) const;
};

} // namespace dbs
