#include "timewords.h"

#include <api/epochtime.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace dbs::timewords {

namespace {
// Text::tr() translates in this context; lupdate reads it from the macro.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(dbs::timewords)
};
} // namespace

QString age(qint64 ageMs)
{
    if (ageMs < 5 * second)
        return Text::tr("just now");
    // Units are abbreviations that do not inflect in English; %n still lets other languages
    // pick their plural form.
    if (ageMs < minute)
        return Text::tr("%n s ago", nullptr, int(ageMs / second));
    if (ageMs < hour)
        return Text::tr("%n min ago", nullptr, int(ageMs / minute));
    if (ageMs < day)
        return Text::tr("%n h ago", nullptr, int(ageMs / hour));
    // Two source strings so that English reads right without an English .qm; each is still a
    // %n string that translations give their own plural forms.
    const int days = int(std::min<qint64>(ageMs / day, std::numeric_limits<int>::max()));
    return days == 1 ? Text::tr("%n day ago", nullptr, days)
                     : Text::tr("%n days ago", nullptr, days);
}

QString ageAt(qint64 epochMs, qint64 nowMs)
{
    if (epochMs <= 0)
        return Text::tr("never");
    return age(nowMs - epochMs);
}

QString local(qint64 epochMs)
{
    // ISO-like date and time read the same in every locale.
    return localFromEpochMs(epochMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString localWithZone(qint64 epochMs)
{
    if (epochMs <= 0)
        return Text::tr("never");
    const int offset = localFromEpochMs(epochMs).offsetFromUtc();
    const QString zone = QStringLiteral("UTC%1%2:%3")
                             .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                             .arg(qAbs(offset) / 3600, 2, 10, QLatin1Char('0'))
                             .arg(qAbs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
    return Text::tr("%1 (%2)").arg(local(epochMs), zone);
}

QString utcIso(qint64 epochMs)
{
    if (epochMs <= 0)
        return {};
    return utcFromEpochMs(epochMs).toString(Qt::ISODate);
}

QString utcIsoMs(qint64 epochMs)
{
    if (epochMs <= 0)
        return {};
    // A time in UTC (not a zone that happens to be UTC) is written with "Z", which spreadsheets
    // and the API's documentation use.
    return utcFromEpochMs(epochMs).toString(Qt::ISODateWithMs);
}

QString localeShort(qint64 epochMs)
{
    return QLocale().toString(localFromEpochMs(epochMs), QLocale::ShortFormat);
}

QString localeLong(qint64 epochMs)
{
    return QLocale().toString(localFromEpochMs(epochMs), QLocale::LongFormat);
}

QString localeRecent(qint64 epochMs, qint64 nowMs)
{
    const QDateTime time = localFromEpochMs(epochMs);
    return time.date() == localFromEpochMs(nowMs).date()
               ? QLocale().toString(time.time(), QLocale::ShortFormat)
               : localeShort(epochMs);
}

QString fileStamp(qint64 epochMs)
{
    return localFromEpochMs(epochMs).toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

} // namespace dbs::timewords
