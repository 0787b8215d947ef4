#pragma once

#include "gatewayrow.h"
#include <api/apierror.h>
#include <api/backupgateway.h>
#include <api/dbsclient.h>
#include <api/gatewayfields.h>
#include <fleet/regionsweep.h>
#include <fleet/summary.h>

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QVector>

namespace dbs {

class PagePipeline;

// The gateways of one query (region, page size, identifier lookup): rows and data(). The
// paging is PagePipeline's: the model asks it for the next page as the view wants more
// (canFetchMore/fetchMore), or for all of them (loadAll) when a filter, a sort or an export
// needs every row. Columns follow tableGatewayFields().
class GatewayTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        GatewayRole = Qt::UserRole + 1, // QVariant<BackupGateway>
        SortRole,                       // a value that sorts right (qint64 for times)
        StaleRole,                      // bool: ONLINE but heartbeat older than the threshold
        StatusRole,                     // QString: the raw status
        IdRole,                         // QString: BackupGatewayId
        ChangedRole,                    // bool: changed lately (markChanged), to highlight
    };
    Q_ENUM(Role)

    // `client` is not owned and must outlive the model.
    explicit GatewayTableModel(DbsClient *client, QObject *parent = nullptr);
    ~GatewayTableModel() override;

    // Starts over for a new query: rows cleared, every answer still in flight ignored. A query
    // of endpoints::allRegions(), or of several accounts (setAccounts()), fetches each region
    // of each account whole (RegionSweep) and merges them into one table (the Region and
    // Account columns tell them apart); a part that fails keeps its rows from before, if any,
    // and never hides the others'.
    void setQuery(const PageQuery &query);
    // The accounts the next queries list, each through its own client: with any, a query is a
    // sweep of every one of them (in its region, or in all regions), merged into one table whose
    // rows carry their account; with none, the model's client alone.
    void setAccounts(const QVector<SweepAccount> &accounts);
    // The query shown lists several accounts.
    bool isAllAccounts() const { return !m_queryAccounts.isEmpty(); }
    bool isAllRegions() const;
    // The per-part state of a sweep (all regions or all accounts; null otherwise);
    // regionsChanged() tells.
    const RegionSweep *regionSweep() const { return m_sweep; }
    void retryRegion(const QString &key); // a part of the sweep, by its sweepKey()
    void retryFailedRegions();
    // Every gateway held, in table order.
    QVector<BackupGateway> gateways() const;
    // Counts per status, stale and heartbeat age over the rows held (at nowMs()).
    FleetSummary summary() const;
    // Shows `gateways` (the last run's inventory) at once, then loads the query's pages again
    // over them: rows keep their identity where the service still lists them. Only right
    // after setQuery().
    void preload(const QVector<BackupGateway> &gateways);
    // Highlights these gateways' rows (ChangedRole) until the clock passes `untilMs`.
    void markChanged(const QSet<QString> &ids, qint64 untilMs);
    const PageQuery &query() const { return m_query; }
    // Reloads the pages loaded so far; rows keep their identity (same ids) where possible.
    void refresh();
    // Fetches every remaining page (bounded concurrency); progress() reports it.
    void loadAll();
    void cancelLoadAll();
    bool isLoadingAll() const { return m_wantAll; } // loadAll() until complete or cancelled

    bool isLoading() const;
    bool isComplete() const; // every page is in
    int totalElements() const { return m_totalElements; }
    BackupGateway gatewayAt(int row) const;
    int rowOfId(const QString &backupGatewayId) const; // -1 when not loaded

    // Stale = ONLINE and heartbeat older than this.
    void setStaleThresholdMs(qint64 ms);
    qint64 staleThresholdMs() const { return m_staleThresholdMs; }
    // The clock the ages are computed against; the window ticks it. Tests set it.
    void setNowMs(qint64 nowMs);
    qint64 nowMs() const { return m_nowMs; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void progress(int loaded, int total);
    void errorOccurred(const dbs::ApiError &error);
    void queryReset();
    void completed();
    void regionsChanged();
    // The rows are a whole inventory again: after a load, a refresh or a sweep (all regions:
    // when at least one answered). Emitted at every such moment, unlike completed().
    void inventoryComplete();

private:
    // Reads rows and their search text in place: a keystroke filters 100,000 rows, no copies.
    friend class GatewayFilterModel;

    using Row = GatewayRow;

    PagePipeline *makeListing();
    void dropListings();
    void reload(int pages);
    void finishReload();
    void onListingFailed(PagePipeline *listing, const ApiError &error);
    void onListingComplete();
    void appendRows(const QVector<BackupGateway> &gateways);
    void startSweep();
    void makeSweep();
    void onSweepRegionChanged(const QString &region);
    void mergeRows(const QVector<BackupGateway> &fresh);
    Row makeRow(const BackupGateway &gateway);
    void emitRowsChanged(int first, int last, const QList<int> &roles = {});
    void rebuildIdIndex();
    void updateLoading();
    void emitStaleChanges(qint64 oldNowMs, qint64 oldThresholdMs);
    int heartbeatColumn() const;
    bool stale(const BackupGateway &gateway) const;
    QString displayText(const BackupGateway &gateway, GatewayField field) const;
    QString accessibleText(const BackupGateway &gateway, GatewayField field) const;
    QString toolTip(const BackupGateway &gateway, GatewayField field) const;
    QVariant sortValue(const BackupGateway &gateway, GatewayField field) const;
    const Row &rowAt(int row) const { return m_rows.at(row); }

    DbsClient *m_client;                   // not owned, outlives the model
    RegionSweep *m_sweep = nullptr;        // child, for an all-regions or all-accounts query
    QVector<SweepAccount> m_accounts;      // for the next query; their clients are not owned
    QVector<SweepAccount> m_queryAccounts; // the query's (a refresh lists them again)
    QHash<QString, QString> m_sweepKeyOf;  // BackupGatewayId -> the part that listed it
    QHash<QString, qint64> m_changedUntil; // BackupGatewayId -> highlighted until (ms)
    PageQuery m_query;
    bool m_hasQuery = false;
    QVector<Row> m_rows;
    QHash<QString, int> m_rowOfId; // BackupGatewayId -> row
    QSet<QString> m_sharedTexts;   // the regions and statuses the rows share

    // The listing the table shows, paged by the view (fetchMore) or whole (loadAll); during a
    // refresh, m_reload lists the same pages again into m_reloadRows. Children.
    PagePipeline *m_listing = nullptr;
    PagePipeline *m_reload = nullptr;
    QVector<BackupGateway> m_reloadRows;
    int m_reloadPages = 0; // what m_reload was asked for
    int m_totalElements = 0;
    bool m_sweepComplete = false; // every region of an all-regions query has answered
    bool m_failed = false;        // the last page failed: wait for an explicit retry
    bool m_relist = false;        // and its listing is inconsistent: retry with a new one
    bool m_wantAll = false;       // loadAll() until it completes or is cancelled
    bool m_loadAllAfterRefresh = false;

    qint64 m_staleThresholdMs;
    qint64 m_nowMs;
    bool m_loadingReported = false; // the last value loadingChanged() said
};

} // namespace dbs
