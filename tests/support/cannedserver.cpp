#include "cannedserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <httplib.h>

#include <mutex>
#include <thread>

namespace fixture {

struct CannedServer::Private
{
    httplib::Server server;
    std::thread thread;
    int port = 0;
    mutable std::mutex lock;
    int requests = 0;
    QMap<QByteArray, QByteArray> headers;
};

CannedServer::CannedServer(const QByteArray &body, const QByteArray &contentType, int status)
    : d(std::make_unique<Private>())
{
    const std::string content = body.toStdString();
    const std::string type = contentType.toStdString();
    const auto answer = [this, content, type, status](const httplib::Request &request,
                                                      httplib::Response &response) {
        {
            const std::lock_guard guard(d->lock);
            ++d->requests;
            d->headers.clear();
            for (const auto &[name, value] : request.headers)
                d->headers.insert(QByteArray::fromStdString(name).toLower(),
                                  QByteArray::fromStdString(value));
        }
        response.status = status;
        response.set_content(content, type);
    };
    d->server.Get(".*", answer);
    d->server.Post(".*", answer);
    d->port = d->server.bind_to_any_port("127.0.0.1");
    if (d->port <= 0)
        qFatal("CannedServer: cannot listen on loopback");
    d->thread = std::thread([this] { d->server.listen_after_bind(); });
}

CannedServer::~CannedServer()
{
    d->server.stop();
    if (d->thread.joinable())
        d->thread.join();
}

QUrl CannedServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(d->port));
}

int CannedServer::requests() const
{
    const std::lock_guard guard(d->lock);
    return d->requests;
}

QMap<QByteArray, QByteArray> CannedServer::lastHeaders() const
{
    const std::lock_guard guard(d->lock);
    return d->headers;
}

QByteArray gatewayPage(const QList<QMap<QString, QString>> &gateways)
{
    QJsonArray rows;
    for (const QMap<QString, QString> &fields : gateways) {
        QJsonObject row;
        for (auto it = fields.cbegin(); it != fields.cend(); ++it)
            row.insert(it.key(), it.value());
        rows.append(row);
    }
    const QJsonObject page{
        {QStringLiteral("RequestId"), QStringLiteral("canned")},
        {QStringLiteral("Success"), true},
        {QStringLiteral("PageNum"), 0},
        {QStringLiteral("PageSize"), 30},
        {QStringLiteral("TotalElements"), int(gateways.size())},
        {QStringLiteral("TotalPages"), 1},
        {QStringLiteral("Items"), QJsonObject{{QStringLiteral("BackupGateway"), rows}}}};
    return QJsonDocument(page).toJson(QJsonDocument::Compact);
}

} // namespace fixture
