// DetailPane: what a gateway's text holds is shown, never obeyed, and copied as it is.
#include <ui/table/detailpane.h>

#include <api/backupgateway.h>
#include <export/textformat.h>

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QToolButton>

using dbs::BackupGateway;
using dbs::DetailPane;

class TestDetailPane final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsControlCharactersAsText_data();
    void showsControlCharactersAsText();
    void accountOnlyAmongSeveral();
};

void TestDetailPane::showsControlCharactersAsText_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("terminal colours") << QStringLiteral("\x1b[31mred\x1b[0m");
    QTest::newRow("a right-to-left override") << QString::fromUtf8("gw-\u202Egnp.exe");
    QTest::newRow("a line break and a tab") << QStringLiteral("two\nlines\tand a tab");
}

void TestDetailPane::showsControlCharactersAsText()
{
    QFETCH(QString, name);
    DetailPane pane;
    BackupGateway gateway;
    gateway.backupGatewayId = QStringLiteral("1001");
    gateway.displayName = name;
    gateway.hostname = name + QStringLiteral(".internal");
    gateway.status = QStringLiteral("ONLINE");
    pane.setGateway(gateway, false);

    const QString shown = dbs::visibleText(name);
    QVERIFY(shown != name);
    auto *title = pane.findChild<QLabel *>(QStringLiteral("detailTitle"));
    QVERIFY(title);
    QCOMPARE(title->text(), shown);
    auto *nameEdit = pane.findChild<QLineEdit *>(QStringLiteral("detailDisplayName"));
    QVERIFY(nameEdit);
    QCOMPARE(nameEdit->text(), shown);
    QCOMPARE(nameEdit->toolTip(), shown);
    auto *hostname = pane.findChild<QLineEdit *>(QStringLiteral("detailHostname"));
    QVERIFY(hostname);
    QCOMPARE(hostname->text(), dbs::visibleText(gateway.hostname));
    // Copy hands over the value itself: a script pasted into is the user's own choice.
    auto *copy = pane.findChild<QToolButton *>(QStringLiteral("detailHostnameCopy"));
    QVERIFY(copy);
    copy->click();
    QCOMPARE(QApplication::clipboard()->text(), gateway.hostname);
}

void TestDetailPane::accountOnlyAmongSeveral()
{
    // The account that listed the gateway is said while several accounts share the table.
    DetailPane pane;
    pane.resize(400, 700);
    pane.show();
    BackupGateway gateway;
    gateway.backupGatewayId = QStringLiteral("1001");
    gateway.status = QStringLiteral("ONLINE");
    gateway.account = QStringLiteral("prod\u202e");
    pane.setGateway(gateway, false);
    auto *account = pane.findChild<QLineEdit *>(QStringLiteral("detailAccount"));
    QVERIFY(account);
    QVERIFY(account->isVisible());
    QCOMPARE(account->text(), dbs::visibleText(gateway.account));
    gateway.account.clear();
    pane.setGateway(gateway, false);
    QVERIFY(!account->isVisible());
}

QTEST_MAIN(TestDetailPane)
#include "tst_detailpane.moc"
