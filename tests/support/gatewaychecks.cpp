#include "gatewaychecks.h"

namespace fixture {

const QStringList &apiFieldNames()
{
    static const QStringList names = {
        "BackupGatewayId",
        "Identifier",
        "DisplayName",
        "BackupGatewayStatus",
        "Region",
        "SourceEndpointHostname",
        "SourceEndpointInternetIP",
        "SourceEndpointIntranetIP",
        "BackupGatewayCreateTime",
        "LastHeartbeatTime",
    };
    return names;
}

int columnOf(dbs::GatewayField field)
{
    return int(dbs::allGatewayFields().indexOf(field));
}

bool containsText(const dbs::BackupGateway &gateway, const QString &needle)
{
    for (const QString &field : {gateway.displayName, gateway.backupGatewayId, gateway.identifier,
                                 gateway.hostname, gateway.internetIp, gateway.intranetIp}) {
        if (field.contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace fixture
