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

// One of the accounts a sweep lists, with the client that signs as it.
struct SweepAccount
{
    QString name;
    QPointer<DbsClient> client; // not owned; null: the account cannot sign, `error` says why
    ApiError error;
};

// One listing of a sweep: a region, as one account sees it.
struct SweepPart
{
    SweepAccount account; // name empty: the sweep lists one account
    QString region;
};

// Where a sweep keeps a part: the region alone for a sweep of one account (`account` empty).
QString sweepKey(const QString &account, const QString &region);
// A part in words for a chip or a banner: "China (Hangzhou)", or "prod · China (Hangzhou)".
QString sweepPartName(const SweepPart &part);

// What one part of a sweep (a region, of an account) came to.
struct RegionResult
{
    enum class State { Pending, Loading, Done, Failed };
    State state = State::Pending;
    QVector<BackupGateway> gateways; // service order; complete only when Done
    ApiError error;                  // when Failed
};

// What failed in a sweep, as a chip or a banner line shows it: one part, or an account that
// failed in every region (it could not sign, or may not list) as one.
struct SweepFailure
{
    QString name; // sweepPartName(), or the account's name
    QStringList keys;
    ApiError error; // the first part's
};

// Every gateway of several regions, of one account or several: each part (a region of an
// account) is listed whole (PagePipeline), every part at once, so that each one's first page
// goes out at the start and the connections to each host stay busy (Qt queues what is beyond
// six per host). A part that fails never stops or hides the others; it can be retried alone.
// With an endpoint in the client's options every region goes to that endpoint. The rows of a
// named account carry its name (BackupGateway::account).
class RegionSweep final : public QObject
{
    Q_OBJECT
public:
    // `client` is not owned (a client deleted meanwhile fails its parts). `query` gives the page
    // size and any identifier filter; its region is replaced by each of `regions`.
    RegionSweep(DbsClient *client, const QStringList &regions, const PageQuery &query,
                QObject *parent = nullptr);
    // Every region of every account, accounts first; a part is known by sweepKey().
    RegionSweep(const QVector<SweepAccount> &accounts, const QStringList &regions,
                const PageQuery &query, QObject *parent = nullptr);
    ~RegionSweep() override;

    // Pages in flight within each part (default defaultFetchConcurrency).
    void setPageConcurrency(int pages);
    // false: rows go out by rowsListed() only, and results keep none (a caller that keeps
    // them in a shape of its own holds them once). Before start().
    void setKeepRows(bool keep) { m_keepRows = keep; }

    void start();
    // Fetches one part again (a failed one, or any); finished() follows again when done.
    void retry(const QString &key);
    void cancel(); // no signal afterwards

    // The parts' keys, accounts first: the region alone when the sweep lists one account.
    const QStringList &keys() const { return m_keys; }
    SweepPart part(const QString &key) const { return m_parts.value(key); }
    bool hasAccounts() const { return !m_accounts.isEmpty(); }
    const QStringList &accounts() const { return m_accounts; } // empty for one account
    int regionCount() const { return m_regionCount; }
    RegionResult result(const QString &key) const { return m_results.value(key); }
    bool isFinished() const;
    int failedCount() const; // parts
    // The failed parts in key order, an account that failed in each of several regions as one.
    QList<SweepFailure> failures() const;
    // Every part's gateways as one table (mergeRegions: parts in key order, each id once). A
    // part not done contributes its rows in `held` (what it listed before), if any. `keyOf`,
    // when given, is set to the part each row came from.
    QVector<BackupGateway> mergedGateways(const QHash<QString, QVector<BackupGateway>> &held = {},
                                          QHash<QString, QString> *keyOf = nullptr) const;

Q_SIGNALS:
    void regionChanged(const QString &key); // a part's state (and rows) changed
    // A part's next rows in service order, each gateway once (with its account's name).
    void rowsListed(const QString &key, const QVector<dbs::BackupGateway> &rows);
    void finished(); // no part is pending or loading

private:
    void launch(const QString &key);
    void emitFinishedIfDone();
    void settle(const QString &key, RegionResult::State state, const ApiError &error = {});

    QStringList m_keys;
    QStringList m_accounts;
    int m_regionCount = 0;
    QHash<QString, SweepPart> m_parts; // their clients are not owned
    PageQuery m_query;
    int m_pageConcurrency;
    QHash<QString, RegionResult> m_results;
    // Children, one per loading part (null for one that cannot sign, until it is settled).
    QHash<QString, QPointer<PagePipeline>> m_jobs;
    bool m_cancelled = false;
    bool m_keepRows = true;
};

} // namespace dbs
