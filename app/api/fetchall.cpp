#include "fetchall.h"

#include <algorithm>

namespace dbs {

FetchAllJob::FetchAllJob(DbsClient *client, const PageQuery &query, int concurrency,
                         QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_query(query)
    , m_concurrency(std::max(1, concurrency))
{
}

FetchAllJob::~FetchAllJob()
{
    cancel();
}

void FetchAllJob::start()
{
    request(1);
}

void FetchAllJob::cancel()
{
    m_stopped = true;
    const auto calls = m_inFlight;
    m_inFlight.clear();
    for (PageCall *call : calls)
        call->cancel();
}

void FetchAllJob::request(int pageNum)
{
    PageQuery query = m_query;
    query.pageNum = pageNum;
    PageCall *call = m_client->fetchPage(query);
    m_inFlight.insert(pageNum, call);
    connect(call, &PageCall::finished, this,
            [this, pageNum](const GatewayPage &page) { onPage(pageNum, page); });
    connect(call, &PageCall::failed, this, &FetchAllJob::onFailed);
}

void FetchAllJob::onPage(int pageNum, const GatewayPage &page)
{
    m_inFlight.remove(pageNum);
    if (m_stopped)
        return;
    if (pageNum == 1) {
        m_totalElements = page.totalElements;
        const int size = std::max(1, m_query.pageSize);
        m_lastPage = std::max(1, (page.totalElements + size - 1) / size);
    }
    // A full last page means TotalElements may have been low: look one page further.
    if (pageNum == m_lastPage && page.gateways.size() >= m_query.pageSize &&
        !page.gateways.isEmpty())
        ++m_lastPage;
    m_waiting.insert(pageNum, page);
    deliverInOrder();
    if (!m_stopped)
        fillPipeline();
}

void FetchAllJob::fillPipeline()
{
    while (m_inFlight.size() < m_concurrency && m_nextToSend <= m_lastPage)
        request(m_nextToSend++);
    if (m_inFlight.isEmpty() && m_nextToDeliver > m_lastPage) {
        m_stopped = true;
        Q_EMIT finished();
    }
}

void FetchAllJob::deliverInOrder()
{
    while (m_waiting.contains(m_nextToDeliver)) {
        const GatewayPage page = m_waiting.take(m_nextToDeliver++);
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
        if (!rows.isEmpty())
            Q_EMIT rowsReady(rows);
        Q_EMIT progress(m_delivered, std::max(m_totalElements, m_delivered));
    }
}

void FetchAllJob::onFailed(const ApiError &error)
{
    // The failed call deletes itself; forget it before cancelling the rest.
    for (auto it = m_inFlight.begin(); it != m_inFlight.end();) {
        if (it.value() == sender())
            it = m_inFlight.erase(it);
        else
            ++it;
    }
    if (m_stopped)
        return;
    cancel();
    Q_EMIT failed(error);
}

} // namespace dbs
