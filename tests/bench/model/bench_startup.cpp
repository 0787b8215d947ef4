// Scenario 6: from spawning `dbs-gateway-browser --demo` to its first page painted, offscreen,
// with a clean HOME and XDG_CONFIG_HOME. DBS_EXIT_AFTER_FIRST_PAINT makes the browser paint
// the first page, print "first page painted" and quit; the time is taken out here, from the
// spawn to that line. The reference is `dbs-gateway-browser --help`: the cost of starting the
// process and Qt at all. Exits non-zero only if the browser never reports a painted page.
#include "benchcommon.h"

#include <QCommandLineParser>
#include <QProcess>
#include <QTemporaryDir>

namespace {
// Milliseconds from start() to `marker` on stdout, or -1.
double launch(const QString &program, const QStringList &arguments, const QByteArray &marker,
              const QString &home)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
    env.insert(QStringLiteral("DBS_EXIT_AFTER_FIRST_PAINT"), QStringLiteral("1"));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    QByteArray out;
    double elapsed = -1;
    while (timer.elapsed() < 30000) {
        if (!process.waitForReadyRead(100) && process.state() == QProcess::NotRunning)
            break;
        out += process.readAllStandardOutput();
        if (out.contains(marker)) {
            elapsed = timer.nsecsElapsed() / 1e6;
            break;
        }
    }
    if (elapsed < 0)
        bench::detail(QStringLiteral("no \"%1\" from %2: %3")
                          .arg(QString::fromLatin1(marker), program,
                               QString::fromLocal8Bit(out + process.readAllStandardError())));
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished();
    }
    return elapsed;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Launches."),
                                        QStringLiteral("N"), QStringLiteral("5"));
    parser.addOption(runsOption);
    parser.addPositionalArgument(QStringLiteral("browser"), QStringLiteral("dbs-gateway-browser"));
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);
    const QString browser = parser.positionalArguments().constFirst();
    const int runs = std::max(1, parser.value(runsOption).toInt());

    std::vector<double> starts, floors;
    for (int i = 0; i < runs; ++i) {
        QTemporaryDir home; // clean settings: a first run each time
        const double start =
            launch(browser, {QStringLiteral("--demo")}, "first page painted", home.path());
        if (start < 0)
            return 1;
        starts.push_back(start);
        const double floor = launch(browser, {QStringLiteral("--help")}, "--demo", home.path());
        if (floor >= 0)
            floors.push_back(floor);
    }
    const double ours = bench::median(starts);
    const double reference = floors.empty() ? 0 : bench::median(floors);
    bench::detail(QStringLiteral("launches: %1 ms").arg([&] {
        QStringList list;
        for (double value : starts)
            list.append(QString::number(value, 'f', 0));
        return list.join(QStringLiteral(", "));
    }()));
    bench::report(QStringLiteral("6 start-up to first page painted (--demo)"), bench::ms(ours),
                  bench::ms(reference) + QStringLiteral(" (--help)"),
                  reference > 0 ? ours / reference : 0, QStringLiteral("<= 500 ms"), ours <= 500);
    return 0;
}
