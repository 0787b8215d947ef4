#pragma once

#include <QLocale>
#include <QStringList>

namespace dbs {

// Installs the browser's translation (from :/i18n, built in) and Qt's own (qtbase_*) for
// `locale` on the application. Returns the files loaded, for --verbose style reporting.
// English is the source language; its file (dbs-gateway-browser_en) holds only plural forms,
// and is loaded for English and for any language the browser has no translation for.
QStringList installTranslations(const QLocale &locale);

} // namespace dbs
