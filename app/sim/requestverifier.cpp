#include "requestverifier.h"

#include "sts.h"

#include <QDateTime>
#include <QMutexLocker>

#include <algorithm>

namespace dbs {

namespace {
const QByteArray v1CommonParameters[] = {
    "Action",          "Version",          "Format",         "AccessKeyId",     "Signature",
    "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp",       "SecurityToken",
    "SignatureType",   "RegionId",         "OwnerId",        "ResourceOwnerId",
};

Verdict reject(int status, const QString &code, const QString &message)
{
    Verdict verdict;
    verdict.httpStatus = status;
    verdict.code = code;
    verdict.message = message;
    return verdict;
}

Verdict missing(const char *name)
{
    return reject(400, QStringLiteral("Missing%1").arg(QLatin1String(name)),
                  QStringLiteral("%1 is mandatory for this action.").arg(QLatin1String(name)));
}

QByteArray valueOf(const signing::QueryItems &items, const QByteArray &name, bool *found = nullptr)
{
    for (const auto &item : items) {
        if (item.first == name) {
            if (found)
                *found = true;
            return item.second;
        }
    }
    if (found)
        *found = false;
    return {};
}

bool isCommonV1(const QByteArray &name)
{
    for (const QByteArray &common : v1CommonParameters) {
        if (common == name)
            return true;
    }
    return false;
}

// Constant-time comparison so a verifier never hints how much of a signature matched.
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

Verdict checkTimestamp(const QByteArray &text, qint64 nowMs)
{
    const QDateTime time = QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate);
    if (!time.isValid() || !text.endsWith('Z'))
        return reject(400, QStringLiteral("InvalidTimeStamp.Format"),
                      QStringLiteral("Specified time stamp or date value is not well formatted."));
    if (qAbs(time.toMSecsSinceEpoch() - nowMs) > maxClockSkewMs)
        return reject(400, QStringLiteral("InvalidTimeStamp.Expired"),
                      QStringLiteral("Specified time stamp or date value is expired."));
    return {};
}

// The version the action belongs to: STS's actions share the listener with DBS's.
QByteArray versionFor(const QByteArray &action)
{
    return sts::isStsAction(action) ? sts::version : expectedVersion;
}

// The codes and messages are the gateway's (see doc/sign-in-research.md, section 8).
Verdict checkKey(const KeyStore &keys, const QByteArray &keyId, const QByteArray &token,
                 qint64 nowMs, AccessKey *key)
{
    const std::optional<AccessKey> found = keys.find(keyId);
    if (!found)
        return reject(404, QStringLiteral("InvalidAccessKeyId.NotFound"),
                      QStringLiteral("Specified access key is not found."));
    if (!found->securityToken.isEmpty() && token.isEmpty())
        return reject(400, QStringLiteral("MissingSecurityToken"),
                      QStringLiteral("SecurityToken is mandatory for this action."));
    if (!sameBytes(found->securityToken, token))
        return reject(400, QStringLiteral("InvalidSecurityToken.MismatchWithAccessKey"),
                      QStringLiteral("Specified SecurityToken mismatch with the AccessKey."));
    if (found->expiresAtMs > 0 && nowMs >= found->expiresAtMs)
        return reject(403, QStringLiteral("InvalidSecurityToken.Expired"),
                      QStringLiteral("Specified SecurityToken is expired."));
    *key = *found;
    return {};
}

Verdict signatureMismatch(const QByteArray &stringToSign)
{
    return reject(400, QStringLiteral("SignatureDoesNotMatch"),
                  QStringLiteral("Specified signature is not matched with our calculation. "
                                 "server string to sign is:%1")
                      .arg(QString::fromUtf8(stringToSign)));
}

Verdict verifyV1(const IncomingRequest &request, const KeyStore &keys, qint64 nowMs,
                 NonceCache *nonces)
{
    const signing::QueryItems all = request.query + request.form;
    Verdict verdict;
    verdict.action = valueOf(all, "Action");
    if (verdict.action.isEmpty())
        return missing("Action");
    bool found = false;
    const QByteArray version = valueOf(all, "Version", &found);
    if (!found)
        return missing("Version");
    if (version != versionFor(verdict.action))
        return reject(400, QStringLiteral("InvalidVersion"),
                      QStringLiteral("Specified parameter Version is not valid."));
    const QByteArray keyId = valueOf(all, "AccessKeyId");
    if (keyId.isEmpty())
        return missing("AccessKeyId");
    const QByteArray signature = valueOf(all, "Signature");
    if (signature.isEmpty())
        return missing("Signature");
    const QByteArray timestamp = valueOf(all, "Timestamp");
    if (timestamp.isEmpty())
        return missing("Timestamp");
    const QByteArray nonce = valueOf(all, "SignatureNonce");
    if (nonce.isEmpty())
        return missing("SignatureNonce");
    if (valueOf(all, "SignatureMethod") != "HMAC-SHA1")
        return reject(400, QStringLiteral("InvalidSignatureMethod"),
                      QStringLiteral("Specified signature method is not supported."));
    if (valueOf(all, "SignatureVersion") != "1.0")
        return reject(400, QStringLiteral("InvalidSignatureVersion"),
                      QStringLiteral("Specified signature version is not supported."));

    AccessKey key;
    if (Verdict v = checkKey(keys, keyId, valueOf(all, "SecurityToken"), nowMs, &key);
        !v.accepted())
        return v;
    if (Verdict v = checkTimestamp(timestamp, nowMs); !v.accepted())
        return v;
    const QByteArray stringToSign = signing::v1StringToSign(request.method, all);
    if (!sameBytes(signing::v1Signature(key.secret, stringToSign), signature))
        return signatureMismatch(stringToSign);
    if (!nonces->remember(nonce, nowMs))
        return reject(400, QStringLiteral("SignatureNonceUsed"),
                      QStringLiteral("Specified signature nonce was used already."));

    verdict.accessKeyId = keyId;
    for (const auto &item : all) {
        if (!isCommonV1(item.first))
            verdict.parameters.append(item);
    }
    return verdict;
}

Verdict verifyV3(const IncomingRequest &request, const KeyStore &keys, qint64 nowMs,
                 NonceCache *nonces)
{
    const signing::V3Authorization auth =
        signing::parseV3Authorization(request.headers.value("authorization"));
    if (!auth.valid)
        return reject(400, QStringLiteral("InvalidAuthorization"),
                      QStringLiteral("The Authorization header is malformed."));
    Verdict verdict;
    verdict.action = request.headers.value("x-acs-action");
    if (verdict.action.isEmpty())
        return missing("x-acs-action");
    const QByteArray version = request.headers.value("x-acs-version");
    if (version.isEmpty())
        return missing("x-acs-version");
    if (version != versionFor(verdict.action))
        return reject(400, QStringLiteral("InvalidVersion"),
                      QStringLiteral("Specified parameter Version is not valid."));
    const QByteArray date = request.headers.value("x-acs-date");
    if (date.isEmpty())
        return missing("x-acs-date");
    const QByteArray nonce = request.headers.value("x-acs-signature-nonce");
    if (nonce.isEmpty())
        return missing("x-acs-signature-nonce");

    // What is not signed can be changed by anyone on the way: a captured request replayed with
    // a fresh, unsigned nonce or date must not pass. The official SDKs sign host and every
    // x-acs-* header they send, so that is what is required.
    QList<QByteArray> signedNames;
    for (const QByteArray &name : auth.signedHeaders)
        signedNames.append(name.trimmed().toLower());
    QList<QByteArray> unsignedHeaders;
    for (auto it = request.headers.cbegin(); it != request.headers.cend(); ++it) {
        const QByteArray &name = it.key();
        if ((name == "host" || name.startsWith("x-acs-")) && !signedNames.contains(name))
            unsignedHeaders.append(name);
    }
    if (!signedNames.contains("host") && !unsignedHeaders.contains("host"))
        unsignedHeaders.prepend("host");
    if (!unsignedHeaders.isEmpty())
        return reject(400, QStringLiteral("IncompleteSignature"),
                      QStringLiteral("The request signature does not cover %1: host and every "
                                     "x-acs-* header must be in SignedHeaders.")
                          .arg(QString::fromLatin1(unsignedHeaders.join(", "))));

    AccessKey key;
    if (Verdict v = checkKey(keys, auth.accessKeyId, request.headers.value("x-acs-security-token"),
                             nowMs, &key);
        !v.accepted())
        return v;
    if (Verdict v = checkTimestamp(date, nowMs); !v.accepted())
        return v;
    const QByteArray canonical =
        signing::v3CanonicalRequest(request.method, request.path, request.query, request.headers,
                                    auth.signedHeaders, signing::hexSha256(request.body));
    const QByteArray stringToSign = signing::v3StringToSign(canonical);
    if (!sameBytes(signing::v3Signature(key.secret, stringToSign), auth.signature))
        return signatureMismatch(stringToSign);
    if (!nonces->remember(nonce, nowMs))
        return reject(400, QStringLiteral("SignatureNonceUsed"),
                      QStringLiteral("Specified signature nonce was used already."));

    verdict.accessKeyId = auth.accessKeyId;
    verdict.parameters = request.query + request.form;
    return verdict;
}

// An action whose caller proves itself otherwise (AssumeRoleWithOIDC: by its OIDC token). The
// official libraries send Version, Action, Format and Timestamp, no nonce: the version is
// checked, and the timestamp when there is one.
Verdict verifyAnonymous(const IncomingRequest &request, const QByteArray &action, qint64 nowMs)
{
    const signing::QueryItems all = request.query + request.form;
    bool found = false;
    QByteArray version = valueOf(all, "Version", &found);
    if (!found)
        version = request.headers.value("x-acs-version");
    if (version.isEmpty())
        return missing("Version");
    if (version != versionFor(action))
        return reject(400, QStringLiteral("InvalidVersion"),
                      QStringLiteral("Specified parameter Version is not valid."));
    QByteArray timestamp = valueOf(all, "Timestamp", &found);
    if (!found)
        timestamp = request.headers.value("x-acs-date");
    if (found || !timestamp.isEmpty()) {
        if (Verdict v = checkTimestamp(timestamp, nowMs); !v.accepted())
            return v;
    }
    Verdict verdict;
    verdict.action = action;
    for (const auto &item : all) {
        if (!isCommonV1(item.first))
            verdict.parameters.append(item);
    }
    return verdict;
}
} // namespace

NonceCache::NonceCache(qint64 windowMs)
    : m_windowMs(std::max<qint64>(1, windowMs)),
      m_bucketMs(std::clamp<qint64>(m_windowMs / 15, 1, 60 * 1000))
{}

bool NonceCache::remember(const QByteArray &nonce, qint64 nowMs)
{
    QMap<qint64, QHash<QByteArray, qint64>> expired; // freed after the lock is released
    QMutexLocker locker(&m_mutex);
    // A bucket whose newest possible entry is older than the window holds nothing of use.
    const qint64 oldestUseful = nowMs - m_windowMs;
    while (!m_buckets.isEmpty() && (m_buckets.firstKey() + 1) * m_bucketMs - 1 < oldestUseful) {
        const qint64 key = m_buckets.firstKey();
        expired.insert(key, m_buckets.take(key));
    }
    for (const QHash<QByteArray, qint64> &bucket : std::as_const(m_buckets)) {
        const auto it = bucket.constFind(nonce);
        if (it != bucket.cend() && nowMs - it.value() <= m_windowMs)
            return false;
    }
    const qint64 index = nowMs >= 0 ? nowMs / m_bucketMs : (nowMs - m_bucketMs + 1) / m_bucketMs;
    m_buckets[index].insert(nonce, nowMs);
    locker.unlock();
    return true;
}

qsizetype NonceCache::size() const
{
    QMutexLocker locker(&m_mutex);
    qsizetype count = 0;
    for (const QHash<QByteArray, qint64> &bucket : m_buckets)
        count += bucket.size();
    return count;
}

qsizetype NonceCache::bucketCount() const
{
    QMutexLocker locker(&m_mutex);
    return m_buckets.size();
}

QByteArray requestedAction(const IncomingRequest &request)
{
    if (request.headers.contains("authorization"))
        return request.headers.value("x-acs-action");
    if (QByteArray action = valueOf(request.query + request.form, "Action"); !action.isEmpty())
        return action;
    return request.headers.value("x-acs-action");
}

Verdict verifyRequest(const IncomingRequest &request, const KeyStore &keys, qint64 nowMs,
                      NonceCache *nonces)
{
    if (const QByteArray action = requestedAction(request); sts::isAnonymousAction(action))
        return verifyAnonymous(request, action, nowMs);
    if (request.headers.contains("authorization"))
        return verifyV3(request, keys, nowMs, nonces);
    return verifyV1(request, keys, nowMs, nonces);
}

signing::QueryItems parseQueryString(const QByteArray &text)
{
    signing::QueryItems items;
    for (const QByteArray &pair : text.split('&')) {
        if (pair.isEmpty())
            continue;
        const int eq = pair.indexOf('=');
        QByteArray name = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        items.append(
            {QByteArray::fromPercentEncoding(name), QByteArray::fromPercentEncoding(value)});
    }
    return items;
}

} // namespace dbs
