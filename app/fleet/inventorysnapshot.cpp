#include "inventorysnapshot.h"

#include <api/gatewayfields.h>
#include <auth/cappedfile.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace dbs {
namespace {
constexpr int formatVersion = 1;
// 100,000 gateways take about 40 MB in this format; anything far larger is not ours.
constexpr qint64 maxSnapshotBytes = 256 * 1024 * 1024;

// A class only so that lupdate files these messages under the context tr() looks them up in.
class InventorySnapshotFile
{
    Q_DECLARE_TR_FUNCTIONS(InventorySnapshotFile)
};

bool readGateway(const QJsonObject &object, BackupGateway *gateway)
{
    for (GatewayField field : allGatewayFields()) {
        const QJsonValue value = object.value(apiFieldName(field));
        if (isTimeField(field)) {
            if (!value.isDouble())
                return false;
            const qint64 ms = value.toInteger(-1);
            if (ms < 0)
                return false;
            setFieldValue(gateway, field, ms);
        } else {
            if (!value.isString())
                return false;
            setFieldValue(gateway, field, value.toString());
        }
    }
    // Only in an all-accounts inventory: which account listed it.
    const QJsonValue account = object.value(apiFieldName(GatewayField::Account));
    if (!account.isUndefined() && !account.isString())
        return false;
    gateway->account = account.toString();
    return !gateway->backupGatewayId.isEmpty();
}
} // namespace

QByteArray serializeSnapshot(const InventorySnapshot &snapshot)
{
    QJsonArray gateways;
    for (const BackupGateway &gateway : snapshot.gateways) {
        QJsonObject object = toJson(gateway);
        if (!gateway.account.isEmpty())
            object.insert(apiFieldName(GatewayField::Account), gateway.account);
        gateways.append(object);
    }
    const QJsonObject root{{QStringLiteral("version"), formatVersion},
                           {QStringLiteral("scope"), snapshot.scope},
                           {QStringLiteral("takenAtMs"), snapshot.takenAtMs},
                           {QStringLiteral("gateways"), gateways}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

bool parseSnapshot(const QByteArray &data, InventorySnapshot *snapshot, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = InventorySnapshotFile::tr("The saved inventory is not valid JSON.");
        return false;
    }
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("version")).toInt() != formatVersion) {
        *error = InventorySnapshotFile::tr("The saved inventory has an unknown format version.");
        return false;
    }
    const QJsonValue scope = root.value(QLatin1String("scope"));
    const QJsonValue takenAt = root.value(QLatin1String("takenAtMs"));
    const QJsonValue gateways = root.value(QLatin1String("gateways"));
    if (!scope.isString() || !takenAt.isDouble() || takenAt.toInteger(-1) < 0 ||
        !gateways.isArray()) {
        *error =
            InventorySnapshotFile::tr("The saved inventory lacks its scope, time or gateways.");
        return false;
    }
    InventorySnapshot result;
    result.scope = scope.toString();
    result.takenAtMs = takenAt.toInteger();
    const QJsonArray array = gateways.toArray();
    result.gateways.reserve(array.size());
    for (const QJsonValue &value : array) {
        BackupGateway gateway;
        if (!value.isObject() || !readGateway(value.toObject(), &gateway)) {
            *error = InventorySnapshotFile::tr(
                "The saved inventory holds a gateway that cannot be read.");
            return false;
        }
        result.gateways.append(gateway);
    }
    *snapshot = std::move(result);
    error->clear();
    return true;
}

QString snapshotPath(const QString &scope, const QUrl &endpoint, const QString &account)
{
    // Region ids are [a-z0-9-]; anything else is hashed so it can never leave the directory.
    static const QRegularExpression safe(QStringLiteral("^[a-z0-9-]{1,64}$"));
    QString name = safe.match(scope).hasMatch()
                       ? scope
                       : QString::fromLatin1(
                             QCryptographicHash::hash(scope.toUtf8(), QCryptographicHash::Sha256)
                                 .toHex()
                                 .left(16));
    if (!endpoint.isEmpty()) {
        const QByteArray where =
            endpoint.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toEncoded();
        name += QLatin1Char('@') +
                QString::fromLatin1(
                    QCryptographicHash::hash(where, QCryptographicHash::Sha256).toHex().left(12));
    }
    if (!account.isEmpty()) // a profile name can hold anything: hashed
        name += QLatin1Char('~') +
                QString::fromLatin1(
                    QCryptographicHash::hash(account.toUtf8(), QCryptographicHash::Sha256)
                        .toHex()
                        .left(12));
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
           QStringLiteral("/inventory/") + name + QStringLiteral(".json");
}

bool saveSnapshot(const QString &path, const InventorySnapshot &snapshot, QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = InventorySnapshotFile::tr("Cannot create the folder for %1.").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(serializeSnapshot(snapshot)) < 0 ||
        !file.commit()) {
        *error = InventorySnapshotFile::tr("Cannot save the inventory to %1: %2.")
                     .arg(path, file.errorString());
        return false;
    }
    error->clear();
    return true;
}

bool loadSnapshot(const QString &path, InventorySnapshot *snapshot, QString *error)
{
    const FileContent content = readCappedFile(path, maxSnapshotBytes);
    if (content.status == FileContent::Status::Missing) {
        error->clear();
        return false;
    }
    if (content.status == FileContent::Status::Failed) {
        *error = content.error;
        return false;
    }
    return parseSnapshot(content.data, snapshot, error);
}

} // namespace dbs
