// The failure path with no D-Bus session at all (as over ssh or in a bare container): the real
// KeychainSecretStore must report Unavailable quickly, not hang, and the vault must fall back to
// keeping credentials for this session only, with a reason for the status bar.

#include "awaitanswer.h"
#include "simfixture.h"

#include <keychain/credentialvault.h>
#include <keychain/keychainsecretstore.h>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using dbs::Credential;
using dbs::CredentialVault;
using dbs::KeychainSecretStore;
using dbs::SecretResult;
using dbs::VaultResult;
using Status = dbs::SecretResult::Status;

namespace {
constexpr int quickMs = 3000; // "quickly": far below the 10 s guard, so no timeout did it
const QString secretMark = QStringLiteral("NoBusS3cr3t");

Credential makeCredential()
{
    return fixture::makeCredential(QStringLiteral("LTAI5tNoBus"), secretMark,
                                   QStringLiteral("NoBusT0k3n"));
}
} // namespace

class TestKeychainNoBus final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_runtimeDir;

private slots:
    void initTestCase()
    {
        // No session bus address, no X11 to autolaunch one, and an empty runtime folder so
        // there is no $XDG_RUNTIME_DIR/bus either. ctest sets the same; this makes a manual
        // run equivalent.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
        QVERIFY(m_runtimeDir.isValid());
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtimeDir.path()));
    }

    void storeIsUnavailableQuickly_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::newRow("write") << "write";
        QTest::newRow("read") << "read";
        QTest::newRow("remove") << "remove";
    }

    void storeIsUnavailableQuickly()
    {
        QFETCH(QString, operation);
        KeychainSecretStore store;
        QCOMPARE(store.timeout(), KeychainSecretStore::defaultTimeout);

        QElapsedTimer timer;
        timer.start();
        const auto answer = fixture::awaitAnswer<SecretResult>(
            [&](auto done) {
                if (operation == u"write")
                    store.write(QStringLiteral("default"), makeCredential(), std::move(done));
                else if (operation == u"read")
                    store.read(QStringLiteral("default"), std::move(done));
                else
                    store.remove(QStringLiteral("default"), std::move(done));
            },
            std::chrono::seconds(15));
        const qint64 elapsed = timer.elapsed();

        QVERIFY2(answer->result, "no answer at all");
        QCOMPARE(answer->result->status, Status::Unavailable);
        QVERIFY2(elapsed < quickMs, qPrintable(QString::number(elapsed)));
        QVERIFY(!answer->beforeReturn);
        QCOMPARE(answer->calls, 1);
        QVERIFY(!answer->result->message.isEmpty());
        QVERIFY(!answer->result->message.contains(secretMark));
        qInfo("%s: %s after %lld ms", qPrintable(operation), qPrintable(answer->result->message),
              elapsed);
    }

    void vaultFallsBackToSessionOnly()
    {
        CredentialVault vault;
        QSignalSpy changed(&vault, &CredentialVault::sessionOnlyChanged);
        QVERIFY(!vault.isSessionOnly());

        QElapsedTimer timer;
        timer.start();
        const auto saved = fixture::awaitAnswer<VaultResult>(
            [&](auto done) { vault.save(QStringLiteral("default"), makeCredential(), done); });
        QVERIFY(saved->result);
        QVERIFY(timer.elapsed() < quickMs);
        QCOMPARE(saved->result->status, Status::Ok);
        QVERIFY(saved->result->sessionOnly);

        QVERIFY(vault.isSessionOnly());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toBool(), true);
        QVERIFY(!vault.sessionOnlyReason().isEmpty());
        QVERIFY(!vault.sessionOnlyReason().contains(secretMark));
        QVERIFY(vault.statusText().contains(vault.sessionOnlyReason()));
        qInfo("status bar: %s", qPrintable(vault.statusText()));

        // Kept in memory for this session: found again, without asking the keychain.
        const auto loaded = fixture::awaitAnswer<VaultResult>(
            [&](auto done) { vault.load(QStringLiteral("default"), done); });
        QVERIFY(loaded->result);
        QCOMPARE(loaded->result->status, Status::Ok);
        QVERIFY(loaded->result->sessionOnly);
        QCOMPARE(loaded->result->credential.accessKeySecret, secretMark);
        QCOMPARE(changed.count(), 1);
    }

    void vaultLoadFallsBackToo()
    {
        CredentialVault vault;
        const auto loaded = fixture::awaitAnswer<VaultResult>(
            [&](auto done) { vault.load(QStringLiteral("default"), done); });
        QVERIFY(loaded->result);
        // Nothing kept yet: ask the user, and the vault already says it is session-only.
        QCOMPARE(loaded->result->status, Status::NotFound);
        QVERIFY(loaded->result->sessionOnly);
        QVERIFY(vault.isSessionOnly());
        QVERIFY(!vault.sessionOnlyReason().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKeychainNoBus)
#include "tst_keychainnobus.moc"
