#pragma once

#include <api/credential.h>

#include <QObject>
#include <QString>

#include <functional>

namespace dbs {

// The outcome of one SecretStore call.
struct SecretResult
{
    enum class Status {
        Ok,         // done; for read(), credential holds what was stored
        NotFound,   // nothing is stored under that account: ask the user
        Unavailable // no backend, locked, refused, timed out or any other error: keep the
                    // credential for this session only and say so (message says why)
    };

    Status status = Status::Unavailable;
    Credential credential; // read() only, when Ok
    QString message;       // translated; why NotFound or Unavailable; never contains a secret

    bool ok() const { return status == Status::Ok; }

    static SecretResult makeOk(const Credential &credential = {})
    {
        return {Status::Ok, credential, {}};
    }
    static SecretResult makeNotFound(const QString &message = {})
    {
        return {Status::NotFound, {}, message};
    }
    static SecretResult makeUnavailable(const QString &message)
    {
        return {Status::Unavailable, {}, message};
    }
};

// Where credentials are kept, by account name (a profile name such as "default"). Every call
// is asynchronous and answers `done` exactly once, never before the call returns, unless the
// store is destroyed first (then never). A callback must not delete the store directly (use
// deleteLater()).
class SecretStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    using Callback = std::function<void(const SecretResult &)>;

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    // Ok with the credential, NotFound, or Unavailable.
    virtual void read(const QString &account, Callback done) = 0;
    // Stores (or replaces) the account's id, secret and token. Ok or Unavailable.
    virtual void write(const QString &account, const Credential &credential, Callback done) = 0;
    // Ok once nothing is stored under the account any more, whether or not something was.
    virtual void remove(const QString &account, Callback done) = 0;
};

} // namespace dbs
