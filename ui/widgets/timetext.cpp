#include "timetext.h"

#include <models/heartbeatage.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

namespace dbs::timetext {

namespace {
// Text::tr() translates in this context; lupdate reads it from the macro.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(dbs::timetext)
};
} // namespace

QString ageAt(qint64 epochMs, qint64 nowMs)
{
    if (epochMs <= 0)
        return Text::tr("never");
    return formatAge(nowMs - epochMs);
}

QString local(qint64 epochMs)
{
    if (epochMs <= 0)
        return Text::tr("never");
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(epochMs).toLocalTime();
    // ISO-like date and time read the same in every locale; the offset says which zone
    // (abbreviations such as CST are ambiguous).
    const int offset = time.offsetFromUtc();
    const QString zone = QStringLiteral("UTC%1%2:%3")
                             .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                             .arg(qAbs(offset) / 3600, 2, 10, QLatin1Char('0'))
                             .arg(qAbs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
    return Text::tr("%1 (%2)").arg(time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), zone);
}

QString utcIso(qint64 epochMs)
{
    if (epochMs <= 0)
        return QString();
    // Spelled out: Qt::ISODateWithMs writes "+00:00" for a zone-carrying UTC time, and "Z" is
    // what spreadsheets and the API's documentation use.
    return QDateTime::fromMSecsSinceEpoch(epochMs, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

} // namespace dbs::timetext
