// CredentialsController against the real Secret Service: run only through
// tests/support/with-keyring.sh (a private D-Bus session with a fresh, unlocked gnome-keyring
// in a temporary HOME). Without it the test fails; it never skips.
#include "secretscan.h"
#include "widgets.h"

#include <ui/dialogs/credentialscontroller.h>
#include <ui/dialogs/credentialsdialog.h>

#include <keychain/credentialvault.h>
#include <settings/settings.h>

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using dbs::Credential;
using dbs::CredentialsController;
using dbs::CredentialsDialog;

namespace {
constexpr char secretMark[] = "S3CR3T";
constexpr char tokenMark[] = "T0K3N";
constexpr int keychainWaitMs = 20000; // the store's own guard is 10 s

// One run of the browser: its own settings, window and controller (with the real vault).
struct Run
{
    explicit Run(const QString &home)
    {
        controller = new CredentialsController(&settings, window.get());
        controller->setEnvironment({}); // whatever the host has, this test sets nothing
        controller->setHomeDir(home);
    }
    dbs::Settings settings;
    std::unique_ptr<QWidget> window = std::make_unique<QWidget>();
    CredentialsController *controller = nullptr; // child of window
};

CredentialsDialog *visibleDialog(QWidget *window)
{
    return fixture::visibleChild<CredentialsDialog>(window, QStringLiteral("credentialsDialog"));
}
} // namespace

class TestCredentialsKeyring final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void savedReadBackAndForgotten();
    void savedAccountHasItsOwnEntry();

private:
    void save(Run &run, const Credential &credential, bool remember);

    QString m_root;
};

void TestCredentialsKeyring::initTestCase()
{
    m_root = qEnvironmentVariable("DBS_KEYRING_TEST_ROOT");
    if (m_root.isEmpty())
        QFAIL("run this test through tests/support/with-keyring.sh");
    QVERIFY(QDir::homePath().startsWith(m_root));
    QSettings().clear();
}

void TestCredentialsKeyring::save(Run &run, const Credential &credential, bool remember)
{
    run.controller->ask();
    CredentialsDialog *dialog = visibleDialog(run.window.get());
    QVERIFY(dialog);
    dialog->findChild<QLineEdit *>("accessKeyIdEdit")->setText(credential.accessKeyId);
    dialog->findChild<QLineEdit *>("accessKeySecretEdit")->setText(credential.accessKeySecret);
    dialog->findChild<QLineEdit *>("securityTokenEdit")->setText(credential.securityToken);
    dialog->findChild<QCheckBox *>("rememberCheck")->setChecked(remember);
    dialog->findChild<QDialogButtonBox *>("buttonBox")->button(QDialogButtonBox::Save)->click();
}

void TestCredentialsKeyring::savedReadBackAndForgotten()
{
    const Credential entered{"LTAIkeyring", "keyring-S3CR3T-value", "keyring-T0K3N-value", {}};
    {
        Run first(QDir::homePath());
        first.controller->resolveAtStartup();
        QTRY_VERIFY_WITH_TIMEOUT(!first.controller->isBusy(), keychainWaitMs);
        QCOMPARE(first.controller->statusText(), QStringLiteral("Credentials: none"));

        save(first, entered, true);
        QTRY_VERIFY_WITH_TIMEOUT(!first.controller->isBusy(), keychainWaitMs);
        QCOMPARE(first.controller->statusText(), QStringLiteral("Credentials: system keychain"));
        QVERIFY(!first.controller->vault()->isSessionOnly());
    }
    {
        // The next run finds it in the keychain, without asking.
        Run second(QDir::homePath());
        second.controller->resolveAtStartup();
        QTRY_VERIFY_WITH_TIMEOUT(!second.controller->isBusy(), keychainWaitMs);
        QCOMPARE(second.controller->statusText(), QStringLiteral("Credentials: system keychain"));
        const Credential read = second.controller->credential();
        QCOMPARE(read.accessKeyId, entered.accessKeyId);
        QCOMPARE(read.accessKeySecret, entered.accessKeySecret);
        QCOMPARE(read.securityToken, entered.securityToken);
    }
    QSettings().sync();

    // The keyring file is encrypted; settings hold a label only: no file shows the secret.
    const QStringList leaks =
        fixture::filesContaining(m_root, {QByteArray(secretMark), QByteArray(tokenMark)});
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    QVERIFY(!QDir(m_root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());

    {
        // "Do not remember" removes the saved copy...
        Run third(QDir::homePath());
        third.controller->resolveAtStartup();
        QTRY_VERIFY_WITH_TIMEOUT(!third.controller->isBusy(), keychainWaitMs);
        save(third, {"LTAIother", "other-S3CR3T", {}, {}}, false);
        QTRY_VERIFY_WITH_TIMEOUT(!third.controller->isBusy(), keychainWaitMs);
        QCOMPARE(third.controller->statusText(),
                 QStringLiteral("Credentials: this session only (not saved)"));
    }
    {
        // ...so the run after that has none.
        Run fourth(QDir::homePath());
        fourth.controller->resolveAtStartup();
        QTRY_VERIFY_WITH_TIMEOUT(!fourth.controller->isBusy(), keychainWaitMs);
        QCOMPARE(fourth.controller->statusText(), QStringLiteral("Credentials: none"));
        QVERIFY(!fourth.controller->hasCredential());
    }
}

void TestCredentialsKeyring::savedAccountHasItsOwnEntry()
{
    QSettings().clear();
    dbs::SavedAccount ops;
    ops.name = QStringLiteral("ops");
    const Credential keys{"LTAIops", "ops-S3CR3T-value", "ops-T0K3N-value", {}};
    const auto signInOf = [](CredentialsController *controller, const QString &name) {
        bool answered = false;
        dbs::SignInSpec spec;
        QString error;
        controller->accountSignIn(name, [&](const dbs::SignInSpec &s, const QString &e) {
            answered = true;
            spec = s;
            error = e;
        });
        if (!QTest::qWaitFor([&] { return answered; }, keychainWaitMs))
            error = QStringLiteral("no answer");
        return std::make_pair(spec, error);
    };
    {
        Run first(QDir::homePath());
        QString note = QStringLiteral("unset");
        QCOMPARE(
            first.controller->saveAccount(ops, keys, false, [&](const QString &n) { note = n; }),
            QString());
        QTRY_VERIFY_WITH_TIMEOUT(!first.controller->isBusy(), keychainWaitMs);
        QCOMPARE(note, QString()); // the keychain took it
    }
    {
        // Another run reads it back from the keychain; the browser's own entry is not it.
        Run second(QDir::homePath());
        const auto [spec, error] = signInOf(second.controller, QStringLiteral("ops"));
        QCOMPARE(error, QString());
        QCOMPARE(spec.credential.accessKeyId, keys.accessKeyId);
        QCOMPARE(spec.credential.accessKeySecret, keys.accessKeySecret);
        QCOMPARE(spec.credential.securityToken, keys.securityToken);
        second.controller->resolveAtStartup();
        QTRY_VERIFY_WITH_TIMEOUT(!second.controller->isBusy(), keychainWaitMs);
        QVERIFY(second.controller->credential().accessKeyId != keys.accessKeyId);

        QCOMPARE(second.controller->removeAccount(QStringLiteral("ops")), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!second.controller->isBusy(), keychainWaitMs);
    }
    QSettings().sync();
    const QStringList leaks =
        fixture::filesContaining(m_root, {QByteArray(secretMark), QByteArray(tokenMark)});
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    {
        // Removed: saved again without keys by hand, it finds none in the keychain.
        Run third(QDir::homePath());
        third.settings.setValue(dbs::Settings::Key::SavedAccounts,
                                dbs::savedAccountsToVariant({ops}));
        const auto [spec, error] = signInOf(third.controller, QStringLiteral("ops"));
        QVERIFY2(error.contains(QLatin1String("holds no AccessKey")), qPrintable(error));
        QVERIFY(!spec.isUsable());
    }
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("dbs-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_credentialskeyring"));
    TestCredentialsKeyring test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentialskeyring.moc"
