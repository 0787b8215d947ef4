#include "metadata.h"

#include <QMutexLocker>
#include <QRandomGenerator>

#include <algorithm>

namespace dbs::metadata {

int parseTokenTtl(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 5 ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return 0;
    const int seconds = text.toInt();
    return seconds >= 1 && seconds <= maxTokenTtlSeconds ? seconds : 0;
}

void TokenStore::forget(QByteArray token)
{
    const auto it = m_expiry.constFind(token);
    if (it == m_expiry.cend())
        return;
    auto [first, last] = m_byExpiry.equal_range(it.value());
    for (auto entry = first; entry != last; ++entry) {
        if (entry->second == token) {
            m_byExpiry.erase(entry);
            break;
        }
    }
    m_expiry.erase(it);
}

QByteArray TokenStore::issue(int ttlSeconds, qint64 nowMs)
{
    QByteArray random(32, Qt::Uninitialized);
    for (char &c : random)
        c = char(QRandomGenerator::system()->bounded(256));
    const QByteArray token =
        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const qint64 expiresAtMs = nowMs + qint64(ttlSeconds) * 1000;

    QMutexLocker locker(&m_mutex);
    while (!m_byExpiry.empty() && m_byExpiry.begin()->first <= nowMs)
        forget(m_byExpiry.begin()->second);
    while (qsizetype(m_byExpiry.size()) >= maxTokens)
        forget(m_byExpiry.begin()->second);
    m_expiry.insert(token, expiresAtMs);
    m_byExpiry.emplace(expiresAtMs, token);
    return token;
}

bool TokenStore::isValid(const QByteArray &token, qint64 nowMs) const
{
    QMutexLocker locker(&m_mutex);
    const auto it = m_expiry.constFind(token);
    return it != m_expiry.cend() && nowMs < it.value();
}

qsizetype TokenStore::size() const
{
    QMutexLocker locker(&m_mutex);
    return m_expiry.size();
}

RoleKey::Answer RoleKey::current(qint64 nowMs, const std::function<AccessKey(qint64 nowMs)> &issue)
{
    QMutexLocker locker(&m_mutex);
    if (m_held) {
        const qint64 lifetime = m_held->key.expiresAtMs - m_held->issuedAtMs;
        // Integer halves: "more than half left" is 2 * left > lifetime.
        if (2 * (m_held->key.expiresAtMs - nowMs) > lifetime) {
            Answer reused = *m_held;
            reused.fresh = false;
            return reused;
        }
    }
    m_held = Answer{issue(nowMs), nowMs, true};
    return *m_held;
}

} // namespace dbs::metadata
