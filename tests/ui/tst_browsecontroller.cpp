// The query, the filters and the sort as the toolbar and the summary strip set them: each
// reaches the models and is remembered; Retry asks for what failed.
#include <ui/window/browsecontroller.h>

#include <ui/query/identifierlookup.h>
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

namespace {
// The controller with the real models and toolbar it drives, the client at `simulator`.
struct Browsing
{
    explicit Browsing(const dbs::Simulator &simulator)
    {
        fixture::pointAt(&client, simulator);
        filter.setGatewayModel(&model);
    }
    Settings settings;
    DbsClient client;
    GatewayTableModel model{&client};
    GatewayFilterModel filter;
    QueryToolBar toolBar;
    BrowseController browse{&model, &filter, &settings, &toolBar};
};
} // namespace

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
    void lookupNamesTheIdentifiersNotFound();

private:
    std::unique_ptr<dbs::Simulator> m_simulator;
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
    Browsing b(*m_simulator);
    QSignalSpy first(&b.browse, &BrowseController::firstStarted);
    QVERIFY(!b.browse.isBrowsing());
    QCOMPARE(b.browse.loadState().total, -1); // unknown, not zero, before any answer
    b.browse.start();
    QVERIFY(b.browse.isBrowsing());
    QCOMPARE(first.size(), 1);
    QCOMPARE(b.model.query().region, QStringLiteral("cn-shanghai"));
    QCOMPARE(b.model.query().pageSize, 50);
    QCOMPARE(b.toolBar.statusFilter()->statuses(), QSet<QString>{QStringLiteral("OFFLINE")});
    QCOMPARE(b.toolBar.textFilter()->text(), QStringLiteral("mysql"));
    QVERIFY(b.filter.isFiltering());
    QTRY_VERIFY(b.model.rowCount() > 0);
    QCOMPARE(b.browse.loadState().total,
             m_simulator->gatewaysIn(QStringLiteral("cn-shanghai")).size());
    b.browse.start(); // again: the query starts over, the filters stay
    QCOMPARE(first.size(), 1);
    QVERIFY(b.filter.isFiltering());
}

void TestBrowseController::choicesAreRemembered()
{
    Browsing b(*m_simulator);
    b.browse.start();
    // A user's pick of another region, as the picker reports it.
    Q_EMIT b.toolBar.regionPicker()->regionPicked(QStringLiteral("cn-shanghai"));
    QCOMPARE(b.settings.value(Settings::Key::Region).toString(), QStringLiteral("cn-shanghai"));
    b.browse.setSort(3, Qt::DescendingOrder);
    QCOMPARE(b.settings.value(Settings::Key::SortColumn).toInt(), 3);
    QCOMPARE(b.settings.value(Settings::Key::SortOrder).toInt(), int(Qt::DescendingOrder));
    b.browse.showOnlyStale();
    QVERIFY(b.settings.value(Settings::Key::StaleOnlyFilter).toBool());
    // --region for this run only is not remembered.
    b.browse.setInitialRegion(QStringLiteral("cn-hangzhou"));
    b.browse.start();
    QCOMPARE(b.model.query().region, QStringLiteral("cn-hangzhou"));
    QCOMPARE(b.settings.value(Settings::Key::Region).toString(), QStringLiteral("cn-shanghai"));
}

void TestBrowseController::summaryClicksToggle()
{
    Browsing b(*m_simulator);
    QSignalSpy summary(&b.browse, &BrowseController::summaryFilterChanged);
    b.browse.start();
    b.browse.showOnlyStatus(QStringLiteral("ONLINE"));
    QCOMPARE(b.toolBar.statusFilter()->statuses(), QSet<QString>{QStringLiteral("ONLINE")});
    QCOMPARE(summary.last().at(0).value<QSet<QString>>(), QSet<QString>{QStringLiteral("ONLINE")});
    b.browse.showOnlyStatus(QStringLiteral("ONLINE")); // the same again: everything
    QVERIFY(b.toolBar.statusFilter()->statuses().isEmpty());
    b.browse.showOnlyAgeBucket(AgeBucket::UnderDay);
    QCOMPARE(b.filter.heartbeatAge(), std::optional(AgeBucket::UnderDay));
    b.browse.showAll();
    QCOMPARE(b.filter.heartbeatAge(), std::nullopt);
    QVERIFY(!b.filter.isFiltering());
}

void TestBrowseController::textFilterWaitsForThePause()
{
    Browsing b(*m_simulator);
    b.browse.start();
    b.toolBar.textFilter()->setText(QStringLiteral("my"));
    QVERIFY(!b.filter.isFiltering()); // typing: not yet
    QTRY_VERIFY(b.filter.isFiltering());
    QCOMPARE(b.settings.value(Settings::Key::TextFilter).toString(), QStringLiteral("my"));
    b.toolBar.textFilter()->setText(QString());
    b.browse.applyTextFilterNow(); // Enter
    QVERIFY(!b.filter.isFiltering());
}

void TestBrowseController::retryAfterAFailedPage()
{
    // The first page cannot be read (nothing listens); once the service is there, Retry asks
    // for that page again and the rows come.
    Settings().setValue(Settings::Key::Region, QStringLiteral("cn-hangzhou"));
    Browsing b(*m_simulator);
    const ClientOptions reachable = b.client.options();
    ClientOptions unreachable = reachable;
    unreachable.endpoint = QUrl(QStringLiteral("http://127.0.0.1:9"));
    b.client.setOptions(unreachable);
    QSignalSpy failed(&b.model, &GatewayTableModel::errorOccurred);
    QSignalSpy resumed(&b.browse, &BrowseController::loadingResumed);
    b.browse.start();
    b.model.fetchMore({}); // as the view asks for its first page
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(b.model.rowCount(), 0);
    b.client.setOptions(reachable);
    const qsizetype before = resumed.size();
    b.browse.retry();
    QVERIFY(resumed.size() > before);
    QTRY_COMPARE(b.model.rowCount(), 30);
    QCOMPARE(failed.size(), 1);
}

void TestBrowseController::lookupNamesTheIdentifiersNotFound()
{
    const QVector<BackupGateway> hangzhou = m_simulator->gatewaysIn(QStringLiteral("cn-hangzhou"));
    Browsing b(*m_simulator);
    b.browse.start();
    IdentifierLookup *lookup = b.toolBar.identifierLookup();
    // Two that exist (one by identifier, one by id, in another case) and two that do not.
    lookup->setText(QStringLiteral("%1, dbsgwnothere1 %2\ndbsgwnothere2")
                        .arg(hangzhou.at(0).identifier, hangzhou.at(1).backupGatewayId.toUpper()));
    Q_EMIT lookup->returnPressed();
    b.model.fetchMore({});                                   // as the table does
    QCOMPARE(b.browse.notFoundIdentifiers(), QStringList()); // not before the answer
    QTRY_VERIFY(b.model.isComplete() && !b.model.isLoading());
    QCOMPARE(b.model.rowCount(), 2);
    QCOMPARE(b.browse.notFoundIdentifiers(),
             (QStringList{QStringLiteral("dbsgwnothere1"), QStringLiteral("dbsgwnothere2")}));
    const QString text = b.browse.notFoundText();
    QVERIFY2(text.contains(u"(2 of 4)") && text.contains(u"dbsgwnothere1") &&
                 text.contains(u"dbsgwnothere2"),
             qPrintable(text));
    QCOMPARE(b.browse.placeholderText(false, false, false), QString()); // rows are shown

    // None found: the table's placeholder names them.
    lookup->setText(QStringLiteral("dbsgwnothere3 dbsgwnothere4"));
    Q_EMIT lookup->returnPressed();
    b.model.fetchMore({});
    QTRY_VERIFY(b.model.isComplete() && !b.model.isLoading());
    QCOMPARE(b.model.rowCount(), 0);
    const QString placeholder = b.browse.placeholderText(false, false, false);
    QVERIFY2(placeholder.contains(u"dbsgwnothere3") && placeholder.contains(u"dbsgwnothere4"),
             qPrintable(placeholder));

    // Many: the first ten are named, the rest counted.
    QStringList many;
    for (int i = 0; i < 25; ++i)
        many.append(QStringLiteral("dbsgwmissing%1").arg(i));
    lookup->setText(many.join(u' '));
    Q_EMIT lookup->returnPressed();
    b.model.fetchMore({});
    QTRY_VERIFY(b.model.isComplete() && !b.model.isLoading());
    const QString long_ = b.browse.placeholderText(false, false, false);
    QVERIFY2(long_.contains(u"dbsgwmissing9") && !long_.contains(u"dbsgwmissing10") &&
                 long_.contains(u"15 more"),
             qPrintable(long_));

    // Cleared: no lookup, nothing to report.
    lookup->clear();
    Q_EMIT lookup->returnPressed();
    QCOMPARE(b.browse.notFoundText(), QString());
}

QTEST_MAIN(TestBrowseController)
#include "tst_browsecontroller.moc"
