#include "httpdate.h"

#include <QLocale>
#include <QTimeZone>

namespace dbs {

namespace {
const QString format = QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'");
}

QByteArray formatHttpDate(qint64 epochMs)
{
    return QLocale::c().toString(QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC), format).toLatin1();
}

QDateTime parseHttpDate(const QByteArray &text)
{
    // Qt::RFC2822Date does not take the "GMT" zone name that HTTP uses.
    QDateTime time = QLocale::c().toDateTime(QString::fromLatin1(text.trimmed()), format);
    if (time.isValid())
        time.setTimeZone(QTimeZone::utc());
    return time;
}

} // namespace dbs
