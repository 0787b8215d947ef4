// dbs-signin-probe: signs in once through our credential chain, as dbs-gateways does, and says
// which key it got, for tests/interop/credentials.mjs to compare with @alicloud/credentials.
//
//   dbs-signin-probe [--profile NAME] [--ca-file FILE] [--sts-endpoint URL] [--timeout-ms MS]
//
// The chain reads the real environment and home (resolve(systemEnvironment, QDir::homePath())),
// the sign-in endpoints come from signInOptionsFromEnvironment (DBS_STS_ENDPOINT,
// DBS_ECS_METADATA_ENDPOINT) unless --sts-endpoint names one, and the provider renews once.
// One JSON line on standard output:
//   {"ok":true,"accessKeyId":"...","description":"...","expires":<epoch ms, 0: never>,
//    "lastResort":<bool>}
//   {"ok":false,"error":"..."}
// Exit status 0 when signed in, 1 when not, 2 for a bad command line. Never prints a secret or
// a token: only the AccessKeyId (an identifier) and the chain's own descriptions and errors.
#include <api/dbsclient.h>
#include <api/endpoints.h>
#include <auth/credentialchain.h>
#include <cli/nocoredump.h>
#include <signin/signin.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTimer>

#include <cstdio>

namespace {
int report(const QJsonObject &line, int status)
{
    std::fputs(QJsonDocument(line).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    return status;
}

int failure(const QString &error, int status = 1)
{
    return report({{QStringLiteral("ok"), false}, {QStringLiteral("error"), error}}, status);
}
} // namespace

int main(int argc, char *argv[])
{
    dbs::disableCoreDumps(); // no core file may hold a secret
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("The aliyun CLI profile (as --profile)."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"),
                                    QStringLiteral("CA certificates trusted besides the "
                                                   "system's (PEM or DER)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption stsEndpoint(QStringLiteral("sts-endpoint"),
                                         QStringLiteral("Every STS call goes here."),
                                         QStringLiteral("URL"));
    const QCommandLineOption timeout(QStringLiteral("timeout-ms"),
                                     QStringLiteral("Give up after MS milliseconds."),
                                     QStringLiteral("MS"), QStringLiteral("20000"));
    parser.addOptions({profile, caFile, stsEndpoint, timeout});
    parser.addHelpOption();
    if (!parser.parse(QCoreApplication::arguments()))
        return failure(parser.errorText(), 2);
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (!parser.positionalArguments().isEmpty())
        return failure(QStringLiteral("unexpected argument"), 2);
    bool ok = false;
    const int timeoutMs = parser.value(timeout).toInt(&ok);
    if (!ok || timeoutMs <= 0)
        return failure(QStringLiteral("--timeout-ms wants a positive number"), 2);

    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString problem;
    dbs::SignInOptions signIn = dbs::signInOptionsFromEnvironment(environment, &problem);
    if (!problem.isEmpty())
        return failure(problem, 2);
    if (parser.isSet(stsEndpoint)) {
        signIn.stsEndpoint = QUrl(parser.value(stsEndpoint));
        if (const QString error = dbs::endpoints::checkEndpoint(signIn.stsEndpoint);
            !error.isEmpty())
            return failure(QStringLiteral("--sts-endpoint: ") + error, 2);
    }

    const dbs::ChainResult chain =
        dbs::resolve(environment, QDir::homePath(), parser.value(profile));
    if (!chain.ok())
        return failure(chain.errorMessage());

    dbs::DbsClient client;
    dbs::ClientOptions clientOptions;
    if (parser.isSet(caFile)) {
        clientOptions.caFile = parser.value(caFile);
        if (dbs::DbsClient::readCaFile(clientOptions.caFile, &problem).isEmpty())
            return failure(QStringLiteral("--ca-file: ") + problem, 2);
    }
    client.setOptions(clientOptions);
    dbs::CredentialProvider *provider =
        dbs::makeCredentialProvider(chain.spec, &client, signIn, &client);

    bool finished = false;
    QObject::connect(provider, &dbs::CredentialProvider::renewalFinished, &app, [&] {
        finished = true;
        app.quit();
    });
    QTimer::singleShot(timeoutMs, &app, &QCoreApplication::quit);
    provider->renew();
    app.exec();

    if (!finished)
        return failure(QStringLiteral("no credential within %1 ms from %2")
                           .arg(timeoutMs)
                           .arg(provider->description()));
    const dbs::Credential &held = provider->held();
    if (!held.isValid()) {
        const QString reason = provider->lastError().message;
        return failure(chain.lastResort ? chain.errorMessage(reason)
                                        : provider->description() + QStringLiteral(": ") + reason);
    }
    return report(
        {
            {QStringLiteral("ok"), true},
            {QStringLiteral("accessKeyId"), held.accessKeyId},
            {QStringLiteral("description"), provider->description()},
            {QStringLiteral("expires"), double(held.expiresAtMs)},
            {QStringLiteral("lastResort"), chain.lastResort},
        },
        0);
}
