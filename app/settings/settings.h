#pragma once

#include <QObject>
#include <QSettings>
#include <QVariant>

namespace dbs {

// The browser's remembered choices. Each key has its name and default in one table
// (settings.cpp); never a secret, token or signature.
class Settings final : public QObject
{
    Q_OBJECT
public:
    enum class Key {
        Region,
        PageSize,
        Endpoint, // empty: the region's own
        StaleThresholdMs,
        StatusFilter,    // QStringList
        StaleOnlyFilter, // bool
        TextFilter,
        SortColumn,  // -1: unsorted
        SortOrder,   // int(Qt::SortOrder)
        HeaderState, // QByteArray from QHeaderView::saveState (order, widths, hidden)
        WindowGeometry,
        WindowState,
        DetailSplitterState,
        ExportScope, // "all", "filtered", "selected"
        ExportByteOrderMark,
        ExportApiHeaders, // true: API field names, false: translated titles
        ExportFormat,     // "csv", "xlsx"
        ExportDirectory,
        CredentialSource,    // where the last credential came from (a label, never the key)
        SavedAccounts,       // QVariantList of SavedAccount maps; their secrets are in the keychain
        SignatureVersion,    // "v3" or "v1"
        CaFile,              // extra CA certificate file trusted besides the system's; empty: none
        AutoRefreshSeconds,  // 0: off; else 30, 60 or 300
        NotifyChanges,       // bool: a desktop notification when a gateway goes offline or stale
        ChangesPanelVisible, // bool
        RegionsExpanded,     // bool: the all-regions strip shows every region's chip
        Account,             // who signs: a CLI profile or saved account; empty: automatic
        AccountRegions,      // QVariantMap: account -> the region last shown for it
        AccountFilters,      // QVariantMap: account -> {statuses, staleOnly, text} last set
    };
    Q_ENUM(Key)

    explicit Settings(QObject *parent = nullptr);

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value); // emits changed() when it differs
    void reset(Key key);

    static QString name(Key key);
    static QVariant defaultValue(Key key);

Q_SIGNALS:
    void changed(dbs::Settings::Key key, const QVariant &value);

private:
    QSettings m_settings;
};

} // namespace dbs
