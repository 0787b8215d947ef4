#pragma once

// A plain HTTP server on loopback that answers every request with the same body and records
// what it was sent: for what a real service could answer but the simulator never does (names
// a proxy rewrote, a body of our choosing), and for looking at the requests a client sends.

#include <QByteArray>
#include <QMap>
#include <QUrl>

#include <memory>

namespace fixture {

class CannedServer
{
public:
    // Every answer is `status` with `body` (an error's body for a status of 400 or more).
    explicit CannedServer(const QByteArray &body,
                          const QByteArray &contentType = "application/json", int status = 200);
    ~CannedServer();
    CannedServer(const CannedServer &) = delete;
    CannedServer &operator=(const CannedServer &) = delete;

    QUrl url() const; // http://127.0.0.1:PORT
    int requests() const;
    // The last request's headers, names in lower case (one value each).
    QMap<QByteArray, QByteArray> lastHeaders() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// A DescribeBackupGatewayList page of these gateways (JSON objects), as the service shapes it.
QByteArray gatewayPage(const QList<QMap<QString, QString>> &gateways);

} // namespace fixture
