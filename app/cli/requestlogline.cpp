#include "requestlogline.h"

#include <export/textformat.h>
#include <export/timewords.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QIODevice>

namespace dbs {

QByteArray requestLogLine(const RequestLog &entry)
{
    // One arg() for all: a URL holds %-escapes (%2C, %3A) that a second arg() would take for
    // its own place markers.
    QString line = QStringLiteral("%1 %2 -> %3 in %4 ms (attempt %5)")
                       .arg(QString::fromLatin1(entry.method), visibleText(entry.url),
                            QString::number(entry.httpStatus), QString::number(entry.elapsedMs),
                            QString::number(entry.attempt));
    if (!entry.outcome.isEmpty())
        line += QStringLiteral(": ") + visibleText(entry.outcome);
    return (line + u'\n').toUtf8();
}

void reportRenewals(CredentialProvider *provider, QIODevice *err, bool verbose)
{
    // Only while the old keys still serve: without them the request fails, and the command
    // says so itself (once).
    QObject::connect(provider, &CredentialProvider::renewalFailed, err,
                     [provider, err](const ApiError &error) {
                         if (!provider->held().isValid() ||
                             (provider->held().expires() &&
                              provider->held().expiresAtMs <= QDateTime::currentMSecsSinceEpoch()))
                             return;
                         err->write(QCoreApplication::translate("dbs::cli", "dbs-gateways: %1\n")
                                        .arg(visibleText(error.summary()))
                                        .toUtf8());
                     });
    if (!verbose)
        return;
    QObject::connect(
        provider, &CredentialProvider::renewed, err, [err](const Credential &credential) {
            const QString line =
                credential.expires()
                    ? QCoreApplication::translate("dbs::cli", "credentials: %1, valid until %2\n")
                          .arg(visibleText(credential.source),
                               timewords::utcIso(credential.expiresAtMs))
                    : QCoreApplication::translate("dbs::cli", "credentials: %1\n")
                          .arg(visibleText(credential.source));
            err->write(line.toUtf8());
        });
}

void setUpCommandClient(DbsClient *client, const SignInSpec &spec, const ClientOptions &options,
                        const SignInOptions &signIn, QIODevice *err, bool verbose)
{
    client->setCredentialProvider(makeCredentialProvider(spec, client, signIn, client));
    ClientOptions withOwnAgent = options;
    withOwnAgent.userAgent = client->options().userAgent;
    client->setOptions(withOwnAgent);
    if (verbose) {
        QObject::connect(client, &DbsClient::requestLogged, client,
                         [err](const RequestLog &entry) { err->write(requestLogLine(entry)); });
    }
    reportRenewals(client->credentialProvider(), err, verbose);
}

} // namespace dbs
