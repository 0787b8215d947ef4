#include "regionsweep.h"

#include "merge.h"

#include <api/pagepipeline.h>

namespace dbs {

RegionSweep::RegionSweep(DbsClient *client, const QStringList &regions, const PageQuery &query,
                         QObject *parent)
    : QObject(parent), m_client(client), m_regions(regions), m_query(query),
      m_pageConcurrency(defaultFetchConcurrency)
{
    for (const QString &region : regions)
        m_results.insert(region, {});
}

RegionSweep::~RegionSweep()
{
    cancel();
}

void RegionSweep::setPageConcurrency(int pages)
{
    m_pageConcurrency = qMax(1, pages);
}

void RegionSweep::start()
{
    for (const QString &region : std::as_const(m_regions)) {
        if (m_cancelled)
            return; // a slot of regionChanged() may cancel
        launch(region);
    }
    emitFinishedIfDone();
}

void RegionSweep::retry(const QString &region)
{
    if (m_cancelled || !m_results.contains(region) || m_jobs.contains(region))
        return;
    m_results[region] = {};
    launch(region);
}

void RegionSweep::cancel()
{
    m_cancelled = true;
    for (const QPointer<PagePipeline> &job : std::as_const(m_jobs)) {
        if (job) {
            job->cancel();
            job->deleteLater();
        }
    }
    m_jobs.clear();
}

bool RegionSweep::isFinished() const
{
    return m_jobs.isEmpty();
}

int RegionSweep::failedCount() const
{
    int failed = 0;
    for (const RegionResult &result : m_results)
        failed += result.state == RegionResult::State::Failed;
    return failed;
}

QVector<BackupGateway>
RegionSweep::mergedGateways(const QHash<QString, QVector<BackupGateway>> &held,
                            QHash<QString, QString> *regionOf) const
{
    QHash<QString, QVector<BackupGateway>> byRegion = held;
    for (auto it = m_results.cbegin(); it != m_results.cend(); ++it) {
        if (it->state == RegionResult::State::Done)
            byRegion.insert(it.key(), it->gateways);
    }
    return mergeRegions(m_regions, byRegion, regionOf);
}

void RegionSweep::emitFinishedIfDone()
{
    if (!m_cancelled && isFinished())
        Q_EMIT finished();
}

void RegionSweep::launch(const QString &region)
{
    PageQuery query = m_query;
    query.region = region;
    auto *job = new PagePipeline(m_client, query, m_pageConcurrency, this);
    m_jobs.insert(region, job);
    m_results[region].state = RegionResult::State::Loading;
    connect(
        job, &PagePipeline::rowsReady, this,
        [this, region](const QVector<BackupGateway> &rows) { m_results[region].gateways += rows; });
    connect(job, &PagePipeline::finished, this,
            [this, region] { settle(region, RegionResult::State::Done); });
    connect(job, &PagePipeline::failed, this, [this, region](const ApiError &error) {
        settle(region, RegionResult::State::Failed, error);
    });
    Q_EMIT regionChanged(region);
    if (!m_cancelled)
        job->fetchAll();
}

void RegionSweep::settle(const QString &region, RegionResult::State state, const ApiError &error)
{
    if (QPointer<PagePipeline> job = m_jobs.take(region))
        job->deleteLater();
    RegionResult &result = m_results[region];
    result.state = state;
    result.error = error;
    if (state == RegionResult::State::Failed)
        result.gateways.clear(); // a partial region is not shown as if it were whole
    Q_EMIT regionChanged(region);
    emitFinishedIfDone();
}

} // namespace dbs
