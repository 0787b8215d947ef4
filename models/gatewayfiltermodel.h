#pragma once

#include <fleet/summary.h>

#include <QAbstractProxyModel>
#include <QByteArray>
#include <QCollator>
#include <QList>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QSet>

#include <optional>
#include <vector>

namespace dbs {

class GatewayTableModel;

// Status, staleness and text filters over GatewayTableModel, and sorting. Never lies about rows
// not loaded yet: while a filter or a sort is active and pages remain, it asks the source to
// loadAll() and reports isPartial() until the source is complete.
//
// A proxy of its own rather than a QSortFilterProxyModel, which re-sorts every row on each
// filter change: over 100,000 rows a keystroke took 140-410 ms with a sort active. Here the
// sorted order of every source row is kept per column (descending is the same order read
// backwards), a filter change is one pass over it, and a text that extends (or shortens) the
// last one re-tests only the rows that can change.
class GatewayFilterModel final : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit GatewayFilterModel(QObject *parent = nullptr);
    ~GatewayFilterModel() override;

    void setGatewayModel(GatewayTableModel *model); // not owned
    // Only a GatewayTableModel is understood; any other source is treated as none.
    void setSourceModel(QAbstractItemModel *source) override;

    // Shown statuses (ONLINE, OFFLINE, STOPPED, UPGRADING) and, with `stale`, the ONLINE
    // gateways whose heartbeat is older than the source's threshold. The two add up: a row is
    // shown if its status is one of `statuses` or it is stale and `stale` is set. Nothing
    // ticked = all rows; only `stale` = only the stale rows.
    void setStatuses(const QSet<QString> &statuses, bool stale);
    QSet<QString> statuses() const { return m_statuses; }
    bool staleOnly() const { return m_staleOnly; } // "stale" is among the shown statuses
    // Only gateways whose heartbeat age is in `bucket` (the summary's chart); nothing: any age.
    // Judged when set, like the stale filter: the clock's ticks do not move rows in or out.
    void setHeartbeatAge(std::optional<AgeBucket> bucket);
    std::optional<AgeBucket> heartbeatAge() const { return m_ageBucket; }
    // Only the gateways of one part of a sweep (all regions, all accounts), by its sweepKey():
    // a region, or a region of an account; empty: every part.
    void setRegion(const QString &region);
    QString region() const { return m_region; }
    // Case-insensitive, over name, ids, identifier, hostname and both IPs.
    void setText(const QString &text);
    QString text() const { return m_text; }

    bool isFiltering() const;
    bool isPartial() const; // filtering or sorting while the source still has pages to load

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; } // -1: the source's order
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

Q_SIGNALS:
    void partialChanged(bool partial);

private:
    // Which source rows a filter change must test again.
    enum class Retest { All, Shown, Hidden };

    bool accepts(int sourceRow) const;
    void refilter(Retest retest);
    void relayout(); // the mapping from m_accepted and the order, with one layout change
    std::vector<int> visibleOrder() const;
    void ensureOrder() const;
    void ensureKeys() const;
    bool lessThan(int left, int right) const;
    void dropOrder();
    void resetMapping();

    void onRowsAboutToChange();
    void onRowsInserted(int first, int last);
    void onRowsRemoved(int first, int last);
    void onRowsMoved(int first, int last, int destination);
    void onSourceLayoutChanged();
    void finishSourceChange();
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                       const QList<int> &roles);

    void ensureComplete();
    void updatePartial();
    int sourceRows() const;

    QSet<QString> m_statuses;
    bool m_staleOnly = false;
    std::optional<AgeBucket> m_ageBucket;
    QString m_region;
    QString m_text;

    QPointer<GatewayTableModel> m_model; // not owned
    QList<QMetaObject::Connection> m_modelConnections;
    QSet<QString> m_statusKeys; // m_statuses upper-cased, as the service spells them
    QByteArray m_needle;        // m_text trimmed, case-folded, UTF-8: what the haystacks hold

    // Source row -> shown?; proxy row -> source row; source row -> proxy row or -1.
    std::vector<char> m_accepted;
    std::vector<int> m_proxyToSource;
    std::vector<int> m_sourceToProxy;

    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QCollator m_collator; // natural order: "gw-9" before "gw-10"
    // Every source row in ascending order of m_sortColumn (ties: source order), built when
    // first needed and kept across filter changes and the order flipping.
    mutable std::vector<int> m_order;
    mutable bool m_orderValid = false;
    // The sort column's keys by source row: numbers for times and statuses, collation keys
    // for text (a key costs what a few comparisons do; a sort makes 1.7 million of them).
    mutable std::vector<qint64> m_numberKeys;
    mutable std::vector<std::optional<QCollatorSortKey>> m_textKeys;
    mutable int m_keysColumn = -1;

    // Proxy persistent indexes across a change of the source's rows, by source index.
    QModelIndexList m_savedProxy;
    QList<QPersistentModelIndex> m_savedSource;
    bool m_insertingAtEnd = false; // rowsAboutToBeInserted said: appended, no layout change

    bool m_partial = false;      // the last value partialChanged() said
    bool m_resumeOnRows = false; // a load failed: rows coming in again mean "go on"
};

} // namespace dbs
