#include "credentialblob.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace dbs {

namespace {
constexpr int blobVersion = 1;
constexpr QLatin1StringView keyVersion{"v"};
constexpr QLatin1StringView keyId{"accessKeyId"};
constexpr QLatin1StringView keySecret{"accessKeySecret"};
constexpr QLatin1StringView keyToken{"securityToken"};
} // namespace

QByteArray encodeCredential(const Credential &credential)
{
    QJsonObject object{
        {keyVersion, blobVersion},
        {keyId, credential.accessKeyId},
        {keySecret, credential.accessKeySecret},
    };
    if (!credential.securityToken.isEmpty())
        object.insert(keyToken, credential.securityToken);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<Credential> decodeCredential(const QByteArray &blob)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(blob, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    if (object.value(keyVersion).toInt(-1) != blobVersion)
        return std::nullopt;

    const QJsonValue id = object.value(keyId);
    const QJsonValue secret = object.value(keySecret);
    const QJsonValue token = object.value(keyToken);
    if (!id.isString() || !secret.isString() || !(token.isString() || token.isUndefined()))
        return std::nullopt;

    Credential credential;
    credential.accessKeyId = id.toString();
    credential.accessKeySecret = secret.toString();
    credential.securityToken = token.toString();
    if (!credential.isValid())
        return std::nullopt;
    return credential;
}

} // namespace dbs
