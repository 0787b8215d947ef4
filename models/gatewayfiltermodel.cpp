#include "gatewayfiltermodel.h"

#include "gatewaymatch.h"
#include "gatewaysort.h"
#include "gatewaytablemodel.h"
#include "heartbeatage.h"

#include <utility>

namespace dbs {

namespace {
const QString &textOf(const BackupGateway &gateway, GatewayField field)
{
    switch (field) {
    case GatewayField::BackupGatewayId:
        return gateway.backupGatewayId;
    case GatewayField::Identifier:
        return gateway.identifier;
    case GatewayField::DisplayName:
        return gateway.displayName;
    case GatewayField::BackupGatewayStatus:
        return gateway.status;
    case GatewayField::Region:
        return gateway.region;
    case GatewayField::SourceEndpointHostname:
        return gateway.hostname;
    case GatewayField::SourceEndpointInternetIP:
        return gateway.internetIp;
    case GatewayField::SourceEndpointIntranetIP:
        return gateway.intranetIp;
    case GatewayField::BackupGatewayCreateTime:
    case GatewayField::LastHeartbeatTime:
        break;
    }
    static const QString none;
    return none;
}

qint64 timeOf(const BackupGateway &gateway, GatewayField field)
{
    return field == GatewayField::LastHeartbeatTime ? gateway.lastHeartbeatTime
                                                    : gateway.createTime;
}

template <typename T> int compareValues(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}
} // namespace

GatewayFilterModel::GatewayFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(GatewayTableModel::SortRole);
    // Rows arrive page by page (loadAll), change on refresh, and go stale as the clock ticks:
    // each must land in the right place and pass or fail the filter as it happens.
    setDynamicSortFilter(true);
    // The C locale's collator compares code points and ignores numeric mode: use English then,
    // so that "10.1.9.1" still sorts before "10.1.10.1".
    if (m_collator.locale().language() == QLocale::C)
        m_collator.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

void GatewayFilterModel::setGatewayModel(GatewayTableModel *model)
{
    if (m_model == model && sourceModel() == model)
        return;
    for (const QMetaObject::Connection &connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    m_model = model;
    m_sortKeys.clear();
    setSourceModel(model);
    if (model) {
        m_modelConnections = {
            connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
                    [this] { m_sortKeys.clear(); }),
            // A new query while filtering: the new rows are needed in full, too.
            connect(model, &GatewayTableModel::queryReset, this,
                    [this] {
                        m_resumeOnRows = false;
                        ensureComplete();
                    }),
            // After a failure, the rows of a successful Retry (whichever way it asks) take up
            // the full load again. Not after cancelLoadAll(): the user said stop.
            connect(model, &GatewayTableModel::errorOccurred, this,
                    [this] { m_resumeOnRows = true; }),
            connect(model, &QAbstractItemModel::rowsInserted, this,
                    [this] {
                        if (std::exchange(m_resumeOnRows, false))
                            ensureComplete();
                    }),
            connect(model, &GatewayTableModel::completed, this, &GatewayFilterModel::updatePartial),
            connect(model, &GatewayTableModel::loadingChanged, this,
                    &GatewayFilterModel::updatePartial),
            connect(model, &QAbstractItemModel::modelReset, this,
                    &GatewayFilterModel::updatePartial),
        };
    }
    ensureComplete();
}

void GatewayFilterModel::setStatuses(const QSet<QString> &statuses, bool stale)
{
    if (statuses == m_statuses && stale == m_staleOnly)
        return;
    m_statuses = statuses;
    m_staleOnly = stale;
    m_statusKeys.clear();
    for (const QString &status : statuses)
        m_statusKeys.insert(status.toUpper());
    refilter();
    ensureComplete();
}

void GatewayFilterModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    QString needle = foldNeedle(text);
    if (needle == m_needle) // only blanks changed
        return;
    m_needle = std::move(needle);
    refilter();
    ensureComplete();
}

bool GatewayFilterModel::isFiltering() const
{
    return !m_statusKeys.isEmpty() || m_staleOnly || !m_needle.isEmpty();
}

bool GatewayFilterModel::isPartial() const
{
    return sourceIsOurs() && (isFiltering() || sortColumn() >= 0) && !m_model->isComplete();
}

void GatewayFilterModel::sort(int column, Qt::SortOrder order)
{
    if (column != sortColumn())
        m_sortKeys.clear();
    QSortFilterProxyModel::sort(column, order);
    ensureComplete();
}

void GatewayFilterModel::refilter()
{
    // One layout change, rather than invalidateRowsFilter()'s insertions and removals gap by
    // gap, which cost rows x gaps: clearing a filter over 100,000 rows took 1.5 s that way and
    // takes milliseconds this way. Persistent indexes of the rows that stay are kept.
    invalidate();
}

void GatewayFilterModel::ensureComplete()
{
    // Sorting or filtering a part and showing it as the whole would lie: fetch the rest.
    if (sourceIsOurs() && (isFiltering() || sortColumn() >= 0) && !m_model->isComplete())
        m_model->loadAll(); // a no-op while it already runs
    updatePartial();
}

void GatewayFilterModel::updatePartial()
{
    const bool partial = isPartial();
    if (partial == m_partial)
        return;
    m_partial = partial;
    Q_EMIT partialChanged(partial);
}

bool GatewayFilterModel::sourceIsOurs() const
{
    return m_model && sourceModel() == m_model;
}

bool GatewayFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!isFiltering())
        return true;
    if (!sourceIsOurs() || sourceParent.isValid() || sourceRow < 0 ||
        sourceRow >= m_model->rowCount())
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    // Straight at the rows: this runs once per row per keystroke.
    const auto &row = m_model->rowAt(sourceRow);
    const BackupGateway &gateway = row.gateway;
    // The ticked statuses and "stale" add up: a row passes if its status is one of them, or if
    // "stale" is ticked and the row is stale. "Offline + Stale" shows both kinds.
    if (!m_statusKeys.isEmpty() || m_staleOnly) {
        const bool statusPicked =
            !m_statusKeys.isEmpty() &&
            (m_statusKeys.contains(gateway.status) ||
             (!gateway.status.isUpper() && m_statusKeys.contains(gateway.status.toUpper())));
        if (!statusPicked &&
            !(m_staleOnly && isStale(gateway, m_model->nowMs(), m_model->staleThresholdMs())))
            return false;
    }
    return haystackContains(row.haystack, m_needle);
}

bool GatewayFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    int order = 0;
    const QList<GatewayField> &fields = allGatewayFields();
    if (sourceIsOurs() && sortRole() == GatewayTableModel::SortRole &&
        left.column() == right.column() && left.column() >= 0 && left.column() < fields.size()) {
        // What SortRole says, read straight from the rows: no QVariant per comparison.
        const GatewayField field = fields.at(left.column());
        const BackupGateway &a = m_model->rowAt(left.row()).gateway;
        const BackupGateway &b = m_model->rowAt(right.row()).gateway;
        if (isTimeField(field))
            order = compareValues(timeOf(a, field), timeOf(b, field));
        else if (field == GatewayField::BackupGatewayStatus)
            order = compareValues(statusRank(a.status), statusRank(b.status));
        else
            order = sortKey(left.row(), textOf(a, field))
                        .compare(sortKey(right.row(), textOf(b, field)));
    } else {
        const QVariant a = left.data(sortRole());
        const QVariant b = right.data(sortRole());
        const auto isNumber = [](const QVariant &value) {
            const int type = value.metaType().id();
            return type == QMetaType::LongLong || type == QMetaType::Int;
        };
        if (isNumber(a) && isNumber(b))
            order = compareValues(a.toLongLong(), b.toLongLong());
        else
            order = m_collator.compare(a.toString(), b.toString());
    }
    // Ties fall back to the service's order, so the order is total. Stable sorting alone would
    // not do: rows that come in later (loadAll) are placed by binary search among their equals.
    return order != 0 ? order < 0 : left.row() < right.row();
}

QCollatorSortKey GatewayFilterModel::sortKey(int sourceRow, const QString &text) const
{
    if (size_t(sourceRow) >= m_sortKeys.size())
        m_sortKeys.resize(std::max<size_t>(size_t(sourceRow) + 1, size_t(m_model->rowCount())));
    std::optional<CachedKey> &cached = m_sortKeys[size_t(sourceRow)];
    // Rows move (refresh) and change (dataChanged comes to the proxy before anyone else): the
    // text decides whether the key still holds.
    if (!cached || cached->text != text)
        cached.emplace(CachedKey{text, m_collator.sortKey(text)});
    return cached->key;
}

} // namespace dbs
