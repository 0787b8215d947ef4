#pragma once

// Shared by the model benchmarks (scenarios 3 to 6): the BENCH line every benchmark
// prints, heap figures, medians, and 100,000 gateways loaded from an in-process simulator.

#include "simfixture.h"
#include <api/dbsclient.h>
#include <models/gatewaytablemodel.h>
#include <sim/simulator.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace bench {

// One row of run.sh's table: scenario, ours, reference, ratio, target, met.
inline void report(const QString &scenario, const QString &ours, const QString &reference,
                   double ratio, const QString &target, bool met)
{
    std::printf("BENCH\t%s\t%s\t%s\t%.2f\t%s\t%s\n", qPrintable(scenario), qPrintable(ours),
                qPrintable(reference), ratio, qPrintable(target), met ? "yes" : "no");
    std::fflush(stdout);
}

inline void detail(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
}

// Bytes in use on the heap: small chunks (uordblks) and the large ones malloc maps on their
// own (hblkhd), over every arena.
inline qint64 heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks) + qint64(info.hblkhd);
}

inline double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

inline QString ms(double value)
{
    return QStringLiteral("%1 ms").arg(value, 0, 'f', value < 10 ? 2 : 1);
}

// The size of a run: --rows (gateways, 100,000 unless told) and, for a benchmark that repeats
// its measurement (defaultRepeat > 0), --repeat (runs, at least one).
struct Size
{
    int rows = 0;
    int repeat = 1;
};

inline Size parseSize(const QCoreApplication &app, int defaultRepeat = 0)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Gateways."),
                                        QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("Runs."),
                                          QStringLiteral("N"), QString::number(defaultRepeat));
    parser.addOption(rowsOption);
    if (defaultRepeat > 0)
        parser.addOption(repeatOption);
    parser.process(app);
    Size size;
    size.rows = parser.value(rowsOption).toInt();
    if (defaultRepeat > 0)
        size.repeat = std::max(1, parser.value(repeatOption).toInt());
    return size;
}

// A simulator with `gateways` gateways, all in cn-hangzhou.
inline std::unique_ptr<dbs::Simulator> startSimulator(int gateways)
{
    return fixture::startSimulator(fixture::options(gateways, 5, {QStringLiteral("cn-hangzhou")}));
}

// The test fixture's client set-up with the client's own retries, and a minute per page: a
// benchmark measures, it does not hunt for a slow answer.
inline void pointAt(dbs::DbsClient *client, const dbs::Simulator &simulator)
{
    const dbs::RetryPolicy ownRetries = client->options().retry;
    fixture::pointAt(client, simulator);
    dbs::ClientOptions options = client->options();
    options.retry = ownRetries;
    options.timeoutMs = 60000;
    client->setOptions(options);
    client->setCredential(fixture::demoCredential(QStringLiteral("bench")));
}

// Every page of cn-hangzhou into `model` (loadAll, pages of 100, as the window asks for them
// when a filter needs every row). False if the load failed or timed out.
inline bool loadAll(dbs::GatewayTableModel *model, int timeoutMs = 300000)
{
    dbs::PageQuery query;
    query.region = QStringLiteral("cn-hangzhou");
    query.pageSize = 100;
    model->setQuery(query);
    QEventLoop loop;
    bool failed = false;
    QObject::connect(model, &dbs::GatewayTableModel::completed, &loop, &QEventLoop::quit);
    QObject::connect(model, &dbs::GatewayTableModel::errorOccurred, &loop, [&](const auto &) {
        failed = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    model->loadAll();
    if (!model->isComplete())
        loop.exec();
    return !failed && model->isComplete();
}

} // namespace bench
