#pragma once

#include "secretstore.h"

#include <chrono>

namespace QKeychain {
class Job;
}

namespace dbs {

class PendingCall;

// The system keychain through QtKeychain (Secret Service on Linux, Keychain on macOS,
// Credential Manager on Windows). Each account is one entry of `service` holding the
// credential as one JSON blob (see credentialblob.h). Never uses QtKeychain's insecure
// plain-text fallback. Every job is guarded by timeout(): a keyring that stays locked behind
// a prompt nobody answers makes the call Unavailable instead of hanging the application.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds defaultTimeout{10'000};

    static QString defaultServiceName(); // "DBS Gateway Browser"

    explicit KeychainSecretStore(QObject *parent = nullptr);
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    QString service() const { return m_service; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    void read(const QString &account, Callback done) override;
    void write(const QString &account, const Credential &credential, Callback done) override;
    void remove(const QString &account, Callback done) override;

private:
    PendingCall *track(Callback done);
    // Maps a finished job's error (not NoError) to a result; translated, no secret.
    SecretResult failure(const QKeychain::Job &job) const;

    QString m_service;
    std::chrono::milliseconds m_timeout = defaultTimeout;
};

} // namespace dbs
