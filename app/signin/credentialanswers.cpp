#include "credentialanswers.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace dbs {

namespace {
// The object of a JSON answer, or an error saying why there is none.
QJsonObject jsonObject(const QByteArray &body, QString *error)
{
    if (body.size() > maxCredentialAnswerBytes) {
        *error = QCoreApplication::translate("dbs::signin", "the answer is larger than 64 KiB");
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QCoreApplication::translate("dbs::signin",
                                             "the answer is not valid JSON (%1 at byte %2)")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return {};
    }
    if (!document.isObject()) {
        *error = QCoreApplication::translate("dbs::signin", "the answer is not a JSON object");
        return {};
    }
    return document.object();
}

// A present member of the wrong type is an error; an absent or null one is empty.
QString text(const QJsonObject &object, const char *key, QString *error)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString()) {
        if (error->isEmpty())
            *error = QCoreApplication::translate("dbs::signin", "%1 is not a string")
                         .arg(QLatin1String(key));
        return {};
    }
    return value.toString().trimmed();
}

struct Names
{
    const char *id;
    const char *secret;
    const char *token;
    const char *expiration;
};

enum class Token { Required, Optional };
enum class Expiry { Required, Optional };

CredentialAnswer readKeys(const QJsonObject &object, const Names &names, Token token, Expiry expiry)
{
    CredentialAnswer answer;
    QString &error = answer.error;
    Credential &credential = answer.credential;
    credential.accessKeyId = text(object, names.id, &error);
    credential.accessKeySecret = text(object, names.secret, &error);
    credential.securityToken = text(object, names.token, &error);
    const QString expiration = text(object, names.expiration, &error);
    if (!error.isEmpty())
        return answer;
    for (const auto &[value, key] : {std::pair{&credential.accessKeyId, names.id},
                                     std::pair{&credential.accessKeySecret, names.secret}}) {
        if (value->isEmpty()) {
            error = QCoreApplication::translate("dbs::signin", "%1 is missing or empty")
                        .arg(QLatin1String(key));
            return answer;
        }
    }
    if (token == Token::Required && credential.securityToken.isEmpty()) {
        error = QCoreApplication::translate("dbs::signin", "%1 is missing or empty")
                    .arg(QLatin1String(names.token));
        return answer;
    }
    if (expiration.isEmpty()) {
        if (expiry == Expiry::Required)
            error = QCoreApplication::translate("dbs::signin", "%1 is missing or empty")
                        .arg(QLatin1String(names.expiration));
        return answer;
    }
    credential.expiresAtMs = parseExpiration(expiration);
    if (credential.expiresAtMs == 0)
        error = QCoreApplication::translate("dbs::signin",
                                            "%1 is not a UTC time such as 2026-12-03T12:00:00Z")
                    .arg(QLatin1String(names.expiration));
    return answer;
}

constexpr Names pascalNames = {"AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"};

CredentialAnswer flatAnswer(const QByteArray &body, bool codeRequired, Expiry expiry)
{
    CredentialAnswer answer;
    const QJsonObject object = jsonObject(body, &answer.error);
    if (!answer.error.isEmpty())
        return answer;
    const QString code = text(object, "Code", &answer.error);
    if (!answer.error.isEmpty())
        return answer;
    if ((codeRequired || !code.isEmpty()) && code != QLatin1String("Success")) {
        answer.error =
            code.isEmpty()
                ? QCoreApplication::translate("dbs::signin", "the answer has no Code \"Success\"")
                : QCoreApplication::translate("dbs::signin",
                                              "the answer's Code is not \"Success\"");
        return answer;
    }
    return readKeys(object, pascalNames, Token::Required, expiry);
}
} // namespace

qint64 parseExpiration(const QString &value)
{
    // UTC only, as the services write it: a time without its zone would be read as local.
    static const QRegularExpression shape(
        QStringLiteral(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$)"));
    if (!shape.match(value).hasMatch())
        return 0;
    QString trimmed = value;
    if (const qsizetype dot = trimmed.indexOf(u'.'); dot >= 0)
        trimmed = trimmed.left(dot) + u'Z'; // whole seconds: an expiry is never that precise
    const QDateTime time = QDateTime::fromString(trimmed, Qt::ISODate);
    if (!time.isValid())
        return 0;
    const qint64 ms = time.toMSecsSinceEpoch();
    return ms > 0 ? ms : 0;
}

CredentialAnswer parseStsAnswer(const QByteArray &body)
{
    CredentialAnswer answer;
    const QJsonObject root = jsonObject(body, &answer.error);
    if (!answer.error.isEmpty())
        return answer;
    const QJsonValue credentials = root.value(QLatin1String("Credentials"));
    if (!credentials.isObject()) {
        answer.error =
            QCoreApplication::translate("dbs::signin", "the answer has no Credentials object");
        return answer;
    }
    return readKeys(credentials.toObject(), pascalNames, Token::Required, Expiry::Required);
}

CredentialAnswer parseMetadataCredentials(const QByteArray &body)
{
    return flatAnswer(body, true, Expiry::Required);
}

CredentialAnswer parseCredentialsUriAnswer(const QByteArray &body)
{
    return flatAnswer(body, false, Expiry::Optional);
}

CredentialAnswer parseExternalProcessOutput(const QByteArray &output)
{
    CredentialAnswer answer;
    const QJsonObject object = jsonObject(output.trimmed(), &answer.error);
    if (!answer.error.isEmpty())
        return answer;
    const QString mode = text(object, "mode", &answer.error);
    if (!answer.error.isEmpty())
        return answer;
    const bool sts = mode.compare(QLatin1String("StsToken"), Qt::CaseInsensitive) == 0;
    if (!sts && !mode.isEmpty() && mode.compare(QLatin1String("AK"), Qt::CaseInsensitive) != 0) {
        answer.error =
            QCoreApplication::translate("dbs::signin", "mode is neither AK nor StsToken");
        return answer;
    }
    constexpr Names names = {"access_key_id", "access_key_secret", "sts_token", "expiration"};
    answer = readKeys(object, names, sts ? Token::Required : Token::Optional, Expiry::Optional);
    if (!sts)
        answer.credential.securityToken.clear(); // an AK answer's stray token is not used
    return answer;
}

QString parseMetadataRoleName(const QByteArray &body, QString *error)
{
    // One role per instance; a name as RAM allows them (letters, digits, ".", "_", "-").
    static const QRegularExpression roleName(QStringLiteral(R"(^[A-Za-z0-9._-]{1,64}$)"));
    const QString name = QString::fromUtf8(body.left(1024)).trimmed();
    if (body.size() > 1024 || !roleName.match(name).hasMatch()) {
        *error =
            name.isEmpty()
                ? QCoreApplication::translate("dbs::signin",
                                              "the instance has no RAM role attached")
                : QCoreApplication::translate("dbs::signin", "the answer is not a RAM role name");
        return {};
    }
    error->clear();
    return name;
}

} // namespace dbs
