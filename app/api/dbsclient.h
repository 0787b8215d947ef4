#pragma once

#include "apierror.h"
#include "backupgateway.h"
#include "credential.h"
#include "retrypolicy.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QStringList>
#include <QUrl>

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

class DbsClient;

// One logical DescribeBackupGatewayList call, with its retries. Emits exactly one of
// finished()/failed() (unless cancelled) and then deletes itself.
class PageCall final : public QObject
{
    Q_OBJECT
public:
    const PageQuery &query() const { return m_query; }
    // Stops the call: no signal is emitted afterwards.
    void cancel();

Q_SIGNALS:
    void finished(const dbs::GatewayPage &page);
    void failed(const dbs::ApiError &error);

private:
    friend class DbsClient;
    PageCall(DbsClient *client, const PageQuery &query);
    void sendAttempt();
    void onReplyFinished();
    void failOrRetry(const ApiError &error, const QByteArray &dateHeader);
    void finishWith(const ApiError &error);

    DbsClient *m_client; // parent, outlives the call
    PageQuery m_query;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_timeout; // child
    QElapsedTimer m_sinceStart;
    QElapsedTimer m_sinceAttempt;
    int m_attempt = 0;
    ApiError m_lastError;    // what the last attempt ended with, reported when time runs out
    QStringList m_sslErrors; // certificate errors of the current attempt
    QByteArray m_body;       // the current attempt's body so far (options.maxResponseBytes at most)
    bool m_clockCorrected = false;
    bool m_done = false;
};

// Builds, signs and sends every request through one QNetworkAccessManager.
class DbsClient final : public QObject
{
    Q_OBJECT
public:
    explicit DbsClient(QObject *parent = nullptr);
    ~DbsClient() override;

    void setCredential(const Credential &credential) { m_credential = credential; }
    const Credential &credential() const { return m_credential; }
    // Reads options.caFile when it changed; a file that cannot be read fails every request with
    // an InvalidConfiguration error (check it first with readCaFile()).
    void setOptions(const ClientOptions &options);
    const ClientOptions &options() const { return m_options; }

    // The call is owned by the client and deletes itself after its last signal.
    PageCall *fetchPage(const PageQuery &query);

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
    friend class PageCall;
    QNetworkReply *send(const PageQuery &query, QString *error);
    qint64 serverNowMs() const;

    QNetworkAccessManager *m_network; // child
    Credential m_credential;
    ClientOptions m_options;
    QList<QSslCertificate> m_caCertificates; // the system's and options.caFile's, if one is set
    QString m_caError;                       // why options.caFile could not be used
    qint64 m_clockOffsetMs = 0;
};

} // namespace dbs

Q_DECLARE_METATYPE(dbs::RequestLog)
