// KeychainSecretStore's timeout guard, end to end through QtKeychain and libsecret: this test
// itself owns org.freedesktop.secrets on a private session bus (ctest runs it under
// dbus-run-session) and takes every call without ever answering, the nearest headless stand-in
// for a locked keyring whose unlock prompt nobody answers.

#include "awaitanswer.h"
#include "simfixture.h"

#include <keychain/credentialvault.h>
#include <keychain/keychainsecretstore.h>

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QElapsedTimer>
#include <QTest>

using dbs::Credential;
using dbs::CredentialVault;
using dbs::KeychainSecretStore;
using dbs::SecretResult;
using dbs::VaultResult;
using Status = dbs::SecretResult::Status;

namespace {

// Swallows every message sent to any path: no reply, no error.
class SilentSecretService final : public QDBusVirtualObject
{
public:
    bool handleMessage(const QDBusMessage &, const QDBusConnection &) override
    {
        ++calls;
        return true; // "handled": QtDBus sends nothing back
    }
    QString introspect(const QString &) const override { return {}; }

    int calls = 0;
};

Credential makeCredential()
{
    return fixture::makeCredential(QStringLiteral("LTAI5tTimeout"),
                                   QStringLiteral("TimeoutS3cr3t"));
}

} // namespace

class TestKeychainTimeout final : public QObject
{
    Q_OBJECT

private:
    SilentSecretService m_service;

private slots:
    void initTestCase()
    {
        // Fail, not skip: without a private bus this would prove nothing (or hit a real one).
        QVERIFY2(qEnvironmentVariableIsSet("DBS_PRIVATE_BUS"),
                 "run this test under dbus-run-session with DBS_PRIVATE_BUS=1 (ctest does)");
        QDBusConnection bus = QDBusConnection::sessionBus();
        QVERIFY2(bus.isConnected(), qPrintable(bus.lastError().message()));
        QVERIFY(
            bus.registerVirtualObject(QStringLiteral("/"), &m_service, QDBusConnection::SubPath));
        // Owning the name first also keeps D-Bus activation from starting a real keyring.
        QVERIFY2(bus.registerService(QStringLiteral("org.freedesktop.secrets")),
                 qPrintable(bus.lastError().message()));
    }

    void silentServiceTimesOut()
    {
        KeychainSecretStore store;
        store.setTimeout(std::chrono::milliseconds(500));

        QElapsedTimer timer;
        timer.start();
        const auto answer = fixture::awaitAnswer<SecretResult>(
            [&](auto done) { store.write(QStringLiteral("default"), makeCredential(), done); },
            std::chrono::seconds(20));
        const qint64 elapsed = timer.elapsed();

        QVERIFY2(answer->result, "no answer: the guard did not fire");
        QCOMPARE(answer->result->status, Status::Unavailable);
        QVERIFY2(elapsed >= 450 && elapsed < 3000, qPrintable(QString::number(elapsed)));
        QVERIFY(answer->result->message.contains(QStringLiteral("did not answer")));
        QVERIFY(!answer->result->message.contains(QStringLiteral("TimeoutS3cr3t")));
        QVERIFY2(m_service.calls > 0, "libsecret never reached the silent service");
        QCOMPARE(answer->calls, 1);
        qInfo("%s (%d D-Bus calls swallowed)", qPrintable(answer->result->message),
              m_service.calls);
    }

    // QtKeychain runs one job at a time: behind a hung job every later one waits too. Each
    // must still be answered by its own guard.
    void laterCallsAreGuardedToo()
    {
        KeychainSecretStore store;
        store.setTimeout(std::chrono::milliseconds(300));
        const auto answer = fixture::awaitAnswer<SecretResult>(
            [&](auto done) { store.read(QStringLiteral("default"), done); });
        QVERIFY(answer->result);
        QCOMPARE(answer->result->status, Status::Unavailable);
    }

    void vaultFallsBack()
    {
        auto *store = new KeychainSecretStore; // owned by the vault
        store->setTimeout(std::chrono::milliseconds(300));
        CredentialVault vault(store);
        const auto saved = fixture::awaitAnswer<VaultResult>(
            [&](auto done) { vault.save(QStringLiteral("default"), makeCredential(), done); });
        QVERIFY(saved->result);
        QCOMPARE(saved->result->status, Status::Ok);
        QVERIFY(saved->result->sessionOnly);
        QVERIFY(vault.isSessionOnly());
        QVERIFY(vault.sessionOnlyReason().contains(QStringLiteral("did not answer")));
    }
};

QTEST_GUILESS_MAIN(TestKeychainTimeout)
#include "tst_keychaintimeout.moc"
