#include "retrypolicy.h"

#include <algorithm>

namespace dbs {

int RetryPolicy::delayBeforeAttempt(int attempt, double unitRandom) const
{
    const int exponent = std::clamp(attempt - 2, 0, 20);
    const qint64 window = std::min<qint64>(qint64(baseDelayMs) << exponent, maxDelayMs);
    const double jitter = std::clamp(unitRandom, 0.0, 1.0);
    return int(window / 2 + qint64(jitter * double(window / 2)));
}

bool RetryPolicy::mayRetry(int attemptsMade, qint64 elapsedMs, int nextDelayMs) const
{
    return attemptsMade < maxAttempts && elapsedMs + nextDelayMs <= maxTotalMs;
}

} // namespace dbs
