#include "csvreader.h"
#include "simfixture.h"
#include "spreadsheetreader.h"

#include <ui/dialogs/exportcontroller.h>
#include <ui/dialogs/exportdialog.h>

#include <api/dbsclient.h>
#include <api/epochtime.h>
#include <api/gatewayfields.h>
#include <models/gatewayfiltermodel.h>
#include <models/gatewaytablemodel.h>
#include <settings/settings.h>
#include <sim/simulator.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <httplib.h>

#include <memory>
#include <thread>

#include <csignal>
#include <sys/resource.h>

using dbs::BackupGateway;
using dbs::ExportController;
using dbs::ExportDialog;
using dbs::ExportScope;
using dbs::Settings;
using fixture::CsvTable;

namespace {
const QString region = QStringLiteral("cn-hangzhou");
constexpr int pageSize = 30;

// Columns of an export (every field, each time followed by its UTC form).
enum Column {
    Id = 0,
    Identifier,
    Name,
    Status,
    Region,
    Hostname,
    PublicIp,
    PrivateIp,
    CreateMs,
    CreateUtc,
    HeartbeatMs,
    HeartbeatUtc,
    ColumnCount
};

const QStringList apiHeader = {"BackupGatewayId",
                               "Identifier",
                               "DisplayName",
                               "BackupGatewayStatus",
                               "Region",
                               "SourceEndpointHostname",
                               "SourceEndpointInternetIP",
                               "SourceEndpointIntranetIP",
                               "BackupGatewayCreateTime",
                               "BackupGatewayCreateTime (UTC)",
                               "LastHeartbeatTime",
                               "LastHeartbeatTime (UTC)"};
const QStringList titleHeader = {"Gateway ID",
                                 "Identifier",
                                 "Name",
                                 "Status",
                                 "Region",
                                 "Hostname",
                                 "Public IP",
                                 "Private IP",
                                 "Created (epoch ms)",
                                 "Created (UTC)",
                                 "Last heartbeat (epoch ms)",
                                 "Last heartbeat (UTC)"};

QString expectedIso(qint64 ms)
{
    return ms > 0 ? dbs::utcFromEpochMs(ms).toString(Qt::ISODate) : QString();
}

// Every object the window would own, wired the way the window wires them.
struct Fixture
{
    explicit Fixture(const QString &baseUrl)
    {
        dbs::ClientOptions options;
        options.endpoint = QUrl(baseUrl);
        options.retry.maxAttempts = 1;
        client.setOptions(options);
        client.setCredential({QString::fromLatin1(dbs::demoAccessKeyId),
                              QString::fromLatin1(dbs::demoAccessKeySecret),
                              {},
                              "demo"});
        filter.setGatewayModel(&model);
        dbs::PageQuery query;
        query.region = region;
        query.pageSize = pageSize;
        model.setQuery(query);
        controller = new ExportController(&model, &filter, &selection, &settings, window.get());
        // No native file dialog in a test: Browse… picks a fixed name.
        controller->setFileChooser([this](QWidget *, const QString &) { return chosenPath; });
    }

    dbs::DbsClient client;
    dbs::GatewayTableModel model{&client};
    dbs::GatewayFilterModel filter;
    QItemSelectionModel selection{&filter};
    Settings settings;
    // Destroyed first: it takes the controller and the dialogs with it, before the models go.
    std::unique_ptr<QWidget> window = std::make_unique<QWidget>();
    ExportController *controller = nullptr; // child of window
    QString chosenPath;
};

// Answers every request with one fixed page, for values the simulator never produces.
class CraftedServer
{
public:
    explicit CraftedServer(const QList<BackupGateway> &gateways)
    {
        QJsonArray items;
        for (const BackupGateway &gateway : gateways)
            items.append(dbs::toJson(gateway));
        const QJsonObject page{
            {"RequestId", "crafted-1"}, {"Success", true},
            {"HttpStatusCode", 200},    {"PageNum", 1},
            {"PageSize", pageSize},     {"TotalElements", int(gateways.size())},
            {"TotalPages", 1},          {"Items", QJsonObject{{"BackupGateway", items}}}};
        const std::string body = QJsonDocument(page).toJson(QJsonDocument::Compact).toStdString();
        m_server.Post(".*", [body](const httplib::Request &, httplib::Response &response) {
            response.set_content(body, "application/json;charset=utf-8");
        });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
    }
    ~CraftedServer()
    {
        m_server.stop();
        m_thread.join();
    }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    bool ok() const { return m_port > 0; }

private:
    httplib::Server m_server;
    std::thread m_thread;
    int m_port = -1;
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestExportController final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void allFetchesRemainingPagesFirst();
    void severalAccountsCarryTheirColumn();
    void filteredWritesWhatTheFilterShows();
    void filteredWhilePartialLoadsTheRest();
    void selectedWritesSelectedRowsInViewOrder();
    void neutralisesFormulasEndToEnd();
    void workbookOfTheSelectedRows();
    void countsFollowLoading();
    void cancelledLoadLeavesNoFile();
    void cancelledDialogWritesNothing();
    void regionChangeDuringLoadWritesNothing();
    void loadStoppedElsewhereWritesNothing();
    void serviceErrorDuringLoadWritesNothing();
    void unwritablePathGivesErrorAndNoFile();
    void failedExportKeepsExistingFile();
    void fullDiskGivesErrorAndKeepsExistingFile();
    void choicesAreRemembered();
    void suggestedFolderExistsOnAFreshAccount();

private:
    // Opens the dialog through run(), sets the choices as a user would, and accepts it.
    void exportWith(Fixture &f, ExportScope scope, const QString &path, bool bom, bool apiNames);
    void loadFirstPage(Fixture &f);
    void loadEverything(Fixture &f);
    CsvTable readExport(const QString &path);
    void checkRecord(const QStringList &record, const BackupGateway &gateway);

    std::unique_ptr<dbs::Simulator> m_sim;
    std::unique_ptr<dbs::Simulator> m_slowSim;    // every answer late, to catch a load
    std::unique_ptr<dbs::Simulator> m_failingSim; // same inventory, every answer a 500
    QVector<BackupGateway> m_expected;            // the region's gateways, service order
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestExportController::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("dbs-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_exportcontroller"));

    dbs::SimulatorOptions options;
    options.gateways = 400;
    m_sim = fixture::startSimulator(options);
    m_expected = m_sim->gatewaysIn(region);
    // Several pages, so that "all" really has pages left after the first.
    QVERIFY(m_expected.size() > 3 * pageSize);

    options.latencyMs = 300;
    m_slowSim = fixture::startSimulator(options);

    options.latencyMs = 0;
    options.faults = {{dbs::Fault::Http500, 1.0}};
    m_failingSim = fixture::startSimulator(options);
}

void TestExportController::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestExportController::cleanup()
{
    m_dir.reset();
}

void TestExportController::loadFirstPage(Fixture &f)
{
    f.model.fetchMore({});
    QTRY_COMPARE(f.model.rowCount(), pageSize);
    QVERIFY(!f.model.isComplete());
}

void TestExportController::loadEverything(Fixture &f)
{
    f.model.loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(f.model.isComplete(), 20000);
    QCOMPARE(f.model.rowCount(), m_expected.size());
}

void TestExportController::exportWith(Fixture &f, ExportScope scope, const QString &path, bool bom,
                                      bool apiNames)
{
    f.controller->run();
    // Found the way a test of the whole window would find it (a closed one may still await
    // its deferred delete).
    ExportDialog *dialog = nullptr;
    for (ExportDialog *candidate :
         f.window->findChildren<ExportDialog *>(QStringLiteral("exportDialog"))) {
        if (candidate->isVisible())
            dialog = candidate;
    }
    QVERIFY(dialog);
    QCOMPARE(dialog, f.controller->dialog());
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->isModal());

    const char *radio = scope == ExportScope::All        ? "scopeAllRadio"
                        : scope == ExportScope::Filtered ? "scopeFilteredRadio"
                                                         : "scopeSelectedRadio";
    auto *scopeButton = dialog->findChild<QRadioButton *>(QLatin1String(radio));
    QVERIFY(scopeButton);
    QVERIFY(scopeButton->isEnabled());
    scopeButton->click();
    dialog->findChild<QCheckBox *>(QStringLiteral("byteOrderMarkCheck"))->setChecked(bom);
    auto *headers = dialog->findChild<QComboBox *>(QStringLiteral("headerStyleCombo"));
    headers->setCurrentIndex(headers->findData(apiNames));
    dialog->findChild<QLineEdit *>(QStringLiteral("fileEdit"))->setText(path);
    dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
        ->button(QDialogButtonBox::Ok)
        ->click();
}

CsvTable TestExportController::readExport(const QString &path)
{
    const CsvTable table = fixture::readCsv(readAll(path));
    if (!table.ok)
        qWarning("not RFC 4180: %s", qPrintable(path));
    return table;
}

void TestExportController::checkRecord(const QStringList &record, const BackupGateway &g)
{
    QCOMPARE(record.size(), int(ColumnCount));
    QCOMPARE(record.at(Id), g.backupGatewayId);
    QCOMPARE(record.at(Identifier), g.identifier);
    QCOMPARE(record.at(Name), g.displayName);
    QCOMPARE(record.at(Status), g.status);
    QCOMPARE(record.at(Region), g.region);
    QCOMPARE(record.at(Hostname), g.hostname);
    QCOMPARE(record.at(PublicIp), g.internetIp);
    QCOMPARE(record.at(PrivateIp), g.intranetIp);
    QCOMPARE(record.at(CreateMs), QString::number(g.createTime));
    QCOMPARE(record.at(CreateUtc), expectedIso(g.createTime));
    QCOMPARE(record.at(HeartbeatMs), QString::number(g.lastHeartbeatTime));
    QCOMPARE(record.at(HeartbeatUtc), expectedIso(g.lastHeartbeatTime));
    static const QRegularExpression iso(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"));
    QVERIFY2(iso.match(record.at(HeartbeatUtc)).hasMatch(), qPrintable(record.at(HeartbeatUtc)));
}

void TestExportController::allFetchesRemainingPagesFirst()
{
    Fixture f(m_sim->baseUrl());
    loadFirstPage(f);
    QSignalSpy exported(f.controller, &ExportController::exported);

    f.controller->run();
    // Before anything is written, the dialog says how many rows "all" is: TOTAL, not 30.
    const QString allText =
        f.controller->dialog()->findChild<QRadioButton *>("scopeAllRadio")->text();
    QVERIFY2(allText.contains(QLocale().toString(m_expected.size())), qPrintable(allText));
    QVERIFY2(allText.contains(QLocale().toString(pageSize)), qPrintable(allText));
    f.controller->dialog()->reject();

    const QString path = m_dir->filePath("all.csv");
    exportWith(f, ExportScope::All, path, true, true);
    QVERIFY(f.controller->progressDialog()); // the remaining pages are being fetched
    QCOMPARE(f.controller->progressDialog()->objectName(), QStringLiteral("exportProgressDialog"));
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 20000);
    QCOMPARE(exported.at(0).at(0).toString(), path);
    QCOMPARE(exported.at(0).at(1).toInt(), m_expected.size());
    QVERIFY(!f.controller->progressDialog());

    const CsvTable table = readExport(path);
    QVERIFY(table.ok);
    QVERIFY(table.byteOrderMark);
    QCOMPARE(table.records.size(), m_expected.size() + 1);
    QCOMPARE(table.records.first(), apiHeader);
    for (int i = 0; i < m_expected.size(); ++i)
        checkRecord(table.records.at(i + 1), m_expected.at(i));
    // Nothing but the export in the folder: no temporary file left over.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{"all.csv"});
}

void TestExportController::severalAccountsCarryTheirColumn()
{
    // All accounts: the export says whose each gateway is, in a column after the API's.
    dbs::SimulatorOptions options;
    options.gateways = 200;
    options.accounts = 2;
    dbs::AccessKey demo;
    demo.id = dbs::demoAccessKeyId;
    demo.secret = dbs::demoAccessKeySecret;
    dbs::AccessKey other;
    other.id = "LTAIsecondaccount";
    other.secret = "second-account-secret";
    other.account = 1;
    options.keys = {demo, other};
    auto simulator = fixture::startSimulator(options);
    Fixture f(simulator->baseUrl());
    dbs::DbsClient second;
    second.setOptions(f.client.options());
    second.setCredential(fixture::makeCredential(QStringLiteral("LTAIsecondaccount"),
                                                 QStringLiteral("second-account-secret")));
    f.model.setAccounts(
        {{QStringLiteral("prod"), &f.client, {}}, {QStringLiteral("dev"), &second, {}}});
    f.model.setQuery(f.model.query());
    QTRY_VERIFY_WITH_TIMEOUT(f.model.isComplete() && !f.model.isLoading(), 20000);
    const int total = int(simulator->gatewaysIn(region).size());
    QCOMPARE(f.model.rowCount(), total);

    const QString path = m_dir->filePath(QStringLiteral("accounts.csv"));
    QSignalSpy exported(f.controller, &ExportController::exported);
    exportWith(f, ExportScope::All, path, false, true);
    QTRY_COMPARE(exported.size(), 1);
    const CsvTable table = readExport(path);
    QVERIFY(table.ok);
    QCOMPARE(table.records.size(), total + 1);
    QCOMPARE(table.records.at(0).size(), int(ColumnCount) + 1);
    QCOMPARE(table.records.at(0).last(), QStringLiteral("Account"));
    QMap<QString, int> perAccount;
    for (qsizetype i = 1; i < table.records.size(); ++i) {
        const QStringList &record = table.records.at(i);
        const BackupGateway gateway = f.model.gatewayAt(f.model.rowOfId(record.at(Id)));
        checkRecord(record.mid(0, ColumnCount), gateway);
        QCOMPARE(record.last(), gateway.account);
        ++perAccount[record.last()];
    }
    QCOMPARE(perAccount.keys(), (QStringList{"dev", "prod"}));
    QVERIFY(perAccount.value("dev") > 0 && perAccount.value("prod") > 0);

    // Back to one account: the column goes with the others.
    f.model.setAccounts({});
    f.model.setQuery(f.model.query());
    f.model.loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(f.model.isComplete() && !f.model.isLoading(), 20000);
    QCOMPARE(f.model.rowCount(), perAccount.value("prod")); // the first account's own
    const QString one = m_dir->filePath(QStringLiteral("one.csv"));
    exportWith(f, ExportScope::All, one, false, true);
    QTRY_COMPARE(exported.size(), 2);
    QCOMPARE(readExport(one).records.at(0).size(), int(ColumnCount));
}

void TestExportController::filteredWritesWhatTheFilterShows()
{
    Fixture f(m_sim->baseUrl());
    loadEverything(f);
    f.filter.setStatuses({QStringLiteral("OFFLINE")}, false);
    QVector<BackupGateway> offline;
    for (const BackupGateway &g : std::as_const(m_expected)) {
        if (g.status == u"OFFLINE")
            offline.append(g);
    }
    QVERIFY(!offline.isEmpty());
    QCOMPARE(f.filter.rowCount(), offline.size());

    f.controller->run();
    const QString text =
        f.controller->dialog()->findChild<QRadioButton *>("scopeFilteredRadio")->text();
    QVERIFY2(text.contains(QLocale().toString(offline.size())), qPrintable(text));
    f.controller->dialog()->reject();

    QSignalSpy exported(f.controller, &ExportController::exported);
    const QString path = m_dir->filePath("offline.csv");
    exportWith(f, ExportScope::Filtered, path, false, false);
    QVERIFY(!f.controller->progressDialog()); // everything was in: nothing to fetch
    QTRY_COMPARE(exported.size(), 1);
    QCOMPARE(exported.at(0).at(1).toInt(), offline.size());

    const QByteArray bytes = readAll(path);
    QVERIFY(!bytes.startsWith("\xEF\xBB\xBF"));
    const CsvTable table = readExport(path);
    QVERIFY(table.ok);
    QCOMPARE(table.records.first(), titleHeader);
    QCOMPARE(table.records.size(), offline.size() + 1);
    for (int i = 0; i < offline.size(); ++i)
        checkRecord(table.records.at(i + 1), offline.at(i));
}

void TestExportController::filteredWhilePartialLoadsTheRest()
{
    Fixture f(m_slowSim->baseUrl());
    loadFirstPage(f);
    // A filter over one page: the proxy starts loading the rest; the export must wait for it
    // rather than write the matches of the first page only.
    f.filter.setText(QStringLiteral("prod"));
    QVERIFY(f.filter.isPartial());
    QVector<BackupGateway> matching;
    for (const BackupGateway &g : std::as_const(m_expected)) {
        if (g.displayName.contains(u"prod", Qt::CaseInsensitive) ||
            g.hostname.contains(u"prod", Qt::CaseInsensitive))
            matching.append(g);
    }

    f.controller->run();
    const QString text =
        f.controller->dialog()->findChild<QRadioButton *>("scopeFilteredRadio")->text();
    QVERIFY2(text.contains(QLatin1String("so far")), qPrintable(text));
    f.controller->dialog()->reject();

    QSignalSpy exported(f.controller, &ExportController::exported);
    const QString path = m_dir->filePath("prod.csv");
    exportWith(f, ExportScope::Filtered, path, true, true);
    QVERIFY(f.controller->progressDialog());
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 30000);
    QVERIFY(f.model.isComplete());
    QCOMPARE(exported.at(0).at(1).toInt(), f.filter.rowCount());

    const CsvTable table = readExport(path);
    QVERIFY(table.ok);
    QCOMPARE(table.records.size(), f.filter.rowCount() + 1);
    // Every row matches, and every match of the whole region is there.
    QSet<QString> ids;
    for (qsizetype i = 1; i < table.records.size(); ++i)
        ids.insert(table.records.at(i).at(Id));
    for (const BackupGateway &g : std::as_const(matching))
        QVERIFY2(ids.contains(g.backupGatewayId), qPrintable(g.backupGatewayId));
}

void TestExportController::selectedWritesSelectedRowsInViewOrder()
{
    Fixture f(m_sim->baseUrl());
    loadEverything(f);
    f.filter.sort(int(dbs::GatewayField::DisplayName), Qt::DescendingOrder);

    // Two whole rows, selected out of order, and one row selected by a single cell only.
    const auto rowSelection = [&](int row) {
        return QItemSelection(f.filter.index(row, 0),
                              f.filter.index(row, f.filter.columnCount() - 1));
    };
    f.selection.select(rowSelection(7), QItemSelectionModel::Select);
    f.selection.select(rowSelection(2), QItemSelectionModel::Select);
    f.selection.select(f.filter.index(11, 3), QItemSelectionModel::Select);
    const QList<int> rows = {2, 7, 11};

    f.controller->run();
    auto *selected = f.controller->dialog()->findChild<QRadioButton *>("scopeSelectedRadio");
    QVERIFY(selected->isEnabled());
    QVERIFY2(selected->text().contains(u'3'), qPrintable(selected->text()));
    f.controller->dialog()->reject();

    QSignalSpy exported(f.controller, &ExportController::exported);
    const QString path = m_dir->filePath("selected.csv");
    exportWith(f, ExportScope::Selected, path, true, true);
    QTRY_COMPARE(exported.size(), 1);
    QCOMPARE(exported.at(0).at(1).toInt(), rows.size());

    const CsvTable table = readExport(path);
    QVERIFY(table.ok);
    QCOMPARE(table.records.size(), rows.size() + 1);
    for (int i = 0; i < rows.size(); ++i) {
        const BackupGateway expected =
            f.model.gatewayAt(f.filter.mapToSource(f.filter.index(rows.at(i), 0)).row());
        checkRecord(table.records.at(i + 1), expected);
    }
}

void TestExportController::workbookOfTheSelectedRows()
{
    // The Excel format beside CSV, with the same scopes: the selected rows, in view order, as a
    // workbook LibreOffice reads with ids as text and times as dates; the choice is remembered.
    Fixture f(m_sim->baseUrl());
    loadEverything(f);
    f.filter.sort(int(dbs::GatewayField::DisplayName), Qt::DescendingOrder);
    f.selection.select(f.filter.index(5, 0), QItemSelectionModel::Select);
    f.selection.select(f.filter.index(1, 2), QItemSelectionModel::Select);
    const QList<int> rows = {1, 5};

    f.controller->run();
    ExportDialog *dialog = f.controller->dialog();
    QVERIFY(dialog);
    auto *format = dialog->findChild<QComboBox *>(QStringLiteral("formatCombo"));
    QVERIFY(format);
    format->setCurrentIndex(format->findData(int(dbs::ExportFormat::Xlsx)));
    QVERIFY(!dialog->findChild<QCheckBox *>(QStringLiteral("byteOrderMarkCheck"))->isEnabled());
    QVERIFY2(dialog->filePath().endsWith(QLatin1String(".xlsx")), qPrintable(dialog->filePath()));
    dialog->findChild<QLineEdit *>(QStringLiteral("fileEdit"))
        ->setText(m_dir->filePath(QStringLiteral("selected")));
    QCOMPARE(dialog->filePath(), m_dir->filePath(QStringLiteral("selected.xlsx")));
    dialog->findChild<QRadioButton *>(QStringLiteral("scopeSelectedRadio"))->click();
    QSignalSpy exported(f.controller, &ExportController::exported);
    dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
        ->button(QDialogButtonBox::Ok)
        ->click();
    QTRY_COMPARE(exported.size(), 1);
    const QString path = m_dir->filePath(QStringLiteral("selected.xlsx"));
    QCOMPARE(exported.at(0).at(0).toString(), path);
    QVERIFY(readAll(path).startsWith("PK\x03\x04"));

    const fixture::Spreadsheet sheet = fixture::readSpreadsheet(path);
    QVERIFY2(sheet.ok(), qPrintable(sheet.error));
    QCOMPARE(sheet.rows.size(), rows.size() + 1);
    for (int i = 0; i < rows.size(); ++i) {
        const BackupGateway expected =
            f.model.gatewayAt(f.filter.mapToSource(f.filter.index(rows.at(i), 0)).row());
        QCOMPARE(sheet.cell(i + 1, 0).type, QStringLiteral("string"));
        QCOMPARE(sheet.cell(i + 1, 0).value, expected.backupGatewayId);
        QCOMPARE(sheet.cell(i + 1, 2).value, expected.displayName);
        QCOMPARE(sheet.cell(i + 1, 9).type, QStringLiteral("date"));
    }
    QCOMPARE(f.settings.value(dbs::Settings::Key::ExportFormat).toString(), QStringLiteral("xlsx"));
}

void TestExportController::neutralisesFormulasEndToEnd()
{
    const QStringList names = {QStringLiteral("=HYPERLINK(\"http://x\",\"y\")"),
                               QStringLiteral("+1+1"),
                               QStringLiteral("-2+3"),
                               QStringLiteral("@SUM(A1:A2)"),
                               QStringLiteral("\tindented"),
                               QStringLiteral("\rreturn"),
                               QStringLiteral("a,b \"quoted\"\nnext line"),
                               QStringLiteral("plain =not first")};
    QList<BackupGateway> gateways;
    for (int i = 0; i < names.size(); ++i) {
        BackupGateway g;
        g.backupGatewayId = QStringLiteral("bg-%1").arg(i);
        g.identifier = QStringLiteral("dbsgw%1").arg(i);
        g.displayName = names.at(i);
        g.status = QStringLiteral("ONLINE");
        g.region = region;
        g.hostname = i == 0 ? QStringLiteral("-host") : QStringLiteral("host");
        g.createTime = 1714552200000;
        g.lastHeartbeatTime = i == 1 ? 0 : 1714641330250; // 0: the service sent none
        gateways.append(g);
    }
    CraftedServer server(gateways);
    QVERIFY(server.ok());
    Fixture f(server.baseUrl());
    f.model.fetchMore({});
    QTRY_VERIFY(f.model.isComplete());
    QCOMPARE(f.model.rowCount(), gateways.size());

    QSignalSpy exported(f.controller, &ExportController::exported);
    const QString path = m_dir->filePath("formulas.csv");
    exportWith(f, ExportScope::Filtered, path, true, true);
    QTRY_COMPARE(exported.size(), 1);

    const CsvTable table = readExport(path);
    QVERIFY(table.ok);
    QCOMPARE(table.records.size(), gateways.size() + 1);
    const QStringList expectedNames = {QStringLiteral("'=HYPERLINK(\"http://x\",\"y\")"),
                                       QStringLiteral("'+1+1"),
                                       QStringLiteral("'-2+3"),
                                       QStringLiteral("'@SUM(A1:A2)"),
                                       QStringLiteral("'\tindented"),
                                       QStringLiteral("'\rreturn"),
                                       QStringLiteral("a,b \"quoted\"\nnext line"),
                                       QStringLiteral("plain =not first")};
    for (int i = 0; i < names.size(); ++i)
        QCOMPARE(table.records.at(i + 1).at(Name), expectedNames.at(i));
    QCOMPARE(table.records.at(1).at(Hostname), QStringLiteral("'-host"));
    QCOMPARE(table.records.at(1).at(HeartbeatUtc), QStringLiteral("2024-05-02T09:15:30Z"));
    QCOMPARE(table.records.at(1).at(HeartbeatMs), QStringLiteral("1714641330250"));
    QCOMPARE(table.records.at(1).at(CreateUtc), QStringLiteral("2024-05-01T08:30:00Z"));
    // No time sent: both cells empty, not 1970.
    QCOMPARE(table.records.at(2).at(HeartbeatMs), QString());
    QCOMPARE(table.records.at(2).at(HeartbeatUtc), QString());
    // Whatever a spreadsheet would run as a formula is neutralised in every cell.
    for (const QStringList &record : table.records) {
        for (const QString &cell : record) {
            QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@\t\r").contains(cell.front()),
                     qPrintable(cell));
        }
    }
}

void TestExportController::countsFollowLoading()
{
    Fixture f(m_sim->baseUrl());
    loadFirstPage(f);
    f.controller->run();
    auto *filtered = f.controller->dialog()->findChild<QRadioButton *>("scopeFilteredRadio");
    QVERIFY2(filtered->text().contains(QLocale().toString(pageSize)), qPrintable(filtered->text()));
    // The view keeps prefetching behind the window-modal dialog: the count follows.
    f.model.fetchMore({});
    QTRY_COMPARE(f.model.rowCount(), 2 * pageSize);
    QVERIFY2(filtered->text().contains(QLocale().toString(2 * pageSize)),
             qPrintable(filtered->text()));
    auto *selected = f.controller->dialog()->findChild<QRadioButton *>("scopeSelectedRadio");
    QVERIFY(!selected->isEnabled()); // nothing selected yet
    f.selection.select(f.filter.index(0, 0),
                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(selected->isEnabled());
    f.controller->dialog()->reject();
}

void TestExportController::cancelledLoadLeavesNoFile()
{
    Fixture f(m_slowSim->baseUrl());
    loadFirstPage(f);
    QSignalSpy exported(f.controller, &ExportController::exported);
    QSignalSpy cancelled(f.controller, &ExportController::cancelled);
    QSignalSpy failed(f.controller, &ExportController::failed);

    const QString path = m_dir->filePath("cancelled.csv");
    exportWith(f, ExportScope::All, path, true, true);
    QProgressDialog *progress = f.controller->progressDialog();
    QVERIFY(progress);
    QVERIFY(f.model.isLoading());
    progress->findChild<QPushButton *>(QStringLiteral("cancelButton"))->click();
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(!f.controller->progressDialog());
    QVERIFY(!f.model.isLoading());

    QTest::qWait(1000); // long enough for any late page to have arrived
    QCOMPARE(exported.size(), 0);
    QCOMPARE(failed.size(), 0);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList());
}

void TestExportController::cancelledDialogWritesNothing()
{
    Fixture f(m_sim->baseUrl());
    loadFirstPage(f);
    QSignalSpy exported(f.controller, &ExportController::exported);
    QSignalSpy cancelled(f.controller, &ExportController::cancelled);
    f.controller->run();
    f.controller->dialog()->findChild<QLineEdit *>("fileEdit")->setText(m_dir->filePath("x.csv"));
    f.controller->dialog()
        ->findChild<QDialogButtonBox *>("buttonBox")
        ->button(QDialogButtonBox::Cancel)
        ->click();
    QCOMPARE(cancelled.size(), 1);
    QCOMPARE(exported.size(), 0);
    QVERIFY(QDir(m_dir->path()).isEmpty());
    QVERIFY(!f.model.isLoading()); // and nothing was fetched for it
}

void TestExportController::regionChangeDuringLoadWritesNothing()
{
    Fixture f(m_slowSim->baseUrl());
    loadFirstPage(f);
    QSignalSpy exported(f.controller, &ExportController::exported);
    QSignalSpy failed(f.controller, &ExportController::failed);
    const QString path = m_dir->filePath("switched.csv");
    exportWith(f, ExportScope::All, path, true, true);
    QVERIFY(f.controller->progressDialog());

    dbs::PageQuery other = f.model.query();
    other.region = QStringLiteral("cn-shanghai");
    f.model.setQuery(other);
    QCOMPARE(failed.size(), 1);
    QVERIFY(!f.controller->progressDialog());
    QTest::qWait(800);
    QCOMPARE(exported.size(), 0);
    QVERIFY(!QFile::exists(path));
    QVERIFY(f.controller->errorBox());
    f.controller->errorBox()->close();
}

void TestExportController::loadStoppedElsewhereWritesNothing()
{
    Fixture f(m_slowSim->baseUrl());
    loadFirstPage(f);
    QSignalSpy exported(f.controller, &ExportController::exported);
    QSignalSpy failed(f.controller, &ExportController::failed);
    const QString path = m_dir->filePath("stopped.csv");
    exportWith(f, ExportScope::All, path, true, true);
    QVERIFY(f.controller->progressDialog());

    f.model.cancelLoadAll(); // not through our Cancel button
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(!f.controller->progressDialog());
    QTest::qWait(800);
    QCOMPARE(exported.size(), 0);
    QVERIFY(!QFile::exists(path));
}

void TestExportController::serviceErrorDuringLoadWritesNothing()
{
    Fixture f(m_sim->baseUrl());
    loadFirstPage(f);
    // The remaining pages come from a service that now answers every request with a 500.
    dbs::ClientOptions options = f.client.options();
    options.endpoint = QUrl(m_failingSim->baseUrl());
    f.client.setOptions(options);

    QSignalSpy exported(f.controller, &ExportController::exported);
    QSignalSpy failed(f.controller, &ExportController::failed);
    const QString path = m_dir->filePath("error.csv");
    exportWith(f, ExportScope::All, path, true, true);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    const QString message = failed.at(0).at(0).toString();
    // The service's reason, with its request id, reaches the user.
    QVERIFY2(message.contains(QLatin1String("RequestId")), qPrintable(message));
    QVERIFY(!f.controller->progressDialog());
    QCOMPARE(exported.size(), 0);
    QVERIFY(!QFile::exists(path));
    QVERIFY(f.controller->errorBox());
    QVERIFY(f.controller->errorBox()->informativeText().contains(message.section(u'\n', 0, 0)));
}

void TestExportController::unwritablePathGivesErrorAndNoFile()
{
    Fixture f(m_sim->baseUrl());
    loadFirstPage(f);
    QSignalSpy exported(f.controller, &ExportController::exported);
    QSignalSpy failed(f.controller, &ExportController::failed);

    // A folder that does not exist (running as root, permissions alone would not stop us).
    const QString path = m_dir->filePath("no-such-folder/out.csv");
    exportWith(f, ExportScope::Filtered, path, true, false);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(exported.size(), 0);
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
    QVERIFY(!QFile::exists(path));

    // Shown clearly, and "Choose Another File…" brings the same choices back.
    QMessageBox *box = f.controller->errorBox();
    QVERIFY(box);
    QCOMPARE(box->objectName(), QStringLiteral("exportErrorBox"));
    QVERIFY(box->isVisible());
    QVERIFY(box->informativeText().contains(QDir::toNativeSeparators(path)));
    box->findChild<QPushButton *>(QStringLiteral("retryButton"))->click();
    ExportDialog *again = f.controller->dialog();
    QVERIFY(again);
    QCOMPARE(again->filePath(), path);
    QCOMPARE(again->scope(), ExportScope::Filtered);
    QVERIFY(!again->apiHeaders());

    // A folder where the file should be: an error too, and the folder is untouched.
    const QString folder = m_dir->filePath("a-folder");
    QVERIFY(QDir().mkpath(folder));
    again->findChild<QLineEdit *>("fileEdit")->setText(folder);
    again->findChild<QDialogButtonBox *>("buttonBox")->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(failed.size(), 2);
    QVERIFY(QFileInfo(folder).isDir());
    QVERIFY(QDir(folder).isEmpty());
    QCOMPARE(exported.size(), 0);
}

void TestExportController::failedExportKeepsExistingFile()
{
    Fixture f(m_slowSim->baseUrl());
    loadFirstPage(f);
    const QString path = m_dir->filePath("existing.csv");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("precious\r\n");
    }
    QStringList asked;
    f.controller->setOverwriteConfirmer([&asked](QWidget *, const QString &p) {
        asked.append(p);
        return true;
    });
    QSignalSpy cancelled(f.controller, &ExportController::cancelled);
    exportWith(f, ExportScope::All, path, true, true);
    QCOMPARE(asked, QStringList{path}); // replacing was confirmed first
    QVERIFY(f.controller->progressDialog());
    f.controller->cancel();
    QCOMPARE(cancelled.size(), 1);
    QCOMPARE(readAll(path), QByteArray("precious\r\n"));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{"existing.csv"});
}

void TestExportController::fullDiskGivesErrorAndKeepsExistingFile()
{
    Fixture f(m_sim->baseUrl());
    loadEverything(f);
    const QString path = m_dir->filePath("full.csv");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("precious\r\n");
    }
    f.controller->setOverwriteConfirmer([](QWidget *, const QString &) { return true; });
    QSignalSpy exported(f.controller, &ExportController::exported);
    QSignalSpy failed(f.controller, &ExportController::failed);

    // A full disk, without root or a small file system: a file-size limit for this process
    // (soft limit only, restored below) makes writes past 8 KiB fail as they would on a full
    // disk (EFBIG instead of ENOSPC).
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit saved{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
    rlimit small = saved;
    small.rlim_cur = 8 * 1024;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
    exportWith(f, ExportScope::All, path, true, true);
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &saved), 0);

    QCOMPARE(failed.size(), 1);
    QCOMPARE(exported.size(), 0);
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("too large"), Qt::CaseInsensitive),
             qPrintable(message)); // the system's reason, not "Unknown error"
    QVERIFY(f.controller->errorBox());
    QVERIFY2(f.controller->errorBox()->text().contains(QLatin1String("left unchanged")),
             qPrintable(f.controller->errorBox()->text()));
    // Nothing lost, nothing half-written, no temporary file left.
    QCOMPARE(readAll(path), QByteArray("precious\r\n"));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden), QStringList{"full.csv"});
}

void TestExportController::choicesAreRemembered()
{
    const QString folder = m_dir->filePath("exports");
    QVERIFY(QDir().mkpath(folder));
    {
        Fixture f(m_sim->baseUrl());
        loadEverything(f);
        // Defaults the first time: the rows the filter shows, BOM on, translated titles.
        f.controller->run();
        ExportDialog *dialog = f.controller->dialog();
        QCOMPARE(dialog->scope(), ExportScope::Filtered);
        QVERIFY(dialog->byteOrderMark());
        QVERIFY(!dialog->apiHeaders());
        dialog->reject();

        QSignalSpy exported(f.controller, &ExportController::exported);
        exportWith(f, ExportScope::All, QDir(folder).filePath("first.csv"), false, true);
        QTRY_COMPARE(exported.size(), 1);
        QCOMPARE(f.settings.value(Settings::Key::ExportScope).toString(), QStringLiteral("all"));
    }
    // A new run of the browser: new objects, same settings store.
    Fixture f(m_sim->baseUrl());
    loadFirstPage(f);
    f.controller->run();
    ExportDialog *dialog = f.controller->dialog();
    QCOMPARE(dialog->scope(), ExportScope::All);
    QVERIFY(!dialog->byteOrderMark());
    QVERIFY(dialog->apiHeaders());
    // Pages keep coming while the dialog is open (its counts follow): the remembered "no BOM"
    // stays off rather than being turned back on by each new count.
    const int before = f.model.rowCount();
    f.model.fetchMore({});
    QTRY_VERIFY(f.model.rowCount() > before);
    QVERIFY2(dialog->findChild<QRadioButton *>("scopeFilteredRadio")
                 ->text()
                 .contains(QLocale().toString(f.model.rowCount())),
             "the counts were not refreshed");
    QVERIFY(!dialog->byteOrderMark());
    QCOMPARE(QFileInfo(dialog->filePath()).absolutePath(), folder);
    QVERIFY(dialog->filePath().endsWith(QLatin1String(".csv")));
    QVERIFY(dialog->filePath().contains(region));

    // Browse… (through the seam) picks a file elsewhere; that folder is remembered next.
    const QString other = m_dir->filePath("picked.csv");
    f.chosenPath = other;
    dialog->findChild<QPushButton *>("browseButton")->click();
    QCOMPARE(dialog->filePath(), other);
    QSignalSpy exported(f.controller, &ExportController::exported);
    dialog->findChild<QDialogButtonBox *>("buttonBox")->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 20000);
    QCOMPARE(f.settings.value(Settings::Key::ExportDirectory).toString(), m_dir->path());
}

void TestExportController::suggestedFolderExistsOnAFreshAccount()
{
    // No Documents folder yet (a fresh account): the file is suggested in the home folder,
    // where it can be written; once Documents exists, there.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QByteArray oldHome = qgetenv("HOME");
    qputenv("HOME", home.path().toUtf8());
    const auto restore = qScopeGuard([&oldHome] { qputenv("HOME", oldHome); });
    Fixture f(m_sim->baseUrl());
    const auto suggested = [&f] {
        f.controller->run();
        ExportDialog *dialog = f.controller->dialog();
        const QString path =
            dialog ? dialog->findChild<QLineEdit *>(QStringLiteral("fileEdit"))->text() : QString();
        if (dialog)
            dialog->reject();
        return path;
    };
    QString path = suggested();
    QCOMPARE(QFileInfo(path).absolutePath(), QDir(home.path()).absolutePath());
    QVERIFY(QDir(home.path()).mkdir(QStringLiteral("Documents")));
    path = suggested();
    QCOMPARE(QFileInfo(path).absolutePath(),
             QDir(home.path()).filePath(QStringLiteral("Documents")));
}

QTEST_MAIN(TestExportController)
#include "tst_exportcontroller.moc"
