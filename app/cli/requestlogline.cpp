#include "requestlogline.h"

namespace dbs {

QString oneLine(QString text)
{
    text.replace(u'\r', QLatin1String("\\r"));
    text.replace(u'\n', QLatin1String("\\n"));
    return text;
}

QByteArray requestLogLine(const RequestLog &entry)
{
    QString line = QStringLiteral("%1 %2 -> %3 in %4 ms (attempt %5)")
                       .arg(QString::fromLatin1(entry.method), entry.url)
                       .arg(entry.httpStatus)
                       .arg(entry.elapsedMs)
                       .arg(entry.attempt);
    if (!entry.outcome.isEmpty())
        line += QStringLiteral(": ") + oneLine(entry.outcome);
    return (line + u'\n').toUtf8();
}

} // namespace dbs
