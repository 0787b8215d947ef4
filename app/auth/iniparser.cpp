#include "iniparser.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace dbs {

const IniSection *IniDocument::section(const QString &name) const
{
    for (const IniSection &s : sections) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

QStringList IniDocument::sectionNames() const
{
    QStringList names;
    for (const IniSection &s : sections)
        names.append(s.name);
    return names;
}

namespace {
bool isComment(QStringView text)
{
    return text.startsWith(u';') || text.startsWith(u'#');
}

// Cuts an unquoted value at the first ';' or '#' that follows whitespace.
QStringView stripInlineComment(QStringView value)
{
    for (qsizetype i = 1; i < value.size(); ++i) {
        if ((value[i] == u';' || value[i] == u'#') && value[i - 1].isSpace())
            return value.left(i).trimmed();
    }
    return value;
}

IniDocument failAt(int line, const QString &what)
{
    IniDocument doc;
    doc.errorLine = line;
    doc.error = QCoreApplication::translate("dbs::auth", "line %1: %2").arg(line).arg(what);
    return doc;
}
} // namespace

IniDocument parseIni(const QByteArray &content)
{
    if (content.startsWith("\xFF\xFE") || content.startsWith("\xFE\xFF")) {
        IniDocument doc;
        doc.error =
            QCoreApplication::translate("dbs::auth", "the file is UTF-16 text; save it as UTF-8");
        return doc;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(content);
    if (decoder.hasError()) {
        IniDocument doc;
        doc.error = QCoreApplication::translate("dbs::auth", "the file is not valid UTF-8 text");
        return doc;
    }
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(u'\r', u'\n');

    IniDocument doc;
    qsizetype current = -1; // index into doc.sections
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i + 1);
        const QStringView line = QStringView(lines[i]).trimmed();
        if (line.isEmpty() || isComment(line))
            continue;

        if (line.startsWith(u'[')) {
            const qsizetype close = line.indexOf(u']');
            if (close < 0)
                return failAt(lineNo, QCoreApplication::translate(
                                          "dbs::auth", "a section header has no closing ']'"));
            const QString name = line.mid(1, close - 1).trimmed().toString();
            if (name.isEmpty())
                return failAt(
                    lineNo, QCoreApplication::translate("dbs::auth", "the section name is empty"));
            const QStringView after = line.mid(close + 1).trimmed();
            if (!after.isEmpty() && !isComment(after))
                return failAt(lineNo, QCoreApplication::translate(
                                          "dbs::auth", "unexpected text after the section header"));
            current = -1;
            for (qsizetype s = 0; s < doc.sections.size(); ++s) {
                if (doc.sections[s].name == name)
                    current = s;
            }
            if (current < 0) {
                doc.sections.append({name, lineNo, {}});
                current = doc.sections.size() - 1;
            }
            continue;
        }

        const qsizetype eq = line.indexOf(u'=');
        if (eq < 0)
            return failAt(lineNo, QCoreApplication::translate(
                                      "dbs::auth", "expected \"[section]\" or \"key = value\""));
        const QString key = line.left(eq).trimmed().toString().toLower();
        if (key.isEmpty())
            return failAt(lineNo, QCoreApplication::translate("dbs::auth", "the key is empty"));

        QStringView rest = line.mid(eq + 1).trimmed();
        QString value;
        if (rest.startsWith(u'"') || rest.startsWith(u'\'')) {
            const qsizetype close = rest.indexOf(rest.front(), 1);
            if (close < 0)
                return failAt(lineNo, QCoreApplication::translate(
                                          "dbs::auth", "a quoted value has no closing quote"));
            value = rest.mid(1, close - 1).toString();
            const QStringView after = rest.mid(close + 1).trimmed();
            if (!after.isEmpty() && !isComment(after))
                return failAt(lineNo, QCoreApplication::translate(
                                          "dbs::auth", "unexpected text after a quoted value"));
        } else {
            value = stripInlineComment(rest).toString();
        }

        if (current < 0) {
            doc.sections.append({QString(), lineNo, {}});
            current = doc.sections.size() - 1;
        }
        doc.sections[current].values.insert(key, value);
    }
    return doc;
}

} // namespace dbs
