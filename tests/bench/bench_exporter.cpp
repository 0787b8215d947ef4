// The exporter's figures: a scrape of a 100,000-gateway inventory (dbs-gateways exporter and
// dbs-simulator as processes, scraped as Prometheus does: gzip) with --gateway-metrics all and
// problems, the exporter's peak resident memory and the compressed size; then whether the
// exporter's memory stays flat across many refreshes (ExporterCommand in this process, against
// the simulator process). Prints BENCH lines for tests/bench/run.sh; exits non-zero only when an
// answer was wrong (a scrape failed or lacked the inventory).
#include <cli/exportercommand.h>
#include <sim/simulator.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <httplib.h>

#include <algorithm>
#include <cstdio>

namespace {
bool wrong = false;

void benchLine(const QString &scenario, const QString &ours, const QString &reference,
               const QString &ratio, const QString &target, bool met)
{
    std::printf("BENCH\t%s\t%s\t%s\t%s\t%s\t%s\n", qPrintable(scenario), qPrintable(ours),
                qPrintable(reference), qPrintable(ratio), qPrintable(target), met ? "yes" : "no");
    std::fflush(stdout);
}

void fail(const QString &message)
{
    std::fprintf(stderr, "bench_exporter: %s\n", qPrintable(message));
    wrong = true;
}

// VmHWM or VmRSS of a process, in KiB (0 when unreadable).
qint64 memoryKiB(qint64 pid, const char *field)
{
    QFile status(pid ? QStringLiteral("/proc/%1/status").arg(pid)
                     : QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort();
}

QString startSimulator(QProcess &process, const QString &exe, int gateways)
{
    process.start(exe, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                        QStringLiteral("--gateways"), QString::number(gateways),
                        QStringLiteral("--regions"), QStringLiteral("cn-hangzhou")});
    if (!process.waitForReadyRead(120000))
        return {};
    const QString line = QString::fromUtf8(process.readLine()).trimmed();
    return line.startsWith(QStringLiteral("listening on ")) ? line.mid(13) : QString();
}

struct Scrape
{
    bool ok = false;
    double ms = 0;
    qsizetype bytes = 0; // as sent: compressed
    QByteArray body;
};

Scrape scrape(quint16 port)
{
    httplib::Client client("127.0.0.1", port);
    client.set_decompress(false);
    client.set_read_timeout(60, 0);
    QElapsedTimer clock;
    clock.start();
    const auto answer = client.Get("/metrics", {{"Accept-Encoding", "gzip"}});
    Scrape result;
    result.ms = double(clock.nsecsElapsed()) / 1e6;
    if (!answer || answer->status != 200)
        return result;
    result.ok = answer->get_header_value("Content-Encoding") == "gzip";
    result.bytes = qsizetype(answer->body.size());
    result.body = QByteArray::fromStdString(answer->body);
    return result;
}

// The exporter as a process, refreshing every second; once three refreshes are served,
// `scrapes` scrapes.
void exporterProcess(const QString &gatewaysExe, const QString &url, const QString &which,
                     int gateways, int scrapes, double targetMs, bool withMemory)
{
    QProcess exporter;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"),
                       QString::fromLatin1(dbs::demoAccessKeyId));
    environment.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
                       QString::fromLatin1(dbs::demoAccessKeySecret));
    exporter.setProcessEnvironment(environment);
    exporter.setProcessChannelMode(QProcess::ForwardedChannels);
    const quint16 port = freePort();
    exporter.start(
        gatewaysExe,
        {QStringLiteral("exporter"), QStringLiteral("--region"), QStringLiteral("cn-hangzhou"),
         QStringLiteral("--endpoint"), url, QStringLiteral("--page-size"), QStringLiteral("100"),
         QStringLiteral("--interval"), QStringLiteral("1s"), QStringLiteral("--gateway-metrics"),
         which, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)});
    if (!exporter.waitForStarted(10000)) {
        fail(QStringLiteral("the exporter did not start"));
        return;
    }
    // Three refreshes served first, so that the peak holds one refresh beside the inventory
    // before it and its render; scrapes then meet refreshes under way, as in real life.
    QElapsedTimer waited;
    waited.start();
    bool ready = false;
    while (!ready && waited.elapsed() < 120000 && exporter.state() == QProcess::Running) {
        httplib::Client client("127.0.0.1", port);
        const auto answer = client.Get("/metrics", {{"Accept-Encoding", "gzip"}});
        const QRegularExpression refreshes(
            QStringLiteral("\\ndbs_exporter_refreshes_total (\\d+)"));
        const QRegularExpressionMatch match =
            answer && answer->status == 200 ? refreshes.match(QString::fromStdString(answer->body))
                                            : QRegularExpressionMatch();
        ready = match.hasMatch() && match.captured(1).toInt() >= 3;
        if (!ready)
            QTest::qWait(200);
    }
    if (!ready) {
        fail(QStringLiteral("the exporter (%1) served no complete refresh").arg(which));
        exporter.kill();
        exporter.waitForFinished();
        return;
    }
    QList<double> times;
    qsizetype bytes = 0;
    for (int i = 0; i < scrapes; ++i) {
        const Scrape one = scrape(port);
        if (!one.ok) {
            fail(QStringLiteral("a scrape (%1) failed").arg(which));
            break;
        }
        times.append(one.ms);
        bytes = one.bytes;
    }
    const qint64 peakKiB = memoryKiB(exporter.processId(), "VmHWM:");
    exporter.terminate();
    exporter.waitForFinished(10000);
    if (times.isEmpty())
        return;
    std::sort(times.begin(), times.end());
    const double median = times.at(times.size() / 2);
    const QString scenario =
        QStringLiteral("13 exporter scrape, %1k gateways, --gateway-metrics %2")
            .arg(gateways / 1000)
            .arg(which);
    benchLine(scenario + QStringLiteral(" (median of %1, gzip)").arg(times.size()),
              QStringLiteral("%1 ms").arg(median, 0, 'f', 1),
              QStringLiteral("%1 KiB compressed").arg(bytes / 1024), QStringLiteral("-"),
              QStringLiteral("< %1 ms").arg(targetMs), median < targetMs);
    if (withMemory) {
        const double mib = double(peakKiB) / 1024.0;
        benchLine(QStringLiteral("13 exporter peak resident, %1k gateways, --gateway-metrics %2")
                      .arg(gateways / 1000)
                      .arg(which),
                  QStringLiteral("%1 MB").arg(mib, 0, 'f', 1), QStringLiteral("-"),
                  QStringLiteral("-"), QStringLiteral("< 64 MB"), peakKiB > 0 && mib < 64);
    }
}

// Many refreshes in this process: its resident memory after a warm-up and at the end.
void flatAcrossRefreshes(const QString &url, int refreshes)
{
    dbs::ExporterOptions options;
    options.regions = {QStringLiteral("cn-hangzhou")};
    options.query.pageSize = 100;
    options.client.endpoint = QUrl(url);
    options.intervalMs = 20; // a render (a few ms here) ends before the next refresh does
    options.port = freePort();
    options.gatewayMetrics = dbs::GatewayMetrics::All;
    dbs::ExporterAccount account;
    account.name = QStringLiteral("bench");
    account.signIn = dbs::SignInSpec::fixed({QString::fromLatin1(dbs::demoAccessKeyId),
                                             QString::fromLatin1(dbs::demoAccessKeySecret),
                                             {},
                                             {}});
    QFile devNull(QStringLiteral("/dev/null"));
    devNull.open(QIODevice::WriteOnly);
    dbs::ExporterCommand exporter(options, {account}, &devNull);
    const int warmUp = std::max(1, refreshes / 20);
    int done = 0;
    qint64 warmKiB = 0;
    qint64 halfKiB = 0;
    QEventLoop loop; // a real event loop: it also deletes what each refresh let go (deleteLater)
    QObject::connect(&exporter, &dbs::ExporterCommand::refreshed, [&] {
        ++done;
        if (done == refreshes)
            loop.quit();
        if (done % 10 == 0 && !scrape(exporter.port()).ok)
            fail(QStringLiteral("a scrape between refreshes failed"));
        if (done == warmUp)
            warmKiB = memoryKiB(0, "VmRSS:");
        if (done == refreshes / 2)
            halfKiB = memoryKiB(0, "VmRSS:");
    });
    QElapsedTimer clock;
    clock.start();
    if (!exporter.start()) {
        fail(QStringLiteral("the exporter did not start"));
        return;
    }
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    loop.exec();
    const qint64 endKiB = memoryKiB(0, "VmRSS:");
    exporter.stop();
    if (done < refreshes) {
        fail(QStringLiteral("only %1 of %2 refreshes in 10 minutes").arg(done).arg(refreshes));
        return;
    }
    // Flat: the second half of the refreshes adds nothing (the first may still warm up caches
    // and the allocator's arenas).
    const double firstHalf = double(halfKiB - warmKiB) / 1024.0;
    const double secondHalf = double(endKiB - halfKiB) / 1024.0;
    benchLine(QStringLiteral("13 exporter memory across %1 refreshes (1,000 gateways each)")
                  .arg(refreshes),
              QStringLiteral("%1 MB over the second half").arg(secondHalf, 0, 'f', 2),
              QStringLiteral("%1 MB after %2, %3 MB over the first half")
                  .arg(double(warmKiB) / 1024.0, 0, 'f', 1)
                  .arg(warmUp)
                  .arg(firstHalf, 0, 'f', 2),
              QStringLiteral("-"), QStringLiteral("<= 0.5 MB"), secondHalf <= 0.5);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption gateways(QStringLiteral("gateways"), QStringLiteral("Inventory."),
                                      QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption refreshes(QStringLiteral("refreshes"), QStringLiteral("Refreshes."),
                                       QStringLiteral("N"), QStringLiteral("1000"));
    parser.addOptions({gateways, refreshes});
    parser.process(app);
    const int inventory = parser.value(gateways).toInt();

    QProcess simulator;
    simulator.setProcessChannelMode(QProcess::SeparateChannels);
    const QString url = startSimulator(simulator, QStringLiteral(DBS_SIMULATOR), inventory);
    if (url.isEmpty()) {
        fail(QStringLiteral("dbs-simulator did not start"));
        return 1;
    }
    exporterProcess(QStringLiteral(DBS_GATEWAYS), url, QStringLiteral("all"), inventory, 5, 1000,
                    true);
    exporterProcess(QStringLiteral(DBS_GATEWAYS), url, QStringLiteral("problems"), inventory, 9, 50,
                    false);
    simulator.terminate();
    simulator.waitForFinished(10000);

    QProcess small;
    const QString smallUrl = startSimulator(small, QStringLiteral(DBS_SIMULATOR), 1000);
    if (smallUrl.isEmpty()) {
        fail(QStringLiteral("the second dbs-simulator did not start"));
        return 1;
    }
    flatAcrossRefreshes(smallUrl, parser.value(refreshes).toInt());
    small.terminate();
    small.waitForFinished(10000);
    return wrong ? 1 : 0;
}
