// CredentialVault over the real Secret Service (gnome-keyring in a private D-Bus session, set up
// by with-keyring.sh), and the proof that no secret reaches a file in plain text: not the
// settings, not anything else under the temporary HOME and XDG folders, not the keyring file,
// which gnome-keyring encrypts.

#include "awaitanswer.h"

#include <keychain/credentialblob.h>
#include <keychain/credentialvault.h>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using dbs::Credential;
using dbs::CredentialVault;
using dbs::VaultResult;
using Status = dbs::SecretResult::Status;

namespace {

// The ways a secret could be written out by mistake.
QList<QByteArray> encodings(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char *>(text.utf16()),
                           text.size() * qsizetype(sizeof(char16_t)));
    return {utf8, utf16, utf8.toBase64(), utf8.toHex(), utf8.toPercentEncoding()};
}

} // namespace

class TestKeychainVault final : public QObject
{
    Q_OBJECT

private:
    using AnswerPtr = std::shared_ptr<fixture::Answer<VaultResult>>;

    static AnswerPtr save(CredentialVault &vault, const QString &account, const Credential &c)
    {
        return fixture::awaitAnswer<VaultResult>(
            [&](auto done) { vault.save(account, c, std::move(done)); });
    }
    static AnswerPtr load(CredentialVault &vault, const QString &account)
    {
        return fixture::awaitAnswer<VaultResult>(
            [&](auto done) { vault.load(account, std::move(done)); });
    }
    static AnswerPtr forget(CredentialVault &vault, const QString &account)
    {
        return fixture::awaitAnswer<VaultResult>(
            [&](auto done) { vault.forget(account, std::move(done)); });
    }

    QString m_root; // with-keyring.sh's temporary folder: HOME and the XDG folders are in it

private slots:
    void initTestCase()
    {
        m_root = qEnvironmentVariable("DBS_KEYRING_TEST_ROOT");
        // Fail, not skip: without the private keyring nothing here would be proven.
        QVERIFY2(!m_root.isEmpty(),
                 "run this test through tests/support/with-keyring.sh (ctest does)");
        QVERIFY(QDir::homePath().startsWith(m_root));
        QVERIFY(qEnvironmentVariable("XDG_DATA_HOME").startsWith(m_root));
        QCoreApplication::setOrganizationName(QStringLiteral("dbs-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_keychainvault"));
        QStandardPaths::setTestModeEnabled(true);
    }

    void usesTheKeychain()
    {
        CredentialVault vault;
        QSignalSpy changed(&vault, &CredentialVault::sessionOnlyChanged);
        Credential credential;
        credential.accessKeyId = QStringLiteral("LTAI5tVault");
        credential.accessKeySecret = QStringLiteral("vault-secret");

        const auto saved = save(vault, QStringLiteral("vault"), credential);
        QVERIFY(saved->result);
        QCOMPARE(saved->result->status, Status::Ok);
        QVERIFY2(!saved->result->sessionOnly, qPrintable(vault.sessionOnlyReason()));
        QVERIFY(!vault.isSessionOnly());
        QVERIFY(vault.sessionOnlyReason().isEmpty());
        QCOMPARE(changed.count(), 0);

        // A new vault, as after a restart, reads it back from the keychain.
        CredentialVault restarted;
        const auto loaded = load(restarted, QStringLiteral("vault"));
        QVERIFY(loaded->result);
        QCOMPARE(loaded->result->status, Status::Ok);
        QVERIFY(!loaded->result->sessionOnly);
        QCOMPARE(loaded->result->credential.accessKeySecret, credential.accessKeySecret);

        QCOMPARE(forget(restarted, QStringLiteral("vault"))->result->status, Status::Ok);
        const auto gone = load(restarted, QStringLiteral("vault"));
        QCOMPARE(gone->result->status, Status::NotFound);
        QVERIFY(!gone->result->sessionOnly);
    }

    void noSecretInAnyFile()
    {
        const QString tag = QUuid::createUuid().toString(QUuid::WithoutBraces);
        Credential credential;
        credential.accessKeyId = QStringLiteral("LTAI5tLeakCheck");
        credential.accessKeySecret = QStringLiteral("LeakCheckSecret-%1-密钥").arg(tag);
        credential.securityToken = QStringLiteral("LeakCheckToken-%1-令牌").arg(tag);
        const QString account = QStringLiteral("leak-check");

        const QString keyringPath =
            qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/keyrings/login.keyring");
        const QByteArray keyringBefore = [&] {
            QFile file(keyringPath);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }();

        // What the application does: remember the account name in its settings, the
        // credential in the vault.
        QSettings settings;
        settings.setValue(QStringLiteral("credentials/account"), account);
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
        QVERIFY2(QFileInfo(settings.fileName()).absoluteFilePath().startsWith(m_root),
                 qPrintable(settings.fileName()));

        CredentialVault vault;
        const auto saved = save(vault, account, credential);
        QVERIFY(saved->result);
        QCOMPARE(saved->result->status, Status::Ok);
        QVERIFY2(!saved->result->sessionOnly, qPrintable(vault.sessionOnlyReason()));
        const auto loaded = load(vault, account);
        QCOMPARE(loaded->result->credential.securityToken, credential.securityToken);

        // The keyring file really holds the new entry (it changed and grew), encrypted.
        QFile keyring(keyringPath);
        QVERIFY2(keyring.open(QIODevice::ReadOnly), qPrintable(keyringPath));
        const QByteArray keyringAfter = keyring.readAll();
        QVERIFY(keyringAfter.startsWith(QByteArrayLiteral("GnomeKeyring\n\r\0\n")));
        QVERIFY(keyringAfter != keyringBefore);
        QVERIFY(keyringAfter.size() > keyringBefore.size());

        QList<QByteArray> needles =
            encodings(credential.accessKeySecret) + encodings(credential.securityToken);
        needles.append(dbs::encodeCredential(credential).toBase64());
        needles.append(tag.toUtf8()); // any part of either, in any form

        for (const QByteArray &needle : std::as_const(needles))
            QVERIFY2(!keyringAfter.contains(needle), "secret in the keyring file in plain text");

        // Every file under the temporary HOME and XDG folders (the settings are in there too,
        // as checked above), and the settings folder by name in case that ever changes.
        QStringList roots{m_root,
                          QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation),
                          QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                          QFileInfo(settings.fileName()).absolutePath()};
        int filesSearched = 0;
        bool sawSettings = false;
        bool sawKeyring = false;
        for (const QString &root : std::as_const(roots)) {
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                const QFileInfo info(path);
                if (!info.isFile() || info.isSymLink())
                    continue; // sockets in the runtime folder
                QFile file(path);
                QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
                const QByteArray content = file.readAll();
                ++filesSearched;
                sawSettings = sawSettings || info.absoluteFilePath() ==
                                                 QFileInfo(settings.fileName()).absoluteFilePath();
                sawKeyring = sawKeyring ||
                             info.absoluteFilePath() == QFileInfo(keyringPath).absoluteFilePath();
                for (const QByteArray &needle : std::as_const(needles))
                    QVERIFY2(!content.contains(needle),
                             qPrintable(QStringLiteral("secret found in %1").arg(path)));
            }
        }
        QVERIFY(sawSettings);
        QVERIFY(sawKeyring);
        QVERIFY(filesSearched >= 3);
        qInfo("searched %d files", filesSearched);

        // And the settings hold nothing but the account name.
        for (const QString &key : settings.allKeys())
            QVERIFY(!settings.value(key).toString().contains(tag));

        QCOMPARE(forget(vault, account)->result->status, Status::Ok);
    }
};

QTEST_GUILESS_MAIN(TestKeychainVault)
#include "tst_keychainvault.moc"
