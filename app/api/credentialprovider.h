#pragma once

#include "apierror.h"
#include "credential.h"

#include <QObject>

namespace dbs {

// The credential every request is signed with, renewed before it runs out. Sources that hand
// out temporary keys (STS, instance metadata, a credentials URI, an external process)
// implement fetch(); a fixed key pair is a provider that never needs to.
class CredentialProvider : public QObject
{
    Q_OBJECT
public:
    // The official libraries renew a temporary credential when this little of it is left.
    static constexpr qint64 renewAheadMs = 180 * 1000;
    // After a failed renewal, the next one waits this long (the old keys serve meanwhile).
    static constexpr qint64 retryAfterFailureMs = 10 * 1000;

    explicit CredentialProvider(QObject *parent = nullptr);
    ~CredentialProvider() override;

    // Which source and mode signs, for --verbose and the status bar; never a secret.
    virtual QString description() const = 0;

    // How much of a temporary credential is left when it is renewed (tests shorten it).
    void setRenewAheadMs(qint64 ms) { m_renewAheadMs = ms; }

    // A credential to sign with now: the held one while more than renewAheadMs of it is left
    // (half its lifetime, for one shorter than twice that), or, when its renewal has just
    // failed, for as long as it is still valid at all. Invalid when there is none: then
    // renew() and wait for renewalFinished().
    Credential usable(qint64 nowMs) const;
    // What was last obtained, usable or not (for the status bar's "signed in as").
    const Credential &held() const { return m_credential; }
    // Whether renew() can ever bring a new credential (false for a fixed key pair).
    virtual bool renewable() const { return true; }
    // Starts obtaining a new credential unless that is under way already; renewalFinished()
    // follows, always, from the event loop.
    void renew();
    // The service said the held credential is no longer good (its token expired early): the
    // next usable() asks for a new one, unless a renewal since then already brought one.
    void discard(const QString &accessKeyId);
    bool isRenewing() const { return m_renewing; }
    // Why the last renewal failed; no error after a success.
    const ApiError &lastError() const { return m_lastError; }

Q_SIGNALS:
    void renewalFinished();
    // A renewal failed: one clear error naming the source; requests go on with the old
    // credential while it lasts.
    void renewalFailed(const dbs::ApiError &error);
    void renewed(const dbs::Credential &credential);

protected:
    // Obtains a credential and calls deliver() or deliverFailure() exactly once, from the event
    // loop or later (never from within fetch()).
    virtual void fetch() = 0;
    void deliver(const Credential &credential);
    void deliverFailure(const ApiError &error);
    void hold(const Credential &credential);

private:
    Credential m_credential;
    ApiError m_lastError;
    qint64 m_failedAtMs = 0;
    qint64 m_obtainedAtMs = 0;
    qint64 m_renewAheadMs = renewAheadMs;
    bool m_renewing = false;
};

// A key pair that does not run out, or one whose end no renewal can put off (STS keys in the
// environment, a CLI profile's cached sign-in): after it, every request fails with `expired`.
class FixedCredentialProvider final : public CredentialProvider
{
    Q_OBJECT
public:
    explicit FixedCredentialProvider(const Credential &credential, const QString &expired = {},
                                     QObject *parent = nullptr);
    QString description() const override;
    bool renewable() const override { return false; }
    void setCredential(const Credential &credential) { hold(credential); }

protected:
    void fetch() override;

private:
    QString m_expiredMessage;
};

} // namespace dbs
