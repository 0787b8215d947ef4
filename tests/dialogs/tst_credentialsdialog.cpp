#include "environment.h"
#include <ui/dialogs/credentialsdialog.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using dbs::CredentialsDialog;

namespace {
using fixture::writeFile;

// dev (AK), sts (StsToken, current), role (RamRoleArn: not usable here).
const QByteArray cliConfig = R"({"current":"sts","profiles":[
  {"name":"dev","mode":"AK","access_key_id":"LTAIdev","access_key_secret":"dev-S3CR3T",
   "region_id":"cn-hangzhou"},
  {"name":"sts","mode":"StsToken","access_key_id":"STS.id","access_key_secret":"sts-S3CR3T",
   "sts_token":"sts-T0K3N","region_id":"cn-shanghai"},
  {"name":"role","mode":"RamRoleArn","access_key_id":"LTAIrole","access_key_secret":"r-S3CR3T",
   "ram_role_arn":"acs:ram::1:role/x","region_id":"cn-beijing"}]})";

template <typename T> T *child(QWidget &parent, const char *name)
{
    return parent.findChild<T *>(QLatin1String(name));
}
} // namespace

class TestCredentialsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void fieldsAndSecrecy();
    void saveNeedsIdAndSecret();
    void importFromEnvironment_data();
    void importFromEnvironment();
    void cliProfilesListed();
    void importFromCliProfile();
    void noCliConfig();
    void brokenCliConfig();
    void editingAfterImportMakesItTyped();
    void keychainNote();

private:
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestCredentialsDialog::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void TestCredentialsDialog::fieldsAndSecrecy()
{
    CredentialsDialog dialog;
    dialog.setHomeDir(m_home->path());
    QCOMPARE(dialog.objectName(), QStringLiteral("credentialsDialog"));
    QCOMPARE(child<QLineEdit>(dialog, "accessKeyIdEdit")->echoMode(), QLineEdit::Normal);
    QCOMPARE(child<QLineEdit>(dialog, "accessKeySecretEdit")->echoMode(), QLineEdit::Password);
    QCOMPARE(child<QLineEdit>(dialog, "securityTokenEdit")->echoMode(), QLineEdit::Password);
    QVERIFY(child<QCheckBox>(dialog, "rememberCheck")->isChecked()); // on by default
    QVERIFY(child<QPushButton>(dialog, "importEnvironmentButton"));
    QVERIFY(child<QComboBox>(dialog, "cliProfileCombo"));
    QVERIFY(child<QPushButton>(dialog, "importCliProfileButton"));
}

void TestCredentialsDialog::saveNeedsIdAndSecret()
{
    CredentialsDialog dialog;
    dialog.setHomeDir(m_home->path());
    auto *save = child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Save);
    QVERIFY(!save->isEnabled());
    QTest::keyClicks(child<QLineEdit>(dialog, "accessKeyIdEdit"), QStringLiteral("LTAIkey"));
    QVERIFY(!save->isEnabled());
    QTest::keyClicks(child<QLineEdit>(dialog, "accessKeySecretEdit"), QStringLiteral("   "));
    QVERIFY(!save->isEnabled()); // blanks are not a secret
    QTest::keyClicks(child<QLineEdit>(dialog, "accessKeySecretEdit"), QStringLiteral("s3cr3t "));
    QVERIFY(save->isEnabled());

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.open();
    save->click();
    QCOMPARE(accepted.size(), 1);
    const dbs::Credential credential = dialog.credential();
    QCOMPARE(credential.accessKeyId, QStringLiteral("LTAIkey"));
    QCOMPARE(credential.accessKeySecret, QStringLiteral("s3cr3t")); // pasted blanks trimmed
    QCOMPARE(credential.securityToken, QString());
    QCOMPARE(credential.source, QStringLiteral("entered in the credentials dialog"));
}

void TestCredentialsDialog::importFromEnvironment_data()
{
    QTest::addColumn<QStringList>("vars");
    QTest::addColumn<QString>("id"); // empty: nothing imported
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("message"); // part of the message shown

    QTest::newRow("key pair") << QStringList{"ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIenv",
                                             "ALIBABA_CLOUD_ACCESS_KEY_SECRET=env-S3CR3T"}
                              << "LTAIenv"
                              << ""
                              << "environment";
    QTest::newRow("sts") << QStringList{"ALIBABA_CLOUD_ACCESS_KEY_ID=STS.env",
                                        "ALIBABA_CLOUD_ACCESS_KEY_SECRET=env-S3CR3T",
                                        "ALIBABA_CLOUD_SECURITY_TOKEN=env-T0K3N"}
                         << "STS.env"
                         << "env-T0K3N"
                         << "environment";
    QTest::newRow("nothing set") << QStringList{} << ""
                                 << ""
                                 << "ALIBABA_CLOUD_ACCESS_KEY_ID";
    QTest::newRow("secret missing") << QStringList{"ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIenv"} << ""
                                    << ""
                                    << "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
}

void TestCredentialsDialog::importFromEnvironment()
{
    QFETCH(QStringList, vars);
    QFETCH(QString, id);
    QFETCH(QString, token);
    QFETCH(QString, message);

    CredentialsDialog dialog;
    dialog.setHomeDir(m_home->path());
    dialog.setEnvironment(fixture::environment(vars));
    child<QLineEdit>(dialog, "accessKeyIdEdit")->setText(QStringLiteral("before"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QPushButton>(dialog, "importEnvironmentButton")->click();

    QVERIFY2(dialog.importMessage().contains(message), qPrintable(dialog.importMessage()));
    // The message is shown whole, however many lines it wraps to.
    auto *label = child<QLabel>(dialog, "importMessageLabel");
    QTRY_VERIFY(label->isVisible());
    QTRY_VERIFY2(label->height() >= label->heightForWidth(label->width()),
                 qPrintable(QStringLiteral("%1 px shown of %2")
                                .arg(label->height())
                                .arg(label->heightForWidth(label->width()))));
    QVERIFY(dialog.rect().contains(label->mapTo(&dialog, label->rect().bottomRight())));
    QVERIFY(!dialog.importMessage().contains(QLatin1String("S3CR3T")));
    if (id.isEmpty()) {
        // A failed import leaves what the user had.
        QCOMPARE(child<QLineEdit>(dialog, "accessKeyIdEdit")->text(), QStringLiteral("before"));
        return;
    }
    QCOMPARE(child<QLineEdit>(dialog, "accessKeyIdEdit")->text(), id);
    QCOMPARE(child<QLineEdit>(dialog, "accessKeySecretEdit")->text(), QStringLiteral("env-S3CR3T"));
    QCOMPARE(child<QLineEdit>(dialog, "securityTokenEdit")->text(), token);
    QCOMPARE(dialog.credential().source, QStringLiteral("environment"));
}

void TestCredentialsDialog::cliProfilesListed()
{
    QVERIFY(writeFile(m_home->filePath(".aliyun/config.json"), cliConfig));
    CredentialsDialog dialog;
    dialog.setHomeDir(m_home->path());
    auto *combo = child<QComboBox>(dialog, "cliProfileCombo");
    QVERIFY(combo->isEnabled());
    QCOMPARE(combo->count(), 3);
    QVERIFY(combo->itemText(0).startsWith(QLatin1String("dev")));
    QVERIFY(combo->itemText(1).contains(QLatin1String("[current]")));
    // The current profile is preselected.
    QCOMPARE(combo->currentIndex(), 1);

    // The role profile is listed, disabled, with the reason shown.
    auto *items = qobject_cast<QStandardItemModel *>(combo->model());
    QVERIFY(items);
    QVERIFY(items->item(0)->isEnabled());
    QVERIFY(items->item(1)->isEnabled());
    QVERIFY(!items->item(2)->isEnabled());
    QVERIFY2(combo->itemText(2).contains(QLatin1String("RamRoleArn")),
             qPrintable(combo->itemText(2)));
    QVERIFY(!combo->itemData(2, Qt::ToolTipRole).toString().isEmpty());
    // No key material in what the picker shows.
    for (int i = 0; i < combo->count(); ++i)
        QVERIFY(!combo->itemText(i).contains(QLatin1String("S3CR3T")));
}

void TestCredentialsDialog::importFromCliProfile()
{
    QVERIFY(writeFile(m_home->filePath(".aliyun/config.json"), cliConfig));
    CredentialsDialog dialog;
    // ALIBABA_CLOUD_PROFILE must not override the profile the user picked.
    dialog.setEnvironment(fixture::environment({"ALIBABA_CLOUD_PROFILE=sts"}));
    dialog.setHomeDir(m_home->path());
    auto *combo = child<QComboBox>(dialog, "cliProfileCombo");
    combo->setCurrentIndex(0); // dev
    child<QPushButton>(dialog, "importCliProfileButton")->click();
    QCOMPARE(child<QLineEdit>(dialog, "accessKeyIdEdit")->text(), QStringLiteral("LTAIdev"));
    QCOMPARE(child<QLineEdit>(dialog, "accessKeySecretEdit")->text(), QStringLiteral("dev-S3CR3T"));
    QCOMPARE(child<QLineEdit>(dialog, "securityTokenEdit")->text(), QString());
    QCOMPARE(dialog.credential().source, QStringLiteral("aliyun CLI profile \"dev\""));
    QVERIFY(dialog.importMessage().contains(QLatin1String("dev")));

    combo->setCurrentIndex(1); // sts
    child<QPushButton>(dialog, "importCliProfileButton")->click();
    QCOMPARE(child<QLineEdit>(dialog, "accessKeyIdEdit")->text(), QStringLiteral("STS.id"));
    QCOMPARE(child<QLineEdit>(dialog, "securityTokenEdit")->text(), QStringLiteral("sts-T0K3N"));

    // The unusable one cannot be imported.
    combo->setCurrentIndex(2);
    QVERIFY(!child<QPushButton>(dialog, "importCliProfileButton")->isEnabled());
}

void TestCredentialsDialog::noCliConfig()
{
    CredentialsDialog dialog;
    dialog.setHomeDir(m_home->path());
    auto *combo = child<QComboBox>(dialog, "cliProfileCombo");
    QVERIFY(!combo->isEnabled());
    QVERIFY2(combo->currentText().contains(QLatin1String("config.json")),
             qPrintable(combo->currentText()));
    QVERIFY(!child<QPushButton>(dialog, "importCliProfileButton")->isEnabled());
}

void TestCredentialsDialog::brokenCliConfig()
{
    QVERIFY(writeFile(m_home->filePath(".aliyun/config.json"), "{ not json \"x-S3CR3T\""));
    CredentialsDialog dialog;
    dialog.setHomeDir(m_home->path());
    auto *combo = child<QComboBox>(dialog, "cliProfileCombo");
    QVERIFY(!combo->isEnabled());
    QVERIFY2(combo->currentText().contains(QLatin1String("JSON")),
             qPrintable(combo->currentText()));
    QVERIFY(!combo->currentText().contains(QLatin1String("S3CR3T")));
}

void TestCredentialsDialog::editingAfterImportMakesItTyped()
{
    CredentialsDialog dialog;
    dialog.setHomeDir(m_home->path());
    dialog.setEnvironment(fixture::environment(
        {"ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIenv", "ALIBABA_CLOUD_ACCESS_KEY_SECRET=env-S3CR3T"}));
    child<QPushButton>(dialog, "importEnvironmentButton")->click();
    QCOMPARE(dialog.credential().source, QStringLiteral("environment"));
    QTest::keyClicks(child<QLineEdit>(dialog, "accessKeySecretEdit"), QStringLiteral("x"));
    QCOMPARE(dialog.credential().source, QStringLiteral("entered in the credentials dialog"));
}

void TestCredentialsDialog::keychainNote()
{
    CredentialsDialog dialog;
    dialog.setHomeDir(m_home->path());
    dialog.show();
    auto *note = child<QLabel>(dialog, "keychainNoteLabel");
    QVERIFY(!note->isVisible());
    dialog.setKeychainNote(QStringLiteral("no keyring"));
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(), QStringLiteral("no keyring"));
    dialog.setRemember(false);
    QVERIFY(!dialog.remember());
}

QTEST_MAIN(TestCredentialsDialog)
#include "tst_credentialsdialog.moc"
