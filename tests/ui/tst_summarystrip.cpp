#include <ui/fleet/summarystrip.h>

#include <ui/fleet/heartbeatchart.h>

#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace dbs;

class TestSummaryStrip final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countsOnTheButtons();
    void clicksAskForFilters();
    void showsTheFilterInForce();
};

namespace {
FleetSummary sample()
{
    FleetSummary summary;
    summary.total = 1234;
    summary.byStatus = {{"ONLINE", 1000}, {"OFFLINE", 200}, {"STOPPED", 34}};
    summary.stale = 17;
    summary.ages = {900, 83, 17, 30, 170};
    return summary;
}
} // namespace

void TestSummaryStrip::countsOnTheButtons()
{
    QLocale::setDefault(QLocale::c());
    SummaryStrip strip;
    strip.setSummary(sample(), false);
    QVERIFY(strip.button("all")->text().contains(QLatin1String("1234")));
    // The stale ones are among the Online, and the button says so.
    QCOMPARE(strip.button("ONLINE")->text(), QStringLiteral("Online 1000 (17 stale)"));
    QCOMPARE(strip.button("ONLINE")->accessibleName(), strip.button("ONLINE")->text());
    QVERIFY(strip.button("OFFLINE")->text().contains(QLatin1String("200")));
    QVERIFY(strip.button("stale")->text().contains(QLatin1String("17")));
    QVERIFY(!strip.button("UPGRADING")->isEnabled()); // none of them: nothing to filter to
    QVERIFY(strip.button("ONLINE")->isEnabled());
    QCOMPARE(strip.chart()->counts(), sample().ages);
    QVERIFY(!strip.findChild<QWidget *>("summaryPartial")->isHidden());
    strip.setSummary(sample(), true);
    QVERIFY(strip.findChild<QWidget *>("summaryPartial")->isHidden());
    QCOMPARE(strip.button("OFFLINE")->accessibleName(), strip.button("OFFLINE")->text());
    FleetSummary fresh = sample();
    fresh.stale = 0;
    strip.setSummary(fresh, true);
    QCOMPARE(strip.button("ONLINE")->text(), QStringLiteral("Online 1000"));
}

void TestSummaryStrip::clicksAskForFilters()
{
    SummaryStrip strip;
    strip.setSummary(sample(), true);
    strip.show();
    QSignalSpy status(&strip, &SummaryStrip::statusClicked);
    QSignalSpy stale(&strip, &SummaryStrip::staleClicked);
    QSignalSpy all(&strip, &SummaryStrip::allClicked);
    QSignalSpy bucket(&strip, &SummaryStrip::ageBucketClicked);
    strip.button("OFFLINE")->click();
    QCOMPARE(status.size(), 1);
    QCOMPARE(status.first().at(0).toString(), QStringLiteral("OFFLINE"));
    strip.button("stale")->click();
    QCOMPARE(stale.size(), 1);
    strip.button("all")->click();
    QCOMPARE(all.size(), 1);
    Q_EMIT strip.chart()->bucketClicked(AgeBucket::UnderHour);
    QCOMPARE(bucket.size(), 1);
}

void TestSummaryStrip::showsTheFilterInForce()
{
    SummaryStrip strip;
    strip.setSummary(sample(), true);
    strip.setActiveFilter({"OFFLINE", "STOPPED"}, true, std::nullopt);
    QVERIFY(strip.button("OFFLINE")->isChecked());
    QVERIFY(strip.button("STOPPED")->isChecked());
    QVERIFY(strip.button("stale")->isChecked());
    QVERIFY(!strip.button("ONLINE")->isChecked());
    QVERIFY(!strip.button("all")->isChecked());
    strip.setActiveFilter({}, false, std::nullopt);
    QVERIFY(strip.button("all")->isChecked());
    QVERIFY(!strip.button("OFFLINE")->isChecked());
}

QTEST_MAIN(TestSummaryStrip)
#include "tst_summarystrip.moc"
