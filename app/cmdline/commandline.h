#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QLocale>
#include <QPair>
#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace dbs {

// The exit code of a wrong command line, for all three programs.
inline constexpr int usageExitCode = 2;

// The user interface language: --lang LOCALE (or --lang=LOCALE) when given, else the system's
// (LC_ALL, LC_MESSAGES, LANG). Read before the parser exists, since its texts are translated.
QLocale requestedLocale(const QStringList &arguments);

// Installs the programs' translation (built in under :/i18n) and Qt's own (qtbase_*, which
// translates QCommandLineParser's "Usage:" and "Options:") for `locale`. English is the
// source language; its file holds only plural forms and is loaded for any language without a
// translation. Returns the files loaded.
QStringList installTranslations(const QLocale &locale);

// Call before the Q*Application exists. Qt needs a UTF-8 locale and, when the environment has
// none (a cron job, a systemd unit, LANG naming a locale that is not installed), switches to
// C.UTF-8 itself; since Qt 6.8 it also says so on standard error, on every run, which scripts
// would read as our output. That one message is left out until initialize().
void quietLocaleFallback();

// Names the application, makes --lang the default locale when given, and installs the
// translations: call first thing after the Q*Application exists, before building the parser.
void initialize(const QString &applicationName);

// --lang LOCALE, for the parser's option list.
QCommandLineOption languageOption();

// Adds --help and --version (call before the program's own options, so they come first).
void addStandardOptions(QCommandLineParser &parser);

// A titled block at the end of --help (Environment, Files, Examples, Exit status): each entry a
// term and what it means (the term alone for an example).
struct HelpSection
{
    QString title;
    QList<QPair<QString, QString>> entries;
};

// What --help shows: "Usage: <program> <usage>", the description, the options (the standard
// ones first, then these, each with its default), then the sections.
struct HelpPage
{
    QString usage;
    QString description;
    QList<QCommandLineOption> options;
    QList<HelpSection> sections;
};

// --help's text, every line at most `width` terminal cells (CJK counts two), broken where
// Unicode allows a line break: between words, or between Chinese characters, never inside a
// word such as "5m". help2man reads it for the man pages (Environment, Files and Examples
// become their sections).
QString helpText(const HelpPage &page, int width = 80);

// Text wrapped to `width` cells, later lines indented by `indent` spaces.
QStringList wrapped(const QString &text, int width, int indent = 0);

// Parses `arguments`. Returns an exit code when the program is done: 0 after printing --help
// (or --help-all, the same) or --version to standard output, usageExitCode after printing
// "<program>: <error>" to standard error; std::nullopt when the program goes on.
std::optional<int> parse(QCommandLineParser &parser, const QStringList &arguments,
                         const HelpPage &page);

// "<program>: <message>" on standard error; returns usageExitCode.
int usageError(const QString &message);

} // namespace dbs
