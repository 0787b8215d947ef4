#include "regionsweep.h"

#include "api/fetchall.h"

namespace dbs {

RegionSweep::RegionSweep(DbsClient *client, const QStringList &regions, const PageQuery &query,
                         QObject *parent)
    : QObject(parent), m_client(client), m_regions(regions), m_query(query)
{
    for (const QString &region : regions)
        m_results.insert(region, {});
}

RegionSweep::~RegionSweep()
{
    cancel();
}

void RegionSweep::setConcurrency(int regions, int pagesPerRegion)
{
    m_regionConcurrency = qMax(1, regions);
    m_pageConcurrency = qMax(1, pagesPerRegion);
}

void RegionSweep::start()
{
    m_queue = m_regions;
    startMore();
}

void RegionSweep::retry(const QString &region)
{
    if (!m_results.contains(region) || m_jobs.contains(region) || m_queue.contains(region))
        return;
    m_results[region] = {};
    m_queue.append(region);
    Q_EMIT regionChanged(region);
    startMore();
}

void RegionSweep::cancel()
{
    m_cancelled = true;
    m_queue.clear();
    for (const QPointer<FetchAllJob> &job : std::as_const(m_jobs)) {
        if (job) {
            job->cancel();
            job->deleteLater();
        }
    }
    m_jobs.clear();
}

bool RegionSweep::isFinished() const
{
    return m_jobs.isEmpty() && m_queue.isEmpty();
}

int RegionSweep::failedCount() const
{
    int failed = 0;
    for (const RegionResult &result : m_results)
        failed += result.state == RegionResult::State::Failed;
    return failed;
}

QVector<BackupGateway> RegionSweep::mergedGateways() const
{
    QVector<BackupGateway> merged;
    for (const QString &region : m_regions) {
        const RegionResult &result = m_results[region];
        if (result.state == RegionResult::State::Done)
            merged += result.gateways;
    }
    return merged;
}

void RegionSweep::startMore()
{
    while (!m_cancelled && m_jobs.size() < m_regionConcurrency && !m_queue.isEmpty())
        launch(m_queue.takeFirst());
    if (!m_cancelled && isFinished())
        Q_EMIT finished();
}

void RegionSweep::launch(const QString &region)
{
    PageQuery query = m_query;
    query.region = region;
    auto *job = new FetchAllJob(m_client, query, m_pageConcurrency, this);
    m_jobs.insert(region, job);
    m_results[region].state = RegionResult::State::Loading;
    connect(job, &FetchAllJob::rowsReady, this, [this, region](const QVector<BackupGateway> &rows) {
        m_results[region].gateways += rows;
    });
    connect(job, &FetchAllJob::finished, this,
            [this, region] { settle(region, RegionResult::State::Done); });
    connect(job, &FetchAllJob::failed, this, [this, region](const ApiError &error) {
        settle(region, RegionResult::State::Failed, error);
    });
    Q_EMIT regionChanged(region);
    job->start();
}

void RegionSweep::settle(const QString &region, RegionResult::State state, const ApiError &error)
{
    if (QPointer<FetchAllJob> job = m_jobs.take(region))
        job->deleteLater();
    RegionResult &result = m_results[region];
    result.state = state;
    result.error = error;
    if (state == RegionResult::State::Failed)
        result.gateways.clear(); // a partial region is not shown as if it were whole
    Q_EMIT regionChanged(region);
    startMore();
}

} // namespace dbs
