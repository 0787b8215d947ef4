#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QReadWriteLock>

#include <map>
#include <optional>

namespace dbs {

struct AccessKey
{
    QByteArray id;
    QByteArray secret;
    QByteArray securityToken; // set for an STS key: requests must carry it
    qint64 expiresAtMs = 0;   // the STS Expiration; 0: never (keys given on the command line)
    int account = 0;          // whose gateways it lists (SimulatorOptions::accounts)
};

// The keys the simulator accepts: the configured ones, which stay, and the temporary ones its
// STS and instance metadata hand out, which expire. Safe to use from the server's threads.
class KeyStore
{
public:
    // An expired key is still known this long (its requests are told it expired); after
    // that it is forgotten and answered as an unknown key.
    static constexpr qint64 keepExpiredMs = 15 * 60 * 1000;
    // However fast keys are asked for, no more temporary keys than this are held: past it,
    // the one expiring first goes.
    static constexpr qsizetype maxTemporaryKeys = 100000;

    KeyStore() = default;
    explicit KeyStore(const QList<AccessKey> &keys);
    KeyStore(const KeyStore &) = delete;
    KeyStore &operator=(const KeyStore &) = delete;

    // Adds or replaces a key; forgets temporary keys expired more than keepExpiredMs before
    // `nowMs`.
    void add(const AccessKey &key, qint64 nowMs);
    std::optional<AccessKey> find(const QByteArray &id) const;
    qsizetype size() const;
    qsizetype temporaryCount() const;

private:
    void forget(QByteArray id); // a copy: it may point into what it erases; under the write lock

    mutable QReadWriteLock m_lock;
    QHash<QByteArray, AccessKey> m_keys;
    std::multimap<qint64, QByteArray> m_byExpiry; // temporary keys: expiry -> id
};

} // namespace dbs
