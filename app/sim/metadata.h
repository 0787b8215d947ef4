#pragma once

#include "keystore.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>

#include <functional>
#include <map>
#include <optional>

// The simulator's ECS instance metadata (IMDSv2): session tokens, which expire, and the role's
// key, which is rotated before it does.
namespace dbs::metadata {

inline constexpr char tokenPath[] = "/latest/api/token";
inline constexpr char credentialsPath[] = "/latest/meta-data/ram/security-credentials/";
inline constexpr char tokenHeader[] = "X-aliyun-ecs-metadata-token";
inline constexpr char tokenTtlHeader[] = "X-aliyun-ecs-metadata-token-ttl-seconds";
inline constexpr int maxTokenTtlSeconds = 21600;

// The seconds a token PUT asks for (1..21600, digits only); 0 when the text is none of them.
int parseTokenTtl(const QByteArray &text);

// Tokens handed out by PUT /latest/api/token, each valid for its own TTL. Thread-safe.
class TokenStore
{
public:
    // However fast tokens are asked for, no more than this are held: past it, the one
    // expiring first goes.
    static constexpr qsizetype maxTokens = 10000;

    QByteArray issue(int ttlSeconds, qint64 nowMs);
    bool isValid(const QByteArray &token, qint64 nowMs) const;
    qsizetype size() const;

private:
    void forget(QByteArray token); // a copy: it may point into what it erases; under the lock

    mutable QMutex m_mutex;
    QHash<QByteArray, qint64> m_expiry;           // token -> when it stops working
    std::multimap<qint64, QByteArray> m_byExpiry; // the same, oldest first
};

// The key instance metadata hands out for the instance's role. The real service answers every
// GET with the same key until shortly before it expires; so does this one, while more than
// half of the key's lifetime remains, after which it issues the next one. Thread-safe.
class RoleKey
{
public:
    struct Answer
    {
        AccessKey key;
        qint64 issuedAtMs = 0; // when the key was issued: the answer's LastUpdated
        bool fresh = false;    // issued by this call
    };

    // The key held, or a new one from issue(nowMs) when none is held or no more than half of
    // its lifetime (issuedAtMs to expiresAtMs) is left at `nowMs`.
    Answer current(qint64 nowMs, const std::function<AccessKey(qint64 nowMs)> &issue);

private:
    QMutex m_mutex;
    std::optional<Answer> m_held;
};

} // namespace dbs::metadata
