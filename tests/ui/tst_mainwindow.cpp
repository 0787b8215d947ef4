// The browser window against the real simulator, on the offscreen platform: pickers, paging by
// scrolling, filters, the detail pane, copy, the error banner with Retry, remembered settings.
#include "environment.h"
#include "simfixture.h"
#include <export/timewords.h>
#include <fleet/statuswords.h>
#include <ui/fleet/fleetcontroller.h>
#include <ui/fleet/heartbeatchart.h>
#include <ui/fleet/regionfailurebanner.h>
#include <ui/fleet/regionstrip.h>
#include <ui/fleet/summarystrip.h>
#include <ui/query/accountpicker.h>
#include <ui/query/identifierlookup.h>
#include <ui/query/querytoolbar.h>
#include <ui/query/regionpicker.h>
#include <ui/query/statusfilterbutton.h>
#include <ui/table/detailpane.h>
#include <ui/table/gatewaytableview.h>
#include <ui/widgets/errorbanner.h>
#include <ui/widgets/statuspresentation.h>
#include <ui/window/gatewaystatusbar.h>
#include <ui/window/mainwindow.h>

#include <ui/dialogs/accountsdialog.h>
#include <ui/dialogs/credentialscontroller.h>
#include <ui/dialogs/credentialsdialog.h>
#include <ui/dialogs/exportcontroller.h>
#include <ui/dialogs/exportdialog.h>

#include <api/dbsclient.h>
#include <api/endpoints.h>
#include <models/gatewayfiltermodel.h>
#include <models/gatewaytablemodel.h>
#include <settings/settings.h>
#include <sim/simulator.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace dbs;

namespace {
constexpr int timeoutMs = 15000;

using fixture::demoCredential;
using fixture::startSimulator;

QStringList loadedIds(const GatewayTableModel *model)
{
    QStringList ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids.append(model->gatewayAt(row).backupGatewayId);
    return ids;
}
} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void regionPickerListsEveryRegion();
    void allRegionsSummaryAndFilters();
    void allRegionsSayWhichRegionsFailed();
    void summaryCountsTheRowsOfTheTable();
    void changesEntrySelectsItsGateway();
    void regionChipFiltersAndTheToolbarSaysSo();
    void statusIconsRender();
    void firstPageShowsCounts();
    void pickRegionAndPageSize();
    void prefetchFillsAheadOfTheViewport();
    void scrollingLoadsEveryPage();
    void statusFilterLoadsAndFilters();
    void textFilter();
    void identifierLookup();
    void detailPaneShowsSelectedGateway();
    void tabLeavesTheTable();
    void copySelectedRowsAsTsv();
    void ctrlCInTextFieldCopiesText();
    void shortcuts();
    void ctrlFReachesAVisibleFilter();
    void refreshKeepsSelectionAndScroll();
    void selectionFollowsItsGatewayWhenRowsReorder();
    void exportSelectedRowsThroughCtrlE();
    void credentialsDialogFromMenu();
    void errorBannerAndRetry();
    void accountsSwitchWithTheirRegions();
    void allAccountsInOneTable();
    void savedRoleAccountSignsIn();
    void failureMidScrollKeepsTheRows();
    void ctrlEndGoesToTheLastRowOfTheListing();
    void wrongSecretHintAboveServiceText();
    void settingsRememberedAcrossWindows();
    void agesTickWithoutRefetch();
    void columnChooserHidesColumns();
    void emptyRegionSaysSo();

    void windowShortcutsFromTextFields();
    void detailPaneFollowsTheFilter();
    void resetColumnsKeepsTheSort_data();
    void resetColumnsKeepsTheSort();
    void windowTitleLeavesTheAppNameToQt();
    void staleThresholdMenu();
    void statusBarNumbersAndSorting();
    void loadRemainingAfterStop();
    void loadRemainingWhilePagesRemain();
    void exportedSaysSoInTheStatusBar();
    void errorHeadlines_data();
    void errorHeadlines();

private:
    std::unique_ptr<MainWindow> makeWindow(bool start = true, bool resize = true);

    std::unique_ptr<dbs::Simulator> m_simulator;
    std::unique_ptr<DbsClient> m_client;
    std::unique_ptr<Settings> m_settings;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("dbs-gateway-browser-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    dbs::SimulatorOptions options;
    options.gateways = 400;
    m_simulator = startSimulator(options);
}

void TestMainWindow::init()
{
    QSettings().clear();
    // Each test starts without the last run's inventory (the window would show it and load
    // every page over it).
    QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).removeRecursively();
    m_settings = std::make_unique<Settings>();
    m_client = std::make_unique<DbsClient>();
    fixture::pointAt(m_client.get(), *m_simulator, 4);
}

void TestMainWindow::cleanup()
{
    m_client.reset();
    m_settings.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::makeWindow(bool start, bool resize)
{
    auto window = std::make_unique<MainWindow>(m_client.get(), m_settings.get());
    if (resize)
        window->resize(1400, 700);
    window->show();
    if (start)
        window->startBrowsing();
    return window;
}

void TestMainWindow::regionPickerListsEveryRegion()
{
    auto window = makeWindow(false);
    const RegionPicker *picker = window->findChild<RegionPicker *>(QStringLiteral("regionPicker"));
    QVERIFY(picker);
    // "All regions", a separator, then the 23 regions.
    QCOMPARE(picker->count(), 2 + 23);
    QCOMPARE(picker->count(), 2 + int(endpoints::regions().size()));
    QCOMPARE(picker->itemText(0), QStringLiteral("All regions"));
    QCOMPARE(picker->itemData(0).toString(), dbs::endpoints::allRegions());
    QCOMPARE(picker->itemText(2), QStringLiteral("China (Hangzhou) · cn-hangzhou"));
    QCOMPARE(picker->itemData(2).toString(), QStringLiteral("cn-hangzhou"));
    for (int i = 2; i < picker->count(); ++i) {
        const QString id = picker->itemData(i).toString();
        QVERIFY2(picker->itemText(i).endsWith(QStringLiteral(" · ") + id),
                 qPrintable(picker->itemText(i)));
    }
}

void TestMainWindow::allRegionsSummaryAndFilters()
{
    // "All regions": every region's gateways in one table with its Region column, the strip
    // of regions, and the summary's counts as buttons that set the filters.
    auto window = makeWindow(false);
    window->setInitialRegion(dbs::endpoints::allRegions());
    window->startBrowsing();
    GatewayTableModel *model = window->gatewayModel();
    QVERIFY(model->isAllRegions());
    QTRY_VERIFY_WITH_TIMEOUT(model->isComplete() && !model->isLoading(), timeoutMs);
    QCOMPARE(model->rowCount(), int(m_simulator->inventory().size()));
    const int region = int(allGatewayFields().indexOf(GatewayField::Region));
    QVERIFY(!window->tableView()->isColumnHidden(region));
    QVERIFY(window->fleetController()->regionStrip()->isVisible());
    // Every region id fits its column, and the tooltip names the region.
    for (const QString &id : endpoints::regionIds()) {
        QVERIFY2(window->tableView()->columnWidth(region) >=
                     window->tableView()->fontMetrics().horizontalAdvance(id),
                 qPrintable(id));
    }
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex cell = model->index(row, region);
        if (cell.data().toString() == QLatin1String("cn-hangzhou")) {
            QCOMPARE(cell.data(Qt::ToolTipRole).toString(),
                     QStringLiteral("China (Hangzhou) · cn-hangzhou"));
            break;
        }
    }

    SummaryStrip *summary = window->fleetController()->summaryStrip();
    QTRY_VERIFY_WITH_TIMEOUT(
        summary->button("all")->text().contains(QString::number(model->rowCount())), 3000);
    int offline = 0;
    for (const BackupGateway &gateway : m_simulator->inventory())
        offline += gateway.status == u"OFFLINE";
    QVERIFY(offline > 0);
    summary->button("OFFLINE")->click();
    QCOMPARE(window->filterModel()->rowCount(), offline);
    QVERIFY(summary->button("OFFLINE")->isChecked());
    QCOMPARE(window->queryToolBar()->statusFilter()->statuses(), QSet<QString>{"OFFLINE"});
    summary->button("OFFLINE")->click(); // again: everything back
    QCOMPARE(window->filterModel()->rowCount(), model->rowCount());
    QVERIFY(summary->button("all")->isChecked());
    Q_EMIT summary->chart()->bucketClicked(AgeBucket::Older);
    QVERIFY(window->filterModel()->rowCount() < model->rowCount());
    QVERIFY(window->filterModel()->heartbeatAge().has_value());
    summary->button("all")->click();
    QCOMPARE(window->filterModel()->rowCount(), model->rowCount());
}

void TestMainWindow::allRegionsSayWhichRegionsFailed()
{
    // Two regions refused: the rows of the others, and a partial result impossible to miss.
    dbs::SimulatorOptions options =
        fixture::options(300, 7, {"cn-hangzhou", "cn-beijing", "cn-shanghai", "ap-southeast-1"});
    options.deniedRegions = {"cn-beijing", "ap-southeast-1"};
    auto simulator = startSimulator(options);
    fixture::pointAt(m_client.get(), *simulator);
    auto window = makeWindow(false);
    window->setInitialRegion(dbs::endpoints::allRegions());
    window->startBrowsing();
    GatewayTableModel *model = window->gatewayModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->regionSweep() && model->regionSweep()->isFinished(), timeoutMs);
    const int listed = int(simulator->gatewaysIn("cn-hangzhou").size() +
                           simulator->gatewaysIn("cn-shanghai").size());
    QCOMPARE(model->rowCount(), listed);
    QVERIFY(!window->errorBanner()->isVisible()); // not everything failed

    RegionFailureBanner *banner = window->fleetController()->regionFailureBanner();
    QTRY_VERIFY(banner->isVisible());
    QStringList expected;
    for (const QString &region : endpoints::regionIds()) {
        if (options.deniedRegions.contains(region))
            expected.append(region);
    }
    QCOMPARE(banner->failedRegions(), expected);
    QVERIFY2(banner->text().contains(QStringLiteral("2 of")), qPrintable(banner->text()));
    QCOMPARE(window->gatewayStatusBar()->regionsText(), QStringLiteral("2 region(s) failed"));
    const QString summary = window->fleetController()->regionStrip()->summaryText();
    QVERIFY2(summary.contains(QStringLiteral("2 failed")), qPrintable(summary));

    // Retry one: it is asked again (and, still refused, named again).
    const quint64 before = simulator->requestCount();
    QPushButton *retry = banner->retryButton(QStringLiteral("cn-beijing"));
    QVERIFY(retry);
    retry->click();
    QTRY_VERIFY(simulator->requestCount() > before);
    QTRY_VERIFY_WITH_TIMEOUT(model->regionSweep()->isFinished(), timeoutMs);
    QTRY_COMPARE(banner->failedRegions(), expected);
    QVERIFY(banner->isVisible());
    const quint64 again = simulator->requestCount();
    banner->findChild<QPushButton *>(QStringLiteral("regionFailureRetryAll"))->click();
    QTRY_VERIFY(simulator->requestCount() >= again + 2);

    // Closed, it stays closed while the same regions fail; the status bar still says so.
    QTRY_VERIFY_WITH_TIMEOUT(model->regionSweep()->isFinished(), timeoutMs);
    qobject_cast<QToolButton *>(banner->findChild<QWidget *>(QStringLiteral("bannerClose")))
        ->click();
    QVERIFY(!banner->isVisible());
    window->findChild<QAction *>(QStringLiteral("refreshAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(model->regionSweep()->isFinished() && !model->isLoading(), timeoutMs);
    QVERIFY(!banner->isVisible());
    QCOMPARE(window->gatewayStatusBar()->regionsText(), QStringLiteral("2 region(s) failed"));
}

void TestMainWindow::summaryCountsTheRowsOfTheTable()
{
    // At every batch of rows (pages, then regions), not a moment later.
    auto window = makeWindow(false);
    window->setInitialRegion(dbs::endpoints::allRegions());
    SummaryStrip *summary = window->fleetController()->summaryStrip();
    GatewayTableModel *model = window->gatewayModel();
    QStringList mismatches;
    int batches = 0;
    const auto check = [&] {
        ++batches;
        const QString expected =
            QStringLiteral("All %1").arg(QLocale().toString(model->rowCount()));
        if (summary->button("all")->text() != expected)
            mismatches.append(summary->button("all")->text() + QStringLiteral(" / ") + expected);
    };
    connect(model, &GatewayTableModel::progress, this, check);
    connect(model, &GatewayTableModel::completed, this, check);
    window->startBrowsing();
    QTRY_VERIFY_WITH_TIMEOUT(model->isComplete() && !model->isLoading(), timeoutMs);
    QVERIFY(batches > 2);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u", ")));
    // And how old they are.
    QCOMPARE(window->gatewayStatusBar()->updatedText(), QStringLiteral("updated just now"));
}

void TestMainWindow::changesEntrySelectsItsGateway()
{
    auto window = makeWindow();
    GatewayTableModel *model = window->gatewayModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 20 && !model->isLoading(), timeoutMs);
    const QString id = model->gatewayAt(17).backupGatewayId;
    Q_EMIT window->fleetController()->gatewayActivated(id);
    QCOMPARE(window->tableView()->currentIndex().data(GatewayTableModel::IdRole).toString(), id);
    QCOMPARE(window->detailPane()->gateway().backupGatewayId, id);
    // One the table does not show: the status bar says so, the selection stays.
    Q_EMIT window->fleetController()->gatewayActivated(QStringLiteral("no-such-gateway"));
    QCOMPARE(window->tableView()->currentIndex().data(GatewayTableModel::IdRole).toString(), id);
    QVERIFY(
        window->gatewayStatusBar()->currentMessage().contains(QStringLiteral("no-such-gateway")));
}

void TestMainWindow::regionChipFiltersAndTheToolbarSaysSo()
{
    auto window = makeWindow(false);
    window->setInitialRegion(dbs::endpoints::allRegions());
    window->startBrowsing();
    GatewayTableModel *model = window->gatewayModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->isComplete() && !model->isLoading(), timeoutMs);
    RegionStrip *strip = window->fleetController()->regionStrip();
    QToolButton *summaryButton = strip->summaryButton();
    QVERIFY(!strip->isExpanded());
    summaryButton->click(); // open: a chip per region with gateways
    QVERIFY(strip->isExpanded());
    QVERIFY(m_settings->value(Settings::Key::RegionsExpanded).toBool());
    QToolButton *hangzhou = strip->regionButton(QStringLiteral("cn-hangzhou"));
    QVERIFY(hangzhou);
    QTRY_VERIFY(hangzhou->isVisible());
    const int inHangzhou = int(m_simulator->gatewaysIn("cn-hangzhou").size());
    QVERIFY(inHangzhou > 0 && inHangzhou < model->rowCount());

    hangzhou->click();
    QCOMPARE(window->filterModel()->rowCount(), inHangzhou);
    QVERIFY(hangzhou->isChecked());
    QToolButton *clear = window->queryToolBar()->clickFilterButton();
    QTRY_VERIFY(clear->isVisible());
    QVERIFY2(clear->text().contains(QStringLiteral("China (Hangzhou)")), qPrintable(clear->text()));
    // The chart's filter is shown there too, beside the region's.
    Q_EMIT window->fleetController()->summaryStrip()->chart()->bucketClicked(AgeBucket::Older);
    QVERIFY2(clear->text().contains(QStringLiteral("Heartbeat")), qPrintable(clear->text()));
    // Closed, the strip still shows the chip that limits the table.
    summaryButton->click();
    QVERIFY(hangzhou->isVisible());
    for (const QString &region : endpoints::regionIds()) {
        if (QToolButton *other = strip->regionButton(region); other && other != hangzhou)
            QVERIFY(!other->isVisible());
    }

    clear->click(); // cleared on the toolbar: every gateway again
    QCOMPARE(window->filterModel()->rowCount(), model->rowCount());
    QVERIFY(!window->filterModel()->heartbeatAge().has_value());
    QTRY_VERIFY(!clear->isVisible());
    QVERIFY(!hangzhou->isChecked());
    QVERIFY(!hangzhou->isVisible());
}

void TestMainWindow::statusIconsRender()
{
    // The icons are SVG: without Qt's SVG plugins (libqt6svg6) they would silently be blank.
    const QStringList statuses = {QStringLiteral("ONLINE"), QStringLiteral("OFFLINE"),
                                  QStringLiteral("STOPPED"), QStringLiteral("UPGRADING"),
                                  QStringLiteral("SOMETHING_NEW")};
    QSet<qint64> distinct;
    for (const QString &status : statuses) {
        const QImage image = statuspresentation::icon(status, false).pixmap(16, 16).toImage();
        QVERIFY2(!image.isNull(), qPrintable(status));
        distinct.insert(qint64(qHashBits(image.constBits(), image.sizeInBytes())));
    }
    const QImage stale =
        statuspresentation::icon(QStringLiteral("ONLINE"), true).pixmap(16, 16).toImage();
    QVERIFY(!stale.isNull());
    distinct.insert(qint64(qHashBits(stale.constBits(), stale.sizeInBytes())));
    QCOMPARE(distinct.size(), statuses.size() + 1); // each state has its own picture
    QCOMPARE(statuswords::text(QStringLiteral("ONLINE"), true), QStringLiteral("Online (stale)"));
    QCOMPARE(statuswords::text(QStringLiteral("SOMETHING_NEW"), false),
             QStringLiteral("SOMETHING_NEW"));
}

void TestMainWindow::firstPageShowsCounts()
{
    auto window = makeWindow();
    GatewayTableModel *model = window->gatewayModel();
    const int total = int(m_simulator->gatewaysIn(QStringLiteral("cn-hangzhou")).size());
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 30, timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), timeoutMs);
    QCOMPARE(model->query().region, QStringLiteral("cn-hangzhou"));
    QCOMPARE(model->totalElements(), total);
    const QString loaded = window->gatewayStatusBar()->loadedText();
    QCOMPARE(loaded, QStringLiteral("%1 of %2 loaded").arg(model->rowCount()).arg(total));
    // Page order is the service's order.
    QCOMPARE(loadedIds(model), fixture::ids(m_simulator->gatewaysIn(QStringLiteral("cn-hangzhou")))
                                   .mid(0, model->rowCount()));
    // The first row is selected, so the detail pane is not blank.
    QVERIFY(window->detailPane()->hasGateway());
    QVERIFY(window->errorBanner()->isHidden());
}

void TestMainWindow::pickRegionAndPageSize()
{
    auto window = makeWindow();
    GatewayTableModel *model = window->gatewayModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, timeoutMs);

    RegionPicker *picker = window->findChild<RegionPicker *>(QStringLiteral("regionPicker"));
    picker->setCurrentIndex(picker->findData(QStringLiteral("cn-shanghai")));
    QCOMPARE(model->query().region, QStringLiteral("cn-shanghai"));
    QComboBox *pageSize = window->findChild<QComboBox *>(QStringLiteral("pageSizePicker"));
    QVERIFY(pageSize);
    QCOMPARE(pageSize->count(), 3);
    pageSize->setCurrentIndex(pageSize->findData(100));
    QCOMPARE(model->query().pageSize, 100);
    QCOMPARE(model->query().region, QStringLiteral("cn-shanghai"));

    const QVector<BackupGateway> expected = m_simulator->gatewaysIn(QStringLiteral("cn-shanghai"));
    QVERIFY(expected.size() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == std::min<int>(100, int(expected.size())) ||
                                 model->isComplete(),
                             timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), timeoutMs);
    QCOMPARE(loadedIds(model), fixture::ids(expected).mid(0, model->rowCount()));
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->gatewayAt(row).region, QStringLiteral("cn-shanghai"));
    QVERIFY(window->windowTitle().contains(QStringLiteral("cn-shanghai")));
    QCOMPARE(m_settings->value(Settings::Key::Region).toString(), QStringLiteral("cn-shanghai"));
    QCOMPARE(m_settings->value(Settings::Key::PageSize).toInt(), 100);
}

void TestMainWindow::prefetchFillsAheadOfTheViewport()
{
    auto window = makeWindow();
    GatewayTableModel *model = window->gatewayModel();
    GatewayTableView *table = window->tableView();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), timeoutMs);
    // Without any scrolling, more than one page is there: two screens beyond the visible rows.
    const int rowHeight = table->verticalHeader()->defaultSectionSize();
    const int visibleRows = table->viewport()->height() / rowHeight;
    QVERIFY2(model->rowCount() >= 3 * visibleRows || model->isComplete(),
             qPrintable(
                 QStringLiteral("%1 rows for %2 visible").arg(model->rowCount()).arg(visibleRows)));
    QVERIFY(model->rowCount() > 30);
}

void TestMainWindow::scrollingLoadsEveryPage()
{
    auto window = makeWindow();
    GatewayTableModel *model = window->gatewayModel();
    GatewayTableView *table = window->tableView();
    const QVector<BackupGateway> expected = m_simulator->gatewaysIn(QStringLiteral("cn-hangzhou"));
    QVERIFY(expected.size() > 100);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() > 0, timeoutMs);

    int previous = model->rowCount();
    while (!model->isComplete()) {
        // A page-down at a time, the way a user scrolls.
        table->verticalScrollBar()->setValue(table->verticalScrollBar()->value() +
                                             table->verticalScrollBar()->pageStep());
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), timeoutMs);
        QVERIFY(model->rowCount() >= previous);
        previous = model->rowCount();
    }
    QCOMPARE(model->rowCount(), int(expected.size()));
    QCOMPARE(loadedIds(model), fixture::ids(expected));
    QCOMPARE(window->gatewayStatusBar()->loadedText(),
             QStringLiteral("%1 of %1 loaded").arg(expected.size()));
}

void TestMainWindow::statusFilterLoadsAndFilters()
{
    auto window = makeWindow();
    GatewayTableModel *model = window->gatewayModel();
    GatewayFilterModel *filter = window->filterModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, timeoutMs);

    auto *button = window->findChild<StatusFilterButton *>(QStringLiteral("statusFilter"));
    QVERIFY(button);
    QAction *offline = button->actionFor(QStringLiteral("OFFLINE"));
    QAction *stopped = button->actionFor(QStringLiteral("STOPPED"));
    QVERIFY(offline && stopped);
    offline->trigger();
    // The rest is loading: the window says the result is not final, and offers Stop.
    QVERIFY(filter->isPartial());
    const QString partial = window->gatewayStatusBar()->filterText();
    QCOMPARE(partial, QStringLiteral("%1 shown so far").arg(filter->rowCount()));
    QVERIFY(window->findChild<QWidget *>(QStringLiteral("stopLoadingButton"))->isVisible());
    stopped->trigger();
    QCOMPARE(filter->statuses(),
             (QSet<QString>{QStringLiteral("OFFLINE"), QStringLiteral("STOPPED")}));
    // A filter over partly loaded data loads the rest rather than lie.
    QTRY_VERIFY_WITH_TIMEOUT(model->isComplete() && !filter->isPartial(), timeoutMs);

    int expected = 0;
    for (const BackupGateway &gateway : m_simulator->gatewaysIn(QStringLiteral("cn-hangzhou")))
        expected += (gateway.status == u"OFFLINE" || gateway.status == u"STOPPED") ? 1 : 0;
    QVERIFY(expected > 0);
    QCOMPARE(filter->rowCount(), expected);
    for (int row = 0; row < filter->rowCount(); ++row) {
        const QString status = filter->index(row, 0).data(GatewayTableModel::StatusRole).toString();
        QVERIFY(status == u"OFFLINE" || status == u"STOPPED");
    }
    QVERIFY(button->text().contains(QStringLiteral("Offline")));
    QCOMPARE(m_settings->value(Settings::Key::StatusFilter).toStringList(),
             (QStringList{QStringLiteral("OFFLINE"), QStringLiteral("STOPPED")}));

    // Stale alone: Online gateways with an overdue heartbeat.
    button->actionFor(QStringLiteral("OFFLINE"))->trigger();
    button->actionFor(QStringLiteral("STOPPED"))->trigger();
    button->actionFor(QStringLiteral("stale"))->trigger();
    QVERIFY(filter->staleOnly());
    QTRY_VERIFY(filter->rowCount() > 0);
    int stale = 0;
    for (int row = 0; row < filter->rowCount(); ++row) {
        QVERIFY(filter->index(row, 0).data(GatewayTableModel::StaleRole).toBool());
        ++stale;
    }
    QVERIFY(window->gatewayStatusBar()->filterText().contains(QStringLiteral("shown")));
    QCOMPARE(button->actionFor(QStringLiteral("stale"))->text(),
             QStringLiteral("&Stale (Online, heartbeat overdue)"));
    QCOMPARE(button->text(), QStringLiteral("S&tatus: stale"));

    // Offline + Stale: both kinds, not the (empty) intersection.
    button->actionFor(QStringLiteral("OFFLINE"))->trigger();
    int offlineRows = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        offlineRows += model->gatewayAt(row).status == u"OFFLINE" ? 1 : 0;
    QVERIFY(offlineRows > 0);
    QCOMPARE(filter->rowCount(), offlineRows + stale);
    QCOMPARE(button->text(), QStringLiteral("S&tatus: Offline, stale"));
    QVERIFY(m_settings->value(Settings::Key::StaleOnlyFilter).toBool());
}

void TestMainWindow::textFilter()
{
    auto window = makeWindow();
    GatewayTableModel *model = window->gatewayModel();
    GatewayFilterModel *filter = window->filterModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, timeoutMs);

    auto *field = window->findChild<QLineEdit *>(QStringLiteral("textFilter"));
    QVERIFY(field);
    QTest::keyClicks(field, QStringLiteral("mysql-prod"));
    QTRY_COMPARE_WITH_TIMEOUT(filter->text(), QStringLiteral("mysql-prod"), timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(model->isComplete() && !filter->isPartial(), timeoutMs);
    int expected = 0;
    for (const BackupGateway &gateway : m_simulator->gatewaysIn(QStringLiteral("cn-hangzhou"))) {
        // Name, ids, identifier, hostname and both IPs, ignoring case.
        const QStringList haystack = {gateway.displayName, gateway.backupGatewayId,
                                      gateway.identifier,  gateway.hostname,
                                      gateway.internetIp,  gateway.intranetIp};
        expected += haystack.join(QLatin1Char('\n'))
                            .contains(QStringLiteral("MYSQL-prod"), Qt::CaseInsensitive)
                        ? 1
                        : 0;
    }
    QVERIFY(expected > 0);
    QCOMPARE(filter->rowCount(), expected);
    QCOMPARE(m_settings->value(Settings::Key::TextFilter).toString(), QStringLiteral("mysql-prod"));

    field->clear();
    QTRY_COMPARE_WITH_TIMEOUT(filter->rowCount(), model->rowCount(), timeoutMs);
}

void TestMainWindow::identifierLookup()
{
    auto window = makeWindow();
    GatewayTableModel *model = window->gatewayModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, timeoutMs);
    const QVector<BackupGateway> all = m_simulator->gatewaysIn(QStringLiteral("cn-hangzhou"));
    const QString first = all.at(3).identifier;
    const QString second = all.at(77).identifier;

    auto *lookup = window->findChild<IdentifierLookup *>(QStringLiteral("identifierLookup"));
    QVERIFY(lookup);
    lookup->setFocus();
    // Pasted from a spreadsheet column: new lines between the ids.
    QApplication::clipboard()->setText(first + QStringLiteral("\n") + second +
                                       QStringLiteral("\n"));
    QTest::keyClick(lookup, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(lookup->text(), first + QStringLiteral(", ") + second);
    QTest::keyClick(lookup, Qt::Key_Return);
    QCOMPARE(model->query().identifier, first + QLatin1Char(',') + second);
    QTRY_VERIFY_WITH_TIMEOUT(model->isComplete() && !model->isLoading(), timeoutMs);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->gatewayAt(0).identifier, first);
    QCOMPARE(model->gatewayAt(1).identifier, second);

    // Clearing the field returns to the full list.
    lookup->clear();
    QCOMPARE(model->query().identifier, QString());
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 2, timeoutMs);
}

void TestMainWindow::detailPaneShowsSelectedGateway()
{
    auto window = makeWindow();
    GatewayTableModel *model = window->gatewayModel();
    GatewayTableView *table = window->tableView();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 10, timeoutMs);

    // Pick a gateway with a public IP, with the keyboard like a user would.
    int row = 0;
    while (model->gatewayAt(row).internetIp.isEmpty())
        ++row;
    const BackupGateway gateway = model->gatewayAt(row);
    table->setFocus();
    table->setCurrentIndex(window->filterModel()->index(row, 0));
    DetailPane *pane = window->detailPane();
    QVERIFY(pane->hasGateway());

    auto value = [pane](const char *name) {
        const auto *edit = pane->findChild<QLineEdit *>(QLatin1String(name));
        return edit ? edit->text() : QStringLiteral("<missing %1>").arg(QLatin1String(name));
    };
    QCOMPARE(value("detailBackupGatewayId"), gateway.backupGatewayId);
    QCOMPARE(value("detailIdentifier"), gateway.identifier);
    QCOMPARE(value("detailDisplayName"), gateway.displayName);
    QCOMPARE(value("detailHostname"), gateway.hostname);
    QCOMPARE(value("detailPublicIp"), gateway.internetIp);
    QCOMPARE(value("detailPrivateIp"), gateway.intranetIp);
    QCOMPARE(value("detailRegion"), QStringLiteral("China (Hangzhou) · cn-hangzhou"));
    QCOMPARE(value("detailHeartbeatUtc"), timewords::utcIsoMs(gateway.lastHeartbeatTime));
    QVERIFY(value("detailHeartbeatUtc").endsWith(QLatin1Char('Z')));
    QCOMPARE(value("detailHeartbeatLocal"), timewords::localWithZone(gateway.lastHeartbeatTime));
    QVERIFY(value("detailHeartbeatAge").endsWith(QStringLiteral("ago")) ||
            value("detailHeartbeatAge") == QStringLiteral("just now"));
    QCOMPARE(value("detailCreatedUtc"), timewords::utcIsoMs(gateway.createTime));
    QVERIFY(value("detailCreatedAge").endsWith(QStringLiteral("ago")));

    // Each address has a copy button that puts exactly the value on the clipboard.
    for (const char *name : {"detailPublicIp", "detailPrivateIp", "detailHostname",
                             "detailBackupGatewayId", "detailIdentifier"}) {
        auto *button =
            pane->findChild<QAbstractButton *>(QLatin1String(name) + QStringLiteral("Copy"));
        QVERIFY2(button, name);
        QApplication::clipboard()->clear();
        button->click();
        QCOMPARE(QApplication::clipboard()->text(), value(name));
    }

    // Moving down with the keyboard follows.
    QTest::keyClick(table, Qt::Key_Down);
    QCOMPARE(value("detailBackupGatewayId"), model->gatewayAt(row + 1).backupGatewayId);
}

void TestMainWindow::tabLeavesTheTable()
{
    auto window = makeWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    GatewayTableView *table = window->tableView();
    QTRY_VERIFY_WITH_TIMEOUT(window->gatewayModel()->rowCount() > 10, timeoutMs);
    table->setFocus();
    table->setCurrentIndex(window->filterModel()->index(2, 1));
    QTRY_COMPARE(QApplication::focusWidget(), table);

    // Tab goes on to the next control; the current cell stays where it was.
    QTest::keyClick(table, Qt::Key_Tab);
    QWidget *next = QApplication::focusWidget();
    QVERIFY2(next && next != table, next ? next->metaObject()->className() : "no focus");
    QCOMPARE(table->currentIndex(), window->filterModel()->index(2, 1));
    // Shift+Tab comes back to the table.
    QTest::keyClick(next, Qt::Key_Backtab);
    QTRY_COMPARE(QApplication::focusWidget(), table);

    // The whole chain: the detail pane's buttons are reachable, and Tab comes round to the
    // table again instead of ending anywhere.
    // So are the toolbar's Refresh and Export.
    QWidget *refresh = window->queryToolBar()->widgetForAction(
        window->findChild<QAction *>(QStringLiteral("refreshAction")));
    QWidget *exportButton = window->queryToolBar()->widgetForAction(
        window->findChild<QAction *>(QStringLiteral("exportAction")));
    QVERIFY(refresh && exportButton);
    bool detailButton = false, roundAgain = false, refreshReached = false, exportReached = false;
    QWidget *focus = table;
    for (int i = 0; i < 80 && !roundAgain; ++i) {
        QTest::keyClick(focus, Qt::Key_Tab);
        focus = QApplication::focusWidget();
        QVERIFY(focus);
        detailButton = detailButton || (qobject_cast<QAbstractButton *>(focus) &&
                                        window->detailPane()->isAncestorOf(focus));
        refreshReached = refreshReached || focus == refresh;
        exportReached = exportReached || focus == exportButton;
        roundAgain = focus == table;
    }
    QVERIFY(detailButton);
    QVERIFY(refreshReached);
    QVERIFY(exportReached);
    QVERIFY(roundAgain);
    // Space on a focused toolbar button is a click: Refresh from the keyboard.
    const quint64 before = m_simulator->requestCount();
    refresh->setFocus(Qt::TabFocusReason);
    QTest::keyClick(refresh, Qt::Key_Space);
    QTRY_VERIFY(m_simulator->requestCount() > before);
}

void TestMainWindow::copySelectedRowsAsTsv()
{
    auto window = makeWindow();
    GatewayTableModel *model = window->gatewayModel();
    GatewayTableView *table = window->tableView();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 5, timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), timeoutMs);

    table->setFocus();
    QItemSelectionModel *selection = table->selectionModel();
    selection->select(window->filterModel()->index(1, 0),
                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    selection->select(window->filterModel()->index(4, 0),
                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QApplication::clipboard()->clear();
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);

    const QString text = QApplication::clipboard()->text();
    QStringList lines = text.split(QLatin1Char('\n'));
    QCOMPARE(lines.takeLast(), QString()); // ends with a new line
    QCOMPARE(lines.size(), 3);
    // The visible columns, in the order on screen (Region and Account start hidden).
    const QStringList header = lines.at(0).split(QLatin1Char('\t'));
    QCOMPARE(header.size(), model->columnCount() - 2);
    QCOMPARE(header.at(0), QStringLiteral("Name"));
    QVERIFY(!header.contains(QStringLiteral("Region")));
    QVERIFY(!header.contains(QStringLiteral("Account")));
    for (int i = 0; i < 2; ++i) {
        const BackupGateway gateway = model->gatewayAt(i == 0 ? 1 : 4);
        const QStringList cells = lines.at(i + 1).split(QLatin1Char('\t'));
        QCOMPARE(cells.size(), header.size());
        auto cell = [&](const char *title) {
            return cells.at(header.indexOf(QLatin1String(title)));
        };
        QCOMPARE(cell("Gateway ID"), gateway.backupGatewayId);
        QCOMPARE(cell("Identifier"), gateway.identifier);
        QCOMPARE(cell("Name"), gateway.displayName);
        QCOMPARE(cell("Hostname"), gateway.hostname);
        QCOMPARE(cell("Private IP"), gateway.intranetIp);
        QCOMPARE(cell("Last heartbeat"), timewords::utcIsoMs(gateway.lastHeartbeatTime));
    }
}

void TestMainWindow::ctrlCInTextFieldCopiesText()
{
    auto window = makeWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->gatewayModel()->rowCount() > 0, timeoutMs);
    auto *field = window->findChild<QLineEdit *>(QStringLiteral("textFilter"));
    field->setFocus();
    QTest::keyClicks(field, QStringLiteral("hello"));
    field->selectAll();
    QApplication::clipboard()->clear();
    QTest::keyClick(field, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("hello"));
}

void TestMainWindow::shortcuts()
{
    auto window = makeWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    GatewayTableModel *model = window->gatewayModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), timeoutMs);

    window->tableView()->setFocus();
    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("textFilter"));

    const quint64 before = m_simulator->requestCount();
    QTest::keyClick(window.get(), Qt::Key_F5);
    QVERIFY(model->isLoading());
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), timeoutMs);
    QVERIFY(m_simulator->requestCount() > before);

    auto shortcutOf = [&](const char *name) {
        const auto *action = window->findChild<QAction *>(QLatin1String(name));
        return action ? action->shortcut() : QKeySequence();
    };
    QCOMPARE(shortcutOf("exportAction"), QKeySequence(Qt::CTRL | Qt::Key_E));
    QCOMPARE(shortcutOf("quitAction"), QKeySequence(Qt::CTRL | Qt::Key_Q));
    QCOMPARE(shortcutOf("refreshAction"), QKeySequence(Qt::Key_F5));
    QCOMPARE(shortcutOf("copyAction"), QKeySequence(QKeySequence::Copy));
    QCOMPARE(shortcutOf("findAction"), QKeySequence(QKeySequence::Find));
}

void TestMainWindow::ctrlFReachesAVisibleFilter()
{
    auto window = makeWindow(true, false);
    window->resize(920, 700); // the first window on a 1024x768 screen
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QLineEdit *field = window->queryToolBar()->textFilter();
    QTRY_VERIFY(field->isVisible());
    QVERIFY(window->queryToolBar()->isCompact());

    // A toolbar too full for its window still (here the filter made wider than any screen, as
    // long translations or large fonts can do): the filter is in the overflow; Ctrl+F brings it
    // out, and typing goes there, not to the table's type-ahead.
    field->setMinimumWidth(3000);
    QTRY_VERIFY(!field->isVisible());
    GatewayTableModel *model = window->gatewayModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), timeoutMs);
    window->tableView()->setFocus();
    const QModelIndex current = window->tableView()->currentIndex();
    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(field->isVisible());
    QCOMPARE(QApplication::focusWidget(), field);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("dr-1"));
    QCOMPARE(field->text(), QStringLiteral("dr-1"));
    QCOMPARE(window->tableView()->currentIndex().row(), current.row());
    // Enter applies it and hands over to the table, where Ctrl+End, arrows and Ctrl+C work.
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(window->filterModel()->text(), QStringLiteral("dr-1"));
    QCOMPARE(QApplication::focusWidget(), window->tableView());
}

void TestMainWindow::refreshKeepsSelectionAndScroll()
{
    auto window = makeWindow();
    GatewayTableModel *model = window->gatewayModel();
    GatewayTableView *table = window->tableView();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 90 && !model->isLoading(), timeoutMs);
    table->setCurrentIndex(window->filterModel()->index(60, 0));
    table->scrollTo(table->currentIndex(), QAbstractItemView::PositionAtCenter);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), timeoutMs);
    const int scroll = table->verticalScrollBar()->value();
    const QString id = model->gatewayAt(60).backupGatewayId;
    QVERIFY(scroll > 0);

    auto *refresh = window->findChild<QAction *>(QStringLiteral("refreshAction"));
    refresh->trigger();
    QVERIFY(model->isLoading());
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), timeoutMs);
    QCOMPARE(table->currentIndex().data(GatewayTableModel::IdRole).toString(), id);
    QCOMPARE(table->verticalScrollBar()->value(), scroll);
    QCOMPARE(window->detailPane()->gateway().backupGatewayId, id);
}

void TestMainWindow::selectionFollowsItsGatewayWhenRowsReorder()
{
    // All regions: the second page of the first region comes late, so that the other region's
    // rows are shown first and the first region's come in above them.
    dbs::SimulatorOptions options = fixture::options(70, 3, {"cn-hangzhou", "cn-shanghai"});
    options.pageLatencyMs = {{1, 600}};
    auto simulator = startSimulator(options);
    const int first = int(simulator->gatewaysIn("cn-hangzhou").size());
    const int second = int(simulator->gatewaysIn("cn-shanghai").size());
    QVERIFY(first > 30 && second > 3 && second <= 30); // two pages, and one
    fixture::pointAt(m_client.get(), *simulator);
    auto window = makeWindow(false);
    window->setInitialRegion(dbs::endpoints::allRegions());
    window->startBrowsing();
    GatewayTableModel *model = window->gatewayModel();
    GatewayTableView *table = window->tableView();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == second, timeoutMs);
    QVERIFY(!model->isComplete());
    // The window's own pick, the first row, stays the first row.
    QCOMPARE(table->currentIndex().row(), 0);
    const QModelIndex picked = window->filterModel()->index(2, 0);
    table->selectionModel()->setCurrentIndex(picked, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    const QString id = picked.data(GatewayTableModel::IdRole).toString();
    const auto followed = [&] {
        const QModelIndex current = table->currentIndex();
        return current.data(GatewayTableModel::IdRole).toString() == id &&
               table->selectionModel()->isRowSelected(current.row(), {}) &&
               table->selectionModel()->selectedRows().size() == 1 &&
               window->detailPane()->gateway().backupGatewayId == id;
    };
    const auto onScreen = [&] {
        const QRect rect = table->visualRect(table->currentIndex());
        return rect.top() >= 0 && rect.bottom() <= table->viewport()->height();
    };
    QTRY_VERIFY_WITH_TIMEOUT(model->isComplete() && !model->isLoading(), timeoutMs);
    QCOMPARE(model->rowCount(), first + second);
    QCOMPARE(table->currentIndex().row(), first + 2); // rows came in above it
    QVERIFY(followed());
    QVERIFY(onScreen());

    // A sort moves every row: the same gateway stays selected and in view.
    table->sortByColumn(int(allGatewayFields().indexOf(GatewayField::DisplayName)),
                        Qt::DescendingOrder);
    QVERIFY(followed());
    QVERIFY(onScreen());
}

void TestMainWindow::exportSelectedRowsThroughCtrlE()
{
    auto window = makeWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    GatewayTableModel *model = window->gatewayModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 5 && !model->isLoading(), timeoutMs);
    window->tableView()->selectionModel()->select(window->filterModel()->index(2, 0),
                                                  QItemSelectionModel::ClearAndSelect |
                                                      QItemSelectionModel::Rows);

    QTest::keyClick(window.get(), Qt::Key_E, Qt::ControlModifier);
    ExportController *exporter = window->exportController();
    QTRY_VERIFY(exporter->dialog() && exporter->dialog()->isVisible());
    QCOMPARE(exporter->dialog()->counts().selected, 1);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("one.csv"));
    QSignalSpy exported(exporter, &ExportController::exported);
    exporter->dialog()->setScope(ExportScope::Selected);
    exporter->dialog()->setFilePath(path);
    exporter->dialog()->accept();
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, timeoutMs);
    QCOMPARE(exported.at(0).at(1).toInt(), 1);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString csv = QString::fromUtf8(file.readAll());
    QVERIFY(csv.contains(model->gatewayAt(2).backupGatewayId));
    QVERIFY(!csv.contains(model->gatewayAt(3).backupGatewayId));
}

void TestMainWindow::credentialsDialogFromMenu()
{
    auto window = makeWindow(false);
    auto *action = window->findChild<QAction *>(QStringLiteral("credentialsAction"));
    QVERIFY(action);
    action->trigger();
    QTRY_VERIFY(window->credentialsController()->dialog());
    QVERIFY(window->credentialsController()->dialog()->isVisible());
    // Not application-modal: the window stays responsive (window-modal at most).
    QVERIFY(window->credentialsController()->dialog()->windowModality() != Qt::ApplicationModal);
    window->credentialsController()->dialog()->close();
}

void TestMainWindow::accountsSwitchWithTheirRegions()
{
    // Three aliyun CLI profiles: keys, a role to assume (through the simulator's STS), and one
    // that cannot sign. Each account keeps the region it was last shown in.
    QTemporaryDir home;
    const QByteArray keys = QByteArray("\"access_key_id\":\"") + dbs::demoAccessKeyId +
                            "\",\"access_key_secret\":\"" + dbs::demoAccessKeySecret + "\"";
    const QByteArray config =
        "{\"current\":\"keys\",\"profiles\":[{\"name\":\"keys\",\"mode\":\"AK\"," + keys +
        "},{\"name\":\"role\",\"mode\":\"RamRoleArn\"," + keys +
        ",\"ram_role_arn\":\"acs:ram::123:role/dbs-reader\"},{\"name\":\"broken\",\"mode\":"
        "\"OIDC\"}]}";
    QVERIFY(fixture::writeFile(home.filePath(".aliyun/config.json"), config));
    const QByteArray oldHome = qgetenv("HOME");
    qputenv("HOME", home.path().toUtf8());
    qputenv("DBS_STS_ENDPOINT", m_simulator->baseUrl().toUtf8());
    auto window = makeWindow(false);
    qputenv("HOME", oldHome);
    qunsetenv("DBS_STS_ENDPOINT");
    AccountPicker *accounts = window->queryToolBar()->accountPicker();
    QVERIFY(accounts->isVisible());
    // Automatic, All accounts, the three, a separator, "Manage Accounts…"
    QCOMPARE(accounts->count(), 7);
    RegionPicker *regions = window->queryToolBar()->regionPicker();
    GatewayTableModel *model = window->gatewayModel();
    const auto pick = [](QComboBox *box, const QString &data) {
        box->setCurrentIndex(box->findData(data)); // as the user does: it emits
    };

    pick(accounts, QStringLiteral("keys"));
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), timeoutMs);
    pick(regions, QStringLiteral("cn-shanghai"));
    QTRY_VERIFY_WITH_TIMEOUT(model->query().region == u"cn-shanghai" && model->rowCount() > 0 &&
                                 !model->isLoading(),
                             timeoutMs);

    pick(accounts, QStringLiteral("role"));
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), timeoutMs);
    QVERIFY(m_client->credentialProvider()->held().accessKeyId.startsWith(QLatin1String("STS.")));
    QVERIFY(m_client->credentialProvider()->description().contains(QLatin1String("RamRoleArn")));
    pick(regions, QStringLiteral("cn-beijing"));
    QTRY_VERIFY_WITH_TIMEOUT(model->query().region == u"cn-beijing" && model->rowCount() > 0 &&
                                 !model->isLoading(),
                             timeoutMs);

    pick(accounts, QStringLiteral("keys"));
    QCOMPARE(regions->region(), QStringLiteral("cn-shanghai"));
    QTRY_VERIFY_WITH_TIMEOUT(model->query().region == u"cn-shanghai" && model->rowCount() > 0 &&
                                 !model->isLoading(),
                             timeoutMs);
    QCOMPARE(m_client->credential().accessKeyId, QString::fromLatin1(dbs::demoAccessKeyId));
    pick(accounts, QStringLiteral("role"));
    QCOMPARE(regions->region(), QStringLiteral("cn-beijing"));
    QCOMPARE(m_settings->value(Settings::Key::Account).toString(), QStringLiteral("role"));

    // One that cannot sign changes nothing: the picker goes back, the banner says why.
    pick(accounts, QStringLiteral("broken"));
    QCOMPARE(accounts->account(), QStringLiteral("role"));
    QCOMPARE(regions->region(), QStringLiteral("cn-beijing"));
    QVERIFY(window->errorBanner()->isVisible());
    QCOMPARE(m_settings->value(Settings::Key::Account).toString(), QStringLiteral("role"));
}

void TestMainWindow::savedRoleAccountSignsIn()
{
    // Only keys in the aliyun CLI; the role in another account is saved in the browser, from
    // the File menu, and assumed (through the simulator's STS) with the profile's keys.
    QTemporaryDir home;
    const QByteArray config = QByteArray("{\"current\":\"keys\",\"profiles\":[{\"name\":"
                                         "\"keys\",\"mode\":\"AK\",\"access_key_id\":\"") +
                              dbs::demoAccessKeyId + "\",\"access_key_secret\":\"" +
                              dbs::demoAccessKeySecret + "\"}]}";
    QVERIFY(fixture::writeFile(home.filePath(".aliyun/config.json"), config));
    const QByteArray oldHome = qgetenv("HOME");
    qputenv("HOME", home.path().toUtf8());
    qputenv("DBS_STS_ENDPOINT", m_simulator->baseUrl().toUtf8());
    auto window = makeWindow(false);
    qputenv("HOME", oldHome);
    qunsetenv("DBS_STS_ENDPOINT");
    CredentialsController *credentials = window->credentialsController();
    AccountPicker *accounts = window->queryToolBar()->accountPicker();
    QCOMPARE(accounts->findData(QStringLiteral("partner")), -1);

    auto *action = window->findChild<QAction *>(QStringLiteral("accountsAction"));
    QVERIFY(action);
    action->trigger();
    QTRY_VERIFY(credentials->accountsDialog());
    QWidget *dialog = credentials->accountsDialog();
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->windowModality() != Qt::ApplicationModal);
    dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("partner"));
    auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("kindCombo"));
    kind->setCurrentIndex(kind->findData(QStringLiteral("role")));
    dialog->findChild<QLineEdit *>(QStringLiteral("roleArnEdit"))
        ->setText(QStringLiteral("acs:ram::123:role/dbs-reader"));
    auto *source = dialog->findChild<QComboBox *>(QStringLiteral("sourceCombo"));
    source->setCurrentIndex(source->findData(QStringLiteral("keys")));
    dialog->findChild<QPushButton *>(QStringLiteral("saveAccountButton"))->click();
    dialog->close();

    // The picker follows at once.
    const int index = accounts->findData(QStringLiteral("partner"));
    QVERIFY(index > 0);
    QCOMPARE(accounts->itemText(index), QStringLiteral("partner (saved, RamRoleArn)"));
    QVERIFY(accounts->isVisible());
    accounts->setCurrentIndex(index); // as the user does: it emits
    GatewayTableModel *model = window->gatewayModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), timeoutMs);
    QVERIFY(m_client->credentialProvider()->held().accessKeyId.startsWith(QLatin1String("STS.")));
    QVERIFY(m_client->credentialProvider()->description().contains(
        QLatin1String("saved account \"partner\"")));
    QCOMPARE(m_settings->value(Settings::Key::Account).toString(), QStringLiteral("partner"));

    // "Manage Accounts…" in the picker opens the dialog again, the account picked stays.
    accounts->setCurrentIndex(accounts->count() - 1);
    QCOMPARE(accounts->account(), QStringLiteral("partner"));
    QTRY_VERIFY(credentials->accountsDialog());
    credentials->accountsDialog()->close();

    // A saved key the keychain has lost: found out later, and the switch is undone as one
    // that fails at once is.
    dbs::SavedAccount lost;
    lost.name = QStringLiteral("lost");
    m_settings->setValue(Settings::Key::SavedAccounts,
                         dbs::savedAccountsToVariant({lost}) +
                             m_settings->value(Settings::Key::SavedAccounts).toList());
    accounts->setSavedAccounts(credentials->savedAccounts());
    accounts->setCurrentIndex(accounts->findData(QStringLiteral("lost")));
    QTRY_VERIFY_WITH_TIMEOUT(window->errorBanner()->isVisible(), 20000);
    QCOMPARE(accounts->account(), QStringLiteral("partner"));
    QCOMPARE(m_settings->value(Settings::Key::Account).toString(), QStringLiteral("partner"));
    QVERIFY2(window->errorBanner()->error().message.contains(QLatin1String("holds no AccessKey")),
             qPrintable(window->errorBanner()->error().message));
    QVERIFY(m_client->credentialProvider()->description().contains(
        QLatin1String("saved account \"partner\"")));
}

void TestMainWindow::allAccountsInOneTable()
{
    // Three accounts, each with gateways of its own (the simulator shares its inventory among
    // them: keys of account 0, roles in accounts 1 and 2), and one whose role STS refuses. All
    // accounts shows every gateway of the three in one table with an Account column; the
    // refused one is a failure with a Retry that hides nothing else.
    dbs::SimulatorOptions options;
    options.gateways = 600;
    options.accounts = 3;
    auto simulator = startSimulator(options);
    fixture::pointAt(m_client.get(), *simulator, 2);
    QTemporaryDir home;
    const QByteArray keys = QByteArray("\"access_key_id\":\"") + dbs::demoAccessKeyId +
                            "\",\"access_key_secret\":\"" + dbs::demoAccessKeySecret + "\"";
    const auto role = [&keys](const char *name, const char *arn) {
        return QByteArray("{\"name\":\"") + name + "\",\"mode\":\"RamRoleArn\"," + keys +
               ",\"ram_role_arn\":\"" + arn + "\"}";
    };
    const QByteArray config = "{\"current\":\"keys\",\"profiles\":[{\"name\":\"keys\",\"mode\":"
                              "\"AK\"," +
                              keys + "}," + role("ops", "acs:ram::1:role/dbs-reader") + "," +
                              role("audit", "acs:ram::2:role/dbs-reader") + "," +
                              role("refused", "not-an-arn") + "]}";
    QVERIFY(fixture::writeFile(home.filePath(".aliyun/config.json"), config));
    const QByteArray oldHome = qgetenv("HOME");
    qputenv("HOME", home.path().toUtf8());
    qputenv("DBS_STS_ENDPOINT", simulator->baseUrl().toUtf8());
    auto window = makeWindow(false);
    qputenv("HOME", oldHome);
    qunsetenv("DBS_STS_ENDPOINT");
    AccountPicker *accounts = window->queryToolBar()->accountPicker();
    GatewayTableModel *model = window->gatewayModel();
    const QString region = window->queryToolBar()->regionPicker()->region();
    const int inRegion = int(simulator->gatewaysIn(region).size());
    QVERIFY(inRegion > 0);
    const auto pick = [accounts](const QString &data) {
        accounts->setCurrentIndex(accounts->findData(data)); // as the user does: it emits
    };

    pick(AccountPicker::allAccounts());
    QTRY_VERIFY_WITH_TIMEOUT(model->isAllAccounts() && model->regionSweep() &&
                                 model->regionSweep()->isFinished() && !model->isLoading(),
                             timeoutMs);
    QCOMPARE(m_settings->value(Settings::Key::Account).toString(), AccountPicker::allAccounts());
    QCOMPARE(model->rowCount(), inRegion); // the three accounts' shares make the whole region
    QMap<QString, int> perAccount;
    for (int row = 0; row < model->rowCount(); ++row)
        ++perAccount[model->gatewayAt(row).account];
    QCOMPARE(perAccount.keys(), (QStringList{"audit", "keys", "ops"}));
    for (int count : perAccount)
        QVERIFY(count > 0);

    // The Account column is shown, first.
    const int accountColumn = int(tableGatewayFields().indexOf(GatewayField::Account));
    QHeaderView *header = window->tableView()->horizontalHeader();
    QVERIFY(!header->isSectionHidden(accountColumn));
    QCOMPARE(header->visualIndex(accountColumn), 0);
    QCOMPARE(model->headerData(accountColumn, Qt::Horizontal).toString(),
             QStringLiteral("Account"));

    // The refused account: a chip with its reason and a Retry, a line in the banner; every
    // other account's rows stay.
    const RegionSweep *sweep = model->regionSweep();
    QCOMPARE(sweep->failures().size(), 1);
    const QString refusedKey = sweepKey(QStringLiteral("refused"), region);
    QCOMPARE(sweep->failures().first().keys, QStringList{refusedKey});
    QCOMPARE(sweep->failures().first().error.code, QStringLiteral("InvalidParameter.RoleArn"));
    RegionStrip *strip = window->fleetController()->regionStrip();
    QVERIFY(strip->isVisible());
    // (No translations are loaded here: the source's plural forms.)
    QVERIFY2(strip->summaryText().startsWith(QStringLiteral("4 account(s) · 1 failed · ")),
             qPrintable(strip->summaryText()));
    QVERIFY(strip->retryButton(refusedKey));
    QVERIFY(window->fleetController()->regionFailureBanner()->isVisible());
    QCOMPARE(window->fleetController()->regionFailureBanner()->failedRegions(),
             QStringList{refusedKey});
    QVERIFY(window->errorBanner()->isHidden());
    const QString credentials = window->gatewayStatusBar()->credentialText();
    QVERIFY2(credentials.contains(QStringLiteral("all accounts")) &&
                 credentials.contains(QStringLiteral("refused")),
             qPrintable(credentials));
    qobject_cast<QAbstractButton *>(strip->retryButton(refusedKey))->click();
    QTRY_VERIFY_WITH_TIMEOUT(sweep->isFinished() && !model->isLoading(), timeoutMs);
    QCOMPARE(sweep->result(refusedKey).state, RegionResult::State::Failed);
    QCOMPARE(model->rowCount(), inRegion);

    // A chip shows one account alone; the copy carries the Account column.
    QToolButton *opsChip = strip->regionButton(sweepKey(QStringLiteral("ops"), region));
    QVERIFY(opsChip);
    opsChip->click();
    QCOMPARE(window->filterModel()->rowCount(), perAccount.value("ops"));
    GatewayTableView *table = window->tableView();
    table->setFocus();
    table->selectRow(0);
    QApplication::clipboard()->clear();
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    const QStringList lines = QApplication::clipboard()->text().split(QLatin1Char('\n'));
    QCOMPARE(lines.at(0).split(QLatin1Char('\t')).first(), QStringLiteral("Account"));
    QCOMPARE(lines.at(1).split(QLatin1Char('\t')).first(), QStringLiteral("ops"));
    opsChip->click();
    QCOMPARE(window->filterModel()->rowCount(), inRegion);

    // One account again: its own gateways only, no Account column; each account's text
    // filter comes back with it.
    window->queryToolBar()->textFilter()->setText(QStringLiteral("prod"));
    QTRY_COMPARE(m_settings->value(Settings::Key::TextFilter).toString(), QStringLiteral("prod"));
    pick(QStringLiteral("ops"));
    QTRY_VERIFY_WITH_TIMEOUT(!model->isAllAccounts() && model->isComplete() &&
                                 model->rowCount() == perAccount.value("ops"),
                             timeoutMs);
    QVERIFY(header->isSectionHidden(accountColumn));
    QCOMPARE(model->gatewayAt(0).account, QString());
    QVERIFY(m_client->credentialProvider()->held().accessKeyId.startsWith(QLatin1String("STS.")));
    QCOMPARE(window->queryToolBar()->textFilter()->text(), QStringLiteral("prod")); // first time
    window->queryToolBar()->textFilter()->clear();
    QTRY_COMPARE(m_settings->value(Settings::Key::TextFilter).toString(), QString());
    pick(AccountPicker::allAccounts());
    QTRY_VERIFY_WITH_TIMEOUT(model->isAllAccounts() && model->rowCount() == inRegion, timeoutMs);
    QCOMPARE(window->queryToolBar()->textFilter()->text(), QStringLiteral("prod"));
    pick(QStringLiteral("ops"));
    QCOMPARE(window->queryToolBar()->textFilter()->text(), QString());
}

void TestMainWindow::errorBannerAndRetry()
{
    dbs::SimulatorOptions faulty;
    faulty.gateways = 50;
    faulty.faults = {{dbs::Fault::Http500, 1.0}};
    auto broken = startSimulator(faulty);
    fixture::pointAt(m_client.get(), *broken, 1);

    auto window = makeWindow();
    ErrorBanner *banner = window->errorBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), timeoutMs);
    QCOMPARE(window->gatewayModel()->rowCount(), 0);
    QCOMPARE(banner->error().code, QStringLiteral("InternalError"));
    QCOMPARE(banner->error().httpStatus, 500);
    QVERIFY(!banner->error().requestId.isEmpty());
    const auto *code = banner->findChild<QLabel *>(QStringLiteral("errorCode"));
    const auto *message = banner->findChild<QLabel *>(QStringLiteral("errorMessage"));
    const auto *requestId = banner->findChild<QLineEdit *>(QStringLiteral("errorRequestId"));
    QVERIFY(code && message && requestId);
    QVERIFY(code->text().contains(QStringLiteral("InternalError")));
    QVERIFY(message->text().contains(QStringLiteral("unknown error")));
    QCOMPARE(requestId->text(), banner->error().requestId);
    QVERIFY(requestId->isReadOnly());
    // Never a silent empty table.
    QVERIFY(window->tableView()->placeholderText().contains(QStringLiteral("could not be loaded")));
    // The failure is not retried behind the user's back: the next request is Retry's.
    QTest::qWait(1500);
    QCOMPARE(broken->requestCount(), quint64(1)); // maxAttempts = 1: one request, no re-send
    QVERIFY(!window->gatewayModel()->isLoading());

    auto *copyId = banner->findChild<QAbstractButton *>(QStringLiteral("copyRequestIdButton"));
    QVERIFY(copyId);
    copyId->click();
    QCOMPARE(QApplication::clipboard()->text(), banner->error().requestId);

    // The service recovers: Retry loads the page and the banner goes.
    const int total = int(m_simulator->gatewaysIn(QStringLiteral("cn-hangzhou")).size());
    fixture::pointAt(m_client.get(), *m_simulator, 1);
    auto *retry = banner->findChild<QPushButton *>(QStringLiteral("retryButton"));
    QVERIFY(retry);
    retry->click();
    QTRY_VERIFY_WITH_TIMEOUT(window->gatewayModel()->rowCount() > 0, timeoutMs);
    QVERIFY(banner->isHidden());
    QTRY_VERIFY_WITH_TIMEOUT(!window->gatewayModel()->isLoading(), timeoutMs);
    QCOMPARE(window->gatewayModel()->totalElements(), total);
}

void TestMainWindow::failureMidScrollKeepsTheRows()
{
    auto window = makeWindow();
    GatewayTableModel *model = window->gatewayModel();
    GatewayTableView *table = window->tableView();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 60 && !model->isLoading(), timeoutMs);
    QVERIFY(!model->isComplete());
    // The user is at the bottom of what is loaded, on its last visible row; then the service
    // fails.
    dbs::SimulatorOptions faulty;
    faulty.faults = {{dbs::Fault::Http500, 1.0}};
    auto broken = startSimulator(faulty);
    fixture::pointAt(m_client.get(), *broken, 1);
    table->setPrefetchEnabled(false);
    table->scrollToBottom();
    const int bottomRow = table->rowAt(table->viewport()->height() - 2);
    QVERIFY(bottomRow > 0);
    table->selectionModel()->setCurrentIndex(window->filterModel()->index(bottomRow, 0),
                                             QItemSelectionModel::ClearAndSelect |
                                                 QItemSelectionModel::Rows);
    const int loaded = model->rowCount();
    model->fetchMore({});
    QTRY_VERIFY_WITH_TIMEOUT(window->errorBanner()->isVisible(), timeoutMs);
    QCOMPARE(model->rowCount(), loaded);
    const QString text = window->errorBanner()->text();
    QVERIFY2(text.contains(QStringLiteral("Loading stopped after row %1").arg(loaded)),
             qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("could not be loaded")));
    QCOMPARE(table->currentIndex().row(), bottomRow);
    const QRect rect = table->visualRect(table->currentIndex());
    QVERIFY2(
        rect.top() >= 0 && rect.bottom() <= table->viewport()->height(),
        qPrintable(QStringLiteral("%1 in %2").arg(rect.bottom()).arg(table->viewport()->height())));
}

void TestMainWindow::ctrlEndGoesToTheLastRowOfTheListing()
{
    auto window = makeWindow();
    GatewayTableModel *model = window->gatewayModel();
    GatewayTableView *table = window->tableView();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), timeoutMs);
    QVERIFY(!model->isComplete());
    // Somewhere to the right, in the third column shown.
    const QModelIndex start =
        table->currentIndex().siblingAtColumn(table->horizontalHeader()->logicalIndex(2));
    table->setCurrentIndex(start);
    table->horizontalScrollBar()->setValue(table->horizontalScrollBar()->maximum() / 2);
    const int horizontal = table->horizontalScrollBar()->value();
    table->setFocus();
    QTest::keyClick(table, Qt::Key_End, Qt::ControlModifier);
    // Loading every page, with progress and Stop.
    QVERIFY(model->isLoading());
    QVERIFY(window->gatewayStatusBar()->isLoadingShown());
    QTRY_VERIFY_WITH_TIMEOUT(model->isComplete() && !model->isLoading(), timeoutMs);
    const int total = int(m_simulator->gatewaysIn(QStringLiteral("cn-hangzhou")).size());
    QCOMPARE(model->rowCount(), total);
    QCOMPARE(table->currentIndex().row(), total - 1);
    QCOMPARE(table->currentIndex().column(), start.column());
    QCOMPARE(table->horizontalScrollBar()->value(), horizontal);
    const QRect rect = table->visualRect(table->currentIndex());
    QVERIFY(rect.bottom() <= table->viewport()->height());
}

void TestMainWindow::wrongSecretHintAboveServiceText()
{
    Credential wrong = fixture::demoCredential();
    wrong.accessKeySecret = QStringLiteral("not-the-secret");
    m_client->setCredential(wrong);
    auto window = makeWindow();
    ErrorBanner *banner = window->errorBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), timeoutMs);
    QCOMPARE(banner->error().code, QStringLiteral("SignatureDoesNotMatch"));
    const auto *hint = banner->findChild<QLabel *>(QStringLiteral("errorHint"));
    const auto *message = banner->findChild<QLabel *>(QStringLiteral("errorMessage"));
    QVERIFY(hint && message);
    // What to check, in plain words, above the service's own (which stays as it said it).
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(QStringLiteral("the AccessKey secret does not match its id"),
                                   Qt::CaseInsensitive),
             qPrintable(hint->text()));
    QVERIFY(!message->text().contains(hint->text()));
    QVERIFY(message->text().contains(QStringLiteral("Specified signature is not matched")));
    QVERIFY(hint->mapTo(banner, QPoint()).y() + hint->height() <=
            message->mapTo(banner, QPoint()).y());
    QVERIFY(
        banner->findChild<QPushButton *>(QStringLiteral("errorCredentialsButton"))->isVisible());

    // Another error has no hint.
    ApiError other;
    other.kind = ApiError::Kind::Service;
    other.httpStatus = 500;
    other.code = QStringLiteral("InternalError");
    banner->showError(other);
    QVERIFY(hint->isHidden());
}

void TestMainWindow::settingsRememberedAcrossWindows()
{
    QSize remembered;
    {
        auto window = makeWindow();
        QTRY_VERIFY_WITH_TIMEOUT(window->gatewayModel()->rowCount() > 0, timeoutMs);
        RegionPicker *picker = window->findChild<RegionPicker *>(QStringLiteral("regionPicker"));
        picker->setCurrentIndex(picker->findData(QStringLiteral("cn-beijing")));
        auto *pageSize = window->findChild<QComboBox *>(QStringLiteral("pageSizePicker"));
        pageSize->setCurrentIndex(pageSize->findData(50));
        auto *button = window->findChild<StatusFilterButton *>(QStringLiteral("statusFilter"));
        button->actionFor(QStringLiteral("ONLINE"))->trigger();
        auto *text = window->findChild<QLineEdit *>(QStringLiteral("textFilter"));
        text->setText(QStringLiteral("prod"));
        QTest::keyClick(text, Qt::Key_Return);
        QHeaderView *header = window->tableView()->horizontalHeader();
        window->tableView()->setColumnHidden(1, true);
        header->moveSection(header->visualIndex(0), 0);
        header->resizeSection(5, 333);
        window->tableView()->sortByColumn(2, Qt::DescendingOrder);
        // Within the offscreen screen (800x600), since Qt 6.8 keeps a restored window on its
        // screen, and wider than the restored window's toolbars need (791 px with the filters
        // set above, on Qt 6.4 and 6.8).
        remembered = QSize(797, 523);
        window->resize(remembered);
        QTRY_VERIFY_WITH_TIMEOUT(!window->gatewayModel()->isLoading(), timeoutMs);
        window->close();
    }
    // A new Settings object reads what the first window wrote.
    m_settings = std::make_unique<Settings>();
    auto window = makeWindow(true, false);
    QCOMPARE(window->findChild<RegionPicker *>(QStringLiteral("regionPicker"))->region(),
             QStringLiteral("cn-beijing"));
    QCOMPARE(window->gatewayModel()->query().region, QStringLiteral("cn-beijing"));
    QCOMPARE(window->gatewayModel()->query().pageSize, 50);
    QCOMPARE(window->queryToolBar()->pageSize(), 50);
    QCOMPARE(window->filterModel()->statuses(), QSet<QString>{QStringLiteral("ONLINE")});
    QVERIFY(
        window->queryToolBar()->statusFilter()->actionFor(QStringLiteral("ONLINE"))->isChecked());
    QCOMPARE(window->filterModel()->text(), QStringLiteral("prod"));
    QCOMPARE(window->queryToolBar()->textFilter()->text(), QStringLiteral("prod"));
    QHeaderView *header = window->tableView()->horizontalHeader();
    QVERIFY(header->isSectionHidden(1));
    QCOMPARE(header->visualIndex(0), 0);
    QCOMPARE(header->sectionSize(5), 333);
    QCOMPARE(header->sortIndicatorSection(), 2);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(window->filterModel()->sortColumn(), 2);
    QCOMPARE(window->size(), remembered);
}

void TestMainWindow::agesTickWithoutRefetch()
{
    auto window = makeWindow();
    GatewayTableModel *model = window->gatewayModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), timeoutMs);
    const int column = int(allGatewayFields().indexOf(GatewayField::LastHeartbeatTime));
    const QModelIndex cell = window->filterModel()->index(0, column);
    const BackupGateway gateway = model->gatewayAt(0);
    const quint64 requests = m_simulator->requestCount();

    model->setNowMs(gateway.lastHeartbeatTime + 3 * 60 * 1000 + 5000);
    QCOMPARE(cell.data().toString(), QStringLiteral("3 min ago"));
    model->setNowMs(gateway.lastHeartbeatTime + 2 * 60 * 60 * 1000);
    QCOMPARE(cell.data().toString(), QStringLiteral("2 h ago"));
    // The exact time is in the tooltip.
    QVERIFY(cell.data(Qt::ToolTipRole)
                .toString()
                .contains(timewords::localWithZone(gateway.lastHeartbeatTime).left(19)));
    QCOMPARE(m_simulator->requestCount(), requests);
}

void TestMainWindow::columnChooserHidesColumns()
{
    auto window = makeWindow(false);
    GatewayTableView *table = window->tableView();
    QMenu *menu = table->createColumnMenu(window.get());
    QList<QAction *> columns;
    for (QAction *action : menu->actions()) {
        if (action->objectName().startsWith(QStringLiteral("column_")))
            columns.append(action);
    }
    QCOMPARE(columns.size(), int(tableGatewayFields().size()));
    QAction *hostname = menu->findChild<QAction *>(QStringLiteral("column_5"));
    QVERIFY(hostname);
    QCOMPARE(hostname->text(), QStringLiteral("Hostname"));
    QVERIFY(hostname->isChecked());
    hostname->setChecked(false);
    QVERIFY(table->isColumnHidden(5));
    hostname->setChecked(true);
    QVERIFY(!table->isColumnHidden(5));
    // Region starts hidden (it repeats the region picker) and can be shown.
    QAction *region = menu->findChild<QAction *>(QStringLiteral("column_4"));
    QVERIFY(region && !region->isChecked());
    region->setChecked(true);
    QVERIFY(!table->isColumnHidden(4));
    // The header offers the same menu.
    QCOMPARE(table->horizontalHeader()->contextMenuPolicy(), Qt::CustomContextMenu);
}

void TestMainWindow::emptyRegionSaysSo()
{
    auto window = makeWindow(false);
    window->setInitialRegion(QStringLiteral("me-east-1")); // the simulator has none there
    window->startBrowsing();
    QTRY_VERIFY_WITH_TIMEOUT(window->gatewayModel()->isComplete(), timeoutMs);
    QCOMPARE(window->gatewayModel()->rowCount(), 0);
    QVERIFY2(window->tableView()->placeholderText().contains(QStringLiteral("no backup gateways")),
             qPrintable(window->tableView()->placeholderText()));
    QCOMPARE(window->gatewayStatusBar()->loadedText(), QStringLiteral("0 of 0 loaded"));
}

void TestMainWindow::windowShortcutsFromTextFields()
{
    // On X11 QLineEdit claims Ctrl+E (end of line) through ShortcutOverride; the offscreen
    // platform has no such binding, so ctest runs this function under Xvfb as well
    // (tst_mainwindow_xcb), where the collision is real.
    const QKeySequence ctrlE(Qt::CTRL | Qt::Key_E);
    if (QGuiApplication::platformName() == u"xcb")
        QVERIFY(QKeySequence::keyBindings(QKeySequence::MoveToEndOfLine).contains(ctrlE));

    auto window = makeWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    GatewayTableModel *model = window->gatewayModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), timeoutMs);
    ExportController *exporter = window->exportController();
    // Focus in a field of the active window (a closed dialog may leave none active, and Xvfb
    // has no window manager to activate one).
    const auto focus = [&](QLineEdit *field) {
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()))
            return false;
        field->setFocus(Qt::OtherFocusReason);
        return QTest::qWaitFor([&] { return QApplication::focusWidget() == field; });
    };

    const QList<QLineEdit *> fields = {window->findChild<QLineEdit *>(QStringLiteral("textFilter")),
                                       window->queryToolBar()->identifierLookup()};
    for (QLineEdit *field : fields) {
        QVERIFY(field);
        QVERIFY2(field->isVisible(), qPrintable(field->objectName()));
        QVERIFY2(focus(field), qPrintable(field->objectName()));
        field->setText(QStringLiteral("abc"));
        field->setCursorPosition(0);

        // Ctrl+E: the export dialog, not the end of the line.
        QTest::keyClick(field, Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY2(exporter->dialog() && exporter->dialog()->isVisible(),
                     qPrintable(field->objectName()));
        QCOMPARE(field->cursorPosition(), 0);
        exporter->dialog()->reject();
        QTRY_VERIFY(!exporter->dialog() || !exporter->dialog()->isVisible());

        // F5 refreshes.
        QVERIFY(focus(field));
        const quint64 before = m_simulator->requestCount();
        QTest::keyClick(field, Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(m_simulator->requestCount() > before, timeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), timeoutMs);

        // The field's own keys still work.
        QVERIFY(focus(field));
        QTest::keyClick(field, Qt::Key_End);
        QCOMPARE(field->cursorPosition(), 3);
        field->setText(QString());
    }

    // Ctrl+F from the lookup goes to the text filter.
    QVERIFY(focus(fields.at(1)));
    QTest::keyClick(fields.at(1), Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), fields.at(0));

    // Ctrl+Q from the text filter closes the window.
    QTest::keyClick(fields.at(0), Qt::Key_Q, Qt::ControlModifier);
    QTRY_VERIFY(!window->isVisible());
}

void TestMainWindow::detailPaneFollowsTheFilter()
{
    auto window = makeWindow();
    GatewayTableModel *model = window->gatewayModel();
    GatewayFilterModel *filter = window->filterModel();
    GatewayTableView *table = window->tableView();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), timeoutMs);
    model->loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(model->isComplete() && !model->isLoading(), timeoutMs);

    // An Online gateway is current; then only Offline ones are shown.
    int online = -1;
    for (int row = 0; row < filter->rowCount() && online < 0; ++row) {
        if (filter->index(row, 0).data(GatewayTableModel::StatusRole).toString() == u"ONLINE")
            online = row;
    }
    QVERIFY(online >= 0);
    table->setCurrentIndex(filter->index(online, 0));
    QCOMPARE(window->detailPane()->gateway().status, QStringLiteral("ONLINE"));

    auto *button = window->findChild<StatusFilterButton *>(QStringLiteral("statusFilter"));
    button->actionFor(QStringLiteral("OFFLINE"))->trigger();
    QVERIFY(filter->rowCount() > 0);
    // The pane shows a row that is on screen (the first one), not the hidden Online gateway.
    QVERIFY(table->currentIndex().isValid());
    const QString currentId = table->currentIndex().data(GatewayTableModel::IdRole).toString();
    QCOMPARE(window->detailPane()->gateway().backupGatewayId, currentId);
    QCOMPARE(window->detailPane()->gateway().status, QStringLiteral("OFFLINE"));

    // Nothing matches: the pane is empty.
    auto *text = window->findChild<QLineEdit *>(QStringLiteral("textFilter"));
    text->setText(QStringLiteral("no-such-gateway-anywhere"));
    Q_EMIT text->returnPressed();
    QCOMPARE(filter->rowCount(), 0);
    QVERIFY(window->detailPane()->gateway().backupGatewayId.isEmpty());

    // Rows come back: one is current again and the pane shows it.
    text->clear();
    Q_EMIT text->returnPressed();
    QVERIFY(filter->rowCount() > 0);
    QVERIFY(table->currentIndex().isValid());
    QCOMPARE(window->detailPane()->gateway().backupGatewayId,
             table->currentIndex().data(GatewayTableModel::IdRole).toString());
}

void TestMainWindow::resetColumnsKeepsTheSort_data()
{
    QTest::addColumn<int>("column"); // -1: the service's order
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::newRow("service order") << -1 << Qt::AscendingOrder;
    QTest::newRow("name ascending") << 2 << Qt::AscendingOrder;
    QTest::newRow("id descending") << 0 << Qt::DescendingOrder;
}

void TestMainWindow::resetColumnsKeepsTheSort()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    m_settings->setValue(Settings::Key::SortColumn, column);
    m_settings->setValue(Settings::Key::SortOrder, int(order));
    auto window = makeWindow();
    GatewayTableModel *model = window->gatewayModel();
    GatewayFilterModel *filter = window->filterModel();
    GatewayTableView *table = window->tableView();
    QHeaderView *header = table->horizontalHeader();
    model->loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(model->isComplete() && !model->isLoading(), timeoutMs);
    QCOMPARE(filter->sortColumn(), column);

    const auto shownIds = [&] {
        QStringList ids;
        for (int row = 0; row < filter->rowCount(); ++row)
            ids.append(filter->index(row, 0).data(GatewayTableModel::IdRole).toString());
        return ids;
    };
    const QStringList before = shownIds();
    if (column < 0)
        QCOMPARE(before, loadedIds(model));

    // The user rearranges the columns, then resets them.
    table->setColumnHidden(5, true);
    table->setColumnHidden(4, false);
    header->moveSection(header->visualIndex(0), 0);
    header->resizeSection(1, 17);
    const QSignalSpy sortChanged(header, &QHeaderView::sortIndicatorChanged);
    QMenu *menu = table->createColumnMenu(window.get());
    menu->findChild<QAction *>(QStringLiteral("resetColumns"))->trigger();

    QVERIFY(!table->isColumnHidden(5));
    QVERIFY(table->isColumnHidden(4));   // Region starts hidden
    QCOMPARE(header->visualIndex(2), 0); // the name first
    QVERIFY(header->sectionSize(1) > 17);
    QCOMPARE(sortChanged.count(), 0);
    QCOMPARE(header->sortIndicatorSection(), column);
    if (column >= 0)
        QCOMPARE(header->sortIndicatorOrder(), order);
    QCOMPARE(filter->sortColumn(), column);
    QCOMPARE(shownIds(), before);
    QCOMPARE(m_settings->value(Settings::Key::SortColumn).toInt(), column);
}

void TestMainWindow::windowTitleLeavesTheAppNameToQt()
{
    const QString appName = QStringLiteral("DBS Gateway Browser");
    QApplication::setApplicationDisplayName(appName);
    auto window = makeWindow(false);
    window->setInitialRegion(QStringLiteral("cn-shanghai"));
    const QString region = window->queryToolBar()->regionPicker()->currentText();
    QVERIFY(region.contains(QStringLiteral("cn-shanghai")));
    QCOMPARE(window->windowTitle(), region);
    window->enterDemoMode(QUrl(m_simulator->baseUrl()), demoCredential());
    QCOMPARE(window->windowTitle(), QStringLiteral("%1 [demo]").arg(region));
    QVERIFY(!window->windowTitle().contains(appName));
    QApplication::setApplicationDisplayName(QString());
}

void TestMainWindow::staleThresholdMenu()
{
    auto window = makeWindow();
    GatewayTableModel *model = window->gatewayModel();
    auto *button = window->findChild<StatusFilterButton *>(QStringLiteral("statusFilter"));
    QCOMPARE(StatusFilterButton::staleThresholdMinutes(), (QList<int>{2, 5, 10, 15, 30, 60}));
    auto *menu = button->findChild<QMenu *>(QStringLiteral("staleThresholdMenu"));
    QVERIFY(menu);
    QCOMPARE(menu->title(), QStringLiteral("Stale &after"));
    QCOMPARE(menu->actions().size(), 6);
    for (QAction *action : menu->actions())
        QVERIFY(action->isCheckable());
    QVERIFY(button->staleThresholdAction(5)->isChecked()); // the default
    // "5 minute(s)" here: the English plural forms come with the program's translations.
    QVERIFY(button->staleThresholdAction(5)->text().startsWith(QStringLiteral("5 minute")));
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), timeoutMs);

    // Live: the stale rows follow the threshold picked.
    button->actionFor(QStringLiteral("stale"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(model->isComplete() && !window->filterModel()->isPartial(), timeoutMs);
    const int staleAfter5 = window->filterModel()->rowCount();
    button->staleThresholdAction(60)->trigger();
    QVERIFY(button->staleThresholdAction(60)->isChecked());
    QVERIFY(!button->staleThresholdAction(5)->isChecked()); // exclusive
    QCOMPARE(model->staleThresholdMs(), 60 * 60 * 1000LL);
    QCOMPARE(m_settings->value(Settings::Key::StaleThresholdMs).toLongLong(), 60 * 60 * 1000LL);
    QVERIFY(window->filterModel()->rowCount() <= staleAfter5);
    for (int row = 0; row < window->filterModel()->rowCount(); ++row) {
        const BackupGateway gateway = window->filterModel()
                                          ->index(row, 0)
                                          .data(GatewayTableModel::GatewayRole)
                                          .value<BackupGateway>();
        QVERIFY(model->nowMs() - gateway.lastHeartbeatTime > 60 * 60 * 1000LL);
    }
    button->staleThresholdAction(2)->trigger();
    QVERIFY(window->filterModel()->rowCount() >= staleAfter5);
    QCOMPARE(model->staleThresholdMs(), 2 * 60 * 1000LL);

    // Remembered.
    window.reset();
    auto again = makeWindow(false);
    auto *button2 = again->findChild<StatusFilterButton *>(QStringLiteral("statusFilter"));
    QVERIFY(button2->staleThresholdAction(2)->isChecked());
    QCOMPARE(again->gatewayModel()->staleThresholdMs(), 2 * 60 * 1000LL);
}

void TestMainWindow::statusBarNumbersAndSorting()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    GatewayStatusBar bar;
    bar.setCounts(50000, 50000, 39966, true, false);
    QCOMPARE(bar.filterText(), QStringLiteral("39,966 shown"));
    bar.setCounts(100, 5000, 100, false, true); // only a sort, pages remain
    QCOMPARE(bar.filterText(), QStringLiteral("sorted so far"));
    bar.setCounts(100, 5000, 3, true, true);
    QCOMPARE(bar.filterText(), QStringLiteral("3 shown so far"));
    // Each figure once: the loaded count is not said again beside the filter's.
    QCOMPARE(bar.loadedText(), QStringLiteral("100 of 5,000 loaded"));
    bar.setCounts(100, 5000, 100, false, false);
    QVERIFY(bar.filterText().isEmpty());

    QVERIFY(bar.regionsText().isEmpty());
    bar.setRegions(2, 0);
    // (The English plurals come from the translation, which tests do not load.)
    QCOMPARE(bar.regionsText(), QStringLiteral("2 region(s) failed"));
    bar.setRegions(1, 3);
    QCOMPARE(bar.regionsText(), QStringLiteral("1 region(s) failed · 3 pending"));
    bar.setRegions(0, 19);
    QCOMPARE(bar.regionsText(), QStringLiteral("19 region(s) pending"));
    bar.setRegions(0, 0);
    QVERIFY(bar.regionsText().isEmpty());
    QLocale::setDefault(before);
}

void TestMainWindow::loadRemainingWhilePagesRemain()
{
    auto window = makeWindow();
    GatewayTableModel *model = window->gatewayModel();
    auto *action = window->findChild<QAction *>(QStringLiteral("loadRemainingAction"));
    QVERIFY(action);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), timeoutMs);
    QVERIFY(!model->isComplete()); // the first pages only, as a scroll leaves it
    QVERIFY(action->isEnabled());
    action->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(model->isComplete() && !model->isLoading(), timeoutMs);
    QCOMPARE(model->rowCount(), model->totalElements());
    QVERIFY(!action->isEnabled()); // nothing remains
}

void TestMainWindow::loadRemainingAfterStop()
{
    auto window = makeWindow();
    GatewayTableModel *model = window->gatewayModel();
    GatewayFilterModel *filter = window->filterModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), timeoutMs);
    QVERIFY(!model->isComplete());
    auto *resume = window->findChild<QToolButton *>(QStringLiteral("loadRemainingButton"));
    auto *resumeAction = window->findChild<QAction *>(QStringLiteral("loadRemainingAction"));
    QVERIFY(resume && resumeAction);
    QVERIFY(!resume->isVisible());      // the status bar offers it only for a partial filter
    QVERIFY(resumeAction->isEnabled()); // the menu whenever pages remain

    window->findChild<StatusFilterButton *>(QStringLiteral("statusFilter"))
        ->actionFor(QStringLiteral("OFFLINE"))
        ->trigger();
    QVERIFY(filter->isPartial());
    window->findChild<QToolButton *>(QStringLiteral("stopLoadingButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), timeoutMs);
    QVERIFY(!model->isComplete());
    QVERIFY(filter->isPartial());
    QVERIFY(resume->isVisible());
    QVERIFY(resumeAction->isEnabled());

    resume->click();
    QTRY_VERIFY_WITH_TIMEOUT(model->isComplete() && !model->isLoading(), timeoutMs);
    QVERIFY(!filter->isPartial());
    QVERIFY(!resume->isVisible());
    QVERIFY(!resumeAction->isEnabled());
}

void TestMainWindow::exportedSaysSoInTheStatusBar()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    auto window = makeWindow(false);
    Q_EMIT window->exportController()->exported(QStringLiteral("/tmp/gateways.csv"), 1234);
    // "gateway(s)": the English plural forms come with the program's translations.
    const QString message = window->statusBar()->currentMessage();
    QVERIFY2(message.startsWith(QStringLiteral("Exported 1,234 gateway")), qPrintable(message));
    QVERIFY2(message.endsWith(QStringLiteral(" to /tmp/gateways.csv")), qPrintable(message));
    QLocale::setDefault(before);
}

void TestMainWindow::errorHeadlines_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("headline");
    const QString refused = QStringLiteral("The DBS service refused to list the gateways.");
    const QString neutral = QStringLiteral("The gateways could not be loaded.");
    QTest::newRow("403") << int(ApiError::Kind::Service) << 403 << refused;
    QTest::newRow("400") << int(ApiError::Kind::Service) << 400 << refused;
    QTest::newRow("500") << int(ApiError::Kind::Service) << 500 << neutral;
    QTest::newRow("503") << int(ApiError::Kind::Service) << 503 << neutral;
    QTest::newRow("network") << int(ApiError::Kind::Transport) << 0
                             << QStringLiteral("Could not reach the DBS service.");
}

void TestMainWindow::errorHeadlines()
{
    QFETCH(int, kind);
    QFETCH(int, httpStatus);
    QFETCH(QString, headline);
    ApiError error;
    error.kind = ApiError::Kind(kind);
    error.httpStatus = httpStatus;
    QCOMPARE(ErrorBanner::headline(error), headline);
    QVERIFY(httpStatus < 500 || !ErrorBanner::headline(error).contains(QStringLiteral("refused")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
