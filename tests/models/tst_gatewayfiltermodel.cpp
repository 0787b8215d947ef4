#include "gatewaychecks.h"
#include "simfixture.h"
#include <fleet/staleness.h>
#include <models/gatewayfiltermodel.h>
#include <models/gatewaytablemodel.h>

#include <api/gatewayfields.h>

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <functional>

using dbs::BackupGateway;
using dbs::DbsClient;
using dbs::GatewayField;
using dbs::GatewayFilterModel;
using dbs::GatewayTableModel;
using Tester = QAbstractItemModelTester;

namespace {
const QString hangzhou = QStringLiteral("cn-hangzhou");
const QString shanghai = QStringLiteral("cn-shanghai");
constexpr int waitMs = 30000;
constexpr qint64 minute = 60 * 1000;

using fixture::columnOf;
using fixture::containsText;

int countIf(const QVector<BackupGateway> &gateways,
            const std::function<bool(const BackupGateway &)> &predicate)
{
    return int(std::count_if(gateways.cbegin(), gateways.cend(), predicate));
}

bool staleAt(const BackupGateway &gateway, qint64 nowMs)
{
    return gateway.status == u"ONLINE" && nowMs - gateway.lastHeartbeatTime > 5 * minute;
}

QVector<BackupGateway> proxyRows(const GatewayFilterModel &proxy)
{
    QVector<BackupGateway> rows;
    for (int row = 0; row < proxy.rowCount(); ++row)
        rows.append(
            proxy.index(row, 0).data(GatewayTableModel::GatewayRole).value<BackupGateway>());
    return rows;
}

// The window's stack: a client, the table model, the proxy over it.
struct Stack
{
    explicit Stack(const dbs::Simulator &simulator)
    {
        fixture::pointAt(&client, simulator);
        proxy.setGatewayModel(&model);
    }
    DbsClient client;
    GatewayTableModel model{&client};
    GatewayFilterModel proxy;
};

QList<bool> boolsOf(const QSignalSpy &spy)
{
    QList<bool> values;
    for (const QList<QVariant> &args : spy)
        values.append(args.at(0).toBool());
    return values;
}
} // namespace

class TestGatewayFilterModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noFilterStaysLazy();
    void textFilterLoadsTheRest();
    void statusFilter();
    void staleOnlyFollowsTheClock();
    void heartbeatAgeBucket();
    void statusesAndStaleAddUp_data();
    void statusesAndStaleAddUp();
    void sortByHeartbeatLoadsTheRest();
    void sortByStatusRank();
    void sortIpsNaturally();
    void newQueryWhileFiltering();
    void clearingFilters();
    void errorWhileFilteringThenRetry();
    void cancelWhileFilteringStaysCancelled();

private:
    std::unique_ptr<dbs::Simulator> m_sim; // with latency, so loading takes a while
};

void TestGatewayFilterModel::initTestCase()
{
    // Small enough for the testers, which walk every row on every change (a sorted proxy
    // inserts rows one by one), big enough for several pages per region.
    dbs::SimulatorOptions options = fixture::options(600, 9, {hangzhou, shanghai});
    options.latencyMs = 20;
    m_sim = fixture::startSimulator(options);
    QVERIFY(m_sim->gatewaysIn(hangzhou).size() > 150);
    QVERIFY(m_sim->gatewaysIn(shanghai).size() > 150);
}

void TestGatewayFilterModel::noFilterStaysLazy()
{
    Stack stack(*m_sim);
    stack.model.setQuery(fixture::query(hangzhou));
    QSignalSpy partial(&stack.proxy, &GatewayFilterModel::partialChanged);
    QSignalSpy inserted(&stack.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy progress(&stack.model, &GatewayTableModel::progress);
    // What the server has seen when each page lands: one page after the other, so two requests
    // when page 2 is in (a loadAll() would have sent pages 2-5 together).
    const quint64 requestsBefore = m_sim->requestCount();
    QList<quint64> requestsAtInsert;
    connect(&stack.model, &QAbstractItemModel::rowsInserted, this,
            [&] { requestsAtInsert.append(m_sim->requestCount() - requestsBefore); });
    Tester modelTester(&stack.model, Tester::FailureReportingMode::QtTest);
    Tester proxyTester(&stack.proxy, Tester::FailureReportingMode::QtTest);
    QVERIFY(inserted.wait(waitMs));
    QVERIFY(!stack.model.isComplete());
    QCOMPARE(progress.size(), 1);
    QVERIFY(inserted.wait(waitMs));
    QCOMPARE(requestsAtInsert, (QList<quint64>{1, 2}));
    QVERIFY(!stack.model.isComplete());
    QVERIFY(!stack.proxy.isFiltering());
    QVERIFY(!stack.proxy.isPartial()); // showing what is loaded, in service order, is honest
    stack.proxy.sort(-1);
    QVERIFY(!stack.proxy.isPartial());
    QCOMPARE(stack.proxy.rowCount(), stack.model.rowCount());
    QCOMPARE(partial.size(), 0);
}

void TestGatewayFilterModel::textFilterLoadsTheRest()
{
    Stack stack(*m_sim);
    stack.model.setQuery(fixture::query(hangzhou));
    QSignalSpy partial(&stack.proxy, &GatewayFilterModel::partialChanged);
    QSignalSpy inserted(&stack.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy completed(&stack.model, &GatewayTableModel::completed);
    QSignalSpy progress(&stack.model, &GatewayTableModel::progress);
    Tester modelTester(&stack.model, Tester::FailureReportingMode::QtTest);
    Tester proxyTester(&stack.proxy, Tester::FailureReportingMode::QtTest);
    QVERIFY(inserted.wait(waitMs));
    QVERIFY(!stack.model.isComplete());
    QCOMPARE(progress.size(), 1);

    const QString needle = QStringLiteral("PROD");
    stack.proxy.setText(needle);
    QCOMPARE(progress.size(), 2); // loadAll() started, and said where it starts from
    QCOMPARE(stack.proxy.text(), needle);
    QVERIFY(stack.proxy.isFiltering());
    QVERIFY(stack.proxy.isPartial());
    QCOMPARE(boolsOf(partial), QList<bool>{true});
    QVERIFY(stack.model.isLoading());
    QVERIFY(!stack.model.canFetchMore({})); // loadAll() runs

    QTRY_COMPARE_WITH_TIMEOUT(boolsOf(partial), (QList<bool>{true, false}), waitMs);
    QVERIFY(stack.model.isComplete());
    QCOMPARE(completed.size(), 1);
    const QVector<BackupGateway> all = m_sim->gatewaysIn(hangzhou);
    const int expected =
        countIf(all, [&](const BackupGateway &g) { return containsText(g, needle); });
    QVERIFY(expected > 0 && expected < all.size());
    QCOMPARE(stack.proxy.rowCount(), expected);
    for (const BackupGateway &gateway : proxyRows(stack.proxy))
        QVERIFY(containsText(gateway, needle));

    // Narrowing and widening again works on the full set, with no further request.
    const quint64 requests = m_sim->requestCount();
    const QString narrower = all.at(all.size() - 1).identifier;
    stack.proxy.setText(narrower);
    QCOMPARE(stack.proxy.rowCount(),
             countIf(all, [&](const BackupGateway &g) { return containsText(g, narrower); }));
    stack.proxy.setText(QStringLiteral(" ") + needle.toLower() + QStringLiteral(" "));
    QCOMPARE(stack.proxy.rowCount(), expected);
    QCOMPARE(m_sim->requestCount(), requests);
    QCOMPARE(partial.size(), 2);
}

void TestGatewayFilterModel::statusFilter()
{
    Stack stack(*m_sim);
    stack.model.setQuery(fixture::query(shanghai));
    QSignalSpy partial(&stack.proxy, &GatewayFilterModel::partialChanged);
    QSignalSpy inserted(&stack.model, &QAbstractItemModel::rowsInserted);
    Tester modelTester(&stack.model, Tester::FailureReportingMode::QtTest);
    Tester proxyTester(&stack.proxy, Tester::FailureReportingMode::QtTest);
    QVERIFY(inserted.wait(waitMs));

    const QSet<QString> statuses = {QStringLiteral("OFFLINE"), QStringLiteral("STOPPED")};
    stack.proxy.setStatuses(statuses, false);
    QCOMPARE(stack.proxy.statuses(), statuses);
    QVERIFY(!stack.proxy.staleOnly());
    QVERIFY(stack.proxy.isPartial());
    QTRY_VERIFY_WITH_TIMEOUT(!stack.proxy.isPartial(), waitMs);

    const QVector<BackupGateway> all = m_sim->gatewaysIn(shanghai);
    const auto offlineOrStopped = [](const BackupGateway &g) {
        return g.status == u"OFFLINE" || g.status == u"STOPPED";
    };
    QCOMPARE(stack.proxy.rowCount(), countIf(all, offlineOrStopped));
    for (const BackupGateway &gateway : proxyRows(stack.proxy))
        QVERIFY(offlineOrStopped(gateway));

    // Spelled any way, and combined with text.
    stack.proxy.setStatuses({QStringLiteral("offline")}, false);
    QCOMPARE(stack.proxy.rowCount(),
             countIf(all, [](const BackupGateway &g) { return g.status == u"OFFLINE"; }));
    stack.proxy.setText(QStringLiteral("staging"));
    QCOMPARE(stack.proxy.rowCount(), countIf(all, [](const BackupGateway &g) {
                 return g.status == u"OFFLINE" && containsText(g, QStringLiteral("staging"));
             }));
    QCOMPARE(boolsOf(partial), (QList<bool>{true, false}));
}

void TestGatewayFilterModel::heartbeatAgeBucket()
{
    Stack stack(*m_sim);
    stack.model.setQuery(fixture::query(shanghai));
    QSignalSpy inserted(&stack.model, &QAbstractItemModel::rowsInserted);
    Tester proxyTester(&stack.proxy, Tester::FailureReportingMode::QtTest);
    QVERIFY(inserted.wait(waitMs));
    const QVector<BackupGateway> all = m_sim->gatewaysIn(shanghai);
    int total = 0;
    for (int i = 0; i < dbs::ageBucketCount; ++i) {
        const auto bucket = dbs::AgeBucket(i);
        stack.proxy.setHeartbeatAge(bucket);
        QCOMPARE(stack.proxy.heartbeatAge(), std::optional(bucket));
        QVERIFY(stack.proxy.isFiltering());
        QTRY_VERIFY_WITH_TIMEOUT(!stack.proxy.isPartial(), waitMs); // every page, as filters do
        const qint64 now = stack.model.nowMs();
        const int expected = countIf(all, [&](const BackupGateway &g) {
            return g.lastHeartbeatTime > 0 && dbs::ageBucket(now - g.lastHeartbeatTime) == bucket;
        });
        QCOMPARE(stack.proxy.rowCount(), expected);
        total += expected;
    }
    // The buckets split the gateways with a heartbeat between them, none twice.
    QCOMPARE(total, countIf(all, [](const BackupGateway &g) { return g.lastHeartbeatTime > 0; }));
    stack.proxy.setHeartbeatAge(std::nullopt);
    QVERIFY(!stack.proxy.isFiltering());
    QCOMPARE(stack.proxy.rowCount(), int(all.size()));
}

void TestGatewayFilterModel::staleOnlyFollowsTheClock()
{
    Stack stack(*m_sim);
    stack.model.setQuery(fixture::query(hangzhou));
    QSignalSpy partial(&stack.proxy, &GatewayFilterModel::partialChanged);
    Tester modelTester(&stack.model, Tester::FailureReportingMode::QtTest);
    Tester proxyTester(&stack.proxy, Tester::FailureReportingMode::QtTest);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    stack.model.setNowMs(now);

    stack.proxy.setStatuses({}, true);
    QVERIFY(stack.proxy.isFiltering());
    QTRY_COMPARE_WITH_TIMEOUT(boolsOf(partial), (QList<bool>{true, false}), waitMs);
    const QVector<BackupGateway> all = m_sim->gatewaysIn(hangzhou);
    const int staleNow = countIf(all, [&](const BackupGateway &g) { return staleAt(g, now); });
    QVERIFY(staleNow > 0);
    QCOMPARE(stack.proxy.rowCount(), staleNow);

    // An hour later more gateways have gone quiet: the proxy follows, with no request.
    const quint64 requests = m_sim->requestCount();
    const qint64 later = now + 60 * minute;
    const int staleLater = countIf(all, [&](const BackupGateway &g) { return staleAt(g, later); });
    QVERIFY(staleLater > staleNow);
    stack.model.setNowMs(later);
    QCOMPARE(stack.proxy.rowCount(), staleLater);
    for (const BackupGateway &gateway : proxyRows(stack.proxy))
        QVERIFY(staleAt(gateway, later));
    QCOMPARE(m_sim->requestCount(), requests);

    // A longer threshold, likewise.
    stack.model.setStaleThresholdMs(24 * 60 * minute);
    QCOMPARE(stack.proxy.rowCount(), 0);
    stack.model.setStaleThresholdMs(dbs::defaultStaleThresholdMs);
    QCOMPARE(stack.proxy.rowCount(), staleLater);

    // "Stale" adds to the ticked statuses rather than narrowing them.
    const int offline = countIf(all, [](const BackupGateway &g) { return g.status == u"OFFLINE"; });
    QVERIFY(offline > 0);
    stack.proxy.setStatuses({QStringLiteral("OFFLINE")}, true);
    QCOMPARE(stack.proxy.rowCount(), offline + staleLater);
    stack.proxy.setStatuses({QStringLiteral("ONLINE")}, true); // stale ones are Online anyway
    QCOMPARE(stack.proxy.rowCount(),
             countIf(all, [](const BackupGateway &g) { return g.status == u"ONLINE"; }));
}

void TestGatewayFilterModel::statusesAndStaleAddUp_data()
{
    QTest::addColumn<QStringList>("statuses");
    QTest::addColumn<bool>("stale");

    QTest::newRow("nothing ticked: all") << QStringList() << false;
    QTest::newRow("stale alone: only stale") << QStringList() << true;
    QTest::newRow("offline alone") << QStringList{"OFFLINE"} << false;
    QTest::newRow("offline + stale") << QStringList{"OFFLINE"} << true;
    QTest::newRow("online + stale") << QStringList{"ONLINE"} << true;
    QTest::newRow("offline, stopped + stale") << QStringList{"OFFLINE", "STOPPED"} << true;
    QTest::newRow("upgrading, lower case + stale") << QStringList{"upgrading"} << true;
    QTest::newRow("every status + stale")
        << QStringList{"ONLINE", "OFFLINE", "STOPPED", "UPGRADING"} << true;
}

void TestGatewayFilterModel::statusesAndStaleAddUp()
{
    QFETCH(QStringList, statuses);
    QFETCH(bool, stale);

    Stack stack(*m_sim);
    stack.model.setQuery(fixture::query(shanghai));
    Tester modelTester(&stack.model, Tester::FailureReportingMode::QtTest);
    Tester proxyTester(&stack.proxy, Tester::FailureReportingMode::QtTest);
    // Far enough ahead that a good share of the Online gateways is stale.
    const qint64 now = QDateTime::currentMSecsSinceEpoch() + 30 * minute;
    stack.model.setNowMs(now);
    stack.model.loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(stack.model.isComplete(), waitMs);

    const QSet<QString> set(statuses.cbegin(), statuses.cend());
    stack.proxy.setStatuses(set, stale);

    const QVector<BackupGateway> all = m_sim->gatewaysIn(shanghai);
    QSet<QString> upper;
    for (const QString &status : statuses)
        upper.insert(status.toUpper());
    const auto expected = [&](const BackupGateway &g) {
        if (upper.isEmpty() && !stale)
            return true;
        return upper.contains(g.status) || (stale && staleAt(g, now));
    };
    const int staleCount = countIf(all, [&](const BackupGateway &g) { return staleAt(g, now); });
    QVERIFY(staleCount > 0);
    QVERIFY(staleCount < all.size());
    QCOMPARE(stack.proxy.rowCount(), countIf(all, expected));
    QVERIFY(stack.proxy.rowCount() > 0);
    for (const BackupGateway &gateway : proxyRows(stack.proxy))
        QVERIFY2(expected(gateway), qPrintable(gateway.backupGatewayId));
    QCOMPARE(stack.proxy.isFiltering(), stale || !statuses.isEmpty());
}

void TestGatewayFilterModel::sortByHeartbeatLoadsTheRest()
{
    Stack stack(*m_sim);
    stack.model.setQuery(fixture::query(hangzhou));
    QSignalSpy partial(&stack.proxy, &GatewayFilterModel::partialChanged);
    QSignalSpy inserted(&stack.model, &QAbstractItemModel::rowsInserted);
    Tester modelTester(&stack.model, Tester::FailureReportingMode::QtTest);
    Tester proxyTester(&stack.proxy, Tester::FailureReportingMode::QtTest);
    QVERIFY(inserted.wait(waitMs));

    const int heartbeat = columnOf(GatewayField::LastHeartbeatTime);
    stack.proxy.sort(heartbeat, Qt::AscendingOrder);
    QVERIFY(!stack.proxy.isFiltering());
    QVERIFY(stack.proxy.isPartial()); // the oldest heartbeat may be on a page not loaded yet
    QTRY_COMPARE_WITH_TIMEOUT(boolsOf(partial), (QList<bool>{true, false}), waitMs);

    const QVector<BackupGateway> all = m_sim->gatewaysIn(hangzhou);
    QVector<BackupGateway> rows = proxyRows(stack.proxy);
    QCOMPARE(rows.size(), all.size());
    for (int i = 1; i < rows.size(); ++i)
        QVERIFY(rows.at(i - 1).lastHeartbeatTime <= rows.at(i).lastHeartbeatTime);
    const auto oldest =
        std::min_element(all.cbegin(), all.cend(), [](const auto &a, const auto &b) {
            return a.lastHeartbeatTime < b.lastHeartbeatTime;
        });
    QCOMPARE(rows.first().backupGatewayId, oldest->backupGatewayId);

    stack.proxy.sort(heartbeat, Qt::DescendingOrder);
    rows = proxyRows(stack.proxy);
    for (int i = 1; i < rows.size(); ++i)
        QVERIFY(rows.at(i - 1).lastHeartbeatTime >= rows.at(i).lastHeartbeatTime);

    // The ages tick; the times do not move, so neither do the rows.
    const QStringList before = fixture::ids(rows);
    stack.model.setNowMs(stack.model.nowMs() + 10 * minute);
    QCOMPARE(fixture::ids(proxyRows(stack.proxy)), before);
}

void TestGatewayFilterModel::sortByStatusRank()
{
    Stack stack(*m_sim);
    stack.model.setQuery(fixture::query(shanghai));
    Tester modelTester(&stack.model, Tester::FailureReportingMode::QtTest);
    Tester proxyTester(&stack.proxy, Tester::FailureReportingMode::QtTest);
    stack.proxy.sort(columnOf(GatewayField::BackupGatewayStatus));
    QTRY_VERIFY_WITH_TIMEOUT(!stack.proxy.isPartial(), waitMs);

    const QStringList order = {QStringLiteral("ONLINE"), QStringLiteral("UPGRADING"),
                               QStringLiteral("OFFLINE"), QStringLiteral("STOPPED")};
    const QVector<BackupGateway> rows = proxyRows(stack.proxy);
    QCOMPARE(rows.size(), m_sim->gatewaysIn(shanghai).size());
    for (int i = 1; i < rows.size(); ++i) {
        QVERIFY(order.indexOf(rows.at(i - 1).status) <= order.indexOf(rows.at(i).status));
        // Ties keep the service's order.
        if (rows.at(i - 1).status == rows.at(i).status)
            QVERIFY(rows.at(i - 1).backupGatewayId.toLongLong() <
                    rows.at(i).backupGatewayId.toLongLong());
    }
}

void TestGatewayFilterModel::sortIpsNaturally()
{
    Stack stack(*m_sim);
    stack.model.setQuery(fixture::query(shanghai));
    Tester modelTester(&stack.model, Tester::FailureReportingMode::QtTest);
    Tester proxyTester(&stack.proxy, Tester::FailureReportingMode::QtTest);
    stack.proxy.sort(columnOf(GatewayField::SourceEndpointIntranetIP));
    QTRY_VERIFY_WITH_TIMEOUT(!stack.proxy.isPartial(), waitMs);

    // Natural order compares the octets as numbers: 10.1.9.x before 10.1.10.x.
    const auto octets = [](const QString &ip) {
        QList<int> parts;
        for (const QString &part : ip.split(u'.'))
            parts.append(part.toInt());
        return parts;
    };
    const QVector<BackupGateway> rows = proxyRows(stack.proxy);
    QCOMPARE(rows.size(), m_sim->gatewaysIn(shanghai).size());
    for (int i = 1; i < rows.size(); ++i) {
        QVERIFY2(octets(rows.at(i - 1).intranetIp) <= octets(rows.at(i).intranetIp),
                 qPrintable(rows.at(i - 1).intranetIp + u' ' + rows.at(i).intranetIp));
    }
}

void TestGatewayFilterModel::newQueryWhileFiltering()
{
    Stack stack(*m_sim);
    stack.model.setQuery(fixture::query(hangzhou));
    QSignalSpy partial(&stack.proxy, &GatewayFilterModel::partialChanged);
    Tester modelTester(&stack.model, Tester::FailureReportingMode::QtTest);
    Tester proxyTester(&stack.proxy, Tester::FailureReportingMode::QtTest);
    const QString needle = QStringLiteral("mysql");
    stack.proxy.setText(needle);
    QTRY_COMPARE_WITH_TIMEOUT(boolsOf(partial), (QList<bool>{true, false}), waitMs);

    // Another region: the filter stays, so the new rows are needed in full as well.
    stack.model.setQuery(fixture::query(shanghai, 50));
    QVERIFY(stack.proxy.isPartial());
    QTRY_COMPARE_WITH_TIMEOUT(boolsOf(partial), (QList<bool>{true, false, true, false}), waitMs);
    QCOMPARE(stack.proxy.rowCount(), countIf(m_sim->gatewaysIn(shanghai), [&](const auto &g) {
                 return containsText(g, needle);
             }));
}

void TestGatewayFilterModel::clearingFilters()
{
    Stack stack(*m_sim);
    stack.model.setQuery(fixture::query(hangzhou));
    QSignalSpy partial(&stack.proxy, &GatewayFilterModel::partialChanged);
    Tester modelTester(&stack.model, Tester::FailureReportingMode::QtTest);
    Tester proxyTester(&stack.proxy, Tester::FailureReportingMode::QtTest);
    stack.proxy.setStatuses({QStringLiteral("ONLINE")}, false);
    stack.proxy.setText(QStringLiteral("db"));
    QTRY_COMPARE_WITH_TIMEOUT(boolsOf(partial), (QList<bool>{true, false}), waitMs);
    QVERIFY(stack.proxy.rowCount() < stack.model.rowCount());

    stack.proxy.setText(QString());
    stack.proxy.setStatuses({}, false);
    QVERIFY(!stack.proxy.isFiltering());
    QVERIFY(!stack.proxy.isPartial());
    QCOMPARE(stack.proxy.rowCount(), stack.model.rowCount());
    QCOMPARE(stack.proxy.rowCount(), m_sim->gatewaysIn(hangzhou).size());
}

void TestGatewayFilterModel::errorWhileFilteringThenRetry()
{
    dbs::SimulatorOptions options = fixture::options(600, 9, {hangzhou, shanghai});
    options.faults = {{dbs::Fault::Http500, 1.0}};
    const auto broken = fixture::startSimulator(options);

    Stack stack(*m_sim);
    stack.model.setQuery(fixture::query(hangzhou));
    QSignalSpy partial(&stack.proxy, &GatewayFilterModel::partialChanged);
    QSignalSpy inserted(&stack.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy errors(&stack.model, &GatewayTableModel::errorOccurred);
    Tester modelTester(&stack.model, Tester::FailureReportingMode::QtTest);
    Tester proxyTester(&stack.proxy, Tester::FailureReportingMode::QtTest);
    QVERIFY(inserted.wait(waitMs));

    // The service fails while the filter loads the rest: still partial, and it says so.
    fixture::pointAt(&stack.client, *broken);
    stack.proxy.setText(QStringLiteral("prod"));
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, waitMs);
    QVERIFY(stack.proxy.isPartial());
    QVERIFY(!stack.model.isLoading());

    // Retry as the window would: the rows it brings resume the full load.
    fixture::pointAt(&stack.client, *m_sim);
    stack.model.fetchMore({});
    QTRY_VERIFY_WITH_TIMEOUT(!stack.proxy.isPartial(), waitMs);
    QCOMPARE(boolsOf(partial), (QList<bool>{true, false}));
    QCOMPARE(stack.proxy.rowCount(), countIf(m_sim->gatewaysIn(hangzhou), [](const auto &g) {
                 return containsText(g, QStringLiteral("prod"));
             }));
}

void TestGatewayFilterModel::cancelWhileFilteringStaysCancelled()
{
    Stack stack(*m_sim);
    stack.model.setQuery(fixture::query(shanghai));
    QSignalSpy inserted(&stack.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy progress(&stack.model, &GatewayTableModel::progress);
    QSignalSpy completed(&stack.model, &GatewayTableModel::completed);
    Tester modelTester(&stack.model, Tester::FailureReportingMode::QtTest);
    Tester proxyTester(&stack.proxy, Tester::FailureReportingMode::QtTest);
    QVERIFY(inserted.wait(waitMs));
    stack.proxy.setStatuses({QStringLiteral("ONLINE")}, false);
    QVERIFY(inserted.wait(waitMs));

    // Stop (the window's Stop button): the proxy keeps saying it is partial, truthfully.
    stack.model.cancelLoadAll();
    QVERIFY(!stack.model.isLoading());
    QVERIFY(stack.proxy.isPartial());
    const int pagesAtCancel = stack.model.rowCount() / 30;
    progress.clear();

    // Scrolling on brings pages one at a time (here the testers ask, page after page), but no
    // new full load: that would report its start as one more progress() than pages came.
    stack.model.fetchMore({});
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, waitMs);
    const int pages = m_sim->gatewaysIn(shanghai).size() / 30 + 1;
    QCOMPARE(progress.size(), pages - pagesAtCancel);
    QVERIFY(!stack.proxy.isPartial());
}

QTEST_GUILESS_MAIN(TestGatewayFilterModel)
#include "tst_gatewayfiltermodel.moc"
