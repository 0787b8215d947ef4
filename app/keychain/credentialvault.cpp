#include "credentialvault.h"

#include "keychainlog.h"
#include "keychainsecretstore.h"
#include "pendingcall.h"
#include "sessionsecretstore.h"

#include <QMetaObject>
#include <QPointer>

#include <utility>

namespace dbs {

using Status = SecretResult::Status;

CredentialVault::CredentialVault(QObject *parent)
    : CredentialVault(new KeychainSecretStore, parent) // handed to the vault, which owns it
{}

CredentialVault::CredentialVault(SecretStore *persistent, QObject *parent)
    : QObject(parent), m_persistent(persistent), m_session(new SessionSecretStore(this))
{
    Q_ASSERT(m_persistent);
    m_persistent->setParent(this);
}

CredentialVault::~CredentialVault() = default;

QString CredentialVault::statusText() const
{
    if (m_sessionOnly)
        return tr("Credentials are kept for this session only: %1").arg(m_reason);
    return tr("Credentials are saved in the system keychain.");
}

void CredentialVault::load(const QString &account, Callback done)
{
    if (m_sessionOnly) {
        loadFromSession(account, std::move(done));
        return;
    }
    m_persistent->read(account, guarded([this, account, done](const SecretResult &result) {
                           onKeychainRead(account, done, result);
                       }));
}

void CredentialVault::save(const QString &account, const Credential &credential, Callback done)
{
    if (!credential.isValid()) {
        VaultResult result;
        result.status = Status::NotFound;
        result.sessionOnly = m_sessionOnly;
        result.message = tr("Both an AccessKey ID and an AccessKey secret are needed.");
        answerLater(std::move(done), result);
        return;
    }
    if (m_sessionOnly) {
        saveToSession(account, credential, std::move(done));
        return;
    }
    m_persistent->write(account, credential,
                        guarded([this, account, credential, done](const SecretResult &result) {
                            onKeychainWritten(account, credential, done, result);
                        }));
}

void CredentialVault::forget(const QString &account, Callback done)
{
    m_session->remove(account, [](const SecretResult &) {});
    if (m_sessionOnly) {
        answerLater(std::move(done), {Status::Ok, {}, true, {}});
        return;
    }
    m_persistent->remove(account, guarded([this, done](const SecretResult &result) {
                             onKeychainRemoved(done, result);
                         }));
}

void CredentialVault::retryKeychain()
{
    if (!m_sessionOnly)
        return;
    m_sessionOnly = false;
    m_reason.clear();
    qCInfo(lcKeychain) << "using the system keychain again";
    emit sessionOnlyChanged(false);
}

SecretStore::Callback CredentialVault::guarded(SecretStore::Callback done)
{
    const auto seconds = int(std::chrono::ceil<std::chrono::seconds>(m_timeout).count());
    QPointer<PendingCall> pending = new PendingCall( // owned by the vault; deletes itself
        std::move(done), m_timeout,
        SecretResult::makeUnavailable(
            tr("The system keychain did not answer within %n second(s); it may be locked and "
               "waiting for its password.",
               nullptr, seconds)),
        this);
    return [pending](const SecretResult &result) {
        if (pending) // else timed out already, or the vault is gone
            pending->finish(result);
    };
}

void CredentialVault::onKeychainRead(const QString &account, const Callback &done,
                                     const SecretResult &result)
{
    switch (result.status) {
    case Status::Ok:
        done({Status::Ok, result.credential, false, {}});
        return;
    case Status::NotFound:
        // Kept in memory earlier in this session, before retryKeychain()?
        if (m_session->contains(account))
            loadFromSession(account, done);
        else
            done({Status::NotFound, {}, false, result.message});
        return;
    case Status::Unavailable:
        fallBack(result.message);
        loadFromSession(account, done);
        return;
    }
}

void CredentialVault::onKeychainWritten(const QString &account, const Credential &credential,
                                        const Callback &done, const SecretResult &result)
{
    if (!result.ok()) {
        fallBack(result.message);
        saveToSession(account, credential, done);
        return;
    }
    m_session->remove(account, [](const SecretResult &) {}); // the keychain has it now
    done({Status::Ok, {}, false, {}});
}

void CredentialVault::onKeychainRemoved(const Callback &done, const SecretResult &result)
{
    if (result.ok()) {
        done({Status::Ok, {}, false, {}});
        return;
    }
    fallBack(result.message);
    done({Status::Unavailable,
          {},
          true,
          tr("The credentials could not be removed from the system keychain: %1")
              .arg(result.message)});
}

void CredentialVault::fallBack(const QString &why)
{
    if (m_sessionOnly)
        return;
    m_sessionOnly = true;
    m_reason = why.isEmpty() ? tr("The system keychain cannot be used.") : why;
    qCWarning(lcKeychain) << "keeping credentials for this session only:" << m_reason;
    emit sessionOnlyChanged(true);
}

void CredentialVault::loadFromSession(const QString &account, Callback done)
{
    m_session->read(account, [done = std::move(done)](const SecretResult &result) {
        done({result.status, result.credential, true, result.message});
    });
}

void CredentialVault::saveToSession(const QString &account, const Credential &credential,
                                    Callback done)
{
    m_session->write(account, credential, [done = std::move(done)](const SecretResult &result) {
        done({result.status, {}, true, result.message});
    });
}

void CredentialVault::answerLater(Callback done, const VaultResult &result)
{
    // Queued with the vault as context: dropped if the vault is destroyed first.
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}

} // namespace dbs
