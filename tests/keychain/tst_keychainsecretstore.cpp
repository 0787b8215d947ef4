// KeychainSecretStore against the real Secret Service: gnome-keyring in a private D-Bus
// session, set up by with-keyring.sh. Without it every test fails; none is skipped.

#include "awaitanswer.h"
#include "simfixture.h"

#include <keychain/keychainsecretstore.h>

#include <QDir>
#include <QElapsedTimer>
#include <QTest>

using dbs::Credential;
using dbs::KeychainSecretStore;
using dbs::SecretResult;
using Status = dbs::SecretResult::Status;

Q_DECLARE_METATYPE(dbs::Credential)

namespace {

using fixture::makeCredential;

} // namespace

class TestKeychainSecretStore final : public QObject
{
    Q_OBJECT

private:
    using AnswerPtr = std::shared_ptr<fixture::Answer<SecretResult>>;

    AnswerPtr read(const QString &account)
    {
        return fixture::awaitAnswer<SecretResult>(
            [&](auto done) { m_store->read(account, std::move(done)); });
    }
    AnswerPtr write(const QString &account, const Credential &credential)
    {
        return fixture::awaitAnswer<SecretResult>(
            [&](auto done) { m_store->write(account, credential, std::move(done)); });
    }
    AnswerPtr remove(const QString &account)
    {
        return fixture::awaitAnswer<SecretResult>(
            [&](auto done) { m_store->remove(account, std::move(done)); });
    }

    std::unique_ptr<KeychainSecretStore> m_store;

private slots:
    void initTestCase()
    {
        // Fail, not skip: this test exists to prove the real keychain works.
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBS_KEYRING_TEST_ROOT"),
                 "run this test through tests/support/with-keyring.sh (ctest does)");
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"), "no D-Bus session bus");
        QVERIFY(QDir::homePath().startsWith(qEnvironmentVariable("DBS_KEYRING_TEST_ROOT")));
    }

    void init()
    {
        m_store = std::make_unique<KeychainSecretStore>();
        QCOMPARE(m_store->service(), QStringLiteral("DBS Gateway Browser"));
    }

    void cleanup() { m_store.reset(); }

    void keyringIsReachable()
    {
        QElapsedTimer timer;
        timer.start();
        const auto answer = write(QStringLiteral("probe"), makeCredential("id", "secret"));
        QVERIFY2(answer->result, "the keychain did not answer");
        QVERIFY2(answer->result->ok(), qPrintable(answer->result->message));
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY(remove(QStringLiteral("probe"))->result->ok());
    }

    void storeAndReadBack()
    {
        const Credential stored = makeCredential("LTAI5tStoreReadBack", "secret-store-read-back");
        const auto written = write(QStringLiteral("default"), stored);
        QVERIFY(written->result);
        QCOMPARE(written->result->status, Status::Ok);
        QVERIFY(!written->beforeReturn);
        QCOMPARE(written->calls, 1);

        const auto answer = read(QStringLiteral("default"));
        QVERIFY(answer->result);
        QCOMPARE(answer->result->status, Status::Ok);
        QVERIFY(!answer->beforeReturn);
        QCOMPARE(answer->result->credential.accessKeyId, stored.accessKeyId);
        QCOMPARE(answer->result->credential.accessKeySecret, stored.accessKeySecret);
        QVERIFY(answer->result->credential.securityToken.isEmpty());
        QCOMPARE(answer->result->credential.source, QStringLiteral("system keychain"));

        // A second store instance (as after a restart) sees the same entry.
        m_store = std::make_unique<KeychainSecretStore>();
        QCOMPARE(read(QStringLiteral("default"))->result->credential.accessKeySecret,
                 stored.accessKeySecret);
        QVERIFY(remove(QStringLiteral("default"))->result->ok());
    }

    void overwrite()
    {
        const QString account = QStringLiteral("overwrite");
        QVERIFY(write(account, makeCredential("LTAIfirst", "first-secret", "first-token"))
                    ->result->ok());
        QVERIFY(write(account, makeCredential("LTAIsecond", "second-secret"))->result->ok());

        const auto answer = read(account);
        QCOMPARE(answer->result->status, Status::Ok);
        QCOMPARE(answer->result->credential.accessKeyId, QStringLiteral("LTAIsecond"));
        QCOMPARE(answer->result->credential.accessKeySecret, QStringLiteral("second-secret"));
        QVERIFY(answer->result->credential.securityToken.isEmpty()); // not left over
        QVERIFY(remove(account)->result->ok());
    }

    void deleteThenReadIsNotFound()
    {
        const QString account = QStringLiteral("delete-me");
        QVERIFY(write(account, makeCredential("LTAIdelete", "delete-secret"))->result->ok());
        QVERIFY(read(account)->result->ok());

        const auto removed = remove(account);
        QVERIFY(removed->result);
        QCOMPARE(removed->result->status, Status::Ok);

        const auto answer = read(account);
        QVERIFY(answer->result);
        QCOMPARE(answer->result->status, Status::NotFound); // "ask the user"
        QVERIFY(!answer->result->credential.isValid());
        QVERIFY(!answer->result->message.isEmpty());

        // Removing what is not there is still Ok: afterwards nothing is stored.
        QCOMPARE(remove(account)->result->status, Status::Ok);
    }

    void neverStoredIsNotFound()
    {
        const auto answer = read(QStringLiteral("never-stored"));
        QVERIFY(answer->result);
        QCOMPARE(answer->result->status, Status::NotFound);
    }

    void accountsAreSeparate()
    {
        QVERIFY(write(QStringLiteral("alpha"), makeCredential("LTAIalpha", "alpha-secret"))
                    ->result->ok());
        QVERIFY(
            write(QStringLiteral("beta"), makeCredential("LTAIbeta", "beta-secret"))->result->ok());
        QCOMPARE(read(QStringLiteral("alpha"))->result->credential.accessKeySecret,
                 QStringLiteral("alpha-secret"));
        QVERIFY(remove(QStringLiteral("alpha"))->result->ok());
        QCOMPARE(read(QStringLiteral("beta"))->result->credential.accessKeySecret,
                 QStringLiteral("beta-secret"));
        QCOMPARE(read(QStringLiteral("alpha"))->result->status, Status::NotFound);
        QVERIFY(remove(QStringLiteral("beta"))->result->ok());
    }

    void otherServiceDoesNotSeeIt()
    {
        QVERIFY(write(QStringLiteral("shared-name"), makeCredential("LTAIsvc", "svc-secret"))
                    ->result->ok());
        m_store = std::make_unique<KeychainSecretStore>(QStringLiteral("Some Other App"));
        QCOMPARE(read(QStringLiteral("shared-name"))->result->status, Status::NotFound);
        m_store = std::make_unique<KeychainSecretStore>();
        QVERIFY(remove(QStringLiteral("shared-name"))->result->ok());
    }

    void roundTrip_data()
    {
        QTest::addColumn<Credential>("credential");
        // An STS credential: all three parts come back from one entry.
        QTest::newRow("sts") << makeCredential(
            "STS.NUgYrLnoC37mZZCNnAbez2FKF", "2Xv6Qz3kCKmPYTTVnhFFeSY5QqzBmfT7sPnJHS7ZfkvB",
            "CAIS8AF1q6Ft5B2yfSjIr5bkCNfxrJFH1qOxN1DwlnkDYvRyh5DJpjz2IHhMf3VtAOgXsv03mGxW7fwdlrl"
            "0SpRfSEfZbtxv7pRZqwGpPr+gFcT8Gv8psvYpxHBvbmdyN8aTq8QmkDx27C0FoA8aM+0jVKv1CCWAVmHbOe"
            "5E6TVGZyWNdvXRRNa6MDjbXGLawz1WPTZiWHXWj3yG+H5OgnE7fnv4s8bY1AA/9zt3O9c4jIi6aNwb/TCt"
            "f7MUGa7kZv+j0vm2KZlAQ2ExV/zf6l6FrrGBtaILB+Eo8LX4mXFtBFfmyJbOxCeYQmhfPcN4g31/c2o/"
            "Zxq8WJ4yG4fR22Ma/V0akH6pjZGS7n+i2bOFo/WzgfNlK2X1A3cMKWnLm==");
        QTest::newRow("non-ASCII") << makeCredential(
            QStringLiteral("LTAI5t中文ID"),
            QStringLiteral("密钥-Ünïcödé-ключ-🔑-\"quoted\"\\back\nline"), QStringLiteral("令牌-🔐"));
        QTest::newRow("JSON-looking secret")
            << makeCredential("LTAI5tjson", QStringLiteral(R"({"v":2,"accessKeySecret":"x"})"));
    }

    void roundTrip()
    {
        QFETCH(Credential, credential);
        const QString account = QStringLiteral("round-trip");
        const auto written = write(account, credential);
        QVERIFY(written->result);
        QVERIFY2(written->result->ok(), qPrintable(written->result->message));

        const auto answer = read(account);
        QVERIFY(answer->result);
        QCOMPARE(answer->result->status, Status::Ok);
        QCOMPARE(answer->result->credential.accessKeyId, credential.accessKeyId);
        QCOMPARE(answer->result->credential.accessKeySecret, credential.accessKeySecret);
        QCOMPARE(answer->result->credential.securityToken, credential.securityToken);
        QVERIFY(remove(account)->result->ok());
    }

    void nonAsciiAccountName()
    {
        const QString account = QStringLiteral("生产环境 profile");
        QVERIFY(write(account, makeCredential("LTAIprod", "prod-secret"))->result->ok());
        QCOMPARE(read(account)->result->credential.accessKeyId, QStringLiteral("LTAIprod"));
        QVERIFY(remove(account)->result->ok());
        QCOMPARE(read(account)->result->status, Status::NotFound);
    }

    void destroyedStoreDropsAnswer()
    {
        int calls = 0;
        m_store->read(QStringLiteral("whatever"), [&calls](const SecretResult &) { ++calls; });
        m_store.reset();
        QTest::qWait(500);
        QCOMPARE(calls, 0);
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
