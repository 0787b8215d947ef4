#pragma once

#include <api/dbsclient.h>
#include <auth/signinspec.h>
#include <signin/signin.h>

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

// A command's client: signs in as `spec` (renewing temporary keys, reportRenewals() on `err`),
// with `options` but its own User-Agent, and with `verbose` logs every request on `err`
// (requestLogLine). `err` outlives the client.
void setUpCommandClient(DbsClient *client, const SignInSpec &spec, const ClientOptions &options,
                        const SignInOptions &signIn, QIODevice *err, bool verbose);

} // namespace dbs
