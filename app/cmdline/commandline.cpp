#include "commandline.h"

#include <export/textformat.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QTextBoundaryFinder>
#include <QTranslator>

#include <cstdio>
#include <utility>

namespace dbs {

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

QStringList wrapped(const QString &text, int width, int indent)
{
    QStringList lines;
    QString line;
    int lineWidth = 0;
    const QString pad(indent, u' ');
    const auto flush = [&] {
        while (line.endsWith(u' '))
            line.chop(1);
        lines.append(line);
        line = pad;
        lineWidth = indent;
    };
    line = QString();
    // The pieces between two places where a line may break, each with its trailing spaces.
    // Unicode's rules also allow a break after "/" or "-": not taken, so that a path or an
    // option stays whole; only spaces and the places beside a wide (CJK) character are used.
    const auto wide = [](QChar c) { return displayWidth(QString(c)) == 2; };
    QTextBoundaryFinder finder(QTextBoundaryFinder::Line, text);
    qsizetype start = 0;
    while (finder.toNextBoundary() != -1) {
        const qsizetype end = finder.position();
        if (end < text.size() && !text.at(end - 1).isSpace() && !wide(text.at(end - 1)) &&
            !wide(text.at(end)))
            continue;
        const QString piece = text.mid(start, end - start);
        start = end;
        const QString word = QString(piece).remove(QRegularExpression(QStringLiteral("\\s+$")));
        const int pieceWidth = displayWidth(word);
        if (lineWidth + pieceWidth > width && lineWidth > (lines.isEmpty() ? 0 : indent))
            flush();
        line += piece;
        lineWidth += displayWidth(piece);
        if (piece.endsWith(u'\n')) {
            line.chop(1);
            flush();
        }
    }
    if (!line.trimmed().isEmpty() || lines.isEmpty())
        flush();
    return lines;
}

QString helpText(const HelpPage &page, int width)
{
    QStringList out;
    out += wrapped(QCoreApplication::translate("dbs::cmdline", "Usage: %1 %2")
                       .arg(QCoreApplication::applicationName(), page.usage),
                   width, 2);
    out += QString();
    for (const QString &paragraph : page.description.split(u'\n')) {
        // Lines that begin with spaces are a list: their own lines, indented as they are.
        const qsizetype indent =
            paragraph.size() -
            QString(paragraph).remove(QRegularExpression(QStringLiteral("^ +"))).size();
        out += paragraph.isEmpty() ? QStringList{QString()}
                                   : wrapped(paragraph, width, int(indent) + (indent > 0 ? 7 : 0));
    }
    // Terms in a column as wide as the widest (up to a third of the line), the text beside.
    const auto addEntries = [&](const QList<QPair<QString, QString>> &entries) {
        int column = 0;
        for (const auto &[term, text] : entries) {
            if (!text.isEmpty())
                column = std::max(column, displayWidth(term));
        }
        column = std::min(column, width / 3) + 4;
        for (const auto &[term, text] : entries) {
            if (text.isEmpty()) {
                out += wrapped(QStringLiteral("  ") + term, width, 4);
                continue;
            }
            const QString head = QStringLiteral("  ") + term;
            if (displayWidth(head) + 2 > column) {
                out += head;
                out += wrapped(QString(column, u' ') + text, width, column);
            } else {
                out += wrapped(head + QString(column - displayWidth(head), u' ') + text, width,
                               column);
            }
        }
    };
    out += QString();
    out += QCoreApplication::translate("dbs::cmdline", "Options:");
    QList<QPair<QString, QString>> options = {
        {QStringLiteral("-h, --help"),
         QCoreApplication::translate("dbs::cmdline", "Shows this help and exits.")},
        {QStringLiteral("-v, --version"),
         QCoreApplication::translate("dbs::cmdline", "Shows the version and exits.")}};
    for (const QCommandLineOption &option : page.options) {
        QStringList names;
        for (const QString &name : option.names())
            names.append((name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name);
        QString term = names.join(QStringLiteral(", "));
        if (!option.valueName().isEmpty())
            term += QStringLiteral(" <") + option.valueName() + u'>';
        QString text = option.description();
        if (!option.defaultValues().isEmpty())
            text += u' ' + QCoreApplication::translate("dbs::cmdline", "Default: %1.")
                               .arg(option.defaultValues().join(u','));
        options.append({term, text});
    }
    addEntries(options);
    for (const HelpSection &section : page.sections) {
        out += QString();
        out += section.title + u':';
        addEntries(section.entries);
    }
    return out.join(u'\n') + u'\n';
}

std::optional<int> parse(QCommandLineParser &parser, const QStringList &arguments,
                         const HelpPage &page)
{
    // parse(), not process(): process() exits 1 on a wrong command line, and 2 is ours for that.
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    // --help-all is --help: Qt's own debugging and platform options are not ours to offer.
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        std::fputs(helpText(page).toUtf8().constData(), stdout);
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

} // namespace dbs
