#include "requestlogline.h"

namespace dbs {

QByteArray requestLogLine(const RequestLog &entry)
{
    QString line = QStringLiteral("%1 %2 -> %3 in %4 ms (attempt %5)")
                       .arg(QString::fromLatin1(entry.method), entry.url)
                       .arg(entry.httpStatus)
                       .arg(entry.elapsedMs)
                       .arg(entry.attempt);
    if (!entry.outcome.isEmpty()) {
        QString outcome = entry.outcome;
        outcome.replace(u'\r', QLatin1String("\\r"));
        outcome.replace(u'\n', QLatin1String("\\n"));
        line += QStringLiteral(": ") + outcome;
    }
    return (line + u'\n').toUtf8();
}

} // namespace dbs
