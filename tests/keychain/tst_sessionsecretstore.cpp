#include "awaitanswer.h"

#include <keychain/sessionsecretstore.h>

#include <QTest>

using dbs::Credential;
using dbs::SecretResult;
using dbs::SessionSecretStore;
using Status = dbs::SecretResult::Status;

namespace {

Credential makeCredential(const QString &secret)
{
    Credential credential;
    credential.accessKeyId = QStringLiteral("LTAI5tSession");
    credential.accessKeySecret = secret;
    credential.source = QStringLiteral("entered by the user");
    return credential;
}

using AnswerPtr = std::shared_ptr<fixture::Answer<SecretResult>>;

AnswerPtr read(SessionSecretStore &store, const QString &account)
{
    return fixture::awaitAnswer<SecretResult>(
        [&](auto done) { store.read(account, std::move(done)); });
}

AnswerPtr write(SessionSecretStore &store, const QString &account, const Credential &c)
{
    return fixture::awaitAnswer<SecretResult>(
        [&](auto done) { store.write(account, c, std::move(done)); });
}

AnswerPtr remove(SessionSecretStore &store, const QString &account)
{
    return fixture::awaitAnswer<SecretResult>(
        [&](auto done) { store.remove(account, std::move(done)); });
}

} // namespace

class TestSessionSecretStore final : public QObject
{
    Q_OBJECT

private slots:
    void emptyIsNotFound()
    {
        SessionSecretStore store;
        const auto answer = read(store, QStringLiteral("default"));
        QVERIFY(answer->result);
        QCOMPARE(answer->result->status, Status::NotFound);
        QVERIFY(!answer->result->message.isEmpty());
        QVERIFY(!answer->beforeReturn);
    }

    void writeReadOverwriteRemove()
    {
        SessionSecretStore store;
        const auto written = write(store, QStringLiteral("default"), makeCredential("one"));
        QCOMPARE(written->result->status, Status::Ok);
        QVERIFY(!written->beforeReturn);
        QVERIFY(store.contains(QStringLiteral("default")));

        const auto first = read(store, QStringLiteral("default"));
        QCOMPARE(first->result->status, Status::Ok);
        QCOMPARE(first->result->credential.accessKeySecret, QStringLiteral("one"));
        QCOMPARE(first->result->credential.source, QStringLiteral("entered by the user"));

        QVERIFY(write(store, QStringLiteral("default"), makeCredential("two"))->result->ok());
        QCOMPARE(read(store, QStringLiteral("default"))->result->credential.accessKeySecret,
                 QStringLiteral("two"));
        QCOMPARE(read(store, QStringLiteral("other"))->result->status, Status::NotFound);

        QCOMPARE(remove(store, QStringLiteral("default"))->result->status, Status::Ok);
        QCOMPARE(read(store, QStringLiteral("default"))->result->status, Status::NotFound);
        QCOMPARE(remove(store, QStringLiteral("default"))->result->status, Status::Ok);
    }

    void clear()
    {
        SessionSecretStore store;
        QVERIFY(write(store, QStringLiteral("a"), makeCredential("a"))->result->ok());
        store.clear();
        QVERIFY(!store.contains(QStringLiteral("a")));
    }

    void destroyedStoreDropsAnswer()
    {
        auto store = std::make_unique<SessionSecretStore>();
        int calls = 0;
        store->read(QStringLiteral("default"), [&calls](const SecretResult &) { ++calls; });
        store.reset();
        QTest::qWait(50);
        QCOMPARE(calls, 0);
    }
};

QTEST_GUILESS_MAIN(TestSessionSecretStore)
#include "tst_sessionsecretstore.moc"
