// `dbs-gateways list` as a library: output formats, files, failures and the request log.
#include "cannedserver.h"
#include "environment.h"
#include "pagingcases.h"
#include "simfixture.h"
#include "spreadsheetreader.h"
#include <api/endpoints.h>
#include <cli/listcommand.h>
#include <export/gatewaycsv.h>
#include <export/textformat.h>
#include <fleet/merge.h>
#include <sim/simulator.h>

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace dbs;

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runList(const ListOptions &options, const Credential &credential)
{
    Run run;
    QBuffer out(&run.out), err(&run.err);
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    ListCommand command(options, dbs::SignInSpec::fixed(credential), &out, &err);
    QObject::connect(&command, &ListCommand::done, [&run](int code) { run.exitCode = code; });
    command.start();
    if (!QTest::qWaitFor([&run] { return run.exitCode >= 0; }, 60000))
        qWarning("list did not finish");
    return run;
}

using fixture::demoCredential;
} // namespace

class TestListCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void json_data();
    void json();
    void everyGatewayOnce_data();
    void everyGatewayOnce();
    void allRegionsEveryGatewayOnce_data();
    void allRegionsEveryGatewayOnce();
    void csv();
    void table();
    void tableShowsWhatNamesHold();
    void errorLinesShowWhatMessagesHold_data();
    void errorLinesShowWhatMessagesHold();
    void outputFile();
    void failureLeavesNoFile();
    void unwritableOutput();
    void xlsxFile();
    void xlsxFailureKeepsTheOldFile();
    void xlsxNeedsAFile();
    void verboseLogHidesSecrets();
    void failureLeavesNothingOnStdout_data();
    void failureLeavesNothingOnStdout();
    void destroyedMidFlight();

private:
    ListOptions options(OutputFormat format) const;
    std::unique_ptr<dbs::Simulator> m_simulator;
    std::unique_ptr<dbs::Simulator> m_failing;
};

void TestListCommand::initTestCase()
{
    dbs::SimulatorOptions good;
    good.gateways = 500;
    m_simulator = std::make_unique<dbs::Simulator>(good);
    dbs::SimulatorOptions bad;
    bad.faults = {{dbs::Fault::Http503, 1.0}};
    m_failing = std::make_unique<dbs::Simulator>(bad);
    QString error;
    QVERIFY2(m_simulator->start(&error), qPrintable(error));
    QVERIFY2(m_failing->start(&error), qPrintable(error));
}

ListOptions TestListCommand::options(OutputFormat format) const
{
    ListOptions options;
    options.query.region = QStringLiteral("cn-hangzhou");
    options.client.endpoint = QUrl(m_simulator->baseUrl());
    options.client.retry.baseDelayMs = 5;
    options.client.retry.maxAttempts = 2;
    options.format = format;
    return options;
}

void TestListCommand::json_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("signature");
    QTest::newRow("30 v3") << 30 << int(SignatureVersion::V3);
    QTest::newRow("100 v1") << 100 << int(SignatureVersion::V1);
}

void TestListCommand::json()
{
    QFETCH(int, pageSize);
    QFETCH(int, signature);
    ListOptions opts = options(OutputFormat::Json);
    opts.query.pageSize = pageSize;
    opts.client.signature = SignatureVersion(signature);
    const Run run = runList(opts, demoCredential());
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.isEmpty());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const QJsonArray array = document.array();
    const QVector<BackupGateway> expected = m_simulator->gatewaysIn(opts.query.region);
    QCOMPARE(array.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        QCOMPARE(object.keys().size(), 10);
        QCOMPARE(object.value(QLatin1String("BackupGatewayId")).toString(),
                 expected.at(i).backupGatewayId);
        QCOMPARE(object.value(QLatin1String("DisplayName")).toString(), expected.at(i).displayName);
        // Timestamps stay the API's integers.
        QVERIFY(object.value(QLatin1String("LastHeartbeatTime")).isDouble());
        QCOMPARE(qint64(object.value(QLatin1String("LastHeartbeatTime")).toDouble()),
                 expected.at(i).lastHeartbeatTime);
    }
}

void TestListCommand::everyGatewayOnce_data()
{
    fixture::addPagingRows();
}

void TestListCommand::everyGatewayOnce()
{
    QFETCH(int, pageBase);
    QFETCH(int, gateways);
    QFETCH(int, pageSize);
    dbs::SimulatorOptions simOptions =
        fixture::options(gateways, 3, {QStringLiteral("cn-beijing")});
    simOptions.pageBase = pageBase;
    const auto simulator = fixture::startSimulator(simOptions);
    ListOptions opts = options(OutputFormat::Json);
    opts.client.endpoint = QUrl(simulator->baseUrl());
    opts.query = fixture::query(QStringLiteral("cn-beijing"), pageSize);
    const Run run = runList(opts, demoCredential());
    QCOMPARE(run.exitCode, 0);
    QStringList ids;
    for (const QJsonValue &value : QJsonDocument::fromJson(run.out).array())
        ids.append(value.toObject().value(QLatin1String("BackupGatewayId")).toString());
    QCOMPARE(ids, fixture::ids(simulator->gatewaysIn(QStringLiteral("cn-beijing"))));
    QCOMPARE(ids.size(), gateways);
}

void TestListCommand::allRegionsEveryGatewayOnce_data()
{
    fixture::addPagingRows();
}

void TestListCommand::allRegionsEveryGatewayOnce()
{
    // --region all over three regions with gateways and twenty without: each gateway once,
    // region by region in the order of the region list.
    QFETCH(int, pageBase);
    QFETCH(int, gateways);
    QFETCH(int, pageSize);
    const QStringList withGateways = {QStringLiteral("cn-hangzhou"), QStringLiteral("cn-beijing"),
                                      QStringLiteral("ap-southeast-1")};
    dbs::SimulatorOptions simOptions = fixture::options(gateways, 5, withGateways);
    simOptions.pageBase = pageBase;
    const auto simulator = fixture::startSimulator(simOptions);
    ListOptions opts = options(OutputFormat::Csv);
    opts.client.endpoint = QUrl(simulator->baseUrl());
    opts.query = fixture::query(QString(), pageSize);
    opts.regions = endpoints::regionIds();
    opts.columns = {GatewayField::BackupGatewayId};
    const Run run = runList(opts, demoCredential());
    QCOMPARE(run.exitCode, 0);
    QList<QByteArray> lines = run.out.split('\n');
    QCOMPARE(lines.takeFirst(), QByteArray("BackupGatewayId\r"));
    QCOMPARE(lines.takeLast(), QByteArray());
    QStringList ids;
    for (const QByteArray &line : lines)
        ids.append(QString::fromUtf8(line.trimmed()));
    QHash<QString, QVector<BackupGateway>> byRegion;
    for (const QString &region : opts.regions)
        byRegion.insert(region, simulator->gatewaysIn(region));
    QCOMPARE(ids, fixture::ids(mergeRegions(opts.regions, byRegion)));
    QCOMPARE(ids.size(), gateways);
}

void TestListCommand::csv()
{
    const Run run = runList(options(OutputFormat::Csv), demoCredential());
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = run.out.split('\n');
    const QVector<BackupGateway> expected = m_simulator->gatewaysIn(QStringLiteral("cn-hangzhou"));
    QCOMPARE(lines.size(), expected.size() + 2); // header, rows, empty after the last CRLF
    QCOMPARE(lines.first(), QByteArray("BackupGatewayId,Identifier,DisplayName,BackupGatewayStatus,"
                                       "Region,SourceEndpointHostname,SourceEndpointInternetIP,"
                                       "SourceEndpointIntranetIP,BackupGatewayCreateTime,"
                                       "LastHeartbeatTime\r"));
    QVERIFY(!run.out.startsWith("\xEF\xBB\xBF")); // no BOM for scripts
    const QList<QByteArray> cells = lines.at(1).trimmed().split(',');
    QCOMPARE(cells.size(), 10);
    QCOMPARE(cells.at(0), expected.first().backupGatewayId.toUtf8());
    QCOMPARE(cells.at(9).toLongLong(), expected.first().lastHeartbeatTime);
}

void TestListCommand::table()
{
    const Run run = runList(options(OutputFormat::Table), demoCredential());
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
    const QVector<BackupGateway> expected = m_simulator->gatewaysIn(QStringLiteral("cn-hangzhou"));
    QCOMPARE(lines.size(), expected.size() + 1);
    QVERIFY(lines.first().startsWith(QStringLiteral("BackupGatewayId  ")));
    // Columns line up: the Identifier column starts at the same place on every line.
    const int column = int(lines.first().indexOf(QStringLiteral("Identifier")));
    for (int i = 1; i < lines.size(); ++i)
        QCOMPARE(lines.at(i).mid(column, 5), expected.at(i - 1).identifier.left(5));
}

void TestListCommand::tableShowsWhatNamesHold()
{
    // A gateway's name is set on the customer's host: whatever it holds reaches the terminal
    // as text to read, never as something it obeys, and the columns stay aligned.
    const QStringList names = {QStringLiteral("\x1b[31mred\x1b[0m\x1b]0;owned\x07"),
                               QStringLiteral("tab\there"),
                               QStringLiteral("two\nlines\r"),
                               QString::fromUtf8("gw-\u202Egnp.exe\u2066x\u2069"),
                               QString::fromUtf8("订单库-\u0085-\x7f"),
                               QStringLiteral("plain")};
    QList<QMap<QString, QString>> gateways;
    for (int i = 0; i < names.size(); ++i) {
        gateways.append({{QStringLiteral("BackupGatewayId"), QString::number(1000 + i)},
                         {QStringLiteral("DisplayName"), names.at(i)},
                         {QStringLiteral("Identifier"), QStringLiteral("dbsgw%1").arg(i)},
                         {QStringLiteral("BackupGatewayStatus"), QStringLiteral("ONLINE")}});
    }
    const fixture::CannedServer server(fixture::gatewayPage(gateways));
    ListOptions opts = options(OutputFormat::Table);
    opts.client.endpoint = server.url();
    opts.columns = {GatewayField::DisplayName, GatewayField::Identifier};
    const Run run = runList(opts, demoCredential());
    QCOMPARE(run.exitCode, 0);
    for (const char c : run.out)
        QVERIFY2(uchar(c) >= 0x20 || c == '\n', qPrintable(QString::number(uchar(c), 16)));
    const QString out = QString::fromUtf8(run.out);
    for (const QChar c : out)
        QVERIFY2(!(c.unicode() >= 0x80 && c.unicode() <= 0x9F) &&
                     !(c >= QChar(0x202A) && c <= QChar(0x202E)) &&
                     !(c >= QChar(0x2066) && c <= QChar(0x2069)),
                 qPrintable(QString::number(c.unicode(), 16)));
    const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), names.size() + 1); // no name split a row
    for (int i = 0; i < names.size(); ++i) {
        QVERIFY2(lines.at(i + 1).startsWith(dbs::visibleText(names.at(i))),
                 qPrintable(lines.at(i + 1)));
        // The Identifier column starts at the same terminal column on every row.
        const int at = int(lines.at(i + 1).indexOf(QStringLiteral("dbsgw")));
        QCOMPARE(dbs::displayWidth(lines.at(i + 1).left(at)),
                 dbs::displayWidth(lines.first().left(lines.first().indexOf(u"Identifier"))));
    }
}

void TestListCommand::errorLinesShowWhatMessagesHold_data()
{
    QTest::addColumn<QStringList>("regions");
    QTest::newRow("one region") << QStringList{QStringLiteral("cn-hangzhou")};
    QTest::newRow("a region among others")
        << QStringList{QStringLiteral("cn-hangzhou"), QStringLiteral("cn-shanghai")};
}

void TestListCommand::errorLinesShowWhatMessagesHold()
{
    // The service's message is data: "%1" stays as it is (not a format argument) and escapes
    // reach the terminal as text.
    QFETCH(QStringList, regions);
    const fixture::CannedServer server(
        QByteArray("{\"Code\":\"InvalidParameter\",\"Message\":\"100%1 %2 %L1 "
                   "\\u001b[31mred\\u202e\",\"RequestId\":\"r-1\"}"),
        "application/json", 400);
    ListOptions opts = options(OutputFormat::Json);
    opts.client.endpoint = server.url();
    opts.regions = regions;
    const Run run = runList(opts, demoCredential());
    QVERIFY(run.exitCode != 0);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(QStringLiteral("100%1 %2 %L1 \\e[31mred\\u202E")), qPrintable(err));
    for (const QChar c : err)
        QVERIFY2(c == u'\n' || (c >= QChar(0x20) && c != QChar(0x7F) && c != QChar(0x202E)),
                 qPrintable(err));
}

void TestListCommand::outputFile()
{
    QTemporaryDir dir;
    ListOptions opts = options(OutputFormat::Csv);
    opts.outputPath = dir.filePath(QStringLiteral("gateways.csv"));
    const Run run = runList(opts, demoCredential());
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.isEmpty());
    QFile file(opts.outputPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'),
             m_simulator->gatewaysIn(QStringLiteral("cn-hangzhou")).size() + 1);
}

void TestListCommand::failureLeavesNoFile()
{
    QTemporaryDir dir;
    ListOptions opts = options(OutputFormat::Json);
    opts.client.endpoint = QUrl(m_failing->baseUrl());
    opts.outputPath = dir.filePath(QStringLiteral("gateways.json"));
    const Run run = runList(opts, demoCredential());
    QCOMPARE(run.exitCode, 1);
    QVERIFY(!QFile::exists(opts.outputPath));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    // One line with Code, Message and RequestId.
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY(run.err.contains("ServiceUnavailable"));
    QVERIFY(run.err.contains("RequestId: "));
}

void TestListCommand::unwritableOutput()
{
    ListOptions opts = options(OutputFormat::Json);
    opts.outputPath = QStringLiteral("/proc/no-such-dir/gateways.json");
    const Run run = runList(opts, demoCredential());
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains("cannot write"));
}

void TestListCommand::xlsxFile()
{
    // The browser's workbook, atomically in place of the old file: ids, identifiers and
    // addresses are text, times are dates in UTC beside their milliseconds.
    QTemporaryDir dir;
    ListOptions opts = options(OutputFormat::Xlsx);
    opts.outputPath = dir.filePath(QStringLiteral("gateways.xlsx"));
    QVERIFY(fixture::writeFile(opts.outputPath, "old"));
    const Run run = runList(opts, demoCredential());
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("gateways.xlsx")});
    QFile file(opts.outputPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(4) == "PK\x03\x04");

    const fixture::Spreadsheet sheet = fixture::readSpreadsheet(opts.outputPath);
    QVERIFY2(sheet.ok(), qPrintable(sheet.error));
    const QVector<BackupGateway> expected = m_simulator->gatewaysIn(QStringLiteral("cn-hangzhou"));
    QCOMPARE(sheet.rows.size(), expected.size() + 1);
    QCOMPARE(sheet.cell(0, 0).value, dbs::gatewayCsvHeader({}).first());
    for (int row = 1; row <= expected.size(); ++row) {
        const BackupGateway &gateway = expected.at(row - 1);
        const QList<QPair<int, QString>> texts = {{0, gateway.backupGatewayId},
                                                  {1, gateway.identifier},
                                                  {6, gateway.internetIp},
                                                  {7, gateway.intranetIp}};
        for (const auto &[column, text] : texts) {
            if (text.isEmpty())
                continue;
            QCOMPARE(sheet.cell(row, column).type, QStringLiteral("string"));
            QCOMPARE(sheet.cell(row, column).value, text);
        }
        QCOMPARE(sheet.cell(row, 8).type, QStringLiteral("float"));
        QCOMPARE(sheet.cell(row, 8).value.toLongLong(), gateway.createTime);
        QCOMPARE(sheet.cell(row, 9).type, QStringLiteral("date"));
        const QDateTime created = QDateTime::fromMSecsSinceEpoch(gateway.createTime, Qt::UTC);
        QVERIFY2(sheet.cell(row, 9).value.startsWith(
                     created.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))),
                 qPrintable(sheet.cell(row, 9).value));
        if (gateway.lastHeartbeatTime > 0)
            QCOMPARE(sheet.cell(row, 11).type, QStringLiteral("date"));
    }
}

void TestListCommand::xlsxFailureKeepsTheOldFile()
{
    QTemporaryDir dir;
    ListOptions opts = options(OutputFormat::Xlsx);
    opts.client.endpoint = QUrl(m_failing->baseUrl());
    opts.outputPath = dir.filePath(QStringLiteral("gateways.xlsx"));
    QVERIFY(fixture::writeFile(opts.outputPath, "old"));
    const Run run = runList(opts, demoCredential());
    QCOMPARE(run.exitCode, 1);
    QFile file(opts.outputPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("old"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void TestListCommand::xlsxNeedsAFile()
{
    // Standard output is a terminal as often as not: a workbook never goes there.
    for (const QString &path : {QString(), QStringLiteral("/dev/stdout")}) {
        ListOptions opts = options(OutputFormat::Xlsx);
        opts.outputPath = path;
        const Run run = runList(opts, demoCredential());
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("--output FILE"), run.err.constData());
    }
}

void TestListCommand::verboseLogHidesSecrets()
{
    dbs::SimulatorOptions simOptions;
    simOptions.keys = {{"STS.id", "the-secret-value", "the-token-value"}};
    simOptions.faults = {{dbs::Fault::Http500, 0.3}};
    dbs::Simulator simulator(simOptions);
    QString error;
    QVERIFY(simulator.start(&error));
    for (const SignatureVersion version : {SignatureVersion::V1, SignatureVersion::V3}) {
        ListOptions opts = options(OutputFormat::Json);
        opts.client.endpoint = QUrl(simulator.baseUrl());
        opts.client.signature = version;
        opts.client.retry.maxAttempts = 10;
        opts.verbose = true;
        const Run run =
            runList(opts, {QStringLiteral("STS.id"), QStringLiteral("the-secret-value"),
                           QStringLiteral("the-token-value"), QStringLiteral("environment")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.contains("credentials: environment"));
        QVERIFY(run.err.contains("POST http://127.0.0.1:"));
        QVERIFY(run.err.contains("-> 200 in "));
        for (const QByteArray &secret :
             {QByteArray("the-secret-value"), QByteArray("the-token-value")}) {
            QVERIFY(!run.err.contains(secret));
            QVERIFY(!run.out.contains(secret));
        }
        if (version == SignatureVersion::V1) {
            QVERIFY(run.err.contains("Signature=***"));
            QVERIFY(run.err.contains("AccessKeyId=***"));
            QVERIFY(run.err.contains("SecurityToken=***"));
        }
    }
}

void TestListCommand::failureLeavesNothingOnStdout_data()
{
    QTest::addColumn<int>("format");
    QTest::newRow("json") << int(OutputFormat::Json);
    QTest::newRow("csv") << int(OutputFormat::Csv);
    QTest::newRow("table") << int(OutputFormat::Table);
}

void TestListCommand::failureLeavesNothingOnStdout()
{
    // Three pages arrive and are delivered, then the service turns out to be endless: the
    // command fails, and what it had must not look like a (short) result on standard output.
    QFETCH(int, format);
    dbs::SimulatorOptions simOptions;
    simOptions.gateways = 70;
    simOptions.regions = {QStringLiteral("cn-beijing")};
    simOptions.faults = {{dbs::Fault::Endless, 1.0}};
    dbs::Simulator simulator(simOptions);
    QString error;
    QVERIFY2(simulator.start(&error), qPrintable(error));
    ListOptions opts = options(OutputFormat(format));
    opts.query.region = QStringLiteral("cn-beijing");
    opts.client.endpoint = QUrl(simulator.baseUrl());
    opts.verbose = true; // proves pages were answered before the failure
    const Run run = runList(opts, demoCredential());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.isEmpty(), run.out.left(200).constData());
    QVERIFY(run.err.count("-> 200 in ") >= 3);
    QVERIFY2(run.err.contains("dbs-gateways: InconsistentPaging"), run.err.constData());
    QVERIFY(run.err.endsWith('\n'));

    // And a success still prints the whole document.
    ListOptions good = options(OutputFormat(format));
    const Run ok = runList(good, demoCredential());
    QCOMPARE(ok.exitCode, 0);
    QVERIFY(!ok.out.isEmpty());
}

void TestListCommand::destroyedMidFlight()
{
    // Its children are deleted in creation order, the client first: the job must not then
    // cancel calls the client already deleted.
    dbs::SimulatorOptions simOptions;
    simOptions.gateways = 600;
    simOptions.regions = {QStringLiteral("cn-beijing")};
    simOptions.latencyMs = 50;
    dbs::Simulator simulator(simOptions);
    QString error;
    QVERIFY2(simulator.start(&error), qPrintable(error));
    ListOptions opts = options(OutputFormat::Json);
    opts.query.region = QStringLiteral("cn-beijing");
    opts.client.endpoint = QUrl(simulator.baseUrl());
    QByteArray outBytes, errBytes;
    QBuffer out(&outBytes), err(&errBytes);
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    bool done = false;
    auto *command = new ListCommand(opts, dbs::SignInSpec::fixed(demoCredential()), &out, &err);
    connect(command, &ListCommand::done, this, [&done] { done = true; });
    command->start();
    // Wait until the later pages are in flight.
    QVERIFY(QTest::qWaitFor([&simulator] { return simulator.requestCount() >= 3; }, 10000));
    delete command;
    QTest::qWait(300);
    QVERIFY(!done);
    QVERIFY(outBytes.isEmpty());
}

QTEST_GUILESS_MAIN(TestListCommand)
#include "tst_listcommand.moc"
