#pragma once

#include "secretstore.h"

#include <QObject>
#include <QString>

#include <chrono>
#include <functional>

namespace dbs {

class SessionSecretStore;

struct VaultResult
{
    using Status = SecretResult::Status;

    // load(): Ok or NotFound ("ask the user"). save(): Ok, or NotFound when the credential
    // lacks an id or secret. forget(): Ok, or Unavailable when the keychain copy may remain.
    // A keychain failure during load() or save() never shows here: the vault falls back to
    // this session's memory and says so through sessionOnly.
    Status status = Status::NotFound;
    Credential credential;    // load() only, when Ok
    bool sessionOnly = false; // the answer came from, or went to, this session's memory only
    QString message;          // translated; detail for NotFound/Unavailable; never a secret

    bool ok() const { return status == Status::Ok; }
};

// Keeps the user's credentials in the system keychain, or, when that cannot be used (no
// backend, locked, no answer within timeout(), any error), in memory for this session only,
// and says why. Once it has fallen back it stays session-only (the keychain is not asked again,
// so a hung keyring costs one timeout, not one per call) until retryKeychain().
class CredentialVault final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialVault)

public:
    using Callback = std::function<void(const VaultResult &)>;

    // Outer guard around any persistent store; a little longer than the keychain store's own.
    static constexpr std::chrono::milliseconds defaultTimeout{12'000};

    // Uses a KeychainSecretStore with the default service name.
    explicit CredentialVault(QObject *parent = nullptr);
    // Takes ownership of `persistent` (it becomes a child of the vault); for tests and ports.
    explicit CredentialVault(SecretStore *persistent, QObject *parent = nullptr);
    ~CredentialVault() override;

    // Each answers `done` exactly once, never before returning, unless the vault is destroyed
    // first. A callback must not delete the vault directly (use deleteLater()).
    void load(const QString &account, Callback done);
    void save(const QString &account, const Credential &credential, Callback done);
    // Removes the account from the keychain (unless session-only) and from this session.
    void forget(const QString &account, Callback done);

    bool isSessionOnly() const { return m_sessionOnly; }
    // Translated, one line for the status bar: why credentials are kept for this session only.
    // Empty while the keychain is in use.
    QString sessionOnlyReason() const { return m_reason; }
    // Translated status-bar text for either state.
    QString statusText() const;

    // Uses the keychain again from the next call on (e.g. after the user unlocked it).
    // Credentials kept in this session stay there: load() still finds them.
    void retryKeychain();

    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

Q_SIGNALS:
    void sessionOnlyChanged(bool sessionOnly);

private:
    // Wraps `done` in a timeout guard; the result goes to the persistent store.
    SecretStore::Callback guarded(SecretStore::Callback done);
    void onKeychainRead(const QString &account, const Callback &done, const SecretResult &result);
    void onKeychainWritten(const QString &account, const Credential &credential,
                           const Callback &done, const SecretResult &result);
    void onKeychainRemoved(const Callback &done, const SecretResult &result);
    void fallBack(const QString &why);
    void loadFromSession(const QString &account, Callback done);
    void saveToSession(const QString &account, const Credential &credential, Callback done);
    void answerLater(Callback done, const VaultResult &result);

    SecretStore *m_persistent;     // owned (child)
    SessionSecretStore *m_session; // owned (child)
    std::chrono::milliseconds m_timeout = defaultTimeout;
    bool m_sessionOnly = false;
    QString m_reason;
};

} // namespace dbs
