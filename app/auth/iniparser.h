#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace dbs {

struct IniSection
{
    QString name;
    int line = 0;                  // 1-based line of its first [header]
    QMap<QString, QString> values; // key (lower-cased) -> value; a repeated key: the last wins
};

struct IniDocument
{
    QList<IniSection> sections; // file order; a repeated [name] is merged into the first one
    QString error;              // translated, names the line but never quotes it; empty if ok
    int errorLine = 0;

    bool ok() const { return error.isEmpty(); }
    const IniSection *section(const QString &name) const; // exact, case-sensitive
    QStringList sectionNames() const;
};

// A small, strict INI reader for a file the user owns (QSettings would rewrite key names):
// UTF-8 with or without BOM; LF, CRLF or CR; "[section]"; "key = value"; full-line comments
// starting with ';' or '#', and inline ones when ';'/'#' follows whitespace; values may be
// wrapped in "double" or 'single' quotes, which keeps ';' and '#' literal. Keys before the
// first section go to a section named "". Any other line is an error.
IniDocument parseIni(const QByteArray &content);

} // namespace dbs
