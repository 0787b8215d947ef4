#pragma once

#include <keychain/secretstore.h>

#include <QHash>
#include <QMetaObject>

namespace dbs::test {

// A SecretStore for the keychain's failure paths: working (in memory), unavailable (no
// backend) or silent (a locked keyring behind a prompt nobody answers).
class FakeSecretStore final : public keychain::SecretStore
{
    Q_OBJECT
public:
    enum class Mode { Working, Unavailable, Silent };

    explicit FakeSecretStore(Mode mode = Mode::Working, QObject *parent = nullptr)
        : SecretStore(parent), m_mode(mode)
    {}

    void read(const QString &account, Callback done) override
    {
        ++reads;
        const auto it = entries.constFind(account);
        answer(std::move(done), it == entries.cend() ? keychain::SecretResult::makeNotFound()
                                                     : keychain::SecretResult::makeOk(*it));
    }
    void write(const QString &account, const Credential &credential, Callback done) override
    {
        ++writes;
        if (m_mode == Mode::Working)
            entries.insert(account, credential);
        answer(std::move(done), keychain::SecretResult::makeOk());
    }
    void remove(const QString &account, Callback done) override
    {
        ++removes;
        if (m_mode == Mode::Working)
            entries.remove(account);
        answer(std::move(done), keychain::SecretResult::makeOk());
    }

    QHash<QString, Credential> entries; // shared with the test on purpose
    int reads = 0;
    int writes = 0;
    int removes = 0;
    static constexpr char unavailableReason[] = "no Secret Service on this bus (fake)";

private:
    void answer(Callback done, const keychain::SecretResult &result)
    {
        if (m_mode == Mode::Silent)
            return; // never answers
        const keychain::SecretResult sent =
            m_mode == Mode::Unavailable
                ? keychain::SecretResult::makeUnavailable(QString::fromLatin1(unavailableReason))
                : result;
        QMetaObject::invokeMethod(
            this, [done = std::move(done), sent] { done(sent); }, Qt::QueuedConnection);
    }

    Mode m_mode;
};

} // namespace dbs::test
