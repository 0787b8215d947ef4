// Tests for app/api/retrypolicy.h: equal-jitter delays stay in [window/2, window], the window
// doubles per attempt up to the cap, and mayRetry stops on attempts and on total time.
#include <api/retrypolicy.h>

#include <QRandomGenerator>
#include <QTest>

#include <climits>

using dbs::RetryPolicy;

namespace {
RetryPolicy policy(int base, int cap, int attempts = 4, int total = 60000)
{
    RetryPolicy p;
    p.baseDelayMs = base;
    p.maxDelayMs = cap;
    p.maxAttempts = attempts;
    p.maxTotalMs = total;
    return p;
}
} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void delayWindow_data();
    void delayWindow();
    void delaysGrow_data();
    void delaysGrow();
    void jitterOutOfRangeIsClamped();
    void hugeAttemptNumbersStayCapped();
    void defaultsAreSane();

    void mayRetry_data();
    void mayRetry();
    void fullRetryLoopIsBounded();
};

void TestRetryPolicy::delayWindow_data()
{
    QTest::addColumn<int>("base");
    QTest::addColumn<int>("cap");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("window"); // computed by hand: min(base * 2^(attempt - 2), cap)

    QTest::newRow("200/5000 attempt 2") << 200 << 5000 << 2 << 200;
    QTest::newRow("200/5000 attempt 3") << 200 << 5000 << 3 << 400;
    QTest::newRow("200/5000 attempt 4") << 200 << 5000 << 4 << 800;
    QTest::newRow("200/5000 attempt 5") << 200 << 5000 << 5 << 1600;
    QTest::newRow("200/5000 attempt 6") << 200 << 5000 << 6 << 3200;
    QTest::newRow("200/5000 attempt 7 capped") << 200 << 5000 << 7 << 5000;
    QTest::newRow("200/5000 attempt 12 capped") << 200 << 5000 << 12 << 5000;
    QTest::newRow("1000/3000 attempt 2") << 1000 << 3000 << 2 << 1000;
    QTest::newRow("1000/3000 attempt 3") << 1000 << 3000 << 3 << 2000;
    QTest::newRow("1000/3000 attempt 4 capped") << 1000 << 3000 << 4 << 3000;
    QTest::newRow("100/100 attempt 2 (cap = base)") << 100 << 100 << 2 << 100;
    QTest::newRow("100/100 attempt 9") << 100 << 100 << 9 << 100;
    QTest::newRow("base above cap") << 8000 << 5000 << 2 << 5000;
}

void TestRetryPolicy::delayWindow()
{
    QFETCH(int, base);
    QFETCH(int, cap);
    QFETCH(int, attempt);
    QFETCH(int, window);
    const RetryPolicy p = policy(base, cap);

    // The ends of the jitter range.
    QCOMPARE(p.delayBeforeAttempt(attempt, 0.0), window / 2);
    QVERIFY(p.delayBeforeAttempt(attempt, 0.999999) >= window - 1);
    QVERIFY(p.delayBeforeAttempt(attempt, 0.999999) <= window);
    QCOMPARE(p.delayBeforeAttempt(attempt, 0.5), window / 2 + window / 4);

    // Many draws: inside [window/2, window], and actually spread over it.
    QRandomGenerator rng(20240601u + quint32(attempt));
    int lowest = INT_MAX, highest = 0;
    for (int i = 0; i < 2000; ++i) {
        const int delay = p.delayBeforeAttempt(attempt, rng.generateDouble());
        QVERIFY2(delay >= window / 2 && delay <= window,
                 qPrintable(
                     QStringLiteral("%1 outside [%2, %3]").arg(delay).arg(window / 2).arg(window)));
        QVERIFY(delay <= cap);
        lowest = std::min(lowest, delay);
        highest = std::max(highest, delay);
    }
    QVERIFY(lowest < window / 2 + window / 8);
    QVERIFY(highest > window - window / 8);
}

void TestRetryPolicy::delaysGrow_data()
{
    QTest::addColumn<double>("unitRandom");
    QTest::newRow("0") << 0.0;
    QTest::newRow("0.3") << 0.3;
    QTest::newRow("0.7") << 0.7;
    QTest::newRow("0.999") << 0.999;
}

void TestRetryPolicy::delaysGrow()
{
    QFETCH(double, unitRandom);
    const RetryPolicy p = policy(200, 5000);
    int previous = 0;
    for (int attempt = 2; attempt <= 30; ++attempt) {
        const int delay = p.delayBeforeAttempt(attempt, unitRandom);
        QVERIFY(delay >= previous); // never shrinks
        if (attempt <= 6)
            QVERIFY2(delay > previous, qPrintable(QString::number(attempt))); // grows before cap
        QVERIFY(delay <= 5000);
        previous = delay;
    }
    // Once capped the delay is the capped window's point.
    QCOMPARE(p.delayBeforeAttempt(30, unitRandom), 2500 + int(unitRandom * 2500));
}

void TestRetryPolicy::jitterOutOfRangeIsClamped()
{
    const RetryPolicy p = policy(200, 5000);
    QCOMPARE(p.delayBeforeAttempt(3, -5.0), 200);
    QCOMPARE(p.delayBeforeAttempt(3, 1.0), 400);
    QCOMPARE(p.delayBeforeAttempt(3, 42.0), 400);
}

void TestRetryPolicy::hugeAttemptNumbersStayCapped()
{
    const RetryPolicy p = policy(200, 5000);
    for (int attempt : {31, 32, 33, 63, 64, 65, 1000, INT_MAX}) {
        const int delay = p.delayBeforeAttempt(attempt, 0.0);
        QCOMPARE(delay, 2500);
        QVERIFY(p.delayBeforeAttempt(attempt, 0.999) <= 5000);
    }
    // Before the first retry (attempt 1 or nonsense 0) the delay is still within the base window.
    QVERIFY(p.delayBeforeAttempt(1, 0.5) <= 200);
    QVERIFY(p.delayBeforeAttempt(0, 0.5) <= 200);
    QVERIFY(p.delayBeforeAttempt(1, 0.5) >= 0);
}

void TestRetryPolicy::defaultsAreSane()
{
    const RetryPolicy p;
    QVERIFY(p.maxAttempts >= 2);
    QVERIFY(p.baseDelayMs > 0);
    QVERIFY(p.maxDelayMs >= p.baseDelayMs);
    QVERIFY(p.maxTotalMs >= p.maxDelayMs);
    // The first retry waits at least half the base delay.
    QVERIFY(p.delayBeforeAttempt(2, 0.0) >= p.baseDelayMs / 2);
}

void TestRetryPolicy::mayRetry_data()
{
    QTest::addColumn<int>("attemptsMade");
    QTest::addColumn<qint64>("elapsedMs");
    QTest::addColumn<int>("nextDelayMs");
    QTest::addColumn<bool>("expected");

    // policy(200, 5000, 4 attempts, 10000 ms total)
    QTest::newRow("after first") << 1 << qint64(0) << 100 << true;
    QTest::newRow("after third") << 3 << qint64(500) << 400 << true;
    QTest::newRow("after fourth: attempts exhausted") << 4 << qint64(0) << 0 << false;
    QTest::newRow("beyond attempts") << 9 << qint64(0) << 0 << false;
    QTest::newRow("exactly at the time limit") << 2 << qint64(9000) << 1000 << true;
    QTest::newRow("one ms over the time limit") << 2 << qint64(9000) << 1001 << false;
    QTest::newRow("elapsed alone over the limit") << 2 << qint64(10001) << 0 << false;
    QTest::newRow("long delay over the limit") << 1 << qint64(0) << 10001 << false;
}

void TestRetryPolicy::mayRetry()
{
    QFETCH(int, attemptsMade);
    QFETCH(qint64, elapsedMs);
    QFETCH(int, nextDelayMs);
    QFETCH(bool, expected);
    QCOMPARE(policy(200, 5000, 4, 10000).mayRetry(attemptsMade, elapsedMs, nextDelayMs), expected);
}

void TestRetryPolicy::fullRetryLoopIsBounded()
{
    // Simulate a client that always fails instantly: it stops after maxAttempts, and the time
    // spent waiting never exceeds maxTotalMs.
    for (const RetryPolicy &p : {policy(200, 5000, 4, 60000), policy(1000, 30000, 50, 20000)}) {
        QRandomGenerator rng(7);
        int attempts = 1;
        qint64 elapsed = 0;
        for (;;) {
            const int delay = p.delayBeforeAttempt(attempts + 1, rng.generateDouble());
            if (!p.mayRetry(attempts, elapsed, delay))
                break;
            elapsed += delay;
            ++attempts;
            QVERIFY(attempts < 1000);
        }
        QVERIFY(attempts <= p.maxAttempts);
        QVERIFY(elapsed <= p.maxTotalMs);
    }
    // With the defaults all attempts fit easily in the time budget.
    const RetryPolicy p = policy(200, 5000, 4, 60000);
    int attempts = 1;
    qint64 elapsed = 0;
    while (p.mayRetry(attempts, elapsed, p.delayBeforeAttempt(attempts + 1, 0.999))) {
        elapsed += p.delayBeforeAttempt(attempts + 1, 0.999);
        ++attempts;
    }
    QCOMPARE(attempts, 4);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
