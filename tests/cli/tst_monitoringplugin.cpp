// The monitoring-plugin logic of `dbs-gateways check`: threshold ranges as the Monitoring
// Plugins guidelines define them, and the status line with its performance data.
#include <cli/monitoringplugin.h>

#include <QTest>

using namespace dbs;

class TestMonitoringPlugin final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ranges_data();
    void ranges();
    void badRanges_data();
    void badRanges();
    void statusLine_data();
    void statusLine();
};

void TestMonitoringPlugin::ranges_data()
{
    QTest::addColumn<QString>("range");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("alerts");
    // The guidelines' table: "10" is 0..10, "10:" is 10..inf, "~:10" is -inf..10, "10:20",
    // and "@10:20" alerts inside.
    QTest::newRow("10, below") << "10" << -1.0 << true;
    QTest::newRow("10, at 0") << "10" << 0.0 << false;
    QTest::newRow("10, at 10") << "10" << 10.0 << false;
    QTest::newRow("10, above") << "10" << 11.0 << true;
    QTest::newRow("10:, below") << "10:" << 9.0 << true;
    QTest::newRow("10:, at 10") << "10:" << 10.0 << false;
    QTest::newRow("10:, far above") << "10:" << 1e9 << false;
    QTest::newRow("~:10, far below") << "~:10" << -1e9 << false;
    QTest::newRow("~:10, above") << "~:10" << 11.0 << true;
    QTest::newRow("10:20, inside") << "10:20" << 15.0 << false;
    QTest::newRow("10:20, below") << "10:20" << 9.0 << true;
    QTest::newRow("10:20, above") << "10:20" << 21.0 << true;
    QTest::newRow("@10:20, inside") << "@10:20" << 15.0 << true;
    QTest::newRow("@10:20, at an end") << "@10:20" << 20.0 << true;
    QTest::newRow("@10:20, outside") << "@10:20" << 21.0 << false;
    QTest::newRow("0, none") << "0" << 0.0 << false;
    QTest::newRow("0, one") << "0" << 1.0 << true;
    QTest::newRow("decimal") << "2.5" << 3.0 << true;
    QTest::newRow("negative start") << "-5:5" << -5.0 << false;
    QTest::newRow("spaces around") << " 10 " << 11.0 << true;
}

void TestMonitoringPlugin::ranges()
{
    QFETCH(QString, range);
    QFETCH(double, value);
    QFETCH(bool, alerts);
    QString error;
    const std::optional<PluginRange> parsed = parsePluginRange(range, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->alerts(value), alerts);
    QCOMPARE(parsed->text, range.trimmed());
}

void TestMonitoringPlugin::badRanges_data()
{
    QTest::addColumn<QString>("range");
    QTest::newRow("empty") << "";
    QTest::newRow("only @") << "@";
    QTest::newRow("a word") << "ten";
    QTest::newRow("a comma") << "1,5";
    QTest::newRow("not a number") << "nan";
    QTest::newRow("infinite") << "inf";
    QTest::newRow("backwards") << "20:10";
    QTest::newRow("two colons") << "1:2:3";
    QTest::newRow("tilde at the end") << "10:~";
    QTest::newRow("a control character") << "1\x1b[2J";
}

void TestMonitoringPlugin::badRanges()
{
    QFETCH(QString, range);
    QString error;
    QVERIFY(!parsePluginRange(range, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(!error.contains(QChar(0x1b)), qPrintable(error)); // shown, never obeyed
}

void TestMonitoringPlugin::statusLine_data()
{
    QTest::addColumn<int>("offline");
    QTest::addColumn<int>("stale");
    QTest::addColumn<QStringList>("ranges"); // warning, critical, stale warning, stale critical
    QTest::addColumn<QStringList>("failures");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("line");
    const QStringList none = {"", "", "", ""};
    QTest::newRow("ok") << 0 << 2 << QStringList{"0", "", "", ""} << QStringList() << 0
                        << "DBS OK - 120 gateways, 0 offline, 2 stale | offline=0;0;;0;120 "
                           "stale=2;;;0;120 gateways=120;;;0 online=118;;;0;120";
    QTest::newRow("no thresholds") << 7 << 0 << none << QStringList() << 0
                                   << "DBS OK - 120 gateways, 7 offline, 0 stale | "
                                      "offline=7;;;0;120 stale=0;;;0;120 gateways=120;;;0 "
                                      "online=113;;;0;120";
    QTest::newRow("warning") << 2 << 0 << QStringList{"1", "5", "", ""} << QStringList() << 1
                             << "DBS WARNING - 120 gateways, 2 offline, 0 stale | "
                                "offline=2;1;5;0;120 stale=0;;;0;120 gateways=120;;;0 "
                                "online=118;;;0;120";
    QTest::newRow("critical over warning")
        << 6 << 0 << QStringList{"1", "5", "", ""} << QStringList() << 2
        << "DBS CRITICAL - 120 gateways, 6 offline, 0 stale | offline=6;1;5;0;120 "
           "stale=0;;;0;120 gateways=120;;;0 online=114;;;0;120";
    QTest::newRow("stale warning") << 0 << 3 << QStringList{"", "", "2", "10"} << QStringList() << 1
                                   << "DBS WARNING - 120 gateways, 0 offline, 3 stale | "
                                      "offline=0;;;0;120 stale=3;2;10;0;120 gateways=120;;;0 "
                                      "online=117;;;0;120";
    QTest::newRow("stale critical")
        << 0 << 11 << QStringList{"", "", "2", "10"} << QStringList() << 2
        << "DBS CRITICAL - 120 gateways, 0 offline, 11 stale | "
           "offline=0;;;0;120 stale=11;2;10;0;120 gateways=120;;;0 "
           "online=109;;;0;120";
    QTest::newRow("inside range") << 3 << 0 << QStringList{"@1:5", "", "", ""} << QStringList() << 1
                                  << "DBS WARNING - 120 gateways, 3 offline, 0 stale | "
                                     "offline=3;@1:5;;0;120 stale=0;;;0;120 gateways=120;;;0 "
                                     "online=117;;;0;120";
    // A region that could not be read: UNKNOWN even though the counts are fine, or critical.
    QTest::newRow("failed region")
        << 0 << 0 << QStringList{"0", "", "", ""} << QStringList{"cn-beijing: Forbidden.RAM"} << 3
        << "DBS UNKNOWN - 1 not listed (cn-beijing: Forbidden.RAM); 120 gateways, 0 offline, 0 "
           "stale | offline=0;0;;0;120 stale=0;;;0;120 gateways=120;;;0 online=120;;;0;120";
    QTest::newRow("failed region over critical")
        << 9 << 0 << QStringList{"1", "5", "", ""} << QStringList{"a: X", "b: Y"} << 3
        << "DBS UNKNOWN - 2 not listed (a: X; b: Y); 120 gateways, 9 offline, 0 stale | "
           "offline=9;1;5;0;120 stale=0;;;0;120 gateways=120;;;0 online=111;;;0;120";
}

void TestMonitoringPlugin::statusLine()
{
    QFETCH(int, offline);
    QFETCH(int, stale);
    QFETCH(QStringList, ranges);
    QFETCH(QStringList, failures);
    QFETCH(int, status);
    QFETCH(QString, line);
    CheckInput input;
    input.summary.total = 120;
    input.summary.byStatus.insert(QStringLiteral("OFFLINE"), offline);
    input.summary.byStatus.insert(QStringLiteral("ONLINE"), 120 - offline - stale);
    input.summary.stale = stale;
    input.failures = failures;
    CheckThresholds thresholds;
    std::optional<PluginRange> *fields[] = {&thresholds.offlineWarning, &thresholds.offlineCritical,
                                            &thresholds.staleWarning, &thresholds.staleCritical};
    for (int i = 0; i < 4; ++i) {
        if (ranges.at(i).isEmpty())
            continue;
        QString error;
        *fields[i] = parsePluginRange(ranges.at(i), &error);
        QVERIFY2(*fields[i], qPrintable(error));
    }
    const CheckResult result = evaluateCheck(input, thresholds);
    QCOMPARE(int(result.status), status);
    QCOMPARE(result.line, line);
}

QTEST_GUILESS_MAIN(TestMonitoringPlugin)
#include "tst_monitoringplugin.moc"
