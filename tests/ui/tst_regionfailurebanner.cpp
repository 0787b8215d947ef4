#include <ui/fleet/regionfailurebanner.h>

#include <fleet/regionsweep.h>

#include "simfixture.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace dbs;

class TestRegionFailureBanner final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void namesEachFailedRegionWithRetry();
    void everyRegionFailedIsTheErrorBannersJob();
};

namespace {
// A finished sweep over `regions` of a simulator that refuses `denied`.
struct FinishedSweep
{
    std::unique_ptr<Simulator> simulator;
    DbsClient client;
    std::unique_ptr<RegionSweep> sweep;

    FinishedSweep(const QStringList &regions, const QStringList &denied)
    {
        SimulatorOptions options = fixture::options(200, 3, regions);
        options.deniedRegions = denied;
        simulator = fixture::startSimulator(options);
        fixture::pointAt(&client, *simulator);
        sweep = std::make_unique<RegionSweep>(&client, regions, fixture::query(QString(), 100));
    }
    bool run()
    {
        QSignalSpy finished(sweep.get(), &RegionSweep::finished);
        sweep->start();
        return finished.wait(30000);
    }
};
} // namespace

void TestRegionFailureBanner::namesEachFailedRegionWithRetry()
{
    const QStringList regions{"cn-hangzhou",  "cn-beijing", "cn-shanghai", "ap-southeast-1",
                              "eu-central-1", "us-west-1",  "cn-shenzhen"};
    const QStringList denied{"cn-beijing", "cn-shanghai", "ap-southeast-1", "eu-central-1",
                             "us-west-1"};
    FinishedSweep run(regions, denied);
    QVERIFY(run.run());
    QWidget window;
    RegionFailureBanner banner(&window);
    window.show();
    banner.showSweep(*run.sweep);
    QVERIFY(banner.isVisible());
    QCOMPARE(banner.failedRegions(), denied);
    QVERIFY2(banner.text().contains(QStringLiteral("5 of 7")), qPrintable(banner.text()));
    // The first four have a line and a Retry each; the fifth is counted, Retry All covers it.
    for (const QString &region : denied.mid(0, 4))
        QVERIFY2(banner.retryButton(region), qPrintable(region));
    QVERIFY(!banner.retryButton(denied.last()));
    QSignalSpy retry(&banner, &RegionFailureBanner::retryRequested);
    QSignalSpy retryAll(&banner, &RegionFailureBanner::retryAllRequested);
    banner.retryButton(QStringLiteral("cn-shanghai"))->click();
    QCOMPARE(retry.size(), 1);
    QCOMPARE(retry.first().at(0).toString(), QStringLiteral("cn-shanghai"));
    banner.findChild<QPushButton *>(QStringLiteral("regionFailureRetryAll"))->click();
    QCOMPARE(retryAll.size(), 1);

    // Closed: hidden until other regions fail.
    banner.findChild<QToolButton *>(QStringLiteral("bannerClose"))->click();
    QVERIFY(!banner.isVisible());
    banner.showSweep(*run.sweep);
    QVERIFY(!banner.isVisible());
    banner.clear(); // a new query
    banner.showSweep(*run.sweep);
    QVERIFY(banner.isVisible());
}

void TestRegionFailureBanner::everyRegionFailedIsTheErrorBannersJob()
{
    FinishedSweep run({"cn-hangzhou", "cn-beijing"}, {"cn-hangzhou", "cn-beijing"});
    QVERIFY(run.run());
    QWidget window;
    RegionFailureBanner banner(&window);
    window.show();
    banner.showSweep(*run.sweep);
    QVERIFY(!banner.isVisible());
    QVERIFY(banner.failedRegions().isEmpty());
}

QTEST_MAIN(TestRegionFailureBanner)
#include "tst_regionfailurebanner.moc"
