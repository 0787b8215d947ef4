// dbs-gateways: the DBS backup gateway inventory for scripts.
#include "auth/credentialchain.h"
#include "cli/listcommand.h"
#include "cli/nocoredump.h"

#include "api/dbsclient.h"
#include "api/endpoints.h"
#include "cmdline/commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcessEnvironment>

#include <cstdio>

using dbs::cmdline::usageError;

int main(int argc, char *argv[])
{
    dbs::disableCoreDumps(); // first: no core file may hold a secret
    QCoreApplication app(argc, argv);
    dbs::cmdline::initialize(QStringLiteral("dbs-gateways"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Lists Alibaba Cloud DBS backup gateways (DescribeBackupGatewayList).\n"
                "Credentials: ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET[/SECURITY_TOKEN], the aliyun "
                "CLI profile, or ~/.alibabacloud/credentials."));
    dbs::cmdline::addStandardOptions(parser);
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("main", "list"));
    const QCommandLineOption region(QStringLiteral("region"),
                                    QCoreApplication::translate("main", "DBS region id."),
                                    QStringLiteral("R"));
    const QCommandLineOption endpoint(
        QStringLiteral("endpoint"),
        QCoreApplication::translate("main", "Endpoint URL instead of the region's."),
        QStringLiteral("URL"));
    const QCommandLineOption pageSize(QStringLiteral("page-size"),
                                      QCoreApplication::translate("main", "30, 50 or 100."),
                                      QStringLiteral("N"), QStringLiteral("30"));
    const QCommandLineOption identifier(
        QStringLiteral("identifier"),
        QCoreApplication::translate("main", "Only these gateways (comma-separated)."),
        QStringLiteral("ID[,ID...]"));
    const QCommandLineOption signature(QStringLiteral("signature"),
                                       QCoreApplication::translate("main", "v1 or v3."),
                                       QStringLiteral("VERSION"), QStringLiteral("v3"));
    const QCommandLineOption concurrency(
        QStringLiteral("concurrency"),
        QCoreApplication::translate("main", "Pages in flight at once."), QStringLiteral("N"),
        QString::number(dbs::defaultFetchConcurrency));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QCoreApplication::translate("main", "json, csv or table."),
                                    QStringLiteral("FORMAT"), QStringLiteral("json"));
    const QCommandLineOption output(
        QStringLiteral("output"),
        QCoreApplication::translate("main", "Write to FILE (only when complete)."),
        QStringLiteral("FILE"));
    const QCommandLineOption verbose(
        QStringLiteral("verbose"),
        QCoreApplication::translate("main", "Log every request to standard error."));
    const QCommandLineOption caFile(
        QStringLiteral("ca-file"),
        QCoreApplication::translate("main", "Also trust the CA certificates in FILE (PEM or DER) "
                                            "for https, besides the system's."),
        QStringLiteral("FILE"));
    parser.addOptions({region, endpoint, pageSize, identifier, signature, concurrency, format,
                       output, verbose, caFile, dbs::cmdline::languageOption()});
    if (const std::optional<int> done = dbs::cmdline::parse(parser, QCoreApplication::arguments()))
        return *done;

    const QStringList args = parser.positionalArguments();
    if (args.size() != 1 || args.first() != u"list")
        return usageError(QCoreApplication::translate(
            "main", "usage: dbs-gateways list --region R [options]; see --help"));

    dbs::ListOptions options;
    options.query.region = parser.value(region).trimmed();
    if (options.query.region.isEmpty())
        return usageError(QCoreApplication::translate("main", "--region is required"));
    if (parser.isSet(endpoint)) {
        options.client.endpoint = QUrl(parser.value(endpoint));
        if (const QString error = dbs::endpoints::checkEndpoint(options.client.endpoint);
            !error.isEmpty())
            return usageError(error);
    } else if (!dbs::endpoints::isKnownRegion(options.query.region)) {
        return usageError(
            QCoreApplication::translate("main", "unknown region \"%1\"").arg(options.query.region));
    }
    bool ok = false;
    options.query.pageSize = parser.value(pageSize).toInt(&ok);
    if (!ok || (options.query.pageSize != 30 && options.query.pageSize != 50 &&
                options.query.pageSize != 100))
        return usageError(QCoreApplication::translate("main", "--page-size must be 30, 50 or 100"));
    options.query.identifier = parser.value(identifier).trimmed();
    const QString signatureName = parser.value(signature).toLower();
    if (signatureName == u"v1")
        options.client.signature = dbs::SignatureVersion::V1;
    else if (signatureName == u"v3")
        options.client.signature = dbs::SignatureVersion::V3;
    else
        return usageError(QCoreApplication::translate("main", "--signature must be v1 or v3"));
    options.concurrency = parser.value(concurrency).toInt(&ok);
    if (!ok || options.concurrency < 1 || options.concurrency > 64)
        return usageError(
            QCoreApplication::translate("main", "--concurrency must be from 1 to 64"));
    const QString formatName = parser.value(format).toLower();
    if (formatName == u"json")
        options.format = dbs::OutputFormat::Json;
    else if (formatName == u"csv")
        options.format = dbs::OutputFormat::Csv;
    else if (formatName == u"table")
        options.format = dbs::OutputFormat::Table;
    else
        return usageError(
            QCoreApplication::translate("main", "--format must be json, csv or table"));
    if (parser.isSet(caFile)) {
        options.client.caFile = parser.value(caFile);
        QString caError;
        if (options.client.caFile.isEmpty())
            return usageError(QCoreApplication::translate("main", "--ca-file wants a file name"));
        if (dbs::DbsClient::readCaFile(options.client.caFile, &caError).isEmpty())
            return usageError(caError);
    }
    options.outputPath = parser.value(output);
    options.verbose = parser.isSet(verbose);

    const dbs::auth::ChainResult credentials =
        dbs::auth::resolve(QProcessEnvironment::systemEnvironment(), QDir::homePath());
    if (!credentials.ok()) {
        std::fprintf(stderr, "dbs-gateways: %s\n", qPrintable(credentials.errorMessage()));
        return 1;
    }

    QFile out, err;
    out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered);
    err.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
    dbs::ListCommand command(options, credentials.credential, &out, &err);
    QObject::connect(&command, &dbs::ListCommand::done, &app, &QCoreApplication::exit);
    command.start();
    return app.exec();
}
