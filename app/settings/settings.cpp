#include "settings.h"

#include <QStringList>

namespace dbs {

namespace {
struct Entry
{
    Settings::Key key;
    const char *name;
    QVariant defaultValue;
};

const QList<Entry> &table()
{
    static const QList<Entry> entries = {
        {Settings::Key::Region, "query/region", QStringLiteral("cn-hangzhou")},
        {Settings::Key::PageSize, "query/pageSize", 30},
        {Settings::Key::Endpoint, "query/endpoint", QString()},
        {Settings::Key::StaleThresholdMs, "view/staleThresholdMs", qint64(5 * 60 * 1000)},
        {Settings::Key::StatusFilter, "view/statusFilter", QStringList()},
        {Settings::Key::StaleOnlyFilter, "view/staleOnly", false},
        {Settings::Key::TextFilter, "view/textFilter", QString()},
        {Settings::Key::SortColumn, "view/sortColumn", -1},
        {Settings::Key::SortOrder, "view/sortOrder", int(Qt::AscendingOrder)},
        {Settings::Key::HeaderState, "view/headerState", QByteArray()},
        {Settings::Key::WindowGeometry, "window/geometry", QByteArray()},
        {Settings::Key::WindowState, "window/state", QByteArray()},
        {Settings::Key::DetailSplitterState, "window/detailSplitter", QByteArray()},
        {Settings::Key::ExportScope, "export/scope", QStringLiteral("filtered")},
        {Settings::Key::ExportByteOrderMark, "export/byteOrderMark", true},
        {Settings::Key::ExportApiHeaders, "export/apiHeaders", false},
        {Settings::Key::ExportFormat, "export/format", QStringLiteral("csv")},
        {Settings::Key::ExportDirectory, "export/directory", QString()},
        {Settings::Key::CredentialSource, "credentials/lastSource", QString()},
        {Settings::Key::SavedAccounts, "credentials/savedAccounts", QVariantList()},
        {Settings::Key::SignatureVersion, "connection/signature", QStringLiteral("v3")},
        {Settings::Key::CaFile, "connection/caFile", QString()},
        {Settings::Key::AutoRefreshSeconds, "view/autoRefreshSeconds", 0},
        {Settings::Key::NotifyChanges, "view/notifyChanges", false},
        {Settings::Key::ChangesPanelVisible, "view/changesPanel", true},
        {Settings::Key::RegionsExpanded, "view/regionsExpanded", false},
        {Settings::Key::Account, "credentials/account", QString()},
        {Settings::Key::AccountRegions, "credentials/accountRegions", QVariantMap()},
        {Settings::Key::AccountFilters, "credentials/accountFilters", QVariantMap()},
    };
    return entries;
}

const Entry &entry(Settings::Key key)
{
    for (const Entry &e : table()) {
        if (e.key == key)
            return e;
    }
    Q_UNREACHABLE();
}
} // namespace

Settings::Settings(QObject *parent) : QObject(parent) {}

QString Settings::name(Key key)
{
    return QString::fromLatin1(entry(key).name);
}

QVariant Settings::defaultValue(Key key)
{
    return entry(key).defaultValue;
}

QVariant Settings::value(Key key) const
{
    const Entry &e = entry(key);
    QVariant stored = m_settings.value(QLatin1String(e.name), e.defaultValue);
    // QSettings hands INI values back as strings: give callers the default's type.
    if (stored.metaType() != e.defaultValue.metaType() &&
        stored.canConvert(e.defaultValue.metaType()))
        stored.convert(e.defaultValue.metaType());
    return stored;
}

void Settings::setValue(Key key, const QVariant &value)
{
    if (value == this->value(key))
        return;
    m_settings.setValue(name(key), value);
    Q_EMIT changed(key, value);
}

void Settings::reset(Key key)
{
    m_settings.remove(name(key));
    Q_EMIT changed(key, defaultValue(key));
}

} // namespace dbs
