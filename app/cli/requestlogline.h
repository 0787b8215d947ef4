#pragma once

#include <api/dbsclient.h>

#include <QByteArray>

namespace dbs {

// One --verbose line on standard error for a request ("POST <redacted url> -> 200 in 12 ms
// (attempt 1)[: outcome]"), with a newline; the URL is already redacted by the client.
QByteArray requestLogLine(const RequestLog &entry);

} // namespace dbs
