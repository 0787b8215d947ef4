#include "changelogmodel.h"

#include <export/textformat.h>
#include <export/timewords.h>

#include <QDateTime>

#include <algorithm>

namespace dbs {

ChangeLogModel::ChangeLogModel(QObject *parent, int capacity)
    : QAbstractTableModel(parent), m_capacity(qMax(1, capacity))
{}

QString ChangeLogModel::describe(const GatewayChange &change)
{
    switch (change.kind) {
    case ChangeKind::Added:
        return tr("Added");
    case ChangeKind::Removed:
        return tr("Removed");
    case ChangeKind::Status:
        return change.gateway.status.compare(u"OFFLINE", Qt::CaseInsensitive) == 0
                   ? tr("Went offline")
                   : tr("Status changed");
    case ChangeKind::Stale:
        return tr("Went stale");
    case ChangeKind::Recovered:
        return tr("Back online");
    }
    return {};
}

void ChangeLogModel::addChanges(const QVector<GatewayChange> &changes)
{
    if (changes.isEmpty())
        return;
    const int incoming = int(qMin<qsizetype>(changes.size(), m_capacity));
    // What falls off the end first, so the row count never exceeds the capacity.
    const int overflow = int(m_changes.size()) + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, int(m_changes.size()) - overflow, int(m_changes.size()) - 1);
        m_changes.resize(m_changes.size() - overflow);
        endRemoveRows();
    }
    beginInsertRows({}, 0, incoming - 1);
    // The look's first change ends up on top, the rest below it in order.
    QVector<GatewayChange> top(changes.cbegin(), changes.cbegin() + incoming);
    m_changes = top + m_changes;
    endInsertRows();
    const bool accounts = std::any_of(top.cbegin(), top.cend(), [](const GatewayChange &change) {
        return !change.gateway.account.isEmpty();
    });
    if (accounts && !m_hasAccounts) {
        m_hasAccounts = true;
        Q_EMIT headerDataChanged(Qt::Horizontal, RegionColumn, RegionColumn);
    }
}

void ChangeLogModel::clear()
{
    if (m_changes.isEmpty())
        return;
    beginResetModel();
    m_changes.clear();
    m_hasAccounts = false;
    endResetModel();
}

int ChangeLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_changes.size());
}

int ChangeLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChangeLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GatewayChange &change = m_changes.at(index.row());
    if (role == KindRole)
        return int(change.kind);
    if (role == GatewayIdRole)
        return change.gateway.backupGatewayId;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case TimeColumn: {
        if (role == Qt::ToolTipRole)
            return timewords::localeLong(change.timeMs);
        // Changes since the last run can be days old: the date only when it is not today.
        return timewords::localeRecent(change.timeMs, QDateTime::currentMSecsSinceEpoch());
    }
    case ChangeColumn:
        return describe(change);
    case GatewayColumn:
        // Names, regions and statuses come from the service: shown, never obeyed.
        return visibleText(
            change.gateway.displayName.isEmpty()
                ? change.gateway.backupGatewayId
                : tr("%1 (%2)").arg(change.gateway.displayName, change.gateway.backupGatewayId));
    case RegionColumn:
        // All accounts: whose, and where.
        return visibleText(change.gateway.account.isEmpty()
                               ? change.gateway.region
                               : tr("%1 · %2").arg(change.gateway.account, change.gateway.region));
    case StatusColumn:
        if (change.kind == ChangeKind::Added || change.kind == ChangeKind::Removed ||
            change.previousStatus == change.gateway.status)
            return visibleText(change.gateway.status);
        return visibleText(tr("%1 → %2").arg(change.previousStatus, change.gateway.status));
    }
    return {};
}

QVariant ChangeLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ChangeColumn:
        return tr("Change");
    case GatewayColumn:
        return tr("Gateway");
    case RegionColumn:
        return m_hasAccounts ? tr("Account · Region") : tr("Region");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

} // namespace dbs
