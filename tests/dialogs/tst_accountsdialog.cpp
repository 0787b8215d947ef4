#include "environment.h"
#include "fakesecretstore.h"
#include "widgets.h"

#include <ui/dialogs/accountsdialog.h>
#include <ui/dialogs/credentialscontroller.h>

#include <keychain/credentialvault.h>
#include <settings/settings.h>

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using dbs::AccountsDialog;
using dbs::CredentialsController;
using dbs::Settings;
using fixture::FakeSecretStore;

namespace {
const QByteArray cliConfig = R"({"current":"dev","profiles":[
  {"name":"dev","mode":"AK","access_key_id":"LTAIdev","access_key_secret":"dev-S3CR3T"}]})";

struct Fixture
{
    explicit Fixture(const QString &home)
        : store(new FakeSecretStore), vault(new dbs::CredentialVault(store))
    {
        controller = new CredentialsController(&settings, vault, window.get());
        controller->setEnvironment({});
        controller->setHomeDir(home);
    }

    Settings settings;
    std::unique_ptr<QWidget> window = std::make_unique<QWidget>(); // goes first, with its children
    FakeSecretStore *store;                                        // owned by the vault
    dbs::CredentialVault *vault;                                   // owned by the controller
    CredentialsController *controller = nullptr;                   // child of window
};

template <typename Widget> Widget *child(QWidget *dialog, const char *name)
{
    auto *widget = dialog->findChild<Widget *>(QLatin1String(name));
    if (!widget)
        qFatal("no %s", name);
    return widget;
}

QStringList listed(QWidget *dialog)
{
    QStringList texts;
    auto *list = child<QListWidget>(dialog, "accountList");
    for (int row = 0; row < list->count(); ++row)
        texts.append(list->item(row)->text());
    return texts;
}

void select(QWidget *dialog, const QString &name)
{
    auto *list = child<QListWidget>(dialog, "accountList");
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == name)
            list->setCurrentRow(row);
    }
}

QString message(QWidget *dialog)
{
    auto *label = child<QLabel>(dialog, "messageLabel");
    return label->isHidden() ? QString() : label->text();
}

void save(QWidget *dialog)
{
    child<QPushButton>(dialog, "saveAccountButton")->click();
}
} // namespace

class TestAccountsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void addKeysAndRole();
    void invalidInputIsRefused();
    void removeForgetsKey();
    void enterSaves();
    void labelsHaveBuddies();

private:
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestAccountsDialog::init()
{
    QSettings().clear();
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(fixture::writeFile(m_home->filePath(".aliyun/config.json"), cliConfig));
}

void TestAccountsDialog::addKeysAndRole()
{
    Fixture f(m_home->path());
    f.controller->manageAccounts();
    auto *dialog = fixture::visibleChild<AccountsDialog>(f.window.get(), "accountsDialog");
    QVERIFY(dialog);
    QCOMPARE(dialog, f.controller->accountsDialog());
    QVERIFY(dialog->isModal());
    QVERIFY(listed(dialog).isEmpty());

    // An access key, typed as the user does.
    QTest::keyClicks(child<QLineEdit>(dialog, "nameEdit"), QStringLiteral("ops"));
    QCOMPARE(child<QComboBox>(dialog, "kindCombo")->currentText(), QStringLiteral("Access key"));
    QTest::keyClicks(child<QLineEdit>(dialog, "accessKeyIdEdit"), QStringLiteral("LTAIops"));
    QTest::keyClicks(child<QLineEdit>(dialog, "accessKeySecretEdit"),
                     QStringLiteral("ops-S3CR3T "));
    QCOMPARE(child<QLineEdit>(dialog, "accessKeySecretEdit")->echoMode(), QLineEdit::Password);
    save(dialog);
    QCOMPARE(message(dialog), QStringLiteral("Saved \"ops\"."));
    QCOMPARE(listed(dialog), QStringList{QStringLiteral("ops (AK)")});
    QTRY_VERIFY(f.store->entries.contains(QStringLiteral("account:ops")));
    QCOMPARE(f.store->entries.value(QStringLiteral("account:ops")).accessKeySecret,
             QStringLiteral("ops-S3CR3T")); // trimmed
    QVERIFY(child<QLineEdit>(dialog, "accessKeySecretEdit")->text().isEmpty());
    QVERIFY(child<QLineEdit>(dialog, "nameEdit")->isReadOnly()); // it is being edited now

    // A role, signed by the account just saved.
    child<QPushButton>(dialog, "addAccountButton")->click();
    QVERIFY(!child<QLineEdit>(dialog, "nameEdit")->isReadOnly());
    QVERIFY(child<QLineEdit>(dialog, "nameEdit")->text().isEmpty());
    QTest::keyClicks(child<QLineEdit>(dialog, "nameEdit"), QStringLiteral("prod"));
    auto *kind = child<QComboBox>(dialog, "kindCombo");
    kind->setCurrentIndex(kind->findData(QStringLiteral("role")));
    QVERIFY(child<QLineEdit>(dialog, "roleArnEdit")->isVisible());
    QVERIFY(!child<QLineEdit>(dialog, "accessKeyIdEdit")->isVisible());
    auto *source = child<QComboBox>(dialog, "sourceCombo");
    QCOMPARE(source->count(), 2); // the CLI profile and the saved account
    QCOMPARE(source->itemText(0), QStringLiteral("dev"));
    source->setCurrentIndex(source->findData(QStringLiteral("ops")));
    QTest::keyClicks(child<QLineEdit>(dialog, "roleArnEdit"),
                     QStringLiteral("acs:ram::1234:role/reader"));
    QTest::keyClicks(child<QLineEdit>(dialog, "stsRegionEdit"), QStringLiteral("cn-beijing"));
    save(dialog);
    QCOMPARE(message(dialog), QStringLiteral("Saved \"prod\"."));
    QCOMPARE(listed(dialog), (QStringList{"ops (AK)", "prod (RamRoleArn)"}));
    const std::optional<dbs::SavedAccount> prod =
        f.controller->savedAccount(QStringLiteral("prod"));
    QVERIFY(prod);
    QCOMPARE(prod->source, QStringLiteral("ops"));
    QCOMPARE(prod->roleArn, QStringLiteral("acs:ram::1234:role/reader"));
    QCOMPARE(prod->stsRegion, QStringLiteral("cn-beijing"));
    // An account is not offered to sign for itself.
    QCOMPARE(source->findData(QStringLiteral("prod")), -1);

    // Editing the key account without typing keys keeps the ones saved.
    select(dialog, QStringLiteral("ops"));
    QCOMPARE(child<QLineEdit>(dialog, "nameEdit")->text(), QStringLiteral("ops"));
    QVERIFY(!child<QLineEdit>(dialog, "accessKeyIdEdit")->placeholderText().isEmpty());
    const int writes = f.store->writes;
    save(dialog);
    QCOMPARE(message(dialog), QStringLiteral("Saved \"ops\"."));
    QTest::qWait(20);
    QCOMPARE(f.store->writes, writes);

    // Selecting the role shows its fields.
    select(dialog, QStringLiteral("prod"));
    QCOMPARE(child<QLineEdit>(dialog, "roleArnEdit")->text(),
             QStringLiteral("acs:ram::1234:role/reader"));
    QCOMPARE(source->currentData().toString(), QStringLiteral("ops"));
    QCOMPARE(kind->currentData().toString(), QStringLiteral("role"));

    child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Close)->click();
    QTRY_VERIFY(!f.controller->accountsDialog());
}

void TestAccountsDialog::invalidInputIsRefused()
{
    Fixture f(m_home->path());
    AccountsDialog dialog(f.controller);
    dialog.show();
    // No name.
    save(&dialog);
    QVERIFY2(message(&dialog).contains(QLatin1String("needs a name")),
             qPrintable(message(&dialog)));
    // A CLI profile's name.
    child<QLineEdit>(&dialog, "nameEdit")->setText(QStringLiteral("dev"));
    save(&dialog);
    QVERIFY2(message(&dialog).contains(QLatin1String("aliyun CLI profile")),
             qPrintable(message(&dialog)));
    // No secret.
    child<QLineEdit>(&dialog, "nameEdit")->setText(QStringLiteral("ops"));
    child<QLineEdit>(&dialog, "accessKeyIdEdit")->setText(QStringLiteral("LTAIops"));
    save(&dialog);
    QVERIFY2(message(&dialog).contains(QLatin1String("AccessKey secret")),
             qPrintable(message(&dialog)));
    // A malformed role ARN.
    auto *kind = child<QComboBox>(&dialog, "kindCombo");
    kind->setCurrentIndex(kind->findData(QStringLiteral("role")));
    child<QLineEdit>(&dialog, "roleArnEdit")->setText(QStringLiteral("acs:ram::12:user/x"));
    save(&dialog);
    QVERIFY2(message(&dialog).contains(QLatin1String("is not a role ARN")),
             qPrintable(message(&dialog)));
    QVERIFY(listed(&dialog).isEmpty());
    QVERIFY(f.controller->savedAccounts().isEmpty());
    QCOMPARE(f.store->writes, 0);

    // Then a duplicate of one saved.
    child<QLineEdit>(&dialog, "roleArnEdit")->setText(QStringLiteral("acs:ram::12:role/x"));
    save(&dialog);
    QCOMPARE(listed(&dialog), QStringList{QStringLiteral("ops (RamRoleArn)")});
    child<QPushButton>(&dialog, "addAccountButton")->click();
    child<QLineEdit>(&dialog, "nameEdit")->setText(QStringLiteral("ops"));
    child<QLineEdit>(&dialog, "accessKeyIdEdit")->setText(QStringLiteral("LTAIops"));
    child<QLineEdit>(&dialog, "accessKeySecretEdit")->setText(QStringLiteral("ops-S3CR3T"));
    kind->setCurrentIndex(kind->findData(QStringLiteral("keys")));
    save(&dialog);
    QVERIFY2(message(&dialog).contains(QLatin1String("already saved")),
             qPrintable(message(&dialog)));
}

void TestAccountsDialog::removeForgetsKey()
{
    Fixture f(m_home->path());
    dbs::SavedAccount ops;
    ops.name = QStringLiteral("ops");
    QCOMPARE(f.controller->saveAccount(ops, {"LTAIops", "ops-S3CR3T", {}, {}}, false), QString());
    dbs::SavedAccount prod;
    prod.name = QStringLiteral("prod");
    prod.kind = dbs::SavedAccount::Kind::Role;
    prod.roleArn = QStringLiteral("acs:ram::1:role/r");
    prod.source = QStringLiteral("ops");
    QCOMPARE(f.controller->saveAccount(prod, {}, false), QString());
    QTRY_VERIFY(f.store->entries.contains(QStringLiteral("account:ops")));

    AccountsDialog dialog(f.controller);
    dialog.show();
    auto *remove = child<QPushButton>(&dialog, "removeAccountButton");
    QVERIFY(!remove->isEnabled()); // nothing selected
    select(&dialog, QStringLiteral("ops"));
    QVERIFY(remove->isEnabled());
    remove->click();
    QVERIFY2(message(&dialog).contains(QLatin1String("signs for the role of \"prod\"")),
             qPrintable(message(&dialog)));
    QCOMPARE(listed(&dialog).size(), 2);

    select(&dialog, QStringLiteral("prod"));
    remove->click();
    select(&dialog, QStringLiteral("ops"));
    remove->click();
    QCOMPARE(message(&dialog), QStringLiteral("Removed \"ops\"."));
    QVERIFY(listed(&dialog).isEmpty());
    QTRY_VERIFY(!f.store->entries.contains(QStringLiteral("account:ops")));
    // Added from outside while open: the list follows.
    QCOMPARE(f.controller->saveAccount(prod, {}, false).isEmpty(), false); // "ops" is gone
    prod.source = QStringLiteral("dev");
    QCOMPARE(f.controller->saveAccount(prod, {}, false), QString());
    QCOMPARE(listed(&dialog), QStringList{QStringLiteral("prod (RamRoleArn)")});
}

void TestAccountsDialog::enterSaves()
{
    Fixture f(m_home->path());
    AccountsDialog dialog(f.controller);
    dialog.show();
    child<QLineEdit>(&dialog, "nameEdit")->setText(QStringLiteral("ops"));
    child<QLineEdit>(&dialog, "accessKeyIdEdit")->setText(QStringLiteral("LTAIops"));
    auto *secret = child<QLineEdit>(&dialog, "accessKeySecretEdit");
    secret->setText(QStringLiteral("ops-S3CR3T"));
    QTest::keyClick(secret, Qt::Key_Return);
    QCOMPARE(message(&dialog), QStringLiteral("Saved \"ops\"."));
    QVERIFY(dialog.isVisible()); // saving does not close it
}

void TestAccountsDialog::labelsHaveBuddies()
{
    Fixture f(m_home->path());
    AccountsDialog dialog(f.controller);
    dialog.show();
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    int withMnemonic = 0;
    QStringList mnemonics;
    for (const QLabel *label : labels) {
        if (!label->text().contains(u'&'))
            continue;
        ++withMnemonic;
        QVERIFY2(label->buddy(), qPrintable(label->text()));
        mnemonics.append(label->text().mid(label->text().indexOf(u'&') + 1, 1).toLower());
    }
    QVERIFY(withMnemonic >= 9);
    for (const QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text().contains(u'&'))
            mnemonics.append(button->text().mid(button->text().indexOf(u'&') + 1, 1).toLower());
    }
    // Each mnemonic reaches one field or button.
    QCOMPARE(QSet<QString>(mnemonics.cbegin(), mnemonics.cend()).size(), mnemonics.size());
    // Tab reaches the role page's fields once it is shown.
    auto *kind = child<QComboBox>(&dialog, "kindCombo");
    kind->setCurrentIndex(kind->findData(QStringLiteral("role")));
    QVERIFY(child<QLineEdit>(&dialog, "roleArnEdit")->isVisibleTo(&dialog));
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    kind->setFocus();
    QCOMPARE(QApplication::focusWidget(), kind);
    QTest::keyClick(kind, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(&dialog, "roleArnEdit"));
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("dbs-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_accountsdialog"));
    TestAccountsDialog test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_accountsdialog.moc"
