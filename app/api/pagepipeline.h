#pragma once

#include "apierror.h"
#include "backupgateway.h"
#include "dbsclient.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

namespace dbs {

// Pages in flight at once unless told otherwise. Qt opens at most six HTTP/1.1 connections to
// one host and queues the rest, so more buys nothing there (measured: 8 is no faster than 6),
// while six reaches the network's limit where four does not (at 20 ms a page: 4 = 0.61 s
// against 0.52, 6 = 0.44 s against 0.36). Over HTTP/2 every page shares one connection and
// more in flight does help (README, Performance).
inline constexpr int defaultFetchConcurrency = 6;

// The one way this program pages through DescribeBackupGatewayList: `dbs-gateways list`, the
// browser's lazy table, the all-regions sweep and `watch` all list through it.
//
// Page numbers count from 0, as DBS documents. A service that counts from 1 answers 0 as its
// first page and 1 with that page again: a page 1 that holds exactly the gateways of a full
// page 0 is taken for this and skipped, so both readings list every gateway once, with no
// setting.
//
// Pages go out as they are wanted (fetchPages() for a lazy view, fetchAll() for everything),
// at most `concurrency` in flight; they are judged in service order and their rows
// de-duplicated by BackupGatewayId. The listing is complete at the first short or empty page,
// or at a full page of known gateways once all TotalElements are in. When the last page that
// TotalElements implies is full, one page more is asked to be sure the count was not low; if
// that page is still full of new gateways, or a full page brings only known ones before
// TotalElements are in, the listing fails with code "InconsistentPaging" instead of returning
// a list it cannot vouch for.
class PagePipeline final : public QObject
{
    Q_OBJECT
public:
    // `client` is not owned; it may be destroyed before the pipeline (which then fails with
    // Kind::Cancelled, from the event loop).
    PagePipeline(DbsClient *client, const PageQuery &query,
                 int concurrency = defaultFetchConcurrency, QObject *parent = nullptr);
    ~PagePipeline() override;

    // Wants the first `pages` pages of the listing delivered and sends what is missing (a
    // repeated first page does not count). After a failure this resumes at the failed page.
    void fetchPages(int pages);
    void fetchAll();
    // Sends nothing more: pages in flight are dropped (asked again when wanted); what was
    // delivered stays delivered.
    void pause();
    // Stops for good: no signal is emitted afterwards, not even from a slot running now.
    void cancel();

    const PageQuery &query() const { return m_query; }
    bool isActive() const { return !m_inFlight.isEmpty(); }
    bool isComplete() const { return m_state == State::Complete; }
    bool hasFailed() const { return m_state == State::Failed; }
    // Another page can be wanted now: not complete, not failed, nothing in flight.
    bool canFetchMore() const;
    // Pages of the listing delivered so far (a repeated first page not counted).
    int pagesDelivered() const;
    // What the first page said (0 before it came).
    int totalElements() const { return m_totalElements; }
    int delivered() const { return int(m_seenIds.size()); }
    int requestsSent() const { return m_requestsSent; }
    // 0, or 1 once the service has shown that it counts pages from 1.
    int firstPageNum() const { return m_base; }
    // An absolute ceiling on pages, whatever TotalElements claims (default 100000).
    void setMaxPages(int pages) { m_maxPages = qMax(1, pages); }

Q_SIGNALS:
    // New rows in service order, each gateway once, as soon as every earlier page is in.
    void rowsReady(const QVector<dbs::BackupGateway> &rows);
    void progress(int delivered, int total);
    // The pages wanted are in and more remain: nothing is in flight until more are wanted.
    void paused();
    void finished(); // the listing is complete
    void failed(const dbs::ApiError &error);

private:
    enum class State { Running, Complete, Failed, Cancelled };

    void request(int pageNum);
    void onPage(int pageNum, const GatewayPage &page);
    void onFailed(int pageNum, const ApiError &error);
    void onClientDestroyed();
    void failClientGone();
    void resume();
    void fillPipeline();
    int lastWanted() const; // the last PageNum the pages wanted reach
    // False when the pipeline stopped (or was deleted by a slot) while delivering.
    bool deliverInOrder();
    void dropCalls();
    void fail(const ApiError &error, int retryPageNum);
    void failInconsistent(int pageNum, const GatewayPage &page, const QString &message);

    QPointer<DbsClient> m_client; // not owned
    PageQuery m_query;
    int m_concurrency;
    int m_maxPages = 100000;
    State m_state = State::Running;
    // Owned by the client, which may delete them first: hence QPointer. Cancelled when we stop.
    QMap<int, QPointer<PageCall>> m_inFlight;
    QMap<int, GatewayPage> m_waiting; // arrived before an earlier page
    QSet<QString> m_seenIds;
    QStringList m_firstPageIds; // a full page 0's ids, to recognise its repetition as page 1
    int m_wantPages = 0;
    int m_base = 0;
    bool m_totalKnown = false;
    int m_lastImplied = 0; // the last PageNum TotalElements implies
    int m_lastPage = 0;    // the last PageNum we will ask for (implied, or one further)
    int m_nextToSend = 0;
    int m_nextToDeliver = 0;
    int m_totalElements = 0;
    int m_requestsSent = 0;
};

} // namespace dbs
