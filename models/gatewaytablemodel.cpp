#include "gatewaytablemodel.h"

#include "gatewaymatch.h"
#include "gatewaysort.h"
#include "heartbeatage.h"

#include "api/endpoints.h"
#include "fleet/regionsweep.h"
#include "logging/logging.h"

#include <QDateTime>

#include <algorithm>
#include <utility>

namespace dbs {

namespace {
// Pages of one loadAll() or refresh() in flight at once: enough to hide latency, few enough
// not to trip the service's flow control.
constexpr int maxConcurrentPages = 4;
// Distinct regions and statuses shared between rows; a service sending more is not held to it.
constexpr qsizetype maxSharedTexts = 256;

QString emptyCell()
{
    return QStringLiteral("\u2014"); // an em dash: "nothing here", not a value
}

QString localTimeText(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::LocalTime)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString utcTimeText(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODate);
}

int pagesFor(int totalElements, int pageSize)
{
    const int size = std::max(1, pageSize);
    return std::max(1, (totalElements + size - 1) / size);
}
} // namespace

GatewayTableModel::GatewayTableModel(DbsClient *client, QObject *parent)
    : QAbstractTableModel(parent), m_client(client), m_staleThresholdMs(defaultStaleThresholdMs),
      m_nowMs(QDateTime::currentMSecsSinceEpoch())
{}

GatewayTableModel::~GatewayTableModel()
{
    // The calls belong to the client; stop them so they neither run on nor call back.
    abortCalls();
}

// ---- loading ----

void GatewayTableModel::setQuery(const PageQuery &query)
{
    beginResetModel();
    abortCalls();
    if (m_sweep) {
        // A slot of the sweep's own signals may have called us: it goes when it returns.
        m_sweep->cancel();
        m_sweep->deleteLater();
        m_sweep = nullptr;
    }
    m_sweepRegionOf.clear();
    m_changedUntil.clear();
    m_query = query;
    m_query.pageNum = 1;
    m_hasQuery = true;
    m_failed = false;
    m_rows.clear();
    m_rowOfId.clear();
    m_totalElements = 0;
    m_pagesLoaded = 0;
    m_promisedPages = 0;
    m_lastPage = 1;
    m_atEnd = false;
    m_loadAllAfterRefresh = false;
    m_nextToSend = m_nextToDeliver = 1;
    // Made before the reset ends (views and testers ask canFetchMore() from inside it), started
    // after it: starting emits signals that must not run inside a reset.
    if (m_query.region == allRegions())
        makeSweep();
    endResetModel();
    if (m_sweep)
        m_sweep->start();
    updateLoading();
    Q_EMIT queryReset();
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
    m_sweep = new RegionSweep(m_client, endpoints::regionIds(), m_query, this);
    connect(m_sweep, &RegionSweep::regionChanged, this, &GatewayTableModel::onSweepRegionChanged);
    connect(m_sweep, &RegionSweep::finished, this, [this] {
        m_atEnd = true;
        m_totalElements = int(m_rows.size());
        updateLoading();
        Q_EMIT progress(int(m_rows.size()), int(m_rows.size()));
        if (m_sweep->failedCount() == m_sweep->regions().size()) {
            // Nothing at all: the window's banner says why (the first region's error).
            Q_EMIT errorOccurred(m_sweep->result(m_sweep->regions().constFirst()).error);
            return;
        }
        Q_EMIT completed();
        Q_EMIT inventoryComplete();
    });
    if (previous) {
        previous->cancel();
        previous->deleteLater();
    }
    m_atEnd = false;
}

void GatewayTableModel::onSweepRegionChanged(const QString &region)
{
    const RegionResult result = m_sweep->result(region);
    if (result.state == RegionResult::State::Done) {
        // The table in region order: this region's fresh rows, every other region's as held.
        QHash<QString, QVector<BackupGateway>> held;
        for (const Row &row : std::as_const(m_rows)) {
            const QString from = m_sweepRegionOf.value(row.id());
            if (from != region)
                held[from].append(row.gateway());
        }
        for (auto it = m_sweepRegionOf.begin(); it != m_sweepRegionOf.end();)
            it = it.value() == region ? m_sweepRegionOf.erase(it) : std::next(it);
        for (const BackupGateway &gateway : result.gateways) {
            if (!m_sweepRegionOf.contains(gateway.backupGatewayId))
                m_sweepRegionOf.insert(gateway.backupGatewayId, region);
        }
        // One row per id: a gateway listed by two regions (an endpoint that ignores Region)
        // stays with the first region that listed it.
        QVector<BackupGateway> fresh;
        fresh.reserve(m_rows.size() + result.gateways.size());
        QSet<QString> ids;
        for (const QString &name : m_sweep->regions()) {
            for (const BackupGateway &gateway : name == region ? result.gateways : held.value(name)) {
                if (ids.contains(gateway.backupGatewayId))
                    continue;
                ids.insert(gateway.backupGatewayId);
                fresh.append(gateway);
            }
        }
        mergeRows(fresh);
        m_totalElements = int(m_rows.size());
        Q_EMIT progress(int(m_rows.size()), int(m_rows.size()));
    }
    updateLoading();
    Q_EMIT regionsChanged();
}

void GatewayTableModel::retryRegion(const QString &region)
{
    if (!m_sweep)
        return;
    m_atEnd = false;
    m_sweep->retry(region);
    updateLoading();
}

void GatewayTableModel::preload(const QVector<BackupGateway> &saved)
{
    if (!m_hasQuery || !m_rows.isEmpty() || saved.isEmpty())
        return;
    // A file is not trusted to hold each id once.
    QVector<BackupGateway> gateways;
    gateways.reserve(saved.size());
    QSet<QString> ids;
    for (const BackupGateway &gateway : saved) {
        if (!gateway.backupGatewayId.isEmpty() && !ids.contains(gateway.backupGatewayId)) {
            ids.insert(gateway.backupGatewayId);
            gateways.append(gateway);
        }
    }
    if (m_sweep) {
        // Each region's rows stay until that region answers.
        for (const BackupGateway &gateway : gateways)
            m_sweepRegionOf.insert(gateway.backupGatewayId, gateway.region);
        mergeRows(gateways);
        return;
    }
    abortCalls();
    mergeRows(gateways);
    m_totalElements = int(m_rows.size());
    // As many pages as the rows fill are loaded again (a refresh keeps identities), then the
    // rest, if the service has more now.
    m_pagesLoaded = pagesFor(int(m_rows.size()), m_query.pageSize);
    m_promisedPages = m_pagesLoaded;
    m_lastPage = m_pagesLoaded + 1;
    Q_EMIT progress(int(m_rows.size()), int(m_rows.size()));
    refresh();
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
    if (m_sweep)
        return false; // regions come whole, not page by page
    // After a failure the view must not retry on its own at every layout: only an explicit
    // fetchMore() (the window's Retry), loadAll(), refresh() or a new query goes on.
    return !parent.isValid() && m_hasQuery && !m_atEnd && m_mode == Mode::Idle && !m_failed;
}

void GatewayTableModel::fetchMore(const QModelIndex &parent)
{
    if (m_sweep)
        return;
    if (parent.isValid() || !m_hasQuery || m_atEnd || m_mode != Mode::Idle)
        return;
    m_failed = false;
    m_mode = Mode::FetchingPage;
    m_nextToDeliver = m_pagesLoaded + 1;
    m_nextToSend = m_nextToDeliver + 1;
    sendPage(m_nextToDeliver);
    updateLoading();
}

void GatewayTableModel::loadAll()
{
    if (!m_hasQuery || m_atEnd || m_sweep)
        return;
    m_failed = false;
    switch (m_mode) {
    case Mode::LoadingAll:
        return;
    case Mode::Refreshing:
        m_loadAllAfterRefresh = true; // the pages being refreshed come first
        return;
    case Mode::FetchingPage:
        break; // the page in flight becomes the first of the run
    case Mode::Idle:
        m_nextToSend = m_nextToDeliver = m_pagesLoaded + 1;
        break;
    }
    m_mode = Mode::LoadingAll;
    if (m_pagesLoaded > 0) // before page 1 there is no total to speak of
        Q_EMIT progress(int(m_rows.size()), std::max(m_totalElements, int(m_rows.size())));
    fillPipeline();
    updateLoading();
}

void GatewayTableModel::cancelLoadAll()
{
    m_loadAllAfterRefresh = false;
    if (m_mode != Mode::LoadingAll)
        return;
    abortCalls();
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
    m_failed = false;
    const bool resumeLoadAll = m_mode == Mode::LoadingAll || m_loadAllAfterRefresh;
    abortCalls();
    m_loadAllAfterRefresh = resumeLoadAll;
    m_mode = Mode::Refreshing;
    m_refreshThrough = std::max(1, m_pagesLoaded);
    m_nextToSend = m_nextToDeliver = 1;
    fillPipeline();
    updateLoading();
}

bool GatewayTableModel::isLoading() const
{
    return m_mode != Mode::Idle || (m_sweep && !m_sweep->isFinished());
}

bool GatewayTableModel::isComplete() const
{
    return !m_hasQuery || m_atEnd;
}

void GatewayTableModel::sendPage(int pageNum)
{
    PageQuery query = m_query;
    query.pageNum = pageNum;
    PageCall *call = m_client->fetchPage(query);
    m_inFlight.insert(pageNum, call);
    // The generation makes sure an answer for an abandoned state is never applied, even if
    // one slipped past cancel().
    const quint64 generation = m_generation;
    connect(call, &PageCall::finished, this, [this, generation, pageNum](const GatewayPage &page) {
        onPageArrived(generation, pageNum, page);
    });
    connect(call, &PageCall::failed, this, [this, generation, pageNum](const ApiError &error) {
        onPageFailed(generation, pageNum, error);
    });
}

void GatewayTableModel::fillPipeline()
{
    int limit = 0;
    if (m_mode == Mode::LoadingAll)
        limit = m_lastPage;
    else if (m_mode == Mode::Refreshing)
        limit = m_refreshThrough;
    while (m_inFlight.size() < maxConcurrentPages && m_nextToSend <= limit)
        sendPage(m_nextToSend++);
}

void GatewayTableModel::abortCalls()
{
    ++m_generation;
    const auto calls = std::exchange(m_inFlight, {});
    for (const QPointer<PageCall> &call : calls) {
        if (call)
            call->cancel();
    }
    m_arrived.clear();
    m_refreshRows.clear();
    m_refreshIds.clear();
    m_refreshAtEnd = false;
    m_mode = Mode::Idle;
    m_nextToSend = m_nextToDeliver = m_pagesLoaded + 1;
}

void GatewayTableModel::onPageArrived(quint64 generation, int pageNum, const GatewayPage &page)
{
    if (generation != m_generation)
        return;
    m_inFlight.remove(pageNum);
    qCDebug(lcModel) << "page" << pageNum << "arrived:" << page.gateways.size() << "gateways of"
                     << page.totalElements;
    if (pageNum == 1) {
        m_totalElements = page.totalElements;
        m_promisedPages = pagesFor(page.totalElements, m_query.pageSize);
    }
    if (m_mode != Mode::Refreshing) {
        if (pageNum == 1)
            m_lastPage = std::max(m_lastPage, m_promisedPages);
        // A full page at the promised end: TotalElements may be low, so look one page further.
        if (pageNum >= m_lastPage && page.gateways.size() >= std::max(1, m_query.pageSize))
            m_lastPage = pageNum + 1;
    }
    m_arrived.insert(pageNum, page);
    deliverPages();
}

void GatewayTableModel::onPageFailed(quint64 generation, int pageNum, const ApiError &error)
{
    if (generation != m_generation)
        return;
    m_inFlight.remove(pageNum);
    // The code only: a service message may quote the request, access key id included.
    qCDebug(lcModel).noquote() << "page" << pageNum << "failed:" << error.code << error.httpStatus;
    // Stop the whole run and keep what is in the table; the window's Retry (fetchMore, loadAll
    // or refresh) picks up from here.
    abortCalls();
    m_failed = true;
    m_loadAllAfterRefresh = false;
    updateLoading();
    Q_EMIT errorOccurred(error);
}

void GatewayTableModel::deliverPages()
{
    // Pages go into the table in the service's order, whatever order they arrive in. Slots
    // connected to the row signals may change our state (fetchMore, setQuery...): re-check
    // everything after each page.
    while (m_mode != Mode::Idle && m_arrived.contains(m_nextToDeliver)) {
        const int pageNum = m_nextToDeliver++;
        const GatewayPage page = m_arrived.take(pageNum);
        if (m_mode == Mode::Refreshing)
            collectRefreshPage(pageNum, page);
        else
            appendPage(pageNum, page);
    }
    if (m_mode == Mode::LoadingAll || m_mode == Mode::Refreshing)
        fillPipeline();
}

void GatewayTableModel::appendPage(int pageNum, const GatewayPage &page)
{
    const int pageSize = std::max(1, m_query.pageSize);
    QVector<Row> added;
    QHash<QString, int> addedIds; // within this page
    QVector<QPair<int, BackupGateway>> updates;
    for (const BackupGateway &gateway : page.gateways) {
        const QString &id = gateway.backupGatewayId;
        if (!id.isEmpty()) {
            // Seen before (the listing shifted under us): keep the row, take the newer data.
            if (const auto it = m_rowOfId.constFind(id); it != m_rowOfId.constEnd()) {
                if (m_rows.at(*it).gateway() != gateway)
                    updates.append({*it, gateway});
                continue;
            }
            if (const auto it = addedIds.constFind(id); it != addedIds.constEnd()) {
                added[*it] = makeRow(gateway);
                continue;
            }
            addedIds.insert(id, int(added.size()));
        }
        added.append(makeRow(gateway));
    }

    // Settle the bookkeeping before any row signal: views and testers call canFetchMore() and
    // fetchMore() from inside them.
    const bool shortPage = page.gateways.size() < pageSize;
    // A full page past what TotalElements promised that brings nothing new is a service
    // repeating itself (some ignore PageNum past the end): stop rather than loop for ever.
    const bool repeating = !shortPage && pageNum > m_promisedPages && added.isEmpty();
    m_pagesLoaded = pageNum;
    const bool finished = shortPage || repeating;
    if (finished) {
        m_atEnd = true;
        abortCalls(); // pages asked for past the end
    } else if (m_mode == Mode::FetchingPage) {
        m_mode = Mode::Idle;
        m_nextToSend = m_nextToDeliver = m_pagesLoaded + 1;
    }

    for (const auto &[row, gateway] : std::as_const(updates))
        updateRow(row, gateway);
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (Row &row : added) {
            const QString id = row.id();
            if (!id.isEmpty())
                m_rowOfId.insert(id, int(m_rows.size()));
            m_rows.append(std::move(row));
        }
        endInsertRows();
    }

    if (finished) // the service's count may be off either way; what we hold is the truth now
        m_totalElements = int(m_rows.size());
    Q_EMIT progress(int(m_rows.size()), std::max(m_totalElements, int(m_rows.size())));
    if (finished) {
        Q_EMIT completed();
        Q_EMIT inventoryComplete();
    }
    updateLoading();
}

void GatewayTableModel::collectRefreshPage(int pageNum, const GatewayPage &page)
{
    for (const BackupGateway &gateway : page.gateways) {
        const QString &id = gateway.backupGatewayId;
        if (!id.isEmpty()) {
            if (m_refreshIds.contains(id))
                continue;
            m_refreshIds.insert(id);
        }
        m_refreshRows.append(gateway);
    }
    if (page.gateways.size() < std::max(1, m_query.pageSize))
        m_refreshAtEnd = true;
    if (m_refreshAtEnd || pageNum >= m_refreshThrough)
        finishRefresh();
}

void GatewayTableModel::finishRefresh()
{
    const QVector<BackupGateway> fresh = std::exchange(m_refreshRows, {});
    const bool atEnd = m_refreshAtEnd;
    const bool wasAtEnd = m_atEnd;
    m_pagesLoaded = m_nextToDeliver - 1;
    m_atEnd = atEnd;
    if (!atEnd)
        m_lastPage = std::max(m_promisedPages, m_pagesLoaded + 1);

    // Drop pages past a short one, but stay in Refreshing while rows move: a fetchMore() from
    // a row signal must wait until the table is whole again.
    ++m_generation;
    const auto calls = std::exchange(m_inFlight, {});
    for (const QPointer<PageCall> &call : calls) {
        if (call)
            call->cancel();
    }
    m_arrived.clear();
    m_refreshIds.clear();
    m_refreshAtEnd = false;
    mergeRows(fresh);

    m_mode = Mode::Idle;
    m_nextToSend = m_nextToDeliver = m_pagesLoaded + 1;
    if (atEnd)
        m_totalElements = int(m_rows.size());
    Q_EMIT progress(int(m_rows.size()), std::max(m_totalElements, int(m_rows.size())));
    if (atEnd && !wasAtEnd)
        Q_EMIT completed();
    if (atEnd)
        Q_EMIT inventoryComplete();
    if (std::exchange(m_loadAllAfterRefresh, false))
        loadAll();
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

void GatewayTableModel::updateRow(int row, const BackupGateway &gateway)
{
    m_rows[row] = makeRow(gateway);
    emitRowsChanged(row, row);
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
            const BackupGateway gateway =
                m_rows.at(row).withField(GatewayField::LastHeartbeatTime);
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
    return int(allGatewayFields().indexOf(GatewayField::LastHeartbeatTime));
}

// ---- the item model ----

int GatewayTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int GatewayTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(allGatewayFields().size());
}

QVariant GatewayTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_rows.size() ||
        index.column() >= columnCount())
        return {};
    const Row &row = m_rows.at(index.row());
    const GatewayField field = allGatewayFields().at(index.column());
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
    const QList<GatewayField> &fields = allGatewayFields();
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
        if (gateway.status == u"ONLINE")
            return tr("Online");
        if (gateway.status == u"OFFLINE")
            return tr("Offline");
        if (gateway.status == u"STOPPED")
            return tr("Stopped");
        if (gateway.status == u"UPGRADING")
            return tr("Upgrading");
        return gateway.status; // whatever else the service says, as it says it
    case GatewayField::SourceEndpointInternetIP:
    case GatewayField::SourceEndpointIntranetIP: {
        const QString ip = fieldText(gateway, field);
        return ip.isEmpty() ? emptyCell() : ip;
    }
    case GatewayField::BackupGatewayCreateTime:
        return gateway.createTime > 0 ? localTimeText(gateway.createTime) : emptyCell();
    case GatewayField::LastHeartbeatTime:
        return gateway.lastHeartbeatTime > 0 ? formatAge(m_nowMs - gateway.lastHeartbeatTime)
                                             : emptyCell();
    default:
        return fieldText(gateway, field);
    }
}

QString GatewayTableModel::toolTip(const BackupGateway &gateway, GatewayField field) const
{
    if (isTimeField(field)) {
        const qint64 ms = fieldValue(gateway, field).toLongLong();
        if (ms <= 0)
            return {};
        return tr("%1 local time\n%2 UTC").arg(localTimeText(ms), utcTimeText(ms));
    }
    if (field == GatewayField::BackupGatewayStatus && stale(gateway))
        return tr("Online, but the last heartbeat is overdue");
    return {};
}

QString GatewayTableModel::accessibleText(const BackupGateway &gateway, GatewayField field) const
{
    switch (field) {
    case GatewayField::SourceEndpointInternetIP:
    case GatewayField::SourceEndpointIntranetIP:
        return fieldText(gateway, field).isEmpty() ? tr("None") : fieldText(gateway, field);
    case GatewayField::BackupGatewayCreateTime:
        return gateway.createTime > 0 ? localTimeText(gateway.createTime) : tr("Unknown");
    case GatewayField::LastHeartbeatTime:
        if (gateway.lastHeartbeatTime <= 0)
            return tr("No heartbeat reported");
        return tr("%1, at %2")
            .arg(formatAge(m_nowMs - gateway.lastHeartbeatTime),
                 localTimeText(gateway.lastHeartbeatTime));
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
