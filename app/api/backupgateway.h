#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace dbs {

// The statuses DescribeBackupGatewayList documents, in the order they are shown. A service may
// send another one: it is shown as it is.
inline QStringList knownStatuses()
{
    return {QStringLiteral("ONLINE"), QStringLiteral("OFFLINE"), QStringLiteral("STOPPED"),
            QStringLiteral("UPGRADING")};
}

// One backup gateway as DescribeBackupGatewayList reports it. Times are Unix epoch milliseconds
// (0 when the service sent none).
struct BackupGateway
{
    QString backupGatewayId;
    QString identifier;
    QString displayName;
    QString status; // ONLINE, OFFLINE, STOPPED, UPGRADING, or whatever the service says
    QString region;
    QString hostname;
    QString internetIp;
    QString intranetIp;
    qint64 createTime = 0;
    qint64 lastHeartbeatTime = 0;
    // Not the service's: which of the browser's accounts listed it, when it shows several.
    QString account;

    bool operator==(const BackupGateway &other) const = default;
};

// One page of the answer.
struct GatewayPage
{
    QVector<BackupGateway> gateways;
    QString requestId;
    int pageNum = 0;
    int pageSize = 0;
    int totalElements = 0;
    int totalPages = 0;
};

} // namespace dbs

Q_DECLARE_METATYPE(dbs::BackupGateway)
Q_DECLARE_METATYPE(dbs::GatewayPage)
