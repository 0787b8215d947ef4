#pragma once

#include <QCollator>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QSortFilterProxyModel>

#include <optional>
#include <vector>

namespace dbs {

class GatewayTableModel;

// Status, staleness and text filters over GatewayTableModel, and sorting. Never lies about rows
// not loaded yet: while a filter or a sort is active and pages remain, it asks the source to
// loadAll() and reports isPartial() until the source is complete.
class GatewayFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit GatewayFilterModel(QObject *parent = nullptr);

    void setGatewayModel(GatewayTableModel *model); // not owned

    // Shown statuses (ONLINE, OFFLINE, STOPPED, UPGRADING) and, with `stale`, the ONLINE
    // gateways whose heartbeat is older than the source's threshold. The two add up: a row is
    // shown if its status is one of `statuses` or it is stale and `stale` is set. Nothing
    // ticked = all rows; only `stale` = only the stale rows.
    void setStatuses(const QSet<QString> &statuses, bool stale);
    QSet<QString> statuses() const { return m_statuses; }
    bool staleOnly() const { return m_staleOnly; } // "stale" is among the shown statuses
    // Case-insensitive, over name, ids, identifier, hostname and both IPs.
    void setText(const QString &text);
    QString text() const { return m_text; }

    bool isFiltering() const;
    bool isPartial() const; // filtering or sorting while the source still has pages to load

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void partialChanged(bool partial);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    struct CachedKey
    {
        QString text; // what the key was made from: a row whose text changed gets a new one
        QCollatorSortKey key;
    };

    void refilter();
    void ensureComplete();
    void updatePartial();
    bool sourceIsOurs() const;
    QCollatorSortKey sortKey(int sourceRow, const QString &text) const;

    QSet<QString> m_statuses;
    bool m_staleOnly = false;
    QString m_text;

    QPointer<GatewayTableModel> m_model; // not owned
    QList<QMetaObject::Connection> m_modelConnections;
    QSet<QString> m_statusKeys; // m_statuses upper-cased, as the service spells them
    QString m_needle;           // m_text trimmed and case-folded
    QCollator m_collator;       // natural order: "gw-9" before "gw-10"
    // Collation keys of the sort column's text, by source row: building a key costs what a
    // few comparisons do, and a sort of 100,000 rows makes 1.7 million of them.
    mutable std::vector<std::optional<CachedKey>> m_sortKeys;
    bool m_partial = false;      // the last value partialChanged() said
    bool m_resumeOnRows = false; // a load failed: rows coming in again mean "go on"
};

} // namespace dbs
