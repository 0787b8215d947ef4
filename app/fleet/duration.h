#pragma once

#include <QString>

#include <optional>

namespace dbs {

// The longest duration parseDuration() takes: 366 days.
inline constexpr qint64 maxDurationMs = qint64(366) * 24 * 60 * 60 * 1000;

// "90", "90s", "5m", "1h", "1d", "1500ms" (a number alone is seconds), and their compounds from
// the largest unit down ("1h30m", "2m30s", "1d12h") as milliseconds; nothing for anything else,
// zero, negative or beyond maxDurationMs. What --interval and --stale-after take.
std::optional<qint64> parseDuration(const QString &text);

} // namespace dbs
