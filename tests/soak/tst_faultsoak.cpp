// The fault soak: the client (PagePipeline over DbsClient), `dbs-gateways list` as a process
// and the GUI model (GatewayTableModel::loadAll) against a simulator injecting every fault
// kind at once, over several regions and page sizes, in both readings of PageNum (the first
// page 0, as DBS counts, and 1). Every run must end with exactly the
// fault-free list or with a clear error naming the last failure; never a crash, a hang, or a
// partial list claimed as complete.
//
// Defined outcomes per fault kind (tst_dbsclient, tst_pagepipeline, tst_gatewaytablemodel):
// - retried, so a run survives them unless retries run out: http500, http503, throttle, reset,
//   truncate, malformed, reset-mid-body, deep-nesting and wrong-types (MalformedResponse: rows
//   without a BackupGatewayId are never a short page), slow (here shorter
//   than the timeout), trickle (Timeout at the attempt deadline);
// - absorbed by the paging rules: duplicate, repeat-last, changing-total, lying-total-high,
//   lying-total-low within a page;
// - hostile, ending the run with a clear error, never retried: huge and huge-chunked
//   (ResponseTooLarge), redirect (Redirected); lying-total-low by more than a page and endless
//   past the promised end (InconsistentPaging);
// - the one lie the client cannot tell from the truth, whose DEFINED outcome is a finished list
//   that differs from the inventory: endless on the last page (padded with fresh ids, then an
//   empty page; indistinguishable from a TotalElements that promised too few). The soak
//   recognises that shape exactly and counts it separately ("lies"); any other difference fails.
//
// Seeds: the inventory seed is printed; the fault sequence is the simulator's FaultInjector,
// always seeded 1 (SimulatorOptions has no fault seed), so a configuration replays the same
// draws in the same order of requests.
#include "environment.h"
#include "pagingcases.h"
#include "simfixture.h"
#include <api/dbsclient.h>
#include <api/pagepipeline.h>
#include <models/gatewaytablemodel.h>
#include <sim/faults.h>
#include <sim/simulator.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace dbs;

namespace {

constexpr quint64 inventorySeed = 20240501;
const QStringList regions{QStringLiteral("cn-hangzhou"), QStringLiteral("cn-beijing"),
                          QStringLiteral("ap-southeast-1")};
const QList<int> everyPageSize = dbs::pageSizes();
// Rounds over every region and page size, in each page base: ~1100 requests for the job and
// the model each.
constexpr int rounds = 6;
constexpr int commandRounds = 3;

// Every kind, about 8 % of requests in all (5.4 % for the retried ones).
QList<QPair<dbs::Fault, double>> everyFault()
{
    using F = dbs::Fault;
    return {{F::Http500, 0.008},       {F::Http503, 0.008},        {F::Throttle, 0.008},
            {F::Reset, 0.005},         {F::Truncate, 0.005},       {F::Malformed, 0.005},
            {F::ResetMidBody, 0.005},  {F::DeepNesting, 0.003},    {F::Slow, 0.005},
            {F::Trickle, 0.002},       {F::Duplicate, 0.005},      {F::RepeatLast, 0.005},
            {F::ChangingTotal, 0.005}, {F::LyingTotalHigh, 0.003}, {F::LyingTotalLow, 0.003},
            {F::Endless, 0.002},       {F::Huge, 0.001},           {F::HugeChunked, 0.001},
            {F::Redirect, 0.002},      {F::WrongTypes, 0.002}};
}

// The error codes the faults above can end a run with.
const QStringList expectedCodes{
    QStringLiteral("InternalError"),     QStringLiteral("ServiceUnavailable"),
    QStringLiteral("Throttling.User"),   QStringLiteral("NetworkError"),
    QStringLiteral("MalformedResponse"), QStringLiteral("Timeout"),
    QStringLiteral("ResponseTooLarge"),  QStringLiteral("Redirected"),
    QStringLiteral("InconsistentPaging")};

std::unique_ptr<dbs::Simulator> startSimulator(int pageBase)
{
    dbs::SimulatorOptions options = fixture::options(3000, inventorySeed, regions);
    options.pageBase = pageBase;
    options.faults = everyFault();
    options.slowMs = 300; // a slow answer, still inside the attempt timeout
    return fixture::startSimulator(options);
}

void configure(DbsClient &client, const dbs::Simulator &simulator)
{
    client.setCredential(fixture::demoCredential());
    ClientOptions options;
    options.endpoint = QUrl(simulator.baseUrl());
    options.timeoutMs = 1500;               // a trickle costs this much per attempt
    options.maxResponseBytes = 1024 * 1024; // pages are ~40 KB; huge answers stop here
    options.retry.maxAttempts = 4;
    options.retry.baseDelayMs = 5;
    options.retry.maxDelayMs = 40;
    options.retry.maxTotalMs = 15000;
    client.setOptions(options);
}

enum class Shape { Exact, EndlessLie, Wrong };

// How a finished list compares with the fault-free one (see the header comment).
Shape classify(const QStringList &ids, const QStringList &truth, QString *why)
{
    if (ids == truth)
        return Shape::Exact;
    QSet<QString> seen;
    for (const QString &id : ids) {
        if (!id.isEmpty() && seen.contains(id)) {
            *why = QStringLiteral("duplicate id %1").arg(id);
            return Shape::Wrong;
        }
        seen.insert(id);
    }
    // endless on the last page: the whole true list, then fresh "endless-" ids.
    if (ids.size() > truth.size() && ids.mid(0, truth.size()) == truth) {
        const QStringList tail = ids.mid(truth.size());
        if (std::all_of(tail.begin(), tail.end(),
                        [](const QString &id) { return id.startsWith(u"endless-"); }))
            return Shape::EndlessLie;
    }
    *why = QStringLiteral("%1 ids instead of %2").arg(ids.size()).arg(truth.size());
    return Shape::Wrong;
}

struct Tally
{
    int runs = 0;
    int exact = 0;
    int errors = 0;
    int lies = 0;
    QMap<QString, int> codes;

    void print(const char *what, quint64 requests, qint64 ms) const
    {
        QStringList byCode;
        for (auto it = codes.begin(); it != codes.end(); ++it)
            byCode.append(QStringLiteral("%1 x%2").arg(it.key()).arg(it.value()));
        qInfo("%s: %d runs, %d exact, %d clear errors [%s], %d defined lies; %llu requests, "
              "%lld ms",
              what, runs, exact, errors, qPrintable(byCode.join(QStringLiteral(", "))), lies,
              requests, ms);
    }
};

// The faults a fresh simulator drew for its first `count` requests: its injector replayed
// (seed 1, the same rates in the same order), since it draws exactly once per request.
QMap<QString, int> faultsDrawn(quint64 count)
{
    dbs::FaultInjector mirror;
    for (const auto &[fault, rate] : everyFault())
        mirror.setRate(fault, rate);
    QMap<QString, int> drawn;
    const QStringList names = dbs::faultNames();
    for (quint64 i = 0; i < count; ++i) {
        const dbs::Fault fault = mirror.draw();
        if (fault != dbs::Fault::None)
            ++drawn[names.at(int(fault) - 1)];
    }
    return drawn;
}

void printFaults(const char *what, quint64 requests)
{
    const QMap<QString, int> drawn = faultsDrawn(requests);
    QStringList list;
    int total = 0;
    for (auto it = drawn.begin(); it != drawn.end(); ++it) {
        list.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
        total += it.value();
    }
    qInfo("%s: %d faults injected in %llu requests (fault seed 1): %s", what, total, requests,
          qPrintable(list.join(QStringLiteral(", "))));
}

// Requests aborted by a run's end may still reach the simulator a moment later.
void settle(const dbs::Simulator &simulator)
{
    quint64 before = simulator.requestCount();
    for (int i = 0; i < 20; ++i) {
        QTest::qWait(50);
        const quint64 now = simulator.requestCount();
        if (now == before)
            return;
        before = now;
    }
}

} // namespace

class TestFaultSoak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pipeline_data() { fixture::addPageBaseRows(); }
    void pipeline();
    void model_data() { fixture::addPageBaseRows(); }
    void model();
    void command_data() { fixture::addPageBaseRows(); }
    void command();

private:
    void judge(Tally &tally, const QString &label, bool finished, const QStringList &ids,
               const QStringList &truth, const QString &code, const QString &message);
};

void TestFaultSoak::initTestCase()
{
    QCOMPARE(dbs::faultNames().size(), everyFault().size()); // every kind is in the mix
    QVERIFY(dbs::checkFaultRates(everyFault()).isEmpty());
    qInfo("inventory seed %llu, fault seed 1, regions %s, page sizes 30/50/100", inventorySeed,
          qPrintable(regions.join(u',')));
}

void TestFaultSoak::judge(Tally &tally, const QString &label, bool finished, const QStringList &ids,
                          const QStringList &truth, const QString &code, const QString &message)
{
    ++tally.runs;
    if (finished) {
        QString why;
        const Shape shape = classify(ids, truth, &why);
        QVERIFY2(shape != Shape::Wrong, qPrintable(label + QStringLiteral(": ") + why));
        if (shape == Shape::Exact) {
            ++tally.exact;
        } else {
            ++tally.lies;
            qInfo("%s: finished with the defined endless lie: %lld ids, %lld true",
                  qPrintable(label), qint64(ids.size()), qint64(truth.size()));
        }
        return;
    }
    ++tally.errors;
    ++tally.codes[code];
    QVERIFY2(expectedCodes.contains(code), qPrintable(label + QStringLiteral(": code ") + code));
    QVERIFY2(!message.trimmed().isEmpty(), qPrintable(label));
}

void TestFaultSoak::pipeline()
{
    QFETCH(int, pageBase);
    auto simulator = startSimulator(pageBase);
    DbsClient client;
    configure(client, *simulator);
    Tally tally;
    QElapsedTimer timer;
    timer.start();
    for (int round = 0; round < rounds; ++round) {
        for (const QString &region : regions) {
            const QStringList truth = fixture::ids(simulator->gatewaysIn(region));
            QVERIFY(truth.size() > 100); // several pages even at 100 a page
            for (int pageSize : everyPageSize) {
                const QString label =
                    QStringLiteral("job %1/%2/%3").arg(region).arg(pageSize).arg(round);
                PageQuery query;
                query.region = region;
                query.pageSize = pageSize;
                PagePipeline job(&client, query, 4);
                QVector<BackupGateway> rows;
                bool finished = false;
                ApiError error;
                int endings = 0;
                connect(&job, &PagePipeline::rowsReady, this,
                        [&rows](const QVector<BackupGateway> &page) { rows += page; });
                connect(&job, &PagePipeline::finished, this, [&] {
                    finished = true;
                    ++endings;
                });
                connect(&job, &PagePipeline::failed, this, [&](const ApiError &e) {
                    error = e;
                    ++endings;
                });
                job.fetchAll();
                QVERIFY2(QTest::qWaitFor([&] { return endings > 0; }, 45000),
                         qPrintable(label + QStringLiteral(": no end (hang)")));
                QTest::qWait(0);
                QCOMPARE(endings, 1); // exactly one of finished/failed
                judge(tally, label, finished, fixture::ids(rows), truth, error.code, error.message);
                if (QTest::currentTestFailed())
                    return;
                if (!finished) // the error says which request failed and how
                    QVERIFY2(!error.summary().isEmpty(), qPrintable(label));
            }
        }
    }
    settle(*simulator);
    tally.print("PagePipeline", simulator->requestCount(), timer.elapsed());
    printFaults("PagePipeline", simulator->requestCount());
    QVERIFY(tally.exact > tally.runs / 2); // the soak mostly succeeds at these rates
}

void TestFaultSoak::model()
{
    QFETCH(int, pageBase);
    auto simulator = startSimulator(pageBase);
    DbsClient client;
    configure(client, *simulator);
    GatewayTableModel model(&client);
    Tally tally;
    QElapsedTimer timer;
    timer.start();
    for (int round = 0; round < rounds; ++round) {
        for (const QString &region : regions) {
            const QStringList truth = fixture::ids(simulator->gatewaysIn(region));
            for (int pageSize : everyPageSize) {
                const QString label =
                    QStringLiteral("model %1/%2/%3").arg(region).arg(pageSize).arg(round);
                PageQuery query;
                query.region = region;
                query.pageSize = pageSize;
                model.setQuery(query);
                int completed = 0;
                QList<ApiError> errors;
                const auto c1 = connect(&model, &GatewayTableModel::completed, this,
                                        [&completed] { ++completed; });
                const auto c2 = connect(&model, &GatewayTableModel::errorOccurred, this,
                                        [&errors](const ApiError &e) { errors.append(e); });
                model.loadAll();
                const bool ended =
                    QTest::qWaitFor([&] { return completed > 0 || !errors.isEmpty(); }, 45000);
                QTest::qWait(0);
                disconnect(c1);
                disconnect(c2);
                QVERIFY2(ended, qPrintable(label + QStringLiteral(": no end (hang)")));
                QVERIFY2(completed + errors.size() == 1, qPrintable(label));
                QVERIFY(!model.isLoading());
                const bool finished = completed == 1;
                // Complete only when it said so: a failed run keeps its rows, not a claim.
                QCOMPARE(model.isComplete(), finished);
                QStringList ids;
                for (int row = 0; row < model.rowCount(); ++row)
                    ids.append(model.gatewayAt(row).backupGatewayId);
                if (finished)
                    QCOMPARE(model.totalElements(), int(ids.size()));
                judge(tally, label, finished, ids, truth,
                      finished ? QString() : errors.constFirst().code,
                      finished ? QString() : errors.constFirst().message);
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }
    settle(*simulator);
    tally.print("GatewayTableModel", simulator->requestCount(), timer.elapsed());
    printFaults("GatewayTableModel", simulator->requestCount());
    QVERIFY(tally.exact > tally.runs / 2);
}

void TestFaultSoak::command()
{
    // The built executable with its own defaults (30 s per attempt, 32 MiB cap, 4 attempts),
    // pointed at the in-process simulator.
    QFETCH(int, pageBase);
    auto simulator = startSimulator(pageBase);
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QProcessEnvironment env = fixture::demoEnvironment(home.path());
    Tally tally;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < commandRounds * regions.size() * everyPageSize.size(); ++i) {
        const QString region = regions.at(i % regions.size());
        const int pageSize = everyPageSize.at(i / regions.size() % everyPageSize.size());
        const QString label = QStringLiteral("dbs-gateways %1/%2").arg(region).arg(pageSize);
        const QStringList truth = fixture::ids(simulator->gatewaysIn(region));
        QProcess process;
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(home.path());
        process.start(QStringLiteral(DBS_GATEWAYS),
                      {QStringLiteral("list"), QStringLiteral("--region"), region,
                       QStringLiteral("--endpoint"), simulator->baseUrl(),
                       QStringLiteral("--page-size"), QString::number(pageSize),
                       QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(process.waitForFinished(100000), qPrintable(label + QStringLiteral(": hang")));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit); // no crash
        const QByteArray out = process.readAllStandardOutput();
        const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
        if (process.exitCode() == 0) {
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(out, &parseError);
            QVERIFY2(document.isArray(), qPrintable(label + parseError.errorString()));
            QStringList ids;
            for (const QJsonValue &value : document.array())
                ids.append(value.toObject().value(QStringLiteral("BackupGatewayId")).toString());
            judge(tally, label, true, ids, truth, {}, {});
            if (QTest::currentTestFailed())
                return;
        } else {
            QCOMPARE(process.exitCode(), 1);
            // Nothing on standard output for a failed run: no partial list.
            QVERIFY2(out.isEmpty(), qPrintable(label + QString::fromUtf8(out.left(200))));
            // "dbs-gateways: CODE: message (HTTP n) RequestId: ...", one line, the last one.
            const QString line = err.section(u'\n', -1);
            QVERIFY2(line.startsWith(QLatin1String("dbs-gateways: ")), qPrintable(line));
            const QString code = line.mid(14).section(QStringLiteral(": "), 0, 0);
            const QString message = line.mid(14).section(QStringLiteral(": "), 1);
            judge(tally, label, false, {}, truth, code, message);
            if (QTest::currentTestFailed())
                return;
        }
    }
    settle(*simulator);
    tally.print("dbs-gateways", simulator->requestCount(), timer.elapsed());
    printFaults("dbs-gateways", simulator->requestCount());
    QVERIFY(tally.exact > tally.runs / 2);
}

QTEST_GUILESS_MAIN(TestFaultSoak)
#include "tst_faultsoak.moc"
