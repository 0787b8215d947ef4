#pragma once

#include "secretstore.h"

#include <QHash>

namespace dbs {

// Keeps credentials in this process's memory only, for as long as the store lives: the
// fallback when the system keychain cannot be used. Never Unavailable.
class SessionSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    explicit SessionSecretStore(QObject *parent = nullptr);
    ~SessionSecretStore() override;

    void read(const QString &account, Callback done) override;
    void write(const QString &account, const Credential &credential, Callback done) override;
    void remove(const QString &account, Callback done) override;

    // Synchronous helpers for the owner.
    bool contains(const QString &account) const;
    void clear();

private:
    void answerLater(Callback done, const SecretResult &result);

    QHash<QString, Credential> m_entries;
};

} // namespace dbs
