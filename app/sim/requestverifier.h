#pragma once

#include "keystore.h"

#include <api/signing.h>

#include <QHash>
#include <QMap>
#include <QMutex>
#include <QString>

namespace dbs {

// A request as the HTTP server hands it over, decoded but not yet judged.
struct IncomingRequest
{
    QByteArray method;
    QByteArray path;
    signing::QueryItems query;  // from the request target
    signing::QueryItems form;   // from a form-encoded body (V1 POST)
    signing::HeaderMap headers; // lower-case names
    QByteArray body;
};

// What the service decides about a request before it runs the action.
struct Verdict
{
    int httpStatus = 200;
    QString code; // empty when accepted
    QString message;
    QByteArray accessKeyId;
    QByteArray action;
    signing::QueryItems parameters; // the action's own parameters (no common ones)

    bool accepted() const { return code.isEmpty(); }
};

// Nonces seen in the last window; safe to use from the server's worker threads. Kept in time
// buckets (a minute wide at most) so that forgetting is dropping whole old buckets: memory is
// bounded by what arrives within one window, and no purge walks every entry under the lock.
class NonceCache
{
public:
    explicit NonceCache(qint64 windowMs = 15 * 60 * 1000);
    // False when the nonce was already used within the window.
    bool remember(const QByteArray &nonce, qint64 nowMs);
    // Nonces held right now (old buckets are dropped by remember()).
    qsizetype size() const;
    qsizetype bucketCount() const;

private:
    mutable QMutex m_mutex;
    QMap<qint64, QHash<QByteArray, qint64>> m_buckets; // bucket index -> nonce -> time seen
    qint64 m_windowMs;
    qint64 m_bucketMs;
};

inline constexpr qint64 maxClockSkewMs = 15 * 60 * 1000;
inline constexpr char expectedVersion[] = "2019-03-06"; // DBS's; STS actions want sts::version

// The action a request asks for: x-acs-action for V3 (an Authorization header), else the
// Action parameter (query or form), else x-acs-action (an unsigned call sent the V3 way).
QByteArray requestedAction(const IncomingRequest &request);

// Checks the action, version, key, token (and its expiry), timestamp, signature (V1 or V3) and
// nonce, in the order the service does; an anonymous STS action (AssumeRoleWithOIDC) only for
// its version and, when given, its timestamp. `nowMs` is the server's clock.
Verdict verifyRequest(const IncomingRequest &request, const KeyStore &keys, qint64 nowMs,
                      NonceCache *nonces);

// Splits "a=1&b=%20x" into decoded items ('+' is a space, as in form encoding).
signing::QueryItems parseQueryString(const QByteArray &text);

} // namespace dbs
