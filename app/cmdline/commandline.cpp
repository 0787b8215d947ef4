#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <cstdio>
#include <utility>

namespace dbs::cmdline {

QLocale requestedLocale(const QStringList &arguments)
{
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--"))
            break;
        if (argument.startsWith(QLatin1String("--lang=")))
            return QLocale(argument.mid(7));
        if (argument == QLatin1String("--lang") && i + 1 < arguments.size())
            return QLocale(arguments.at(i + 1));
    }
    return QLocale::system();
}

QStringList installTranslations(const QLocale &locale)
{
    QStringList loaded;
    auto load = [&](const QLocale &language, const QString &name, const QString &directory) {
        auto *translator = new QTranslator(QCoreApplication::instance()); // owned by the app
        // load(locale, ...) tries zh_CN, then zh, as Qt's own files are named.
        if (translator->load(language, name, QStringLiteral("_"), directory)) {
            QCoreApplication::installTranslator(translator);
            loaded.append(translator->filePath());
            return true;
        }
        delete translator;
        return false;
    };
    load(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    // A language without a translation shows the English source texts: the English file then
    // gives them their plural forms ("1 second", "2 seconds").
    if (!load(locale, QStringLiteral("dbs-gateway-browser"), QStringLiteral(":/i18n")))
        load(QLocale(QLocale::English), QStringLiteral("dbs-gateway-browser"),
             QStringLiteral(":/i18n"));
    return loaded;
}

namespace {
QtMessageHandler previousHandler = nullptr;
bool quietingLocale = false;

void withoutLocaleFallback(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    if (type == QtWarningMsg && text.startsWith(QLatin1String("Detected locale \"")))
        return;
    if (previousHandler)
        previousHandler(type, context, text);
}
} // namespace

void quietLocaleFallback()
{
    previousHandler = qInstallMessageHandler(withoutLocaleFallback);
    quietingLocale = true;
}

void initialize(const QString &applicationName)
{
    if (std::exchange(quietingLocale, false))
        qInstallMessageHandler(previousHandler);
    QCoreApplication::setApplicationName(applicationName);
    QCoreApplication::setApplicationVersion(QStringLiteral(DBS_VERSION));
    const QStringList arguments = QCoreApplication::arguments();
    const QLocale locale = requestedLocale(arguments);
    // Only an explicit --lang changes number and date formats; the system locale already is
    // the default.
    if (locale != QLocale::system())
        QLocale::setDefault(locale);
    installTranslations(locale);
}

QCommandLineOption languageOption()
{
    return QCommandLineOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("main", "The user interface language (e.g. zh_CN); default: "
                                            "the system's."),
        QStringLiteral("LOCALE"));
}

void addStandardOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addVersionOption();
}

std::optional<int> parse(QCommandLineParser &parser, const QStringList &arguments)
{
    // parse(), not process(): process() exits 1 on a wrong command line, and 2 is ours for that.
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.isSet(QStringLiteral("help-all"))) {
        // Only process() prints Qt's own options too (-platform, -style...); it exits 0.
        parser.process(arguments);
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("%s %s\n", qPrintable(QCoreApplication::applicationName()),
                    qPrintable(QCoreApplication::applicationVersion()));
        return 0;
    }
    return std::nullopt;
}

int usageError(const QString &message)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()),
                 qPrintable(message));
    return usageExitCode;
}

} // namespace dbs::cmdline
