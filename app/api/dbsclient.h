#pragma once

#include "apierror.h"
#include "backupgateway.h"
#include "credential.h"
#include "credentialprovider.h"
#include "retrypolicy.h"
#include "signing.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace dbs {

enum class SignatureVersion { V1, V3 };

struct ClientOptions
{
    QUrl endpoint; // overrides the region's endpoint when set
    SignatureVersion signature = SignatureVersion::V3;
    int timeoutMs = 30000; // per attempt, whole transfer (see retry.maxTotalMs)
    qint64 maxResponseBytes = 32 * 1024 * 1024; // a bigger body is an error, not a memory hog
    RetryPolicy retry;
    QString userAgent;
    // A PEM or DER file of CA certificates trusted for https besides the system's; never a way
    // to turn verification off. Empty: the system store only.
    QString caFile;
};

// The page sizes DescribeBackupGatewayList takes, smallest (the default) first.
inline QList<int> pageSizes()
{
    return {30, 50, 100};
}
inline bool isPageSize(int size)
{
    return pageSizes().contains(size);
}

struct PageQuery
{
    QString region;
    int pageSize = 30;
    int pageNum = 0;    // DBS counts pages from 0
    QString identifier; // comma-separated ids, empty for all
};

// One line of the request log (--verbose): never carries a secret or a signature.
struct RequestLog
{
    QByteArray method;
    QString url; // Signature, AccessKeyId and SecurityToken redacted
    int httpStatus = 0;
    qint64 elapsedMs = 0;
    int attempt = 0;
    QString outcome; // empty on success, else the error code or transport error
};

// The URL with every credential-bearing query item replaced by "***".
QString redactedUrl(const QUrl &url);

// One RPC-style OpenAPI call: DBS's DescribeBackupGatewayList, or STS's AssumeRole.
struct RpcRequest
{
    QString region; // picks the DBS endpoint (or the client's endpoint option)...
    QUrl endpoint;  // ...unless this is set: the call goes here (STS)
    QByteArray action;
    QByteArray version;
    signing::QueryItems parameters; // the action's own, in the query
    signing::QueryItems form;       // the action's own, in a form body (V1 signs them too)
    std::optional<SignatureVersion> signature; // empty: the client's option
    bool anonymous = false; // sent unsigned (AssumeRoleWithOIDC): its token is the proof
};

class DbsClient;

// One logical call, with its retries and, when its credential runs out, its renewal. Emits
// exactly one of succeeded()/failed() (unless cancelled) and then deletes itself.
class RpcCall : public QObject
{
    Q_OBJECT
public:
    // Judges an answer the transport delivered whole: no error, or why it is not good.
    using Check = std::function<ApiError(const QByteArray &body, int httpStatus)>;

    const RpcRequest &request() const { return m_request; }
    // Stops the call: no signal is emitted afterwards.
    void cancel();

Q_SIGNALS:
    void succeeded(); // the check accepted an answer
    void failed(const dbs::ApiError &error);

protected:
    friend class DbsClient;
    // signer null: the client's provider signs (or nobody, for an anonymous request).
    RpcCall(DbsClient *client, const RpcRequest &request, CredentialProvider *signer, Check check);
    // Called once, just before succeeded(): lets a subclass hand its result over first.
    virtual void onSucceeded() {}

private:
    void sendAttempt();
    void waitForCredential();
    void onReplyFinished();
    void failOrRetry(const ApiError &error, const QByteArray &dateHeader);
    void finishWith(const ApiError &error);

    // Whoever signs the next attempt: the client's provider as it is then (the user may sign in
    // anew meanwhile), or the caller's.
    CredentialProvider *signer() const;

    DbsClient *m_client; // parent, outlives the call
    RpcRequest m_request;
    QPointer<CredentialProvider> m_signer; // the caller's; unused when m_clientSigns
    bool m_clientSigns;
    Check m_check;
    Credential m_signedWith; // the current attempt's, so that its secrets are scrubbed
    QPointer<QNetworkReply> m_reply;
    QTimer *m_timeout; // child
    QElapsedTimer m_sinceStart;
    QElapsedTimer m_sinceAttempt;
    int m_attempt = 0;
    ApiError m_lastError;    // what the last attempt ended with, reported when time runs out
    QStringList m_sslErrors; // certificate errors of the current attempt
    QByteArray m_body;       // the current attempt's body so far (options.maxResponseBytes at most)
    bool m_clockCorrected = false;
    bool m_renewedAfterRefusal = false;
    bool m_done = false;
};

// One DescribeBackupGatewayList page.
class PageCall final : public RpcCall
{
    Q_OBJECT
public:
    const PageQuery &query() const { return m_query; }

Q_SIGNALS:
    void finished(const dbs::GatewayPage &page);

private:
    friend class DbsClient;
    PageCall(DbsClient *client, const PageQuery &query, std::shared_ptr<GatewayPage> page);
    void onSucceeded() override;

    PageQuery m_query;
    std::shared_ptr<GatewayPage> m_page; // filled by the check
};

// Builds, signs and sends every request through one QNetworkAccessManager.
class DbsClient final : public QObject
{
    Q_OBJECT
public:
    explicit DbsClient(QObject *parent = nullptr);
    ~DbsClient() override;

    // A fixed key pair (owned by the client)...
    void setCredential(const Credential &credential);
    // ...or one that renews itself (not owned; it must outlive the client's calls).
    void setCredentialProvider(CredentialProvider *provider);
    CredentialProvider *credentialProvider() const { return m_provider; }
    // The credential requests are signed with now (none yet when a provider has still to
    // obtain its first).
    Credential credential() const;
    // Reads options.caFile when it changed; a file that cannot be read fails every request with
    // an InvalidConfiguration error (check it first with readCaFile()).
    void setOptions(const ClientOptions &options);
    const ClientOptions &options() const { return m_options; }

    // The call is owned by the client and deletes itself after its last signal.
    PageCall *fetchPage(const PageQuery &query);
    // Any other action, signed by `signer` (null: the client's provider) unless the request
    // is anonymous; `check` judges the answer.
    RpcCall *call(const RpcRequest &request, CredentialProvider *signer, RpcCall::Check check);

    // Server clock minus local clock, learnt from an InvalidTimeStamp.Expired answer.
    qint64 clockOffsetMs() const { return m_clockOffsetMs; }

    // The URL a query is sent to, or an error saying why it may not be sent.
    QUrl endpointFor(const QString &region, QString *error) const;

    // The certificates in a PEM or DER file; empty with `error` set when there are none or the
    // file cannot be read.
    static QList<QSslCertificate> readCaFile(const QString &path, QString *error);
    // What https requests trust when options().caFile is set: the system's roots and the
    // file's. Empty otherwise (Qt's default configuration, the system's roots, applies).
    const QList<QSslCertificate> &caCertificates() const { return m_caCertificates; }

Q_SIGNALS:
    void requestLogged(const dbs::RequestLog &entry);

private:
    friend class RpcCall;
    QNetworkReply *send(const RpcRequest &request, const Credential &credential, QString *error);
    qint64 serverNowMs() const;

    QNetworkAccessManager *m_network;        // child
    FixedCredentialProvider *m_ownProvider;  // child: the fixed key pair of setCredential()
    QPointer<CredentialProvider> m_provider; // m_ownProvider or the caller's
    ClientOptions m_options;
    QList<QSslCertificate> m_caCertificates; // the system's and options.caFile's, if one is set
    QString m_caError;                       // why options.caFile could not be used
    qint64 m_clockOffsetMs = 0;
};

} // namespace dbs

Q_DECLARE_METATYPE(dbs::RequestLog)
