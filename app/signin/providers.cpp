#include "providers.h"

#include "credentialanswers.h"

#include <api/dbsclient.h>
#include <api/endpoints.h>
#include <api/responseparser.h>
#include <auth/cappedfile.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QTimer>

namespace dbs {

namespace {
constexpr char stsVersion[] = "2015-04-01";
constexpr char tokenPath[] = "/latest/api/token";
constexpr char rolesPath[] = "/latest/meta-data/ram/security-credentials/";

QString sessionName(const SignInSpec &spec)
{
    if (!spec.roleSessionName.isEmpty())
        return spec.roleSessionName;
    // As the official libraries name theirs: the program and the moment.
    return QStringLiteral("dbs-gateways-%1").arg(QDateTime::currentMSecsSinceEpoch());
}
} // namespace

ApiError signInError(const QString &description, const QString &reason, const QString &code)
{
    ApiError error;
    error.kind = ApiError::Kind::Config;
    error.code = code;
    error.message = QCoreApplication::translate("dbs::signin", "Signing in with %1 failed: %2")
                        .arg(description, reason);
    return error;
}

SignInOptions signInOptionsFromEnvironment(const QProcessEnvironment &env, QString *error)
{
    SignInOptions options;
    error->clear();
    const QList<QPair<const char *, QUrl *>> endpoints = {
        {envStsEndpoint, &options.stsEndpoint},
        {envMetadataEndpoint, &options.metadataEndpoint},
    };
    for (const auto &[name, url] : endpoints) {
        const QString value = env.value(QLatin1String(name)).trimmed();
        if (value.isEmpty())
            continue;
        const QUrl parsed(value, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty() ||
            (parsed.scheme() != QLatin1String("http") &&
             parsed.scheme() != QLatin1String("https"))) {
            *error = QCoreApplication::translate("dbs::signin", "%1 is not an http(s) URL such as "
                                                                "http://127.0.0.1:8080")
                         .arg(QLatin1String(name));
            return options;
        }
        *url = parsed;
    }
    return options;
}

CredentialProvider *makeCredentialProvider(const SignInSpec &spec, DbsClient *client,
                                           const SignInOptions &options, QObject *parent)
{
    switch (spec.kind) {
    case SignInSpec::Kind::Static: {
        Credential credential = spec.credential;
        if (credential.source.isEmpty())
            credential.source = spec.description;
        return new FixedCredentialProvider(credential, spec.expiredMessage, parent);
    }
    case SignInSpec::Kind::AssumeRole:
    case SignInSpec::Kind::Oidc:
        return new StsRoleProvider(spec, client, options, parent);
    case SignInSpec::Kind::EcsRamRole:
        return new EcsMetadataProvider(spec, options, parent);
    case SignInSpec::Kind::CredentialsUri:
        return new CredentialsUriProvider(spec, options, parent);
    case SignInSpec::Kind::External:
        return new ExternalProcessProvider(spec, options, parent);
    }
    return nullptr;
}

// ---- StsRoleProvider ----

StsRoleProvider::StsRoleProvider(const SignInSpec &spec, DbsClient *client,
                                 const SignInOptions &options, QObject *parent)
    : CredentialProvider(parent), m_spec(spec), m_client(client), m_source(nullptr),
      m_endpoint(options.stsEndpoint.isEmpty() ? QUrl(stsEndpointUrl(spec)) : options.stsEndpoint)
{
    if (spec.kind == SignInSpec::Kind::AssumeRole && spec.source)
        m_source = makeCredentialProvider(*spec.source, client, options, this);
}

void StsRoleProvider::fetch()
{
    const bool oidc = m_spec.kind == SignInSpec::Kind::Oidc;
    if (!oidc && !m_source) {
        // Never the client's own provider: that is this one, waiting for itself.
        QTimer::singleShot(0, this, [this] {
            deliverFailure(signInError(
                m_spec.description,
                QCoreApplication::translate("dbs::signin", "no keys to assume the role with")));
        });
        return;
    }
    RpcRequest rpc;
    rpc.endpoint = m_endpoint;
    rpc.action = oidc ? "AssumeRoleWithOIDC" : "AssumeRole";
    rpc.version = stsVersion;
    rpc.signature = SignatureVersion::V1;
    rpc.anonymous = oidc;
    // In the body, as the official libraries send them: a policy or an OIDC token is long.
    rpc.form = {
        {"RoleArn", m_spec.roleArn.toUtf8()},
        {"RoleSessionName", sessionName(m_spec).toUtf8()},
        {"DurationSeconds", QByteArray::number(m_spec.durationSeconds)},
    };
    if (!m_spec.policy.isEmpty())
        rpc.form.append({"Policy", m_spec.policy.toUtf8()});
    if (!m_spec.externalId.isEmpty() && !oidc)
        rpc.form.append({"ExternalId", m_spec.externalId.toUtf8()});
    if (oidc) {
        // Read at every renewal: the platform rotates the token in place.
        const FileContent file = readCappedFile(m_spec.oidcTokenFile, maxCredentialAnswerBytes);
        const QByteArray token = file.data.trimmed();
        if (file.status != FileContent::Status::Ok || token.isEmpty()) {
            const QString reason =
                file.status == FileContent::Status::Failed
                    ? file.error
                    : QCoreApplication::translate("dbs::signin",
                                                  "the OIDC token file %1 is missing or empty")
                          .arg(QDir::toNativeSeparators(m_spec.oidcTokenFile));
            QTimer::singleShot(0, this, [this, reason] {
                deliverFailure(signInError(m_spec.description, reason));
            });
            return;
        }
        rpc.form.append({"OIDCProviderArn", m_spec.oidcProviderArn.toUtf8()});
        rpc.form.append({"OIDCToken", token});
    }

    auto answer = std::make_shared<CredentialAnswer>();
    RpcCall *call = m_client->call(
        rpc, oidc ? nullptr : m_source, [answer](const QByteArray &body, int httpStatus) {
            QJsonObject root;
            ApiError error = parseServiceAnswer(body, httpStatus, &root);
            if (error.isError())
                return error;
            *answer = parseStsAnswer(body);
            if (!answer->ok()) {
                error.kind = ApiError::Kind::Malformed;
                error.code = QStringLiteral("MalformedResponse");
                error.message = QCoreApplication::translate("dbs::signin", "STS's answer: %1")
                                    .arg(answer->error);
                error.retryable = false; // the same service answers the same way again
            }
            return error;
        });
    connect(call, &RpcCall::succeeded, this, [this, answer] {
        Credential credential = answer->credential;
        credential.source = m_spec.description;
        deliver(credential);
    });
    connect(call, &RpcCall::failed, this, [this](const ApiError &error) {
        ApiError named = error;
        named.message = QCoreApplication::translate("dbs::signin", "Signing in with %1 failed: %2")
                            .arg(m_spec.description, error.message);
        deliverFailure(named);
    });
}

// ---- SmallHttp ----

SmallHttp::SmallHttp(bool useProxy, QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this))
{
    // Instance metadata is link-local to the instance: never through a proxy.
    if (!useProxy)
        m_network->setProxy(QNetworkProxy::NoProxy);
}

void SmallHttp::send(const QByteArray &verb, const QNetworkRequest &request, int timeoutMs,
                     Done done)
{
    QNetworkRequest copy = request;
    copy.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                      QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_network->sendCustomRequest(copy, verb);
    reply->setReadBufferSize(maxCredentialAnswerBytes + 1);
    // A slow or endless answer costs no more than the limit, in time and in memory.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, [reply] {
        reply->setProperty("dbsTimedOut", true);
        reply->abort();
    });
    deadline->start(timeoutMs);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64 total) {
        if (received > maxCredentialAnswerBytes || total > maxCredentialAnswerBytes) {
            reply->setProperty("dbsTooLarge", true);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [reply, timeoutMs, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString where =
            reply->url()
                .adjusted(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment)
                .toDisplayString();
        if (reply->property("dbsTooLarge").toBool()) {
            done(status, {},
                 QCoreApplication::translate("dbs::signin", "%1 answered more than 64 KiB")
                     .arg(where));
            return;
        }
        if (reply->property("dbsTimedOut").toBool() ||
            reply->error() == QNetworkReply::OperationCanceledError ||
            reply->error() == QNetworkReply::TimeoutError) {
            done(0, {},
                 QCoreApplication::translate("dbs::signin", "no answer from %1 within %2 s")
                     .arg(where)
                     .arg(timeoutMs / 1000.0));
            return;
        }
        if (status == 0) {
            done(0, {},
                 QCoreApplication::translate("dbs::signin", "%1: %2")
                     .arg(where, reply->errorString()));
            return;
        }
        done(status, reply->readAll(), QString());
    });
}

// ---- EcsMetadataProvider ----

EcsMetadataProvider::EcsMetadataProvider(const SignInSpec &spec, const SignInOptions &options,
                                         QObject *parent)
    : CredentialProvider(parent), m_spec(spec), m_options(options),
      m_http(new SmallHttp(false, this))
{}

QNetworkRequest EcsMetadataProvider::request(const QString &path, const QByteArray &token) const
{
    QUrl url = m_options.metadataEndpoint;
    url.setPath(path);
    QNetworkRequest request(url);
    if (!token.isEmpty())
        request.setRawHeader("X-aliyun-ecs-metadata-token", token);
    return request;
}

void EcsMetadataProvider::fail(const QString &reason)
{
    deliverFailure(signInError(m_spec.description, reason));
}

void EcsMetadataProvider::fetch()
{
    QNetworkRequest tokenRequest = request(QLatin1String(tokenPath), {});
    tokenRequest.setRawHeader("X-aliyun-ecs-metadata-token-ttl-seconds", "21600");
    m_http->send("PUT", tokenRequest, m_options.metadataTimeoutMs,
                 [this](int status, const QByteArray &body, const QString &error) {
                     const QByteArray token = body.trimmed();
                     if (error.isEmpty() && status == 200 && !token.isEmpty()) {
                         askRoleName(token);
                         return;
                     }
                     // Nothing answered at all: not an ECS instance (or not reachable), and
                     // v1 would meet the same silence.
                     if (status == 0) {
                         fail(error);
                         return;
                     }
                     if (!m_spec.imdsV1Allowed) {
                         fail(QCoreApplication::translate(
                                  "dbs::signin", "the metadata service gave no session token "
                                                 "(HTTP %1), and IMDSv1 is disabled")
                                  .arg(status));
                         return;
                     }
                     askRoleName({});
                 });
}

void EcsMetadataProvider::askRoleName(const QByteArray &token)
{
    if (!m_spec.roleName.isEmpty()) {
        askCredentials(token, m_spec.roleName);
        return;
    }
    m_http->send("GET", request(QLatin1String(rolesPath), token), m_options.metadataTimeoutMs,
                 [this, token](int status, const QByteArray &body, const QString &error) {
                     if (!error.isEmpty()) {
                         fail(error);
                         return;
                     }
                     if (status == 404) {
                         fail(QCoreApplication::translate("dbs::signin",
                                                          "the instance has no RAM role attached"));
                         return;
                     }
                     if (status != 200) {
                         fail(QCoreApplication::translate(
                                  "dbs::signin", "the metadata service answered HTTP %1 for "
                                                 "the role name")
                                  .arg(status));
                         return;
                     }
                     QString problem;
                     const QString role = parseMetadataRoleName(body, &problem);
                     if (role.isEmpty()) {
                         fail(problem);
                         return;
                     }
                     askCredentials(token, role);
                 });
}

void EcsMetadataProvider::askCredentials(const QByteArray &token, const QString &role)
{
    m_http->send(
        "GET", request(QLatin1String(rolesPath) + role, token), m_options.metadataTimeoutMs,
        [this, role](int status, const QByteArray &body, const QString &error) {
            if (!error.isEmpty()) {
                fail(error);
                return;
            }
            if (status != 200) {
                fail(QCoreApplication::translate("dbs::signin", "the metadata service answered "
                                                                "HTTP %1 for the role %2")
                         .arg(status)
                         .arg(role));
                return;
            }
            const CredentialAnswer answer = parseMetadataCredentials(body);
            if (!answer.ok()) {
                fail(QCoreApplication::translate("dbs::signin", "the metadata service's answer: %1")
                         .arg(answer.error));
                return;
            }
            Credential credential = answer.credential;
            credential.source = m_spec.description;
            deliver(credential);
        });
}

// ---- CredentialsUriProvider ----

CredentialsUriProvider::CredentialsUriProvider(const SignInSpec &spec, const SignInOptions &options,
                                               QObject *parent)
    : CredentialProvider(parent), m_spec(spec), m_options(options),
      m_http(new SmallHttp(true, this))
{}

void CredentialsUriProvider::fetch()
{
    m_http->send("GET", QNetworkRequest(QUrl(m_spec.uri)), m_options.uriTimeoutMs,
                 [this](int status, const QByteArray &body, const QString &error) {
                     QString reason = error;
                     CredentialAnswer answer;
                     if (reason.isEmpty() && status != 200)
                         reason =
                             QCoreApplication::translate("dbs::signin", "the URI answered HTTP %1")
                                 .arg(status);
                     if (reason.isEmpty()) {
                         answer = parseCredentialsUriAnswer(body);
                         reason = answer.error;
                     }
                     if (!reason.isEmpty()) {
                         deliverFailure(signInError(m_spec.description, reason));
                         return;
                     }
                     Credential credential = answer.credential;
                     credential.source = m_spec.description;
                     deliver(credential);
                 });
}

// ---- ExternalProcessProvider ----

ExternalProcessProvider::ExternalProcessProvider(const SignInSpec &spec,
                                                 const SignInOptions &options, QObject *parent)
    : CredentialProvider(parent), m_spec(spec), m_options(options)
{}

void ExternalProcessProvider::fail(const QString &reason)
{
    deliverFailure(signInError(m_spec.description, reason));
}

void ExternalProcessProvider::fetch()
{
    QStringList words = QProcess::splitCommand(m_spec.processCommand);
    const QString program = words.isEmpty() ? QString() : words.takeFirst();
    const QString name = QFileInfo(program).fileName();
    auto *process = new QProcess(this);
    // Its error messages are the user's to read; the keys come on standard output only.
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->setStandardInputFile(QProcess::nullDevice());
    auto output = std::make_shared<QByteArray>();
    connect(process, &QProcess::readyReadStandardOutput, this, [this, process, output] {
        *output += process->readAllStandardOutput();
        if (output->size() > maxCredentialAnswerBytes) {
            process->setProperty("dbsTooLarge", true);
            process->kill();
        }
    });
    auto *deadline = new QTimer(process);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, process, [process] {
        process->setProperty("dbsTimedOut", true);
        process->kill();
    });
    connect(process, &QProcess::errorOccurred, this,
            [this, process, name](QProcess::ProcessError e) {
                if (e != QProcess::FailedToStart)
                    return; // a crash or a kill ends in finished() too
                process->deleteLater();
                fail(QCoreApplication::translate("dbs::signin", "could not run %1: %2")
                         .arg(name, process->errorString()));
            });
    connect(process, &QProcess::finished, this,
            [this, process, output, name](int exitCode, QProcess::ExitStatus status) {
                process->deleteLater();
                *output += process->readAllStandardOutput();
                if (process->property("dbsTimedOut").toBool()) {
                    fail(QCoreApplication::translate("dbs::signin", "%1 did not finish within %2 s")
                             .arg(name)
                             .arg(m_options.processTimeoutMs / 1000.0));
                    return;
                }
                if (process->property("dbsTooLarge").toBool()) {
                    fail(QCoreApplication::translate("dbs::signin", "%1 printed more than 64 KiB")
                             .arg(name));
                    return;
                }
                if (status != QProcess::NormalExit || exitCode != 0) {
                    fail(
                        status != QProcess::NormalExit
                            ? QCoreApplication::translate("dbs::signin", "%1 crashed").arg(name)
                            : QCoreApplication::translate("dbs::signin", "%1 exited with status %2")
                                  .arg(name)
                                  .arg(exitCode));
                    return;
                }
                const CredentialAnswer answer = parseExternalProcessOutput(*output);
                if (!answer.ok()) {
                    fail(QCoreApplication::translate("dbs::signin", "what %1 printed: %2")
                             .arg(name, answer.error));
                    return;
                }
                Credential credential = answer.credential;
                credential.source = m_spec.description;
                deliver(credential);
            });
    deadline->start(m_options.processTimeoutMs);
    // Started from the event loop: deliver() may follow a failure to start at once.
    QTimer::singleShot(0, process, [process, program, words] { process->start(program, words); });
}

} // namespace dbs
