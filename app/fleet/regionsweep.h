#pragma once

#include <api/apierror.h>
#include <api/backupgateway.h>
#include <api/dbsclient.h>

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace dbs {

class PagePipeline;

// What one region of a sweep came to.
struct RegionResult
{
    enum class State { Pending, Loading, Done, Failed };
    State state = State::Pending;
    QVector<BackupGateway> gateways; // service order; complete only when Done
    ApiError error;                  // when Failed
};

// Every gateway of several regions: each region is listed whole (PagePipeline), every region
// at once, so that each region's first page goes out at the start and the connections to each
// host stay busy (Qt queues what is beyond six per host). A region that fails never stops or
// hides the others; it can be retried alone. With an endpoint in the client's options every
// region goes to that endpoint.
class RegionSweep final : public QObject
{
    Q_OBJECT
public:
    // `client` is not owned and must outlive the sweep. `query` gives the page size and any
    // identifier filter; its region is replaced by each of `regions`.
    RegionSweep(DbsClient *client, const QStringList &regions, const PageQuery &query,
                QObject *parent = nullptr);
    ~RegionSweep() override;

    // Pages in flight within each region (default defaultFetchConcurrency).
    void setPageConcurrency(int pages);

    void start();
    // Fetches one region again (a failed one, or any); finished() follows again when done.
    void retry(const QString &region);
    void cancel(); // no signal afterwards

    const QStringList &regions() const { return m_regions; }
    RegionResult result(const QString &region) const { return m_results.value(region); }
    bool isFinished() const;
    int failedCount() const;
    // Every region's gateways as one table (mergeRegions: regions in the order given, each id
    // once). A region not done contributes its rows in `held` (what it listed before), if any.
    // `regionOf`, when given, is set to the region each row came from.
    QVector<BackupGateway> mergedGateways(const QHash<QString, QVector<BackupGateway>> &held = {},
                                          QHash<QString, QString> *regionOf = nullptr) const;

Q_SIGNALS:
    void regionChanged(const QString &region); // its state (and rows) changed
    void finished();                           // no region is pending or loading

private:
    void launch(const QString &region);
    void emitFinishedIfDone();
    void settle(const QString &region, RegionResult::State state, const ApiError &error = {});

    QPointer<DbsClient> m_client; // not owned
    QStringList m_regions;
    PageQuery m_query;
    int m_pageConcurrency;
    QHash<QString, RegionResult> m_results;
    QHash<QString, QPointer<PagePipeline>> m_jobs; // children, one per loading region
    bool m_cancelled = false;
};

} // namespace dbs
