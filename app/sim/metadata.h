#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>

#include <map>

// The simulator's ECS instance metadata (IMDSv2): session tokens, which expire.
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

} // namespace dbs::metadata
