#include "keychainsecretstore.h"

#include "credentialblob.h"
#include "pendingcall.h"

#include <qt6keychain/keychain.h>

#include <QPointer>

#include <utility>

namespace dbs {

// QtKeychain jobs are created without a parent and delete themselves once finished
// (autoDelete). They must outlive a timeout: the backend (libsecret) keeps a raw pointer to
// the job until it answers, so deleting it early would crash on a late answer. A job that
// never answers stays allocated; that is the price of not hanging.

QString KeychainSecretStore::defaultServiceName()
{
    return QStringLiteral("DBS Gateway Browser");
}

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : KeychainSecretStore(defaultServiceName(), parent)
{}

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent), m_service(service)
{}

KeychainSecretStore::~KeychainSecretStore() = default;

void KeychainSecretStore::read(const QString &account, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service); // owns itself, see above
    job->setKey(account);
    QPointer<PendingCall> call = track(std::move(done));
    connect(job, &QKeychain::Job::finished, this, [this, call, account](QKeychain::Job *finished) {
        if (!call)
            return; // timed out already
        if (finished->error() != QKeychain::NoError) {
            call->finish(failure(*finished));
            return;
        }
        const auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
        std::optional<Credential> credential = decodeCredential(readJob->binaryData());
        if (!credential) {
            // Not ours, damaged or from a newer version: asking again overwrites it.
            call->finish(SecretResult::makeNotFound(
                tr("The credentials saved in the system keychain for \"%1\" could not be read.")
                    .arg(account)));
            return;
        }
        credential->source = tr("system keychain");
        call->finish(SecretResult::makeOk(*credential));
    });
    job->start();
}

void KeychainSecretStore::write(const QString &account, const Credential &credential, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service); // owns itself, see above
    job->setKey(account);
    job->setTextData(QString::fromUtf8(encodeCredential(credential)));
    QPointer<PendingCall> call = track(std::move(done));
    connect(job, &QKeychain::Job::finished, this, [this, call](QKeychain::Job *finished) {
        if (call)
            call->finish(finished->error() == QKeychain::NoError ? SecretResult::makeOk()
                                                                 : failure(*finished));
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &account, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service); // owns itself, see above
    job->setKey(account);
    QPointer<PendingCall> call = track(std::move(done));
    connect(job, &QKeychain::Job::finished, this, [this, call](QKeychain::Job *finished) {
        if (!call)
            return;
        const QKeychain::Error error = finished->error();
        // Nothing there is as good as removed.
        call->finish(error == QKeychain::NoError || error == QKeychain::EntryNotFound
                         ? SecretResult::makeOk()
                         : failure(*finished));
    });
    job->start();
}

PendingCall *KeychainSecretStore::track(Callback done)
{
    const auto seconds = int(std::chrono::ceil<std::chrono::seconds>(m_timeout).count());
    return new PendingCall( // owned by this store; deletes itself once it has answered
        std::move(done), m_timeout,
        SecretResult::makeUnavailable(
            tr("The system keychain did not answer within %n second(s); it may be locked and "
               "waiting for its password.",
               nullptr, seconds)),
        this);
}

SecretResult KeychainSecretStore::failure(const QKeychain::Job &job) const
{
    switch (job.error()) {
    case QKeychain::NoError:
        break;
    case QKeychain::EntryNotFound:
        return SecretResult::makeNotFound(
            tr("No credentials are saved in the system keychain for \"%1\".").arg(job.key()));
    case QKeychain::NoBackendAvailable:
        return SecretResult::makeUnavailable(tr("No system keychain is available."));
    case QKeychain::AccessDeniedByUser:
        return SecretResult::makeUnavailable(tr("Access to the system keychain was refused."));
    case QKeychain::AccessDenied:
        return SecretResult::makeUnavailable(
            tr("The system keychain is locked or refused access."));
    case QKeychain::CouldNotDeleteEntry:
        return SecretResult::makeUnavailable(
            tr("The entry could not be removed from the system keychain."));
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        break;
    }
    // errorString() comes from the backend (e.g. D-Bus) and names no secret.
    const QString detail = job.errorString().trimmed();
    return SecretResult::makeUnavailable(
        detail.isEmpty() ? tr("The system keychain reported an error.")
                         : tr("The system keychain reported an error: %1").arg(detail));
}

} // namespace dbs
