#include "dbsclient.h"

#include "credentialprovider.h"
#include "endpoints.h"
#include "httpdate.h"
#include "responseparser.h"
#include "signing.h"

#include <logging/logging.h>

#include <QDateTime>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSet>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

namespace dbs {

namespace {
constexpr char apiVersion[] = "2019-03-06";
constexpr char describeAction[] = "DescribeBackupGatewayList";
constexpr char formContentType[] = "application/x-www-form-urlencoded";

// The Host header exactly as it goes on the wire, so that V3 signs what the server sees.
QByteArray hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int defaultPort = url.scheme() == u"https" ? 443 : 80;
    if (url.port() != -1 && url.port() != defaultPort)
        host += ':' + QByteArray::number(url.port());
    return host;
}

// "host:port", the port always (the default one too): what a transport error names, so that a
// refused or unreachable endpoint says which one it was.
QString hostAndPort(const QUrl &url)
{
    QString host = url.host();
    if (host.contains(u':'))
        host = u'[' + host + u']';
    return host + u':' + QString::number(url.port(url.scheme() == u"https" ? 443 : 80));
}

// Qt reports a refused certificate and a failed handshake alike.
bool isTlsFailure(QNetworkReply::NetworkError error)
{
    return error == QNetworkReply::SslHandshakeFailedError;
}

RpcRequest pageRequest(const PageQuery &query)
{
    signing::QueryItems items = {
        {"Region", query.region.toUtf8()},
        {"PageSize", QByteArray::number(query.pageSize)},
        {"PageNum", QByteArray::number(query.pageNum)},
    };
    if (!query.identifier.isEmpty())
        items.append({"Identifier", query.identifier.toUtf8()});
    RpcRequest request;
    request.region = query.region;
    request.action = describeAction;
    request.version = apiVersion;
    request.parameters = items;
    return request;
}

// A server may echo what we sent (V1's string to sign carries the SecurityToken): no secret
// leaves the client in an error message, in any encoding.
void scrubSecrets(ApiError *error, const Credential &credential)
{
    for (const QString &secret : {credential.accessKeySecret, credential.securityToken}) {
        if (secret.size() < 6) // real ones are far longer; a tiny one would mangle every word
            continue;
        const QByteArray once = signing::percentEncode(secret.toUtf8());
        for (const QString &form :
             {secret, QString::fromLatin1(once), QString::fromLatin1(signing::percentEncode(once))})
            error->message.replace(form, QStringLiteral("***"));
    }
}
} // namespace

QString redactedUrl(const QUrl &url)
{
    static const QStringList secretKeys = {
        QStringLiteral("Signature"), QStringLiteral("AccessKeyId"), QStringLiteral("SecurityToken"),
        QStringLiteral("OIDCToken")};
    QUrl copy = url;
    copy.setUserInfo({});
    QUrlQuery query(copy);
    for (const QString &key : secretKeys) {
        if (query.hasQueryItem(key)) {
            query.removeAllQueryItems(key);
            query.addQueryItem(key, QStringLiteral("***"));
        }
    }
    copy.setQuery(query);
    return copy.toDisplayString();
}

// ---- DbsClient ----

DbsClient::DbsClient(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this)), m_ownProvider(nullptr)
{
    // libproxy behind this honours the desktop's proxy and http(s)_proxy/no_proxy.
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    m_options.userAgent = QStringLiteral("DbsGatewayBrowser/%1 Qt/%2")
                              .arg(QStringLiteral(DBS_VERSION), QString::fromLatin1(qVersion()));
}

DbsClient::~DbsClient() = default;

void DbsClient::setCredential(const Credential &credential)
{
    if (!m_ownProvider)
        m_ownProvider = new FixedCredentialProvider(credential, {}, this);
    m_ownProvider->setCredential(credential);
    m_provider = m_ownProvider;
}

void DbsClient::setCredentialProvider(CredentialProvider *provider)
{
    m_provider = provider;
}

Credential DbsClient::credential() const
{
    return m_provider ? m_provider->held() : Credential();
}

void DbsClient::setOptions(const ClientOptions &options)
{
    const bool caChanged = options.caFile != m_options.caFile;
    m_options = options;
    if (!caChanged)
        return;
    m_caCertificates.clear();
    m_caError.clear();
    // A kept-alive connection (or a TLS session to resume) was verified against the old set of
    // roots: none may carry a request verified against the new one.
    m_network->clearConnectionCache();
    if (options.caFile.isEmpty())
        return;
    const QList<QSslCertificate> extra = readCaFile(options.caFile, &m_caError);
    if (extra.isEmpty())
        return;
    // The system store stays trusted: the file adds to it. Qt may load the system's roots on
    // demand, which an explicit CA list turns off, so they are listed here too.
    QSet<QSslCertificate> seen;
    const QList<QSslCertificate> sources[] = {
        QSslConfiguration::defaultConfiguration().caCertificates(),
        QSslConfiguration::systemCaCertificates(), extra};
    for (const QList<QSslCertificate> &list : sources) {
        for (const QSslCertificate &certificate : list) {
            if (!certificate.isNull() && !seen.contains(certificate)) {
                seen.insert(certificate);
                m_caCertificates.append(certificate);
            }
        }
    }
}

QList<QSslCertificate> DbsClient::readCaFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the CA certificate file %1: %2.").arg(path, file.errorString());
        return {};
    }
    const QByteArray data = file.read(16 * 1024 * 1024);
    QList<QSslCertificate> certificates = QSslCertificate::fromData(data, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(data, QSsl::Der);
    certificates.removeIf([](const QSslCertificate &certificate) { return certificate.isNull(); });
    if (certificates.isEmpty()) {
        *error = tr("The file %1 holds no PEM or DER certificate.").arg(path);
        return {};
    }
    error->clear();
    return certificates;
}

PageCall *DbsClient::fetchPage(const PageQuery &query)
{
    auto *call = new PageCall(this, query, std::make_shared<GatewayPage>());
    // Start from the event loop, so callers can connect first.
    QTimer::singleShot(0, call, &RpcCall::sendAttempt);
    return call;
}

RpcCall *DbsClient::call(const RpcRequest &request, CredentialProvider *signer,
                         RpcCall::Check check)
{
    auto *call = new RpcCall(this, request, signer, std::move(check));
    QTimer::singleShot(0, call, &RpcCall::sendAttempt);
    return call;
}

qint64 DbsClient::serverNowMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_clockOffsetMs;
}

QUrl DbsClient::endpointFor(const QString &region, QString *error) const
{
    QUrl url = m_options.endpoint;
    if (url.isEmpty()) {
        url = endpoints::endpointForRegion(region);
        if (url.isEmpty()) {
            *error =
                tr("Unknown region \"%1\": pick a DBS region or give an endpoint URL.").arg(region);
            return {};
        }
    }
    *error = endpoints::checkEndpoint(url);
    if (!error->isEmpty())
        return {};
    url.setPath(QStringLiteral("/"));
    url.setQuery(QString());
    return url;
}

QNetworkReply *DbsClient::send(const RpcRequest &rpc, const Credential &credential, QString *error)
{
    if (!rpc.anonymous && !credential.isValid()) {
        *error = tr("No AccessKey is set.");
        return nullptr;
    }
    QUrl url;
    if (rpc.endpoint.isEmpty()) {
        url = endpointFor(rpc.region, error);
        if (url.isEmpty())
            return nullptr;
    } else {
        url = rpc.endpoint;
        *error = endpoints::checkEndpoint(url);
        if (!error->isEmpty())
            return nullptr;
        url.setPath(QStringLiteral("/"));
        url.setQuery(QString());
    }
    if (!m_caError.isEmpty()) {
        *error = m_caError;
        return nullptr;
    }

    const QByteArray keyId = credential.accessKeyId.toUtf8();
    const QByteArray secret = credential.accessKeySecret.toUtf8();
    const QByteArray token = credential.securityToken.toUtf8();
    const QByteArray nonce = signing::newNonce();
    const QByteArray timestamp = signing::timestamp(serverNowMs()).toUtf8();
    const QByteArray action = rpc.action;
    const QByteArray version = rpc.version;
    signing::QueryItems items = rpc.parameters;
    // A form body is V1's: V3 would have to hash it, which no call here needs.
    const SignatureVersion signature =
        !rpc.form.isEmpty() ? SignatureVersion::V1 : rpc.signature.value_or(m_options.signature);

    QNetworkRequest request;
    request.setRawHeader("User-Agent", m_options.userAgent.toUtf8());
    // As Alibaba Cloud's own SDK (Darabonba) asks; not signed, as there.
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray(formContentType));
    // A redirect must not carry our signed request to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Host", hostHeader(url));
    if (!m_caCertificates.isEmpty()) {
        // Verification stays on (the default); only the set of trusted roots grows.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_caCertificates);
        request.setSslConfiguration(tls);
    }

    if (rpc.anonymous) {
        items += signing::QueryItems{
            {"Action", action},
            {"Version", version},
            {"Format", "JSON"},
            {"Timestamp", timestamp},
        };
    } else if (signature == SignatureVersion::V1) {
        items += signing::QueryItems{
            {"Action", action},
            {"Version", version},
            {"Format", "JSON"},
            {"AccessKeyId", keyId},
            {"SignatureMethod", "HMAC-SHA1"},
            {"SignatureVersion", "1.0"},
            {"SignatureNonce", nonce},
            {"Timestamp", timestamp},
        };
        if (!token.isEmpty())
            items.append({"SecurityToken", token});
        const QByteArray v1 =
            signing::v1Signature(secret, signing::v1StringToSign("POST", items + rpc.form));
        items.append({"Signature", v1});
    } else {
        signing::HeaderMap headers = {
            {"host", hostHeader(url)},
            {"content-type", formContentType},
            {"x-acs-action", action},
            {"x-acs-version", version},
            {"x-acs-date", timestamp},
            {"x-acs-signature-nonce", nonce},
            {"x-acs-content-sha256", signing::hexSha256({})},
        };
        if (!token.isEmpty()) {
            // The official SDK names the STS key beside its token (and signs both).
            headers.insert("x-acs-security-token", token);
            headers.insert("x-acs-accesskey-id", keyId);
        }
        const QList<QByteArray> signedHeaders = signing::v3HeadersToSign(headers);
        const QByteArray canonical = signing::v3CanonicalRequest(
            "POST", "/", items, headers, signedHeaders, headers.value("x-acs-content-sha256"));
        const QByteArray v3 = signing::v3Signature(secret, signing::v3StringToSign(canonical));
        for (auto it = headers.cbegin(); it != headers.cend(); ++it) {
            if (it.key().startsWith("x-acs-"))
                request.setRawHeader(it.key(), it.value());
        }
        request.setRawHeader("Authorization",
                             signing::v3AuthorizationHeader(keyId, signedHeaders, v3));
    }

    url.setQuery(QString::fromLatin1(signing::canonicalQuery(items)), QUrl::StrictMode);
    request.setUrl(url);
    if (!rpc.form.isEmpty()) // small (STS's parameters): its answer is small too
        return m_network->sendCustomRequest(request, "POST", signing::canonicalQuery(rpc.form));
    // The same POST with an empty body, sent without an upload device: Qt 6.4 ignores the
    // reply's read buffer size on replies to requests that carry one, so a huge chunked answer
    // was read ahead far past the size cap (measured: 200 MB body, ~140 MB held). Stated
    // explicitly, the header goes out as before (Content-Length: 0).
    request.setHeader(QNetworkRequest::ContentLengthHeader, 0);
    return m_network->sendCustomRequest(request, "POST");
}

// ---- RpcCall ----

RpcCall::RpcCall(DbsClient *client, const RpcRequest &request, CredentialProvider *signer,
                 Check check)
    : QObject(client), m_client(client), m_request(request), m_signer(signer),
      m_clientSigns(signer == nullptr), m_check(std::move(check)), m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        if (m_reply) {
            m_reply->setProperty("dbsAbort", int(ApiError::Kind::Timeout));
            m_reply->abort();
        }
    });
    m_sinceStart.start();
}

void RpcCall::cancel()
{
    m_done = true;
    m_timeout->stop();
    if (m_reply) {
        m_reply->disconnect(this);
        // A reply that already failed must not be aborted again (Qt warns); deleting it stops it.
        if (m_reply->error() == QNetworkReply::NoError)
            m_reply->abort();
        m_reply->deleteLater();
    }
    deleteLater();
}

void RpcCall::sendAttempt()
{
    if (m_done)
        return;
    if (!m_request.anonymous) {
        // Signed with what the provider holds now: renewed first when it is running out.
        CredentialProvider *provider = signer();
        m_signedWith = provider ? provider->usable(m_client->serverNowMs()) : Credential();
        if (provider && !m_signedWith.isValid()) {
            waitForCredential();
            return;
        }
    }
    // The total budget bounds every attempt, not only the decision to start one: an attempt
    // never starts after it and never runs past it.
    const qint64 remainingMs = m_client->options().retry.maxTotalMs - m_sinceStart.elapsed();
    if (m_attempt > 0 && remainingMs <= 0) {
        finishWith(m_lastError);
        return;
    }
    const int attemptTimeoutMs =
        int(std::clamp<qint64>(remainingMs, 1, std::max(1, m_client->options().timeoutMs)));
    ++m_attempt;
    m_sinceAttempt.start();
    QString error;
    m_reply = m_client->send(m_request, m_signedWith, &error);
    if (!m_reply) {
        ApiError configError;
        configError.kind = ApiError::Kind::Config;
        configError.code = QStringLiteral("InvalidConfiguration");
        configError.message = error;
        finishWith(configError);
        return;
    }
    const qint64 cap = m_client->options().maxResponseBytes;
    m_body.clear();
    auto tooLarge = [this] {
        if (m_reply && !m_reply->property("dbsAbort").isValid()) {
            m_reply->setProperty("dbsAbort", int(ApiError::Kind::TooLarge));
            m_reply->abort();
        }
    };
    // The network thread reads ahead only this far: the body is taken in pieces and counted
    // here, so that a huge answer costs the cap in memory, not whatever the socket delivered
    // before an abort could stop it.
    m_reply->setReadBufferSize(std::clamp<qint64>(cap / 4, 16 * 1024, 1024 * 1024));
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this, cap, tooLarge] {
        bool known = false;
        const qint64 length =
            m_reply ? m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known) : 0;
        if (known && length > cap)
            tooLarge(); // promised too much: not a byte of it is read
    });
    connect(m_reply, &QNetworkReply::readyRead, this, [this, cap, tooLarge] {
        if (!m_reply || m_reply->property("dbsAbort").isValid())
            return;
        if (m_body.size() + m_reply->bytesAvailable() > cap) {
            tooLarge();
            return;
        }
        m_body += m_reply->readAll();
    });
    connect(m_reply, &QNetworkReply::downloadProgress, this,
            [cap, tooLarge](qint64 got, qint64 total) {
                if (got > cap || total > cap)
                    tooLarge();
            });
    // Certificate problems are collected for the error message (they are never ignored).
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &sslError : errors)
            m_sslErrors.append(sslError.errorString());
    });
    connect(m_reply, &QNetworkReply::finished, this, &RpcCall::onReplyFinished);
    m_timeout->start(attemptTimeoutMs);
    // Qt queues what is beyond six connections to one host (an all-regions listing asks for
    // many pages at once): an attempt's time counts again from when its request has gone out,
    // still within the call's total budget.
    connect(m_reply, &QNetworkReply::requestSent, this, [this] {
        const qint64 left = m_client->options().retry.maxTotalMs - m_sinceStart.elapsed();
        m_timeout->start(
            int(std::clamp<qint64>(left, 1, std::max(1, m_client->options().timeoutMs))));
    });
}

CredentialProvider *RpcCall::signer() const
{
    return m_clientSigns ? m_client->credentialProvider() : m_signer.data();
}

void RpcCall::waitForCredential()
{
    // Once: the provider finishes every renewal, with a credential or an error.
    CredentialProvider *provider = signer();
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection =
        connect(provider, &CredentialProvider::renewalFinished, this, [this, provider, connection] {
            disconnect(*connection);
            if (m_done)
                return;
            if (!provider->usable(m_client->serverNowMs()).isValid()) {
                ApiError error = provider->lastError();
                if (!error.isError()) { // renewed, yet run out already
                    error.kind = ApiError::Kind::Config;
                    error.code = QStringLiteral("CredentialExpired");
                    error.message = tr("The new credentials from %1 have already expired: check "
                                       "this machine's clock.")
                                        .arg(provider->description());
                }
                finishWith(error);
                return;
            }
            sendAttempt();
        });
    provider->renew();
}

void RpcCall::onReplyFinished()
{
    m_timeout->stop();
    QNetworkReply *reply = m_reply;
    if (!reply || m_done)
        return;
    reply->deleteLater();
    m_reply = nullptr;

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QVariant abortKind = reply->property("dbsAbort");
    ApiError error;
    if (abortKind.isValid()) {
        error.kind = ApiError::Kind(abortKind.toInt());
        if (error.kind == ApiError::Kind::Timeout) {
            error.code = QStringLiteral("Timeout");
            error.message =
                tr("No complete answer within %1 s.").arg(m_timeout->interval() / 1000.0);
        } else {
            error.code = QStringLiteral("ResponseTooLarge");
            error.message = tr("The answer is larger than %1 MiB; it was not read.")
                                .arg(m_client->options().maxResponseBytes / (1024 * 1024));
        }
        error.retryable = isRetryable(error);
    } else if (isTlsFailure(reply->error())) {
        // Another attempt meets the same certificate: retrying only delays the real message.
        error.kind = ApiError::Kind::Transport;
        error.code = QStringLiteral("TlsError");
        // What OpenSSL says when the other side answers a TLS hello in plain text.
        const QString reason = reply->errorString();
        const bool plainText =
            m_sslErrors.isEmpty() && (reason.contains(QLatin1String("wrong version number")) ||
                                      reason.contains(QLatin1String("packet length too long")) ||
                                      reason.contains(QLatin1String("http request")));
        if (plainText) {
            error.message = tr("%1 does not speak TLS (it answered in plain text, as an http "
                               "server does): check the endpoint, whose scheme may be http://.")
                                .arg(reply->url().authority());
        } else {
            error.message =
                tr("The secure connection to %1 failed: %2. Check the endpoint and the "
                   "system's CA certificates (or an intercepting proxy).")
                    .arg(reply->url().host(),
                         m_sslErrors.isEmpty() ? reason : m_sslErrors.join(QStringLiteral("; ")));
        }
        error.retryable = false;
    } else if (reply->error() != QNetworkReply::NoError && status == 0) {
        error.kind = ApiError::Kind::Transport;
        error.code = QStringLiteral("NetworkError");
        // Qt's words name no endpoint ("Connection refused"): the user has to know which one.
        error.message = reply->error() == QNetworkReply::ConnectionRefusedError
                            ? tr("Connection refused by %1").arg(hostAndPort(reply->url()))
                            : tr("%1 (%2)").arg(reply->errorString(), hostAndPort(reply->url()));
        // Some plain http servers say nothing to a TLS hello and close the connection after
        // their read timeout (cpp-httplib 0.18 does): the handshake never ended. A cut
        // connection can be passing, so it is still retried.
        if (reply->error() == QNetworkReply::RemoteHostClosedError &&
            reply->url().scheme() == QLatin1String("https") &&
            reply->sslConfiguration().sessionCipher().isNull()) {
            error.message = tr("%1 closed the connection before a secure connection was set up: "
                               "it may not speak TLS (check whether the endpoint's scheme "
                               "should be http://), or something on the way cut it.")
                                .arg(reply->url().authority());
        }
        error.retryable = true;
    } else if (reply->error() != QNetworkReply::NoError && status >= 200 && status < 300) {
        // Headers arrived but the body was cut short.
        error.kind = ApiError::Kind::Transport;
        error.code = QStringLiteral("NetworkError");
        error.message = reply->errorString();
        error.retryable = true;
    } else if (status >= 300 && status < 400) {
        // Never followed (ManualRedirectPolicy): the signed request, and with V3 its
        // Authorization header, must not go to a host the user did not name. Only where the
        // redirect points is told: its query may echo ours, Signature included.
        const QUrl location =
            reply->url().resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
        const QString target = location
                                   .adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath |
                                             QUrl::RemoveQuery | QUrl::RemoveFragment)
                                   .toDisplayString();
        error.kind = ApiError::Kind::Service;
        error.httpStatus = status;
        error.code = QStringLiteral("Redirected");
        error.message =
            target.isEmpty()
                ? tr("The endpoint answered HTTP %1 (a redirect); it is not followed. Check the "
                     "endpoint.")
                      .arg(status)
                : tr("The endpoint answered HTTP %1, a redirect to %2; it is not followed, so that "
                     "the signed request goes to no other host. Check the endpoint.")
                      .arg(status)
                      .arg(target);
        error.retryable = false;
    } else if (int(reply->error()) > 0 && int(reply->error()) < 100 &&
               reply->error() != QNetworkReply::OperationCanceledError) {
        // The connection broke off after the status line (a reset mid-body): what came is a
        // fragment, not a malformed answer. Qt 6.8 reports it with the status it had read.
        error.kind = ApiError::Kind::Transport;
        error.code = QStringLiteral("NetworkError");
        error.httpStatus = status;
        error.message = tr("The connection to %1 broke off in the middle of the answer: %2")
                            .arg(reply->url().host(), reply->errorString());
        error.retryable = true;
    } else {
        m_body += reply->readAll();
        error = m_check(m_body, status);
        if (error.httpStatus == 0)
            error.httpStatus = status;
    }

    scrubSecrets(&error, m_signedWith);
    if (error.code == u"SignatureDoesNotMatch") {
        // The service quotes its string to sign, line breaks and all: of no use to an
        // administrator, who is told what to check instead (ApiError::hint()).
        const qsizetype quote = error.message.indexOf(QLatin1String("server string to sign is"), 0,
                                                      Qt::CaseInsensitive);
        if (quote >= 0)
            error.message = error.message.left(quote).trimmed();
    }

    RequestLog entry;
    entry.method = "POST";
    entry.url = redactedUrl(reply->url());
    entry.httpStatus = status;
    entry.elapsedMs = m_sinceAttempt.elapsed();
    entry.attempt = m_attempt;
    entry.outcome =
        error.isError() ? (error.code.isEmpty() ? error.message : error.code) : QString();
    // The URL and the outcome come from outside (names, the service's messages): quoted, so
    // that QDebug escapes whatever a terminal would obey.
    qCDebug(lcApi) << entry.method.constData() << entry.url << "HTTP" << entry.httpStatus
                   << entry.elapsedMs << "ms attempt" << entry.attempt << entry.outcome;
    Q_EMIT m_client->requestLogged(entry);

    m_sslErrors.clear();
    m_body = QByteArray(); // freed, not kept for the next attempt
    if (error.isError()) {
        m_lastError = error;
        failOrRetry(error, reply->rawHeader("Date"));
        return;
    }
    m_done = true;
    onSucceeded();
    Q_EMIT succeeded();
    deleteLater();
}

void RpcCall::failOrRetry(const ApiError &error, const QByteArray &dateHeader)
{
    // A temporary credential the service calls expired (its clock may run ahead of ours): one
    // renewal, then the same request again.
    CredentialProvider *provider = signer();
    if (error.code == u"InvalidSecurityToken.Expired" && !m_renewedAfterRefusal && provider &&
        provider->renewable()) {
        m_renewedAfterRefusal = true;
        provider->discard(m_signedWith.accessKeyId);
        sendAttempt();
        return;
    }
    // A wrong local clock: learn the server's from its Date header and try once more.
    if (error.code == u"InvalidTimeStamp.Expired" && !m_clockCorrected) {
        const QDateTime serverTime = parseHttpDate(dateHeader);
        if (serverTime.isValid()) {
            m_clockCorrected = true;
            m_client->m_clockOffsetMs =
                serverTime.toMSecsSinceEpoch() - QDateTime::currentMSecsSinceEpoch();
            sendAttempt();
            return;
        }
    }
    const RetryPolicy &policy = m_client->options().retry;
    const int delay =
        policy.delayBeforeAttempt(m_attempt + 1, QRandomGenerator::global()->generateDouble());
    if (error.retryable && policy.mayRetry(m_attempt, m_sinceStart.elapsed(), delay)) {
        QTimer::singleShot(delay, this, &RpcCall::sendAttempt);
        return;
    }
    finishWith(error);
}

void RpcCall::finishWith(const ApiError &error)
{
    m_done = true;
    Q_EMIT failed(error);
    deleteLater();
}

// ---- PageCall ----

PageCall::PageCall(DbsClient *client, const PageQuery &query, std::shared_ptr<GatewayPage> page)
    : RpcCall(client, pageRequest(query), nullptr,
              [page](const QByteArray &body, int httpStatus) {
                  ParsedResponse parsed = parseDescribeResponse(body, httpStatus);
                  *page = std::move(parsed.page);
                  return parsed.error;
              }),
      m_query(query), m_page(std::move(page))
{}

void PageCall::onSucceeded()
{
    Q_EMIT finished(*m_page);
}

} // namespace dbs
