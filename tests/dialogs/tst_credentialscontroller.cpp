#include "environment.h"
#include "fakesecretstore.h"
#include "secretscan.h"
#include "widgets.h"

#include <ui/dialogs/credentialscontroller.h>
#include <ui/dialogs/credentialsdialog.h>

#include <keychain/credentialvault.h>
#include <settings/settings.h>

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using dbs::Credential;
using dbs::CredentialsController;
using dbs::CredentialsDialog;
using dbs::Settings;
using fixture::FakeSecretStore;
using Mode = fixture::FakeSecretStore::Mode;

namespace {
// Every secret and token in this test contains one of these, so a leak is easy to find.
constexpr char secretMark[] = "S3CR3T";
constexpr char tokenMark[] = "T0K3N";

QStringList g_messages; // everything logged while the tests ran
QtMessageHandler g_testlibHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_messages.append(message);
    if (g_testlibHandler)
        g_testlibHandler(type, context, message);
}

using fixture::writeFile;

const QByteArray cliConfig = R"({"current":"dev","profiles":[
  {"name":"dev","mode":"AK","access_key_id":"LTAIdev","access_key_secret":"dev-S3CR3T",
   "region_id":"cn-hangzhou"}]})";

// The objects the window would own; the keychain is a fake with the given behaviour.
struct Fixture
{
    Fixture(Mode mode, const QProcessEnvironment &env, const QString &home)
        : store(new FakeSecretStore(mode)) // handed to the vault
          ,
          vault(new dbs::CredentialVault(store)) // handed to the controller
    {
        vault->setTimeout(std::chrono::milliseconds(400));
        controller = new CredentialsController(&settings, vault, window.get());
        controller->setEnvironment(env);
        controller->setHomeDir(home);
    }

    Settings settings;
    std::unique_ptr<QWidget> window = std::make_unique<QWidget>(); // goes first, with its children
    FakeSecretStore *store;                                        // owned by the vault
    dbs::CredentialVault *vault;                                   // owned by the controller
    CredentialsController *controller = nullptr;                   // child of window
};

using dbs::SavedAccount;
using dbs::SignInSpec;

SavedAccount keysAccount(const QString &name)
{
    SavedAccount account;
    account.name = name;
    return account;
}

SavedAccount roleAccount(const QString &name, const QString &source,
                         const QString &arn = QStringLiteral("acs:ram::1234:role/dbs-reader"))
{
    SavedAccount account;
    account.name = name;
    account.kind = SavedAccount::Kind::Role;
    account.roleArn = arn;
    account.source = source;
    return account;
}

// What accountSignIn() answers, waited for; `synchronous` says whether it came at once.
struct SignInAnswer
{
    bool answered = false;
    bool synchronous = false;
    SignInSpec spec;
    QString error;
};

SignInAnswer signInOf(CredentialsController *controller, const QString &name)
{
    auto answer = std::make_shared<SignInAnswer>();
    controller->accountSignIn(name, [answer](const SignInSpec &spec, const QString &error) {
        QVERIFY(!answer->answered); // exactly once
        answer->answered = true;
        answer->spec = spec;
        answer->error = error;
    });
    answer->synchronous = answer->answered;
    if (!QTest::qWaitFor([&] { return answer->answered; }, 5000))
        qWarning("no answer for %s", qPrintable(name));
    return *answer;
}

CredentialsDialog *visibleDialog(QWidget *window)
{
    return fixture::visibleChild<CredentialsDialog>(window, QStringLiteral("credentialsDialog"));
}
} // namespace

class TestCredentialsController final : public QObject
{
    Q_OBJECT

public:
    explicit TestCredentialsController(QString root) : m_root(std::move(root)) {}

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void environmentUsedWithoutAsking();
    void halfSetEnvironmentStopsThere();
    void keychainWhenNoEnvironment();
    void cliProfileWhenKeychainIsEmpty();
    void noneAnywhere();
    void roleProfileSignsInByItself();
    void useProfileSwitchesAccounts();
    void keychainUnavailableAtStartup();
    void silentKeychainNeverHangs();
    void savedToKeychain();
    void keychainUnavailableKeepsForSession();
    void notRememberedForgetsSavedCopy();
    void importedAndSavedSecretIsInNoFile();
    void savedKeysAreOnlyInTheKeychain();
    void savedRoleSignsThroughItsSource();
    void savedAccountsRefused_data();
    void savedAccountsRefused();
    void savedAccountHiddenByAProfile();
    void savedAccountsThatCannotSign_data();
    void savedAccountsThatCannotSign();
    void removingForgetsTheKeychainEntry();
    void savedKeysWithoutKeychain();
    void useProfileWithSavedAccounts();

private:
    void saveThroughDialog(Fixture &f, const Credential &credential, bool remember);

    QString m_root;                        // HOME and every XDG folder of this test live under it
    std::unique_ptr<QTemporaryDir> m_home; // for the aliyun CLI files of one test
};

void TestCredentialsController::initTestCase()
{
    // QTest installs its own handler in qExec(): chain in front of it.
    g_testlibHandler = qInstallMessageHandler(recordMessage);
}

void TestCredentialsController::init()
{
    QSettings().clear();
    m_home = std::make_unique<QTemporaryDir>(m_root + QStringLiteral("/cli-XXXXXX"));
    QVERIFY(m_home->isValid());
}

void TestCredentialsController::cleanup()
{
    m_home.reset();
}

void TestCredentialsController::cleanupTestCase()
{
    // Nothing any test did put a secret or a token into a log line.
    QVERIFY(!g_messages.isEmpty()); // the keychain fallback did log: the recorder works
    for (const QString &message : std::as_const(g_messages)) {
        QVERIFY2(!message.contains(QLatin1String(secretMark)) &&
                     !message.contains(QLatin1String(tokenMark)),
                 "a secret was logged");
    }
}

void TestCredentialsController::saveThroughDialog(Fixture &f, const Credential &credential,
                                                  bool remember)
{
    f.controller->ask();
    CredentialsDialog *dialog = visibleDialog(f.window.get());
    QVERIFY(dialog);
    QCOMPARE(dialog, f.controller->dialog());
    QVERIFY(dialog->isModal());
    dialog->findChild<QLineEdit *>("accessKeyIdEdit")->setText(credential.accessKeyId);
    dialog->findChild<QLineEdit *>("accessKeySecretEdit")->setText(credential.accessKeySecret);
    dialog->findChild<QLineEdit *>("securityTokenEdit")->setText(credential.securityToken);
    dialog->findChild<QCheckBox *>("rememberCheck")->setChecked(remember);
    dialog->findChild<QDialogButtonBox *>("buttonBox")->button(QDialogButtonBox::Save)->click();
}

void TestCredentialsController::environmentUsedWithoutAsking()
{
    Fixture f(Mode::Working,
              fixture::environment({"ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIenv",
                                    "ALIBABA_CLOUD_ACCESS_KEY_SECRET=env-S3CR3T",
                                    "ALIBABA_CLOUD_SECURITY_TOKEN=env-T0K3N"}),
              m_home->path());
    f.store->entries.insert(CredentialsController::account(), {"LTAIkeychain", "k-S3CR3T", {}, {}});
    QSignalSpy changed(f.controller, &CredentialsController::credentialChanged);
    QSignalSpy status(f.controller, &CredentialsController::statusTextChanged);

    f.controller->resolveAtStartup();
    QVERIFY(f.controller->hasCredential());
    QCOMPARE(f.controller->credential().accessKeyId, QStringLiteral("LTAIenv"));
    QCOMPARE(f.controller->credential().securityToken, QStringLiteral("env-T0K3N"));
    QCOMPARE(f.controller->statusText(), QStringLiteral("Credentials: environment"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(status.last().at(0).toString(), QStringLiteral("Credentials: environment"));
    QVERIFY(!visibleDialog(f.window.get())); // not asked
    QTest::qWait(50);
    QCOMPARE(f.store->reads, 0); // the keychain is not even consulted
    QCOMPARE(f.settings.value(Settings::Key::CredentialSource).toString(),
             QStringLiteral("environment"));
}

void TestCredentialsController::halfSetEnvironmentStopsThere()
{
    QVERIFY(writeFile(m_home->filePath(".aliyun/config.json"), cliConfig));
    Fixture f(Mode::Working, fixture::environment({"ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIenv"}),
              m_home->path());
    f.controller->resolveAtStartup();
    QTest::qWait(50);
    // Not signed in as the CLI profile behind the user's back: the broken setup is named.
    QVERIFY(!f.controller->hasCredential());
    QVERIFY2(f.controller->statusText().contains(QLatin1String("ALIBABA_CLOUD_ACCESS_KEY_SECRET")),
             qPrintable(f.controller->statusText()));
    QCOMPARE(f.store->reads, 0);
}

void TestCredentialsController::keychainWhenNoEnvironment()
{
    QVERIFY(writeFile(m_home->filePath(".aliyun/config.json"), cliConfig));
    Fixture f(Mode::Working, {}, m_home->path());
    const Credential stored{"LTAIkeychain", "k-S3CR3T", "k-T0K3N", {}};
    f.store->entries.insert(CredentialsController::account(), stored);
    QSignalSpy changed(f.controller, &CredentialsController::credentialChanged);

    f.controller->resolveAtStartup();
    QCOMPARE(f.controller->statusText(),
             QStringLiteral("Credentials: reading the system keychain…"));
    QTRY_COMPARE(f.controller->statusText(), QStringLiteral("Credentials: system keychain"));
    // Saved in this browser beats the CLI profile the user also has.
    QCOMPARE(f.controller->credential().accessKeyId, stored.accessKeyId);
    QCOMPARE(f.controller->credential().accessKeySecret, stored.accessKeySecret);
    QCOMPARE(f.controller->credential().securityToken, stored.securityToken);
    QCOMPARE(f.controller->credential().source, QStringLiteral("system keychain"));
    QCOMPARE(changed.size(), 1);
    QVERIFY(!f.controller->isBusy());
}

void TestCredentialsController::cliProfileWhenKeychainIsEmpty()
{
    QVERIFY(writeFile(m_home->filePath(".aliyun/config.json"), cliConfig));
    Fixture f(Mode::Working, {}, m_home->path());
    // The window decides between browsing and the first-run offer when busy turns false: the
    // outcome must be settled by then.
    bool settledWhenIdle = false;
    connect(f.controller, &CredentialsController::busyChanged, this, [&](bool busy) {
        if (!busy)
            settledWhenIdle = f.controller->hasCredential();
    });
    f.controller->resolveAtStartup();
    QVERIFY(f.controller->isBusy());
    QTRY_VERIFY(!f.controller->isBusy());
    QVERIFY(settledWhenIdle);
    QCOMPARE(f.controller->credential().accessKeyId, QStringLiteral("LTAIdev"));
    QCOMPARE(f.controller->statusText(), QStringLiteral("Credentials: aliyun CLI profile \"dev\""));
    QCOMPARE(f.store->reads, 1);
}

void TestCredentialsController::roleProfileSignsInByItself()
{
    // The current profile assumes a role: no keys to apply, a sign-in to hand over.
    QVERIFY(writeFile(m_home->filePath(".aliyun/config.json"),
                      R"({"current":"prod","profiles":[{"name":"prod","mode":"RamRoleArn",)"
                      R"("access_key_id":"LTAIsrc","access_key_secret":"src-S3CR3T",)"
                      R"("ram_role_arn":"acs:ram::123:role/dbs-reader"}]})"));
    Fixture f(Mode::Working, {}, m_home->path());
    QSignalSpy signIn(f.controller, &CredentialsController::signInChanged);
    f.controller->resolveAtStartup();
    QTRY_VERIFY(!f.controller->isBusy());
    QCOMPARE(signIn.size(), 1);
    QVERIFY(f.controller->hasCredential());
    QVERIFY(!f.controller->credential().isValid());
    QCOMPARE(f.controller->signIn().roleArn, QStringLiteral("acs:ram::123:role/dbs-reader"));
    QCOMPARE(f.controller->statusText(),
             QStringLiteral("Credentials: aliyun CLI profile \"prod\", RamRoleArn "
                            "acs:ram::123:role/dbs-reader"));
}

void TestCredentialsController::useProfileSwitchesAccounts()
{
    QVERIFY(writeFile(
        m_home->filePath(".aliyun/config.json"),
        R"({"current":"dev","profiles":[)"
        R"({"name":"dev","mode":"AK","access_key_id":"LTAIdev","access_key_secret":"d-S3CR3T"},)"
        R"({"name":"prod","mode":"EcsRamRole","ram_role_name":"host"},)"
        R"({"name":"broken","mode":"RamRoleArn","access_key_id":"LTAIb"}]})"));
    Fixture f(Mode::Working, {}, m_home->path());
    QCOMPARE(f.controller->cliProfiles().profiles.size(), 3);
    QSignalSpy keys(f.controller, &CredentialsController::credentialChanged);
    QSignalSpy signIn(f.controller, &CredentialsController::signInChanged);

    QCOMPARE(f.controller->useProfile(QStringLiteral("prod")), QString());
    QCOMPARE(signIn.size(), 1);
    QCOMPARE(f.controller->signIn().kind, dbs::SignInSpec::Kind::EcsRamRole);
    QVERIFY(f.controller->statusText().contains(QLatin1String("EcsRamRole host")));

    QCOMPARE(f.controller->useProfile(QStringLiteral("dev")), QString());
    QCOMPARE(keys.size(), 1);
    QCOMPARE(f.controller->credential().accessKeyId, QStringLiteral("LTAIdev"));
    QCOMPARE(f.controller->signIn().kind, dbs::SignInSpec::Kind::Static);

    // A profile that cannot sign changes nothing and says why.
    const QString problem = f.controller->useProfile(QStringLiteral("broken"));
    QVERIFY2(problem.contains(QLatin1String("profile \"broken\": access_key_secret is missing")),
             qPrintable(problem));
    QCOMPARE(f.controller->credential().accessKeyId, QStringLiteral("LTAIdev"));
    QCOMPARE(keys.size(), 1);
    QVERIFY(!f.controller->useProfile(QStringLiteral("gone")).isEmpty());
}

void TestCredentialsController::noneAnywhere()
{
    Fixture f(Mode::Working, {}, m_home->path());
    f.controller->resolveAtStartup();
    QTRY_COMPARE(f.controller->statusText(), QStringLiteral("Credentials: none"));
    QVERIFY(!f.controller->hasCredential());
}

void TestCredentialsController::keychainUnavailableAtStartup()
{
    Fixture f(Mode::Unavailable, {}, m_home->path());
    f.controller->resolveAtStartup();
    QTRY_VERIFY(!f.controller->isBusy());
    QVERIFY(!f.controller->hasCredential());
    QVERIFY(f.vault->isSessionOnly());
    const QString status = f.controller->statusText();
    QVERIFY2(status.contains(QLatin1String("keychain unavailable")), qPrintable(status));
    QVERIFY2(status.contains(QLatin1String(FakeSecretStore::unavailableReason)),
             qPrintable(status));

    // The dialog then says what saving will do.
    f.controller->ask();
    CredentialsDialog *dialog = visibleDialog(f.window.get());
    QVERIFY(dialog);
    auto *note = dialog->findChild<QLabel *>("keychainNoteLabel");
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QLatin1String("this session only")), qPrintable(note->text()));
    QVERIFY2(note->text().contains(QLatin1String(FakeSecretStore::unavailableReason)),
             qPrintable(note->text()));
    QVERIFY2(!note->text().contains(QLatin1String(".).")) && !note->text().contains(u".."),
             qPrintable(note->text()));
    // Not offered as if it would work: unchecked, and the note says why.
    QVERIFY(!dialog->findChild<QCheckBox *>("rememberCheck")->isChecked());
    QVERIFY(note->text().startsWith(QLatin1String("Remembering is off")));
    dialog->reject();
}

void TestCredentialsController::silentKeychainNeverHangs()
{
    Fixture f(Mode::Silent, {}, m_home->path());
    QElapsedTimer timer;
    timer.start();
    f.controller->resolveAtStartup();
    QVERIFY(f.controller->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!f.controller->isBusy(), 5000);
    QVERIFY2(timer.elapsed() < 3000, QByteArray::number(timer.elapsed()));
    QVERIFY(f.vault->isSessionOnly());
    QVERIFY2(f.controller->statusText().contains(QLatin1String("keychain unavailable")),
             qPrintable(f.controller->statusText()));
    // The vault's own reason ends a sentence: the note does not stop twice.
    f.controller->ask();
    CredentialsDialog *dialog = visibleDialog(f.window.get());
    QVERIFY(dialog);
    const QString note = dialog->findChild<QLabel *>("keychainNoteLabel")->text();
    QVERIFY2(note.contains(QLatin1String("password. Check")), qPrintable(note));
    QVERIFY2(!note.contains(QLatin1String(".).")) && !note.contains(u".."), qPrintable(note));
    dialog->reject();
    QTRY_VERIFY(!visibleDialog(f.window.get()));

    // Saving after that: tried once more, then kept for the session, said so, usable at once.
    QSignalSpy changed(f.controller, &CredentialsController::credentialChanged);
    saveThroughDialog(f, {"LTAIsilent", "silent-S3CR3T", {}, {}}, true);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(f.controller->credential().accessKeyId, QStringLiteral("LTAIsilent"));
    QTRY_VERIFY_WITH_TIMEOUT(!f.controller->isBusy(), 5000);
    QVERIFY2(f.controller->statusText().startsWith(
                 QLatin1String("Credentials: this session only (keychain unavailable: ")),
             qPrintable(f.controller->statusText()));
}

void TestCredentialsController::savedToKeychain()
{
    Fixture f(Mode::Working, {}, m_home->path());
    f.controller->resolveAtStartup();
    QTRY_COMPARE(f.controller->statusText(), QStringLiteral("Credentials: none"));

    QSignalSpy changed(f.controller, &CredentialsController::credentialChanged);
    QSignalSpy status(f.controller, &CredentialsController::statusTextChanged);
    const Credential entered{"LTAIsaved", "saved-S3CR3T", "saved-T0K3N", {}};
    saveThroughDialog(f, entered, true);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<Credential>().accessKeyId, entered.accessKeyId);
    QTRY_COMPARE(f.controller->statusText(), QStringLiteral("Credentials: system keychain"));
    QVERIFY(status.size() >= 2); // "saving…", then where it went

    const Credential stored = f.store->entries.value(CredentialsController::account());
    QCOMPARE(stored.accessKeyId, entered.accessKeyId);
    QCOMPARE(stored.accessKeySecret, entered.accessKeySecret);
    QCOMPARE(stored.securityToken, entered.securityToken);
    QCOMPARE(f.settings.value(Settings::Key::CredentialSource).toString(),
             QStringLiteral("keychain"));

    // The next dialog shows what is in use, with "remember" still on.
    f.controller->ask();
    CredentialsDialog *dialog = visibleDialog(f.window.get());
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QLineEdit *>("accessKeyIdEdit")->text(), entered.accessKeyId);
    QVERIFY(dialog->findChild<QCheckBox *>("rememberCheck")->isChecked());
    QVERIFY(!dialog->findChild<QLabel *>("keychainNoteLabel")->isVisible());
    dialog->reject();
}

void TestCredentialsController::keychainUnavailableKeepsForSession()
{
    Fixture f(Mode::Unavailable, {}, m_home->path());
    QSignalSpy status(f.controller, &CredentialsController::statusTextChanged);
    saveThroughDialog(f, {"LTAIsession", "session-S3CR3T", {}, {}}, true);
    QVERIFY(f.controller->hasCredential()); // usable at once, whatever the keychain says
    QTRY_VERIFY(!f.controller->isBusy());
    const QString expected =
        QStringLiteral("Credentials: this session only (keychain unavailable: %1)")
            .arg(QLatin1String(FakeSecretStore::unavailableReason));
    QCOMPARE(f.controller->statusText(), expected);
    QCOMPARE(status.last().at(0).toString(), expected);
    QVERIFY(f.store->entries.isEmpty());
    QCOMPARE(f.controller->credential().accessKeyId, QStringLiteral("LTAIsession"));
}

void TestCredentialsController::notRememberedForgetsSavedCopy()
{
    Fixture f(Mode::Working, {}, m_home->path());
    f.store->entries.insert(CredentialsController::account(), {"LTAIold", "old-S3CR3T", {}, {}});
    f.controller->resolveAtStartup();
    QTRY_COMPARE(f.controller->statusText(), QStringLiteral("Credentials: system keychain"));

    saveThroughDialog(f, {"LTAInew", "new-S3CR3T", {}, {}}, false);
    QCOMPARE(f.controller->credential().accessKeyId, QStringLiteral("LTAInew"));
    QCOMPARE(f.controller->statusText(),
             QStringLiteral("Credentials: this session only (not saved)"));
    QTRY_VERIFY(!f.controller->isBusy());
    QVERIFY(f.store->entries.isEmpty()); // the copy saved earlier is gone too
    QCOMPARE(f.store->writes, 0);

    // Next time the dialog opens, "remember" stays off as chosen.
    f.controller->ask();
    CredentialsDialog *dialog = visibleDialog(f.window.get());
    QVERIFY(dialog);
    QVERIFY(!dialog->findChild<QCheckBox *>("rememberCheck")->isChecked());
    dialog->reject();
}

void TestCredentialsController::importedAndSavedSecretIsInNoFile()
{
    QVERIFY(writeFile(m_home->filePath(".aliyun/config.json"), cliConfig));
    for (Mode mode : {Mode::Working, Mode::Unavailable}) {
        {
            Fixture f(mode,
                      fixture::environment({"ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIenv",
                                            "ALIBABA_CLOUD_ACCESS_KEY_SECRET=env-S3CR3T-x",
                                            "ALIBABA_CLOUD_SECURITY_TOKEN=env-T0K3N-x"}),
                      m_home->path());
            f.controller->resolveAtStartup();

            // Import from the environment, save; then from the CLI profile, save.
            f.controller->ask();
            CredentialsDialog *dialog = visibleDialog(f.window.get());
            QVERIFY(dialog);
            dialog->findChild<QPushButton *>("importEnvironmentButton")->click();
            dialog->findChild<QDialogButtonBox *>("buttonBox")
                ->button(QDialogButtonBox::Save)
                ->click();
            QTRY_VERIFY(!f.controller->isBusy());
            QCOMPARE(f.controller->credential().accessKeySecret, QStringLiteral("env-S3CR3T-x"));

            f.controller->ask();
            dialog = visibleDialog(f.window.get());
            QVERIFY(dialog);
            dialog->findChild<QPushButton *>("importCliProfileButton")->click();
            dialog->findChild<QDialogButtonBox *>("buttonBox")
                ->button(QDialogButtonBox::Save)
                ->click();
            QTRY_VERIFY(!f.controller->isBusy());
            QCOMPARE(f.controller->credential().accessKeySecret, QStringLiteral("dev-S3CR3T"));
            QVERIFY(!f.controller->statusText().contains(QLatin1String(secretMark)));
        } // Settings (and its QSettings) written out here
        QSettings().sync();

        // The CLI's own file holds its secret, of course; nothing else under the root may.
        const QStringList leaks =
            fixture::filesContaining(m_root, {QByteArray(secretMark), QByteArray(tokenMark)},
                                     {QDir(m_home->path()).filePath(".aliyun/config.json")});
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
        // And the settings file exists there, so the scan did look at it.
        QVERIFY(QFile::exists(QSettings().fileName()));
        QVERIFY2(QSettings().fileName().startsWith(m_root), qPrintable(QSettings().fileName()));
    }

    // The scan itself finds a planted secret.
    const QString probe = m_root + QStringLiteral("/data/probe.bin");
    QVERIFY(writeFile(probe, QByteArray("xx") + secretMark + "xx"));
    QCOMPARE(fixture::filesContaining(m_root, {QByteArray(secretMark)},
                                      {QDir(m_home->path()).filePath(".aliyun/config.json")}),
             QStringList{probe});
    QFile::remove(probe);
}

void TestCredentialsController::savedKeysAreOnlyInTheKeychain()
{
    QVERIFY(writeFile(m_home->filePath(".aliyun/config.json"), cliConfig));
    {
        Fixture f(Mode::Working, {}, m_home->path());
        QSignalSpy changed(f.controller, &CredentialsController::accountsChanged);
        bool kept = false;
        QString note = QStringLiteral("unset");
        const Credential keys{"LTAIops", "ops-S3CR3T", "ops-T0K3N", {}};
        QCOMPARE(f.controller->saveAccount(keysAccount(QStringLiteral("ops")), keys, false,
                                           [&](const QString &n) {
                                               kept = true;
                                               note = n;
                                           }),
                 QString());
        QCOMPARE(changed.size(), 1);
        QTRY_VERIFY(kept);
        QCOMPARE(note, QString());
        QTRY_VERIFY(!f.controller->isBusy());
        const Credential stored = f.store->entries.value(QStringLiteral("account:ops"));
        QCOMPARE(stored.accessKeyId, keys.accessKeyId);
        QCOMPARE(stored.accessKeySecret, keys.accessKeySecret);
        QCOMPARE(stored.securityToken, keys.securityToken);
        QVERIFY(!f.store->entries.contains(CredentialsController::account()));

        QCOMPARE(f.controller->accountNames(),
                 (QStringList{QStringLiteral("dev"), QStringLiteral("ops")}));
        const SignInAnswer answer = signInOf(f.controller, QStringLiteral("ops"));
        QVERIFY(answer.answered);
        QVERIFY(!answer.synchronous); // the keychain answers later
        QCOMPARE(answer.error, QString());
        QCOMPARE(answer.spec.kind, SignInSpec::Kind::Static);
        QCOMPARE(answer.spec.credential.accessKeyId, keys.accessKeyId);
        QCOMPARE(answer.spec.credential.accessKeySecret, keys.accessKeySecret);
        QCOMPARE(answer.spec.credential.securityToken, keys.securityToken);
        QCOMPARE(answer.spec.description, QStringLiteral("saved account \"ops\""));
        // Not signed in by asking how it signs.
        QVERIFY(!f.controller->hasCredential());
    }
    QSettings().sync();
    QFile file(QSettings().fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QByteArray bytes = file.readAll();
    // A list of maps is written as escaped UTF-16 (\0o\0p\0s): searched without the zeros
    // as well, so that a secret in there could not hide.
    QByteArray stripped = bytes;
    stripped.replace("\\0", "").replace('\0', "");
    QVERIFY2(bytes.contains("savedAccounts") && stripped.contains("ops"), bytes.constData());
    for (const QByteArray &text : {bytes, stripped}) {
        QVERIFY2(!text.contains(secretMark) && !text.contains(tokenMark), bytes.constData());
        QVERIFY2(!text.contains("LTAIops"), bytes.constData()); // the id stays with its secret
    }
}

void TestCredentialsController::savedRoleSignsThroughItsSource()
{
    QVERIFY(writeFile(m_home->filePath(".aliyun/config.json"), cliConfig));
    Fixture f(Mode::Working, {}, m_home->path());
    QCOMPARE(f.controller->saveAccount(keysAccount(QStringLiteral("ops")),
                                       {"LTAIops", "ops-S3CR3T", {}, {}}, false),
             QString());
    SavedAccount prod = roleAccount(QStringLiteral("prod"), QStringLiteral("ops"));
    prod.sessionName = QStringLiteral("dbs-browser");
    prod.stsRegion = QStringLiteral("cn-shanghai");
    QCOMPARE(f.controller->saveAccount(prod, {}, false), QString());
    // A role through a role, the last signing with the CLI profile's keys.
    QCOMPARE(f.controller->saveAccount(roleAccount(QStringLiteral("audit"), QStringLiteral("dev"),
                                                   QStringLiteral("acs:ram::99:role/audit")),
                                       {}, false),
             QString());
    QCOMPARE(f.controller->saveAccount(roleAccount(QStringLiteral("deep"), QStringLiteral("audit")),
                                       {}, false),
             QString());
    QCOMPARE(f.controller->accountNames(), (QStringList{"dev", "ops", "prod", "audit", "deep"}));
    QTRY_VERIFY(!f.controller->isBusy());

    const SignInAnswer ops = signInOf(f.controller, QStringLiteral("ops"));
    const SignInAnswer answer = signInOf(f.controller, QStringLiteral("prod"));
    QCOMPARE(answer.error, QString());
    QCOMPARE(answer.spec.kind, SignInSpec::Kind::AssumeRole);
    QCOMPARE(answer.spec.roleArn, prod.roleArn);
    QCOMPARE(answer.spec.roleSessionName, QStringLiteral("dbs-browser"));
    QCOMPARE(answer.spec.stsRegion, QStringLiteral("cn-shanghai"));
    QVERIFY(answer.spec.description.contains(QLatin1String("saved account \"prod\"")));
    QVERIFY(!answer.spec.description.contains(QLatin1String(secretMark)));
    QVERIFY(answer.spec.source);
    QCOMPARE(answer.spec.source->kind, ops.spec.kind);
    QCOMPARE(answer.spec.source->credential.accessKeyId, ops.spec.credential.accessKeyId);
    QCOMPARE(answer.spec.source->credential.accessKeySecret, ops.spec.credential.accessKeySecret);
    QCOMPARE(answer.spec.source->description, ops.spec.description);

    const SignInAnswer dev = signInOf(f.controller, QStringLiteral("dev"));
    const SignInAnswer deep = signInOf(f.controller, QStringLiteral("deep"));
    QVERIFY(deep.synchronous); // no keychain on the way
    QCOMPARE(deep.error, QString());
    QCOMPARE(deep.spec.kind, SignInSpec::Kind::AssumeRole);
    QVERIFY(deep.spec.source);
    QCOMPARE(deep.spec.source->kind, SignInSpec::Kind::AssumeRole);
    QCOMPARE(deep.spec.source->roleArn, QStringLiteral("acs:ram::99:role/audit"));
    QVERIFY(deep.spec.source->source);
    QCOMPARE(deep.spec.source->source->credential.accessKeyId, dev.spec.credential.accessKeyId);
    QCOMPARE(deep.spec.source->source->description, dev.spec.description);
}

void TestCredentialsController::savedAccountsRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("source"); // empty: an access key
    QTest::addColumn<bool>("replace");
    QTest::addColumn<QString>("problem");
    QTest::newRow("a CLI profile's name")
        << "dev" << QString() << false << "is the name of an aliyun CLI profile";
    QTest::newRow("saved already") << "ops" << QString() << false << "is already saved";
    QTest::newRow("no such source") << "prod"
                                    << "nobody" << false << "neither";
    QTest::newRow("its own source") << "self"
                                    << "self" << false << "its own role";
    QTest::newRow("a loop") << "ops"
                            << "loop" << true << "loop (ops → loop → ops)";
    QTest::newRow("no key") << "new" << QString() << false << "needs its AccessKey ID";
    QTest::newRow("bad ARN") << "prod"
                             << "ops" << false << "is not a role ARN";
}

void TestCredentialsController::savedAccountsRefused()
{
    QFETCH(QString, name);
    QFETCH(QString, source);
    QFETCH(bool, replace);
    QFETCH(QString, problem);
    QVERIFY(writeFile(m_home->filePath(".aliyun/config.json"), cliConfig));
    Fixture f(Mode::Working, {}, m_home->path());
    QCOMPARE(f.controller->saveAccount(keysAccount(QStringLiteral("ops")),
                                       {"LTAIops", "ops-S3CR3T", {}, {}}, false),
             QString());
    QCOMPARE(f.controller->saveAccount(roleAccount(QStringLiteral("loop"), QStringLiteral("ops")),
                                       {}, false),
             QString());
    QTRY_VERIFY(!f.controller->isBusy());
    const QVariant before = f.settings.value(Settings::Key::SavedAccounts);
    const int writes = f.store->writes;
    QSignalSpy changed(f.controller, &CredentialsController::accountsChanged);

    SavedAccount account = source.isEmpty() ? keysAccount(name) : roleAccount(name, source);
    if (QTest::currentDataTag() == QLatin1String("bad ARN"))
        account.roleArn = QStringLiteral("acs:ram::123:user/someone");
    const Credential keys = QTest::currentDataTag() == QLatin1String("no key")
                                ? Credential{}
                                : Credential{"LTAInew", "new-S3CR3T", {}, {}};
    const QString actual = f.controller->saveAccount(account, keys, replace);
    QVERIFY2(actual.contains(problem), qPrintable(actual));
    // Nothing changed.
    QCOMPARE(f.settings.value(Settings::Key::SavedAccounts), before);
    QCOMPARE(changed.size(), 0);
    QTest::qWait(20);
    QCOMPARE(f.store->writes, writes);
}

void TestCredentialsController::savedAccountHiddenByAProfile()
{
    Fixture f(Mode::Working, {}, m_home->path());
    QCOMPARE(f.controller->saveAccount(keysAccount(QStringLiteral("dev")),
                                       {"LTAIsaved", "saved-S3CR3T", {}, {}}, false),
             QString());
    QCOMPARE(f.controller->accountNames(), QStringList{QStringLiteral("dev")});
    QTRY_VERIFY(!f.controller->isBusy());

    // A CLI profile of that name comes later: the name signs as the profile...
    QVERIFY(writeFile(m_home->filePath(".aliyun/config.json"), cliConfig));
    QCOMPARE(f.controller->accountNames(), QStringList{QStringLiteral("dev")});
    QVERIFY(f.controller->savedAccounts().isEmpty());
    QCOMPARE(signInOf(f.controller, QStringLiteral("dev")).spec.credential.accessKeyId,
             QStringLiteral("LTAIdev"));
    // ...and saving another account keeps the hidden one for when the profile goes.
    QCOMPARE(f.controller->saveAccount(roleAccount(QStringLiteral("prod"), QStringLiteral("dev")),
                                       {}, false),
             QString());
    QVERIFY(QFile::remove(m_home->filePath(".aliyun/config.json")));
    QCOMPARE(f.controller->accountNames(),
             (QStringList{QStringLiteral("prod"), QStringLiteral("dev")}));
    QCOMPARE(signInOf(f.controller, QStringLiteral("dev")).spec.credential.accessKeyId,
             QStringLiteral("LTAIsaved"));
}

void TestCredentialsController::savedAccountsThatCannotSign_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("problem");
    QTest::newRow("a loop written by hand")
        << "a"
        << R"(saved account "a": the accounts signing for it go round in a loop (a → b → a))";
    QTest::newRow("its source is gone")
        << "orphan"
        << R"(saved account "orphan": "gone", which is to sign for its role, is )";
    QTest::newRow("no key in the keychain")
        << "lost"
        << R"(saved account "lost": the system keychain holds no AccessKey for it)";
    QTest::newRow("through one without a key")
        << "vialost"
        << R"(saved account "lost": the system keychain holds no AccessKey)";
    QTest::newRow("neither") << "nobody"
                             << R"(profile "nobody")";
}

void TestCredentialsController::savedAccountsThatCannotSign()
{
    QFETCH(QString, name);
    QFETCH(QString, problem);
    QVERIFY(writeFile(m_home->filePath(".aliyun/config.json"), cliConfig));
    Fixture f(Mode::Working, {}, m_home->path());
    // As an older browser or a hand edit may leave them: saveAccount() would refuse these.
    f.settings.setValue(Settings::Key::SavedAccounts,
                        dbs::savedAccountsToVariant({
                            roleAccount(QStringLiteral("a"), QStringLiteral("b")),
                            roleAccount(QStringLiteral("b"), QStringLiteral("a")),
                            roleAccount(QStringLiteral("orphan"), QStringLiteral("gone")),
                            keysAccount(QStringLiteral("lost")),
                            roleAccount(QStringLiteral("vialost"), QStringLiteral("lost")),
                        }));
    const SignInAnswer answer = signInOf(f.controller, name);
    QVERIFY(answer.answered);
    QVERIFY2(answer.error.contains(problem), qPrintable(answer.error));
    QVERIFY(!answer.spec.isUsable());
}

void TestCredentialsController::removingForgetsTheKeychainEntry()
{
    QVERIFY(writeFile(m_home->filePath(".aliyun/config.json"), cliConfig));
    Fixture f(Mode::Working, {}, m_home->path());
    QCOMPARE(f.controller->saveAccount(keysAccount(QStringLiteral("ops")),
                                       {"LTAIops", "ops-S3CR3T", {}, {}}, false),
             QString());
    QCOMPARE(f.controller->saveAccount(roleAccount(QStringLiteral("prod"), QStringLiteral("ops")),
                                       {}, false),
             QString());
    QTRY_VERIFY(!f.controller->isBusy());
    QVERIFY(f.store->entries.contains(QStringLiteral("account:ops")));
    f.store->entries.insert(CredentialsController::account(), {"LTAImine", "m-S3CR3T", {}, {}});
    QSignalSpy changed(f.controller, &CredentialsController::accountsChanged);

    // Still signing for another: refused, kept.
    const QString refused = f.controller->removeAccount(QStringLiteral("ops"));
    QVERIFY2(refused.contains(QLatin1String("signs for the role of \"prod\"")),
             qPrintable(refused));
    QCOMPARE(changed.size(), 0);

    QCOMPARE(f.controller->removeAccount(QStringLiteral("prod")), QString());
    bool forgotten = false;
    QCOMPARE(f.controller->removeAccount(QStringLiteral("ops"),
                                         [&](const QString &note) {
                                             QCOMPARE(note, QString());
                                             forgotten = true;
                                         }),
             QString());
    QCOMPARE(changed.size(), 2);
    QTRY_VERIFY(forgotten);
    QVERIFY(!f.store->entries.contains(QStringLiteral("account:ops")));
    QVERIFY(f.store->entries.contains(CredentialsController::account())); // the browser's own
    QCOMPARE(f.controller->accountNames(), QStringList{QStringLiteral("dev")});
    QVERIFY(!f.controller->removeAccount(QStringLiteral("ops")).isEmpty());
    // Gone from the keychain: a new account of that name does not find the old key.
    f.settings.setValue(Settings::Key::SavedAccounts,
                        dbs::savedAccountsToVariant({keysAccount(QStringLiteral("ops"))}));
    QVERIFY(!signInOf(f.controller, QStringLiteral("ops")).error.isEmpty());
}

void TestCredentialsController::savedKeysWithoutKeychain()
{
    Fixture f(Mode::Unavailable, {}, m_home->path());
    QString note;
    QCOMPARE(f.controller->saveAccount(keysAccount(QStringLiteral("ops")),
                                       {"LTAIops", "ops-S3CR3T", {}, {}}, false,
                                       [&](const QString &n) { note = n; }),
             QString());
    QTRY_VERIFY(!f.controller->isBusy());
    // Said, and usable for this session all the same.
    QVERIFY2(note.startsWith(QLatin1String("The AccessKey is kept for this session only")),
             qPrintable(note));
    QVERIFY2(note.contains(QLatin1String(FakeSecretStore::unavailableReason)), qPrintable(note));
    QVERIFY(!note.contains(QLatin1String(secretMark)));
    const SignInAnswer answer = signInOf(f.controller, QStringLiteral("ops"));
    QCOMPARE(answer.error, QString());
    QCOMPARE(answer.spec.credential.accessKeySecret, QStringLiteral("ops-S3CR3T"));
}

void TestCredentialsController::useProfileWithSavedAccounts()
{
    QVERIFY(writeFile(m_home->filePath(".aliyun/config.json"), cliConfig));
    Fixture f(Mode::Working, {}, m_home->path());
    QCOMPARE(f.controller->saveAccount(keysAccount(QStringLiteral("ops")),
                                       {"LTAIops", "ops-S3CR3T", {}, {}}, false),
             QString());
    QCOMPARE(f.controller->saveAccount(roleAccount(QStringLiteral("prod"), QStringLiteral("ops")),
                                       {}, false),
             QString());
    QTRY_VERIFY(!f.controller->isBusy());
    QSignalSpy keys(f.controller, &CredentialsController::credentialChanged);
    QSignalSpy signIn(f.controller, &CredentialsController::signInChanged);
    QSignalSpy failed(f.controller, &CredentialsController::accountSwitchFailed);

    // The key comes from the keychain: busy until it has.
    QCOMPARE(f.controller->useProfile(QStringLiteral("ops")), QString());
    QVERIFY(f.controller->isBusy());
    QTRY_COMPARE(keys.size(), 1);
    QVERIFY(!f.controller->isBusy());
    QCOMPARE(f.controller->credential().accessKeyId, QStringLiteral("LTAIops"));
    QCOMPARE(f.controller->statusText(), QStringLiteral("Credentials: saved account \"ops\""));

    QCOMPARE(f.controller->useProfile(QStringLiteral("prod")), QString());
    QTRY_COMPARE(signIn.size(), 1);
    QCOMPARE(f.controller->signIn().kind, SignInSpec::Kind::AssumeRole);
    QCOMPARE(f.controller->signIn().source->credential.accessKeyId, QStringLiteral("LTAIops"));
    QVERIFY2(f.controller->statusText().contains(QLatin1String("saved account \"prod\"")),
             qPrintable(f.controller->statusText()));

    // The keychain has lost the key: said afterwards, and the role goes on signing.
    f.store->entries.remove(QStringLiteral("account:ops"));
    QCOMPARE(f.controller->useProfile(QStringLiteral("ops")), QString());
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("ops"));
    QVERIFY(failed.at(0).at(1).toString().contains(QLatin1String("holds no AccessKey")));
    QVERIFY(!f.controller->isBusy());
    QCOMPARE(f.controller->signIn().kind, SignInSpec::Kind::AssumeRole);
    QCOMPARE(keys.size(), 1);

    // A later pick wins over a keychain answer still coming for an earlier one.
    QCOMPARE(f.controller->saveAccount(keysAccount(QStringLiteral("ops")),
                                       {"LTAIops2", "ops2-S3CR3T", {}, {}}, true),
             QString());
    QTRY_VERIFY(!f.controller->isBusy());
    QCOMPARE(f.controller->useProfile(QStringLiteral("ops")), QString());
    QCOMPARE(f.controller->useProfile(QStringLiteral("dev")), QString());
    QTRY_VERIFY(!f.controller->isBusy());
    QCOMPARE(f.controller->credential().accessKeyId, QStringLiteral("LTAIdev"));
}

int main(int argc, char **argv)
{
    // A private HOME and XDG folders before anything reads them, so the scan for leaked
    // secrets covers every settings and data folder this process can write to.
    QTemporaryDir root;
    if (!root.isValid())
        return 1;
    for (const char *sub : {"home", "config", "data", "cache", "runtime"})
        QDir(root.path()).mkpath(QLatin1String(sub));
    qputenv("HOME", QFile::encodeName(root.filePath("home")));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(root.filePath("config")));
    qputenv("XDG_DATA_HOME", QFile::encodeName(root.filePath("data")));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(root.filePath("cache")));
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(root.filePath("runtime")));
    QFile::setPermissions(root.filePath("runtime"),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("dbs-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_credentialscontroller"));
    TestCredentialsController test(root.path());
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentialscontroller.moc"
