// dbs-gateways: the DBS backup gateway inventory for scripts.
#include "auth/credentialchain.h"
#include "cli/listcommand.h"
#include "cli/interruptnotifier.h"
#include "cli/nocoredump.h"
#include "cli/watchcommand.h"
#include "fleet/duration.h"

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
    dbs::cmdline::quietLocaleFallback();
    QCoreApplication app(argc, argv);
    dbs::cmdline::initialize(QStringLiteral("dbs-gateways"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Lists Alibaba Cloud DBS backup gateways (DescribeBackupGatewayList).\n"
                "  list   every gateway of a region (or of all regions), as json, csv or a table\n"
                "  watch  one JSON line per change (added, removed, status, stale, recovered)\n"
                "         until interrupted\n"
                "Credentials: ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET[/SECURITY_TOKEN], the aliyun "
                "CLI profile, or ~/.alibabacloud/credentials.\n"
                "Exit status: 0 done, 1 failed, 2 wrong command line, 3 partial (--region all: "
                "some regions failed, their names on standard error)."));
    dbs::cmdline::addStandardOptions(parser);
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("main", "list or watch"));
    const QCommandLineOption region(
        QStringLiteral("region"),
        QCoreApplication::translate("main", "DBS region id, or \"all\" for every region."),
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
    const QCommandLineOption status(
        QStringLiteral("status"),
        QCoreApplication::translate("main", "list: only gateways with these statuses "
                                            "(comma-separated, e.g. OFFLINE,STOPPED)."),
        QStringLiteral("S[,S...]"));
    const QCommandLineOption staleAfter(
        QStringLiteral("stale-after"),
        QCoreApplication::translate("main", "A gateway is stale when ONLINE with a heartbeat "
                                            "older than this (e.g. 90s, 5m, 1h). list: only "
                                            "those (or those too, with --status). watch: when "
                                            "to say \"stale\" (default 5m)."),
        QStringLiteral("DURATION"));
    const QCommandLineOption columns(
        QStringLiteral("columns"),
        QCoreApplication::translate("main", "list --format csv or table: only these fields, in "
                                            "this order (API names, comma-separated)."),
        QStringLiteral("C[,C...]"));
    const QCommandLineOption interval(
        QStringLiteral("interval"),
        QCoreApplication::translate("main", "watch: how often to look (default 60s, at least "
                                            "1s)."),
        QStringLiteral("DURATION"), QStringLiteral("60s"));
    parser.addOptions({region, endpoint, pageSize, identifier, signature, concurrency, format,
                       output, verbose, caFile, status, staleAfter, columns, interval,
                       dbs::cmdline::languageOption()});
    if (const std::optional<int> done = dbs::cmdline::parse(parser, QCoreApplication::arguments()))
        return *done;

    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0);
    if (args.size() != 1 || (command != u"list" && command != u"watch"))
        return usageError(QCoreApplication::translate(
            "main", "usage: dbs-gateways list|watch --region R|all [options]; see --help"));

    // Each command's own options: a script that passes one to the other is told, not ignored.
    if (command == u"watch") {
        for (const QCommandLineOption *listOnly : {&output, &format, &columns, &status}) {
            if (parser.isSet(*listOnly))
                return usageError(QCoreApplication::translate("main", "--%1 is for list, not watch")
                                      .arg(listOnly->names().constFirst()));
        }
    } else if (parser.isSet(interval)) {
        return usageError(QCoreApplication::translate("main", "--interval is for watch, not list"));
    }

    dbs::ListOptions options;
    options.query.region = parser.value(region).trimmed();
    if (options.query.region.isEmpty())
        return usageError(QCoreApplication::translate("main", "--region is required"));
    const bool allRegions = options.query.region.compare(u"all", Qt::CaseInsensitive) == 0;
    if (allRegions)
        options.regions = dbs::endpoints::regionIds();
    if (parser.isSet(endpoint)) {
        options.client.endpoint = QUrl(parser.value(endpoint));
        if (const QString error = dbs::endpoints::checkEndpoint(options.client.endpoint);
            !error.isEmpty())
            return usageError(error);
    } else if (!allRegions && !dbs::endpoints::isKnownRegion(options.query.region)) {
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
    for (const QString &name : parser.value(status).split(u',', Qt::SkipEmptyParts))
        options.filter.statuses.append(name.trimmed().toUpper());
    qint64 staleAfterMs = dbs::defaultStaleThresholdMs;
    if (parser.isSet(staleAfter)) {
        const std::optional<qint64> ms = dbs::parseDuration(parser.value(staleAfter));
        if (!ms)
            return usageError(QCoreApplication::translate(
                "main", "--stale-after wants a duration such as 90s, 5m or 1h"));
        staleAfterMs = *ms;
        options.filter.staleAfterMs = *ms;
    }
    if (parser.isSet(columns)) {
        options.columns.clear();
        for (const QString &name : parser.value(columns).split(u',', Qt::SkipEmptyParts)) {
            const auto fields = dbs::allGatewayFields();
            const auto field = std::find_if(fields.begin(), fields.end(), [&](auto candidate) {
                return QString(dbs::apiFieldName(candidate)).compare(name.trimmed(),
                                                                      Qt::CaseInsensitive) == 0;
            });
            if (field == fields.end()) {
                QStringList known;
                for (dbs::GatewayField candidate : fields)
                    known.append(dbs::apiFieldName(candidate));
                return usageError(QCoreApplication::translate(
                                      "main", "unknown column \"%1\"; the columns are: %2")
                                      .arg(name.trimmed(), known.join(u',')));
            }
            options.columns.append(*field);
        }
        if (options.columns.isEmpty())
            return usageError(QCoreApplication::translate("main", "--columns names no column"));
    }
    const std::optional<qint64> intervalMs = dbs::parseDuration(parser.value(interval));
    if (!intervalMs || *intervalMs < 1000)
        return usageError(QCoreApplication::translate(
            "main", "--interval wants a duration of at least 1s, such as 30s or 5m"));

    const dbs::auth::ChainResult credentials =
        dbs::auth::resolve(QProcessEnvironment::systemEnvironment(), QDir::homePath());
    if (!credentials.ok()) {
        std::fprintf(stderr, "dbs-gateways: %s\n", qPrintable(credentials.errorMessage()));
        return 1;
    }

    QFile out, err;
    out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered);
    err.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
    if (command == u"watch") {
        dbs::WatchOptions watchOptions;
        watchOptions.regions = allRegions ? options.regions : QStringList{options.query.region};
        watchOptions.query = options.query;
        watchOptions.client = options.client;
        watchOptions.intervalMs = *intervalMs;
        watchOptions.staleAfterMs = staleAfterMs;
        watchOptions.verbose = options.verbose;
        dbs::WatchCommand watch(watchOptions, credentials.credential, &out, &err);
        dbs::InterruptNotifier interrupt;
        QObject::connect(&interrupt, &dbs::InterruptNotifier::interrupted, &watch,
                         &dbs::WatchCommand::stop);
        QObject::connect(&watch, &dbs::WatchCommand::done, &app, &QCoreApplication::exit);
        watch.start();
        return app.exec();
    }
    dbs::ListCommand list(options, credentials.credential, &out, &err);
    QObject::connect(&list, &dbs::ListCommand::done, &app, &QCoreApplication::exit);
    list.start();
    return app.exec();
}
