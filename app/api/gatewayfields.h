#pragma once

#include "backupgateway.h"

#include <QJsonObject>
#include <QList>
#include <QVariant>

namespace dbs {

// The fields of a gateway in the API's order, with the API's names: one table that the parser,
// the simulator, the exports and the table model all read.
enum class GatewayField {
    BackupGatewayId,
    Identifier,
    DisplayName,
    BackupGatewayStatus,
    Region,
    SourceEndpointHostname,
    SourceEndpointInternetIP,
    SourceEndpointIntranetIP,
    BackupGatewayCreateTime,
    LastHeartbeatTime,
    Account, // not the API's: BackupGateway::account, a column only where several are shown
};

// The API's fields (what the service sends, the parser reads and `list` prints).
const QList<GatewayField> &allGatewayFields();
// The table's columns: the API's fields, then the account that listed the gateway.
const QList<GatewayField> &tableGatewayFields();
QLatin1String apiFieldName(GatewayField field);
// The translated column title, e.g. "Last heartbeat": the table's header and the CSV export's.
QString fieldTitle(GatewayField field);
bool isTimeField(GatewayField field);
// A QString for text fields, a qint64 (epoch ms) for the two times.
QVariant fieldValue(const BackupGateway &gateway, GatewayField field);
QString fieldText(const BackupGateway &gateway, GatewayField field);
// The inverse of fieldValue(): a QString for text fields, an epoch-ms number for the times.
void setFieldValue(BackupGateway *gateway, GatewayField field, const QVariant &value);
// The API's field names and values: every field, or those of `fields`.
QJsonObject toJson(const BackupGateway &gateway);
QJsonObject toJson(const BackupGateway &gateway, const QList<GatewayField> &fields);

} // namespace dbs
