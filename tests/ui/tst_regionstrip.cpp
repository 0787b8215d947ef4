#include <ui/fleet/regionstrip.h>

#include "simfixture.h"

#include <api/endpoints.h>

#include <QAbstractButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace dbs;

class TestRegionStrip final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void failedFirstThenByCount();
    void wrapsAtAnyWidth();
};

void TestRegionStrip::failedFirstThenByCount()
{
    QLocale::setDefault(QLocale::c());
    dbs::SimulatorOptions options =
        fixture::options(500, 11, {"cn-hangzhou", "cn-beijing", "cn-shanghai"});
    options.deniedRegions = {"cn-beijing"};
    auto simulator = fixture::startSimulator(options);
    DbsClient client;
    fixture::pointAt(&client, *simulator);
    RegionSweep sweep(
        &client, {"cn-hangzhou", "cn-beijing", "cn-shanghai", "ap-southeast-1", "eu-central-1"},
        fixture::query(QString(), 100));
    RegionStrip strip;
    QSignalSpy finished(&sweep, &RegionSweep::finished);
    sweep.start();
    strip.showSweep(sweep);
    QVERIFY(strip.chipTexts().join('|').contains(QLatin1String("5 region"))); // all loading
    QVERIFY(finished.wait(30000));
    strip.showSweep(sweep);

    const QStringList texts = strip.chipTexts();
    QCOMPARE(texts.size(), 4); // one failed, two with gateways, one label for the two empty
    QVERIFY2(texts[0].contains(QLatin1String("no permission")), qPrintable(texts[0]));
    const int hangzhou = int(simulator->gatewaysIn("cn-hangzhou").size());
    const int shanghai = int(simulator->gatewaysIn("cn-shanghai").size());
    const QString bigger = QString::number(std::max(hangzhou, shanghai));
    QVERIFY2(texts[1].endsWith(bigger), qPrintable(texts[1]));
    QVERIFY2(texts[3].startsWith(QLatin1String("2 region")), qPrintable(texts[3]));

    QSignalSpy retry(&strip, &RegionStrip::retryRequested);
    auto *button = qobject_cast<QAbstractButton *>(strip.retryButton("cn-beijing"));
    QVERIFY(button);
    QVERIFY(!button->accessibleName().isEmpty());
    button->click();
    QCOMPARE(retry.size(), 1);
    QCOMPARE(retry.first().at(0).toString(), QStringLiteral("cn-beijing"));
    QVERIFY(!strip.retryButton("cn-hangzhou"));
}

void TestRegionStrip::wrapsAtAnyWidth()
{
    // Every region with gateways: more chips than fit across a narrow window.
    QLocale::setDefault(QLocale::c());
    const QStringList regions = endpoints::regionIds();
    auto simulator = fixture::startSimulator(fixture::options(900, 5, regions));
    DbsClient client;
    fixture::pointAt(&client, *simulator);
    RegionSweep sweep(&client, regions, fixture::query(QString(), 100));
    QSignalSpy finished(&sweep, &RegionSweep::finished);
    sweep.start();
    QVERIFY(finished.wait(30000));
    RegionStrip strip;
    strip.showSweep(sweep);
    QCOMPARE(strip.summaryText(),
             QStringLiteral("%1 region(s) · 900 gateway(s)").arg(regions.size()));
    strip.show();
    for (const int width : {320, 700, 1024, 1600, 3000}) {
        strip.setExpanded(true);
        strip.resize(width, strip.heightForWidth(width));
        QTest::qWait(0);
        // Every chip whole and inside the strip, none overlapping another.
        QList<QRect> placed;
        for (const QString &region : regions) {
            QToolButton *chip = strip.regionButton(region);
            if (!chip)
                continue;
            QVERIFY(chip->isVisible());
            const QRect rect = chip->geometry();
            QVERIFY2(strip.rect().contains(rect),
                     qPrintable(QStringLiteral("%1 at width %2").arg(region).arg(width)));
            QCOMPARE(rect.size(), chip->sizeHint().boundedTo(QSize(width, QWIDGETSIZE_MAX)));
            for (const QRect &other : std::as_const(placed))
                QVERIFY(!rect.intersects(other));
            placed.append(rect);
        }
        QVERIFY(placed.size() > 10);
        // Closed: one line, the summary only.
        strip.setExpanded(false);
        QVERIFY(!strip.regionButton(regions.first())->isVisible());
        QCOMPARE(strip.heightForWidth(width), strip.summaryButton()->sizeHint().height());
    }

    // A chip shows only its region (clicked again, all of them).
    QSignalSpy clicked(&strip, &RegionStrip::regionClicked);
    strip.setExpanded(true);
    strip.regionButton(regions.first())->click();
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.first().at(0).toString(), regions.first());
    strip.setActiveRegion(regions.first());
    QVERIFY(strip.regionButton(regions.first())->isChecked());
    strip.setExpanded(false);
    QVERIFY(strip.regionButton(regions.first())->isVisible()); // the limit stays in sight
}

QTEST_MAIN(TestRegionStrip)
#include "tst_regionstrip.moc"
