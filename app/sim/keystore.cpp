#include "keystore.h"

#include <QReadLocker>
#include <QWriteLocker>

namespace dbs {

KeyStore::KeyStore(const QList<AccessKey> &keys)
{
    for (const AccessKey &key : keys)
        add(key, 0);
}

void KeyStore::forget(QByteArray id)
{
    const auto it = m_keys.constFind(id);
    if (it == m_keys.cend())
        return;
    if (it->expiresAtMs > 0) {
        auto [first, last] = m_byExpiry.equal_range(it->expiresAtMs);
        for (auto entry = first; entry != last; ++entry) {
            if (entry->second == id) {
                m_byExpiry.erase(entry);
                break;
            }
        }
    }
    m_keys.erase(it);
}

void KeyStore::add(const AccessKey &key, qint64 nowMs)
{
    QWriteLocker locker(&m_lock);
    // Oldest expiry first: purging never walks the keys that are still of use.
    while (!m_byExpiry.empty() && m_byExpiry.begin()->first < nowMs - keepExpiredMs)
        forget(m_byExpiry.begin()->second);
    forget(key.id);
    m_keys.insert(key.id, key);
    if (key.expiresAtMs > 0) {
        m_byExpiry.emplace(key.expiresAtMs, key.id);
        while (qsizetype(m_byExpiry.size()) > maxTemporaryKeys)
            forget(m_byExpiry.begin()->second);
    }
}

std::optional<AccessKey> KeyStore::find(const QByteArray &id) const
{
    QReadLocker locker(&m_lock);
    const auto it = m_keys.constFind(id);
    if (it == m_keys.cend())
        return std::nullopt;
    return *it;
}

qsizetype KeyStore::size() const
{
    QReadLocker locker(&m_lock);
    return m_keys.size();
}

qsizetype KeyStore::temporaryCount() const
{
    QReadLocker locker(&m_lock);
    return qsizetype(m_byExpiry.size());
}

} // namespace dbs
