#include "fetchall.h"

#include "responseparser.h"

#include <algorithm>
#include <utility>

namespace dbs {

namespace {
// Pages may be requested at most this many times `concurrency` ahead of the first page not yet
// delivered, so one slow page that keeps retrying cannot make the job hoard the pages after it.
constexpr int aheadPerSlot = 4;
} // namespace

FetchAllJob::FetchAllJob(DbsClient *client, const PageQuery &query, int concurrency,
                         QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_query(query)
    , m_concurrency(std::max(1, concurrency))
{
    if (client)
        connect(client, &QObject::destroyed, this, &FetchAllJob::onClientDestroyed);
}

FetchAllJob::~FetchAllJob()
{
    cancel();
}

void FetchAllJob::start()
{
    if (m_stopped || m_requestsSent > 0)
        return;
    if (!m_client) {
        onClientDestroyed();
        return;
    }
    request(1);
}

void FetchAllJob::cancel()
{
    m_silenced = true;
    stop();
}

void FetchAllJob::stop()
{
    m_stopped = true;
    m_waiting.clear();
    const QMap<int, QPointer<PageCall>> calls = std::exchange(m_inFlight, {});
    for (const QPointer<PageCall> &call : calls) {
        if (call) {
            call->disconnect(this);
            call->cancel();
        }
    }
}

void FetchAllJob::request(int pageNum)
{
    PageQuery query = m_query;
    query.pageNum = pageNum;
    PageCall *call = m_client->fetchPage(query);
    ++m_requestsSent;
    m_inFlight.insert(pageNum, call);
    connect(call, &PageCall::finished, this,
            [this, pageNum](const GatewayPage &page) { onPage(pageNum, page); });
    connect(call, &PageCall::failed, this,
            [this, pageNum](const ApiError &error) { onFailed(pageNum, error); });
}

void FetchAllJob::onPage(int pageNum, const GatewayPage &page)
{
    m_inFlight.remove(pageNum);
    if (m_stopped)
        return;
    if (pageNum == 1) {
        // In qint64: TotalElements near INT_MAX must neither overflow nor be believed blindly
        // (the stop rules end the job at the first short page whatever it promised).
        m_totalElements = page.totalElements;
        const qint64 size = std::max(1, m_query.pageSize);
        const qint64 byElements = (qint64(page.totalElements) + size - 1) / size;
        const qint64 promised = std::max<qint64>(page.totalPages, byElements);
        m_promisedLast = int(std::clamp<qint64>(promised, 1, m_maxPages));
        m_lastPage = m_promisedLast;
    }
    m_waiting.insert(pageNum, page);
    // The freed slot goes back to work before the rows are handed on: the consumer's time
    // (formatting, writing) then overlaps the next round trip instead of delaying it. Only
    // after a full page: a short or empty one may be the end, and nothing is sent past it.
    if (page.gateways.size() >= std::max(1, m_query.pageSize))
        fillPipeline();
    if (deliverInOrder())
        fillPipeline(); // delivering may have moved the window or the last page on
}

void FetchAllJob::fillPipeline()
{
    const int aheadLimit = m_nextToDeliver + m_concurrency * aheadPerSlot;
    while (!m_stopped && m_inFlight.size() < m_concurrency && m_nextToSend <= m_lastPage &&
           m_nextToSend < aheadLimit)
        request(m_nextToSend++);
    if (!m_stopped && m_inFlight.isEmpty() && m_nextToDeliver > m_lastPage)
        finishNow(); // not reached with the rules in deliverInOrder(); a safety net
}

bool FetchAllJob::deliverInOrder()
{
    const QPointer<FetchAllJob> self(this); // a slot may delete the job
    const int pageSize = std::max(1, m_query.pageSize);
    while (!m_stopped && m_waiting.contains(m_nextToDeliver)) {
        const int pageNum = m_nextToDeliver++;
        const GatewayPage page = m_waiting.take(pageNum);
        QVector<BackupGateway> rows;
        rows.reserve(page.gateways.size());
        for (const BackupGateway &gateway : page.gateways) {
            if (!gateway.backupGatewayId.isEmpty()) {
                if (m_seenIds.contains(gateway.backupGatewayId))
                    continue;
                m_seenIds.insert(gateway.backupGatewayId);
            }
            rows.append(gateway);
        }
        m_delivered += rows.size();
        if (!rows.isEmpty()) {
            Q_EMIT rowsReady(rows);
            if (!self || m_stopped)
                return false;
        }
        Q_EMIT progress(m_delivered, std::max(m_totalElements, m_delivered));
        if (!self || m_stopped)
            return false;

        const bool full = page.gateways.size() >= pageSize;
        const bool onlyKnownIds = !page.gateways.isEmpty() && rows.isEmpty();
        if (full && onlyKnownIds && pageNum <= m_promisedLast) {
            // Not an end (the page is full) and not new data: the service repeats itself, and
            // where the rows of this page went cannot be known.
            failInconsistent(page, tr("Page %1 repeated only gateways already listed; the list "
                                      "would be incomplete.")
                                       .arg(pageNum));
            return false;
        }
        if (!full || onlyKnownIds) {
            finishNow(); // the first short, empty or all-known page is the end
            return false;
        }
        if (pageNum == m_lastPage) {
            // Full of new ids at the last page we meant to ask for.
            if (m_lastPage >= m_maxPages) {
                failInconsistent(page, tr("Stopped after %1 pages, the most one listing may "
                                          "take; the list would be incomplete.")
                                           .arg(m_maxPages));
                return false;
            }
            if (pageNum == m_promisedLast) {
                ++m_lastPage; // TotalElements may have been low: look one page further, once
            } else {
                failInconsistent(page, tr("The service returned more gateways than the %1 it "
                                          "announced; the list would be incomplete.")
                                           .arg(m_totalElements));
                return false;
            }
        }
    }
    return !m_stopped;
}

void FetchAllJob::onFailed(int pageNum, const ApiError &error)
{
    m_inFlight.remove(pageNum); // the failed call deletes itself
    if (m_stopped)
        return;
    stop();
    if (!m_silenced)
        Q_EMIT failed(error);
}

void FetchAllJob::onClientDestroyed()
{
    m_inFlight.clear(); // the client deletes its calls itself
    if (m_stopped)
        return;
    stop();
    ApiError error;
    error.kind = ApiError::Kind::Cancelled;
    error.code = QStringLiteral("Cancelled");
    error.message = tr("The connection to the service was closed before the list was complete.");
    // From the event loop: the client may be dying inside its owner's destructor.
    QMetaObject::invokeMethod(
        this,
        [this, error] {
            if (!m_silenced)
                Q_EMIT failed(error);
        },
        Qt::QueuedConnection);
}

void FetchAllJob::finishNow()
{
    stop();
    if (!m_silenced)
        Q_EMIT finished();
}

void FetchAllJob::failInconsistent(const GatewayPage &page, const QString &message)
{
    ApiError error;
    error.kind = ApiError::Kind::Malformed;
    error.code = QStringLiteral("InconsistentPaging");
    error.message = message;
    error.requestId = page.requestId;
    error.httpStatus = 200;
    error.retryable = isRetryable(error); // the inventory may have changed while listing
    stop();
    if (!m_silenced)
        Q_EMIT failed(error);
}

} // namespace dbs
