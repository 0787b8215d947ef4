#include <ui/fleet/regionstrip.h>

#include "simfixture.h"

#include <QAbstractButton>
#include <QSignalSpy>
#include <QTest>

using namespace dbs;

class TestRegionStrip final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void failedFirstThenByCount();
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

QTEST_MAIN(TestRegionStrip)
#include "tst_regionstrip.moc"
