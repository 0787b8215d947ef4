#pragma once

#include "api/apierror.h"
#include "api/backupgateway.h"
#include "api/dbsclient.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace dbs {

class FetchAllJob;

// What one region of a sweep came to.
struct RegionResult
{
    enum class State { Pending, Loading, Done, Failed };
    State state = State::Pending;
    QVector<BackupGateway> gateways; // service order; complete only when Done
    ApiError error;                  // when Failed
};

// Every gateway of several regions: each region is fetched whole (FetchAllJob), a bounded
// number of regions at a time. A region that fails never stops or hides the others; it can be
// retried alone. With an endpoint in the client's options every region goes to that endpoint.
class RegionSweep final : public QObject
{
    Q_OBJECT
public:
    // `client` is not owned and must outlive the sweep. `query` gives the page size and any
    // identifier filter; its region is replaced by each of `regions`.
    RegionSweep(DbsClient *client, const QStringList &regions, const PageQuery &query,
                QObject *parent = nullptr);
    ~RegionSweep() override;

    // Regions fetched at once, and pages in flight within each (defaults 4 and 2: at most
    // eight requests at a time, as a polite client of the service).
    void setConcurrency(int regions, int pagesPerRegion);

    void start();
    // Fetches one region again (a failed one, or any); finished() follows again when done.
    void retry(const QString &region);
    void cancel(); // no signal afterwards

    const QStringList &regions() const { return m_regions; }
    RegionResult result(const QString &region) const { return m_results.value(region); }
    bool isFinished() const;
    int failedCount() const;
    // Every region's gateways, regions in the order given; failed regions contribute none.
    QVector<BackupGateway> mergedGateways() const;

Q_SIGNALS:
    void regionChanged(const QString &region); // its state (and rows) changed
    void finished();                           // no region is pending or loading

private:
    void startMore();
    void launch(const QString &region);
    void settle(const QString &region, RegionResult::State state, const ApiError &error = {});

    QPointer<DbsClient> m_client; // not owned
    QStringList m_regions;
    PageQuery m_query;
    int m_regionConcurrency = 4;
    int m_pageConcurrency = 2;
    QHash<QString, RegionResult> m_results;
    QHash<QString, QPointer<FetchAllJob>> m_jobs; // children, one per loading region
    QStringList m_queue;                          // regions waiting for a slot
    bool m_cancelled = false;
};

} // namespace dbs
