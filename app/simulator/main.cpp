// dbs-simulator: a local DBS endpoint for demos, tests and benchmarks.
#include <api/endpoints.h>
#include <cli/nocoredump.h>
#include <cmdline/commandline.h>
#include <sim/simulator.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

#include <csignal>
#include <cstdio>

namespace {
int fail(const QString &message)
{
    return dbs::usageError(message);
}

// "HOST:PORT", "[::1]:PORT" or "HOST"
bool parseListen(const QString &text, QString *host, quint16 *port)
{
    QString hostPart = text;
    QString portPart;
    if (text.startsWith(u'[')) {
        const int close = int(text.indexOf(u']'));
        if (close < 0)
            return false;
        hostPart = text.mid(1, close - 1);
        if (text.size() > close + 1) {
            if (text.at(close + 1) != u':')
                return false;
            portPart = text.mid(close + 2);
        }
    } else if (const int colon = int(text.lastIndexOf(u':')); colon >= 0) {
        hostPart = text.left(colon);
        portPart = text.mid(colon + 1);
    }
    if (hostPart.isEmpty())
        return false;
    *host = hostPart;
    if (!portPart.isEmpty()) {
        bool ok = false;
        const uint value = portPart.toUInt(&ok);
        if (!ok || value > 65535)
            return false;
        *port = quint16(value);
    }
    return true;
}
} // namespace

int main(int argc, char *argv[])
{
    dbs::disableCoreDumps(); // first: no core file may hold a secret
    // SIGINT/SIGTERM are waited for with sigwait(): block them before any thread starts, so
    // every thread inherits the mask.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    dbs::quietLocaleFallback();
    QCoreApplication app(argc, argv);
    dbs::initialize(QStringLiteral("dbs-simulator"));

    QCommandLineParser parser;
    dbs::HelpPage help;
    help.usage = QCoreApplication::translate("main", "[options]");
    help.description = QCoreApplication::translate(
        "main", "A local Alibaba Cloud DBS endpoint (DescribeBackupGatewayList) that checks "
                "signatures like the real service. Its first line on standard output is "
                "\"listening on http://HOST:PORT\"; it runs until SIGINT or SIGTERM.");
    dbs::addStandardOptions(parser);
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QCoreApplication::translate("main", "Address to listen on: a loopback address, or "
                                            "100.100.100.200 (instance metadata's, inside a "
                                            "test's network namespace)."),
        QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:0"));
    const QCommandLineOption gateways(QStringLiteral("gateways"),
                                      QCoreApplication::translate("main", "Inventory size."),
                                      QStringLiteral("N"), QStringLiteral("400"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QCoreApplication::translate("main", "Inventory seed."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption regions(
        QStringLiteral("regions"),
        QCoreApplication::translate("main", "Only these regions (comma-separated)."),
        QStringLiteral("R1,R2,..."));
    const QCommandLineOption accessKey(
        QStringLiteral("access-key"),
        QCoreApplication::translate("main", "Accept this key (repeatable); default: the demo key."),
        QStringLiteral("ID:SECRET[:STS_TOKEN]"));
    const QCommandLineOption latency(
        QStringLiteral("latency-ms"),
        QCoreApplication::translate("main", "Delay every answer by MS milliseconds."),
        QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption fault(
        QStringLiteral("fault"),
        QCoreApplication::translate("main",
                                    "Inject a fault with probability RATE per request (%1); "
                                    "repeatable, the rates adding up to 1 at most.")
            .arg(dbs::faultNames().join(QStringLiteral(", "))),
        QStringLiteral("KIND=RATE"));
    const QCommandLineOption clockOffset(
        QStringLiteral("clock-offset-ms"),
        QCoreApplication::translate("main", "Run the server's clock MS milliseconds ahead."),
        QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption tlsCert(
        QStringLiteral("tls-cert"),
        QCoreApplication::translate("main", "Serve HTTPS with this PEM certificate (chain); "
                                            "needs --tls-key."),
        QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(
        QStringLiteral("tls-key"),
        QCoreApplication::translate("main", "The PEM private key of --tls-cert (unencrypted)."),
        QStringLiteral("FILE"));
    const QCommandLineOption churn(
        QStringLiteral("churn"),
        QCoreApplication::translate("main", "Change the inventory RATE times a second while "
                                            "serving: gateways added, removed, going offline, "
                                            "back online or falling silent (stale)."),
        QStringLiteral("RATE"));
    const QCommandLineOption denyRegion(
        QStringLiteral("deny-region"),
        QCoreApplication::translate("main", "Refuse requests for region R as a key without "
                                            "permission there (403 Forbidden.RAM); repeatable."),
        QStringLiteral("R"));
    const QCommandLineOption pageBase(
        QStringLiteral("page-base"),
        QCoreApplication::translate("main", "The PageNum of the first page: 0, as DBS counts, or "
                                            "1 (PageNum 0 is then answered as page 1)."),
        QStringLiteral("0|1"), QStringLiteral("0"));
    const QCommandLineOption stsDuration(
        QStringLiteral("sts-duration"),
        QCoreApplication::translate("main", "Keys issued by STS (AssumeRole, AssumeRoleWithOIDC) "
                                            "and by instance metadata expire after SECONDS at "
                                            "most; a DurationSeconds asked for may make it "
                                            "less."),
        QStringLiteral("SECONDS"), QStringLiteral("3600"));
    const QCommandLineOption ecsRole(
        QStringLiteral("ecs-role"),
        QCoreApplication::translate("main", "Also serve ECS instance metadata (IMDS, "
                                            "/latest/...), handing out keys of the RAM role "
                                            "NAME; without it those paths answer 404."),
        QStringLiteral("NAME"));
    const QCommandLineOption imdsV2Only(
        QStringLiteral("imds-v2-only"),
        QCoreApplication::translate("main", "Answer instance metadata only with a session token "
                                            "(IMDSv2); requests without one get 401."));
    const QCommandLineOption issuedLog(
        QStringLiteral("issued-log"),
        QCoreApplication::translate("main", "Append a JSON line to FILE for every key STS or "
                                            "instance metadata issues: kind, AccessKeyId, role "
                                            "and expiration, never a secret or token."),
        QStringLiteral("FILE"));
    const QCommandLineOption accounts(
        QStringLiteral("accounts"),
        QCoreApplication::translate("main", "Share the gateways among N accounts: the keys given "
                                            "and instance metadata see account 0's, a role's "
                                            "keys those of the account in its ARN (modulo N)."),
        QStringLiteral("N"), QStringLiteral("1"));
    help.options = {listen,
                    gateways,
                    seed,
                    regions,
                    accessKey,
                    latency,
                    fault,
                    clockOffset,
                    tlsCert,
                    tlsKey,
                    churn,
                    denyRegion,
                    pageBase,
                    stsDuration,
                    ecsRole,
                    imdsV2Only,
                    issuedLog,
                    accounts,
                    dbs::languageOption()};
    help.sections = {
        {QCoreApplication::translate("main", "Examples"),
         {{QStringLiteral("dbs-simulator --gateways 5000 --latency-ms 100"),
           QCoreApplication::translate("main", "A large inventory behind a slow network.")},
          {QStringLiteral("dbs-simulator --fault http503=0.1 --page-base 1"),
           QCoreApplication::translate("main", "One answer in ten a 503, pages counted from "
                                               "1.")},
          {QStringLiteral("dbs-simulator --ecs-role demo-role --sts-duration 60"),
           QCoreApplication::translate("main", "Instance metadata for the role demo-role, whose "
                                               "keys expire after a minute.")}}}};
    parser.addOptions(help.options);
    if (const std::optional<int> done = dbs::parse(parser, QCoreApplication::arguments(), help))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return fail(QCoreApplication::translate("main", "unexpected argument \"%1\"")
                        .arg(parser.positionalArguments().constFirst()));

    dbs::SimulatorOptions options;
    if (!parseListen(parser.value(listen), &options.host, &options.port))
        return fail(QCoreApplication::translate("main", "--listen wants HOST:PORT, not \"%1\"")
                        .arg(parser.value(listen)));
    bool ok = false;
    options.gateways = parser.value(gateways).toInt(&ok);
    if (!ok || options.gateways < 0 || options.gateways > 10'000'000)
        return fail(
            QCoreApplication::translate("main", "--gateways wants a count from 0 to 10000000"));
    options.seed = parser.value(seed).toULongLong(&ok);
    if (!ok)
        return fail(QCoreApplication::translate("main", "--seed wants a non-negative integer"));
    options.latencyMs = parser.value(latency).toInt(&ok);
    if (!ok || options.latencyMs < 0)
        return fail(
            QCoreApplication::translate("main", "--latency-ms wants a non-negative integer"));
    if (const QString base = parser.value(pageBase); base == u"0" || base == u"1")
        options.pageBase = base.toInt();
    else
        return fail(
            QCoreApplication::translate("main", "--page-base wants 0 or 1, not \"%1\"").arg(base));
    options.clockOffsetMs = parser.value(clockOffset).toLongLong(&ok);
    if (!ok)
        return fail(QCoreApplication::translate("main", "--clock-offset-ms wants an integer"));
    if (parser.isSet(regions)) {
        options.regions = parser.value(regions).split(u',', Qt::SkipEmptyParts);
        for (QString &region : options.regions) {
            region = region.trimmed();
            if (!dbs::endpoints::isKnownRegion(region))
                return fail(
                    QCoreApplication::translate("main", "unknown region \"%1\"").arg(region));
        }
    }
    if (parser.isSet(churn)) {
        options.churnPerSecond = parser.value(churn).toDouble(&ok);
        if (!ok || !(options.churnPerSecond > 0 && options.churnPerSecond <= 1000))
            return fail(QCoreApplication::translate(
                "main", "--churn wants a rate above 0 and at most 1000 changes a second"));
    }
    for (const QString &name : parser.values(denyRegion)) {
        if (!dbs::endpoints::isKnownRegion(name.trimmed()))
            return fail(QCoreApplication::translate("main", "unknown region \"%1\"").arg(name));
        options.deniedRegions.append(dbs::endpoints::canonicalRegion(name.trimmed()));
    }
    for (const QString &spec : parser.values(accessKey)) {
        const QStringList parts = spec.split(u':');
        if (parts.size() < 2 || parts.size() > 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
            return fail(
                QCoreApplication::translate("main", "--access-key wants ID:SECRET[:STS_TOKEN]"));
        options.keys.append({parts.at(0).toUtf8(), parts.at(1).toUtf8(),
                             parts.size() == 3 ? parts.at(2).toUtf8() : QByteArray()});
    }
    for (const QString &spec : parser.values(fault)) {
        dbs::Fault kind;
        double rate = 0;
        if (const QString error = dbs::parseFaultSpec(spec, &kind, &rate); !error.isEmpty())
            return fail(error);
        options.faults.append({kind, rate});
    }
    if (const QString error = dbs::checkFaultRates(options.faults); !error.isEmpty())
        return fail(error);

    options.stsDurationSeconds = parser.value(stsDuration).toInt(&ok);
    if (!ok || options.stsDurationSeconds < 1)
        return fail(QCoreApplication::translate(
            "main", "--sts-duration wants a whole number of seconds, 1 or more"));
    options.accounts = parser.value(accounts).toInt(&ok);
    if (!ok || options.accounts < 1 || options.accounts > 1000)
        return fail(
            QCoreApplication::translate("main", "--accounts wants a number from 1 to 1000"));
    if (parser.isSet(ecsRole)) {
        options.ecsRoleName = parser.value(ecsRole);
        // A RAM role's name: it is one segment of the metadata path.
        static const QRegularExpression roleName(
            QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9._-]{1,64}")));
        if (!roleName.match(options.ecsRoleName).hasMatch())
            return fail(QCoreApplication::translate(
                            "main", "--ecs-role wants a RAM role name (1 to 64 letters, digits, "
                                    "'.', '_' or '-'), not \"%1\"")
                            .arg(options.ecsRoleName));
    }
    options.imdsV2Only = parser.isSet(imdsV2Only);
    if (parser.isSet(issuedLog)) {
        options.issuedLogFile = parser.value(issuedLog);
        if (options.issuedLogFile.isEmpty())
            return fail(QCoreApplication::translate("main", "--issued-log wants a file name"));
    }
    if (options.imdsV2Only && options.ecsRoleName.isEmpty())
        return fail(QCoreApplication::translate("main", "--imds-v2-only needs --ecs-role"));

    if (parser.isSet(tlsCert) != parser.isSet(tlsKey))
        return fail(QCoreApplication::translate("main", "--tls-cert and --tls-key go together"));
    if (parser.isSet(tlsCert)) {
        options.tlsCertFile = parser.value(tlsCert);
        options.tlsKeyFile = parser.value(tlsKey);
        if (options.tlsCertFile.isEmpty() || options.tlsKeyFile.isEmpty())
            return fail(
                QCoreApplication::translate("main", "--tls-cert and --tls-key want a file name"));
    }

    dbs::Simulator simulator(options);
    QString error;
    if (!simulator.start(&error))
        return fail(error);
    std::printf("listening on %s\n", qPrintable(simulator.baseUrl()));
    std::fflush(stdout);

    int received = 0;
    sigwait(&stopSignals, &received);
    simulator.stop();
    return 0;
}
