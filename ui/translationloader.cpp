#include "translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace dbs {

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

} // namespace dbs
