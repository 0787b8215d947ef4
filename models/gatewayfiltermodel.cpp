#include "gatewayfiltermodel.h"

#include "gatewaymatch.h"
#include "gatewaysort.h"
#include "gatewaytablemodel.h"
#include <fleet/staleness.h>

#include <algorithm>
#include <utility>

namespace dbs {

namespace {
// Times and statuses sort by a number; the other columns by their text.
bool sortsByNumber(GatewayField field)
{
    return isTimeField(field) || field == GatewayField::BackupGatewayStatus;
}

qint64 numberKey(const BackupGateway &gateway, GatewayField field)
{
    switch (field) {
    case GatewayField::LastHeartbeatTime:
        return gateway.lastHeartbeatTime;
    case GatewayField::BackupGatewayCreateTime:
        return gateway.createTime;
    default:
        return statusRank(gateway.status);
    }
}
} // namespace

GatewayFilterModel::GatewayFilterModel(QObject *parent) : QAbstractProxyModel(parent)
{
    // The C locale's collator compares code points and ignores numeric mode: use English then,
    // so that "10.1.9.1" still sorts before "10.1.10.1".
    if (m_collator.locale().language() == QLocale::C)
        m_collator.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

GatewayFilterModel::~GatewayFilterModel() = default;

void GatewayFilterModel::setSourceModel(QAbstractItemModel *source)
{
    setGatewayModel(qobject_cast<GatewayTableModel *>(source));
}

void GatewayFilterModel::setGatewayModel(GatewayTableModel *model)
{
    if (m_model == model && sourceModel() == model)
        return;
    beginResetModel();
    for (const QMetaObject::Connection &connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    m_model = model;
    QAbstractProxyModel::setSourceModel(model);
    if (model) {
        using M = QAbstractItemModel;
        m_modelConnections = {
            connect(model, &M::modelAboutToBeReset, this, [this] { beginResetModel(); }),
            connect(model, &M::modelReset, this,
                    [this] {
                        resetMapping();
                        endResetModel();
                        updatePartial();
                    }),
            connect(model, &M::rowsAboutToBeInserted, this,
                    [this](const QModelIndex &parent, int first) {
                        if (parent.isValid())
                            return;
                        // Appended to a source order nobody sorts: plain insertions here too.
                        m_insertingAtEnd = m_sortColumn < 0 && first == sourceRows();
                        if (!m_insertingAtEnd)
                            onRowsAboutToChange();
                    }),
            connect(model, &M::rowsInserted, this,
                    [this](const QModelIndex &parent, int first, int last) {
                        if (!parent.isValid())
                            onRowsInserted(first, last);
                    }),
            connect(model, &M::rowsAboutToBeRemoved, this,
                    [this](const QModelIndex &parent) {
                        if (!parent.isValid())
                            onRowsAboutToChange();
                    }),
            connect(model, &M::rowsRemoved, this,
                    [this](const QModelIndex &parent, int first, int last) {
                        if (!parent.isValid())
                            onRowsRemoved(first, last);
                    }),
            connect(model, &M::rowsAboutToBeMoved, this, [this] { onRowsAboutToChange(); }),
            connect(model, &M::rowsMoved, this,
                    [this](const QModelIndex &, int first, int last, const QModelIndex &,
                           int destination) { onRowsMoved(first, last, destination); }),
            connect(model, &M::layoutAboutToBeChanged, this, [this] { onRowsAboutToChange(); }),
            connect(model, &M::layoutChanged, this, [this] { onSourceLayoutChanged(); }),
            connect(model, &M::dataChanged, this, &GatewayFilterModel::onDataChanged),
            connect(model, &M::headerDataChanged, this, &M::headerDataChanged),
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
            connect(model, &M::rowsInserted, this,
                    [this] {
                        if (std::exchange(m_resumeOnRows, false))
                            ensureComplete();
                    }),
            connect(model, &GatewayTableModel::completed, this, &GatewayFilterModel::updatePartial),
            connect(model, &GatewayTableModel::loadingChanged, this,
                    &GatewayFilterModel::updatePartial),
        };
    }
    resetMapping();
    endResetModel();
    ensureComplete();
}

int GatewayFilterModel::sourceRows() const
{
    return m_model ? m_model->rowCount() : 0;
}

// ---- filters ----

void GatewayFilterModel::setStatuses(const QSet<QString> &statuses, bool stale)
{
    if (statuses == m_statuses && stale == m_staleOnly)
        return;
    m_statuses = statuses;
    m_staleOnly = stale;
    m_statusKeys.clear();
    for (const QString &status : statuses)
        m_statusKeys.insert(status.toUpper());
    refilter(Retest::All);
    ensureComplete();
}

void GatewayFilterModel::setHeartbeatAge(std::optional<AgeBucket> bucket)
{
    if (bucket == m_ageBucket)
        return;
    m_ageBucket = bucket;
    refilter(Retest::All);
    ensureComplete();
}

void GatewayFilterModel::setRegion(const QString &region)
{
    if (region == m_region)
        return;
    m_region = region;
    refilter(Retest::All);
    ensureComplete();
}

void GatewayFilterModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    QByteArray needle = foldNeedle(text);
    if (needle == m_needle) // only blanks changed
        return;
    // A row with the longer text has the shorter one too: typing on only hides rows, erasing
    // only shows them. Either way only one side needs testing again.
    Retest retest = Retest::All;
    if (needle.contains(m_needle))
        retest = Retest::Shown;
    else if (m_needle.contains(needle))
        retest = Retest::Hidden;
    m_needle = std::move(needle);
    refilter(retest);
    ensureComplete();
}

bool GatewayFilterModel::isFiltering() const
{
    return !m_statusKeys.isEmpty() || m_staleOnly || m_ageBucket || !m_region.isEmpty() ||
           !m_needle.isEmpty();
}

bool GatewayFilterModel::isPartial() const
{
    return m_model && (isFiltering() || m_sortColumn >= 0) && !m_model->isComplete();
}

bool GatewayFilterModel::accepts(int sourceRow) const
{
    // Straight at the rows: this runs once per row per keystroke.
    const GatewayRow &row = m_model->rowAt(sourceRow);
    const QString &status = row.status();
    // The ticked statuses and "stale" add up: a row passes if its status is one of them, or if
    // "stale" is ticked and the row is stale. "Offline + Stale" shows both kinds.
    if (!m_statusKeys.isEmpty() || m_staleOnly) {
        const bool statusPicked = !m_statusKeys.isEmpty() &&
                                  (m_statusKeys.contains(status) ||
                                   (!status.isUpper() && m_statusKeys.contains(status.toUpper())));
        if (!statusPicked &&
            !(m_staleOnly && isStale(row.withField(GatewayField::LastHeartbeatTime),
                                     m_model->nowMs(), m_model->staleThresholdMs())))
            return false;
    }
    if (!m_region.isEmpty() && sweepKey(row.account(), row.region()) != m_region)
        return false;
    if (m_ageBucket) {
        const qint64 heartbeat = row.withField(GatewayField::LastHeartbeatTime).lastHeartbeatTime;
        if (heartbeat <= 0 || ageBucket(m_model->nowMs() - heartbeat) != *m_ageBucket)
            return false;
    }
    return haystackContains(row.haystack(), m_needle);
}

void GatewayFilterModel::refilter(Retest retest)
{
    const int rows = sourceRows();
    m_accepted.resize(size_t(rows), 1);
    const bool filtering = isFiltering();
    for (int row = 0; row < rows; ++row) {
        char &accepted = m_accepted[size_t(row)];
        if (!filtering)
            accepted = 1;
        else if (retest == Retest::All || (retest == Retest::Shown) == bool(accepted))
            accepted = accepts(row);
    }
    relayout();
}

// ---- sorting ----

void GatewayFilterModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount())
        column = -1;
    if (column != m_sortColumn)
        dropOrder();
    m_sortColumn = column;
    m_sortOrder = order;
    relayout();
    ensureComplete();
}

void GatewayFilterModel::dropOrder()
{
    m_orderValid = false;
    m_order.clear();
}

void GatewayFilterModel::ensureKeys() const
{
    const int rows = sourceRows();
    if (m_keysColumn != m_sortColumn) {
        m_numberKeys.clear();
        m_textKeys.clear();
        m_keysColumn = m_sortColumn;
    }
    const GatewayField field = tableGatewayFields().at(m_sortColumn);
    if (sortsByNumber(field)) {
        const size_t have = m_numberKeys.size();
        m_numberKeys.resize(size_t(rows));
        for (size_t row = have; row < size_t(rows); ++row)
            m_numberKeys[row] = numberKey(m_model->rowAt(int(row)).withField(field), field);
    } else {
        const size_t have = m_textKeys.size();
        m_textKeys.resize(size_t(rows));
        for (size_t row = have; row < size_t(rows); ++row)
            m_textKeys[row].emplace(m_collator.sortKey(m_model->rowAt(int(row)).text(field)));
    }
}

bool GatewayFilterModel::lessThan(int left, int right) const
{
    int order = 0;
    if (!m_numberKeys.empty()) {
        const qint64 a = m_numberKeys[size_t(left)];
        const qint64 b = m_numberKeys[size_t(right)];
        order = a < b ? -1 : (b < a ? 1 : 0);
    } else if (!m_textKeys.empty()) {
        order = m_textKeys[size_t(left)]->compare(*m_textKeys[size_t(right)]);
    }
    // Ties keep the service's order, so the order is total.
    return order != 0 ? order < 0 : left < right;
}

void GatewayFilterModel::ensureOrder() const
{
    const int rows = sourceRows();
    if (m_sortColumn < 0 || (m_orderValid && m_order.size() == size_t(rows)))
        return;
    ensureKeys();
    const auto less = [this](int a, int b) { return lessThan(a, b); };
    const size_t have = m_orderValid ? m_order.size() : 0;
    if (have > size_t(rows)) {
        m_order.clear();
        m_orderValid = false;
        ensureOrder();
        return;
    }
    // Rows appended since (loadAll): sort the new ones and merge them in, O(n) per page.
    m_order.resize(size_t(rows));
    for (size_t row = have; row < size_t(rows); ++row)
        m_order[row] = int(row);
    if (!m_numberKeys.empty() && have == 0) {
        // A fresh sort by number: sort (key, row) pairs, contiguous and branch-light.
        std::vector<std::pair<qint64, int>> pairs(static_cast<size_t>(rows));
        for (size_t row = 0; row < size_t(rows); ++row)
            pairs[row] = {m_numberKeys[row], int(row)};
        std::sort(pairs.begin(), pairs.end());
        for (size_t i = 0; i < pairs.size(); ++i)
            m_order[i] = pairs[i].second;
    } else {
        std::sort(m_order.begin() + qsizetype(have), m_order.end(), less);
        std::inplace_merge(m_order.begin(), m_order.begin() + qsizetype(have), m_order.end(), less);
    }
    m_orderValid = true;
}

std::vector<int> GatewayFilterModel::visibleOrder() const
{
    const int rows = sourceRows();
    std::vector<int> shown;
    shown.reserve(m_proxyToSource.size() + 16);
    const auto take = [&](int row) {
        if (size_t(row) >= m_accepted.size() || m_accepted[size_t(row)])
            shown.push_back(row);
    };
    if (m_sortColumn < 0) {
        for (int row = 0; row < rows; ++row)
            take(row);
    } else {
        ensureOrder();
        if (m_sortOrder == Qt::AscendingOrder)
            std::for_each(m_order.cbegin(), m_order.cend(), take);
        else
            std::for_each(m_order.crbegin(), m_order.crend(), take);
    }
    return shown;
}

// ---- the mapping ----

void GatewayFilterModel::resetMapping()
{
    // Inside a reset: no signals, every cache goes.
    m_accepted.assign(size_t(sourceRows()), 1);
    m_numberKeys.clear();
    m_textKeys.clear();
    m_keysColumn = -1;
    dropOrder();
    if (isFiltering()) {
        for (int row = 0; row < sourceRows(); ++row)
            m_accepted[size_t(row)] = accepts(row);
    }
    m_proxyToSource = visibleOrder();
    m_sourceToProxy.assign(size_t(sourceRows()), -1);
    for (size_t i = 0; i < m_proxyToSource.size(); ++i)
        m_sourceToProxy[size_t(m_proxyToSource[i])] = int(i);
}

void GatewayFilterModel::relayout()
{
    std::vector<int> shown = visibleOrder();
    if (shown == m_proxyToSource && m_sourceToProxy.size() == size_t(sourceRows()))
        return; // nothing moved: no layout change for the views to redo
    // One layout change, rather than insertions and removals gap by gap, which cost rows x
    // gaps. Persistent indexes (selection, current row) follow their source row.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    std::vector<int> sourceOf;
    sourceOf.reserve(size_t(from.size()));
    for (const QModelIndex &index : from)
        sourceOf.push_back(size_t(index.row()) < m_proxyToSource.size()
                               ? m_proxyToSource[size_t(index.row())]
                               : -1);
    m_proxyToSource = std::move(shown);
    m_sourceToProxy.assign(size_t(sourceRows()), -1);
    for (size_t i = 0; i < m_proxyToSource.size(); ++i)
        m_sourceToProxy[size_t(m_proxyToSource[i])] = int(i);
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i) {
        const int source = sourceOf[size_t(i)];
        const int row = source >= 0 ? m_sourceToProxy[size_t(source)] : -1;
        to.append(row >= 0 ? createIndex(row, from.at(i).column()) : QModelIndex());
    }
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

// ---- following the source ----

void GatewayFilterModel::onRowsAboutToChange()
{
    // The source's rows are about to be renumbered: remember the proxy's persistent indexes
    // by source index (which the source keeps up to date) and say the layout will change.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    m_savedProxy = persistentIndexList();
    m_savedSource.clear();
    m_savedSource.reserve(m_savedProxy.size());
    for (const QModelIndex &index : std::as_const(m_savedProxy))
        m_savedSource.append(QPersistentModelIndex(mapToSource(index)));
}

void GatewayFilterModel::finishSourceChange()
{
    m_proxyToSource = visibleOrder();
    m_sourceToProxy.assign(size_t(sourceRows()), -1);
    for (size_t i = 0; i < m_proxyToSource.size(); ++i)
        m_sourceToProxy[size_t(m_proxyToSource[i])] = int(i);
    QModelIndexList to;
    to.reserve(m_savedProxy.size());
    for (qsizetype i = 0; i < m_savedProxy.size(); ++i)
        to.append(mapFromSource(m_savedSource.at(i)).siblingAtColumn(m_savedProxy.at(i).column()));
    changePersistentIndexList(m_savedProxy, to);
    m_savedProxy.clear();
    m_savedSource.clear();
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void GatewayFilterModel::onRowsInserted(int first, int last)
{
    const size_t count = size_t(last - first + 1);
    std::vector<char> added(count, 1);
    if (isFiltering()) {
        for (size_t i = 0; i < count; ++i)
            added[i] = accepts(first + int(i));
    }
    m_accepted.insert(m_accepted.begin() + first, added.cbegin(), added.cend());
    if (std::exchange(m_insertingAtEnd, false)) {
        // Appended, unsorted: the shown ones go to the end, as plain insertions.
        std::vector<int> shown;
        for (size_t i = 0; i < count; ++i) {
            if (added[i])
                shown.push_back(first + int(i));
        }
        m_sourceToProxy.resize(size_t(sourceRows()), -1);
        if (shown.empty())
            return;
        const int proxyFirst = int(m_proxyToSource.size());
        beginInsertRows({}, proxyFirst, proxyFirst + int(shown.size()) - 1);
        for (int row : shown) {
            m_sourceToProxy[size_t(row)] = int(m_proxyToSource.size());
            m_proxyToSource.push_back(row);
        }
        endInsertRows();
        return;
    }
    if (size_t(first) != m_order.size() || !m_orderValid) {
        dropOrder(); // rows renumbered: sort again
        m_numberKeys.clear();
        m_textKeys.clear();
    }
    // else: appended; ensureOrder() merges the new rows into the order kept.
    finishSourceChange();
}

void GatewayFilterModel::onRowsRemoved(int first, int last)
{
    if (size_t(last) < m_accepted.size())
        m_accepted.erase(m_accepted.begin() + first, m_accepted.begin() + last + 1);
    dropOrder();
    m_numberKeys.clear();
    m_textKeys.clear();
    finishSourceChange();
}

void GatewayFilterModel::onRowsMoved(int first, int last, int destination)
{
    // Same semantics as the source's move: [first, last] goes before `destination`.
    if (size_t(last) < m_accepted.size() && size_t(destination) <= m_accepted.size()) {
        const auto begin = m_accepted.begin();
        if (destination < first)
            std::rotate(begin + destination, begin + first, begin + last + 1);
        else if (destination > last + 1)
            std::rotate(begin + first, begin + last + 1, begin + destination);
    }
    dropOrder();
    m_numberKeys.clear();
    m_textKeys.clear();
    finishSourceChange();
}

void GatewayFilterModel::onSourceLayoutChanged()
{
    m_accepted.assign(size_t(sourceRows()), 1);
    if (isFiltering()) {
        for (int row = 0; row < sourceRows(); ++row)
            m_accepted[size_t(row)] = accepts(row);
    }
    dropOrder();
    m_numberKeys.clear();
    m_textKeys.clear();
    finishSourceChange();
}

void GatewayFilterModel::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                       const QList<int> &roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid() || topLeft.parent().isValid())
        return;
    const int first = topLeft.row();
    const int last = std::min(bottomRight.row(), sourceRows() - 1);
    // A clock tick changes only the display of ages: neither the filter nor the order.
    const bool filterMayChange =
        isFiltering() && (roles.isEmpty() || roles.contains(GatewayTableModel::StaleRole));
    const bool orderMayChange = m_sortColumn >= topLeft.column() &&
                                m_sortColumn <= bottomRight.column() &&
                                (roles.isEmpty() || roles.contains(GatewayTableModel::SortRole));
    bool changed = false;
    if (filterMayChange) {
        for (int row = first; row <= last && size_t(row) < m_accepted.size(); ++row) {
            const char accepted = accepts(row);
            changed = changed || accepted != m_accepted[size_t(row)];
            m_accepted[size_t(row)] = accepted;
        }
    }
    if (orderMayChange) {
        dropOrder();
        changed = true;
    }
    // Keys kept for a column that changed are stale even while unsorted (a sort cleared and
    // set again on the same column would reuse them).
    if (m_keysColumn >= topLeft.column() && m_keysColumn <= bottomRight.column() &&
        (roles.isEmpty() || roles.contains(GatewayTableModel::SortRole))) {
        m_numberKeys.clear();
        m_textKeys.clear();
        m_keysColumn = -1;
    }
    if (changed)
        relayout();

    // The rows still shown, as one span of proxy rows.
    int proxyFirst = -1;
    int proxyLast = -1;
    for (int row = first; row <= last && size_t(row) < m_sourceToProxy.size(); ++row) {
        const int proxy = m_sourceToProxy[size_t(row)];
        if (proxy < 0)
            continue;
        proxyFirst = proxyFirst < 0 ? proxy : std::min(proxyFirst, proxy);
        proxyLast = std::max(proxyLast, proxy);
    }
    if (proxyFirst >= 0)
        Q_EMIT dataChanged(index(proxyFirst, topLeft.column()),
                           index(proxyLast, bottomRight.column()), roles);
}

// ---- partial data ----

void GatewayFilterModel::ensureComplete()
{
    // Sorting or filtering a part and showing it as the whole would lie: fetch the rest.
    if (m_model && (isFiltering() || m_sortColumn >= 0) && !m_model->isComplete())
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

// ---- the item model ----

QModelIndex GatewayFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || size_t(row) >= m_proxyToSource.size() ||
        column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex GatewayFilterModel::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex GatewayFilterModel::sibling(int row, int column, const QModelIndex &index) const
{
    return index.isValid() ? this->index(row, column) : QModelIndex();
}

int GatewayFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_proxyToSource.size());
}

int GatewayFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_model ? 0 : m_model->columnCount();
}

bool GatewayFilterModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0;
}

QVariant GatewayFilterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_model)
        return {};
    if (orientation == Qt::Horizontal)
        return m_model->headerData(section, orientation, role);
    // Rows are numbered as the source numbers them, as QSortFilterProxyModel does.
    if (section >= 0 && size_t(section) < m_proxyToSource.size())
        return m_model->headerData(m_proxyToSource[size_t(section)], orientation, role);
    return {};
}

QModelIndex GatewayFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_model || !proxyIndex.isValid() || proxyIndex.model() != this ||
        size_t(proxyIndex.row()) >= m_proxyToSource.size())
        return {};
    return m_model->index(m_proxyToSource[size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex GatewayFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_model || !sourceIndex.isValid() || sourceIndex.model() != m_model ||
        size_t(sourceIndex.row()) >= m_sourceToProxy.size())
        return {};
    const int row = m_sourceToProxy[size_t(sourceIndex.row())];
    return row >= 0 ? createIndex(row, sourceIndex.column()) : QModelIndex();
}

} // namespace dbs
