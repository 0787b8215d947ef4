#include "simulator.h"

#include "churn.h"
#include "inventory.h"
#include "metadata.h"
#include "sts.h"

#include <api/dbsclient.h>
#include <api/endpoints.h>
#include <api/gatewayfields.h>
#include <api/httpdate.h>
#include <logging/logging.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <httplib.h>

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <shared_mutex>
#include <thread>

namespace dbs {

namespace {

QByteArray newRequestId()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces).toUpper();
}

// The socket of the connection between these two ports, or -1: cpp-httplib does not hand its
// socket to handlers.
int connectionSocket(int localPort, int remotePort)
{
    for (int fd = 3; fd < 4096; ++fd) {
        sockaddr_storage local{}, peer{};
        socklen_t localLength = sizeof local, peerLength = sizeof peer;
        if (getsockname(fd, reinterpret_cast<sockaddr *>(&local), &localLength) != 0 ||
            getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &peerLength) != 0)
            continue;
        auto portOf = [](const sockaddr_storage &address) {
            if (address.ss_family == AF_INET)
                return int(ntohs(reinterpret_cast<const sockaddr_in &>(address).sin_port));
            if (address.ss_family == AF_INET6)
                return int(ntohs(reinterpret_cast<const sockaddr_in6 &>(address).sin6_port));
            return -1;
        };
        if (portOf(local) == localPort && portOf(peer) == remotePort)
            return fd;
    }
    return -1;
}

// Closes the client's connection without an answer (FIN both ways).
void dropConnection(const httplib::Request &request)
{
    if (const int fd = connectionSocket(request.local_port, request.remote_port); fd >= 0)
        ::shutdown(fd, SHUT_RDWR);
}

// Aborts the connection with a TCP reset: on Linux, connecting a TCP socket to AF_UNSPEC
// disconnects it with an RST. The descriptor stays open for cpp-httplib to close.
void resetConnection(int localPort, int remotePort)
{
    if (const int fd = connectionSocket(localPort, remotePort); fd >= 0) {
        sockaddr address{};
        address.sa_family = AF_UNSPEC;
        ::connect(fd, &address, sizeof address);
    }
}

// Instance metadata's namespace; DBS and STS answer every other path.
bool isMetadataPath(const std::string &path)
{
    return path == "/latest" || path.rfind("/latest/", 0) == 0;
}

constexpr size_t hugeBodyBytes = 200u * 1024 * 1024;

// A 64 KiB block of JSON whitespace: what the huge bodies are made of, never all in memory.
const std::string &fillerBlock()
{
    static const std::string block(64 * 1024, ' ');
    return block;
}
} // namespace

struct Simulator::Private
{
    // Whose answer an error is: DBS's carry its own fields beside the gateway's.
    enum class Product { Dbs, Sts };

    SimulatorOptions options;
    std::unique_ptr<KeyStore> keys; // the configured keys and the issued ones
    metadata::TokenStore metadataTokens;
    metadata::RoleKey ecsRoleKey; // the key instance metadata hands out now
    std::mutex issuedLogMutex;
    std::unique_ptr<QFile> issuedLog; // --issued-log, open while serving
    // The inventory and its indexes; with churn, written by the churn thread under the lock.
    mutable std::shared_mutex inventoryLock;
    QStringList regions; // canonical ids given in the options (empty: the default set)
    QVector<BackupGateway> inventory;
    QHash<QString, QVector<int>> byRegion; // region -> inventory indexes
    QHash<QString, int> byId;              // BackupGatewayId / Identifier -> index
    QVector<QByteArray> json;              // serialized inventory, same order
    NonceCache nonces;
    FaultInjector faults;
    std::unique_ptr<httplib::Server> server; // an SSLServer when serving TLS; made by start()
    std::thread thread;
    std::thread churnThread;
    std::mutex churnMutex;
    std::condition_variable churnWake;
    bool churnStopping = false; // guarded by churnMutex
    std::atomic<double> churnRate{0};
    std::atomic<quint64> requests{0};
    int port = 0;

    qint64 nowMs() const { return QDateTime::currentMSecsSinceEpoch() + options.clockOffsetMs; }
    bool isTls() const { return !options.tlsCertFile.isEmpty() || !options.tlsKeyFile.isEmpty(); }
    // Makes `server` (HTTP, or HTTPS with the options' certificate); an error message if not.
    QString makeServer();
    void handle(const httplib::Request &request, httplib::Response &response);
    void handleMetadata(const httplib::Request &request, httplib::Response &response);
    void answerRole(httplib::Response &response, const Verdict &verdict,
                    const QByteArray &requestId);
    // A fresh STS key, kept in `keys` until it has long expired, and written to the issued
    // log as `kind` with `details` (names of the role, never a secret).
    AccessKey issueKey(qint64 now, int durationSeconds, int account, const QString &kind,
                       const QJsonObject &details);
    void answerError(httplib::Response &response, int status, const QString &code,
                     const QString &message, const QByteArray &requestId,
                     Product product = Product::Dbs) const;
    void answerPage(httplib::Response &response, const signing::QueryItems &parameters, int account,
                    const QByteArray &requestId, Fault fault, int localPort, int remotePort) const;
    void answerWrongTypes(httplib::Response &response) const;
    void answerHuge(httplib::Response &response, const QByteArray &requestId, bool chunked) const;
    void answerTrickle(httplib::Response &response, const QByteArray &requestId) const;
    bool isStopping() const { return !server || !server->is_running(); }
    // Rebuilds byRegion, byId and json from `inventory` (the caller holds the lock, or is the
    // constructor).
    void reindex();
    void runChurn();
};

Simulator::Simulator(const SimulatorOptions &options) : d(std::make_unique<Private>())
{
    d->options = options;
    const QList<AccessKey> keys = options.keys.isEmpty()
                                      ? QList<AccessKey>{{demoAccessKeyId, demoAccessKeySecret, {}}}
                                      : options.keys;
    d->keys = std::make_unique<KeyStore>(keys);
    QStringList regions;
    for (const QString &region : options.regions)
        regions.append(endpoints::canonicalRegion(region));
    d->regions = regions;
    d->churnRate = options.churnPerSecond;
    d->inventory = generateInventory(options.gateways, options.seed, regions, d->nowMs());
    d->reindex();
    for (const auto &[fault, rate] : options.faults)
        d->faults.setRate(fault, rate);
}

Simulator::~Simulator()
{
    stop();
}

void Simulator::Private::reindex()
{
    byRegion.clear();
    byId.clear();
    json.clear();
    json.reserve(inventory.size());
    byId.reserve(2 * inventory.size());
    for (int i = 0; i < inventory.size(); ++i) {
        const BackupGateway &gateway = inventory.at(i);
        byRegion[gateway.region].append(i);
        byId.insert(gateway.backupGatewayId, i);
        byId.insert(gateway.identifier, i);
        json.append(gatewayJson(gateway));
    }
}

void Simulator::Private::runChurn()
{
    InventoryChurn churn(options.seed);
    const qint64 heartbeatMs = options.heartbeatIntervalMs;
    if (heartbeatMs > 0) {
        std::unique_lock write(inventoryLock);
        churn.adoptSilent(inventory, nowMs(), InventoryChurn::generatedQuietMs);
    }
    using Clock = std::chrono::steady_clock;
    // Heartbeats are written a few times per interval (every gateway has its own moment), and
    // at least once a second so that ages shown to the second stay true.
    const auto heartbeatTick =
        std::chrono::milliseconds(std::clamp<qint64>(heartbeatMs / 4, 10, 1000));
    auto nextChange = Clock::now();
    std::unique_lock wait(churnMutex);
    for (;;) {
        const double rate = churnRate.load();
        // Paused: look again a little later.
        const auto changeEvery = std::chrono::microseconds(rate > 0 ? qint64(1e6 / rate) : 50'000);
        if (nextChange <= Clock::now())
            nextChange = Clock::now() + changeEvery;
        const auto until =
            heartbeatMs > 0 ? std::min(nextChange, Clock::now() + heartbeatTick) : nextChange;
        if (churnWake.wait_until(wait, until, [this] { return churnStopping; }))
            return;
        const bool change = rate > 0 && churnRate.load() > 0 && Clock::now() >= nextChange;
        if (!change && heartbeatMs <= 0)
            continue;
        std::unique_lock write(inventoryLock);
        if (change)
            churn.step(&inventory, regions, nowMs());
        if (heartbeatMs > 0)
            churn.heartbeat(&inventory, nowMs(), heartbeatMs);
        else
            churn.heartbeat(&inventory, nowMs());
        reindex();
    }
}

bool Simulator::start(QString *error)
{
    // The metadata address is a local one only inside a test's network namespace (elsewhere
    // binding it fails): the official libraries cannot be pointed anywhere else.
    if (!endpoints::isLoopbackHost(d->options.host) &&
        d->options.host != QLatin1String(metadataHost)) {
        *error = QCoreApplication::translate("dbs::Simulator",
                                             "the simulator listens on loopback only, not on %1")
                     .arg(d->options.host);
        return false;
    }
    // A client that hangs up must not kill the process (the browser embeds us).
    std::signal(SIGPIPE, SIG_IGN);
    if (d->thread.joinable()) {
        *error = QCoreApplication::translate("dbs::Simulator", "the simulator already runs");
        return false;
    }
    if (!d->options.issuedLogFile.isEmpty()) {
        auto log = std::make_unique<QFile>(d->options.issuedLogFile);
        if (!log->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
            *error = QCoreApplication::translate("dbs::Simulator", "cannot write %1: %2")
                         .arg(d->options.issuedLogFile, log->errorString());
            return false;
        }
        d->issuedLog = std::move(log);
    }
    if (const QString tlsError = d->makeServer(); !tlsError.isEmpty()) {
        *error = tlsError;
        return false;
    }
    auto &server = *d->server;
    server.new_task_queue = [] { return new httplib::ThreadPool(32); };
    server.set_keep_alive_max_count(100000);
    // stop() waits for idle keep-alive connections: keep that wait short.
    server.set_keep_alive_timeout(1);
    server.set_tcp_nodelay(true);
    server.set_payload_max_length(1024 * 1024);
    // cpp-httplib listens with a backlog of 5 (compiled into Debian's library): a client or a
    // proxy opening 16 connections at once would see the rest dropped and retried a second
    // later. The listening socket is remembered here and given a longer queue once bound.
    int listening = -1;
    server.set_socket_options([&listening](socket_t socket) {
        httplib::default_socket_options(socket);
        listening = socket;
    });
    auto handler = [this](const httplib::Request &request, httplib::Response &response) {
        d->handle(request, response);
    };
    server.Get(".*", handler);
    server.Post(".*", handler);
    // The metadata token is asked for with a PUT and no body, as `curl -X PUT` sends it, with no
    // Content-Length either: cpp-httplib would refuse that before routing (400), so such
    // requests, which have no body to read (RFC 9112 6.3), are answered before it looks.
    server.set_pre_routing_handler(
        [this](const httplib::Request &request, httplib::Response &response) {
            if (!isMetadataPath(request.path) || request.has_header("Content-Length") ||
                request.has_header("Transfer-Encoding"))
                return httplib::Server::HandlerResponse::Unhandled;
            d->handle(request, response);
            return httplib::Server::HandlerResponse::Handled;
        });
    // Instance metadata takes a PUT; its other methods are answered 405 there, not 404.
    for (const char *path : {"/latest", "/latest/.*"}) {
        server.Put(path, handler);
        server.Delete(path, handler);
        server.Patch(path, handler);
        server.Options(path, handler);
    }
    // The request log: the query (V1 signs there) through redactedUrl, never the body.
    server.set_logger([](const httplib::Request &request, const httplib::Response &response) {
        // Quoted: what a client sent is escaped, never obeyed by the terminal.
        qCDebug(lcSim) << QString::fromStdString(request.method)
                       << dbs::redactedUrl(QUrl(QString::fromStdString(request.target))) << "HTTP"
                       << response.status;
    });

    const std::string host = d->options.host.toStdString();
    if (d->options.port == 0) {
        d->port = server.bind_to_any_port(host);
    } else {
        d->port = server.bind_to_port(host, d->options.port) ? d->options.port : -1;
    }
    if (d->port <= 0) {
        *error = QCoreApplication::translate("dbs::Simulator", "cannot listen on %1:%2")
                     .arg(d->options.host)
                     .arg(d->options.port);
        return false;
    }
    if (listening >= 0)
        ::listen(listening, 128); // Linux takes a second listen() as a new backlog
    d->thread = std::thread([this] { d->server->listen_after_bind(); });
    if (d->options.churnPerSecond > 0 || d->options.heartbeatIntervalMs > 0) {
        d->churnStopping = false;
        d->churnThread = std::thread([this] { d->runChurn(); });
    }
    // Queued connections wait in the backlog meanwhile; stop() needs the loop running.
    while (!d->server->is_running())
        std::this_thread::yield();
    return true;
}

void Simulator::stop()
{
    if (d->churnThread.joinable()) {
        {
            std::lock_guard lock(d->churnMutex);
            d->churnStopping = true;
        }
        d->churnWake.notify_all();
        d->churnThread.join();
    }
    if (d->thread.joinable()) {
        d->server->stop();
        d->thread.join();
    }
}

quint16 Simulator::port() const
{
    return quint16(d->port);
}

QString Simulator::baseUrl() const
{
    QString host = d->options.host;
    if (host.contains(u':'))
        host = u'[' + host + u']';
    return QStringLiteral("%1://%2:%3")
        .arg(isTls() ? QStringLiteral("https") : QStringLiteral("http"), host)
        .arg(d->port);
}

bool Simulator::isTls() const
{
    return d->isTls();
}

QString Simulator::Private::makeServer()
{
    if (!isTls()) {
        server = std::make_unique<httplib::Server>();
        return {};
    }
    const QString cert = options.tlsCertFile;
    const QString key = options.tlsKeyFile;
    if (cert.isEmpty() || key.isEmpty())
        return QCoreApplication::translate("dbs::Simulator",
                                           "TLS needs both a certificate and a private key file");
    for (const QString &path : {cert, key}) {
        const QFileInfo info(path);
        if (!info.isFile() || !info.isReadable())
            return QCoreApplication::translate("dbs::Simulator", "cannot read %1").arg(path);
    }
    auto tlsServer = std::make_unique<httplib::SSLServer>(QFile::encodeName(cert).constData(),
                                                          QFile::encodeName(key).constData());
    if (!tlsServer->is_valid())
        return QCoreApplication::translate("dbs::Simulator",
                                           "cannot serve TLS with the certificate %1 and the key "
                                           "%2: they must be a PEM certificate and its matching, "
                                           "unencrypted PEM private key")
            .arg(cert, key);
    server = std::move(tlsServer);
    return {};
}

QVector<BackupGateway> Simulator::inventory() const
{
    std::shared_lock lock(d->inventoryLock);
    return d->inventory;
}

QVector<BackupGateway> Simulator::gatewaysIn(const QString &region) const
{
    std::shared_lock lock(d->inventoryLock);
    QVector<BackupGateway> list;
    for (int index : d->byRegion.value(endpoints::canonicalRegion(region)))
        list.append(d->inventory.at(index));
    return list;
}

quint64 Simulator::requestCount() const
{
    return d->requests.load();
}

void Simulator::setChurnPerSecond(double rate)
{
    d->churnRate = std::max(0.0, rate);
}

void Simulator::Private::handle(const httplib::Request &request, httplib::Response &response)
{
    ++requests;
    const QByteArray requestId = newRequestId();
    if (options.latencyMs > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(options.latencyMs));

    if (isMetadataPath(request.path)) {
        handleMetadata(request, response);
        return;
    }

    IncomingRequest incoming;
    incoming.method = QByteArray::fromStdString(request.method);
    incoming.path = QByteArray::fromStdString(request.path);
    const QByteArray target = QByteArray::fromStdString(request.target);
    if (const int question = target.indexOf('?'); question >= 0)
        incoming.query = parseQueryString(target.mid(question + 1));
    for (const auto &[name, value] : request.headers) {
        const QByteArray key = QByteArray::fromStdString(name).toLower();
        if (!incoming.headers.contains(key))
            incoming.headers.insert(key, QByteArray::fromStdString(value));
    }
    incoming.body = QByteArray::fromStdString(request.body);
    const bool isForm =
        incoming.headers.value("content-type").startsWith("application/x-www-form-urlencoded");
    // V3 signs the body as a whole; V1 reads form fields as parameters.
    if (isForm && !incoming.headers.contains("authorization"))
        incoming.form = parseQueryString(incoming.body);

    // Faults are DBS's: a client's sign-in (STS) is not what they test.
    const bool sts = sts::isStsAction(requestedAction(incoming));
    const Fault fault = sts ? Fault::None : faults.draw();
    if (fault == Fault::Reset) {
        // A connection dropped on the way in: the service never sees the request, so its
        // nonce stays unused and a client's replay of it is answered normally.
        dropConnection(request);
        response.status = 500; // never reaches the client
        return;
    }

    const Verdict verdict = verifyRequest(incoming, *keys, nowMs(), &nonces);
    if (!verdict.accepted()) {
        answerError(response, verdict.httpStatus, verdict.code, verdict.message, requestId,
                    sts ? Product::Sts : Product::Dbs);
        return;
    }
    if (sts::isStsAction(verdict.action)) {
        answerRole(response, verdict, requestId);
        return;
    }
    if (verdict.action != "DescribeBackupGatewayList") {
        answerError(response, 404, QStringLiteral("InvalidAction.NotFound"),
                    QStringLiteral("Specified api is not found, please check your url and method."),
                    requestId);
        return;
    }

    switch (fault) {
    case Fault::Http500:
        answerError(response, 500, QStringLiteral("InternalError"),
                    QStringLiteral("The request processing has failed due to some unknown error."),
                    requestId);
        return;
    case Fault::Http503:
        answerError(response, 503, QStringLiteral("ServiceUnavailable"),
                    QStringLiteral("The request has failed due to a temporary failure of the "
                                   "server."),
                    requestId);
        return;
    case Fault::Throttle:
        answerError(response, 400, QStringLiteral("Throttling.User"),
                    QStringLiteral("Request was denied due to user flow control."), requestId);
        return;
    case Fault::Malformed:
        response.status = 200;
        response.set_content("<html><body>502 Bad Gateway</body>", "text/html");
        return;
    case Fault::Slow:
        std::this_thread::sleep_for(std::chrono::milliseconds(options.slowMs));
        break;
    case Fault::Redirect: {
        // The same request, sent on to another host: a client that follows it hands the
        // signed request (and a V3 Authorization header) to a stranger.
        response.status = 302;
        response.set_header("Location", "http://127.0.0.2:" + std::to_string(request.local_port) +
                                            request.target);
        response.set_content("<html><body>302 Found</body></html>", "text/html");
        return;
    }
    case Fault::DeepNesting: {
        QByteArray body = "{\"RequestId\":\"" + requestId + "\",\"Success\":true,\"Items\":";
        body += QByteArray(100000, '[');
        response.status = 200;
        response.set_content(body.toStdString(), "application/json;charset=utf-8");
        return;
    }
    case Fault::WrongTypes:
        answerWrongTypes(response);
        return;
    case Fault::Huge:
    case Fault::HugeChunked:
        answerHuge(response, requestId, fault == Fault::HugeChunked);
        return;
    case Fault::Trickle:
        answerTrickle(response, requestId);
        return;
    default:
        break;
    }
    const std::optional<AccessKey> caller = keys->find(verdict.accessKeyId);
    answerPage(response, verdict.parameters, caller ? caller->account : 0, requestId, fault,
               request.local_port, request.remote_port);
}

AccessKey Simulator::Private::issueKey(qint64 now, int durationSeconds, int account,
                                       const QString &kind, const QJsonObject &details)
{
    const int seconds = std::max(1, std::min(durationSeconds, options.stsDurationSeconds));
    AccessKey key = sts::newTemporaryKey(now, qint64(seconds) * 1000);
    key.account = account;
    keys->add(key, now);
    if (issuedLog) {
        QJsonObject line = details;
        line.insert(QStringLiteral("kind"), kind);
        line.insert(QStringLiteral("accessKeyId"), QString::fromLatin1(key.id));
        line.insert(QStringLiteral("expiration"), sts::isoTime(key.expiresAtMs));
        std::lock_guard lock(issuedLogMutex);
        issuedLog->write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
        issuedLog->flush();
    }
    return key;
}

void Simulator::Private::answerRole(httplib::Response &response, const Verdict &verdict,
                                    const QByteArray &requestId)
{
    sts::RoleRequest role;
    if (const Verdict v = sts::checkRoleRequest(verdict.action, verdict.parameters, &role);
        !v.accepted()) {
        answerError(response, v.httpStatus, v.code, v.message, requestId, Product::Sts);
        return;
    }
    QJsonObject details{
        {QStringLiteral("roleArn"), QString::fromLatin1(role.roleArn)},
        {QStringLiteral("roleSessionName"), QString::fromLatin1(role.sessionName)},
    };
    if (!verdict.accessKeyId.isEmpty()) // AssumeRole: whose key asked
        details.insert(QStringLiteral("sourceAccessKeyId"),
                       QString::fromLatin1(verdict.accessKeyId));
    // A role lists its own account's gateways, whoever assumed it.
    const int account = int(role.accountId.right(9).toLongLong() % std::max(1, options.accounts));
    const AccessKey key = issueKey(nowMs(), role.durationSeconds, account,
                                   QString::fromLatin1(verdict.action), details);
    response.status = 200;
    response.set_header("Date", formatHttpDate(nowMs()).toStdString());
    response.set_content(sts::assumeRoleAnswer(requestId, role, key).toStdString(),
                         "application/json;charset=utf-8");
}

void Simulator::Private::handleMetadata(const httplib::Request &request,
                                        httplib::Response &response)
{
    // The metadata service answers in plain text (JSON only for credentials), not in the
    // OpenAPI's error bodies.
    auto answer = [&response](int status, const std::string &text) {
        response.status = status;
        response.set_content(text, "text/plain");
    };
    const std::string credentialsPath = metadata::credentialsPath;
    const bool isToken = request.path == metadata::tokenPath;
    const bool isCredentials = request.path.rfind(credentialsPath, 0) == 0;
    if (options.ecsRoleName.isEmpty() || (!isToken && !isCredentials))
        return answer(404, "Not Found");

    if (isToken) {
        if (request.method != "PUT") {
            response.set_header("Allow", "PUT");
            return answer(405, "Method Not Allowed");
        }
        const int ttl = metadata::parseTokenTtl(
            QByteArray::fromStdString(request.get_header_value(metadata::tokenTtlHeader)));
        if (ttl == 0)
            return answer(400, std::string(metadata::tokenTtlHeader) + " must be 1 to " +
                                   std::to_string(metadata::maxTokenTtlSeconds) + " seconds");
        return answer(200, metadataTokens.issue(ttl, nowMs()).toStdString());
    }

    if (request.method != "GET" && request.method != "HEAD") {
        response.set_header("Allow", "GET");
        return answer(405, "Method Not Allowed");
    }
    if (request.has_header(metadata::tokenHeader)) {
        const QByteArray token =
            QByteArray::fromStdString(request.get_header_value(metadata::tokenHeader));
        if (!metadataTokens.isValid(token, nowMs()))
            return answer(401, "Unauthorized");
    } else if (options.imdsV2Only) {
        return answer(401, "Unauthorized");
    }
    const QString role = QString::fromStdString(request.path.substr(credentialsPath.size()));
    if (role.isEmpty())
        return answer(200, options.ecsRoleName.toStdString());
    if (role != options.ecsRoleName)
        return answer(404, "Not Found");
    const metadata::RoleKey::Answer current = ecsRoleKey.current(nowMs(), [&](qint64 now) {
        return issueKey(now, options.stsDurationSeconds, 0, QStringLiteral("InstanceMetadata"),
                        {{QStringLiteral("roleName"), options.ecsRoleName}});
    });
    response.status = 200;
    response.set_content(
        sts::metadataCredentialsAnswer(current.key, current.issuedAtMs).toStdString(),
        "application/json");
}

void Simulator::Private::answerError(httplib::Response &response, int status, const QString &code,
                                     const QString &message, const QByteArray &requestId,
                                     Product product) const
{
    const QString id = QString::fromLatin1(requestId);
    const bool dbs = product == Product::Dbs;
    QJsonObject body{
        {QStringLiteral("RequestId"), id},
        {QStringLiteral("HostId"),
         dbs ? QStringLiteral("dbs-api.simulator.local") : QStringLiteral("sts.simulator.local")},
        {QStringLiteral("Code"), code},
        {QStringLiteral("Message"), message},
        {QStringLiteral("Recommend"),
         QStringLiteral("https://api.aliyun.com/troubleshoot?q=%1&product=%2&requestId=%3")
             .arg(code, dbs ? QStringLiteral("Dbs") : QStringLiteral("Sts"), id)},
    };
    if (dbs) {
        body.insert(QStringLiteral("Success"), false);
        body.insert(QStringLiteral("ErrCode"), code);
        body.insert(QStringLiteral("ErrMessage"), message);
        body.insert(QStringLiteral("HttpStatusCode"), status);
    }
    response.status = status;
    response.set_header("Date", formatHttpDate(nowMs()).toStdString());
    response.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(),
                         "application/json;charset=utf-8");
}

void Simulator::Private::answerWrongTypes(httplib::Response &response) const
{
    // Strings where numbers belong and the other way round, arrays and objects for scalars,
    // rows that are not objects: only the shape of Items (an object holding a list) is kept.
    const QByteArray row =
        "{\"BackupGatewayId\":[\"bg-1\"],\"Identifier\":{\"id\":\"bg-1\"},\"DisplayName\":true,"
        "\"BackupGatewayStatus\":false,\"Region\":{\"id\":\"cn-hangzhou\"},"
        "\"SourceEndpointHostname\":[],\"SourceEndpointInternetIP\":{},"
        "\"SourceEndpointIntranetIP\":null,\"BackupGatewayCreateTime\":\"yesterday\","
        "\"LastHeartbeatTime\":[1700000000000]}";
    const QByteArray body = "{\"RequestId\":[\"not-a-string\"],\"Success\":\"yes\","
                            "\"HttpStatusCode\":\"two hundred\",\"PageNum\":\"one\","
                            "\"PageSize\":{\"n\":30},\"TotalElements\":\"many\","
                            "\"TotalPages\":[2],\"Items\":{\"BackupGateway\":[" +
                            row + ",\"a row\",42,[]," + row + "]}}";
    response.status = 200;
    response.set_header("Date", formatHttpDate(nowMs()).toStdString());
    response.set_content(body.toStdString(), "application/json;charset=utf-8");
}

void Simulator::Private::answerHuge(httplib::Response &response, const QByteArray &requestId,
                                    bool chunked) const
{
    // 200 MB of whitespace after an answer's first bytes, made block by block as the client
    // reads: the simulator's memory stays flat, whatever the client's does.
    const std::string head = "{\"RequestId\":\"" + requestId.toStdString() + "\",\"Items\":";
    response.status = 200;
    response.set_header("Date", formatHttpDate(nowMs()).toStdString());
    auto write = [this, head](size_t offset, size_t length, httplib::DataSink &sink) {
        if (isStopping())
            return false;
        if (offset == 0)
            return sink.write(head.data(), head.size());
        const std::string &block = fillerBlock();
        return sink.write(block.data(), std::min(length, block.size()));
    };
    if (chunked) {
        response.set_chunked_content_provider(
            "application/json;charset=utf-8", [write](size_t offset, httplib::DataSink &sink) {
                if (offset >= hugeBodyBytes) {
                    sink.done();
                    return true;
                }
                return write(offset, hugeBodyBytes - offset, sink);
            });
    } else {
        response.set_content_provider(hugeBodyBytes, "application/json;charset=utf-8", write);
    }
}

void Simulator::Private::answerTrickle(httplib::Response &response,
                                       const QByteArray &requestId) const
{
    // The headers at once, then the body a byte a second for as long as the client listens
    // (or the simulator runs).
    const std::string head = "{\"RequestId\":\"" + requestId.toStdString() + "\",\"Items\":";
    response.status = 200;
    response.set_header("Date", formatHttpDate(nowMs()).toStdString());
    response.set_chunked_content_provider(
        "application/json;charset=utf-8", [this, head](size_t offset, httplib::DataSink &sink) {
            if (offset == 0)
                return sink.write(head.data(), head.size());
            for (int slice = 0; slice < 20; ++slice) {
                if (isStopping())
                    return false;
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            return sink.write(" ", 1);
        });
}

void Simulator::Private::answerPage(httplib::Response &response,
                                    const signing::QueryItems &parameters, int account,
                                    const QByteArray &requestId, Fault fault, int localPort,
                                    int remotePort) const
{
    auto parameter = [&](const char *name, bool *found) -> QByteArray {
        for (const auto &[key, value] : parameters) {
            if (key == name) {
                *found = true;
                return value;
            }
        }
        *found = false;
        return {};
    };
    auto invalid = [&](const char *name) {
        answerError(response, 400, QStringLiteral("InvalidParameter"),
                    QStringLiteral("The specified parameter %1 value is not valid.")
                        .arg(QLatin1String(name)),
                    requestId);
    };

    bool found = false;
    const QString region = QString::fromUtf8(parameter("Region", &found));
    if (!found || region.isEmpty()) {
        answerError(response, 400, QStringLiteral("MissingRegion"),
                    QStringLiteral("Region is mandatory for this action."), requestId);
        return;
    }
    if (!endpoints::isKnownRegion(region))
        return invalid("Region");
    if (options.deniedRegions.contains(endpoints::canonicalRegion(region))) {
        // The code RAM denials carry across Alibaba Cloud's APIs (DBS's own wording unconfirmed).
        answerError(response, 403, QStringLiteral("Forbidden.RAM"),
                    QStringLiteral("User not authorized to operate on the specified resource."),
                    requestId);
        return;
    }
    int pageSize = pageSizes().first();
    if (const QByteArray text = parameter("PageSize", &found); found) {
        bool ok = false;
        pageSize = text.toInt(&ok);
        if (!ok || !isPageSize(pageSize))
            return invalid("PageSize");
    }
    int pageNum = options.pageBase; // absent: the first page
    if (const QByteArray text = parameter("PageNum", &found); found) {
        // Digits only: "+1", " 1" or "1.0" are not page numbers (toInt would take some).
        bool ok =
            !text.isEmpty() && text.size() <= 10 &&
            std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
        pageNum = ok ? text.toInt(&ok) : 0;
        if (!ok || pageNum < 0)
            return invalid("PageNum");
    }
    // The page's position from 0, whichever number the service gives the first page: below
    // the base (0 on a 1-based service) is the first page too.
    const int pageIndex = std::max(0, pageNum - options.pageBase);
    if (const int delayMs = options.pageLatencyMs.value(pageNum); delayMs > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));

    // The region's gateways, narrowed to the Identifier list when one is given.
    std::shared_lock inventoryReadLock(inventoryLock);
    QVector<int> inRegion = byRegion.value(endpoints::canonicalRegion(region));
    if (options.accounts > 1) {
        // Each account sees its share: a gateway's account follows from its id, so it stays
        // the same while churn adds and removes others.
        inRegion.removeIf([&](int index) {
            return int(qHash(inventory.at(index).backupGatewayId, 0) % uint(options.accounts)) !=
                   account;
        });
    }
    QVector<int> matching;
    if (const QByteArray ids = parameter("Identifier", &found); found && !ids.trimmed().isEmpty()) {
        for (const QByteArray &raw : ids.split(',')) {
            const int index = byId.value(QString::fromUtf8(raw.trimmed()), -1);
            if (index >= 0 && inRegion.contains(index) && !matching.contains(index))
                matching.append(index);
        }
        std::sort(matching.begin(), matching.end());
    } else {
        matching = inRegion;
    }

    // Offsets in qint64: a signed request may ask for any PageNum up to INT_MAX.
    const qint64 total = matching.size();
    qint64 first = qint64(pageIndex) * pageSize;
    QList<QByteArray> rows;
    auto appendRows = [&](qint64 from, qint64 count) {
        for (qint64 i = std::max<qint64>(0, from); i < std::min(total, from + count); ++i)
            rows.append(json.at(matching.at(i)));
    };
    if (fault == Fault::RepeatLast && first >= total && total > 0)
        first = (total - 1) / pageSize * pageSize; // PageNum clamped to the last page
    if (fault == Fault::Duplicate && first > 0 && first < total) {
        const int overlap = std::max(1, pageSize / 3);
        appendRows(first - overlap, overlap); // the previous page's last ids, again
    }
    if (first < total) // first >= total: past the end, an empty page with the right totals
        appendRows(first, pageSize);
    inventoryReadLock.unlock(); // rows hold their own (shared) copies of the JSON
    if (fault == Fault::Endless && first + pageSize > total) {
        // From the last page on, full pages of gateways no one has seen (stable per page).
        for (int k = int(rows.size()); k < pageSize; ++k) {
            BackupGateway ghost;
            ghost.backupGatewayId = QStringLiteral("endless-%1-%2").arg(pageIndex).arg(k);
            ghost.identifier = ghost.backupGatewayId;
            ghost.displayName = QStringLiteral("endless %1/%2").arg(pageIndex).arg(k);
            ghost.status = QStringLiteral("ONLINE");
            ghost.region = endpoints::canonicalRegion(region);
            rows.append(gatewayJson(ghost));
        }
    }

    qint64 reportedTotal = total;
    if (fault == Fault::LyingTotalLow)
        reportedTotal = total / 2;
    else if (fault == Fault::LyingTotalHigh)
        reportedTotal = 1000000000; // a client believing it sends millions of requests
    else if (fault == Fault::ChangingTotal && pageIndex > 0) // the truth on the first page only
        reportedTotal = pageIndex % 2 == 1 ? 0 : total * pageIndex + 7;
    const qint64 reportedPages = (reportedTotal + pageSize - 1) / pageSize;
    // Written once, in place: at thousands of pages a second, every copy of a 30 KB body counts.
    const QByteArray head = "{\"RequestId\":\"" + requestId +
                            "\",\"Success\":true,\"HttpStatusCode\":200" +
                            ",\"PageNum\":" + QByteArray::number(pageNum) +
                            ",\"PageSize\":" + QByteArray::number(pageSize) +
                            ",\"TotalElements\":" + QByteArray::number(reportedTotal) +
                            ",\"TotalPages\":" + QByteArray::number(reportedPages) + ",\"Items\":";
    size_t size = size_t(head.size()) + 32;
    for (const QByteArray &row : std::as_const(rows))
        size += size_t(row.size()) + 1;
    std::string body;
    body.reserve(size);
    body.append(head.constData(), size_t(head.size()));
    if (rows.isEmpty()) {
        body += "\"\""; // the operation's sample answers an empty result with "Items": ""
    } else {
        body += "{\"BackupGateway\":[";
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (i > 0)
                body += ',';
            body.append(rows.at(i).constData(), size_t(rows.at(i).size()));
        }
        body += "]}";
    }
    body += '}';

    response.status = 200;
    response.set_header("Date", formatHttpDate(nowMs()).toStdString());
    if (fault == Fault::Truncate) {
        // Promise the whole body, send half, then hang up.
        const std::string full = body;
        response.set_content_provider(full.size(), "application/json;charset=utf-8",
                                      [full](size_t, size_t, httplib::DataSink &sink) {
                                          sink.write(full.data(), full.size() / 2);
                                          return false;
                                      });
        return;
    }
    if (fault == Fault::ResetMidBody) {
        // Promise the whole body, send half, then abort the connection with an RST.
        const std::string full = body;
        response.set_content_provider(
            full.size(), "application/json;charset=utf-8",
            [full, localPort, remotePort](size_t, size_t, httplib::DataSink &sink) {
                sink.write(full.data(), full.size() / 2);
                resetConnection(localPort, remotePort);
                return false;
            });
        return;
    }
    response.set_content(body, "application/json;charset=utf-8");
}

} // namespace dbs
