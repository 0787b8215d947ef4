#include "gatewayfields.h"

#include <QCoreApplication>

namespace dbs {

const QList<GatewayField> &allGatewayFields()
{
    static const QList<GatewayField> fields = {
        GatewayField::BackupGatewayId,
        GatewayField::Identifier,
        GatewayField::DisplayName,
        GatewayField::BackupGatewayStatus,
        GatewayField::Region,
        GatewayField::SourceEndpointHostname,
        GatewayField::SourceEndpointInternetIP,
        GatewayField::SourceEndpointIntranetIP,
        GatewayField::BackupGatewayCreateTime,
        GatewayField::LastHeartbeatTime,
    };
    return fields;
}

const QList<GatewayField> &tableGatewayFields()
{
    static const QList<GatewayField> fields = allGatewayFields() + QList{GatewayField::Account};
    return fields;
}

QLatin1String apiFieldName(GatewayField field)
{
    switch (field) {
    case GatewayField::BackupGatewayId:
        return QLatin1String("BackupGatewayId");
    case GatewayField::Identifier:
        return QLatin1String("Identifier");
    case GatewayField::DisplayName:
        return QLatin1String("DisplayName");
    case GatewayField::BackupGatewayStatus:
        return QLatin1String("BackupGatewayStatus");
    case GatewayField::Region:
        return QLatin1String("Region");
    case GatewayField::SourceEndpointHostname:
        return QLatin1String("SourceEndpointHostname");
    case GatewayField::SourceEndpointInternetIP:
        return QLatin1String("SourceEndpointInternetIP");
    case GatewayField::SourceEndpointIntranetIP:
        return QLatin1String("SourceEndpointIntranetIP");
    case GatewayField::BackupGatewayCreateTime:
        return QLatin1String("BackupGatewayCreateTime");
    case GatewayField::LastHeartbeatTime:
        return QLatin1String("LastHeartbeatTime");
    case GatewayField::Account:
        return QLatin1String("Account");
    }
    return {};
}

QString fieldTitle(GatewayField field)
{
    // A free function has no tr(): one literal context, so lupdate finds every title.
    const char *title = "";
    switch (field) {
    case GatewayField::BackupGatewayId:
        title = QT_TRANSLATE_NOOP("dbs::GatewayFields", "Gateway ID");
        break;
    case GatewayField::Identifier:
        title = QT_TRANSLATE_NOOP("dbs::GatewayFields", "Identifier");
        break;
    case GatewayField::DisplayName:
        title = QT_TRANSLATE_NOOP("dbs::GatewayFields", "Name");
        break;
    case GatewayField::BackupGatewayStatus:
        title = QT_TRANSLATE_NOOP("dbs::GatewayFields", "Status");
        break;
    case GatewayField::Region:
        title = QT_TRANSLATE_NOOP("dbs::GatewayFields", "Region");
        break;
    case GatewayField::SourceEndpointHostname:
        title = QT_TRANSLATE_NOOP("dbs::GatewayFields", "Hostname");
        break;
    case GatewayField::SourceEndpointInternetIP:
        title = QT_TRANSLATE_NOOP("dbs::GatewayFields", "Public IP");
        break;
    case GatewayField::SourceEndpointIntranetIP:
        title = QT_TRANSLATE_NOOP("dbs::GatewayFields", "Private IP");
        break;
    case GatewayField::BackupGatewayCreateTime:
        title = QT_TRANSLATE_NOOP("dbs::GatewayFields", "Created");
        break;
    case GatewayField::LastHeartbeatTime:
        title = QT_TRANSLATE_NOOP("dbs::GatewayFields", "Last heartbeat");
        break;
    case GatewayField::Account:
        title = QT_TRANSLATE_NOOP("dbs::GatewayFields", "Account");
        break;
    }
    return QCoreApplication::translate("dbs::GatewayFields", title);
}

bool isTimeField(GatewayField field)
{
    return field == GatewayField::BackupGatewayCreateTime ||
           field == GatewayField::LastHeartbeatTime;
}

QVariant fieldValue(const BackupGateway &gateway, GatewayField field)
{
    switch (field) {
    case GatewayField::BackupGatewayId:
        return gateway.backupGatewayId;
    case GatewayField::Identifier:
        return gateway.identifier;
    case GatewayField::DisplayName:
        return gateway.displayName;
    case GatewayField::BackupGatewayStatus:
        return gateway.status;
    case GatewayField::Region:
        return gateway.region;
    case GatewayField::SourceEndpointHostname:
        return gateway.hostname;
    case GatewayField::SourceEndpointInternetIP:
        return gateway.internetIp;
    case GatewayField::SourceEndpointIntranetIP:
        return gateway.intranetIp;
    case GatewayField::BackupGatewayCreateTime:
        return gateway.createTime;
    case GatewayField::LastHeartbeatTime:
        return gateway.lastHeartbeatTime;
    case GatewayField::Account:
        return gateway.account;
    }
    return {};
}

QString fieldText(const BackupGateway &gateway, GatewayField field)
{
    return fieldValue(gateway, field).toString();
}

void setFieldValue(BackupGateway *gateway, GatewayField field, const QVariant &value)
{
    switch (field) {
    case GatewayField::BackupGatewayId:
        gateway->backupGatewayId = value.toString();
        break;
    case GatewayField::Identifier:
        gateway->identifier = value.toString();
        break;
    case GatewayField::DisplayName:
        gateway->displayName = value.toString();
        break;
    case GatewayField::BackupGatewayStatus:
        gateway->status = value.toString();
        break;
    case GatewayField::Region:
        gateway->region = value.toString();
        break;
    case GatewayField::SourceEndpointHostname:
        gateway->hostname = value.toString();
        break;
    case GatewayField::SourceEndpointInternetIP:
        gateway->internetIp = value.toString();
        break;
    case GatewayField::SourceEndpointIntranetIP:
        gateway->intranetIp = value.toString();
        break;
    case GatewayField::BackupGatewayCreateTime:
        gateway->createTime = value.toLongLong();
        break;
    case GatewayField::LastHeartbeatTime:
        gateway->lastHeartbeatTime = value.toLongLong();
        break;
    case GatewayField::Account:
        gateway->account = value.toString();
        break;
    }
}

QJsonObject toJson(const BackupGateway &gateway)
{
    return toJson(gateway, allGatewayFields());
}

QJsonObject toJson(const BackupGateway &gateway, const QList<GatewayField> &fields)
{
    QJsonObject object;
    for (GatewayField field : fields)
        object.insert(apiFieldName(field), QJsonValue::fromVariant(fieldValue(gateway, field)));
    return object;
}

} // namespace dbs
