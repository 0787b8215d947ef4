// Tests for app/sim/faults.h: fault names, "KIND=RATE" specs, and the injector at rates 0 and 1.
#include <sim/faults.h>

#include <QHash>
#include <QStringList>
#include <QTest>

using dbs::Fault;
using dbs::FaultInjector;

Q_DECLARE_METATYPE(dbs::Fault)

using Rates = QList<QPair<Fault, double>>; // one name, so QFETCH can take it

namespace {
const QList<QPair<const char *, Fault>> allFaults = {
    {"http500", Fault::Http500},
    {"http503", Fault::Http503},
    {"throttle", Fault::Throttle},
    {"reset", Fault::Reset},
    {"truncate", Fault::Truncate},
    {"malformed", Fault::Malformed},
    {"slow", Fault::Slow},
    {"endless", Fault::Endless},
    {"repeat-last", Fault::RepeatLast},
    {"duplicate", Fault::Duplicate},
    {"lying-total-low", Fault::LyingTotalLow},
    {"lying-total-high", Fault::LyingTotalHigh},
    {"changing-total", Fault::ChangingTotal},
    {"huge", Fault::Huge},
    {"huge-chunked", Fault::HugeChunked},
    {"trickle", Fault::Trickle},
    {"deep-nesting", Fault::DeepNesting},
    {"wrong-types", Fault::WrongTypes},
    {"redirect", Fault::Redirect},
    {"reset-mid-body", Fault::ResetMidBody},
};
} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private slots:
    void names_data();
    void names();
    void unknownNames();

    void goodSpecs_data();
    void goodSpecs();
    void badSpecs_data();
    void badSpecs();

    void emptyInjector();
    void rateZero_data();
    void rateZero();
    void rateOne_data();
    void rateOne();
    void rateOneWinsOverRateZero();
    void seededInjectorIsReproducible();
    void intermediateRate();
    void severalRatesArePerRequest_data();
    void severalRatesArePerRequest();
    void rateSums_data();
    void rateSums();
};

void TestFaults::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Fault>("fault");
    for (const auto &[name, fault] : allFaults)
        QTest::newRow(name) << QString::fromLatin1(name) << fault;
}

void TestFaults::names()
{
    QFETCH(QString, name);
    QFETCH(Fault, fault);
    QCOMPARE(dbs::faultFromName(name), fault);
    QVERIFY(dbs::faultNames().contains(name));
}

void TestFaults::unknownNames()
{
    QCOMPARE(dbs::faultNames().size(), allFaults.size());
    for (const QString &name :
         {QString(), QStringLiteral("none"), QStringLiteral("http404"), QStringLiteral("http"),
          QStringLiteral("http5000"), QStringLiteral(" slow")})
        QCOMPARE(dbs::faultFromName(name), Fault::None);
}

void TestFaults::goodSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<double>("rate");
    QTest::newRow("http500=0.5") << "http500=0.5" << Fault::Http500 << 0.5;
    QTest::newRow("http503=1") << "http503=1" << Fault::Http503 << 1.0;
    QTest::newRow("throttle=0") << "throttle=0" << Fault::Throttle << 0.0;
    QTest::newRow("reset=0.05") << "reset=0.05" << Fault::Reset << 0.05;
    QTest::newRow("truncate=1.0") << "truncate=1.0" << Fault::Truncate << 1.0;
    QTest::newRow("malformed=.25") << "malformed=.25" << Fault::Malformed << 0.25;
    QTest::newRow("slow=1e-2") << "slow=1e-2" << Fault::Slow << 0.01;
}

void TestFaults::goodSpecs()
{
    QFETCH(QString, spec);
    QFETCH(Fault, fault);
    QFETCH(double, rate);
    Fault parsedFault = Fault::None;
    double parsedRate = -1;
    const QString error = dbs::parseFaultSpec(spec, &parsedFault, &parsedRate);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(parsedFault, fault);
    QCOMPARE(parsedRate, rate);
}

void TestFaults::badSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("empty") << "";
    QTest::newRow("unknown kind") << "bogus=0.5";
    QTest::newRow("no kind") << "=0.5";
    QTest::newRow("no rate") << "http500=";
    QTest::newRow("no = at all") << "http500";
    QTest::newRow("rate above 1") << "http500=1.5";
    QTest::newRow("rate below 0") << "http500=-0.1";
    QTest::newRow("rate not a number") << "http500=often";
    QTest::newRow("percent") << "http500=50%";
    QTest::newRow("two rates") << "http500=0.1=0.2";
    QTest::newRow("rate nan") << "http500=nan";
    QTest::newRow("rate inf") << "http500=inf";
    QTest::newRow("comma decimal") << "http500=0,5";
}

void TestFaults::badSpecs()
{
    QFETCH(QString, spec);
    Fault fault = Fault::None;
    double rate = -1;
    const QString error = dbs::parseFaultSpec(spec, &fault, &rate);
    QVERIFY2(!error.isEmpty(), qPrintable(QStringLiteral("accepted, rate %1").arg(rate)));
}

void TestFaults::emptyInjector()
{
    FaultInjector injector;
    QVERIFY(injector.isEmpty());
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(injector.draw(), Fault::None);
    injector.setRate(Fault::Slow, 0.0);
    QVERIFY(!injector.isEmpty());
}

void TestFaults::rateZero_data()
{
    names_data();
}

void TestFaults::rateZero()
{
    QFETCH(Fault, fault);
    FaultInjector injector(12345);
    injector.setRate(fault, 0.0);
    for (int i = 0; i < 5000; ++i)
        QCOMPARE(injector.draw(), Fault::None);

    // Every kind at 0 at once: still nothing.
    FaultInjector all(99);
    for (const auto &entry : allFaults)
        all.setRate(entry.second, 0.0);
    for (int i = 0; i < 5000; ++i)
        QCOMPARE(all.draw(), Fault::None);
}

void TestFaults::rateOne_data()
{
    names_data();
}

void TestFaults::rateOne()
{
    QFETCH(Fault, fault);
    FaultInjector injector(777);
    injector.setRate(fault, 1.0);
    for (int i = 0; i < 5000; ++i)
        QCOMPARE(injector.draw(), fault);
}

void TestFaults::rateOneWinsOverRateZero()
{
    // One fault per request, never one with rate 0.
    for (const auto &always : allFaults) {
        FaultInjector injector(3);
        for (const auto &entry : allFaults)
            injector.setRate(entry.second, entry.second == always.second ? 1.0 : 0.0);
        for (int i = 0; i < 500; ++i)
            QCOMPARE(injector.draw(), always.second);
    }
    // Setting a rate again replaces it.
    FaultInjector injector(3);
    injector.setRate(Fault::Reset, 1.0);
    injector.setRate(Fault::Reset, 0.0);
    for (int i = 0; i < 500; ++i)
        QCOMPARE(injector.draw(), Fault::None);
}

void TestFaults::seededInjectorIsReproducible()
{
    auto sequence = [](quint64 seed) {
        FaultInjector injector(seed);
        injector.setRate(Fault::Http500, 0.3);
        injector.setRate(Fault::Slow, 0.3);
        QList<Fault> drawn;
        for (int i = 0; i < 300; ++i)
            drawn.append(injector.draw());
        return drawn;
    };
    QCOMPARE(sequence(5), sequence(5));
    QVERIFY(sequence(5) != sequence(6));
}

void TestFaults::intermediateRate()
{
    // A single kind at 0.25 fires about a quarter of the time (fixed seed, wide bounds).
    FaultInjector injector(2024);
    injector.setRate(Fault::Throttle, 0.25);
    int fired = 0;
    const int draws = 20000;
    for (int i = 0; i < draws; ++i) {
        const Fault f = injector.draw();
        QVERIFY(f == Fault::None || f == Fault::Throttle);
        fired += f == Fault::Throttle;
    }
    QVERIFY2(fired > draws * 0.22 && fired < draws * 0.28, qPrintable(QString::number(fired)));
}

void TestFaults::severalRatesArePerRequest_data()
{
    // Each kind fires with its own rate per request, however many kinds there are and in
    // whatever order they were given (drawn one after another, later kinds got less).
    QTest::addColumn<Rates>("rates");
    QTest::newRow("two halves") << Rates{{Fault::Http500, 0.5}, {Fault::Http503, 0.5}};
    QTest::newRow("three kinds") << Rates{
        {Fault::Throttle, 0.2}, {Fault::Reset, 0.3}, {Fault::Slow, 0.1}};
    QTest::newRow("the client test's mix")
        << Rates{{Fault::Http500, 0.1}, {Fault::Http503, 0.1},   {Fault::Throttle, 0.1},
                 {Fault::Reset, 0.05},  {Fault::Truncate, 0.05}, {Fault::Malformed, 0.05}};
    QTest::newRow("a zero among them") << Rates{{Fault::Endless, 0.0}, {Fault::Duplicate, 0.4}};
}

void TestFaults::severalRatesArePerRequest()
{
    QFETCH(Rates, rates);
    FaultInjector injector(31337);
    double total = 0;
    for (const auto &[fault, rate] : rates) {
        injector.setRate(fault, rate);
        total += rate;
    }
    QHash<Fault, int> fired;
    const int draws = 40000;
    for (int i = 0; i < draws; ++i)
        ++fired[injector.draw()];
    for (const auto &[fault, rate] : rates) {
        const double share = double(fired.value(fault)) / draws;
        QVERIFY2(qAbs(share - rate) < 0.015,
                 qPrintable(
                     QStringLiteral("%1: %2 instead of %3").arg(int(fault)).arg(share).arg(rate)));
    }
    QVERIFY(qAbs(double(fired.value(Fault::None)) / draws - (1.0 - total)) < 0.015);
}

void TestFaults::rateSums_data()
{
    QTest::addColumn<Rates>("rates");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("none") << Rates{} << true;
    QTest::newRow("one at 1") << Rates{{Fault::Slow, 1.0}} << true;
    QTest::newRow("0.1 + 0.2 + 0.7 (rounding)")
        << Rates{{Fault::Http500, 0.1}, {Fault::Http503, 0.2}, {Fault::Reset, 0.7}} << true;
    QTest::newRow("0.6 + 0.6") << Rates{{Fault::Http500, 0.6}, {Fault::Http503, 0.6}} << false;
    QTest::newRow("1 + a little") << Rates{{Fault::Http500, 1.0}, {Fault::Http503, 0.01}} << false;
    // The same kind twice: the last rate counts, as with setRate().
    QTest::newRow("same kind twice")
        << Rates{{Fault::Http500, 0.9}, {Fault::Http500, 0.5}, {Fault::Reset, 0.5}} << true;
}

void TestFaults::rateSums()
{
    QFETCH(Rates, rates);
    QFETCH(bool, accepted);
    const QString error = dbs::checkFaultRates(rates);
    QCOMPARE(error.isEmpty(), accepted);
    if (!accepted)
        QVERIFY2(error.contains(QStringLiteral("1")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
