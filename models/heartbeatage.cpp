#include "heartbeatage.h"

#include <api/backupgateway.h>

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace dbs {

namespace {
constexpr qint64 second = 1000;
constexpr qint64 minute = 60 * second;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;
} // namespace

QString formatAge(qint64 ageMs)
{
    // The context is spelt out in each call: lupdate reads only literals.
    if (ageMs < 5 * second)
        return QCoreApplication::translate("dbs::HeartbeatAge", "just now");
    // Units are abbreviations that do not inflect in English; %n still lets other languages
    // pick their plural form.
    if (ageMs < minute)
        return QCoreApplication::translate("dbs::HeartbeatAge", "%n s ago", nullptr,
                                           int(ageMs / second));
    if (ageMs < hour)
        return QCoreApplication::translate("dbs::HeartbeatAge", "%n min ago", nullptr,
                                           int(ageMs / minute));
    if (ageMs < day)
        return QCoreApplication::translate("dbs::HeartbeatAge", "%n h ago", nullptr,
                                           int(ageMs / hour));
    // Two source strings so that English reads right without an English .qm; each is still a
    // %n string that translations give their own plural forms.
    const int days = int(std::min<qint64>(ageMs / day, std::numeric_limits<int>::max()));
    return days == 1
               ? QCoreApplication::translate("dbs::HeartbeatAge", "%n day ago", nullptr, days)
               : QCoreApplication::translate("dbs::HeartbeatAge", "%n days ago", nullptr, days);
}

} // namespace dbs
