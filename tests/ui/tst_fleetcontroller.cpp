#include <ui/fleet/fleetcontroller.h>
#include <ui/fleet/regionstrip.h>
#include <ui/fleet/summarystrip.h>

#include "secretscan.h"
#include "simfixture.h"

#include <api/endpoints.h>
#include <fleet/inventorysnapshot.h>
#include <models/changelogmodel.h>
#include <models/gatewaytablemodel.h>
#include <settings/settings.h>

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace dbs;

namespace {
const QString hangzhou = QStringLiteral("cn-hangzhou");
constexpr int waitMs = 30000;

GatewayChange change(ChangeKind kind, const QString &name, const QString &status)
{
    GatewayChange c;
    c.kind = kind;
    c.gateway.backupGatewayId = QStringLiteral("id-") + name;
    c.gateway.displayName = name;
    c.gateway.status = status;
    return c;
}
} // namespace

class TestFleetController final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void lastRunShownAtOnceThenCompared();
    void autoRefreshIsRemembered();
    void allRegionsShowTheStrip();
    void changesPanelShowsTheGatewayAndSelectsIt();
    void notificationText_data();
    void notificationText();

private:
    std::unique_ptr<dbs::Simulator> m_simulator;
};

void TestFleetController::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("dbs-gateway-browser-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_fleetcontroller"));
    m_simulator = fixture::startSimulator(fixture::options(250, 17, {hangzhou, "cn-beijing"}));
}

void TestFleetController::init()
{
    QSettings().clear();
    QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).removeRecursively();
}

void TestFleetController::lastRunShownAtOnceThenCompared()
{
    const QUrl endpoint(m_simulator->baseUrl());
    const QVector<BackupGateway> truth = m_simulator->gatewaysIn(hangzhou);
    Settings settings;
    QWidget parent;
    {
        // The first run: nothing kept yet; a complete load is kept on disk.
        DbsClient client;
        fixture::pointAt(&client, *m_simulator);
        GatewayTableModel model(&client);
        FleetController fleet(&model, &settings, &parent);
        QSignalSpy complete(&model, &GatewayTableModel::inventoryComplete);
        model.setQuery(fixture::query(hangzhou, 50));
        fleet.queryStarted(endpoint);
        QVERIFY(fleet.asOfText().isEmpty());
        QCOMPARE(model.rowCount(), 0);
        model.loadAll();
        QTRY_COMPARE_WITH_TIMEOUT(complete.size(), 1, waitMs);
        QCOMPARE(fleet.changeLog()->rowCount(), 0); // nothing to compare with
    }
    const QString path = snapshotPath(hangzhou, endpoint);
    InventorySnapshot kept;
    QString error;
    QVERIFY2(loadSnapshot(path, &kept, &error), qPrintable(error));
    QCOMPARE(kept.gateways, truth);
    // Gateways only: the key pair the client used is nowhere in the file.
    QVERIFY(fixture::filesContaining(QFileInfo(path).absolutePath(),
                                     {QByteArray(dbs::demoAccessKeySecret)})
                .isEmpty());

    // What the last run saw differs from the service now: one gateway more, one less, one
    // with another status.
    InventorySnapshot last = kept;
    BackupGateway gone = truth.first();
    gone.backupGatewayId = QStringLiteral("gone-since");
    gone.displayName = QStringLiteral("decommissioned");
    last.gateways.append(gone);
    const QString added = last.gateways.takeAt(5).backupGatewayId;
    // One that is OFFLINE now was ONLINE then: "status", from ONLINE.
    const auto offline =
        std::find_if(last.gateways.begin() + 6, last.gateways.end(),
                     [](const BackupGateway &g) { return g.status == u"OFFLINE"; });
    QVERIFY(offline != last.gateways.end());
    offline->status = QStringLiteral("ONLINE");
    const QString flipped = offline->backupGatewayId;
    QVERIFY(saveSnapshot(path, last, &error));

    // The next start: the last run's rows at once, marked as such, then the service's.
    DbsClient client;
    fixture::pointAt(&client, *m_simulator);
    GatewayTableModel model(&client);
    FleetController fleet(&model, &settings, &parent);
    QSignalSpy asOf(&fleet, &FleetController::asOfChanged);
    QSignalSpy complete(&model, &GatewayTableModel::inventoryComplete);
    model.setQuery(fixture::query(hangzhou, 50));
    fleet.queryStarted(endpoint);
    QCOMPARE(model.rowCount(), last.gateways.size()); // before any answer
    QVERIFY(fleet.asOfText().contains(QLatin1String("as of")));
    QTRY_COMPARE_WITH_TIMEOUT(complete.size(), 1, waitMs);
    QCOMPARE(model.gateways(), truth);
    QVERIFY(fleet.asOfText().isEmpty());
    QVERIFY(asOf.last().at(0).toString().isEmpty());

    QStringList seen;
    for (int row = 0; row < fleet.changeLog()->rowCount(); ++row) {
        const GatewayChange &c = fleet.changeLog()->changeAt(row);
        seen.append(changeKindName(c.kind) + QLatin1Char(' ') + c.gateway.backupGatewayId);
    }
    seen.sort();
    QStringList expected{QStringLiteral("added ") + added, QStringLiteral("removed gone-since"),
                         QStringLiteral("status ") + flipped};
    expected.sort();
    QCOMPARE(seen, expected);
    // Changed rows are highlighted; the others are not.
    QVERIFY(model.index(model.rowOfId(added), 0).data(GatewayTableModel::ChangedRole).toBool());
    QVERIFY(model.index(model.rowOfId(flipped), 0).data(GatewayTableModel::ChangedRole).toBool());
    QVERIFY(!model.index(0, 0).data(GatewayTableModel::ChangedRole).toBool());
    // The summary counts what is loaded.
    QTRY_VERIFY_WITH_TIMEOUT(
        fleet.summaryStrip()->button("all")->text().contains(QString::number(truth.size())), 2000);
}

void TestFleetController::autoRefreshIsRemembered()
{
    Settings settings;
    QWidget parent;
    DbsClient client;
    fixture::pointAt(&client, *m_simulator);
    GatewayTableModel model(&client);
    {
        FleetController fleet(&model, &settings, &parent);
        QCOMPARE(fleet.autoRefreshMs(), 0);
        QMenu menu;
        fleet.addActionsTo(&menu);
        auto *every30 = fleet.findChild<QAction *>(QStringLiteral("autoRefresh_30"));
        QVERIFY(every30);
        every30->trigger();
        QCOMPARE(fleet.autoRefreshMs(), 30000);
        QCOMPARE(settings.value(Settings::Key::AutoRefreshSeconds).toInt(), 30);
    }
    FleetController again(&model, &settings, &parent);
    QCOMPARE(again.autoRefreshMs(), 30000); // remembered
    bool ticking = false;
    for (const QTimer *timer : again.findChildren<QTimer *>())
        ticking |= timer->isActive() && timer->interval() == 30000;
    QVERIFY(ticking);
    // "Off" stops it and is remembered too.
    QMenu menu;
    again.addActionsTo(&menu);
    again.findChild<QAction *>(QStringLiteral("autoRefresh_0"))->trigger();
    QCOMPARE(again.autoRefreshMs(), 0);
    QCOMPARE(settings.value(Settings::Key::AutoRefreshSeconds).toInt(), 0);
}

void TestFleetController::allRegionsShowTheStrip()
{
    Settings settings;
    QWidget parent;
    DbsClient client;
    fixture::pointAt(&client, *m_simulator);
    GatewayTableModel model(&client);
    FleetController fleet(&model, &settings, &parent);
    model.setQuery(fixture::query(dbs::endpoints::allRegions(), 100));
    fleet.queryStarted(QUrl(m_simulator->baseUrl()));
    QVERIFY(!fleet.regionStrip()->isHidden());
    QSignalSpy complete(&model, &GatewayTableModel::inventoryComplete);
    QTRY_COMPARE_WITH_TIMEOUT(complete.size(), 1, waitMs);
    const QStringList chips = fleet.regionStrip()->chipTexts();
    QVERIFY2(chips.size() == 3, qPrintable(chips.join(u'|'))); // two regions and "21 without"
    model.setQuery(fixture::query(hangzhou));
    fleet.queryStarted(QUrl(m_simulator->baseUrl()));
    QVERIFY(fleet.regionStrip()->isHidden());
}

void TestFleetController::changesPanelShowsTheGatewayAndSelectsIt()
{
    Settings settings;
    QWidget parent;
    DbsClient client;
    GatewayTableModel model(&client);
    FleetController fleet(&model, &settings, &parent);
    const QString name = QStringLiteral("mysql-production-replica-frankfurt-0042");
    fleet.changeLog()->addChanges({change(ChangeKind::Status, name, "OFFLINE")});
    QDockWidget *dock = fleet.changesDock();
    dock->resize(700, 200);
    parent.resize(700, 300);
    parent.show();
    dock->show();
    auto *view = dock->findChild<QTableView *>(QStringLiteral("changesView"));
    QVERIFY(view);
    QTRY_VERIFY(view->isVisible());
    // The name whole, the status only as wide as its word.
    const int gatewayWidth = view->columnWidth(ChangeLogModel::GatewayColumn);
    QVERIFY2(gatewayWidth >= view->fontMetrics().horizontalAdvance(name),
             qPrintable(QString::number(gatewayWidth)));
    QVERIFY(view->columnWidth(ChangeLogModel::StatusColumn) < gatewayWidth);

    QSignalSpy activated(&fleet, &FleetController::gatewayActivated);
    const QModelIndex entry = fleet.changeLog()->index(0, ChangeLogModel::TimeColumn);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(entry).center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().at(0).toString(), QStringLiteral("id-") + name);
}

void TestFleetController::notificationText_data()
{
    QTest::addColumn<QVector<GatewayChange>>("changes");
    QTest::addColumn<QString>("text");
    QTest::newRow("nothing worth it")
        << QVector<GatewayChange>{change(ChangeKind::Added, "a", "ONLINE"),
                                  change(ChangeKind::Recovered, "b", "ONLINE"),
                                  change(ChangeKind::Status, "c", "STOPPED")}
        << QString();
    QTest::newRow("one offline") << QVector<GatewayChange>{change(ChangeKind::Status, "db-7",
                                                                  "OFFLINE")}
                                 << "db-7 went offline.";
    QTest::newRow("one stale") << QVector<GatewayChange>{change(ChangeKind::Stale, "db-8",
                                                                "ONLINE")}
                               << "db-8 went stale.";
    QTest::newRow("several stale")
        << QVector<GatewayChange>{change(ChangeKind::Stale, "a", "ONLINE"),
                                  change(ChangeKind::Stale, "b", "ONLINE")}
        << "2 gateway(s) went stale.";
    QTest::newRow("several") << QVector<GatewayChange>{change(ChangeKind::Status, "a", "OFFLINE"),
                                                       change(ChangeKind::Status, "b", "OFFLINE"),
                                                       change(ChangeKind::Stale, "c", "ONLINE")}
                             << "2 gateway(s) went offline and 1 went stale.";
}

void TestFleetController::notificationText()
{
    QFETCH(QVector<GatewayChange>, changes);
    QFETCH(QString, text);
    QCOMPARE(FleetController::notificationText(changes), text);
}

QTEST_MAIN(TestFleetController)
#include "tst_fleetcontroller.moc"
