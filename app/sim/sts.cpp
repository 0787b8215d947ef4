#include "sts.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>

namespace dbs::sts {

namespace {
Verdict reject(const QString &code, const QString &message)
{
    Verdict verdict;
    verdict.httpStatus = 400;
    verdict.code = code;
    verdict.message = message;
    return verdict;
}

Verdict missing(const char *name)
{
    return reject(QStringLiteral("Missing%1").arg(QLatin1String(name)),
                  QStringLiteral("%1 is mandatory for this action.").arg(QLatin1String(name)));
}

Verdict invalid(const char *name, const QString &why)
{
    return reject(QStringLiteral("InvalidParameter.%1").arg(QLatin1String(name)),
                  QStringLiteral("The parameter %1 is invalid: %2").arg(QLatin1String(name), why));
}

QByteArray valueOf(const signing::QueryItems &items, const char *name, bool *found)
{
    for (const auto &item : items) {
        if (item.first == name) {
            *found = true;
            return item.second;
        }
    }
    *found = false;
    return {};
}

bool isDigits(const QByteArray &text)
{
    return !text.isEmpty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

QByteArray randomText(int length, QByteArrayView alphabet)
{
    QByteArray text(length, Qt::Uninitialized);
    for (char &c : text)
        c = alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size())));
    return text;
}

constexpr QByteArrayView alphanumeric =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
} // namespace

bool isStsAction(const QByteArray &action)
{
    return action == assumeRoleAction || action == assumeRoleWithOidcAction;
}

bool isAnonymousAction(const QByteArray &action)
{
    return action == assumeRoleWithOidcAction;
}

Verdict checkRoleRequest(const QByteArray &action, const signing::QueryItems &parameters,
                         RoleRequest *role)
{
    bool found = false;
    if (action == assumeRoleWithOidcAction) {
        static const QRegularExpression providerArn(QRegularExpression::anchoredPattern(
            QStringLiteral("acs:ram::[0-9]{1,32}:oidc-provider/[A-Za-z0-9._-]{1,128}")));
        const QByteArray provider = valueOf(parameters, "OIDCProviderArn", &found);
        if (provider.isEmpty())
            return missing("OIDCProviderArn");
        if (!providerArn.match(QString::fromUtf8(provider)).hasMatch())
            return invalid(
                "OIDCProviderArn",
                QStringLiteral("it must be acs:ram::<account id>:oidc-provider/<name>."));
        const QByteArray token = valueOf(parameters, "OIDCToken", &found);
        if (token.isEmpty())
            return missing("OIDCToken");
        // A JWT: header, payload and signature, none of them empty.
        const QList<QByteArray> parts = token.split('.');
        if (parts.size() != 3 || std::any_of(parts.begin(), parts.end(),
                                             [](const QByteArray &part) { return part.isEmpty(); }))
            return invalid("OIDCToken", QStringLiteral("it is not a JWT."));
    }

    // Anchored as a whole (\A...\z): "$" would let a trailing newline through.
    static const QRegularExpression roleArn(QRegularExpression::anchoredPattern(
        QStringLiteral("acs:ram::([0-9]{1,32}):role/([A-Za-z0-9._-]{1,64})")));
    role->roleArn = valueOf(parameters, "RoleArn", &found);
    if (role->roleArn.isEmpty())
        return missing("RoleArn");
    const QRegularExpressionMatch arn = roleArn.match(QString::fromUtf8(role->roleArn));
    if (!arn.hasMatch())
        return invalid("RoleArn", QStringLiteral("it must be acs:ram::<account id>:role/<name>."));
    role->accountId = arn.captured(1).toLatin1();
    role->roleName = arn.captured(2).toLatin1();

    static const QRegularExpression sessionName(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9._@-]{2,64}")));
    role->sessionName = valueOf(parameters, "RoleSessionName", &found);
    if (!found)
        return missing("RoleSessionName");
    if (!sessionName.match(QString::fromUtf8(role->sessionName)).hasMatch())
        return invalid("RoleSessionName",
                       QStringLiteral("it must be 2 to 64 letters, digits or any of . _ @ -."));

    role->durationSeconds = defaultDurationSeconds;
    if (const QByteArray text = valueOf(parameters, "DurationSeconds", &found); found) {
        // Digits only: "+900", " 900" or "900.0" are not durations (toInt would take some).
        bool ok = isDigits(text) && text.size() <= 6;
        role->durationSeconds = ok ? text.toInt(&ok) : 0;
        if (!ok || role->durationSeconds < minDurationSeconds ||
            role->durationSeconds > maxDurationSeconds)
            return invalid("DurationSeconds",
                           QStringLiteral("it must be a whole number of seconds from %1 to %2.")
                               .arg(minDurationSeconds)
                               .arg(maxDurationSeconds));
    }
    return {};
}

AccessKey newTemporaryKey(qint64 nowMs, qint64 lifetimeMs)
{
    AccessKey key;
    key.id = "STS." + randomText(25, alphanumeric);
    key.secret = randomText(44, alphanumeric);
    // Real tokens are long base64 (they carry the session): clients must pass '+', '/' and
    // '=' through their encoding intact.
    QByteArray blob(240, Qt::Uninitialized);
    for (char &c : blob)
        c = char(QRandomGenerator::system()->bounded(256));
    key.securityToken = "CAIS" + blob.toBase64();
    const qint64 until = nowMs + std::max<qint64>(1, lifetimeMs);
    key.expiresAtMs = (until + 999) / 1000 * 1000;
    return key;
}

QString isoTime(qint64 epochMs)
{
    return signing::timestamp(epochMs);
}

QByteArray assumeRoleAnswer(const QByteArray &requestId, const RoleRequest &role,
                            const AccessKey &key)
{
    // The role's id stays the same for the same role, as a real role's does.
    const QByteArray digest = QCryptographicHash::hash(role.roleArn, QCryptographicHash::Sha256);
    quint64 roleId = 0;
    for (int i = 0; i < 8; ++i)
        roleId = roleId << 8 | quint8(digest.at(i));
    roleId = 100000000000000000ull + roleId % 900000000000000000ull; // 18 digits
    const QString session = QString::fromUtf8(role.sessionName);
    const QJsonObject body{
        {QStringLiteral("RequestId"), QString::fromLatin1(requestId)},
        {QStringLiteral("AssumedRoleUser"),
         QJsonObject{
             {QStringLiteral("Arn"), QStringLiteral("acs:ram::%1:assumed-role/%2/%3")
                                         .arg(QString::fromLatin1(role.accountId),
                                              QString::fromLatin1(role.roleName), session)},
             {QStringLiteral("AssumedRoleId"), QString::number(roleId) + u':' + session},
         }},
        {QStringLiteral("Credentials"),
         QJsonObject{
             {QStringLiteral("AccessKeyId"), QString::fromLatin1(key.id)},
             {QStringLiteral("AccessKeySecret"), QString::fromLatin1(key.secret)},
             {QStringLiteral("SecurityToken"), QString::fromLatin1(key.securityToken)},
             {QStringLiteral("Expiration"), isoTime(key.expiresAtMs)},
         }},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray metadataCredentialsAnswer(const AccessKey &key, qint64 lastUpdatedMs)
{
    const QJsonObject body{
        {QStringLiteral("AccessKeyId"), QString::fromLatin1(key.id)},
        {QStringLiteral("AccessKeySecret"), QString::fromLatin1(key.secret)},
        {QStringLiteral("Expiration"), isoTime(key.expiresAtMs)},
        {QStringLiteral("SecurityToken"), QString::fromLatin1(key.securityToken)},
        {QStringLiteral("LastUpdated"), isoTime(lastUpdatedMs)},
        {QStringLiteral("Code"), QStringLiteral("Success")},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace dbs::sts
