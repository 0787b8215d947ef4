#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace dbs {

// Epoch milliseconds (the API's times) as a date and time in UTC or in local time. Qt 6.8
// deprecates the Qt::TimeSpec forms in favour of QTimeZone's lightweight UTC and LocalTime
// (Qt 6.5), which Qt 6.4 does not have yet.
inline QDateTime utcFromEpochMs(qint64 epochMs)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromMSecsSinceEpoch(epochMs, QTimeZone::UTC);
#else
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC);
#endif
}

inline QDateTime localFromEpochMs(qint64 epochMs)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromMSecsSinceEpoch(epochMs, QTimeZone::LocalTime);
#else
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::LocalTime);
#endif
}

} // namespace dbs
