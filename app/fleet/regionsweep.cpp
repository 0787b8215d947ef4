#include "regionsweep.h"

#include "merge.h"

#include <api/endpoints.h>
#include <api/pagepipeline.h>

#include <QCoreApplication>
#include <QSet>

namespace dbs {

QString sweepKey(const QString &account, const QString &region)
{
    // U+001F cannot be in a region id, so no account name can make two keys alike.
    return account.isEmpty() ? region : account + QChar(0x1f) + region;
}

QString sweepPartName(const SweepPart &part)
{
    const QString region = endpoints::regionName(part.region);
    if (part.account.name.isEmpty())
        return region;
    //: An account's region in a sweep: %1 is the account's name, %2 the region's
    return QCoreApplication::translate("dbs::RegionSweep", "%1 · %2")
        .arg(part.account.name, region);
}

RegionSweep::RegionSweep(DbsClient *client, const QStringList &regions, const PageQuery &query,
                         QObject *parent)
    : RegionSweep({SweepAccount{QString(), client, {}}}, regions, query, parent)
{}

RegionSweep::RegionSweep(const QVector<SweepAccount> &accounts, const QStringList &regions,
                         const PageQuery &query, QObject *parent)
    : QObject(parent), m_regionCount(int(regions.size())), m_query(query),
      m_pageConcurrency(defaultFetchConcurrency)
{
    for (const SweepAccount &account : accounts) {
        if (!account.name.isEmpty())
            m_accounts.append(account.name);
        for (const QString &region : regions) {
            const QString key = sweepKey(account.name, region);
            if (m_parts.contains(key))
                continue; // an account named twice is listed once
            m_keys.append(key);
            m_parts.insert(key, SweepPart{account, region});
            m_results.insert(key, {});
        }
    }
    m_accounts.removeDuplicates();
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
    for (const QString &key : std::as_const(m_keys)) {
        if (m_cancelled)
            return; // a slot of regionChanged() may cancel
        launch(key);
    }
    emitFinishedIfDone();
}

void RegionSweep::retry(const QString &key)
{
    if (m_cancelled || !m_results.contains(key) || m_jobs.contains(key))
        return;
    m_results[key] = {};
    launch(key);
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

QList<SweepFailure> RegionSweep::failures() const
{
    QList<SweepFailure> failures;
    QHash<QString, int> failedOf; // account -> its failed parts
    for (const QString &key : m_keys)
        failedOf[m_parts.value(key).account.name] +=
            m_results.value(key).state == RegionResult::State::Failed;
    QSet<QString> grouped;
    for (const QString &key : m_keys) {
        const RegionResult result = m_results.value(key);
        if (result.state != RegionResult::State::Failed)
            continue;
        const SweepPart part = m_parts.value(key);
        const QString &account = part.account.name;
        if (!account.isEmpty() && m_regionCount > 1 && failedOf.value(account) == m_regionCount) {
            if (grouped.contains(account)) {
                failures.last().keys.append(key);
                continue;
            }
            grouped.insert(account);
            failures.append({account, {key}, result.error});
            continue;
        }
        failures.append({sweepPartName(part), {key}, result.error});
    }
    return failures;
}

QVector<BackupGateway>
RegionSweep::mergedGateways(const QHash<QString, QVector<BackupGateway>> &held,
                            QHash<QString, QString> *keyOf) const
{
    QHash<QString, QVector<BackupGateway>> byKey = held;
    for (auto it = m_results.cbegin(); it != m_results.cend(); ++it) {
        if (it->state == RegionResult::State::Done)
            byKey.insert(it.key(), it->gateways);
    }
    return mergeRegions(m_keys, byKey, keyOf);
}

void RegionSweep::emitFinishedIfDone()
{
    if (!m_cancelled && isFinished())
        Q_EMIT finished();
}

void RegionSweep::launch(const QString &key)
{
    const SweepPart part = m_parts.value(key);
    if (!part.account.client) {
        // Settled later, as a listing is: finished() must not come before the others started.
        ApiError error = part.account.error;
        if (error.kind == ApiError::Kind::None) { // its client is gone: it signs no more
            error.kind = ApiError::Kind::Config;
            error.message = QCoreApplication::translate(
                "dbs::RegionSweep", "The account no longer signs in here; list it again.");
        }
        m_jobs.insert(key, nullptr);
        m_results[key].state = RegionResult::State::Loading;
        Q_EMIT regionChanged(key);
        QMetaObject::invokeMethod(
            this,
            [this, key, error] {
                if (!m_cancelled && m_jobs.contains(key))
                    settle(key, RegionResult::State::Failed, error);
            },
            Qt::QueuedConnection);
        return;
    }
    PageQuery query = m_query;
    query.region = part.region;
    auto *job = new PagePipeline(part.account.client, query, m_pageConcurrency, this);
    m_jobs.insert(key, job);
    m_results[key].state = RegionResult::State::Loading;
    connect(job, &PagePipeline::rowsReady, this,
            [this, key, account = part.account.name](QVector<BackupGateway> rows) {
                if (!account.isEmpty()) {
                    for (BackupGateway &gateway : rows)
                        gateway.account = account;
                }
                if (m_keepRows)
                    m_results[key].gateways += rows;
                Q_EMIT rowsListed(key, rows);
            });
    connect(job, &PagePipeline::finished, this,
            [this, key] { settle(key, RegionResult::State::Done); });
    connect(job, &PagePipeline::failed, this, [this, key](const ApiError &error) {
        settle(key, RegionResult::State::Failed, error);
    });
    Q_EMIT regionChanged(key);
    if (!m_cancelled)
        job->fetchAll();
}

void RegionSweep::settle(const QString &key, RegionResult::State state, const ApiError &error)
{
    if (QPointer<PagePipeline> job = m_jobs.take(key))
        job->deleteLater();
    RegionResult &result = m_results[key];
    result.state = state;
    result.error = error;
    if (state == RegionResult::State::Failed)
        result.gateways.clear(); // a partial region is not shown as if it were whole
    Q_EMIT regionChanged(key);
    emitFinishedIfDone();
}

} // namespace dbs
