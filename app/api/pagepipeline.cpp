#include "pagepipeline.h"

#include "responseparser.h"

#include <logging/logging.h>

#include <algorithm>
#include <limits>
#include <utility>

namespace dbs {

namespace {
// Pages may be requested at most this many times `concurrency` ahead of the first page not yet
// delivered, so one slow page that keeps retrying cannot make the pipeline hoard the pages
// after it.
constexpr int aheadPerSlot = 4;

// A 1-based service's page 1 is its page 0 again: the same gateways, though not necessarily in
// the same order (a sort that is not stable between two calls).
bool sameIds(QStringList a, QStringList b)
{
    if (a.size() != b.size())
        return false;
    a.sort();
    b.sort();
    return a == b;
}
} // namespace

PagePipeline::PagePipeline(DbsClient *client, const PageQuery &query, int concurrency,
                           QObject *parent)
    : QObject(parent), m_client(client), m_query(query), m_concurrency(std::max(1, concurrency))
{
    m_query.pageSize = std::max(1, m_query.pageSize);
    if (client)
        connect(client, &QObject::destroyed, this, &PagePipeline::onClientDestroyed);
}

PagePipeline::~PagePipeline()
{
    cancel();
}

void PagePipeline::fetchPages(int pages)
{
    if (m_state == State::Complete || m_state == State::Cancelled)
        return;
    m_wantPages = std::max(m_wantPages, pages);
    resume();
}

void PagePipeline::fetchAll()
{
    fetchPages(std::numeric_limits<int>::max());
}

void PagePipeline::pause()
{
    if (m_state != State::Running && m_state != State::Failed)
        return;
    // After a failure too: a resume then asks only for what is wanted from then on.
    dropCalls();
    m_waiting.clear();
    m_wantPages = pagesDelivered();
    m_nextToSend = m_nextToDeliver;
}

void PagePipeline::cancel()
{
    m_state = State::Cancelled;
    dropCalls();
    m_waiting.clear();
}

bool PagePipeline::canFetchMore() const
{
    return m_state == State::Running && m_inFlight.isEmpty() && m_client;
}

int PagePipeline::pagesDelivered() const
{
    return m_nextToDeliver - (m_nextToDeliver > 1 ? m_base : 0);
}

void PagePipeline::resume()
{
    if (!m_client) {
        failClientGone(); // asked again: said again
        return;
    }
    if (m_state == State::Failed)
        m_state = State::Running;
    fillPipeline();
}

int PagePipeline::lastWanted() const
{
    if (m_wantPages <= 0)
        return -1;
    if (m_wantPages == 1)
        return 0; // the first page is PageNum 0 in either reading
    return int(std::min<qint64>(qint64(m_wantPages) - 1 + m_base, std::numeric_limits<int>::max()));
}

void PagePipeline::fillPipeline()
{
    if (m_state != State::Running || !m_client)
        return;
    // Until the first page says how many there are, it is the only one asked for.
    const int limit = std::min(lastWanted(), m_totalKnown ? m_lastPage : 0);
    const int aheadLimit = m_nextToDeliver + m_concurrency * aheadPerSlot;
    while (m_inFlight.size() < m_concurrency && m_nextToSend <= limit && m_nextToSend < aheadLimit)
        request(m_nextToSend++);
}

void PagePipeline::request(int pageNum)
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

void PagePipeline::onPage(int pageNum, const GatewayPage &page)
{
    m_inFlight.remove(pageNum);
    if (m_state != State::Running)
        return;
    if (pageNum == 0 && !m_totalKnown) {
        // In qint64: TotalElements near INT_MAX must neither overflow nor be believed blindly
        // (the listing ends at the first short page whatever it promised).
        m_totalKnown = true;
        m_totalElements = page.totalElements;
        const qint64 size = m_query.pageSize;
        const qint64 byElements = (qint64(page.totalElements) + size - 1) / size;
        const qint64 pages = std::max<qint64>(page.totalPages, byElements);
        m_lastImplied = int(std::clamp<qint64>(pages, 1, m_maxPages)) - 1;
        m_lastPage = m_lastImplied;
    }
    m_waiting.insert(pageNum, page);
    // The freed slot goes back to work before the rows are handed on: the consumer's time
    // (formatting, writing) then overlaps the next round trip instead of delaying it. Only
    // after a full page: a short or empty one may be the end, and nothing is sent past it.
    if (page.gateways.size() >= m_query.pageSize)
        fillPipeline();
    if (deliverInOrder())
        fillPipeline(); // delivering may have moved the window or the last page on
}

bool PagePipeline::deliverInOrder()
{
    const QPointer<PagePipeline> self(this); // a slot may delete the pipeline
    const auto gone = [&] { return !self || m_state == State::Cancelled; };
    while (m_state == State::Running && m_waiting.contains(m_nextToDeliver)) {
        const int pageNum = m_nextToDeliver;
        const GatewayPage page = m_waiting.take(pageNum);
        const bool full = page.gateways.size() >= m_query.pageSize;
        QStringList ids;
        ids.reserve(page.gateways.size());
        for (const BackupGateway &gateway : page.gateways)
            ids.append(gateway.backupGatewayId);

        if (pageNum == 1 && m_base == 0 && full && sameIds(ids, m_firstPageIds)) {
            // A service counting from 1: PageNum 0 and 1 were both its first page. The rest
            // of the listing is one PageNum further on.
            qCDebug(lcApi) << "the service counts pages from 1";
            m_base = 1;
            ++m_lastImplied;
            ++m_lastPage;
            ++m_nextToDeliver;
            m_firstPageIds.clear();
            continue;
        }
        if (pageNum == 0)
            m_firstPageIds = full ? ids : QStringList();

        QVector<BackupGateway> rows;
        rows.reserve(page.gateways.size());
        QSet<QString> newIds;
        for (const BackupGateway &gateway : page.gateways) {
            const QString &id = gateway.backupGatewayId; // never empty: the parser refuses that
            if (!m_seenIds.contains(id) && !newIds.contains(id)) {
                newIds.insert(id);
                rows.append(gateway);
            }
        }

        if (full && rows.isEmpty() && m_seenIds.size() < m_totalElements) {
            // Not an end (the page is full) and not new data: the service repeats itself, and
            // where the rows of this page went cannot be known.
            failInconsistent(pageNum, page,
                             tr("The page at PageNum %1 repeated only gateways already listed; "
                                "the list would be incomplete.")
                                 .arg(pageNum));
            return false;
        }
        if (full && !rows.isEmpty() && pageNum == m_lastPage) {
            // Full of new ids at the last page we meant to ask for.
            if (pageNum >= m_maxPages - 1) {
                failInconsistent(pageNum, page,
                                 tr("Stopped after %1 pages, the most one listing may take; "
                                    "the list would be incomplete.")
                                     .arg(m_maxPages));
                return false;
            }
            if (pageNum != m_lastImplied) {
                failInconsistent(pageNum, page,
                                 tr("The service returned more gateways than the %1 it "
                                    "announced; the list would be incomplete.")
                                     .arg(m_totalElements));
                return false;
            }
            ++m_lastPage; // TotalElements may have been low: look one page further, once
        }

        // The end is settled before any row signal: a consumer's slot may ask for more pages
        // (a view calls fetchMore() while rows are inserted), and none goes past the end.
        ++m_nextToDeliver;
        m_seenIds.unite(newIds);
        const bool end = !full || rows.isEmpty(); // short, empty, or known rows with all in
        if (end) {
            dropCalls();
            m_waiting.clear();
            m_state = State::Complete;
        }
        if (!rows.isEmpty()) {
            Q_EMIT rowsReady(rows);
            if (gone())
                return false;
        }
        Q_EMIT progress(delivered(), std::max(m_totalElements, delivered()));
        if (gone())
            return false;
        if (end) {
            Q_EMIT finished();
            return false;
        }
        if (pagesDelivered() >= m_wantPages && m_inFlight.isEmpty()) {
            Q_EMIT paused();
            if (gone())
                return false;
        }
    }
    return m_state == State::Running;
}

void PagePipeline::onFailed(int pageNum, const ApiError &error)
{
    m_inFlight.remove(pageNum); // the failed call deletes itself
    if (m_state != State::Running)
        return;
    fail(error, m_nextToDeliver); // pages after it are dropped and asked again on resume
}

void PagePipeline::onClientDestroyed()
{
    m_inFlight.clear(); // the client deletes its calls itself
    if (m_state == State::Running)
        failClientGone();
}

void PagePipeline::failClientGone()
{
    m_state = State::Failed;
    m_waiting.clear();
    m_nextToSend = m_nextToDeliver;
    ApiError error;
    error.kind = ApiError::Kind::Cancelled;
    error.code = QStringLiteral("Cancelled");
    error.message = tr("The connection to the service was closed before the list was complete.");
    // From the event loop: the client may be dying inside its owner's destructor.
    QMetaObject::invokeMethod(
        this,
        [this, error] {
            if (m_state == State::Failed)
                Q_EMIT failed(error);
        },
        Qt::QueuedConnection);
}

void PagePipeline::dropCalls()
{
    const QMap<int, QPointer<PageCall>> calls = std::exchange(m_inFlight, {});
    for (const QPointer<PageCall> &call : calls) {
        if (call) {
            call->disconnect(this);
            call->cancel();
        }
    }
}

void PagePipeline::fail(const ApiError &error, int retryPageNum)
{
    dropCalls();
    m_waiting.clear();
    m_state = State::Failed;
    m_nextToDeliver = m_nextToSend = retryPageNum;
    Q_EMIT failed(error);
}

void PagePipeline::failInconsistent(int pageNum, const GatewayPage &page, const QString &message)
{
    ApiError error;
    error.kind = ApiError::Kind::Malformed;
    error.code = QStringLiteral("InconsistentPaging");
    error.message = message;
    error.requestId = page.requestId;
    error.httpStatus = 200;
    error.retryable = isRetryable(error); // the inventory may have changed while listing
    fail(error, pageNum);                 // a retry asks for this page again
}

} // namespace dbs
