#pragma once

#include "apierror.h"
#include "backupgateway.h"
#include "dbsclient.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace dbs {

// Pages in flight at once unless told otherwise. Qt opens at most six HTTP/1.1 connections to
// one host and queues the rest, so more buys nothing there (measured: 8 is no faster than 6),
// while six reaches the network's limit within the 1.3x of issue 5 where four does not (at
// 20 ms a page: 4 = 0.61 s against 0.52, 6 = 0.44 s against 0.36). Six is also what browsers
// open to one host: the service sees no more than one browser tab's worth of requests, and
// Throttling answers are retried with backoff anyway.
inline constexpr int defaultFetchConcurrency = 6;

// Every gateway of one query: the first page gives TotalElements, the other pages go out
// concurrently (at most `concurrency` in flight) and come back in the service's order with
// duplicates (by BackupGatewayId) removed.
//
// The service's answers are not trusted to end by themselves. Pages are judged in service
// order: the first one that is short, empty or brings no new id is the end. Past the end the
// first page promised (max of TotalPages and ceil(TotalElements / PageSize)), the job looks one
// page further, once; if that page is still full of new ids, or a full page inside the
// promised range repeats only known ids, the job fails with code "InconsistentPaging" instead
// of returning a list it cannot vouch for.
class FetchAllJob final : public QObject
{
    Q_OBJECT
public:
    // `client` is not owned; it may be destroyed before the job (the job then fails with
    // Kind::Cancelled, from the event loop).
    FetchAllJob(DbsClient *client, const PageQuery &query,
                int concurrency = defaultFetchConcurrency, QObject *parent = nullptr);
    ~FetchAllJob() override;

    void start();
    // Stops the job: no signal is emitted afterwards, not even from a slot running now.
    void cancel();

    int totalElements() const { return m_totalElements; }
    int delivered() const { return m_delivered; }
    // An absolute ceiling on pages, whatever TotalElements claims (default 100000).
    void setMaxPages(int pages) { m_maxPages = qMax(1, pages); }
    int requestsSent() const { return m_requestsSent; }

Q_SIGNALS:
    // Rows in service order, each page once, as soon as every earlier page is in.
    void rowsReady(const QVector<dbs::BackupGateway> &rows);
    void progress(int delivered, int total);
    void finished();
    void failed(const dbs::ApiError &error);

private:
    void request(int pageNum);
    void onPage(int pageNum, const GatewayPage &page);
    void onFailed(int pageNum, const ApiError &error);
    void onClientDestroyed();
    void fillPipeline();
    // False when the job stopped (or was deleted by a slot) while delivering.
    bool deliverInOrder();
    void stop(); // no more requests or deliveries; signals still allowed unless silenced
    void finishNow();
    void failInconsistent(const GatewayPage &page, const QString &message);

    QPointer<DbsClient> m_client; // not owned
    PageQuery m_query;
    int m_concurrency;
    int m_maxPages = 100000;
    // Owned by the client, which may delete them first: hence QPointer. Cancelled when we stop.
    QMap<int, QPointer<PageCall>> m_inFlight;
    QMap<int, GatewayPage> m_waiting; // arrived out of order
    QSet<QString> m_seenIds;
    int m_promisedLast = 1; // the last page the first answer promises
    int m_lastPage = 1;     // the last page we will ask for (promised, or one further)
    int m_nextToSend = 2;
    int m_nextToDeliver = 1;
    int m_totalElements = 0;
    int m_delivered = 0;
    int m_requestsSent = 0;
    bool m_stopped = false;
    bool m_silenced = false; // cancel() was called: no signal at all any more
};

} // namespace dbs
