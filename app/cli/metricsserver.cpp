#include "metricsserver.h"

#include "deflatestream.h"

#include <QCoreApplication>
#include <QDateTime>

#include <httplib.h>

#include <sys/socket.h>

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <mutex>
#include <thread>
#include <utility>

namespace dbs {
namespace {

const char indexPage[] =
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>DBS gateways exporter</title></head>\n<body><h1>DBS gateways exporter</h1>\n"
    "<p>Alibaba Cloud DBS backup gateways, for Prometheus.</p>\n<ul>"
    "<li><a href=\"metrics\">Metrics</a></li><li><a href=\"healthz\">Health</a></li></ul>\n"
    "</body></html>\n";

// `body` from a provider of known length: cpp-httplib then sends the bytes as they are (it
// compresses a plain body of some content types, which would gzip a gzip'd one twice).
void sendAsItIs(httplib::Response &response, std::shared_ptr<const std::string> body,
                const std::string &contentType)
{
    const size_t length = body->size();
    response.set_content_provider(
        length, contentType,
        [body = std::move(body)](size_t offset, size_t size, httplib::DataSink &sink) {
            if (offset >= body->size())
                return false; // cpp-httplib 0.11 takes a Range it never checked: never read past
            return sink.write(body->data() + offset, std::min(size, body->size() - offset));
        });
}

} // namespace

struct MetricsServer::Private
{
    Options options;
    httplib::Server server;
    std::thread thread;
    int port = -1;

    std::mutex lock; // guards what follows, up to the renderer
    std::shared_ptr<const ExporterMetrics> metrics = std::make_shared<ExporterMetrics>();
    qint64 clockOffsetMs = 0;
    // By MetricsFormat: the last inventory rendered gzip'd, as scrapes serve it, and whether a
    // scraper has asked for the format (only those are rendered: Prometheus asks OpenMetrics).
    std::shared_ptr<const std::string> rendered[2];
    bool wanted[2] = {false, false};
    std::function<void()> served; // of the one pending
    bool renderPending = false;
    bool stopping = false;
    std::condition_variable wake;
    // Renders each published inventory once, off the scrape path: a scrape of a large fleet
    // then only sends bytes, and a burst of scrapes never renders it again each.
    std::thread renderer;
    std::mutex renderLock; // one render at a time, the renderer's or a scrape's
    static constexpr int maxPlainScrapes = 2;
    std::atomic<int> plainScrapes = 0; // scrapes without gzip rendering now

    void render();
    std::shared_ptr<const std::string> renderGzip(const ExporterMetrics &from, MetricsFormat format,
                                                  qint64 nowMs, size_t sizeHint) const;
    void scrape(const httplib::Request &request, httplib::Response &response);
};

std::shared_ptr<const std::string> MetricsServer::Private::renderGzip(const ExporterMetrics &from,
                                                                      MetricsFormat format,
                                                                      qint64 nowMs,
                                                                      size_t sizeHint) const
{
    auto body = std::make_shared<std::string>();
    body->reserve(sizeHint + sizeHint / 8); // the last one's size: no regrowth, no copies
    DeflateStream stream(DeflateStream::Wrapper::Gzip,
                         [&body](const char *data, size_t size) { body->append(data, size); });
    writeMetrics(from, format, options.gatewayMetrics, nowMs, options.staleAfterMs,
                 [&stream](const QByteArray &piece) { stream.write(piece); });
    if (!stream.finish())
        return {};
    body->shrink_to_fit();
    return body;
}

void MetricsServer::Private::render()
{
    std::unique_lock guard(lock);
    for (;;) {
        wake.wait(guard, [this] { return renderPending || stopping; });
        if (stopping)
            return;
        renderPending = false;
        const std::function<void()> whenServed = std::exchange(served, {});
        const std::shared_ptr<const ExporterMetrics> from = metrics;
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch() + clockOffsetMs;
        guard.unlock();
        {
            std::lock_guard rendering(renderLock);
            for (const MetricsFormat format :
                 {MetricsFormat::Prometheus, MetricsFormat::OpenMetrics}) {
                const int f = int(format);
                size_t sizeHint = 0;
                {
                    std::lock_guard peek(lock);
                    if (!wanted[f])
                        continue;
                    sizeHint = rendered[f] ? rendered[f]->size() : 0;
                }
                std::shared_ptr<const std::string> body =
                    renderGzip(*from, format, nowMs, sizeHint);
                std::lock_guard store(lock);
                if (body)
                    rendered[f] = std::move(body);
            }
        }
        if (whenServed) // a failed render (zlib's) left the one before in place
            whenServed();
        guard.lock();
    }
}

MetricsServer::MetricsServer(const Options &options) : d(std::make_unique<Private>())
{
    d->options = options;
}

MetricsServer::~MetricsServer()
{
    stop();
}

bool MetricsServer::start(QString *error)
{
    std::signal(SIGPIPE, SIG_IGN); // a scraper that hangs up must not end the exporter
    auto &server = d->server;
    // Enough threads that clients which connect and say nothing do not starve a scraper.
    server.new_task_queue = [] { return new httplib::ThreadPool(64); };
    // Each read of a request waits this long at most: a silent client lets its thread go (one
    // that trickles a byte at a time is only bounded by the pool's size).
    server.set_read_timeout(3, 0);
    server.set_write_timeout(10, 0);
    // A connection that says nothing holds a thread for this and the read time-out together.
    server.set_keep_alive_timeout(2);
    server.set_payload_max_length(16 * 1024); // nothing here takes a body
    // Not SO_REUSEPORT (cpp-httplib's default sets it): a second exporter on the same port
    // must be refused, not handed half the scrapes.
    int listening = -1;
    server.set_socket_options([&listening](socket_t socket) {
        int yes = 1;
        ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        listening = socket;
    });
    // Nothing here is served in ranges, and cpp-httplib 0.11 would take a range past the end of
    // a body as it stands.
    server.set_pre_routing_handler(
        [](const httplib::Request &request, httplib::Response &response) {
            if (!request.has_header("Range"))
                return httplib::Server::HandlerResponse::Unhandled;
            response.status = 416;
            response.set_content("ranges are not served here\n", "text/plain; charset=utf-8");
            return httplib::Server::HandlerResponse::Handled;
        });
    server.Get("/metrics", [this](const httplib::Request &request, httplib::Response &response) {
        d->scrape(request, response);
    });
    server.Get("/", [](const httplib::Request &, httplib::Response &response) {
        response.set_content(indexPage, "text/html; charset=utf-8");
    });
    server.Get("/healthz", [](const httplib::Request &, httplib::Response &response) {
        response.set_content("ok\n", "text/plain; charset=utf-8");
    });

    const std::string host = d->options.host.toStdString();
    errno = 0;
    if (d->options.port == 0)
        d->port = server.bind_to_any_port(host);
    else
        d->port = server.bind_to_port(host, d->options.port) ? d->options.port : -1;
    if (d->port <= 0) {
        const QString reason =
            errno == EADDRINUSE
                ? QCoreApplication::translate("dbs::MetricsServer", "the port is in use")
                : QString::fromLocal8Bit(std::strerror(errno ? errno : EINVAL));
        *error = QCoreApplication::translate("dbs::MetricsServer", "cannot listen on %1:%2: %3")
                     .arg(d->options.host)
                     .arg(d->options.port)
                     .arg(reason);
        return false;
    }
    // cpp-httplib listens with a backlog of 5: a burst of connections (a flood, or many
    // scrapers at once) would see the rest dropped and retried seconds later.
    if (listening >= 0)
        ::listen(listening, 128); // Linux takes a second listen() as a new backlog
    d->thread = std::thread([this] { d->server.listen_after_bind(); });
    {
        std::lock_guard guard(d->lock);
        d->stopping = false;
    }
    d->renderer = std::thread([this] { d->render(); });
    while (!d->server.is_running())
        std::this_thread::yield();
    return true;
}

void MetricsServer::stop()
{
    if (d->thread.joinable()) {
        d->server.stop();
        d->thread.join();
    }
    if (d->renderer.joinable()) {
        {
            std::lock_guard guard(d->lock);
            d->stopping = true;
        }
        d->wake.notify_all();
        d->renderer.join();
    }
}

quint16 MetricsServer::port() const
{
    return quint16(d->port);
}

void MetricsServer::publish(std::shared_ptr<const ExporterMetrics> metrics, qint64 clockOffsetMs,
                            std::function<void()> served)
{
    {
        std::lock_guard guard(d->lock);
        d->metrics = std::move(metrics);
        d->clockOffsetMs = clockOffsetMs;
        d->served = std::move(served);
        d->renderPending = true;
    }
    d->wake.notify_all();
}

void MetricsServer::Private::scrape(const httplib::Request &request, httplib::Response &response)
{
    std::shared_ptr<const ExporterMetrics> shown;
    qint64 offsetMs = 0;
    {
        std::lock_guard guard(lock);
        shown = metrics;
        offsetMs = clockOffsetMs;
    }
    const MetricsFormat format =
        negotiateMetricsFormat(QByteArray::fromStdString(request.get_header_value("Accept")));
    const std::string contentType = metricsContentType(format).toStdString();
    response.set_header("Vary", "Accept, Accept-Encoding");
    const std::string acceptEncoding = request.get_header_value("Accept-Encoding");
    if (!acceptsGzip(QByteArray::fromStdString(acceptEncoding))) {
        // Rare (Prometheus always takes gzip): rendered from the last published inventory as it
        // is sent, never held whole. But cpp-httplib compresses a streamed answer for any
        // mention of gzip or br, q=0 too: such a client gets the text whole, as it is.
        // Each such scrape renders on its own: a few at a time, the others asked to come back.
        if (++plainScrapes > maxPlainScrapes) {
            --plainScrapes;
            response.status = 503;
            response.set_header("Retry-After", "1");
            response.set_content("too many scrapes without gzip at once; ask again\n",
                                 "text/plain; charset=utf-8");
            return;
        }
        const std::shared_ptr<void> slot(nullptr, [this](void *) { --plainScrapes; });
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch() + offsetMs;
        if (acceptEncoding.find("gzip") != std::string::npos ||
            acceptEncoding.find("br") != std::string::npos) {
            auto text = std::make_shared<std::string>();
            writeMetrics(*shown, format, options.gatewayMetrics, nowMs, options.staleAfterMs,
                         [&text](const QByteArray &piece) {
                             text->append(piece.constData(), size_t(piece.size()));
                         });
            sendAsItIs(response, text, contentType);
            return;
        }
        response.set_chunked_content_provider(
            contentType, [this, shown, nowMs, format, slot](size_t, httplib::DataSink &sink) {
                bool open = true;
                writeMetrics(*shown, format, options.gatewayMetrics, nowMs, options.staleAfterMs,
                             [&sink, &open](const QByteArray &piece) {
                                 open = open && sink.write(piece.constData(), size_t(piece.size()));
                             });
                sink.done();
                return open;
            });
        return;
    }
    // The last inventory rendered in this format; the first scrape of a format renders it here
    // (and from then on, each published inventory is rendered in it as well).
    const int f = int(format);
    std::shared_ptr<const std::string> body;
    {
        std::lock_guard guard(lock);
        body = rendered[f];
    }
    if (!body) {
        std::lock_guard rendering(renderLock);
        {
            // Rendered meanwhile by the one ahead in line, or else the latest published (one
            // may have come while this waited, and been rendered without this format).
            std::lock_guard guard(lock);
            body = rendered[f];
            shown = metrics;
            offsetMs = clockOffsetMs;
        }
        if (!body)
            body = renderGzip(*shown, format, QDateTime::currentMSecsSinceEpoch() + offsetMs, 0);
        std::lock_guard guard(lock);
        wanted[f] = true;
        if (body)
            rendered[f] = body;
    }
    if (!body) {
        response.status = 500;
        response.set_content("cannot compress the metrics\n", "text/plain; charset=utf-8");
        return;
    }
    response.set_header("Content-Encoding", "gzip");
    sendAsItIs(response, std::move(body), contentType);
}

} // namespace dbs

namespace dbs {

bool parseListenAddress(const QString &text, QString *host, quint16 *port, QString *error)
{
    QString hostPart;
    QString portPart = text.trimmed();
    if (portPart.startsWith(u'[')) {
        const qsizetype close = portPart.indexOf(QStringLiteral("]:"));
        if (close < 0) {
            *error = QCoreApplication::translate("dbs::MetricsServer",
                                                 "an IPv6 address is written [ADDRESS]:PORT");
            return false;
        }
        hostPart = portPart.mid(1, close - 1);
        portPart = portPart.mid(close + 2);
    } else if (const qsizetype colon = portPart.lastIndexOf(u':'); colon >= 0) {
        hostPart = portPart.left(colon);
        portPart = portPart.mid(colon + 1);
        if (hostPart.contains(u':')) {
            *error = QCoreApplication::translate("dbs::MetricsServer",
                                                 "an IPv6 address is written [ADDRESS]:PORT");
            return false;
        }
    }
    bool ok = false;
    const uint number = portPart.toUInt(&ok);
    if (!ok || number < 1 || number > 65535) {
        *error = QCoreApplication::translate("dbs::MetricsServer",
                                             "--listen wants HOST:PORT (or a PORT alone, on "
                                             "loopback) with a port from 1 to 65535");
        return false;
    }
    if (hostPart.isEmpty() && text.contains(u':')) {
        // ":9100" listens everywhere in other exporters; here that must be said outright.
        *error = QCoreApplication::translate("dbs::MetricsServer",
                                             "--listen wants a host before the port: "
                                             "127.0.0.1:PORT for this machine, 0.0.0.0:PORT or "
                                             "[::]:PORT for every interface");
        return false;
    }
    *host = hostPart.isEmpty() ? QStringLiteral("127.0.0.1") : hostPart;
    *port = quint16(number);
    return true;
}

} // namespace dbs
