#include "simfixture.h"
#include <keychain/credentialblob.h>

#include <QTest>

using dbs::Credential;
using dbs::decodeCredential;
using dbs::encodeCredential;

Q_DECLARE_METATYPE(dbs::Credential)

namespace {
using fixture::makeCredential;
} // namespace

class TestCredentialBlob final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<Credential>("credential");
        QTest::newRow("AccessKey") << makeCredential("LTAI5tId", "secret");
        QTest::newRow("STS") << makeCredential("STS.id", "secret", "CAIS+token/==");
        QTest::newRow("non-ASCII") << makeCredential(
            QStringLiteral("LTAI中文"), QStringLiteral("密钥-ключ-🔑"), QStringLiteral("令牌"));
        QTest::newRow("JSON metacharacters")
            << makeCredential("id\"", QStringLiteral("a\"b\\c\nd\te{}[]:,\u0001"), "}\"");
    }

    void roundTrip()
    {
        QFETCH(Credential, credential);
        credential.source = QStringLiteral("not stored");
        const QByteArray blob = encodeCredential(credential);
        QVERIFY(!blob.contains("not stored"));
        QVERIFY(!blob.contains('\n')); // compact
        const auto decoded = decodeCredential(blob);
        QVERIFY(decoded);
        QCOMPARE(decoded->accessKeyId, credential.accessKeyId);
        QCOMPARE(decoded->accessKeySecret, credential.accessKeySecret);
        QCOMPARE(decoded->securityToken, credential.securityToken);
        QVERIFY(decoded->source.isEmpty());
    }

    void format()
    {
        QCOMPARE(encodeCredential(makeCredential("i", "s")),
                 QByteArray(R"({"accessKeyId":"i","accessKeySecret":"s","v":1})"));
        QCOMPARE(
            encodeCredential(makeCredential("i", "s", "t")),
            QByteArray(R"({"accessKeyId":"i","accessKeySecret":"s","securityToken":"t","v":1})"));
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("blob");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("plain password") << QByteArray("hunter2");
        QTest::newRow("array") << QByteArray(R"([1])");
        QTest::newRow("truncated") << QByteArray(R"({"v":1,"accessKeyId":"i")");
        QTest::newRow("no version") << QByteArray(R"({"accessKeyId":"i","accessKeySecret":"s"})");
        QTest::newRow("newer version")
            << QByteArray(R"({"v":2,"accessKeyId":"i","accessKeySecret":"s"})");
        QTest::newRow("no id") << QByteArray(R"({"v":1,"accessKeySecret":"s"})");
        QTest::newRow("empty secret")
            << QByteArray(R"({"v":1,"accessKeyId":"i","accessKeySecret":""})");
        QTest::newRow("numeric id")
            << QByteArray(R"({"v":1,"accessKeyId":5,"accessKeySecret":"s"})");
        QTest::newRow("token not a string")
            << QByteArray(R"({"v":1,"accessKeyId":"i","accessKeySecret":"s","securityToken":1})");
    }

    void rejects()
    {
        QFETCH(QByteArray, blob);
        QVERIFY(!decodeCredential(blob));
    }

    void nullTokenIsRejected()
    {
        QVERIFY(!decodeCredential(
            R"({"v":1,"accessKeyId":"i","accessKeySecret":"s","securityToken":null})"));
    }
};

QTEST_GUILESS_MAIN(TestCredentialBlob)
#include "tst_credentialblob.moc"
