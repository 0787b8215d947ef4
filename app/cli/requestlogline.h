#pragma once

#include <api/dbsclient.h>

#include <QByteArray>

class QIODevice;

namespace dbs {

// One --verbose line on standard error for a request ("POST <redacted url> -> 200 in 12 ms
// (attempt 1)[: outcome]"), with a newline; the URL is already redacted by the client.
QByteArray requestLogLine(const RequestLog &entry);

// Says on `err` what the provider's renewals bring: each failure while the old keys still
// serve, as one line naming the source (a failure without them fails the request, which the
// command reports), and with `verbose` each new
// credential's source and end. Never a secret.
void reportRenewals(CredentialProvider *provider, QIODevice *err, bool verbose);

} // namespace dbs
