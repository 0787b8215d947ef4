#include "credentialprovider.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>

namespace dbs {

CredentialProvider::CredentialProvider(QObject *parent) : QObject(parent) {}

CredentialProvider::~CredentialProvider() = default;

Credential CredentialProvider::usable(qint64 nowMs) const
{
    if (!m_credential.isValid())
        return {};
    if (!m_credential.expires())
        return m_credential;
    // What cannot be renewed is used to its last second; a short-lived credential (minutes)
    // serves half its life, not a single request.
    const qint64 lifetime = m_credential.expiresAtMs - m_obtainedAtMs;
    const qint64 ahead = renewable() ? std::min(m_renewAheadMs, lifetime / 2) : 0;
    if (m_credential.expiresAtMs - nowMs > ahead)
        return m_credential;
    const bool justFailed = m_failedAtMs > 0 && nowMs - m_failedAtMs < retryAfterFailureMs;
    if (justFailed && m_credential.expiresAtMs > nowMs)
        return m_credential;
    return {};
}

void CredentialProvider::renew()
{
    if (m_renewing)
        return;
    m_renewing = true;
    fetch();
}

void CredentialProvider::discard(const QString &accessKeyId)
{
    if (m_credential.isValid() && m_credential.accessKeyId == accessKeyId)
        m_credential.expiresAtMs = 1; // long gone: the next usable() asks for a new one
}

void CredentialProvider::hold(const Credential &credential)
{
    m_credential = credential;
    m_obtainedAtMs = QDateTime::currentMSecsSinceEpoch();
}

void CredentialProvider::deliver(const Credential &credential)
{
    hold(credential);
    m_lastError = {};
    m_failedAtMs = 0;
    m_renewing = false;
    Q_EMIT renewed(m_credential);
    Q_EMIT renewalFinished();
}

void CredentialProvider::deliverFailure(const ApiError &error)
{
    m_lastError = error;
    m_failedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_renewing = false;
    Q_EMIT renewalFailed(error);
    Q_EMIT renewalFinished();
}

// ---- FixedCredentialProvider ----

FixedCredentialProvider::FixedCredentialProvider(const Credential &credential,
                                                 const QString &expired, QObject *parent)
    : CredentialProvider(parent), m_expiredMessage(expired)
{
    hold(credential);
}

QString FixedCredentialProvider::description() const
{
    return held().source;
}

void FixedCredentialProvider::fetch()
{
    ApiError error;
    error.kind = ApiError::Kind::Config;
    if (held().isValid()) {
        error.code = QStringLiteral("CredentialExpired");
        error.message = !m_expiredMessage.isEmpty()
                            ? m_expiredMessage
                            : tr("The temporary credentials from %1 have expired; renew them "
                                 "there and start again.")
                                  .arg(held().source);
    } else {
        error.code = QStringLiteral("InvalidConfiguration");
        error.message = tr("No AccessKey is set.");
    }
    QTimer::singleShot(0, this, [this, error] { deliverFailure(error); });
}

} // namespace dbs
