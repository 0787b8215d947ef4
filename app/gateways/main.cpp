// dbs-gateways: the DBS backup gateway inventory for scripts.
#include <auth/credentialchain.h>
#include <cli/checkcommand.h>
#include <cli/exportercommand.h>
#include <cli/interruptnotifier.h>
#include <cli/listcommand.h>
#include <cli/metricsserver.h>
#include <cli/nocoredump.h>
#include <cli/watchcommand.h>
#include <fleet/duration.h>
#include <signin/signin.h>

#include <api/dbsclient.h>
#include <api/endpoints.h>
#include <cmdline/commandline.h>
#include <export/textformat.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QProcessEnvironment>

#include <cstdio>

#include <sys/ioctl.h>
#include <unistd.h>

using dbs::usageError;

namespace {
// The terminal's width: COLUMNS when set (as shells and `COLUMNS=120 cmd` give it), else what
// the terminal says, else 80.
int terminalColumns()
{
    bool ok = false;
    const int columns = qEnvironmentVariableIntValue("COLUMNS", &ok);
    if (ok && columns > 0)
        return columns;
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
    return 80;
}

// Nothing was configured and the chain ends with the instance's RAM role: ask it now, so that
// a desktop (no metadata service) is told what was tried instead of a request's failure.
// Empty when it answered.
QString probeLastResort(const dbs::SignInSpec &spec, const dbs::SignInOptions &options)
{
    dbs::DbsClient client;
    dbs::CredentialProvider *provider =
        dbs::makeCredentialProvider(spec, &client, options, &client);
    QEventLoop loop;
    QObject::connect(provider, &dbs::CredentialProvider::renewalFinished, &loop, &QEventLoop::quit);
    provider->renew();
    loop.exec();
    return provider->held().isValid() ? QString() : provider->lastError().message;
}
} // namespace

int main(int argc, char *argv[])
{
    dbs::disableCoreDumps(); // first: no core file may hold a secret
    dbs::quietLocaleFallback();
    QCoreApplication app(argc, argv);
    dbs::initialize(QStringLiteral("dbs-gateways"));
    QCommandLineParser parser;
    dbs::addStandardOptions(parser);
    dbs::HelpPage help;
    help.usage =
        QCoreApplication::translate("main", "list|watch|check|exporter --region R|all [options]");
    help.description = QCoreApplication::translate(
        "main",
        "Lists Alibaba Cloud DBS backup gateways (DescribeBackupGatewayList).\n"
        "  list   every gateway of a region (or of all regions), as json, csv, a table or an "
        "Excel workbook\n"
        "  watch  one JSON line per change (added, removed, status, stale, recovered) until "
        "interrupted\n"
        "  check  a monitoring plugin (Nagios, Icinga, Zabbix, Checkmk, Sensu): one status line "
        "with performance data, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (a region or the "
        "sign-in that fails, a wrong command line or --timeout)\n"
        "  exporter  Prometheus metrics on --listen (/metrics): gateways by status, stale ones "
        "and whether each region could be read, per account (--profile, repeated) and region, "
        "listed every --interval; until SIGTERM or SIGINT\n"
        "Credentials come from the environment (keys, or an OIDC role), else the aliyun CLI's "
        "current profile (every mode: keys, roles to assume, the ECS instance's role, a "
        "credentials URI, an external process, a cached CloudSSO sign-in), else the "
        "credentials file, else a credentials URI, else the ECS instance's RAM role (see "
        "Environment and Files). Temporary credentials are renewed before they run out.\n"
        "Exit status: 0 done, 1 failed (standard error says why), 2 wrong command line, "
        "3 partial (--region all: some regions failed, named on standard error; the others' "
        "gateways are in the output).");
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
        QCoreApplication::translate("main", "Pages in flight at once, per region (--region all "
                                            "lists every region at once). Over HTTP/1.1 one "
                                            "host gets at most six connections, so more helps "
                                            "only over HTTP/2."),
        QStringLiteral("N"), QString::number(dbs::defaultFetchConcurrency));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QCoreApplication::translate("main", "json, csv, table or xlsx (an Excel workbook: "
                                            "ids and addresses as text, times as dates in "
                                            "UTC; needs --output FILE)."),
        QStringLiteral("FORMAT"), QStringLiteral("json"));
    const QCommandLineOption output(
        QStringLiteral("output"),
        QCoreApplication::translate("main", "Write to FILE, replacing it only once the list is "
                                            "complete, or partial with --region all (exit 3); "
                                            "\"-\" is standard output."),
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
    const QCommandLineOption spreadsheet(
        QStringLiteral("spreadsheet"),
        QCoreApplication::translate("main", "list --format csv for a spreadsheet: the browser's "
                                            "export (byte-order mark, column titles, every "
                                            "field, ISO-8601 UTC beside each time, cells that "
                                            "look like formulas neutralised). Without it csv "
                                            "holds the API's values, for programs."));
    const QCommandLineOption wide(
        QStringLiteral("wide"),
        QCoreApplication::translate("main", "list --format table on a terminal: every column "
                                            "whole, however wide (piped, it always is)."));
    const QCommandLineOption profile(
        QStringLiteral("profile"),
        QCoreApplication::translate("main", "Sign in with this aliyun CLI profile (as the "
                                            "aliyun CLI's --profile), not the credential "
                                            "chain. exporter: repeat it for several accounts, "
                                            "each the account label of its series."),
        QStringLiteral("NAME"));
    const QCommandLineOption stsEndpoint(
        QStringLiteral("sts-endpoint"),
        QCoreApplication::translate("main", "Send STS calls (AssumeRole, AssumeRoleWithOIDC) "
                                            "here instead of sts.aliyuncs.com or the profile's "
                                            "STS region (also DBS_STS_ENDPOINT)."),
        QStringLiteral("URL"));
    const QCommandLineOption interval(
        QStringLiteral("interval"),
        QCoreApplication::translate("main", "watch, exporter: how often to look, at least 1s."),
        QStringLiteral("DURATION"), QStringLiteral("60s"));
    const QCommandLineOption warning(
        QStringLiteral("warning"),
        QCoreApplication::translate("main", "check: WARNING when the number of OFFLINE gateways "
                                            "is outside RANGE (a monitoring-plugin range: 10, "
                                            "10:, ~:10, 10:20, @10:20)."),
        QStringLiteral("RANGE"), QStringLiteral("0"));
    const QCommandLineOption critical(
        QStringLiteral("critical"),
        QCoreApplication::translate("main", "check: CRITICAL when the number of OFFLINE "
                                            "gateways is outside RANGE."),
        QStringLiteral("RANGE"));
    const QCommandLineOption staleWarning(
        QStringLiteral("stale-warning"),
        QCoreApplication::translate("main", "check: WARNING when the number of stale gateways "
                                            "is outside RANGE."),
        QStringLiteral("RANGE"));
    const QCommandLineOption staleCritical(
        QStringLiteral("stale-critical"),
        QCoreApplication::translate("main", "check: CRITICAL when the number of stale gateways "
                                            "is outside RANGE."),
        QStringLiteral("RANGE"));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"),
        QCoreApplication::translate("main", "check: UNKNOWN when the service has not answered "
                                            "within DURATION."),
        QStringLiteral("DURATION"), QStringLiteral("30s"));
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QCoreApplication::translate("main", "exporter: where to serve, HOST:PORT "
                                            "([ADDRESS]:PORT for IPv6; a PORT alone is on "
                                            "loopback). 0.0.0.0:PORT serves every interface."),
        QStringLiteral("ADDRESS"), QStringLiteral("127.0.0.1:9742"));
    const QCommandLineOption gatewayMetrics(
        QStringLiteral("gateway-metrics"),
        QCoreApplication::translate("main", "exporter: which gateways get series of their own: "
                                            "all, problems (not ONLINE, or stale; what the "
                                            "alerts need) or none."),
        QStringLiteral("WHICH"), QStringLiteral("problems"));
    help.options = {region,         endpoint,
                    pageSize,       identifier,
                    signature,      concurrency,
                    format,         output,
                    verbose,        caFile,
                    profile,        stsEndpoint,
                    status,         staleAfter,
                    columns,        spreadsheet,
                    wide,           interval,
                    warning,        critical,
                    staleWarning,   staleCritical,
                    timeout,        listen,
                    gatewayMetrics, dbs::languageOption()};
    parser.addOptions(help.options);
    help.sections = {
        {QCoreApplication::translate("main", "Environment"),
         {{QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
           QCoreApplication::translate(
               "main",
               "The AccessKey to sign with; with ALIBABA_CLOUD_SECURITY_TOKEN, an STS one.")},
          {QStringLiteral("ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE"),
           QCoreApplication::translate(
               "main", "With ALIBABA_CLOUD_ROLE_ARN: an OIDC role to assume with the token in "
                       "the file (e.g. a Kubernetes service account's); "
                       "ALIBABA_CLOUD_ROLE_SESSION_NAME, ALIBABA_CLOUD_STS_REGION and "
                       "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED refine it.")},
          {QStringLiteral("ALIBABA_CLOUD_PROFILE"),
           QCoreApplication::translate(
               "main", "The aliyun CLI profile to use instead of its current one.")},
          {QStringLiteral("ALIBABA_CLOUD_CONFIG_FILE"),
           QCoreApplication::translate(
               "main", "The aliyun CLI's config instead of ~/.aliyun/config.json.")},
          {QStringLiteral("ALIBABA_CLOUD_CLI_PROFILE_DISABLED"),
           QCoreApplication::translate("main", "true: the aliyun CLI's profiles are not read.")},
          {QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_FILE"),
           QCoreApplication::translate(
               "main", "The credentials file instead of ~/.alibabacloud/credentials.")},
          {QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_URI"),
           QCoreApplication::translate("main", "A URL that answers temporary credentials.")},
          {QStringLiteral("ALIBABA_CLOUD_ECS_METADATA"),
           QCoreApplication::translate(
               "main", "The ECS instance's RAM role name (else it is asked for); "
                       "ALIBABA_CLOUD_ECS_METADATA_DISABLED=true skips instance metadata, "
                       "ALIBABA_CLOUD_IMDSV1_DISABLED=true allows only IMDSv2.")},
          {QStringLiteral("DBS_STS_ENDPOINT"),
           QCoreApplication::translate("main", "As --sts-endpoint.")},
          {QStringLiteral("DBS_ECS_METADATA_ENDPOINT"),
           QCoreApplication::translate(
               "main", "The instance metadata service instead of http://100.100.100.200 "
                       "(e.g. the simulator's).")},
          {QStringLiteral("https_proxy, no_proxy"),
           QCoreApplication::translate("main", "The proxy to reach the service through.")},
          {QStringLiteral("COLUMNS"),
           QCoreApplication::translate("main", "The terminal's width, for --format table.")},
          {QStringLiteral("QT_LOGGING_RULES"),
           QCoreApplication::translate(
               "main", "More diagnostics on standard error, e.g. \"dbs.*.debug=true\".")}}},
        {QCoreApplication::translate("main", "Files"),
         {{QStringLiteral("~/.aliyun/config.json"),
           QCoreApplication::translate(
               "main", "The aliyun CLI's profiles (\"aliyun configure\" writes it).")},
          {QStringLiteral("~/.alibabacloud/credentials"),
           QCoreApplication::translate("main", "Credentials in INI form, section [default].")}}},
        {QCoreApplication::translate("main", "Examples"),
         {{QStringLiteral("dbs-gateways list --region cn-hangzhou --format table"),
           QCoreApplication::translate("main", "Every gateway of one region, as a table.")},
          {QStringLiteral("dbs-gateways list --region all --status OFFLINE --format csv"),
           QCoreApplication::translate("main", "The offline gateways of every region, as CSV "
                                               "for a program.")},
          {QStringLiteral("dbs-gateways list --region all --format csv --spreadsheet"),
           QCoreApplication::translate("main", "Every gateway, as CSV for a spreadsheet.")},
          {QStringLiteral("dbs-gateways list --region all --format xlsx --output gateways.xlsx"),
           QCoreApplication::translate("main", "Every gateway, as an Excel workbook.")},
          {QStringLiteral("dbs-gateways watch --region all --interval 1m"),
           QCoreApplication::translate("main", "One JSON line per change, looking every "
                                               "minute.")},
          {QStringLiteral("dbs-gateways exporter --region all --profile prod --profile test"),
           QCoreApplication::translate("main", "Metrics of two accounts' gateways for "
                                               "Prometheus, on 127.0.0.1:9742.")}}}};
    // A monitoring plugin says UNKNOWN (3) for a command line it cannot use, not 2. Before the
    // command line is read, "check" anywhere in it is taken for the command.
    if (const std::optional<int> done = dbs::parse(parser, QCoreApplication::arguments(), help)) {
        if (!QCoreApplication::arguments().contains(QStringLiteral("check")) ||
            *done != dbs::usageExitCode)
            return *done;
        std::printf("DBS UNKNOWN - wrong command line (see dbs-gateways --help)\n");
        return int(dbs::PluginStatus::Unknown);
    }

    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0);
    const bool checking = command == u"check";
    const auto refuse = [checking](const QString &message) {
        if (!checking)
            return usageError(message);
        std::printf("DBS UNKNOWN - %s\n", qPrintable(message));
        usageError(message);
        return int(dbs::PluginStatus::Unknown);
    };
    if (args.isEmpty())
        return refuse(QCoreApplication::translate(
            "main", "usage: dbs-gateways list|watch|check|exporter --region R|all [options]; see "
                    "--help"));
    if (command != u"list" && command != u"watch" && command != u"check" && command != u"exporter")
        return refuse(QCoreApplication::translate("main",
                                                  "unknown command \"%1\"; the commands are list, "
                                                  "watch, check and exporter")
                          .arg(dbs::visibleText(command)));
    if (args.size() > 1)
        return refuse(QCoreApplication::translate("main", "unexpected argument \"%1\"")
                          .arg(dbs::visibleText(args.at(1))));

    // Each command's own options: a script that passes one to the other is told, not ignored.
    if (command != u"list") {
        for (const QCommandLineOption *listOnly :
             {&output, &format, &columns, &status, &wide, &spreadsheet}) {
            if (parser.isSet(*listOnly))
                return refuse(QCoreApplication::translate("main", "--%1 is for list, not %2")
                                  .arg(listOnly->names().constFirst(), command));
        }
    }
    if (command != u"watch" && command != u"exporter" && parser.isSet(interval))
        return refuse(QCoreApplication::translate("main", "--interval is for watch and exporter, "
                                                          "not %1")
                          .arg(command));
    if (command != u"exporter") {
        for (const QCommandLineOption *exporterOnly : {&listen, &gatewayMetrics}) {
            if (parser.isSet(*exporterOnly))
                return refuse(QCoreApplication::translate("main", "--%1 is for exporter, not %2")
                                  .arg(exporterOnly->names().constFirst(), command));
        }
    }
    if (command != u"exporter" && parser.values(profile).size() > 1)
        return refuse(QCoreApplication::translate(
            "main", "--profile is given once (only exporter lists several accounts)"));
    if (command != u"check") {
        for (const QCommandLineOption *checkOnly :
             {&warning, &critical, &staleWarning, &staleCritical, &timeout}) {
            if (parser.isSet(*checkOnly))
                return refuse(QCoreApplication::translate("main", "--%1 is for check, not %2")
                                  .arg(checkOnly->names().constFirst(), command));
        }
    }

    dbs::ListOptions options;
    options.query.region = parser.value(region).trimmed();
    if (options.query.region.isEmpty())
        return refuse(QCoreApplication::translate("main", "--region is required"));
    const bool allRegions = dbs::endpoints::isAllRegions(options.query.region);
    if (allRegions)
        options.regions = dbs::endpoints::regionIds();
    if (parser.isSet(endpoint)) {
        options.client.endpoint = QUrl(parser.value(endpoint));
        if (const QString error = dbs::endpoints::checkEndpoint(options.client.endpoint);
            !error.isEmpty())
            return refuse(error);
    } else if (!allRegions && !dbs::endpoints::isKnownRegion(options.query.region)) {
        return refuse(QCoreApplication::translate("main", "unknown region \"%1\"")
                          .arg(dbs::visibleText(options.query.region)));
    }
    bool ok = false;
    options.query.pageSize = parser.value(pageSize).toInt(&ok);
    if (!ok || !dbs::isPageSize(options.query.pageSize))
        return refuse(QCoreApplication::translate("main", "--page-size must be 30, 50 or 100"));
    options.query.identifier = parser.value(identifier).trimmed();
    const QString signatureName = parser.value(signature).toLower();
    if (signatureName == u"v1")
        options.client.signature = dbs::SignatureVersion::V1;
    else if (signatureName == u"v3")
        options.client.signature = dbs::SignatureVersion::V3;
    else
        return refuse(QCoreApplication::translate("main", "--signature must be v1 or v3"));
    options.concurrency = parser.value(concurrency).toInt(&ok);
    if (!ok || options.concurrency < 1 || options.concurrency > 64)
        return refuse(QCoreApplication::translate("main", "--concurrency must be from 1 to 64"));
    const QString formatName = parser.value(format).toLower();
    if (formatName == u"json")
        options.format = dbs::OutputFormat::Json;
    else if (formatName == u"csv")
        options.format = dbs::OutputFormat::Csv;
    else if (formatName == u"table")
        options.format = dbs::OutputFormat::Table;
    else if (formatName == u"xlsx")
        options.format = dbs::OutputFormat::Xlsx;
    else
        return refuse(
            QCoreApplication::translate("main", "--format must be json, csv, table or xlsx"));
    if (parser.isSet(caFile)) {
        options.client.caFile = parser.value(caFile);
        QString caError;
        if (options.client.caFile.isEmpty())
            return refuse(QCoreApplication::translate("main", "--ca-file wants a file name"));
        if (dbs::DbsClient::readCaFile(options.client.caFile, &caError).isEmpty())
            return refuse(caError);
    }
    if (parser.isSet(columns) && options.format == dbs::OutputFormat::Json)
        return refuse(QCoreApplication::translate(
            "main", "--columns is for --format csv or table; json has every field"));
    if (parser.isSet(columns) && options.format == dbs::OutputFormat::Xlsx)
        return refuse(QCoreApplication::translate(
            "main", "--columns is for --format csv or table; xlsx has every field, as the "
                    "browser exports them"));
    if (parser.isSet(wide) && options.format != dbs::OutputFormat::Table)
        return refuse(QCoreApplication::translate(
            "main", "--wide is for --format table; json and csv always hold every column whole"));
    options.spreadsheet = parser.isSet(spreadsheet);
    if (options.spreadsheet && options.format != dbs::OutputFormat::Csv)
        return refuse(QCoreApplication::translate("main", "--spreadsheet is for --format csv"));
    if (options.spreadsheet && parser.isSet(columns))
        return refuse(QCoreApplication::translate(
            "main", "--spreadsheet has every field, as the browser exports them; --columns "
                    "is for plain csv"));
    options.outputPath = parser.value(output);
    if (parser.isSet(output) && options.outputPath.isEmpty())
        return refuse(QCoreApplication::translate("main", "--output wants a file name, or -"));
    // A workbook is binary: it goes to a file, never to a terminal (or a pipe by mistake).
    if (options.format == dbs::OutputFormat::Xlsx &&
        (options.outputPath.isEmpty() || options.outputPath == u"-"))
        return refuse(QCoreApplication::translate(
            "main", "--format xlsx writes an Excel workbook to a file: give it with --output "
                    "FILE (standard output is not a file)"));
    if (options.outputPath == u"-")
        options.outputPath.clear(); // standard output
    options.verbose = parser.isSet(verbose);
    if (options.format == dbs::OutputFormat::Table && options.outputPath.isEmpty() &&
        !parser.isSet(wide) && ::isatty(STDOUT_FILENO))
        options.tableWidth = terminalColumns();
    for (const QString &name : parser.value(status).split(u',', Qt::SkipEmptyParts)) {
        const QString known = name.trimmed().toUpper();
        if (!dbs::knownStatuses().contains(known))
            return refuse(
                QCoreApplication::translate("main", "unknown status \"%1\"; the statuses are %2")
                    .arg(dbs::visibleText(name.trimmed()),
                         dbs::knownStatuses().join(QStringLiteral(", "))));
        options.filter.statuses.append(known);
    }
    qint64 staleAfterMs = dbs::defaultStaleThresholdMs;
    if (parser.isSet(staleAfter)) {
        const std::optional<qint64> ms = dbs::parseDuration(parser.value(staleAfter));
        if (!ms)
            return refuse(QCoreApplication::translate(
                "main", "--stale-after wants a duration from 1ms to 366d, such as 90s, 5m or "
                        "1h30m"));
        staleAfterMs = *ms;
        options.filter.staleAfterMs = *ms;
    }
    if (parser.isSet(columns)) {
        options.columns.clear();
        for (const QString &name : parser.value(columns).split(u',', Qt::SkipEmptyParts)) {
            const auto fields = dbs::allGatewayFields();
            const auto field = std::find_if(fields.begin(), fields.end(), [&](auto candidate) {
                return QString(dbs::apiFieldName(candidate))
                           .compare(name.trimmed(), Qt::CaseInsensitive) == 0;
            });
            if (field == fields.end()) {
                QStringList known;
                for (dbs::GatewayField candidate : fields)
                    known.append(dbs::apiFieldName(candidate));
                return refuse(QCoreApplication::translate(
                                  "main", "unknown column \"%1\"; the columns are: %2")
                                  .arg(dbs::visibleText(name.trimmed()), known.join(u',')));
            }
            options.columns.append(*field);
        }
        if (options.columns.isEmpty())
            return refuse(QCoreApplication::translate("main", "--columns names no column"));
    }
    const std::optional<qint64> intervalMs = dbs::parseDuration(parser.value(interval));
    if (!intervalMs || *intervalMs < 1000)
        return refuse(QCoreApplication::translate(
            "main", "--interval wants a duration from 1s to 366d, such as 30s, 5m or 1h30m"));

    dbs::CheckThresholds thresholds;
    const std::pair<const QCommandLineOption *, std::optional<dbs::PluginRange> *> ranges[] = {
        {&warning, &thresholds.offlineWarning},
        {&critical, &thresholds.offlineCritical},
        {&staleWarning, &thresholds.staleWarning},
        {&staleCritical, &thresholds.staleCritical}};
    for (const auto &[option, range] : ranges) {
        if (!parser.isSet(*option) && option->defaultValues().isEmpty())
            continue;
        QString rangeError;
        *range = dbs::parsePluginRange(parser.value(*option), &rangeError);
        if (!*range)
            return refuse(QStringLiteral("--%1: %2").arg(option->names().constFirst(), rangeError));
    }
    const std::optional<qint64> timeoutMs = dbs::parseDuration(parser.value(timeout));
    if (!timeoutMs)
        return refuse(QCoreApplication::translate(
            "main", "--timeout wants a duration from 1ms to 366d, such as 10s or 1m"));

    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString signInProblem;
    options.signIn = dbs::signInOptionsFromEnvironment(environment, &signInProblem);
    if (!signInProblem.isEmpty())
        return refuse(signInProblem);
    if (parser.isSet(stsEndpoint)) {
        options.signIn.stsEndpoint = QUrl(parser.value(stsEndpoint));
        if (const QString error = dbs::endpoints::checkEndpoint(options.signIn.stsEndpoint);
            !error.isEmpty())
            return refuse(QStringLiteral("--sts-endpoint: ") + error);
    }
    if (parser.isSet(profile) &&
        std::any_of(parser.values(profile).cbegin(), parser.values(profile).cend(),
                    [](const QString &name) { return name.trimmed().isEmpty(); }))
        return refuse(QCoreApplication::translate("main", "--profile wants a profile name"));
    if (command == u"exporter") {
        dbs::ExporterOptions exporterOptions;
        QString listenError;
        if (!dbs::parseListenAddress(parser.value(listen), &exporterOptions.host,
                                     &exporterOptions.port, &listenError))
            return refuse(listenError);
        const QString which = parser.value(gatewayMetrics).toLower();
        if (which == u"all")
            exporterOptions.gatewayMetrics = dbs::GatewayMetrics::All;
        else if (which == u"problems")
            exporterOptions.gatewayMetrics = dbs::GatewayMetrics::Problems;
        else if (which == u"none")
            exporterOptions.gatewayMetrics = dbs::GatewayMetrics::None;
        else
            return refuse(QCoreApplication::translate(
                "main", "--gateway-metrics must be all, problems or none"));
        exporterOptions.regions = allRegions ? options.regions : QStringList{options.query.region};
        exporterOptions.query = options.query;
        exporterOptions.pageConcurrency = options.concurrency;
        exporterOptions.client = options.client;
        exporterOptions.signIn = options.signIn;
        exporterOptions.intervalMs = *intervalMs;
        exporterOptions.staleAfterMs = staleAfterMs;
        exporterOptions.verbose = options.verbose;
        // Each account is signed in as list would be; one that cannot be is shown failed
        // (dbs_region_up 0, the reason on standard error), never the end of the others.
        QVector<dbs::ExporterAccount> accounts;
        QStringList names = parser.values(profile);
        names.removeDuplicates();
        if (names.isEmpty())
            names.append(QString());
        for (const QString &name : names) {
            const dbs::ChainResult chain = dbs::resolve(environment, QDir::homePath(), name);
            dbs::ExporterAccount account;
            account.name = name.isEmpty() ? QStringLiteral("default") : name;
            if (chain.ok())
                account.signIn = chain.spec;
            else
                account.error = chain.errorMessage();
            accounts.append(account);
        }
        QFile err;
        err.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
        dbs::ExporterCommand exporter(exporterOptions, accounts, &err);
        dbs::InterruptNotifier interrupt;
        QObject::connect(&interrupt, &dbs::InterruptNotifier::interrupted, &exporter,
                         &dbs::ExporterCommand::stop);
        QObject::connect(&exporter, &dbs::ExporterCommand::done, &app, &QCoreApplication::exit);
        if (!exporter.start())
            return 1;
        return app.exec();
    }
    const dbs::ChainResult credentials =
        dbs::resolve(environment, QDir::homePath(), parser.value(profile));
    // No credential: an error (1), or, for a monitoring system, UNKNOWN (never OK).
    const auto cannotSignIn = [checking](const QString &message) {
        std::fprintf(stderr, "dbs-gateways: %s\n", qPrintable(message));
        if (!checking)
            return 1;
        std::printf("DBS UNKNOWN - %s\n", qPrintable(dbs::visibleText(message)));
        return int(dbs::PluginStatus::Unknown);
    };
    if (!credentials.ok())
        return cannotSignIn(credentials.errorMessage());
    if (credentials.lastResort) {
        if (const QString reason = probeLastResort(credentials.spec, options.signIn);
            !reason.isEmpty())
            return cannotSignIn(credentials.errorMessage(reason));
    }

    QFile out, err;
    out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered);
    err.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
    if (command == u"check") {
        dbs::CheckOptions checkOptions;
        checkOptions.regions = allRegions ? options.regions : QStringList{options.query.region};
        checkOptions.query = options.query;
        checkOptions.client = options.client;
        checkOptions.signIn = options.signIn;
        checkOptions.staleAfterMs = staleAfterMs;
        checkOptions.thresholds = thresholds;
        checkOptions.timeoutMs = *timeoutMs;
        checkOptions.verbose = options.verbose;
        dbs::CheckCommand check(checkOptions, credentials.spec, &out, &err);
        QObject::connect(&check, &dbs::CheckCommand::done, &app, &QCoreApplication::exit);
        check.start();
        return app.exec();
    }
    if (command == u"watch") {
        dbs::WatchOptions watchOptions;
        watchOptions.regions = allRegions ? options.regions : QStringList{options.query.region};
        watchOptions.query = options.query;
        watchOptions.client = options.client;
        watchOptions.signIn = options.signIn;
        watchOptions.intervalMs = *intervalMs;
        watchOptions.staleAfterMs = staleAfterMs;
        watchOptions.verbose = options.verbose;
        dbs::WatchCommand watch(watchOptions, credentials.spec, &out, &err);
        dbs::InterruptNotifier interrupt;
        QObject::connect(&interrupt, &dbs::InterruptNotifier::interrupted, &watch,
                         &dbs::WatchCommand::stop);
        QObject::connect(&watch, &dbs::WatchCommand::done, &app, &QCoreApplication::exit);
        watch.start();
        return app.exec();
    }
    dbs::ListCommand list(options, credentials.spec, &out, &err);
    QObject::connect(&list, &dbs::ListCommand::done, &app, &QCoreApplication::exit);
    list.start();
    return app.exec();
}
