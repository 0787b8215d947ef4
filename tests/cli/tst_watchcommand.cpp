#include <cli/watchcommand.h>

#include "pagingcases.h"
#include "simfixture.h"

#include <QBuffer>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace dbs;

namespace {
struct Watch
{
    QBuffer out;
    QBuffer err;
    std::unique_ptr<WatchCommand> command;

    Watch(const WatchOptions &options, const Credential &credential)
    {
        out.open(QIODevice::ReadWrite);
        err.open(QIODevice::ReadWrite);
        command =
            std::make_unique<WatchCommand>(options, dbs::SignInSpec::fixed(credential), &out, &err);
    }
    int looks() const { return int(err.data().count("watching")); }
};

WatchOptions optionsFor(const dbs::Simulator &simulator, const QStringList &regions)
{
    WatchOptions options;
    options.regions = regions;
    options.query.pageSize = 100;
    options.client.endpoint = QUrl(simulator.baseUrl());
    options.client.retry.maxAttempts = 1;
    options.intervalMs = 150;
    options.staleAfterMs = 700;
    return options;
}

using fixture::demoCredential;
} // namespace

class TestWatchCommand final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void baselineHoldsEveryGatewayOnce_data();
    void baselineHoldsEveryGatewayOnce();
    void linesReplayToTheFinalInventory_data();
    void linesReplayToTheFinalInventory();
    void aFailingRegionIsNotRemoved();
    void anUnreadableRegionIsNotJudged();
    void nothingToWatchFails();
};

void TestWatchCommand::baselineHoldsEveryGatewayOnce_data()
{
    fixture::addPagingRows();
}

void TestWatchCommand::baselineHoldsEveryGatewayOnce()
{
    // Every gateway once in the first look, and nothing printed after it: a page read twice
    // (a 1-based service's first page) is neither "added" nor "removed".
    QFETCH(int, pageBase);
    QFETCH(int, gateways);
    QFETCH(int, pageSize);
    dbs::SimulatorOptions simOptions = fixture::options(gateways, 6, {"cn-hangzhou", "cn-beijing"});
    simOptions.pageBase = pageBase;
    auto simulator = fixture::startSimulator(simOptions);
    WatchOptions options = optionsFor(*simulator, {"cn-hangzhou", "cn-beijing"});
    options.query.pageSize = pageSize;
    options.intervalMs = 40;
    Watch watch(options, demoCredential());
    watch.command->start();
    QTRY_VERIFY_WITH_TIMEOUT(watch.err.data().contains("watching"), 10000);
    QVERIFY2(
        watch.err.data().contains(QStringLiteral("watching %1 gateway").arg(gateways).toUtf8()),
        watch.err.data().constData());
    const quint64 requests = simulator->requestCount();
    QTRY_VERIFY_WITH_TIMEOUT(simulator->requestCount() >= 3 * requests, 10000); // two more looks
    watch.command->stop();
    QCOMPARE(watch.out.data(), QByteArray());
}

void TestWatchCommand::linesReplayToTheFinalInventory_data()
{
    fixture::addPageBaseRows();
}

void TestWatchCommand::linesReplayToTheFinalInventory()
{
    QFETCH(int, pageBase);
    // The baseline is known (churn paused), the churn runs while the watch looks every 150 ms,
    // then pauses again: replaying the printed lines over the baseline must give the final
    // inventory, status for status.
    dbs::SimulatorOptions simOptions = fixture::options(120, 9, {"cn-hangzhou", "cn-beijing"});
    simOptions.churnPerSecond = 25;
    simOptions.pageBase = pageBase;
    auto simulator = std::make_unique<dbs::Simulator>(simOptions);
    simulator->setChurnPerSecond(0);
    QString error;
    QVERIFY2(simulator->start(&error), qPrintable(error));
    QHash<QString, QString> state; // id -> status
    for (const BackupGateway &gateway : simulator->inventory())
        state.insert(gateway.backupGatewayId, gateway.status);

    Watch watch(optionsFor(*simulator, {"cn-hangzhou", "cn-beijing"}), demoCredential());
    QSignalSpy done(watch.command.get(), &WatchCommand::done);
    watch.command->start();
    QTRY_VERIFY_WITH_TIMEOUT(watch.err.data().contains("watching"), 10000);
    simulator->setChurnPerSecond(25);
    // Churn until every kind of change has been printed (a loaded machine looks less often).
    const auto seenAll = [&watch] {
        for (const char *kind : {"added", "removed", "status", "recovered", "stale"}) {
            if (!watch.out.data().contains(QByteArray("\"change\":\"") + kind + '"'))
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(seenAll(), 60000);
    simulator->setChurnPerSecond(0);
    // Then quiet for ten intervals: the last looks see the final inventory.
    QTest::qWait(1500);
    watch.command->stop();
    QVERIFY(done.wait(5000));
    QCOMPARE(done.first().at(0).toInt(), 0);

    QHash<QString, int> kinds;
    const QList<QByteArray> lines = watch.out.data().split('\n');
    QVERIFY(lines.last().isEmpty()); // every line ends with a newline
    for (const QByteArray &line : lines.mid(0, lines.size() - 1)) {
        QJsonParseError parseError;
        const QJsonObject change = QJsonDocument::fromJson(line, &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, line.constData());
        const QString kind = change.value("change").toString();
        const QString id = change.value("id").toString();
        const QString status = change.value("status").toString();
        ++kinds[kind];
        if (kind == QLatin1String("added")) {
            QVERIFY2(!state.contains(id), qPrintable(id));
            state.insert(id, status);
            continue;
        }
        QVERIFY2(state.contains(id), qPrintable(kind + QLatin1Char(' ') + id));
        QCOMPARE(change.value("previousStatus").toString(), state.value(id));
        if (kind == QLatin1String("removed"))
            state.remove(id);
        else
            state.insert(id, status);
    }
    QHash<QString, QString> final;
    for (const BackupGateway &gateway : simulator->inventory())
        final.insert(gateway.backupGatewayId, gateway.status);
    QCOMPARE(state, final);
    qInfo() << "changes seen:" << kinds;
    // 25 changes a second for 2.5 s: every kind shows up (silent ones go stale after 0.7 s).
    for (const char *kind : {"added", "removed", "status", "recovered", "stale"})
        QVERIFY2(kinds.value(QLatin1String(kind)) > 0, kind);
}

void TestWatchCommand::aFailingRegionIsNotRemoved()
{
    dbs::SimulatorOptions simOptions = fixture::options(80, 4, {"cn-hangzhou", "cn-beijing"});
    simOptions.deniedRegions = {"cn-beijing"};
    auto simulator = fixture::startSimulator(simOptions);
    Watch watch(optionsFor(*simulator, {"cn-hangzhou", "cn-beijing"}), demoCredential());
    QSignalSpy done(watch.command.get(), &WatchCommand::done);
    watch.command->start();
    QTRY_VERIFY_WITH_TIMEOUT(watch.err.data().contains("watching"), 10000);
    QTest::qWait(800); // several more looks: the failure is said once, not at every look
    watch.command->stop();
    QVERIFY(done.wait(5000));
    QCOMPARE(done.first().at(0).toInt(), 0);
    QVERIFY(watch.out.data().isEmpty()); // nothing changed, nothing "removed"
    QCOMPARE(watch.err.data().count("Forbidden.RAM"), 1);
}

void TestWatchCommand::anUnreadableRegionIsNotJudged()
{
    // Read once, then unreadable while its heartbeats age past the threshold: nothing is said
    // about gateways no one could see (no "stale", no "removed"), and once readable again,
    // each is judged against what the region showed last.
    dbs::SimulatorOptions simOptions = fixture::options(80, 4, {"cn-hangzhou", "cn-beijing"});
    auto simulator = fixture::startSimulator(simOptions);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 youngest = std::numeric_limits<qint64>::max();
    for (const BackupGateway &gateway : simulator->inventory()) {
        if (gateway.status == u"ONLINE")
            youngest = std::min(youngest, now - gateway.lastHeartbeatTime);
    }
    WatchOptions options = optionsFor(*simulator, {"cn-hangzhou", "cn-beijing"});
    options.staleAfterMs = youngest + 800; // the youngest goes stale within a second
    Watch watch(options, demoCredential());
    watch.command->start();
    QTRY_VERIFY_WITH_TIMEOUT(watch.err.data().contains("watching"), 10000);
    QCOMPARE(watch.out.data(), QByteArray());
    const quint16 port = simulator->port();
    simulator->stop(); // every region unreadable from now on
    QTest::qWait(1500);
    QCOMPARE(watch.out.data(), QByteArray());
    QVERIFY(watch.err.data().contains("watching the others"));

    // The same service back on the same port: the aged heartbeats are "stale" now, once each.
    simOptions.port = port;
    simulator = fixture::startSimulator(simOptions);
    QTRY_VERIFY_WITH_TIMEOUT(watch.err.data().contains("readable again"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(watch.out.data().contains("\"change\":\"stale\""), 10000);
    watch.command->stop();
    QVERIFY(!watch.out.data().contains("\"change\":\"removed\""));
    QVERIFY(!watch.out.data().contains("\"change\":\"added\""));
}

void TestWatchCommand::nothingToWatchFails()
{
    dbs::SimulatorOptions simOptions = fixture::options(10, 4, {"cn-hangzhou"});
    simOptions.deniedRegions = {"cn-hangzhou"};
    auto simulator = fixture::startSimulator(simOptions);
    Watch watch(optionsFor(*simulator, {"cn-hangzhou"}), demoCredential());
    QSignalSpy done(watch.command.get(), &WatchCommand::done);
    watch.command->start();
    QVERIFY(done.wait(10000));
    QCOMPARE(done.first().at(0).toInt(), 1);
    QVERIFY(watch.err.data().contains("nothing to watch"));
}

QTEST_GUILESS_MAIN(TestWatchCommand)
#include "tst_watchcommand.moc"
