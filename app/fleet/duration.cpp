#include "duration.h"

#include <export/timewords.h>

#include <QRegularExpression>

namespace dbs {

using timewords::day;
using timewords::hour;
using timewords::minute;
using timewords::second;

std::optional<qint64> parseDuration(const QString &text)
{
    const QString trimmed = text.trimmed().toLower();
    // A number alone is seconds.
    static const QRegularExpression bare(QStringLiteral("^(\\d{1,12})$"));
    if (const QRegularExpressionMatch match = bare.match(trimmed); match.hasMatch())
        return parseDuration(match.captured(1) + u's');
    // Otherwise parts from the largest unit down, each at most once: 1d12h, 1h30m, 2m30s.
    static const QRegularExpression parts(QStringLiteral(
        "^(?:(\\d{1,12})\\s*d)?\\s*(?:(\\d{1,12})\\s*h)?\\s*(?:(\\d{1,12})\\s*m(?!s))?"
        "\\s*(?:(\\d{1,12})\\s*s)?\\s*(?:(\\d{1,12})\\s*ms)?$"));
    const QRegularExpressionMatch match = parts.match(trimmed);
    if (trimmed.isEmpty() || !match.hasMatch())
        return std::nullopt;
    constexpr qint64 units[] = {day, hour, minute, second, 1};
    qint64 total = 0;
    for (int part = 0; part < 5; ++part) {
        if (match.capturedLength(part + 1) == 0)
            continue;
        const qint64 count = match.captured(part + 1).toLongLong();
        if (count > maxDurationMs / units[part])
            return std::nullopt;
        total += count * units[part];
    }
    if (total <= 0 || total > maxDurationMs)
        return std::nullopt;
    return total;
}

} // namespace dbs
