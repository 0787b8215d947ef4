#pragma once

#include "apierror.h"
#include "backupgateway.h"
#include "dbsclient.h"

#include <QMap>
#include <QObject>
#include <QSet>

namespace dbs {

// Every gateway of one query: the first page gives TotalElements, the other pages go out
// concurrently (at most `concurrency` in flight) and come back in the service's order with
// duplicates (by BackupGatewayId) removed.
class FetchAllJob final : public QObject
{
    Q_OBJECT
public:
    FetchAllJob(DbsClient *client, const PageQuery &query, int concurrency = 4,
                QObject *parent = nullptr);
    ~FetchAllJob() override;

    void start();
    void cancel();

    int totalElements() const { return m_totalElements; }
    int delivered() const { return m_delivered; }

Q_SIGNALS:
    // Rows in service order, each page once, as soon as every earlier page is in.
    void rowsReady(const QVector<dbs::BackupGateway> &rows);
    void progress(int delivered, int total);
    void finished();
    void failed(const dbs::ApiError &error);

private:
    void request(int pageNum);
    void onPage(int pageNum, const GatewayPage &page);
    void onFailed(const ApiError &error);
    void fillPipeline();
    void deliverInOrder();

    DbsClient *m_client; // not owned
    PageQuery m_query;
    int m_concurrency;
    QMap<int, PageCall *> m_inFlight; // owned by the client; cancelled when we stop
    QMap<int, GatewayPage> m_waiting; // arrived out of order
    QSet<QString> m_seenIds;
    int m_lastPage = 1;    // the last page TotalElements promises
    int m_nextToSend = 2;
    int m_nextToDeliver = 1;
    int m_totalElements = 0;
    int m_delivered = 0;
    bool m_stopped = false;
};

} // namespace dbs
