#pragma once

#include <QByteArray>
#include <QDateTime>

namespace dbs {

// RFC 7231 IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), the form of an HTTP Date header.
QByteArray formatHttpDate(qint64 epochMs);
// Invalid QDateTime when the text is not such a date.
QDateTime parseHttpDate(const QByteArray &text);

} // namespace dbs
