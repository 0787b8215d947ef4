// CredentialVault's decisions, over a fake persistent store (see fakesecretstore.h). The real
// keychain is covered by tst_keychainvault, no D-Bus at all by tst_keychainnobus.

#include "awaitanswer.h"
#include "fakesecretstore.h"

#include <keychain/credentialvault.h>

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using dbs::Credential;
using dbs::CredentialVault;
using dbs::VaultResult;
using fixture::FakeSecretStore;
using Mode = fixture::FakeSecretStore::Mode;
using Status = dbs::SecretResult::Status;

namespace {

const QString secretMark = QStringLiteral("VaultS3cr3t");

Credential makeCredential(const QString &id = QStringLiteral("LTAI5tVault"))
{
    Credential credential;
    credential.accessKeyId = id;
    credential.accessKeySecret = secretMark;
    credential.securityToken = QStringLiteral("VaultT0k3n");
    return credential;
}

using AnswerPtr = std::shared_ptr<fixture::Answer<VaultResult>>;

AnswerPtr load(CredentialVault &vault, const QString &account = QStringLiteral("default"))
{
    return fixture::awaitAnswer<VaultResult>(
        [&](auto done) { vault.load(account, std::move(done)); });
}

AnswerPtr save(CredentialVault &vault, const Credential &credential = makeCredential(),
               const QString &account = QStringLiteral("default"))
{
    return fixture::awaitAnswer<VaultResult>(
        [&](auto done) { vault.save(account, credential, std::move(done)); });
}

AnswerPtr forget(CredentialVault &vault, const QString &account = QStringLiteral("default"))
{
    return fixture::awaitAnswer<VaultResult>(
        [&](auto done) { vault.forget(account, std::move(done)); });
}

} // namespace

class TestCredentialVault final : public QObject
{
    Q_OBJECT

private slots:
    void workingKeychain()
    {
        auto *store = new FakeSecretStore(Mode::Working); // owned by the vault
        CredentialVault vault(store);
        QCOMPARE(store->parent(), &vault);
        QSignalSpy changed(&vault, &CredentialVault::sessionOnlyChanged);

        const auto missing = load(vault);
        QVERIFY(missing->result);
        QCOMPARE(missing->result->status, Status::NotFound); // ask the user
        QVERIFY(!missing->result->sessionOnly);
        QVERIFY(!missing->beforeReturn);

        const auto saved = save(vault);
        QCOMPARE(saved->result->status, Status::Ok);
        QVERIFY(!saved->result->sessionOnly);
        QVERIFY(!saved->beforeReturn);
        QCOMPARE(store->entries.value("default").accessKeySecret, secretMark);

        const auto loaded = load(vault);
        QCOMPARE(loaded->result->status, Status::Ok);
        QVERIFY(!loaded->result->sessionOnly);
        QCOMPARE(loaded->result->credential.accessKeyId, QStringLiteral("LTAI5tVault"));
        QCOMPARE(loaded->result->credential.securityToken, QStringLiteral("VaultT0k3n"));

        QCOMPARE(forget(vault)->result->status, Status::Ok);
        QVERIFY(store->entries.isEmpty());
        QCOMPARE(load(vault)->result->status, Status::NotFound);

        QVERIFY(!vault.isSessionOnly());
        QVERIFY(vault.sessionOnlyReason().isEmpty());
        QVERIFY(!vault.statusText().isEmpty());
        QCOMPARE(changed.count(), 0);
    }

    void unavailableFallsBackToSession()
    {
        auto *store = new FakeSecretStore(Mode::Unavailable); // owned by the vault
        CredentialVault vault(store);
        QSignalSpy changed(&vault, &CredentialVault::sessionOnlyChanged);

        const auto saved = save(vault);
        QCOMPARE(saved->result->status, Status::Ok);
        QVERIFY(saved->result->sessionOnly);
        QVERIFY(vault.isSessionOnly());
        QCOMPARE(vault.sessionOnlyReason(), store->failure);
        QVERIFY(vault.statusText().contains(store->failure));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toBool(), true);

        // Session-only from now on: the keychain is not asked again.
        const int callsBefore = store->calls();
        const auto loaded = load(vault);
        QCOMPARE(loaded->result->status, Status::Ok);
        QVERIFY(loaded->result->sessionOnly);
        QCOMPARE(loaded->result->credential.accessKeySecret, secretMark);
        QCOMPARE(load(vault, QStringLiteral("other"))->result->status, Status::NotFound);
        QCOMPARE(store->calls(), callsBefore);

        QCOMPARE(forget(vault)->result->status, Status::Ok);
        QCOMPARE(load(vault)->result->status, Status::NotFound);
        QCOMPARE(changed.count(), 1);
    }

    void loadUnavailableFallsBack()
    {
        CredentialVault vault(new FakeSecretStore(Mode::Unavailable)); // owned by the vault
        const auto loaded = load(vault);
        QCOMPARE(loaded->result->status, Status::NotFound);
        QVERIFY(loaded->result->sessionOnly);
        QVERIFY(vault.isSessionOnly());
    }

    // The fake never answers: it stands for a locked keyring whose unlock prompt nobody
    // answers, which cannot be produced headless. The vault must not wait forever.
    void silentKeychainTimesOut()
    {
        auto *store = new FakeSecretStore(Mode::Silent); // owned by the vault
        CredentialVault vault(store);
        vault.setTimeout(std::chrono::milliseconds(300));
        QSignalSpy changed(&vault, &CredentialVault::sessionOnlyChanged);

        QElapsedTimer timer;
        timer.start();
        const auto saved = save(vault);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(saved->result, "the vault waited for a keychain that never answers");
        QVERIFY(elapsed >= 250);
        QVERIFY2(elapsed < 3000, qPrintable(QString::number(elapsed)));
        QCOMPARE(saved->result->status, Status::Ok);
        QVERIFY(saved->result->sessionOnly);
        QVERIFY(vault.isSessionOnly());
        QVERIFY(vault.sessionOnlyReason().contains(QStringLiteral("did not answer")));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(store->pending.size(), 1);

        // Later calls do not wait again.
        timer.restart();
        const auto loaded = load(vault);
        QVERIFY(timer.elapsed() < 250);
        QCOMPARE(loaded->result->credential.accessKeySecret, secretMark);
        QCOMPARE(store->pending.size(), 1);

        // A late answer from the keyring is ignored: no second callback, no change of mind.
        const auto late = store->pending.takeFirst();
        late(dbs::SecretResult::makeOk());
        QTest::qWait(50);
        QCOMPARE(saved->calls, 1);
        QVERIFY(vault.isSessionOnly());
    }

    void silentLoadTimesOut()
    {
        auto *store = new FakeSecretStore(Mode::Silent); // owned by the vault
        CredentialVault vault(store);
        vault.setTimeout(std::chrono::milliseconds(200));
        const auto loaded = load(vault);
        QVERIFY(loaded->result);
        QCOMPARE(loaded->result->status, Status::NotFound);
        QVERIFY(loaded->result->sessionOnly);
        QCOMPARE(loaded->calls, 1);

        // The late answer carries a credential; it must not surface.
        store->pending.takeFirst()(dbs::SecretResult::makeOk(makeCredential()));
        QTest::qWait(50);
        QCOMPARE(loaded->calls, 1);
    }

    void retryKeychain()
    {
        auto *store = new FakeSecretStore(Mode::Unavailable); // owned by the vault
        CredentialVault vault(store);
        QSignalSpy changed(&vault, &CredentialVault::sessionOnlyChanged);
        QVERIFY(save(vault)->result->sessionOnly);

        store->setMode(Mode::Working); // say the user unlocked the keyring
        vault.retryKeychain();
        QVERIFY(!vault.isSessionOnly());
        QVERIFY(vault.sessionOnlyReason().isEmpty());
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(1).at(0).toBool(), false);

        // Not in the keychain yet, but kept in this session: still found, and marked so.
        const auto loaded = load(vault);
        QCOMPARE(loaded->result->status, Status::Ok);
        QVERIFY(loaded->result->sessionOnly);

        // Saving now goes to the keychain, and the memory-only copy is dropped.
        const auto saved = save(vault);
        QCOMPARE(saved->result->status, Status::Ok);
        QVERIFY(!saved->result->sessionOnly);
        QVERIFY(store->entries.contains("default"));
        const auto reloaded = load(vault);
        QCOMPARE(reloaded->result->status, Status::Ok);
        QVERIFY(!reloaded->result->sessionOnly);
    }

    void forgetFailureIsReported()
    {
        auto *store = new FakeSecretStore(Mode::Working); // owned by the vault
        CredentialVault vault(store);
        QVERIFY(!save(vault)->result->sessionOnly);
        store->setMode(Mode::Unavailable);
        const auto forgotten = forget(vault);
        // The keychain copy may still be there: say so.
        QCOMPARE(forgotten->result->status, Status::Unavailable);
        QVERIFY(forgotten->result->message.contains(store->failure));
        QVERIFY(vault.isSessionOnly());
    }

    void invalidCredentialIsNotSaved()
    {
        auto *store = new FakeSecretStore(Mode::Working); // owned by the vault
        CredentialVault vault(store);
        Credential noSecret;
        noSecret.accessKeyId = QStringLiteral("LTAI5tNoSecret");
        const auto saved = save(vault, noSecret);
        QCOMPARE(saved->result->status, Status::NotFound);
        QVERIFY(!saved->result->message.isEmpty());
        QVERIFY(!saved->beforeReturn);
        QCOMPARE(store->calls(), 0);
        QVERIFY(!vault.isSessionOnly());
    }

    void reasonsNeverContainSecrets()
    {
        auto *store = new FakeSecretStore(Mode::Silent); // owned by the vault
        CredentialVault vault(store);
        vault.setTimeout(std::chrono::milliseconds(100));
        const auto saved = save(vault);
        QVERIFY(!saved->result->message.contains(secretMark));
        QVERIFY(!vault.sessionOnlyReason().contains(secretMark));
        QVERIFY(!vault.statusText().contains(secretMark));
    }

    void destroyedVaultDropsCallbacks()
    {
        auto *vault = new CredentialVault(new FakeSecretStore(Mode::Silent)); // deleted below
        vault->setTimeout(std::chrono::milliseconds(100));
        int calls = 0;
        vault->load(QStringLiteral("default"), [&calls](const VaultResult &) { ++calls; });
        delete vault;
        QTest::qWait(300); // past the timeout
        QCOMPARE(calls, 0);
    }

    void callbackMayDeleteVaultLater()
    {
        QPointer<CredentialVault> vault = new CredentialVault(new FakeSecretStore(Mode::Working));
        int calls = 0;
        vault->load(QStringLiteral("default"), [&calls, vault](const VaultResult &) {
            ++calls;
            vault->deleteLater();
        });
        QTRY_VERIFY(vault.isNull());
        QCOMPARE(calls, 1);
    }
};

QTEST_GUILESS_MAIN(TestCredentialVault)
#include "tst_credentialvault.moc"
