#include "gatewaytablemodel.h"

#include "gatewaymatch.h"
#include "gatewaysort.h"

#include <api/endpoints.h>
#include <api/pagepipeline.h>
#include <export/textformat.h>
#include <export/timewords.h>
#include <fleet/merge.h>
#include <fleet/regionsweep.h>
#include <fleet/staleness.h>
#include <fleet/statuswords.h>
#include <logging/logging.h>

#include <QDateTime>

#include <algorithm>
#include <utility>

namespace dbs {

namespace {
// Distinct regions and statuses shared between rows; a service sending more is not held to it.
constexpr qsizetype maxSharedTexts = 256;

QString emptyCell()
{
    return QStringLiteral("\u2014"); // an em dash: "nothing here", not a value
}

} // namespace

GatewayTableModel::GatewayTableModel(DbsClient *client, QObject *parent)
    : QAbstractTableModel(parent), m_client(client), m_staleThresholdMs(defaultStaleThresholdMs),
      m_nowMs(QDateTime::currentMSecsSinceEpoch())
{}

GatewayTableModel::~GatewayTableModel()
{
    // The calls belong to the client; stop them so they neither run on nor call back.
    dropListings();
}

// ---- loading ----

void GatewayTableModel::setQuery(const PageQuery &query)
{
    beginResetModel();
    dropListings();
    if (m_sweep) {
        // A slot of the sweep's own signals may have called us: it goes when it returns.
        m_sweep->cancel();
        m_sweep->deleteLater();
        m_sweep = nullptr;
    }
    m_sweepKeyOf.clear();
    m_changedUntil.clear();
    m_query = query;
    m_query.pageNum = 0;
    m_queryAccounts = m_accounts;
    m_hasQuery = true;
    m_failed = false;
    m_relist = false;
    m_wantAll = false;
    m_loadAllAfterRefresh = false;
    m_rows.clear();
    m_rowOfId.clear();
    m_totalElements = 0;
    m_sweepComplete = false;
    // Made before the reset ends (views and testers ask canFetchMore() from inside it), started
    // after it: starting emits signals that must not run inside a reset.
    if (isAllRegions() || isAllAccounts())
        makeSweep();
    else
        m_listing = makeListing();
    endResetModel();
    if (m_sweep)
        m_sweep->start();
    updateLoading();
    Q_EMIT queryReset();
}

void GatewayTableModel::setAccounts(const QVector<SweepAccount> &accounts)
{
    m_accounts = accounts;
}

bool GatewayTableModel::isAllRegions() const
{
    return m_hasQuery && endpoints::isAllRegions(m_query.region);
}

PagePipeline *GatewayTableModel::makeListing()
{
    // The rows of a listing go to the table, or to m_reloadRows while it is a refresh; a
    // listing replaced is cancelled first, so it says nothing more.
    auto *listing = new PagePipeline(m_client, m_query, defaultFetchConcurrency, this);
    connect(listing, &PagePipeline::rowsReady, this,
            [this, listing](const QVector<BackupGateway> &rows) {
                if (listing == m_reload)
                    m_reloadRows += rows;
                else
                    appendRows(rows);
            });
    connect(listing, &PagePipeline::progress, this, [this, listing] {
        if (listing != m_listing)
            return;
        // At the end, the service's count may have been off either way: what we hold is the
        // truth then.
        m_totalElements = listing->isComplete()
                              ? int(m_rows.size())
                              : std::max(listing->totalElements(), int(m_rows.size()));
        Q_EMIT progress(int(m_rows.size()), m_totalElements);
    });
    connect(listing, &PagePipeline::paused, this, [this, listing] {
        if (listing == m_reload)
            finishReload();
        else
            updateLoading();
    });
    connect(listing, &PagePipeline::finished, this, [this, listing] {
        if (listing == m_reload)
            finishReload();
        else
            onListingComplete();
    });
    connect(listing, &PagePipeline::failed, this,
            [this, listing](const ApiError &error) { onListingFailed(listing, error); });
    return listing;
}

void GatewayTableModel::dropListings()
{
    for (PagePipeline *listing :
         {std::exchange(m_listing, nullptr), std::exchange(m_reload, nullptr)}) {
        if (listing) {
            listing->cancel();
            listing->deleteLater(); // a slot of its own signals may be running
        }
    }
    m_reloadRows.clear();
    m_reloadPages = 0;
}

void GatewayTableModel::startSweep()
{
    makeSweep();
    m_sweep->start();
}

void GatewayTableModel::makeSweep()
{
    // Rows stay while the new sweep runs: each region's rows are replaced when it answers.
    auto *previous = m_sweep;
    const QStringList regions =
        isAllRegions() ? endpoints::regionIds() : QStringList{m_query.region};
    m_sweep = m_queryAccounts.isEmpty() ? new RegionSweep(m_client, regions, m_query, this)
                                        : new RegionSweep(m_queryAccounts, regions, m_query, this);
    connect(m_sweep, &RegionSweep::regionChanged, this, &GatewayTableModel::onSweepRegionChanged);
    connect(m_sweep, &RegionSweep::finished, this, [this] {
        m_sweepComplete = true;
        m_totalElements = int(m_rows.size());
        updateLoading();
        Q_EMIT progress(int(m_rows.size()), int(m_rows.size()));
        if (m_sweep->failedCount() == m_sweep->keys().size()) {
            // Nothing at all: the window's banner says why (the first part's error).
            Q_EMIT errorOccurred(m_sweep->result(m_sweep->keys().constFirst()).error);
            return;
        }
        Q_EMIT completed();
        Q_EMIT inventoryComplete();
    });
    if (previous) {
        previous->cancel();
        previous->deleteLater();
    }
    m_sweepComplete = false;
}

void GatewayTableModel::onSweepRegionChanged(const QString &key)
{
    const RegionResult result = m_sweep->result(key);
    if (result.state == RegionResult::State::Done) {
        // Every other part keeps the rows the table holds for it until it answers.
        QHash<QString, QVector<BackupGateway>> held;
        for (const Row &row : std::as_const(m_rows)) {
            const QString from = m_sweepKeyOf.value(row.id());
            if (from != key)
                held[from].append(row.gateway());
        }
        QHash<QString, QString> keyOf;
        const QVector<BackupGateway> merged = m_sweep->mergedGateways(held, &keyOf);
        m_sweepKeyOf = keyOf;
        mergeRows(merged);
        m_totalElements = int(m_rows.size());
        Q_EMIT progress(int(m_rows.size()), int(m_rows.size()));
    }
    updateLoading();
    Q_EMIT regionsChanged();
}

void GatewayTableModel::retryRegion(const QString &key)
{
    if (!m_sweep)
        return;
    m_sweepComplete = false;
    m_sweep->retry(key);
    updateLoading();
}

void GatewayTableModel::retryFailedRegions()
{
    if (!m_sweep)
        return;
    for (const QString &key : m_sweep->keys()) {
        if (m_sweep->result(key).state == RegionResult::State::Failed)
            retryRegion(key);
    }
}

void GatewayTableModel::preload(const QVector<BackupGateway> &saved)
{
    if (!m_hasQuery || !m_rows.isEmpty() || saved.isEmpty())
        return;
    const QVector<BackupGateway> gateways = oneRowPerId(saved);
    if (m_sweep) {
        // Each part's rows stay until that part answers.
        for (const BackupGateway &gateway : gateways)
            m_sweepKeyOf.insert(gateway.backupGatewayId, sweepKey(gateway.account, gateway.region));
        mergeRows(gateways);
        return;
    }
    mergeRows(gateways);
    m_totalElements = int(m_rows.size());
    Q_EMIT progress(int(m_rows.size()), int(m_rows.size()));
    // As many pages as the rows fill are loaded again (a refresh keeps identities), then the
    // rest, if the service has more now.
    const int pageSize = std::max(1, m_query.pageSize);
    reload((int(m_rows.size()) + pageSize - 1) / pageSize);
    m_loadAllAfterRefresh = true;
}

void GatewayTableModel::markChanged(const QSet<QString> &ids, qint64 untilMs)
{
    for (const QString &id : ids) {
        m_changedUntil.insert(id, untilMs);
        if (const int row = rowOfId(id); row >= 0)
            emitRowsChanged(row, row, {ChangedRole});
    }
}

FleetSummary GatewayTableModel::summary() const
{
    FleetSummary summary;
    for (const Row &row : m_rows) {
        // withField() always carries the status and the times: all a summary reads.
        addToSummary(&summary, row.withField(GatewayField::LastHeartbeatTime), m_nowMs,
                     m_staleThresholdMs);
    }
    return summary;
}

QVector<BackupGateway> GatewayTableModel::gateways() const
{
    QVector<BackupGateway> list;
    list.reserve(m_rows.size());
    for (const Row &row : m_rows)
        list.append(row.gateway());
    return list;
}

bool GatewayTableModel::canFetchMore(const QModelIndex &parent) const
{
    // Regions come whole, not page by page. After a failure the view must not retry on its
    // own at every layout: only an explicit fetchMore() (the window's Retry), loadAll(),
    // refresh() or a new query goes on.
    return !parent.isValid() && m_listing && !m_reload && !m_failed && m_listing->canFetchMore();
}

void GatewayTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || !m_listing || m_reload)
        return;
    m_failed = false;
    if (std::exchange(m_relist, false)) {
        reload(m_listing->pagesDelivered() + 1);
        return;
    }
    m_listing->fetchPages(m_listing->pagesDelivered() + 1);
    updateLoading();
}

void GatewayTableModel::loadAll()
{
    if (!m_listing)
        return;
    if (m_reload) {
        // The pages being refreshed come first; the listing they make may have more pages
        // than the one it replaces, complete as that was.
        m_wantAll = true;
        m_loadAllAfterRefresh = true;
        return;
    }
    if (m_listing->isComplete())
        return;
    m_failed = false;
    m_wantAll = true;
    if (std::exchange(m_relist, false)) {
        reload(std::max(1, m_listing->pagesDelivered()));
        m_loadAllAfterRefresh = true;
        return;
    }
    if (m_listing->pagesDelivered() > 0) // before the first page there is no total to speak of
        Q_EMIT progress(int(m_rows.size()), std::max(m_totalElements, int(m_rows.size())));
    m_listing->fetchAll();
    updateLoading();
}

void GatewayTableModel::cancelLoadAll()
{
    m_loadAllAfterRefresh = false;
    if (!m_wantAll)
        return;
    m_wantAll = false;
    if (m_listing && !m_reload)
        m_listing->pause();
    updateLoading();
}

void GatewayTableModel::refresh()
{
    if (!m_hasQuery)
        return;
    if (m_sweep) {
        startSweep();
        updateLoading();
        return;
    }
    // A refresh during a refresh asks for as many pages as the first one did, not for the few
    // it had in so far.
    reload(std::max({1, m_reloadPages, m_listing->pagesDelivered()}));
}

void GatewayTableModel::reload(int pages)
{
    // A new listing of the pages held so far; its rows replace the table's in one merge when
    // they are all in, and it then goes on where the old one stopped.
    m_failed = false;
    m_relist = false;
    m_loadAllAfterRefresh = m_loadAllAfterRefresh || m_wantAll;
    if (m_listing)
        m_listing->pause();
    if (PagePipeline *previous = std::exchange(m_reload, nullptr)) {
        previous->cancel();
        previous->deleteLater();
    }
    m_reloadRows.clear();
    m_reload = makeListing();
    m_reloadPages = pages;
    m_reload->fetchPages(pages);
    updateLoading();
}

void GatewayTableModel::finishReload()
{
    const bool wasComplete = m_listing && m_listing->isComplete();
    // Merged while m_reload still stands: a fetchMore() from a row signal must wait until the
    // table is whole again.
    mergeRows(std::exchange(m_reloadRows, {}));
    m_reloadPages = 0;
    if (PagePipeline *previous = std::exchange(m_listing, std::exchange(m_reload, nullptr))) {
        previous->cancel();
        previous->deleteLater();
    }
    const bool complete = m_listing->isComplete();
    m_totalElements =
        complete ? int(m_rows.size()) : std::max(m_listing->totalElements(), int(m_rows.size()));
    Q_EMIT progress(int(m_rows.size()), m_totalElements);
    if (complete && !wasComplete)
        Q_EMIT completed();
    if (complete)
        Q_EMIT inventoryComplete();
    if (std::exchange(m_loadAllAfterRefresh, false) && !complete)
        loadAll();
    updateLoading();
}

bool GatewayTableModel::isLoading() const
{
    return m_reload || (m_listing && m_listing->isActive()) || (m_sweep && !m_sweep->isFinished());
}

bool GatewayTableModel::isComplete() const
{
    if (!m_hasQuery)
        return true;
    return m_sweep ? m_sweepComplete : m_listing && m_listing->isComplete();
}

void GatewayTableModel::onListingFailed(PagePipeline *listing, const ApiError &error)
{
    // The code only: a service message may quote the request, access key id included.
    qCDebug(lcModel) << "listing failed:" << error.code
                     << error.httpStatus; // code quoted: from outside
    if (listing == m_reload) {
        // The table keeps what it showed; the window's Retry refreshes again.
        m_reload = nullptr;
        m_reloadPages = 0;
        listing->cancel();
        listing->deleteLater();
        m_reloadRows.clear();
    } else if (listing != m_listing) {
        return;
    }
    // Keep what is in the table; the window's Retry (fetchMore, loadAll or refresh) picks up
    // from here. A listing that no longer adds up (the inventory grew or shrank by more than
    // a page since its first page, hours ago perhaps) is not resumed but listed anew.
    m_failed = true;
    m_relist = error.code == u"InconsistentPaging";
    m_loadAllAfterRefresh = false;
    updateLoading();
    Q_EMIT errorOccurred(error);
}

void GatewayTableModel::onListingComplete()
{
    m_totalElements = int(m_rows.size()); // progress() said so already
    m_wantAll = false;
    Q_EMIT completed();
    Q_EMIT inventoryComplete();
    updateLoading();
}

void GatewayTableModel::appendRows(const QVector<BackupGateway> &gateways)
{
    // The listing hands each gateway over once, in service order.
    qCDebug(lcModel) << gateways.size() << "rows arrived";
    if (gateways.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(gateways.size()) - 1);
    for (const BackupGateway &gateway : gateways) {
        m_rowOfId.insert(gateway.backupGatewayId, int(m_rows.size()));
        m_rows.append(makeRow(gateway));
    }
    endInsertRows();
    updateLoading();
}

void GatewayTableModel::mergeRows(const QVector<BackupGateway> &fresh)
{
    // Turns m_rows into `fresh` with removals, moves, insertions and dataChanged only, so that
    // persistent indexes (selection, current row, scroll anchor) follow their gateway.
    QSet<QString> freshIds;
    freshIds.reserve(fresh.size());
    for (const BackupGateway &gateway : fresh) {
        if (!gateway.backupGatewayId.isEmpty())
            freshIds.insert(gateway.backupGatewayId);
    }
    // Rows without an id cannot be matched: they go, and the fresh ones come in.
    const auto keep = [&](int row) {
        const QString id = m_rows.at(row).id();
        return !id.isEmpty() && freshIds.contains(id);
    };

    for (int last = int(m_rows.size()) - 1; last >= 0; --last) {
        if (keep(last))
            continue;
        int first = last;
        while (first > 0 && !keep(first - 1))
            --first;
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        last = first;
    }

    QSet<QString> kept;
    kept.reserve(m_rows.size());
    for (const Row &row : std::as_const(m_rows))
        kept.insert(row.id());

    int changedFirst = -1;
    int changedLast = -1;
    const auto flushChanged = [&] {
        if (changedFirst >= 0)
            emitRowsChanged(changedFirst, changedLast);
        changedFirst = changedLast = -1;
    };
    const auto setRow = [&](int row, const BackupGateway &gateway) {
        if (m_rows.at(row).gateway() == gateway)
            return;
        m_rows[row] = makeRow(gateway);
        if (changedFirst < 0)
            changedFirst = row;
        changedLast = row;
    };

    for (int i = 0; i < fresh.size();) {
        const BackupGateway &gateway = fresh.at(i);
        const QString &id = gateway.backupGatewayId;
        if (i < m_rows.size() && !id.isEmpty() && m_rows.at(i).id() == id) {
            if (changedFirst >= 0 && changedLast != i - 1)
                flushChanged();
            setRow(i, gateway);
            ++i;
            continue;
        }
        flushChanged();
        if (!id.isEmpty() && kept.contains(id)) {
            // Further down: the service reordered. Rare, so a linear search is fine.
            int from = i + 1;
            while (m_rows.at(from).id() != id)
                ++from;
            beginMoveRows({}, from, from, {}, i);
            m_rows.move(from, i);
            endMoveRows();
            setRow(i, gateway);
            ++i;
            continue;
        }
        int end = i;
        while (end < fresh.size() && (fresh.at(end).backupGatewayId.isEmpty() ||
                                      !kept.contains(fresh.at(end).backupGatewayId)))
            ++end;
        QVector<Row> inserted;
        inserted.reserve(end - i);
        for (int j = i; j < end; ++j)
            inserted.append(makeRow(fresh.at(j)));
        beginInsertRows({}, i, end - 1);
        m_rows = m_rows.mid(0, i) + inserted + m_rows.mid(i);
        endInsertRows();
        i = end;
    }
    flushChanged();
    rebuildIdIndex();
}

GatewayTableModel::Row GatewayTableModel::makeRow(const BackupGateway &gateway)
{
    Row row(gateway);
    // A few regions and statuses over 100,000 rows: one copy of each text, shared.
    row.shareTexts(m_sharedTexts, maxSharedTexts);
    return row;
}

void GatewayTableModel::emitRowsChanged(int first, int last, const QList<int> &roles)
{
    Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1), roles);
}

void GatewayTableModel::rebuildIdIndex()
{
    m_rowOfId.clear();
    m_rowOfId.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row) {
        const QString id = m_rows.at(row).id();
        if (!id.isEmpty())
            m_rowOfId.insert(id, row);
    }
}

void GatewayTableModel::updateLoading()
{
    const bool loading = isLoading();
    if (loading == m_loadingReported)
        return;
    m_loadingReported = loading;
    Q_EMIT loadingChanged(loading);
}

// ---- rows and the clock ----

BackupGateway GatewayTableModel::gatewayAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).gateway() : BackupGateway();
}

int GatewayTableModel::rowOfId(const QString &backupGatewayId) const
{
    return m_rowOfId.value(backupGatewayId, -1);
}

void GatewayTableModel::setStaleThresholdMs(qint64 ms)
{
    if (ms == m_staleThresholdMs)
        return;
    const qint64 oldThreshold = std::exchange(m_staleThresholdMs, ms);
    emitStaleChanges(m_nowMs, oldThreshold);
}

void GatewayTableModel::setNowMs(qint64 nowMs)
{
    if (nowMs == m_nowMs)
        return;
    const qint64 oldNow = std::exchange(m_nowMs, nowMs);
    if (m_rows.isEmpty())
        return;
    // Highlights that ran out: those rows repaint without it.
    QSet<QString> expired;
    for (auto it = m_changedUntil.begin(); it != m_changedUntil.end();) {
        if (it.value() <= nowMs) {
            expired.insert(it.key());
            it = m_changedUntil.erase(it);
        } else {
            ++it;
        }
    }
    for (const QString &id : std::as_const(expired)) {
        if (const int row = rowOfId(id); row >= 0)
            emitRowsChanged(row, row, {ChangedRole});
    }
    // Only the ages moved: no refetch, no other column. The heartbeat's SortRole is the time
    // itself, so a sorted view need not re-sort.
    const int column = heartbeatColumn();
    Q_EMIT dataChanged(index(0, column), index(int(m_rows.size()) - 1, column),
                       {Qt::DisplayRole, Qt::AccessibleTextRole});
    emitStaleChanges(oldNow, m_staleThresholdMs);
}

void GatewayTableModel::emitStaleChanges(qint64 oldNowMs, qint64 oldThresholdMs)
{
    // The whole row, since a view may paint the entire row of a stale gateway.
    const QList<int> roles = {StaleRole, Qt::ToolTipRole, Qt::AccessibleTextRole};
    int first = -1;
    for (int row = 0; row <= m_rows.size(); ++row) {
        bool changed = false;
        if (row < m_rows.size()) {
            const BackupGateway gateway = m_rows.at(row).withField(GatewayField::LastHeartbeatTime);
            changed = isStale(gateway, oldNowMs, oldThresholdMs) != stale(gateway);
        }
        if (changed && first < 0) {
            first = row;
        } else if (!changed && first >= 0) {
            emitRowsChanged(first, row - 1, roles);
            first = -1;
        }
    }
}

bool GatewayTableModel::stale(const BackupGateway &gateway) const
{
    return isStale(gateway, m_nowMs, m_staleThresholdMs);
}

int GatewayTableModel::heartbeatColumn() const
{
    return int(tableGatewayFields().indexOf(GatewayField::LastHeartbeatTime));
}

// ---- the item model ----

int GatewayTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int GatewayTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(tableGatewayFields().size());
}

QVariant GatewayTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_rows.size() ||
        index.column() >= columnCount())
        return {};
    const Row &row = m_rows.at(index.row());
    const GatewayField field = tableGatewayFields().at(index.column());
    switch (role) {
    case GatewayRole:
        return QVariant::fromValue(row.gateway());
    case StatusRole:
        return row.status();
    case IdRole:
        return row.id();
    case ChangedRole:
        return !m_changedUntil.isEmpty() && m_changedUntil.value(row.id()) > m_nowMs;
    default:
        break;
    }
    // Only what this cell shows: the other texts are not built.
    const BackupGateway gateway = row.withField(field);
    switch (role) {
    case Qt::DisplayRole:
        return displayText(gateway, field);
    case Qt::ToolTipRole: {
        const QString tip = toolTip(gateway, field);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::AccessibleTextRole:
        return accessibleText(gateway, field);
    case SortRole:
        return sortValue(gateway, field);
    case StaleRole:
        return stale(gateway);
    default:
        return {};
    }
}

QVariant GatewayTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QList<GatewayField> &fields = tableGatewayFields();
    if (orientation != Qt::Horizontal || section < 0 || section >= fields.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    const GatewayField field = fields.at(section);
    if (role == Qt::UserRole)
        return QString(apiFieldName(field));
    if (role != Qt::DisplayRole)
        return {};
    return fieldTitle(field);
}

QString GatewayTableModel::displayText(const BackupGateway &gateway, GatewayField field) const
{
    switch (field) {
    case GatewayField::BackupGatewayStatus:
        return statuswords::name(gateway.status);
    case GatewayField::SourceEndpointInternetIP:
    case GatewayField::SourceEndpointIntranetIP: {
        const QString ip = fieldText(gateway, field);
        return ip.isEmpty() ? emptyCell() : ip;
    }
    case GatewayField::Account:
        return gateway.account.isEmpty() ? emptyCell() : visibleText(gateway.account);
    case GatewayField::BackupGatewayCreateTime:
        return gateway.createTime > 0 ? timewords::local(gateway.createTime) : emptyCell();
    case GatewayField::LastHeartbeatTime:
        return gateway.lastHeartbeatTime > 0 ? timewords::age(m_nowMs - gateway.lastHeartbeatTime)
                                             : emptyCell();
    default:
        // The service's text, its control characters shown rather than obeyed.
        return visibleText(fieldText(gateway, field));
    }
}

QString GatewayTableModel::toolTip(const BackupGateway &gateway, GatewayField field) const
{
    if (isTimeField(field)) {
        const qint64 ms = fieldValue(gateway, field).toLongLong();
        if (ms <= 0)
            return {};
        return tr("%1 local time\n%2 UTC").arg(timewords::local(ms), timewords::utcIso(ms));
    }
    if (field == GatewayField::BackupGatewayStatus && stale(gateway))
        return statuswords::description(gateway.status, true);
    // The column shows the id; the name says where that is.
    if (field == GatewayField::Region && !gateway.region.isEmpty())
        return visibleText(
            tr("%1 · %2").arg(endpoints::regionName(gateway.region), gateway.region));
    return {};
}

QString GatewayTableModel::accessibleText(const BackupGateway &gateway, GatewayField field) const
{
    switch (field) {
    case GatewayField::SourceEndpointInternetIP:
    case GatewayField::SourceEndpointIntranetIP:
        return fieldText(gateway, field).isEmpty() ? tr("None") : fieldText(gateway, field);
    case GatewayField::BackupGatewayCreateTime:
        return gateway.createTime > 0 ? timewords::local(gateway.createTime) : tr("Unknown");
    case GatewayField::LastHeartbeatTime:
        if (gateway.lastHeartbeatTime <= 0)
            return tr("No heartbeat reported");
        return tr("%1, at %2")
            .arg(timewords::age(m_nowMs - gateway.lastHeartbeatTime),
                 timewords::local(gateway.lastHeartbeatTime));
    case GatewayField::BackupGatewayStatus:
        if (stale(gateway))
            return tr("%1, heartbeat overdue").arg(displayText(gateway, field));
        return displayText(gateway, field);
    default:
        return displayText(gateway, field);
    }
}

QVariant GatewayTableModel::sortValue(const BackupGateway &gateway, GatewayField field) const
{
    if (isTimeField(field))
        return fieldValue(gateway, field).toLongLong();
    if (field == GatewayField::BackupGatewayStatus)
        return statusRank(gateway.status);
    // Raw text (not "—"): the proxy compares it naturally, digits as numbers.
    return fieldText(gateway, field);
}

} // namespace dbs
