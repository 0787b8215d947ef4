#include "sessionsecretstore.h"

#include <QMetaObject>

#include <utility>

namespace dbs {

SessionSecretStore::SessionSecretStore(QObject *parent) : SecretStore(parent) {}

SessionSecretStore::~SessionSecretStore() = default;

void SessionSecretStore::read(const QString &account, Callback done)
{
    const auto it = m_entries.constFind(account);
    if (it == m_entries.cend()) {
        answerLater(std::move(done),
                    SecretResult::makeNotFound(
                        tr("No credentials are kept in this session for \"%1\".").arg(account)));
        return;
    }
    answerLater(std::move(done), SecretResult::makeOk(*it));
}

void SessionSecretStore::write(const QString &account, const Credential &credential, Callback done)
{
    m_entries.insert(account, credential);
    answerLater(std::move(done), SecretResult::makeOk());
}

void SessionSecretStore::remove(const QString &account, Callback done)
{
    m_entries.remove(account);
    answerLater(std::move(done), SecretResult::makeOk());
}

bool SessionSecretStore::contains(const QString &account) const
{
    return m_entries.contains(account);
}

void SessionSecretStore::clear()
{
    m_entries.clear();
}

void SessionSecretStore::answerLater(Callback done, const SecretResult &result)
{
    // Queued with this store as context: dropped if the store is destroyed first.
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}

} // namespace dbs
