// Crash output: dbs-gateways killed with SIGSEGV or SIGABRT in the middle of a run,
// with the secret and an STS token in its environment, leaves no core file in its working
// directory and prints neither on its way down. The test raises the core limit its children
// inherit to the hard limit, so that only the programs' own disableCoreDumps() (first line of
// every main) stands between a crash and a core file; a control child without it shows that
// this machine does write one there (or the test says why that part proves less).
#include "environment.h"
#include "secretscan.h"

#include <sim/simulator.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

#include <sys/resource.h>

using namespace dbs;

namespace {

constexpr char keyId[] = "LTAIsoakCrashKey";
constexpr char secret[] = "Crash-Secret-51e0b7d2-not-in-a-core";
constexpr char token[] = "Crash-STS-Token-a93c61f4-not-in-a-core";

// In the child between fork and exec: as many core bytes as the hard limit allows.
void allowCoreDumps()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_CORE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_CORE, &limit);
    }
}

// The soft core size limit of a running process, from /proc/PID/limits; -2 when unreadable.
qint64 coreLimit(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/limits").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -2;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("Max core file size")) {
            const QList<QByteArray> fields = line.mid(18).simplified().split(' ');
            return fields.value(0) == "unlimited" ? -1 : fields.value(0).toLongLong();
        }
    }
    return -2;
}

QStringList coreFiles(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("core*")}, QDir::Files | QDir::Hidden);
}

QProcessEnvironment environment(const QString &home)
{
    QProcessEnvironment env = fixture::cleanEnvironment(home);
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QString::fromLatin1(keyId));
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), QString::fromLatin1(secret));
    env.insert(QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN"), QString::fromLatin1(token));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // In a sanitizer build (DBS_SANITIZE) AddressSanitizer would catch the signal and exit
    // normally, and would lower the core limit itself: both off, so that the programs' own
    // doing is what is tested. Without AddressSanitizer the variable means nothing.
    const QString asan = env.value(QStringLiteral("ASAN_OPTIONS"));
    env.insert(QStringLiteral("ASAN_OPTIONS"),
               (asan.isEmpty() ? QString() : asan + QLatin1Char(':')) +
                   QStringLiteral("handle_segv=0:handle_abort=0:disable_coredump=0"));
    return env;
}

} // namespace

class TestCrashOutput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedMidRun_data();
    void killedMidRun();
    void everyExecutableDisablesCores_data();
    void everyExecutableDisablesCores();

private:
    bool m_coresLandHere = false; // a crashing control child leaves a core in its directory
};

void TestCrashOutput::initTestCase()
{
    QFile pattern(QStringLiteral("/proc/sys/kernel/core_pattern"));
    const QByteArray corePattern =
        pattern.open(QIODevice::ReadOnly) ? pattern.readAll().trimmed() : QByteArray("?");
    rlimit limit{};
    QCOMPARE(getrlimit(RLIMIT_CORE, &limit), 0);
    // The control: a shell that crashes itself, with the same raised limit.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess control;
    control.setWorkingDirectory(dir.path());
    control.setChildProcessModifier(allowCoreDumps);
    control.start(QStringLiteral("/bin/sh"),
                  {QStringLiteral("-c"), QStringLiteral("kill -SEGV $$")});
    QVERIFY(control.waitForFinished(20000));
    QCOMPARE(control.exitStatus(), QProcess::CrashExit);
    QTest::qWait(200);
    m_coresLandHere = !coreFiles(dir.path()).isEmpty();
    qInfo("core_pattern \"%s\", hard core limit %s; a crashing control child %s a core file in "
          "its working directory",
          corePattern.constData(),
          limit.rlim_max == RLIM_INFINITY ? "unlimited"
                                          : qPrintable(QString::number(limit.rlim_max)),
          m_coresLandHere ? "leaves" : "does NOT leave (the core checks below prove less)");
}

void TestCrashOutput::killedMidRun_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGSEGV") << int(SIGSEGV);
    QTest::newRow("SIGABRT") << int(SIGABRT);
}

void TestCrashOutput::killedMidRun()
{
    QFETCH(int, signal);
    dbs::SimulatorOptions options;
    options.gateways = 400;
    options.keys = {{keyId, secret, token}};
    options.latencyMs = 4000; // every answer late: the command is mid-run when the signal comes
    dbs::Simulator simulator(options);
    QString error;
    QVERIFY2(simulator.start(&error), qPrintable(error));

    QTemporaryDir cwd;
    QVERIFY(cwd.isValid());
    QVERIFY(QDir(cwd.path()).mkpath(QStringLiteral("home")));
    QProcess process;
    process.setWorkingDirectory(cwd.path());
    process.setProcessEnvironment(environment(cwd.filePath(QStringLiteral("home"))));
    process.setChildProcessModifier(allowCoreDumps);
    // --verbose and --output: its request log on stderr and a half-written file in the
    // directory, so that there is something to search.
    process.start(QStringLiteral(DBS_GATEWAYS),
                  {QStringLiteral("list"), QStringLiteral("--region"),
                   QStringLiteral("cn-hangzhou"), QStringLiteral("--endpoint"), simulator.baseUrl(),
                   QStringLiteral("--verbose"), QStringLiteral("--output"),
                   cwd.filePath(QStringLiteral("gateways.json"))});
    QVERIFY(process.waitForStarted());
    QVERIFY(QTest::qWaitFor([&simulator] { return simulator.requestCount() > 0; }, 20000));
    QCOMPARE(process.state(), QProcess::Running);
    QCOMPARE(coreLimit(process.processId()), 0); // its own doing: the parent allowed cores
    QCOMPARE(::kill(pid_t(process.processId()), signal), 0);
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);
    QCOMPARE(process.exitCode(), signal);
    QTest::qWait(200); // a core file is written before the parent hears of the death

    const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
    QVERIFY2(!output.contains(secret) && !output.contains(token), output.constData());
    QVERIFY2(coreFiles(cwd.path()).isEmpty(), qPrintable(coreFiles(cwd.path()).join(u' ')));
    const QStringList hits = fixture::filesContaining(cwd.path(), {secret, token});
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u' ')));
    qInfo("killed with signal %d after %llu request(s): %lld bytes of output, %lld files left, "
          "no core, no secret",
          signal, simulator.requestCount(), qint64(output.size()),
          qint64(QDir(cwd.path()).entryList(QDir::Files | QDir::Hidden).size()));
}

void TestCrashOutput::everyExecutableDisablesCores_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("dbs-gateways") << QStringLiteral(DBS_GATEWAYS)
                                  << QStringList{QStringLiteral("list"), QStringLiteral("--region"),
                                                 QStringLiteral("cn-hangzhou"),
                                                 QStringLiteral("--endpoint"),
                                                 QStringLiteral("ENDPOINT")};
    QTest::newRow("dbs-simulator")
        << QStringLiteral(DBS_SIMULATOR)
        << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
    QTest::newRow("dbs-gateway-browser") << QStringLiteral(DBS_BROWSER) << QStringList{};
}

void TestCrashOutput::everyExecutableDisablesCores()
{
    // Each program, left running, shows a core limit of 0 although it was started with the
    // hard limit; a SIGSEGV then leaves no core in its directory.
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    dbs::SimulatorOptions options;
    options.keys = {{keyId, secret, token}};
    options.latencyMs = 4000;
    dbs::Simulator simulator(options);
    QString error;
    QVERIFY2(simulator.start(&error), qPrintable(error));
    arguments.replaceInStrings(QStringLiteral("ENDPOINT"), simulator.baseUrl());

    QTemporaryDir cwd;
    QVERIFY(cwd.isValid());
    QVERIFY(QDir(cwd.path()).mkpath(QStringLiteral("home")));
    QProcess process;
    process.setWorkingDirectory(cwd.path());
    process.setProcessEnvironment(environment(cwd.filePath(QStringLiteral("home"))));
    process.setChildProcessModifier(allowCoreDumps);
    process.start(program, arguments);
    QVERIFY(process.waitForStarted());
    // main() may not have run yet right after exec: wait for the limit to drop.
    const bool dropped =
        QTest::qWaitFor([&process] { return coreLimit(process.processId()) == 0; }, 20000);
    const qint64 limit = coreLimit(process.processId());
    QVERIFY2(dropped, qPrintable(QStringLiteral("core limit %1").arg(limit)));
    QTest::qWait(300); // well into its run
    QCOMPARE(process.state(), QProcess::Running);
    QCOMPARE(::kill(pid_t(process.processId()), SIGSEGV), 0);
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);
    QTest::qWait(200);
    QVERIFY2(coreFiles(cwd.path()).isEmpty(), qPrintable(coreFiles(cwd.path()).join(u' ')));
    const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
    QVERIFY2(!output.contains(secret) && !output.contains(token), output.constData());
}

QTEST_GUILESS_MAIN(TestCrashOutput)
#include "tst_crashoutput.moc"
