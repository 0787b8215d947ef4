#pragma once

#include <QString>

#include <optional>

namespace dbs {

// "90", "90s", "5m", "1h", "1d", "1500ms" (a number alone is seconds) as milliseconds; nothing
// for anything else, zero, negative or beyond a year. What --interval and --stale-after take.
std::optional<qint64> parseDuration(const QString &text);

} // namespace dbs
