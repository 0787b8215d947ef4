#include "cannedserver.h"
#include "gatewaychecks.h"
#include "pagingcases.h"
#include "simfixture.h"
#include <export/timewords.h>
#include <fleet/staleness.h>
#include <models/gatewaytablemodel.h>

#include <api/endpoints.h>
#include <api/epochtime.h>
#include <api/gatewayfields.h>
#include <fleet/merge.h>
#include <fleet/regionsweep.h>

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QPersistentModelIndex>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using dbs::ApiError;
using dbs::BackupGateway;
using dbs::DbsClient;
using dbs::GatewayField;
using dbs::GatewayTableModel;
using Tester = QAbstractItemModelTester;

namespace {
const QString hangzhou = QStringLiteral("cn-hangzhou");
const QString shanghai = QStringLiteral("cn-shanghai");
constexpr int waitMs = 30000;
constexpr qint64 minute = 60 * 1000;

QVector<BackupGateway> rowsOf(const GatewayTableModel &model)
{
    QVector<BackupGateway> rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows.append(model.gatewayAt(row));
    return rows;
}

using fixture::columnOf;
// Requests a complete lazy load makes: every page, plus one more when the last is full,
// because the service's TotalElements may be low.
quint64 requestsFor(int rows, int pageSize)
{
    return quint64(rows / pageSize + 1);
}

// Insertions must follow one another at the end, in order; returns how many rows they added.
int checkAppendsInOrder(const QSignalSpy &inserted)
{
    int next = 0;
    for (const QList<QVariant> &args : inserted) {
        if (args.at(1).toInt() != next)
            return -1;
        next = args.at(2).toInt() + 1;
    }
    return next;
}
} // namespace

class TestGatewayTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noQueryNoRequest();
    void headers();
    void lazyPaging();
    void everyGatewayOnce_data();
    void everyGatewayOnce();
    void allRegionsEveryGatewayOnce_data();
    void allRegionsEveryGatewayOnce();
    void regionSwitchDiscardsOldAnswers();
    void deduplicatesShiftedRows();
    void refreshKeepsRowIdentity();
    void errorThenRetry();
    void errorMidwayKeepsRows();
    void missingCredentialIsAnError();
    void loadAllProgressAndCompleteness();
    void loadAllRunsPagesConcurrently();
    void cancelLoadAll();
    void displayAndRoles();
    void nowMsUpdatesAgesOnly();
    void staleThreshold();
    void allRegionsMerged();
    void preloadThenReload_data();
    void preloadThenReload();
    void changedRowsHighlightForAWhile();
    void refreshDuringARefreshKeepsEveryPage();
    void loadAllDuringARefreshOfACompleteList();
    void cancelAfterAFailureIsRemembered();
    void namesAreShownNotObeyed();

private:
    std::unique_ptr<dbs::Simulator> m_sim; // 400 gateways over two regions
};

void TestGatewayTableModel::initTestCase()
{
    m_sim = fixture::startSimulator(fixture::options(400, 5, {hangzhou, shanghai}));
    // Both regions span several pages of 30, and neither is a whole number of pages (so that
    // request counts below are what they say).
    QVERIFY(m_sim->gatewaysIn(hangzhou).size() > 90);
    QVERIFY(m_sim->gatewaysIn(shanghai).size() > 90);
}

void TestGatewayTableModel::noQueryNoRequest()
{
    DbsClient client;
    fixture::pointAt(&client, *m_sim);
    GatewayTableModel model(&client);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(!model.isLoading());
    QVERIFY(model.isComplete()); // nothing to load
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(dbs::tableGatewayFields().size()));
    model.loadAll();
    model.refresh();
    QVERIFY(!model.isLoading());
}

void TestGatewayTableModel::headers()
{
    DbsClient client;
    GatewayTableModel model(&client);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QSet<QString> titles;
    for (int column = 0; column < model.columnCount(); ++column) {
        const GatewayField field = dbs::tableGatewayFields().at(column);
        const QString title = model.headerData(column, Qt::Horizontal).toString();
        QVERIFY(!title.isEmpty());
        titles.insert(title);
        QCOMPARE(model.headerData(column, Qt::Horizontal, Qt::UserRole).toString(),
                 QString(dbs::apiFieldName(field)));
    }
    QCOMPARE(titles.size(), model.columnCount());
    QCOMPARE(model.headerData(columnOf(GatewayField::LastHeartbeatTime), Qt::Horizontal).toString(),
             QStringLiteral("Last heartbeat"));
}

void TestGatewayTableModel::lazyPaging()
{
    DbsClient client;
    fixture::pointAt(&client, *m_sim);
    GatewayTableModel model(&client);
    model.setQuery(fixture::query(hangzhou));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy completed(&model, &GatewayTableModel::completed);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy errors(&model, &GatewayTableModel::errorOccurred);
    const quint64 requestsBefore = m_sim->requestCount();

    // The tester's constructor asks for page 1; while it is out, nothing more can be asked.
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QVERIFY(model.isLoading());
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({}); // ignored: a page is in flight
    QCOMPARE(model.rowCount(), 0);

    // The first page arrives; the tester, like a view at the end, asks for the next one from
    // inside rowsInserted, and so on to the end.
    QVERIFY(inserted.wait(waitMs));
    QCOMPARE(model.rowCount(), 30);
    QVERIFY(!model.canFetchMore(model.index(0, 0))); // a valid parent never fetches
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, waitMs);

    const QVector<BackupGateway> expected = m_sim->gatewaysIn(hangzhou);
    QCOMPARE(fixture::ids(rowsOf(model)), fixture::ids(expected));
    QCOMPARE(rowsOf(model), expected);
    // One page per insertion: 30 rows each, the last one short.
    QCOMPARE(checkAppendsInOrder(inserted), int(expected.size()));
    for (int i = 0; i < inserted.size(); ++i) {
        const int count = inserted.at(i).at(2).toInt() - inserted.at(i).at(1).toInt() + 1;
        QCOMPARE(count, std::min<int>(30, int(expected.size()) - 30 * i));
    }
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(model.isComplete());
    QVERIFY(!model.isLoading());
    QCOMPARE(model.totalElements(), int(expected.size()));
    QCOMPARE(m_sim->requestCount() - requestsBefore, requestsFor(int(expected.size()), 30));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(errors.size(), 0);
}

void TestGatewayTableModel::everyGatewayOnce_data()
{
    // Paged by the view (the rows addPagingRows() names), and the same through loadAll().
    fixture::addPagingRows();
    for (int base : fixture::pageBases) {
        for (int gateways : fixture::pagingInventorySizes) {
            for (int pageSize : fixture::pagingPageSizes)
                QTest::addRow("loadAll, base %d, %d gateways, %d a page", base, gateways, pageSize)
                    << base << gateways << pageSize;
        }
    }
}

void TestGatewayTableModel::everyGatewayOnce()
{
    QFETCH(int, pageBase);
    QFETCH(int, gateways);
    QFETCH(int, pageSize);
    const bool lazy = !QByteArray(QTest::currentDataTag()).startsWith("loadAll");
    dbs::SimulatorOptions options = fixture::options(gateways, 9, {hangzhou});
    options.pageBase = pageBase;
    const auto simulator = fixture::startSimulator(options);
    DbsClient client;
    fixture::pointAt(&client, *simulator);
    GatewayTableModel model(&client);
    model.setQuery(fixture::query(hangzhou, pageSize));
    QSignalSpy completed(&model, &GatewayTableModel::completed);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    // The tester asks for a page whenever rows come in, as a view scrolled to the end would.
    std::unique_ptr<Tester> tester;
    if (lazy)
        tester = std::make_unique<Tester>(&model, Tester::FailureReportingMode::QtTest);
    else
        model.loadAll();
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, waitMs);
    QCOMPARE(fixture::ids(rowsOf(model)), fixture::ids(simulator->gatewaysIn(hangzhou)));
    QCOMPARE(model.rowCount(), gateways);
    QCOMPARE(model.totalElements(), gateways);
    QCOMPARE(checkAppendsInOrder(inserted), gateways);
    QVERIFY(model.isComplete());
    QVERIFY(!model.canFetchMore({}));
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(int(simulator->requestCount()),
             fixture::expectedRequests(pageBase, gateways, pageSize));

    // A refresh lists the same pages again: nothing moves, nothing is asked twice over.
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    inserted.clear();
    model.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), waitMs);
    QCOMPARE(model.rowCount(), gateways);
    QCOMPARE(removed.size() + inserted.size() + changed.size(), 0);
    QVERIFY(model.isComplete());
    QCOMPARE(int(simulator->requestCount()),
             2 * fixture::expectedRequests(pageBase, gateways, pageSize));
}

void TestGatewayTableModel::allRegionsEveryGatewayOnce_data()
{
    fixture::addPagingRows();
}

void TestGatewayTableModel::allRegionsEveryGatewayOnce()
{
    QFETCH(int, pageBase);
    QFETCH(int, gateways);
    QFETCH(int, pageSize);
    dbs::SimulatorOptions options =
        fixture::options(gateways, 13, {hangzhou, shanghai, QStringLiteral("eu-central-1")});
    options.pageBase = pageBase;
    const auto simulator = fixture::startSimulator(options);
    DbsClient client;
    fixture::pointAt(&client, *simulator);
    GatewayTableModel model(&client);
    QSignalSpy completed(&model, &GatewayTableModel::completed);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setQuery(fixture::query(dbs::endpoints::allRegions(), pageSize));
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, waitMs);
    QHash<QString, QVector<BackupGateway>> byRegion;
    for (const QString &region : dbs::endpoints::regionIds())
        byRegion.insert(region, simulator->gatewaysIn(region));
    QCOMPARE(fixture::ids(rowsOf(model)),
             fixture::ids(dbs::mergeRegions(dbs::endpoints::regionIds(), byRegion)));
    QCOMPARE(model.rowCount(), gateways);
    QCOMPARE(model.totalElements(), gateways);
}

void TestGatewayTableModel::regionSwitchDiscardsOldAnswers()
{
    dbs::SimulatorOptions options = fixture::options(400, 5, {hangzhou, shanghai});
    options.latencyMs = 100;
    const auto slow = fixture::startSimulator(options);

    DbsClient client;
    fixture::pointAt(&client, *slow);
    GatewayTableModel model(&client);
    model.setQuery(fixture::query(hangzhou));
    QStringList insertedRegions;
    connect(&model, &QAbstractItemModel::rowsInserted, this,
            [&](const QModelIndex &, int first, int last) {
                for (int row = first; row <= last; ++row)
                    insertedRegions.append(model.gatewayAt(row).region);
            });
    QSignalSpy completed(&model, &GatewayTableModel::completed);
    QSignalSpy errors(&model, &GatewayTableModel::errorOccurred);
    QSignalSpy queryReset(&model, &GatewayTableModel::queryReset);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);

    // Page 1 of Hangzhou is at the server, its answer 100 ms away: switch region now.
    QTRY_VERIFY_WITH_TIMEOUT(slow->requestCount() >= 1, waitMs);
    model.setQuery(fixture::query(shanghai));
    QCOMPARE(queryReset.size(), 1);
    QCOMPARE(model.query().region, shanghai);
    QCOMPARE(model.rowCount(), 0);

    // Shanghai takes several sequential 100 ms pages, so the Hangzhou answer, had it been
    // applied, would be in the table by then.
    const QVector<BackupGateway> expected = slow->gatewaysIn(shanghai);
    QVERIFY(expected.size() > 60);
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, waitMs);
    QCOMPARE(rowsOf(model), expected);
    QCOMPARE(insertedRegions, QStringList(expected.size(), shanghai));
    QCOMPARE(errors.size(), 0); // a dropped call says nothing
}

void TestGatewayTableModel::deduplicatesShiftedRows()
{
    // Page 0 comes from `a`, the rest from `b`: `b` has every gateway in Hangzhou, so its
    // pages repeat ids `a` already showed, as a listing that grew between two pages would.
    // Each gateway stays once, as first listed; and since the listing grew by more than the
    // page TotalElements allows for, it fails clearly, and Retry lists anew.
    const auto a = fixture::startSimulator(fixture::options(200, 11, {hangzhou, shanghai}));
    const auto b = fixture::startSimulator(fixture::options(200, 11, {hangzhou}));
    const QVector<BackupGateway> aRows = a->gatewaysIn(hangzhou);
    const QVector<BackupGateway> bRows = b->gatewaysIn(hangzhou);
    QVERIFY(aRows.size() > 30);

    DbsClient client;
    fixture::pointAt(&client, *a);
    GatewayTableModel model(&client);
    model.setQuery(fixture::query(hangzhou));
    // Connected before the tester, so it runs before the tester's own fetchMore is sent.
    connect(&model, &QAbstractItemModel::rowsInserted, this, [&] {
        if (model.rowCount() == 30)
            fixture::pointAt(&client, *b);
    });
    QSignalSpy completed(&model, &GatewayTableModel::completed);
    QSignalSpy errors(&model, &GatewayTableModel::errorOccurred);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, waitMs);
    QCOMPARE(errors.at(0).at(0).value<ApiError>().code, QStringLiteral("InconsistentPaging"));
    QCOMPARE(completed.size(), 0);
    QVERIFY(!model.isComplete());

    // What the table holds: a's first page, then b's new ids in b's order, each id once.
    QVector<BackupGateway> expected = aRows.mid(0, 30);
    const QStringList firstIds = fixture::ids(expected);
    QSet<QString> seen(firstIds.cbegin(), firstIds.cend());
    int repeated = 0;
    for (const BackupGateway &gateway : bRows.mid(30, model.rowCount())) {
        if (seen.contains(gateway.backupGatewayId)) {
            ++repeated;
            continue;
        }
        seen.insert(gateway.backupGatewayId);
        expected.append(gateway);
    }
    QVERIFY(repeated > 0);
    expected.resize(model.rowCount());
    QCOMPARE(rowsOf(model), expected);
    QCOMPARE(checkAppendsInOrder(inserted), model.rowCount());

    // Retry, as the window's banner does: a new listing, whose first page tells the truth.
    model.loadAll();
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, waitMs);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(rowsOf(model), bRows);
    QCOMPARE(model.totalElements(), int(bRows.size()));
}

void TestGatewayTableModel::refreshKeepsRowIdentity()
{
    const auto a = fixture::startSimulator(fixture::options(200, 11, {hangzhou, shanghai}));
    const auto b = fixture::startSimulator(fixture::options(200, 11, {hangzhou}));
    const QVector<BackupGateway> aRows = a->gatewaysIn(hangzhou);
    const QVector<BackupGateway> bRows = b->gatewaysIn(hangzhou);

    DbsClient client;
    fixture::pointAt(&client, *a);
    GatewayTableModel model(&client);
    model.setQuery(fixture::query(hangzhou));
    QSignalSpy completed(&model, &GatewayTableModel::completed);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy errors(&model, &GatewayTableModel::errorOccurred);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, waitMs);
    QCOMPARE(rowsOf(model), aRows);

    // 1. Nothing changed at the service: no signal at all, the row stays where it is.
    const QPersistentModelIndex kept(model.index(20, 2));
    const QString keptId = aRows.at(20).backupGatewayId;
    inserted.clear();
    const quint64 requestsBefore = a->requestCount();
    model.refresh();
    QVERIFY(model.isLoading());
    QVERIFY(!model.canFetchMore({}));
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), waitMs);
    QCOMPARE(a->requestCount() - requestsBefore, requestsFor(int(aRows.size()), 30));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(kept.row(), 20);
    QVERIFY(model.isComplete());

    // 2. The service now lists every gateway (b): rows in between appear, rows past the pages
    // loaded so far go, the ones in both keep their identity but get b's data.
    fixture::pointAt(&client, *b);
    const int pagesLoaded = int(requestsFor(int(aRows.size()), 30));
    const QVector<BackupGateway> expected = bRows.mid(0, pagesLoaded * 30);
    const int keptRowAfter = int(fixture::ids(expected).indexOf(keptId));
    QVERIFY(keptRowAfter > 20); // it moves down: new rows come in above it
    model.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), waitMs);
    QCOMPARE(errors.size(), 0);
    QCOMPARE(reset.size(), 0);
    QVERIFY(!removed.isEmpty());
    QVERIFY(!inserted.isEmpty());
    QVERIFY(!changed.isEmpty());
    QCOMPARE(rowsOf(model), expected);
    QVERIFY(kept.isValid());
    QCOMPARE(kept.row(), keptRowAfter);
    QCOMPARE(kept.column(), 2);
    QCOMPARE(kept.data(GatewayTableModel::IdRole).toString(), keptId);
    QCOMPARE(model.rowOfId(keptId), keptRowAfter);
    // The last page refreshed was full: there is more to load again, and it loads on.
    QVERIFY(!model.isComplete());
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 2, waitMs);
    QCOMPARE(rowsOf(model), bRows);
    QVERIFY(kept.isValid());
    QCOMPARE(kept.data(GatewayTableModel::IdRole).toString(), keptId);
}

void TestGatewayTableModel::errorThenRetry()
{
    dbs::SimulatorOptions options = fixture::options(400, 5, {hangzhou, shanghai});
    options.faults = {{dbs::Fault::Http500, 1.0}};
    const auto broken = fixture::startSimulator(options);

    DbsClient client;
    fixture::pointAt(&client, *broken);
    GatewayTableModel model(&client);
    model.setQuery(fixture::query(hangzhou));
    QSignalSpy errors(&model, &GatewayTableModel::errorOccurred);
    QSignalSpy loading(&model, &GatewayTableModel::loadingChanged);
    QSignalSpy completed(&model, &GatewayTableModel::completed);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, waitMs);

    const auto error = errors.at(0).at(0).value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::Service);
    QCOMPARE(error.code, QStringLiteral("InternalError"));
    QCOMPARE(error.httpStatus, 500);
    QVERIFY(!error.requestId.isEmpty());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.isLoading());
    QCOMPARE(loading.size(), 2);
    QCOMPARE(loading.at(1).at(0).toBool(), false);
    QVERIFY(!model.isComplete());
    // The view must not retry on its own; the window's Retry calls fetchMore() explicitly.
    QVERIFY(!model.canFetchMore({}));

    // Retry, with the service healthy again.
    fixture::pointAt(&client, *m_sim);
    model.fetchMore({});
    QVERIFY(model.isLoading());
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, waitMs);
    QCOMPARE(rowsOf(model), m_sim->gatewaysIn(hangzhou));
    QCOMPARE(errors.size(), 1);
}

void TestGatewayTableModel::errorMidwayKeepsRows()
{
    dbs::SimulatorOptions options = fixture::options(400, 5, {hangzhou, shanghai});
    options.faults = {{dbs::Fault::Http503, 1.0}};
    const auto broken = fixture::startSimulator(options);

    DbsClient client;
    fixture::pointAt(&client, *m_sim);
    GatewayTableModel model(&client);
    model.setQuery(fixture::query(shanghai));
    // The service breaks down after the second page.
    connect(&model, &QAbstractItemModel::rowsInserted, this, [&] {
        if (model.rowCount() == 60)
            fixture::pointAt(&client, *broken);
    });
    QSignalSpy errors(&model, &GatewayTableModel::errorOccurred);
    QSignalSpy completed(&model, &GatewayTableModel::completed);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, waitMs);
    QCOMPARE(errors.at(0).at(0).value<ApiError>().code, QStringLiteral("ServiceUnavailable"));

    const QVector<BackupGateway> expected = m_sim->gatewaysIn(shanghai);
    QCOMPARE(rowsOf(model), expected.mid(0, 60));
    QVERIFY(!model.canFetchMore({})); // until an explicit retry
    QVERIFY(!model.isLoading());

    // Retry through loadAll this time: it carries on from page 3.
    fixture::pointAt(&client, *m_sim);
    model.loadAll();
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, waitMs);
    QCOMPARE(rowsOf(model), expected);
    QCOMPARE(checkAppendsInOrder(inserted), int(expected.size()));
}

void TestGatewayTableModel::missingCredentialIsAnError()
{
    DbsClient client; // no credential set
    GatewayTableModel model(&client);
    model.setQuery(fixture::query(hangzhou));
    QSignalSpy errors(&model, &GatewayTableModel::errorOccurred);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, waitMs);
    const auto error = errors.at(0).at(0).value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::Config);
    QVERIFY(!error.message.isEmpty());
    QVERIFY(!model.canFetchMore({})); // no retry behind the user's back
}

void TestGatewayTableModel::loadAllProgressAndCompleteness()
{
    const auto big = fixture::startSimulator(fixture::options(3000, 3, {hangzhou, shanghai}));
    const QVector<BackupGateway> expected = big->gatewaysIn(hangzhou);
    QVERIFY(expected.size() > 500);

    DbsClient client;
    fixture::pointAt(&client, *big);
    GatewayTableModel model(&client);
    model.setQuery(fixture::query(hangzhou, 50));
    QSignalSpy progress(&model, &GatewayTableModel::progress);
    QSignalSpy completed(&model, &GatewayTableModel::completed);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy loading(&model, &GatewayTableModel::loadingChanged);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.loadAll(); // takes the page the tester asked for as its first
    QVERIFY(!model.canFetchMore({}));
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, waitMs);

    QCOMPARE(rowsOf(model), expected);
    QCOMPARE(checkAppendsInOrder(inserted), int(expected.size()));
    QCOMPARE(big->requestCount(), requestsFor(int(expected.size()), 50));
    QVERIFY(progress.size() >= 2);
    int lastLoaded = -1;
    for (const QList<QVariant> &args : std::as_const(progress)) {
        const int loaded = args.at(0).toInt();
        const int total = args.at(1).toInt();
        QVERIFY(loaded >= lastLoaded);
        QVERIFY(total >= loaded);
        QCOMPARE(total, int(expected.size())); // the simulator's count is right
        lastLoaded = loaded;
    }
    QCOMPARE(progress.last().at(0).toInt(), int(expected.size()));
    QVERIFY(!model.isLoading());
    QCOMPARE(loading.last().at(0).toBool(), false);
    QVERIFY(model.isComplete());
    QVERIFY(!model.canFetchMore({}));
    model.loadAll(); // nothing left: no request
    QVERIFY(!model.isLoading());
}

void TestGatewayTableModel::loadAllRunsPagesConcurrently()
{
    dbs::SimulatorOptions options = fixture::options(400, 5, {hangzhou, shanghai});
    options.latencyMs = 150;
    const auto slow = fixture::startSimulator(options);

    DbsClient client;
    fixture::pointAt(&client, *slow);
    GatewayTableModel model(&client);
    model.setQuery(fixture::query(shanghai));
    QList<quint64> requestsAtInsert;
    connect(&model, &QAbstractItemModel::rowsInserted, this,
            [&] { requestsAtInsert.append(slow->requestCount()); });
    QSignalSpy completed(&model, &GatewayTableModel::completed);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.loadAll();
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, waitMs);
    QCOMPARE(rowsOf(model), slow->gatewaysIn(shanghai));
    // Page 1 gives the count; pages 2-5 then go out together, so by the time page 2 is in, the
    // server has seen five requests. One page at a time it would have seen two.
    QVERIFY(requestsAtInsert.size() >= 2);
    QVERIFY2(requestsAtInsert.at(1) >= 5, qPrintable(QString::number(requestsAtInsert.at(1))));
}

void TestGatewayTableModel::cancelLoadAll()
{
    dbs::SimulatorOptions options = fixture::options(400, 5, {hangzhou, shanghai});
    options.latencyMs = 50;
    const auto slow = fixture::startSimulator(options);

    DbsClient client;
    fixture::pointAt(&client, *slow);
    GatewayTableModel model(&client);
    model.setQuery(fixture::query(shanghai));
    QSignalSpy completed(&model, &GatewayTableModel::completed);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy errors(&model, &GatewayTableModel::errorOccurred);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.loadAll();
    QVERIFY(inserted.wait(waitMs)); // page 1 in, pages 2-5 out
    model.cancelLoadAll();
    QVERIFY(!model.isLoading());
    QVERIFY(model.canFetchMore({}));
    const int rowsAtCancel = model.rowCount();
    QVERIFY(rowsAtCancel < slow->gatewaysIn(shanghai).size());

    // The cancelled pages never land; paging goes on from where the table is.
    model.fetchMore({});
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, waitMs);
    QCOMPARE(rowsOf(model), slow->gatewaysIn(shanghai));
    QCOMPARE(checkAppendsInOrder(inserted), model.rowCount());
    QCOMPARE(errors.size(), 0);
}

void TestGatewayTableModel::displayAndRoles()
{
    DbsClient client;
    fixture::pointAt(&client, *m_sim);
    GatewayTableModel model(&client);
    model.setQuery(fixture::query(shanghai));
    QSignalSpy completed(&model, &GatewayTableModel::completed);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, waitMs);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    model.setNowMs(now);
    QCOMPARE(model.nowMs(), now);

    const QRegularExpression localFormat(QStringLiteral(R"(^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$)"));
    const QStringList statusTexts = {QStringLiteral("Online"), QStringLiteral("Offline"),
                                     QStringLiteral("Stopped"), QStringLiteral("Upgrading")};
    int emptyIps = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const BackupGateway gateway = model.gatewayAt(row);
        QCOMPARE(model.rowOfId(gateway.backupGatewayId), row);
        for (int column = 0; column < model.columnCount(); ++column) {
            const GatewayField field = dbs::tableGatewayFields().at(column);
            const QModelIndex index = model.index(row, column);
            const QString display = index.data(Qt::DisplayRole).toString();
            const QVariant sort = index.data(GatewayTableModel::SortRole);
            QVERIFY(!index.data(Qt::DecorationRole).isValid());
            QVERIFY(!index.data(Qt::AccessibleTextRole).toString().isEmpty());
            QCOMPARE(index.data(GatewayTableModel::GatewayRole).value<BackupGateway>(), gateway);
            QCOMPARE(index.data(GatewayTableModel::IdRole).toString(), gateway.backupGatewayId);
            QCOMPARE(index.data(GatewayTableModel::StatusRole).toString(), gateway.status);
            QCOMPARE(index.data(GatewayTableModel::StaleRole).toBool(),
                     dbs::isStale(gateway, now, model.staleThresholdMs()));
            switch (field) {
            case GatewayField::SourceEndpointInternetIP:
            case GatewayField::SourceEndpointIntranetIP: {
                const QString ip = dbs::fieldText(gateway, field);
                QCOMPARE(display, ip.isEmpty() ? QStringLiteral("\u2014") : ip);
                emptyIps += ip.isEmpty();
                QCOMPARE(sort.metaType().id(), QMetaType::QString);
                break;
            }
            case GatewayField::BackupGatewayCreateTime:
            case GatewayField::LastHeartbeatTime: {
                const qint64 ms = dbs::fieldValue(gateway, field).toLongLong();
                if (field == GatewayField::LastHeartbeatTime) {
                    QCOMPARE(display, dbs::timewords::age(now - ms));
                } else {
                    QVERIFY2(localFormat.match(display).hasMatch(), qPrintable(display));
                    QCOMPARE(display, QDateTime::fromMSecsSinceEpoch(ms).toString(
                                          QStringLiteral("yyyy-MM-dd HH:mm:ss")));
                }
                const QString tip = index.data(Qt::ToolTipRole).toString();
                QVERIFY2(tip.contains(dbs::utcFromEpochMs(ms).toString(Qt::ISODate)),
                         qPrintable(tip));
                QVERIFY(tip.contains(QDateTime::fromMSecsSinceEpoch(ms).toString(
                    QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
                QCOMPARE(sort.metaType().id(), QMetaType::LongLong);
                QCOMPARE(sort.toLongLong(), ms);
                break;
            }
            case GatewayField::BackupGatewayStatus:
                QVERIFY2(statusTexts.contains(display), qPrintable(display));
                QCOMPARE(sort.metaType().id(), QMetaType::Int);
                break;
            case GatewayField::Account:
                // One account: nobody's name to show.
                QCOMPARE(display, QStringLiteral("\u2014"));
                QCOMPARE(sort.toString(), QString());
                break;
            default:
                QCOMPARE(display, dbs::fieldText(gateway, field));
                QCOMPARE(sort.toString(), dbs::fieldText(gateway, field));
                break;
            }
        }
    }
    QVERIFY(emptyIps > 0); // the inventory has gateways without a public IP
    QCOMPARE(model.rowOfId(QStringLiteral("no-such-gateway")), -1);
    QCOMPARE(model.gatewayAt(-1), BackupGateway());
    QCOMPARE(model.gatewayAt(model.rowCount()), BackupGateway());
    QVERIFY(!model.data(QModelIndex()).isValid());
}

void TestGatewayTableModel::nowMsUpdatesAgesOnly()
{
    DbsClient client;
    fixture::pointAt(&client, *m_sim);
    GatewayTableModel model(&client);
    model.setQuery(fixture::query(hangzhou));
    QSignalSpy completed(&model, &GatewayTableModel::completed);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, waitMs);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    model.setNowMs(now);
    changed.clear();
    const quint64 requestsBefore = m_sim->requestCount();
    const int rows = model.rowCount();
    const int heartbeat = columnOf(GatewayField::LastHeartbeatTime);

    // Ten minutes on: every ONLINE gateway's heartbeat is past the five-minute threshold.
    const qint64 later = now + 10 * minute;
    QSet<int> flipped;
    for (int row = 0; row < rows; ++row) {
        const BackupGateway gateway = model.gatewayAt(row);
        if (dbs::isStale(gateway, now, model.staleThresholdMs()) !=
            dbs::isStale(gateway, later, model.staleThresholdMs()))
            flipped.insert(row);
    }
    QVERIFY(!flipped.isEmpty());
    model.setNowMs(later);

    int ageSignals = 0;
    QSet<int> staleSignalled;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const auto topLeft = args.at(0).toModelIndex();
        const auto bottomRight = args.at(1).toModelIndex();
        const auto roles = args.at(2).value<QList<int>>();
        if (roles.contains(Qt::DisplayRole)) {
            // The ages: the heartbeat column only, every row.
            ++ageSignals;
            QCOMPARE(topLeft.column(), heartbeat);
            QCOMPARE(bottomRight.column(), heartbeat);
            QCOMPARE(topLeft.row(), 0);
            QCOMPARE(bottomRight.row(), rows - 1);
        } else {
            QVERIFY(roles.contains(GatewayTableModel::StaleRole));
            for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                staleSignalled.insert(row);
        }
    }
    QCOMPARE(ageSignals, 1);
    QCOMPARE(staleSignalled, flipped);
    for (int row = 0; row < rows; ++row) {
        const BackupGateway gateway = model.gatewayAt(row);
        QCOMPARE(model.index(row, heartbeat).data().toString(),
                 dbs::timewords::age(later - gateway.lastHeartbeatTime));
        QCOMPARE(model.index(row, 0).data(GatewayTableModel::StaleRole).toBool(),
                 dbs::isStale(gateway, later, model.staleThresholdMs()));
    }
    QCOMPARE(m_sim->requestCount(), requestsBefore); // no refetch
    QVERIFY(!model.isLoading());
}

void TestGatewayTableModel::staleThreshold()
{
    DbsClient client;
    fixture::pointAt(&client, *m_sim);
    GatewayTableModel model(&client);
    model.setQuery(fixture::query(hangzhou));
    QSignalSpy completed(&model, &GatewayTableModel::completed);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, waitMs);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    model.setNowMs(now);
    QCOMPARE(model.staleThresholdMs(), dbs::defaultStaleThresholdMs);
    int staleBefore = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        staleBefore += model.index(row, 0).data(GatewayTableModel::StaleRole).toBool();
    QVERIFY(staleBefore > 0); // the inventory has quietly stale gateways

    changed.clear();
    model.setStaleThresholdMs(24 * 60 * minute);
    QVERIFY(!changed.isEmpty());
    for (const QList<QVariant> &args : std::as_const(changed))
        QVERIFY(args.at(2).value<QList<int>>().contains(GatewayTableModel::StaleRole));
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(!model.index(row, 0).data(GatewayTableModel::StaleRole).toBool());
    changed.clear();
    model.setStaleThresholdMs(24 * 60 * minute);
    QCOMPARE(changed.size(), 0);
}

void TestGatewayTableModel::allRegionsMerged()
{
    const QString beijing = QStringLiteral("cn-beijing");
    dbs::SimulatorOptions options = fixture::options(400, 21, {hangzhou, shanghai, beijing});
    options.deniedRegions = {beijing};
    const auto simulator = fixture::startSimulator(options);
    DbsClient client;
    fixture::pointAt(&client, *simulator);
    GatewayTableModel model(&client);
    QSignalSpy completed(&model, &GatewayTableModel::completed);
    QSignalSpy regions(&model, &GatewayTableModel::regionsChanged);
    QSignalSpy errors(&model, &GatewayTableModel::errorOccurred);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setQuery(fixture::query(dbs::endpoints::allRegions(), 100));
    QVERIFY(model.isAllRegions());
    QVERIFY(model.isLoading());
    QVERIFY(!model.canFetchMore({}));
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, waitMs);
    QVERIFY(!model.isLoading());
    QVERIFY(model.isComplete());
    if (!errors.isEmpty())
        qWarning() << errors.first().at(0).value<ApiError>().summary();
    QCOMPARE(errors.size(), 0); // one region refused is the strip's news, not the banner's
    QVERIFY(regions.size() >= 2 * int(dbs::endpoints::regionIds().size()));

    // Every region's gateways, in the order of the region list; the refused one has none.
    QVector<BackupGateway> expected;
    for (const QString &region : dbs::endpoints::regionIds()) {
        if (region != beijing)
            expected += simulator->gatewaysIn(region);
    }
    QCOMPARE(rowsOf(model), expected);
    QCOMPARE(model.gateways(), expected);
    QCOMPARE(model.regionSweep()->result(beijing).error.code, QStringLiteral("Forbidden.RAM"));
    QCOMPARE(model.totalElements(), int(expected.size()));

    // A refresh keeps every row in place while the regions answer again.
    const QPersistentModelIndex kept(model.index(10, 0));
    const QString keptId = model.gatewayAt(10).backupGatewayId;
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.refresh();
    QVERIFY(model.isLoading());
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 2, waitMs);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(kept.row(), 10);
    QCOMPARE(model.gatewayAt(10).backupGatewayId, keptId);
    QCOMPARE(rowsOf(model), expected);

    // Retrying the refused region alone asks again and still keeps the others.
    const quint64 before = simulator->requestCount();
    model.retryRegion(beijing);
    QVERIFY(model.isLoading());
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 3, waitMs);
    QCOMPARE(simulator->requestCount() - before, quint64(1));
    QCOMPARE(rowsOf(model), expected);

    // A region query afterwards is an ordinary lazy one again.
    model.setQuery(fixture::query(hangzhou));
    QVERIFY(!model.isAllRegions());
    QVERIFY(!model.regionSweep());
}

void TestGatewayTableModel::preloadThenReload_data()
{
    QTest::addColumn<QString>("region");
    QTest::newRow("one region") << hangzhou;
    QTest::newRow("all regions") << dbs::endpoints::allRegions();
}

void TestGatewayTableModel::preloadThenReload()
{
    // The last run's inventory is shown at once; the service's answer then replaces it, rows
    // that are in both keeping their identity (selection, scroll) throughout.
    QFETCH(QString, region);
    const auto simulator = fixture::startSimulator(fixture::options(300, 5, {hangzhou, shanghai}));
    QVector<BackupGateway> truth;
    if (region == hangzhou) {
        truth = simulator->gatewaysIn(hangzhou);
    } else {
        for (const QString &name : dbs::endpoints::regionIds())
            truth += simulator->gatewaysIn(name);
    }
    QVector<BackupGateway> last = truth.mid(0, truth.size() - 5); // five were added since
    BackupGateway gone = truth.first();
    gone.backupGatewayId = QStringLiteral("gone-since");
    last.prepend(gone);                          // and one removed
    last[10].status = QStringLiteral("STOPPED"); // and one changed

    DbsClient client;
    fixture::pointAt(&client, *simulator);
    GatewayTableModel model(&client);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QSignalSpy completed(&model, &GatewayTableModel::completed);
    model.setQuery(fixture::query(region, 30));
    model.preload(last);
    QCOMPARE(rowsOf(model).mid(0, 3), last.mid(0, 3)); // at once, before any answer
    const QPersistentModelIndex kept(model.index(20, 0));
    const QString keptId = model.gatewayAt(20).backupGatewayId;
    QTRY_VERIFY_WITH_TIMEOUT(completed.size() >= 1 && !model.isLoading(), waitMs);
    QCOMPARE(rowsOf(model), truth);
    QVERIFY(kept.isValid());
    QCOMPARE(model.gatewayAt(kept.row()).backupGatewayId, keptId);
    QVERIFY(model.isComplete());
}

void TestGatewayTableModel::changedRowsHighlightForAWhile()
{
    const auto simulator = fixture::startSimulator(fixture::options(100, 5, {hangzhou}));
    DbsClient client;
    fixture::pointAt(&client, *simulator);
    GatewayTableModel model(&client);
    QSignalSpy completed(&model, &GatewayTableModel::completed);
    model.setQuery(fixture::query(hangzhou, 100));
    model.loadAll();
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, waitMs);
    const QString id = model.gatewayAt(3).backupGatewayId;
    model.setNowMs(1'000'000);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.markChanged({id, QStringLiteral("not-loaded")}, 1'060'000);
    QCOMPARE(changed.size(), 1);
    QVERIFY(model.index(3, 0).data(GatewayTableModel::ChangedRole).toBool());
    QVERIFY(!model.index(4, 0).data(GatewayTableModel::ChangedRole).toBool());
    model.setNowMs(1'059'000);
    QVERIFY(model.index(3, 0).data(GatewayTableModel::ChangedRole).toBool());
    changed.clear();
    model.setNowMs(1'061'000); // ran out: the row repaints without it
    QVERIFY(!model.index(3, 0).data(GatewayTableModel::ChangedRole).toBool());
    bool repainted = false;
    for (const QList<QVariant> &args : changed)
        repainted |= args.at(0).toModelIndex().row() == 3 &&
                     args.at(2).value<QList<int>>().contains(GatewayTableModel::ChangedRole);
    QVERIFY(repainted);
}

void TestGatewayTableModel::refreshDuringARefreshKeepsEveryPage()
{
    // F5 twice, or an auto-refresh while a slow refresh runs: the second asks for as many
    // pages as the first, not for the few the first had in so far.
    dbs::SimulatorOptions options = fixture::options(237, 5, {hangzhou});
    options.latencyMs = 40;
    const auto slow = fixture::startSimulator(options);
    DbsClient client;
    fixture::pointAt(&client, *slow);
    GatewayTableModel model(&client);
    model.setQuery(fixture::query(hangzhou));
    QSignalSpy completed(&model, &GatewayTableModel::completed);
    QSignalSpy inventories(&model, &GatewayTableModel::inventoryComplete);
    model.loadAll();
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, waitMs);
    QCOMPARE(model.rowCount(), 237);
    model.refresh();
    QTest::qWait(60);
    model.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), waitMs);
    QCOMPARE(fixture::ids(rowsOf(model)), fixture::ids(slow->gatewaysIn(hangzhou)));
    QVERIFY(model.isComplete());
    QCOMPARE(inventories.size(), 2);
}

void TestGatewayTableModel::loadAllDuringARefreshOfACompleteList()
{
    // The window's auto-refresh: refresh(), then loadAll() at once. The list was complete, but
    // the service has more now than the refreshed pages hold: the rest loads too, and the
    // inventory is whole again.
    const auto a = fixture::startSimulator(fixture::options(200, 11, {hangzhou, shanghai}));
    const auto b = fixture::startSimulator(fixture::options(200, 11, {hangzhou}));
    DbsClient client;
    fixture::pointAt(&client, *a);
    GatewayTableModel model(&client);
    model.setQuery(fixture::query(hangzhou));
    QSignalSpy inventories(&model, &GatewayTableModel::inventoryComplete);
    model.loadAll();
    QTRY_COMPARE_WITH_TIMEOUT(inventories.size(), 1, waitMs);
    QVERIFY(model.rowCount() < 200);
    fixture::pointAt(&client, *b);
    model.refresh();
    model.loadAll();
    QTRY_COMPARE_WITH_TIMEOUT(inventories.size(), 2, waitMs);
    QCOMPARE(rowsOf(model), b->gatewaysIn(hangzhou));
    QVERIFY(model.isComplete());
}

void TestGatewayTableModel::cancelAfterAFailureIsRemembered()
{
    // A full load fails, the user says stop (the export dialog does so after a load error):
    // the next Retry of one page is one page, not the rest of the full load.
    dbs::SimulatorOptions options = fixture::options(400, 5, {hangzhou, shanghai});
    options.faults = {{dbs::Fault::Http503, 1.0}};
    const auto broken = fixture::startSimulator(options);
    DbsClient client;
    fixture::pointAt(&client, *broken);
    GatewayTableModel model(&client);
    model.setQuery(fixture::query(shanghai));
    QSignalSpy errors(&model, &GatewayTableModel::errorOccurred);
    model.loadAll();
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, waitMs);
    model.cancelLoadAll();
    fixture::pointAt(&client, *m_sim);
    model.fetchMore({});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 30, waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), waitMs);
    QTest::qWait(100);
    QCOMPARE(model.rowCount(), 30);
    QVERIFY(!model.isComplete());
}

void TestGatewayTableModel::namesAreShownNotObeyed()
{
    // A name is set on the customer's host: the cell shows its control characters as text;
    // the gateway itself (GatewayRole, exports) keeps the value as the service sent it.
    const QString name = QString::fromUtf8("\x1b[2Jgw-\u202Egnp.exe\nline");
    const fixture::CannedServer server(fixture::gatewayPage(
        {{{QStringLiteral("BackupGatewayId"), QStringLiteral("1001")},
          {QStringLiteral("DisplayName"), name},
          {QStringLiteral("BackupGatewayStatus"), QStringLiteral("ONLINE")}}}));
    DbsClient client;
    fixture::pointAt(&client, *m_sim);
    dbs::ClientOptions options = client.options();
    options.endpoint = server.url();
    client.setOptions(options);
    GatewayTableModel model(&client);
    model.setQuery(fixture::query(hangzhou));
    QSignalSpy completed(&model, &GatewayTableModel::completed);
    model.loadAll();
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, waitMs);
    const QModelIndex cell = model.index(0, columnOf(GatewayField::DisplayName));
    QCOMPARE(cell.data().toString(), QStringLiteral("\\e[2Jgw-\\u202Egnp.exe\\nline"));
    QCOMPARE(model.gatewayAt(0).displayName, name);
}

QTEST_GUILESS_MAIN(TestGatewayTableModel)
#include "tst_gatewaytablemodel.moc"
