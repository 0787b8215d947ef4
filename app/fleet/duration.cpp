#include "duration.h"

#include <QRegularExpression>

namespace dbs {

std::optional<qint64> parseDuration(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*(\\d{1,12})\\s*(ms|s|m|h|d)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 count = match.captured(1).toLongLong();
    const QString unit = match.captured(2).toLower();
    qint64 unitMs = 1000;
    if (unit == QLatin1String("ms"))
        unitMs = 1;
    else if (unit == QLatin1String("m"))
        unitMs = 60 * 1000;
    else if (unit == QLatin1String("h"))
        unitMs = 60 * 60 * 1000;
    else if (unit == QLatin1String("d"))
        unitMs = 24 * 60 * 60 * 1000;
    constexpr qint64 year = qint64(366) * 24 * 60 * 60 * 1000;
    if (count <= 0 || count > year / unitMs)
        return std::nullopt;
    return count * unitMs;
}

} // namespace dbs
