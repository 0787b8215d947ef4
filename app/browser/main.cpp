// dbs-gateway-browser: the desktop inventory browser for Alibaba Cloud DBS backup gateways.
#include "browserapp.h"
#include <ui/widgets/colorscheme.h>

#include <api/endpoints.h>
#include <cli/nocoredump.h>
#include <cmdline/commandline.h>

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

namespace {
int fail(const QString &message)
{
    return dbs::usageError(message);
}

// The browser's options, made once the translations are in.
struct BrowserCommandLine
{
    const QCommandLineOption demo{
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Browse demo data from a simulator started in this "
                                            "process (no Alibaba Cloud account needed).")};
    const QCommandLineOption demoGateways{
        QStringLiteral("demo-gateways"),
        QCoreApplication::translate("main", "How many gateways the demo has."), QStringLiteral("N"),
        QStringLiteral("400")};
    const QCommandLineOption region{
        QStringLiteral("region"),
        QCoreApplication::translate("main", "The region to show first (e.g. cn-hangzhou), or "
                                            "\"all\" for every region."),
        QStringLiteral("R")};
    const QCommandLineOption endpoint{
        QStringLiteral("endpoint"),
        QCoreApplication::translate("main", "Send requests to this URL instead of the region's "
                                            "endpoint (https, or http on loopback)."),
        QStringLiteral("URL")};
    const QCommandLineOption lang = dbs::languageOption();
    const QCommandLineOption palette{
        QStringLiteral("palette"),
        QCoreApplication::translate("main", "The colors: system (the platform's or -style's), "
                                            "dark or light (Fusion style)."),
        QStringLiteral("SCHEME"), QStringLiteral("system")};
    const QCommandLineOption screenshot{
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save the window as a PNG once the first page (or an "
                                            "error) is shown, then exit."),
        QStringLiteral("FILE")};
    const QCommandLineOption screenshotTimeout{
        QStringLiteral("screenshot-timeout"),
        QCoreApplication::translate("main", "Give up on --screenshot after this many seconds."),
        QStringLiteral("S"), QStringLiteral("60")};

    dbs::HelpPage help() const
    {
        dbs::HelpPage page;
        page.usage = QCoreApplication::translate("main", "[options]");
        page.description = QCoreApplication::translate(
            "main", "Browse the backup gateways of Alibaba Cloud Database Backup (DBS).");
        page.options = {demo, demoGateways, region,     endpoint,
                        lang, palette,      screenshot, screenshotTimeout};
        page.sections = {
            {QCoreApplication::translate("main", "Examples"),
             {{QStringLiteral("dbs-gateway-browser --demo"),
               QCoreApplication::translate("main", "The browser on demo data, no account "
                                                   "needed.")},
              {QStringLiteral("dbs-gateway-browser --region all --lang zh_CN"),
               QCoreApplication::translate("main", "Every region at once, in Chinese.")}}}};
        return page;
    }
};

// --help and --version answer without a window, so without a display (over ssh, say).
bool answersWithoutWindow(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "-h" || argument == "--help" || argument == "--help-all" ||
            argument == "-v" || argument == "--version")
            return true;
    }
    return false;
}

// Whether Qt has somewhere to show a window: a platform named (-platform, QT_QPA_PLATFORM) is
// Qt's to judge; otherwise an X11 or Wayland display.
bool hasDisplay(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (QByteArray(argv[i]) == "-platform" || QByteArray(argv[i]).startsWith("-platform="))
            return true;
    }
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") ||
           !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}
} // namespace

int main(int argc, char *argv[])
{
    dbs::disableCoreDumps(); // first: no core file may hold a secret
    dbs::quietLocaleFallback();
    if (answersWithoutWindow(argc, argv)) {
        QCoreApplication app(argc, argv);
        dbs::initialize(QStringLiteral("dbs-gateway-browser"));
        const BrowserCommandLine line;
        QCommandLineParser parser;
        dbs::addStandardOptions(parser);
        parser.addOptions(line.help().options);
        return dbs::parse(parser, QCoreApplication::arguments(), line.help()).value_or(0);
    }
    if (!hasDisplay(argc, argv)) { // one line, not Qt's abort
        QCoreApplication app(argc, argv);
        dbs::initialize(QStringLiteral("dbs-gateway-browser"));
        std::fprintf(stderr, "dbs-gateway-browser: %s\n",
                     qPrintable(QCoreApplication::translate(
                         "main", "no display: DISPLAY and WAYLAND_DISPLAY are not set (run it in "
                                 "a desktop session, or use dbs-gateways in a terminal)")));
        return 1;
    }
    QApplication app(argc, argv);
    dbs::initialize(QStringLiteral("dbs-gateway-browser"));
    QApplication::setApplicationDisplayName(QStringLiteral("DBS Gateway Browser"));
    QApplication::setOrganizationName(QStringLiteral("dbs-gateway-browser"));
    QApplication::setDesktopFileName(QStringLiteral(DBS_APP_ID));

    const BrowserCommandLine line;
    const auto &[demo, demoGateways, region, endpoint, lang, palette, screenshot,
                 screenshotTimeout] = line;
    QCommandLineParser parser;
    dbs::addStandardOptions(parser);
    parser.addOptions(line.help().options);
    if (const std::optional<int> done =
            dbs::parse(parser, QCoreApplication::arguments(), line.help()))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return fail(QCoreApplication::translate("main", "unexpected argument \"%1\"")
                        .arg(parser.positionalArguments().constFirst()));

    dbs::BrowserOptions options;
    options.demo = parser.isSet(demo);
    bool ok = false;
    options.demoGateways = parser.value(demoGateways).toInt(&ok);
    if (!ok || options.demoGateways < 0 || options.demoGateways > 1000000)
        return fail(QCoreApplication::translate("main", "--demo-gateways wants a number from 0 "
                                                        "to 1000000, not \"%1\"")
                        .arg(parser.value(demoGateways)));
    if (parser.isSet(endpoint)) {
        options.endpoint = QUrl(parser.value(endpoint));
        const QString problem = dbs::endpoints::checkEndpoint(options.endpoint);
        if (!problem.isEmpty())
            return fail(problem);
    }
    if (parser.isSet(region)) {
        const bool all = dbs::endpoints::isAllRegions(parser.value(region));
        options.region = all ? dbs::endpoints::allRegions()
                             : dbs::endpoints::canonicalRegion(parser.value(region));
        // An unknown id is fine with an explicit endpoint (a new region, a test server).
        if (!all && !dbs::endpoints::isKnownRegion(options.region) && !parser.isSet(endpoint))
            return fail(QCoreApplication::translate("main", "unknown region \"%1\"; known: %2")
                            .arg(parser.value(region),
                                 dbs::endpoints::regionIds().join(QStringLiteral(", "))));
    }
    options.screenshotPath = parser.value(screenshot);
    const int timeoutSeconds = parser.value(screenshotTimeout).toInt(&ok);
    if (!ok || timeoutSeconds <= 0)
        return fail(QCoreApplication::translate("main", "--screenshot-timeout wants a positive "
                                                        "number of seconds"));
    options.screenshotTimeoutMs = timeoutSeconds * 1000;
    const std::optional<dbs::ColorScheme> scheme = dbs::parseColorScheme(parser.value(palette));
    if (!scheme)
        return fail(QCoreApplication::translate("main", "--palette wants system, dark or light, "
                                                        "not \"%1\"")
                        .arg(parser.value(palette)));
    dbs::applyColorScheme(*scheme);

    dbs::BrowserApp browser(options);
    QObject::connect(&browser, &dbs::BrowserApp::exitRequested, &app,
                     [](int exitCode, const QString &message) {
                         std::fprintf(exitCode == 0 ? stdout : stderr, "dbs-gateway-browser: %s\n",
                                      qPrintable(message));
                         QCoreApplication::exit(exitCode);
                     });
    QString error;
    if (!browser.start(&error))
        return fail(error);
    return app.exec();
}
