// The query, the filters and the sort as the toolbar and the summary strip set them: each
// reaches the models and is remembered; Retry asks for what failed.
#include <ui/window/browsecontroller.h>

#include <ui/query/querytoolbar.h>
#include <ui/query/regionpicker.h>
#include <ui/query/statusfilterbutton.h>

#include <models/gatewayfiltermodel.h>
#include <models/gatewaytablemodel.h>
#include <settings/settings.h>

#include "simfixture.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace dbs;

class TestBrowseController final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void startAppliesTheRememberedQueryAndFilters();
    void choicesAreRemembered();
    void summaryClicksToggle();
    void textFilterWaitsForThePause();
    void retryAfterAFailedPage();

private:
    std::unique_ptr<sim::Simulator> m_simulator;
};

void TestBrowseController::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("tst_browsecontroller"));
    m_simulator = fixture::startSimulator(
        fixture::options(200, 3, {QStringLiteral("cn-hangzhou"), QStringLiteral("cn-shanghai")}));
}

void TestBrowseController::init()
{
    QSettings().clear();
}

void TestBrowseController::startAppliesTheRememberedQueryAndFilters()
{
    {
        Settings settings;
        settings.setValue(Settings::Key::Region, QStringLiteral("cn-shanghai"));
        settings.setValue(Settings::Key::PageSize, 50);
        settings.setValue(Settings::Key::StatusFilter, QStringList{QStringLiteral("OFFLINE")});
        settings.setValue(Settings::Key::TextFilter, QStringLiteral("mysql"));
    }
    Settings settings;
    DbsClient client;
    fixture::pointAt(&client, *m_simulator);
    GatewayTableModel model(&client);
    GatewayFilterModel filter;
    filter.setGatewayModel(&model);
    QueryToolBar toolBar;
    BrowseController browse(&model, &filter, &settings, &toolBar);
    QSignalSpy first(&browse, &BrowseController::firstStarted);
    QVERIFY(!browse.isBrowsing());
    QCOMPARE(browse.loadState().total, -1); // unknown, not zero, before any answer
    browse.start();
    QVERIFY(browse.isBrowsing());
    QCOMPARE(first.size(), 1);
    QCOMPARE(model.query().region, QStringLiteral("cn-shanghai"));
    QCOMPARE(model.query().pageSize, 50);
    QCOMPARE(toolBar.statusFilter()->statuses(), QSet<QString>{QStringLiteral("OFFLINE")});
    QCOMPARE(toolBar.textFilter()->text(), QStringLiteral("mysql"));
    QVERIFY(filter.isFiltering());
    QTRY_VERIFY(model.rowCount() > 0);
    QCOMPARE(browse.loadState().total,
             m_simulator->gatewaysIn(QStringLiteral("cn-shanghai")).size());
    browse.start(); // again: the query starts over, the filters stay
    QCOMPARE(first.size(), 1);
    QVERIFY(filter.isFiltering());
}

void TestBrowseController::choicesAreRemembered()
{
    Settings settings;
    DbsClient client;
    fixture::pointAt(&client, *m_simulator);
    GatewayTableModel model(&client);
    GatewayFilterModel filter;
    filter.setGatewayModel(&model);
    QueryToolBar toolBar;
    BrowseController browse(&model, &filter, &settings, &toolBar);
    browse.start();
    // A user's pick of another region, as the picker reports it.
    Q_EMIT toolBar.regionPicker()->regionPicked(QStringLiteral("cn-shanghai"));
    QCOMPARE(settings.value(Settings::Key::Region).toString(), QStringLiteral("cn-shanghai"));
    browse.setSort(3, Qt::DescendingOrder);
    QCOMPARE(settings.value(Settings::Key::SortColumn).toInt(), 3);
    QCOMPARE(settings.value(Settings::Key::SortOrder).toInt(), int(Qt::DescendingOrder));
    browse.showOnlyStale();
    QVERIFY(settings.value(Settings::Key::StaleOnlyFilter).toBool());
    // --region for this run only is not remembered.
    browse.setInitialRegion(QStringLiteral("cn-hangzhou"));
    browse.start();
    QCOMPARE(model.query().region, QStringLiteral("cn-hangzhou"));
    QCOMPARE(settings.value(Settings::Key::Region).toString(), QStringLiteral("cn-shanghai"));
}

void TestBrowseController::summaryClicksToggle()
{
    Settings settings;
    DbsClient client;
    fixture::pointAt(&client, *m_simulator);
    GatewayTableModel model(&client);
    GatewayFilterModel filter;
    filter.setGatewayModel(&model);
    QueryToolBar toolBar;
    BrowseController browse(&model, &filter, &settings, &toolBar);
    QSignalSpy summary(&browse, &BrowseController::summaryFilterChanged);
    browse.start();
    browse.showOnlyStatus(QStringLiteral("ONLINE"));
    QCOMPARE(toolBar.statusFilter()->statuses(), QSet<QString>{QStringLiteral("ONLINE")});
    QCOMPARE(summary.last().at(0).value<QSet<QString>>(), QSet<QString>{QStringLiteral("ONLINE")});
    browse.showOnlyStatus(QStringLiteral("ONLINE")); // the same again: everything
    QVERIFY(toolBar.statusFilter()->statuses().isEmpty());
    browse.showOnlyAgeBucket(AgeBucket::UnderDay);
    QCOMPARE(filter.heartbeatAge(), std::optional(AgeBucket::UnderDay));
    browse.showAll();
    QCOMPARE(filter.heartbeatAge(), std::nullopt);
    QVERIFY(!filter.isFiltering());
}

void TestBrowseController::textFilterWaitsForThePause()
{
    Settings settings;
    DbsClient client;
    fixture::pointAt(&client, *m_simulator);
    GatewayTableModel model(&client);
    GatewayFilterModel filter;
    filter.setGatewayModel(&model);
    QueryToolBar toolBar;
    BrowseController browse(&model, &filter, &settings, &toolBar);
    browse.start();
    toolBar.textFilter()->setText(QStringLiteral("my"));
    QVERIFY(!filter.isFiltering()); // typing: not yet
    QTRY_VERIFY(filter.isFiltering());
    QCOMPARE(settings.value(Settings::Key::TextFilter).toString(), QStringLiteral("my"));
    toolBar.textFilter()->setText(QString());
    browse.applyTextFilterNow(); // Enter
    QVERIFY(!filter.isFiltering());
}

void TestBrowseController::retryAfterAFailedPage()
{
    // The first page cannot be read (nothing listens); once the service is there, Retry asks
    // for that page again and the rows come.
    Settings settings;
    settings.setValue(Settings::Key::Region, QStringLiteral("cn-hangzhou"));
    DbsClient client;
    fixture::pointAt(&client, *m_simulator);
    const ClientOptions reachable = client.options();
    ClientOptions unreachable = reachable;
    unreachable.endpoint = QUrl(QStringLiteral("http://127.0.0.1:9"));
    client.setOptions(unreachable);
    GatewayTableModel model(&client);
    GatewayFilterModel filter;
    filter.setGatewayModel(&model);
    QueryToolBar toolBar;
    BrowseController browse(&model, &filter, &settings, &toolBar);
    QSignalSpy failed(&model, &GatewayTableModel::errorOccurred);
    QSignalSpy resumed(&browse, &BrowseController::loadingResumed);
    browse.start();
    model.fetchMore({}); // as the view asks for its first page
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    client.setOptions(reachable);
    const qsizetype before = resumed.size();
    browse.retry();
    QVERIFY(resumed.size() > before);
    QTRY_COMPARE(model.rowCount(), 30);
    QCOMPARE(failed.size(), 1);
}

QTEST_MAIN(TestBrowseController)
#include "tst_browsecontroller.moc"
