// The shared command line of the three programs (app/cmdline), as processes: --help and
// --version through the one parse(), translated under --lang zh_CN or a Chinese locale, and
// exit code 2 on a wrong command line.
#include "environment.h"
#include <cmdline/commandline.h>
#include <export/textformat.h>

#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

// A clean environment: no locale variable unless the caller sets one, offscreen for the
// browser, and a fresh HOME (no settings, no credentials) which is also the runtime directory
// (QTemporaryDir is 0700, as XDG_RUNTIME_DIR must be; without one Qt warns on stderr).
QProcessEnvironment baseEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home);
    for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "LC_CTYPE"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

Result run(const QString &program, const QStringList &arguments, const QProcessEnvironment &env)
{
    const fixture::ProcessResult ran = fixture::runProcess(program, arguments, env, 30000);
    Result result;
    if (!ran.finished) {
        result.err = QStringLiteral("timed out");
        return result;
    }
    result.exitCode = ran.status == QProcess::NormalExit ? ran.exitCode : -1;
    result.out = QString::fromUtf8(ran.out);
    result.err = QString::fromUtf8(ran.err);
    return result;
}

QString programPath(const QString &name)
{
    if (name == u"dbs-gateways")
        return QStringLiteral(DBS_GATEWAYS);
    if (name == u"dbs-simulator")
        return QStringLiteral(DBS_SIMULATOR);
    return QStringLiteral(DBS_BROWSER);
}

// The first sentence of each program's description, in English and in Chinese.
QString englishDescription(const QString &name)
{
    if (name == u"dbs-gateways")
        return QStringLiteral("Lists Alibaba Cloud DBS backup gateways");
    if (name == u"dbs-simulator")
        return QStringLiteral("A local Alibaba Cloud DBS endpoint");
    return QStringLiteral("Browse the backup gateways of Alibaba Cloud Database Backup");
}

QString chineseDescription(const QString &name)
{
    if (name == u"dbs-gateways")
        return QStringLiteral("列出阿里云 DBS 备份网关");
    if (name == u"dbs-simulator")
        return QStringLiteral("本地的阿里云 DBS Endpoint");
    return QStringLiteral("浏览阿里云数据库备份 DBS 的备份网关");
}

const QStringList programs = {QStringLiteral("dbs-gateway-browser"), QStringLiteral("dbs-gateways"),
                              QStringLiteral("dbs-simulator")};

} // namespace

class TestCommandLine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestedLocale_data();
    void requestedLocale();
    void helpInLanguage_data();
    void helpInLanguage();
    void helpFitsAndTells_data();
    void helpFitsAndTells();
    void browserWithoutDisplay();
    void wrapped_data();
    void wrapped();
    void versionIsTheSameInEveryLanguage_data();
    void versionIsTheSameInEveryLanguage();
    void wrongCommandLineExitsTwo_data();
    void wrongCommandLineExitsTwo();

private:
    QTemporaryDir m_home;
};

void TestCommandLine::requestedLocale_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected"); // empty: the system's

    QTest::newRow("none") << QStringList{QStringLiteral("p")} << QString();
    QTest::newRow("separate") << QStringList{QStringLiteral("p"), QStringLiteral("--lang"),
                                             QStringLiteral("zh_CN")}
                              << QStringLiteral("zh_CN");
    QTest::newRow("equals") << QStringList{QStringLiteral("p"), QStringLiteral("--lang=zh_CN")}
                            << QStringLiteral("zh_CN");
    QTest::newRow("among others") << QStringList{QStringLiteral("p"),
                                                 QStringLiteral("list"),
                                                 QStringLiteral("--region"),
                                                 QStringLiteral("cn-hangzhou"),
                                                 QStringLiteral("--lang"),
                                                 QStringLiteral("en_US")}
                                  << QStringLiteral("en_US");
    QTest::newRow("missing value")
        << QStringList{QStringLiteral("p"), QStringLiteral("--lang")} << QString();
    QTest::newRow("after --") << QStringList{QStringLiteral("p"), QStringLiteral("--"),
                                             QStringLiteral("--lang=zh_CN")}
                              << QString();
    // The program name itself is never an option.
    QTest::newRow("argv0") << QStringList{QStringLiteral("--lang=zh_CN")} << QString();
}

void TestCommandLine::requestedLocale()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const QLocale locale = dbs::requestedLocale(arguments);
    QCOMPARE(locale.name(), expected.isEmpty() ? QLocale::system().name() : expected);
}

void TestCommandLine::helpInLanguage_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("extraArguments");
    QTest::addColumn<QString>("lang"); // LANG, empty for none
    QTest::addColumn<bool>("chinese");

    for (const QString &program : programs) {
        const QByteArray name = program.toLatin1();
        QTest::newRow(name + " C")
            << program << QStringList() << QStringLiteral("C.UTF-8") << false;
        QTest::newRow(name + " --lang zh_CN")
            << program << QStringList{QStringLiteral("--lang"), QStringLiteral("zh_CN")}
            << QStringLiteral("C.UTF-8") << true;
        QTest::newRow(name + " --lang=zh_CN")
            << program << QStringList{QStringLiteral("--lang=zh_CN")} << QString() << true;
        QTest::newRow(name + " LANG=zh_CN.UTF-8")
            << program << QStringList() << QStringLiteral("zh_CN.UTF-8") << true;
        QTest::newRow(name + " --lang en beats LANG")
            << program << QStringList{QStringLiteral("--lang"), QStringLiteral("en_US")}
            << QStringLiteral("zh_CN.UTF-8") << false;
    }
}

void TestCommandLine::helpInLanguage()
{
    QFETCH(QString, program);
    QFETCH(QStringList, extraArguments);
    QFETCH(QString, lang);
    QFETCH(bool, chinese);

    QProcessEnvironment env = baseEnvironment(m_home.path());
    if (!lang.isEmpty())
        env.insert(QStringLiteral("LANG"), lang);
    const Result help =
        run(programPath(program), QStringList{QStringLiteral("--help")} + extraArguments, env);
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.err.isEmpty(), qPrintable(help.err));
    QVERIFY(help.out.contains(QStringLiteral("--version")));
    QVERIFY(help.out.contains(QStringLiteral("--lang <LOCALE>")));
    if (chinese) {
        // Ours (the description) and Qt's own (qtbase_zh_CN: "Usage:", "Options:").
        QVERIFY2(help.out.contains(chineseDescription(program)), qPrintable(help.out));
        QVERIFY2(help.out.contains(QStringLiteral("用法：")), qPrintable(help.out));
        QVERIFY(!help.out.contains(englishDescription(program)));
    } else {
        QVERIFY2(help.out.contains(englishDescription(program)), qPrintable(help.out));
        QVERIFY(help.out.startsWith(QStringLiteral("Usage: ")));
        QVERIFY(!help.out.contains(chineseDescription(program)));
    }
}

void TestCommandLine::helpFitsAndTells_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("lang");
    for (const QString &program : programs) {
        for (const QString &lang : {QStringLiteral("en_US"), QStringLiteral("zh_CN")})
            QTest::addRow("%s %s", qPrintable(program), qPrintable(lang)) << program << lang;
    }
}

void TestCommandLine::helpFitsAndTells()
{
    // 80 columns in either language (a Chinese character takes two), the program's name and
    // not its path, each option's default, and no Qt options in --help-all.
    QFETCH(QString, program);
    QFETCH(QString, lang);
    for (const QString &option : {QStringLiteral("--help"), QStringLiteral("--help-all")}) {
        const Result help = run(programPath(program), {option, QStringLiteral("--lang"), lang},
                                baseEnvironment(m_home.path()));
        QCOMPARE(help.exitCode, 0);
        const QStringList lines = help.out.split(u'\n');
        for (const QString &line : lines)
            QVERIFY2(dbs::displayWidth(line) <= 80, qPrintable(line));
        QVERIFY2(QRegularExpression(QStringLiteral("[ ：]%1 ").arg(program))
                     .match(lines.constFirst())
                     .hasMatch(),
                 qPrintable(lines.constFirst()));
        QVERIFY2(!help.out.contains(programPath(program)), qPrintable(lines.constFirst()));
        QVERIFY(!help.out.contains(QStringLiteral("qmljsdebugger")));
        QVERIFY(!help.out.contains(QStringLiteral("-platform")));
        if (program == u"dbs-gateways") {
            for (const char *value : {"30", "6", "json", "v3", "60s"}) {
                QVERIFY2(QRegularExpression(QStringLiteral("(Default:\\s+|默认：\\s*)%1[.。]")
                                                .arg(QLatin1String(value)))
                             .match(help.out)
                             .hasMatch(),
                         value);
            }
            for (const char *expected :
                 {"~/.aliyun/config.json", "ALIBABA_CLOUD_PROFILE", "dbs-gateways list --region"})
                QVERIFY2(help.out.contains(QLatin1String(expected)), expected);
        }
    }
}

void TestCommandLine::browserWithoutDisplay()
{
    // Over ssh, with no display at all: --version and --help answer; a start says so in one
    // line with exit 1 (Qt alone aborts with "could not connect to display").
    QProcessEnvironment env = baseEnvironment(m_home.path());
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        env.remove(QString::fromLatin1(name));
    const QString browser = programPath(QStringLiteral("dbs-gateway-browser"));
    const Result version = run(browser, {QStringLiteral("--version")}, env);
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(QStringLiteral("dbs-gateway-browser ")));
    const Result help = run(browser, {QStringLiteral("--help")}, env);
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("--demo")));
    const Result start = run(browser, {QStringLiteral("--demo")}, env);
    QCOMPARE(start.exitCode, 1); // a crash (SIGABRT) would not be a normal exit with 1
    QCOMPARE(start.err.count(u'\n'), 1);
    QVERIFY2(start.err.startsWith(QStringLiteral("dbs-gateway-browser: no display")),
             qPrintable(start.err));
}

void TestCommandLine::wrapped_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::addColumn<QStringList>("lines");
    QTest::newRow("words") << QStringLiteral("one two three four") << 9
                           << QStringList{QStringLiteral("one two"), QStringLiteral("three"),
                                          QStringLiteral("four")};
    QTest::newRow("Chinese between characters, 5m kept whole")
        << QString::fromUtf8("超过五分钟5m没有心跳") << 11
        << QStringList{QString::fromUtf8("超过五分钟"), QString::fromUtf8("5m没有心跳")};
    QTest::newRow("a long word stays whole")
        << QStringLiteral("a verylongword b") << 6
        << QStringList{QStringLiteral("a"), QStringLiteral("verylongword"), QStringLiteral("b")};
}

void TestCommandLine::wrapped()
{
    QFETCH(QString, text);
    QFETCH(int, width);
    QFETCH(QStringList, lines);
    QCOMPARE(dbs::wrapped(text, width), lines);
}

void TestCommandLine::versionIsTheSameInEveryLanguage_data()
{
    QTest::addColumn<QString>("program");
    for (const QString &program : programs)
        QTest::newRow(program.toLatin1()) << program;
}

void TestCommandLine::versionIsTheSameInEveryLanguage()
{
    QFETCH(QString, program);
    const QString expected = program + QLatin1Char(' ') + QStringLiteral(DBS_VERSION) + u'\n';
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("--version")},
          QStringList{QStringLiteral("--version"), QStringLiteral("--lang"),
                      QStringLiteral("zh_CN")}}) {
        const Result version = run(programPath(program), arguments, baseEnvironment(m_home.path()));
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out, expected);
        QVERIFY2(version.err.isEmpty(), qPrintable(version.err));
    }
}

void TestCommandLine::wrongCommandLineExitsTwo_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("expectedError");

    for (const QString &program : programs) {
        const QByteArray name = program.toLatin1();
        QTest::newRow(name + " unknown option")
            << program << QStringList{QStringLiteral("--bogus")} << QStringLiteral("C.UTF-8")
            << program + QStringLiteral(": Unknown option 'bogus'.\n");
        QTest::newRow(name + " missing value")
            << program << QStringList{QStringLiteral("--lang")} << QStringLiteral("C.UTF-8")
            << program + QStringLiteral(": Missing value after '--lang'.\n");
        // Qt's own message, translated by qtbase_zh_CN.
        QTest::newRow(name + " unknown option, Chinese")
            << program << QStringList{QStringLiteral("--bogus"), QStringLiteral("--lang=zh_CN")}
            << QStringLiteral("C.UTF-8") << program + QStringLiteral(": ");
    }
}

void TestCommandLine::wrongCommandLineExitsTwo()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QFETCH(QString, lang);
    QFETCH(QString, expectedError);

    QProcessEnvironment env = baseEnvironment(m_home.path());
    env.insert(QStringLiteral("LANG"), lang);
    const Result result = run(programPath(program), arguments, env);
    QCOMPARE(result.exitCode, dbs::usageExitCode);
    QVERIFY(result.out.isEmpty());
    if (expectedError.endsWith(u'\n')) {
        QCOMPARE(result.err, expectedError);
    } else {
        QVERIFY2(result.err.startsWith(expectedError), qPrintable(result.err));
        QVERIFY2(result.err.contains(QStringLiteral("bogus")), qPrintable(result.err));
        QVERIFY2(!result.err.contains(QStringLiteral("Unknown option")), qPrintable(result.err));
    }
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
