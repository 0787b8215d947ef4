#include <ui/query/accountpicker.h>
#include <ui/query/querytoolbar.h>
#include <ui/query/statusfilterbutton.h>

#include <QAction>
#include <QLineEdit>
#include <QMainWindow>
#include <QSignalSpy>
#include <QTest>

using namespace dbs;

class TestQueryToolBar final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void filterFieldStaysOnANarrowToolbar();
    void statusChoiceDoesNotMoveTheFields();
    void accountPickerListsSavedAccounts();
};

namespace {
// The toolbar as the window has it: with Refresh and Export after the filters.
QueryToolBar *addToolBar(QMainWindow *window)
{
    auto *bar = new QueryToolBar(window);
    window->addToolBar(bar);
    bar->addSeparator();
    for (const QString &text : {QStringLiteral("Refresh"), QStringLiteral("Export…")}) {
        auto *action = new QAction(QIcon(QStringLiteral(":/icons/view-refresh.svg")), text, bar);
        bar->addAction(action);
    }
    return bar;
}
} // namespace

void TestQueryToolBar::filterFieldStaysOnANarrowToolbar()
{
    QMainWindow window;
    QueryToolBar *bar = addToolBar(&window);
    window.resize(1800, 400);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(bar->textFilter()->isVisible());
    QVERIFY(!bar->isCompact());
    const int full = bar->sizeHint().width();

    // A 1024-px screen's window, and narrower: labels go to icons, the filter stays.
    for (const int width : {1000, 920}) {
        window.resize(width, 400);
        QTRY_VERIFY(bar->isCompact());
        QTRY_VERIFY2(bar->textFilter()->isVisible(), qPrintable(QString::number(width)));
        QVERIFY(bar->textFilter()->width() >= bar->textFilter()->minimumWidth());
        QCOMPARE(bar->toolButtonStyle(), Qt::ToolButtonIconOnly);
    }
    // Wide again: the words come back.
    window.resize(full + 40, 400);
    QTRY_VERIFY(!bar->isCompact());
    QCOMPARE(bar->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
}

void TestQueryToolBar::statusChoiceDoesNotMoveTheFields()
{
    QMainWindow window;
    QueryToolBar *bar = addToolBar(&window);
    window.resize(1800, 400);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(bar->textFilter()->isVisible());
    const QRect before = bar->textFilter()->geometry();
    StatusFilterButton *status = bar->statusFilter();
    const QList<QSet<QString>> choices{
        {"OFFLINE"}, {"UPGRADING"}, {"OFFLINE", "STOPPED"}, {"ONLINE", "OFFLINE", "UPGRADING"}, {}};
    for (const QSet<QString> &choice : choices) {
        status->setFilter(choice, choice.size() == 2);
        QTest::qWait(20);
        QCOMPARE(bar->textFilter()->geometry(), before);
    }
    status->setFilter({"ONLINE", "OFFLINE", "UPGRADING"}, true);
    QVERIFY2(status->text().contains(QStringLiteral("+2")), qPrintable(status->text()));
    QVERIFY2(status->toolTip().contains(QStringLiteral("Upgrading")),
             qPrintable(status->toolTip()));
}

void TestQueryToolBar::accountPickerListsSavedAccounts()
{
    dbs::AccountPicker picker;
    QVERIFY(!picker.hasProfiles());
    dbs::CliProfileList profiles;
    dbs::CliProfile dev;
    dev.name = QStringLiteral("dev");
    dev.mode = QStringLiteral("AK");
    dev.usable = true;
    profiles.profiles.append(dev);
    picker.setProfiles(profiles);
    QCOMPARE(picker.findData(dbs::AccountPicker::allAccounts()), -1); // one is not "all"
    dbs::SavedAccount ops;
    ops.name = QStringLiteral("ops");
    dbs::SavedAccount prod;
    prod.name = QStringLiteral("prod");
    prod.kind = dbs::SavedAccount::Kind::Role;
    prod.roleArn = QStringLiteral("acs:ram::1:role/r");
    prod.source = QStringLiteral("dev");
    picker.setSavedAccounts({ops, prod});
    QVERIFY(picker.hasProfiles());
    // Automatic, All accounts (there are several), the profile, the saved accounts after it,
    // then "Manage Accounts…".
    QCOMPARE(picker.itemText(1), QStringLiteral("All accounts"));
    QCOMPARE(picker.itemData(1).toString(), dbs::AccountPicker::allAccounts());
    QCOMPARE(picker.itemText(2), QStringLiteral("dev (AK)"));
    QCOMPARE(picker.itemText(3), QStringLiteral("ops (saved, AK)"));
    QCOMPARE(picker.itemData(3).toString(), QStringLiteral("ops"));
    QCOMPARE(picker.itemText(4), QStringLiteral("prod (saved, RamRoleArn)"));
    QCOMPARE(picker.itemData(4, Qt::ToolTipRole).toString(),
             QStringLiteral("Assumes acs:ram::1:role/r with the keys of dev"));
    QCOMPARE(picker.itemText(picker.count() - 1), QStringLiteral("Manage Accounts…"));

    QSignalSpy picked(&picker, &dbs::AccountPicker::accountPicked);
    QSignalSpy manage(&picker, &dbs::AccountPicker::manageAccountsRequested);
    picker.setCurrentIndex(picker.findData(QStringLiteral("prod"))); // as the user does
    QCOMPARE(picked.size(), 1);
    QCOMPARE(picked.at(0).at(0).toString(), QStringLiteral("prod"));
    // Not an account: the one picked stays, the dialog is asked for.
    picker.setCurrentIndex(picker.count() - 1);
    QCOMPARE(picker.account(), QStringLiteral("prod"));
    QCOMPARE(picked.size(), 1);
    QTRY_COMPARE(manage.size(), 1);

    // Removed while picked: still shown, disabled, before "Manage Accounts…".
    picker.setSavedAccounts({ops});
    QCOMPARE(picker.account(), QStringLiteral("prod"));
    QCOMPARE(picker.itemText(picker.count() - 1), QStringLiteral("Manage Accounts…"));
    QCOMPARE(picked.size(), 1);
    picker.setSavedAccounts({ops, prod});
    QCOMPARE(picker.itemText(picker.currentIndex()), QStringLiteral("prod (saved, RamRoleArn)"));
}

QTEST_MAIN(TestQueryToolBar)
#include "tst_querytoolbar.moc"
