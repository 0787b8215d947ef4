#include <ui/dialogs/exportdialog.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using dbs::ExportCounts;
using dbs::ExportDialog;
using dbs::ExportScope;

Q_DECLARE_METATYPE(dbs::ExportScope)

class TestExportDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allRegionsSaysWhatIsMissing();
    void scopeNames_data();
    void scopeNames();
    void countTexts_data();
    void countTexts();
    void selectedNeedsASelection();
    void filePathGetsCsvSuffix_data();
    void filePathGetsCsvSuffix();
    void formatSetsTheSuffix();
    void emptyPathCannotBeAccepted();
    void replacingAskedFirst();
    void browseUsesTheChooser();
    void byteOrderMarkDefaultsOn();
    void byteOrderMarkChoiceSurvivesCountChanges_data();
    void byteOrderMarkChoiceSurvivesCountChanges();
};

void TestExportDialog::scopeNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<ExportScope>("scope");
    QTest::newRow("all") << "all" << ExportScope::All;
    QTest::newRow("filtered") << "filtered" << ExportScope::Filtered;
    QTest::newRow("selected") << "selected" << ExportScope::Selected;
}

void TestExportDialog::scopeNames()
{
    QFETCH(QString, name);
    QFETCH(ExportScope, scope);
    QCOMPARE(dbs::exportScopeName(scope), name);
    QCOMPARE(dbs::exportScopeFromName(name), scope);
    QCOMPARE(dbs::exportScopeFromName(QStringLiteral("bogus")), ExportScope::Filtered);
}

void TestExportDialog::countTexts_data()
{
    QTest::addColumn<int>("loaded");
    QTest::addColumn<int>("total");
    QTest::addColumn<bool>("complete");
    QTest::addColumn<bool>("partial");
    QTest::addColumn<QString>("allMustContain");
    QTest::addColumn<QString>("filteredMustContain");

    QTest::newRow("complete") << 120 << 120 << true << false << "120"
                              << "7";
    QTest::newRow("pages remain") << 30 << 5000 << false << false << "5,000"
                                  << "7";
    QTest::newRow("total unknown") << 0 << 0 << false << false << "fetched first"
                                   << "7";
    QTest::newRow("filter partial") << 30 << 200 << false << true << "200"
                                    << "so far";
}

void TestExportDialog::allRegionsSaysWhatIsMissing()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    ExportDialog dialog;
    ExportCounts counts;
    counts.loaded = 1234;
    counts.total = 1234;
    counts.allRegions = true;
    dialog.setCounts(counts);
    auto *all = dialog.findChild<QRadioButton *>("scopeAllRadio");
    QVERIFY2(all->text().contains(QLatin1String("every region (1,234)")), qPrintable(all->text()));
    counts.failedRegions = 2;
    dialog.setCounts(counts);
    QVERIFY2(all->text().contains(QLatin1String("could not be read: 2")), qPrintable(all->text()));
}

void TestExportDialog::countTexts()
{
    QFETCH(int, loaded);
    QFETCH(int, total);
    QFETCH(bool, complete);
    QFETCH(bool, partial);
    QFETCH(QString, allMustContain);
    QFETCH(QString, filteredMustContain);

    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    ExportDialog dialog;
    ExportCounts counts;
    counts.loaded = loaded;
    counts.total = total;
    counts.complete = complete;
    counts.filtered = 7;
    counts.filterPartial = partial;
    dialog.setCounts(counts);
    const QString all = dialog.findChild<QRadioButton *>("scopeAllRadio")->text();
    const QString filtered = dialog.findChild<QRadioButton *>("scopeFilteredRadio")->text();
    QVERIFY2(all.contains(allMustContain), qPrintable(all));
    QVERIFY2(filtered.contains(filteredMustContain), qPrintable(filtered));
    if (!complete && loaded > 0)
        QVERIFY2(all.contains(QString::number(loaded)), qPrintable(all));
}

void TestExportDialog::selectedNeedsASelection()
{
    ExportDialog dialog;
    auto *selected = dialog.findChild<QRadioButton *>("scopeSelectedRadio");
    QVERIFY(!selected->isEnabled());
    dialog.setScope(ExportScope::Selected); // remembered, but nothing is selected now
    QCOMPARE(dialog.scope(), ExportScope::Filtered);

    ExportCounts counts;
    counts.selected = 4;
    dialog.setCounts(counts);
    QVERIFY(selected->isEnabled());
    QVERIFY2(selected->text().contains(u'4'), qPrintable(selected->text()));
    dialog.setScope(ExportScope::Selected);
    QCOMPARE(dialog.scope(), ExportScope::Selected);

    // The selection goes away while the dialog is open: never export an empty selection.
    counts.selected = 0;
    dialog.setCounts(counts);
    QVERIFY(!selected->isEnabled());
    QCOMPARE(dialog.scope(), ExportScope::Filtered);
}

void TestExportDialog::filePathGetsCsvSuffix_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no suffix") << "/tmp/gateways"
                               << "/tmp/gateways.csv";
    QTest::newRow("csv") << "/tmp/gateways.csv"
                         << "/tmp/gateways.csv";
    QTest::newRow("other suffix kept") << "/tmp/gateways.txt"
                                       << "/tmp/gateways.txt";
    QTest::newRow("spaces trimmed") << "  /tmp/a b.csv  "
                                    << "/tmp/a b.csv";
    QTest::newRow("empty") << ""
                           << "";
}

void TestExportDialog::filePathGetsCsvSuffix()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    ExportDialog dialog;
    dialog.findChild<QLineEdit *>("fileEdit")->setText(typed);
    QCOMPARE(dialog.filePath(), expected);
}

void TestExportDialog::formatSetsTheSuffix()
{
    // The suffix follows the format (so the spreadsheet picks its reader); a name without one
    // gets the format's; the byte-order mark is CSV's alone.
    dbs::ExportDialog dialog;
    auto *bom = dialog.findChild<QCheckBox *>(QStringLiteral("byteOrderMarkCheck"));
    QVERIFY(dialog.findChild<QComboBox *>(QStringLiteral("formatCombo")));
    dialog.setFilePath(QStringLiteral("/tmp/gateways.csv"));
    QCOMPARE(dialog.format(), dbs::ExportFormat::Csv);
    QVERIFY(bom->isEnabled());
    dialog.setFormat(dbs::ExportFormat::Xlsx);
    QCOMPARE(dialog.filePath(), QStringLiteral("/tmp/gateways.xlsx"));
    QVERIFY(!bom->isEnabled());
    dialog.setFilePath(QStringLiteral("/tmp/report"));
    QCOMPARE(dialog.filePath(), QStringLiteral("/tmp/report.xlsx"));
    dialog.setFilePath(QStringLiteral("/tmp/notes.txt")); // a suffix of the user's own stays
    dialog.setFormat(dbs::ExportFormat::Csv);
    QCOMPARE(dialog.filePath(), QStringLiteral("/tmp/notes.txt"));
    dialog.setFilePath(QStringLiteral("/tmp/gateways.xlsx"));
    dialog.setFormat(dbs::ExportFormat::Csv);
    QCOMPARE(dialog.filePath(), QStringLiteral("/tmp/gateways.csv"));
    QVERIFY(bom->isEnabled());
    QCOMPARE(dbs::exportFormatFromName(dbs::exportFormatName(dbs::ExportFormat::Xlsx)),
             dbs::ExportFormat::Xlsx);
    QCOMPARE(dbs::exportFormatFromName(QStringLiteral("nonsense")), dbs::ExportFormat::Csv);
}

void TestExportDialog::emptyPathCannotBeAccepted()
{
    ExportDialog dialog;
    auto *ok = dialog.findChild<QDialogButtonBox *>("buttonBox")->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    dialog.setFilePath(QStringLiteral("/tmp/x.csv"));
    QVERIFY(ok->isEnabled());
}

void TestExportDialog::replacingAskedFirst()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("exists.csv");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();

    ExportDialog dialog;
    bool answer = false;
    int asked = 0;
    dialog.setOverwriteConfirmer([&](QWidget *, const QString &p) {
        ++asked;
        return p == path && answer;
    });
    dialog.setFilePath(path);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.open();
    dialog.accept();
    QCOMPARE(asked, 1);
    QCOMPARE(accepted.size(), 0); // "No": the dialog stays, nothing happens
    QVERIFY(dialog.isVisible());
    answer = true;
    dialog.accept();
    QCOMPARE(accepted.size(), 1);

    // A new file needs no question.
    ExportDialog fresh;
    fresh.setOverwriteConfirmer([&](QWidget *, const QString &) { return ++asked, false; });
    fresh.setFilePath(dir.filePath("new.csv"));
    QSignalSpy freshAccepted(&fresh, &QDialog::accepted);
    fresh.accept();
    QCOMPARE(freshAccepted.size(), 1);
    QCOMPARE(asked, 2);
}

void TestExportDialog::browseUsesTheChooser()
{
    ExportDialog dialog;
    dialog.setFilePath(QStringLiteral("/tmp/suggested.csv"));
    QString seen;
    QString answer = QStringLiteral("/tmp/picked.csv");
    dialog.setFileChooser([&](QWidget *parent, const QString &suggested) {
        seen = suggested;
        return parent == &dialog ? answer : QString();
    });
    dialog.findChild<QPushButton *>("browseButton")->click();
    QCOMPARE(seen, QStringLiteral("/tmp/suggested.csv"));
    QCOMPARE(dialog.filePath(), QStringLiteral("/tmp/picked.csv"));
    answer.clear(); // cancelled: the path stays
    dialog.findChild<QPushButton *>("browseButton")->click();
    QCOMPARE(dialog.filePath(), QStringLiteral("/tmp/picked.csv"));
}

void TestExportDialog::byteOrderMarkDefaultsOn()
{
    ExportDialog dialog;
    QVERIFY(dialog.byteOrderMark());
    ExportCounts counts;
    counts.loaded = 30;
    dialog.setCounts(counts);
    QVERIFY(dialog.byteOrderMark());
}

void TestExportDialog::byteOrderMarkChoiceSurvivesCountChanges_data()
{
    QTest::addColumn<bool>("clicked"); // true: the user unticks it; false: remembered off
    QTest::newRow("user unticks") << true;
    QTest::newRow("remembered off") << false;
}

void TestExportDialog::byteOrderMarkChoiceSurvivesCountChanges()
{
    QFETCH(bool, clicked);
    ExportDialog dialog;
    auto *bom = dialog.findChild<QCheckBox *>("byteOrderMarkCheck");
    QVERIFY(bom);
    if (clicked) {
        QVERIFY(bom->isChecked());
        bom->click();
    } else {
        dialog.setByteOrderMark(false);
    }
    QVERIFY(!dialog.byteOrderMark());

    // Pages keep arriving while the dialog is open: the counts change, the choice stays.
    ExportCounts counts;
    for (int loaded = 30; loaded <= 120; loaded += 30) {
        counts.loaded = loaded;
        counts.total = 120;
        counts.complete = loaded == 120;
        counts.filtered = loaded / 2;
        counts.selected = loaded / 30;
        dialog.setCounts(counts);
        QVERIFY(!bom->isChecked());
        QVERIFY(!dialog.byteOrderMark());
    }
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
