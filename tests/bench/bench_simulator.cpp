// How many pages a second dbs-simulator serves on loopback: several keep-alive connections,
// each sending V3-signed DescribeBackupGatewayList requests for pages of 100 as fast as the
// answers come. Prints one figure, and the same as a BENCH line for tests/bench/run.sh; exits
// non-zero only if an answer was not a good page.
#include <api/signing.h>
#include <sim/simulator.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>

#include <httplib.h>

#include <atomic>
#include <cstdio>
#include <thread>

namespace {
httplib::Headers signedHeaders(const std::string &host, const dbs::signing::QueryItems &query)
{
    using namespace dbs::signing;
    HeaderMap headers = {
        {"host", QByteArray::fromStdString(host)},
        {"x-acs-action", "DescribeBackupGatewayList"},
        {"x-acs-version", "2019-03-06"},
        {"x-acs-date", timestamp(QDateTime::currentMSecsSinceEpoch()).toLatin1()},
        {"x-acs-signature-nonce", newNonce()},
        {"x-acs-content-sha256", hexSha256({})},
    };
    const QList<QByteArray> names = v3HeadersToSign(headers);
    const QByteArray signature =
        v3Signature(dbs::demoAccessKeySecret,
                    v3StringToSign(v3CanonicalRequest("POST", "/", query, headers, names,
                                                      headers.value("x-acs-content-sha256"))));
    httplib::Headers out;
    for (auto it = headers.cbegin(); it != headers.cend(); ++it) {
        if (it.key() != "host")
            out.emplace(it.key().toStdString(), it.value().toStdString());
    }
    out.emplace("Authorization",
                v3AuthorizationHeader(dbs::demoAccessKeyId, names, signature).toStdString());
    return out;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("Duration."),
                                     QStringLiteral("S"), QStringLiteral("3"));
    const QCommandLineOption connections(QStringLiteral("connections"),
                                         QStringLiteral("Client connections."), QStringLiteral("N"),
                                         QStringLiteral("4"));
    parser.addOptions({seconds, connections});
    parser.process(app);

    dbs::SimulatorOptions options;
    options.gateways = 10000;
    options.regions = {QStringLiteral("cn-hangzhou")};
    dbs::Simulator simulator(options);
    QString error;
    if (!simulator.start(&error)) {
        std::fprintf(stderr, "bench_simulator: %s\n", qPrintable(error));
        return 2;
    }
    const std::string host = "127.0.0.1:" + std::to_string(simulator.port());
    const int durationMs = parser.value(seconds).toInt() * 1000;
    const int clients = std::max(1, parser.value(connections).toInt());

    std::atomic<long> pages{0}, bad{0};
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            httplib::Client client("127.0.0.1", simulator.port());
            client.set_keep_alive(true);
            for (int i = 0; timer.elapsed() < durationMs; ++i) {
                const int pageNum = (c * 7 + i) % 100; // 0 to 99: every page holds gateways
                const dbs::signing::QueryItems query = {
                    {"Region", "cn-hangzhou"},
                    {"PageSize", "100"},
                    {"PageNum", QByteArray::number(pageNum)},
                };
                const std::string path = "/?" + dbs::signing::canonicalQuery(query).toStdString();
                const auto result = client.Post(path.c_str(), signedHeaders(host, query), "",
                                                "application/octet-stream");
                if (result && result->status == 200 &&
                    result->body.find("\"BackupGatewayId\"") != std::string::npos)
                    ++pages;
                else
                    ++bad;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    const double elapsed = timer.elapsed() / 1000.0;
    const double perSecond = pages.load() / elapsed;
    std::printf("simulator: %ld pages of 100 in %.2f s over %d connections = %.0f pages/s "
                "(%ld bad)\n",
                pages.load(), elapsed, clients, perSecond, bad.load());
    // The line tests/bench/run.sh collects into its table (scenario 7).
    constexpr double target = 5000;
    std::printf("BENCH\t7 simulator: pages of 100 a second on loopback (%d connections)\t"
                "%.0f pages/s\t%.0f pages/s\t%.2f\t>= 1.00\t%s\n",
                clients, perSecond, target, perSecond / target, perSecond >= target ? "yes" : "no");
    return bad.load() == 0 && pages.load() > 0 ? 0 : 1;
}
