#pragma once

#include "signin.h"

#include <api/apierror.h>

#include <functional>

class QNetworkAccessManager;
class QNetworkRequest;
class QProcess;

namespace dbs {

// STS AssumeRole (signed by the source's credential) or AssumeRoleWithOIDC (unsigned, the
// token file's content is the proof), through the DBS client.
class StsRoleProvider final : public CredentialProvider
{
    Q_OBJECT
public:
    StsRoleProvider(const SignInSpec &spec, DbsClient *client, const SignInOptions &options,
                    QObject *parent);
    QString description() const override { return m_spec.description; }

protected:
    void fetch() override;

private:
    SignInSpec m_spec;
    DbsClient *m_client;          // not owned, outlives the provider
    CredentialProvider *m_source; // child; null for OIDC
    QUrl m_endpoint;
};

// Small answers over plain HTTP, for instance metadata and a credentials URI: a time limit,
// a size limit, no redirects.
class SmallHttp final : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(int httpStatus, const QByteArray &body, const QString &error)>;
    explicit SmallHttp(bool useProxy, QObject *parent);
    void send(const QByteArray &verb, const QNetworkRequest &request, int timeoutMs, Done done);

private:
    QNetworkAccessManager *m_network; // child
};

// The ECS instance's RAM role from instance metadata: IMDSv2 (a session token first), and v1
// only when allowed.
class EcsMetadataProvider final : public CredentialProvider
{
    Q_OBJECT
public:
    EcsMetadataProvider(const SignInSpec &spec, const SignInOptions &options, QObject *parent);
    QString description() const override { return m_spec.description; }

protected:
    void fetch() override;

private:
    void askRoleName(const QByteArray &token);
    void askCredentials(const QByteArray &token, const QString &role);
    void fail(const QString &reason);
    QNetworkRequest request(const QString &path, const QByteArray &token) const;

    SignInSpec m_spec;
    SignInOptions m_options;
    SmallHttp *m_http; // child
};

class CredentialsUriProvider final : public CredentialProvider
{
    Q_OBJECT
public:
    CredentialsUriProvider(const SignInSpec &spec, const SignInOptions &options, QObject *parent);
    QString description() const override { return m_spec.description; }

protected:
    void fetch() override;

private:
    SignInSpec m_spec;
    SignInOptions m_options;
    SmallHttp *m_http; // child
};

// Runs an External profile's process_command (no shell) and reads the keys it prints.
class ExternalProcessProvider final : public CredentialProvider
{
    Q_OBJECT
public:
    ExternalProcessProvider(const SignInSpec &spec, const SignInOptions &options, QObject *parent);
    QString description() const override { return m_spec.description; }

protected:
    void fetch() override;

private:
    void fail(const QString &reason);

    SignInSpec m_spec;
    SignInOptions m_options;
};

// The error a failed renewal reports: the source named, the reason after.
ApiError signInError(const QString &description, const QString &reason,
                     const QString &code = QStringLiteral("CredentialRenewalFailed"));

} // namespace dbs
