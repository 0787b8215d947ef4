#pragma once

#include <fleet/changes.h>

#include <QAbstractTableModel>
#include <QVector>

namespace dbs {

// The Changes panel's list: what changed between refreshes (and since the last run), newest
// first, with the time each was seen. Keeps the latest `capacity` changes.
class ChangeLogModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        ChangeColumn,
        GatewayColumn,
        RegionColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role { KindRole = Qt::UserRole + 1, GatewayIdRole };

    explicit ChangeLogModel(QObject *parent = nullptr, int capacity = 1000);

    // Adds one look's changes (in their order) at the top.
    void addChanges(const QVector<GatewayChange> &changes);
    void clear();
    const GatewayChange &changeAt(int row) const { return m_changes.at(row); }

    // "Went offline", "Added"...: a change in words.
    static QString describe(const GatewayChange &change);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVector<GatewayChange> m_changes; // newest first
    bool m_hasAccounts = false;       // a change of All accounts is listed: it names its account
    int m_capacity;
};

} // namespace dbs
