#include <ui/fleet/heartbeatchart.h>

#include <QSignalSpy>

#include <QTest>
#include <limits>

using namespace dbs;

class TestHeartbeatChart final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void clickOnABarNamesItsBucket();
    void keyboardReachesEveryBar();
    void paintsWithoutClippingLabels();
    void labelsNeverOverlap();
};

void TestHeartbeatChart::clickOnABarNamesItsBucket()
{
    HeartbeatChart chart;
    chart.setCounts({5, 0, 12, 1, 30});
    chart.resize(chart.sizeHint());
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QSignalSpy clicked(&chart, &HeartbeatChart::bucketClicked);
    for (int i = 0; i < ageBucketCount; ++i) {
        QTest::mouseClick(&chart, Qt::LeftButton, {}, chart.barRect(AgeBucket(i)).center());
        QCOMPARE(clicked.size(), i + 1);
        QCOMPARE(clicked.last().at(0).value<AgeBucket>(), AgeBucket(i));
    }
    // An empty bar is clickable too (it filters to nothing, which is an answer).
    QVERIFY(chart.accessibleDescription().contains(QLatin1String("12")));
}

void TestHeartbeatChart::keyboardReachesEveryBar()
{
    HeartbeatChart chart;
    chart.show();
    chart.setFocus();
    QSignalSpy clicked(&chart, &HeartbeatChart::bucketClicked);
    for (int i = 0; i < ageBucketCount + 2; ++i)
        QTest::keyClick(&chart, Qt::Key_Right);
    QTest::keyClick(&chart, Qt::Key_Return);
    QCOMPARE(clicked.last().at(0).value<AgeBucket>(), AgeBucket::Older);
    QTest::keyClick(&chart, Qt::Key_Left);
    QTest::keyClick(&chart, Qt::Key_Space);
    QCOMPARE(clicked.last().at(0).value<AgeBucket>(), AgeBucket::UnderDay);
}

void TestHeartbeatChart::paintsWithoutClippingLabels()
{
    HeartbeatChart chart;
    chart.setCounts({1, 2, 3, 4, 100000});
    chart.resize(chart.sizeHint());
    const QFontMetrics metrics = chart.fontMetrics();
    for (int i = 0; i < ageBucketCount; ++i) {
        const QRect bar = chart.barRect(AgeBucket(i));
        QVERIFY2(metrics.horizontalAdvance(HeartbeatChart::bucketLabel(AgeBucket(i))) <=
                     bar.width() + 6,
                 qPrintable(HeartbeatChart::bucketLabel(AgeBucket(i))));
        QVERIFY(bar.height() >= metrics.height());
    }
    const QImage image = chart.grab().toImage();
    QVERIFY(!image.isNull());
}

void TestHeartbeatChart::labelsNeverOverlap()
{
    // At its size hint every label is whole; squeezed (a layout can do it below the minimum)
    // they shorten rather than run into each other.
    HeartbeatChart chart;
    for (int width = 120; width <= 1600; width += 20) {
        chart.resize(width, chart.sizeHint().height());
        int previousRight = std::numeric_limits<int>::min();
        for (int i = 0; i < ageBucketCount; ++i) {
            const AgeBucket bucket = AgeBucket(i);
            const QRect rect = chart.labelRect(bucket);
            const int textWidth = chart.fontMetrics().horizontalAdvance(chart.labelText(bucket));
            QVERIFY2(textWidth <= rect.width(),
                     qPrintable(QStringLiteral("%1 at %2 px").arg(i).arg(width)));
            // Centred in its rectangle: the text's extent, as drawn.
            const int left = rect.center().x() - textWidth / 2;
            QVERIFY2(left > previousRight,
                     qPrintable(QStringLiteral("%1 at %2 px").arg(i).arg(width)));
            previousRight = left + textWidth;
            if (width >= chart.sizeHint().width())
                QCOMPARE(chart.labelText(bucket), HeartbeatChart::bucketLabel(bucket));
        }
    }
    QCOMPARE(chart.minimumSizeHint().width(), chart.sizeHint().width());
}

QTEST_MAIN(TestHeartbeatChart)
#include "tst_heartbeatchart.moc"
