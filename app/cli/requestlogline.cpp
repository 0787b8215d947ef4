#include "requestlogline.h"

#include <export/textformat.h>

namespace dbs {

QByteArray requestLogLine(const RequestLog &entry)
{
    // One arg() for all: a URL holds %-escapes (%2C, %3A) that a second arg() would take for
    // its own place markers.
    QString line = QStringLiteral("%1 %2 -> %3 in %4 ms (attempt %5)")
                       .arg(QString::fromLatin1(entry.method), visibleText(entry.url),
                            QString::number(entry.httpStatus), QString::number(entry.elapsedMs),
                            QString::number(entry.attempt));
    if (!entry.outcome.isEmpty())
        line += QStringLiteral(": ") + visibleText(entry.outcome);
    return (line + u'\n').toUtf8();
}

} // namespace dbs
