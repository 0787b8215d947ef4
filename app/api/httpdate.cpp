#include "httpdate.h"

#include "epochtime.h"

#include <QLocale>
#include <QStringList>
#include <QTimeZone>

namespace dbs {

namespace {
const QString format = QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'");
}

QByteArray formatHttpDate(qint64 epochMs)
{
    return QLocale::c().toString(utcFromEpochMs(epochMs), format).toLatin1();
}

QDateTime parseHttpDate(const QByteArray &text)
{
    // Qt::RFC2822Date does not take the "GMT" zone name that HTTP uses. Date and time are read
    // apart and joined in UTC: read as one local date-time, an hour that does not exist locally
    // (a DST gap) would be invalid, and the value would shift with the machine's zone.
    const QStringList parts = QString::fromLatin1(text.trimmed()).split(u' ', Qt::SkipEmptyParts);
    if (parts.size() != 6 || parts.at(5) != u"GMT")
        return {};
    const QLocale c = QLocale::c();
    const QDate date = c.toDate(parts.mid(0, 4).join(u' '), QStringLiteral("ddd, dd MMM yyyy"));
    const QTime time = c.toTime(parts.at(4), QStringLiteral("HH:mm:ss"));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, QTimeZone::utc());
}

} // namespace dbs
