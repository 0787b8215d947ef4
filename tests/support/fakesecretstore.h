#pragma once

#include <keychain/secretstore.h>

#include <QHash>
#include <QList>
#include <QMetaObject>

namespace fixture {

// A SecretStore for the keychain's failure paths. Working: a keychain in memory. Unavailable:
// every call answers Unavailable with `failure` (no backend). Silent: never answers; the
// callbacks are kept in `pending` so a test can answer late. Silent stands for a locked keyring
// whose unlock prompt nobody answers, which cannot be produced headless.
class FakeSecretStore final : public dbs::SecretStore
{
    Q_OBJECT

public:
    enum class Mode { Working, Unavailable, Silent };

    static constexpr char unavailableReason[] = "no Secret Service on this bus (fake)";

    explicit FakeSecretStore(Mode mode = Mode::Working, QObject *parent = nullptr)
        : SecretStore(parent), m_mode(mode)
    {}

    void read(const QString &account, Callback done) override
    {
        ++reads;
        const auto it = entries.constFind(account);
        answer(std::move(done), it == entries.cend() ? dbs::SecretResult::makeNotFound()
                                                     : dbs::SecretResult::makeOk(*it));
    }

    void write(const QString &account, const dbs::Credential &credential, Callback done) override
    {
        ++writes;
        if (m_mode == Mode::Working)
            entries.insert(account, credential);
        answer(std::move(done), dbs::SecretResult::makeOk());
    }

    void remove(const QString &account, Callback done) override
    {
        ++removes;
        if (m_mode == Mode::Working)
            entries.remove(account);
        answer(std::move(done), dbs::SecretResult::makeOk());
    }

    void setMode(Mode mode) { m_mode = mode; }
    int calls() const { return reads + writes + removes; }

    QHash<QString, dbs::Credential> entries; // shared with the test on purpose
    QList<Callback> pending;                 // Silent mode's unanswered calls
    QString failure = QString::fromLatin1(unavailableReason);
    int reads = 0;
    int writes = 0;
    int removes = 0;

private:
    void answer(Callback done, const dbs::SecretResult &result)
    {
        switch (m_mode) {
        case Mode::Silent:
            pending.append(std::move(done));
            return;
        case Mode::Unavailable:
            queue(std::move(done), dbs::SecretResult::makeUnavailable(failure));
            return;
        case Mode::Working:
            queue(std::move(done), result);
            return;
        }
    }

    // Answers from the event loop, never inside the call, as a real store does.
    void queue(Callback done, const dbs::SecretResult &result)
    {
        QMetaObject::invokeMethod(
            this, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
    }

    Mode m_mode;
};

} // namespace fixture
