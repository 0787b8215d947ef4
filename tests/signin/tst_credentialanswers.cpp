#include <signin/credentialanswers.h>

#include <QTest>

using dbs::CredentialAnswer;

namespace {
// "id|token|expiresAt(s)" of a good answer, "error: ..." of a bad one.
QString dump(const CredentialAnswer &answer)
{
    if (!answer.ok())
        return QStringLiteral("error: ") + answer.error;
    return QStringLiteral("%1|%2|%3")
        .arg(answer.credential.accessKeyId,
             answer.credential.securityToken.isEmpty() ? QStringLiteral("-")
                                                       : QStringLiteral("token"),
             QString::number(answer.credential.expiresAtMs / 1000));
}

const QByteArray stsCredentials =
    R"({"AccessKeyId":"STS.k","AccessKeySecret":"s3cret","SecurityToken":"t0ken",)"
    R"("Expiration":"2026-12-03T12:33:00Z"})";
constexpr qint64 expiry = 1796301180; // 2026-12-03T12:33:00Z
} // namespace

class TestCredentialAnswers final : public QObject
{
    Q_OBJECT

private slots:
    void expiration_data();
    void expiration();
    void sts_data();
    void sts();
    void metadata_data();
    void metadata();
    void uri_data();
    void uri();
    void external_data();
    void external();
    void roleName_data();
    void roleName();
    void noSecretInErrors();
};

void TestCredentialAnswers::expiration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("utc") << "2026-12-03T12:33:00Z" << expiry * 1000;
    QTest::newRow("fraction dropped") << "2026-12-03T12:33:00.999Z" << expiry * 1000;
    QTest::newRow("no zone") << "2026-12-03T12:33:00" << qint64(0);
    QTest::newRow("offset") << "2026-12-03T12:33:00+08:00" << qint64(0);
    QTest::newRow("no such day") << "2026-02-30T12:33:00Z" << qint64(0);
    QTest::newRow("hour 25") << "2026-12-03T25:00:00Z" << qint64(0);
    QTest::newRow("before 1970") << "1960-01-01T00:00:00Z" << qint64(0);
    QTest::newRow("trailing newline") << "2026-12-03T12:33:00Z\n" << qint64(0);
    QTest::newRow("empty") << "" << qint64(0);
}

void TestCredentialAnswers::expiration()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    QCOMPARE(dbs::parseExpiration(text), ms);
}

void TestCredentialAnswers::sts_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("result");
    QTest::newRow("official shape")
        << QByteArray(R"({"RequestId":"r","AssumedRoleUser":{"Arn":"a","AssumedRoleId":"i"},)"
                      R"("Credentials":)" +
                      stsCredentials + "}")
        << QStringLiteral("STS.k|token|%1").arg(expiry);
    QTest::newRow("no Credentials")
        << QByteArray(R"({"RequestId":"r"})") << "error: the answer has no Credentials object";
    QTest::newRow("Credentials not an object")
        << QByteArray(R"({"Credentials":"x"})") << "error: the answer has no Credentials object";
    QTest::newRow("no token")
        << QByteArray(R"({"Credentials":{"AccessKeyId":"STS.k","AccessKeySecret":"s",)"
                      R"("Expiration":"2026-12-03T12:33:00Z"}})")
        << "error: SecurityToken is missing or empty";
    QTest::newRow("no expiration")
        << QByteArray(R"({"Credentials":{"AccessKeyId":"STS.k","AccessKeySecret":"s",)"
                      R"("SecurityToken":"t"}})")
        << "error: Expiration is missing or empty";
    QTest::newRow("bad expiration")
        << QByteArray(R"({"Credentials":{"AccessKeyId":"STS.k","AccessKeySecret":"s",)"
                      R"("SecurityToken":"t","Expiration":"soon"}})")
        << "error: Expiration is not a UTC time such as 2026-12-03T12:00:00Z";
    QTest::newRow("id a number")
        << QByteArray(R"({"Credentials":{"AccessKeyId":7,"AccessKeySecret":"s"}})")
        << "error: AccessKeyId is not a string";
    QTest::newRow("not json") << QByteArray("<html>502</html>")
                              << "error: the answer is not valid JSON (illegal value at byte 1)";
    QTest::newRow("array") << QByteArray("[]") << "error: the answer is not a JSON object";
    QTest::newRow("too large") << QByteArray(dbs::maxCredentialAnswerBytes + 1, ' ')
                               << "error: the answer is larger than 64 KiB";
}

void TestCredentialAnswers::sts()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, result);
    QCOMPARE(dump(dbs::parseStsAnswer(body)), result);
}

void TestCredentialAnswers::metadata_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("result");
    QByteArray good = stsCredentials;
    good.insert(1, R"("Code":"Success","LastUpdated":"2026-12-03T06:33:00Z",)");
    QTest::newRow("official shape") << good << QStringLiteral("STS.k|token|%1").arg(expiry);
    QTest::newRow("no Code") << stsCredentials << "error: the answer has no Code \"Success\"";
    QTest::newRow("Code Failed") << QByteArray(R"({"Code":"Failed"})")
                                 << "error: the answer's Code is not \"Success\"";
    QByteArray noExpiry = good;
    noExpiry.replace(R"(,"Expiration":"2026-12-03T12:33:00Z")", "");
    QTest::newRow("no expiration") << noExpiry << "error: Expiration is missing or empty";
}

void TestCredentialAnswers::metadata()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, result);
    QCOMPARE(dump(dbs::parseMetadataCredentials(body)), result);
}

void TestCredentialAnswers::uri_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("result");
    QTest::newRow("no Code is fine")
        << stsCredentials << QStringLiteral("STS.k|token|%1").arg(expiry);
    QTest::newRow("Code Success")
        << QByteArray(R"({"Code":"Success","AccessKeyId":"STS.k","AccessKeySecret":"s",)"
                      R"("SecurityToken":"t"})")
        << "STS.k|token|0";
    QTest::newRow("Code other") << QByteArray(R"({"Code":"Denied","AccessKeyId":"STS.k"})")
                                << "error: the answer's Code is not \"Success\"";
    QTest::newRow("no secret") << QByteArray(R"({"AccessKeyId":"STS.k","SecurityToken":"t"})")
                               << "error: AccessKeySecret is missing or empty";
}

void TestCredentialAnswers::uri()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, result);
    QCOMPARE(dump(dbs::parseCredentialsUriAnswer(body)), result);
}

void TestCredentialAnswers::external_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QString>("result");
    QTest::newRow("AK") << QByteArray(R"({"mode":"AK","access_key_id":"LTAIx",)"
                                      R"("access_key_secret":"s"})"
                                      "\n")
                        << "LTAIx|-|0";
    QTest::newRow("AK ignores a token")
        << QByteArray(R"({"mode":"AK","access_key_id":"LTAIx","access_key_secret":"s",)"
                      R"("sts_token":"t"})")
        << "LTAIx|-|0";
    QTest::newRow("StsToken with expiration")
        << QByteArray(R"({"mode":"StsToken","access_key_id":"STS.x","access_key_secret":"s",)"
                      R"("sts_token":"t","expiration":"2026-12-03T12:33:00Z"})")
        << QStringLiteral("STS.x|token|%1").arg(expiry);
    QTest::newRow("StsToken without token")
        << QByteArray(R"({"mode":"StsToken","access_key_id":"STS.x","access_key_secret":"s"})")
        << "error: sts_token is missing or empty";
    QTest::newRow("other mode")
        << QByteArray(R"({"mode":"RamRoleArn","access_key_id":"x","access_key_secret":"s"})")
        << "error: mode is neither AK nor StsToken";
    QTest::newRow("prompt text before json")
        << QByteArray("Touch your key...\n{\"mode\":\"AK\"}")
        << "error: the answer is not valid JSON (illegal value at byte 1)";
}

void TestCredentialAnswers::external()
{
    QFETCH(QByteArray, output);
    QFETCH(QString, result);
    QCOMPARE(dump(dbs::parseExternalProcessOutput(output)), result);
}

void TestCredentialAnswers::roleName_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("role");
    QTest::newRow("name") << QByteArray("dbs-ecs.role_1\n") << "dbs-ecs.role_1";
    QTest::newRow("empty") << QByteArray("") << "";
    QTest::newRow("html") << QByteArray("<html>404</html>") << "";
    QTest::newRow("path tricks") << QByteArray("../../etc") << "";
    QTest::newRow("two lines") << QByteArray("a\nb") << "";
    QTest::newRow("too long") << QByteArray(65, 'r') << "";
}

void TestCredentialAnswers::roleName()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, role);
    QString error = QStringLiteral("stale");
    QCOMPARE(dbs::parseMetadataRoleName(body, &error), role);
    QCOMPARE(error.isEmpty(), !role.isEmpty());
}

void TestCredentialAnswers::noSecretInErrors()
{
    // Whatever is wrong, the message names the field, never what it holds.
    const QByteArray body =
        R"({"Credentials":{"AccessKeyId":"STS.k","AccessKeySecret":"VERYSECRET",)"
        R"("SecurityToken":"VERYSECRETTOKEN","Expiration":"VERYSECRET-time"}})";
    const CredentialAnswer answer = dbs::parseStsAnswer(body);
    QVERIFY(!answer.ok());
    QVERIFY2(!answer.error.contains(QLatin1String("VERYSECRET")), qPrintable(answer.error));
}

QTEST_GUILESS_MAIN(TestCredentialAnswers)
#include "tst_credentialanswers.moc"
