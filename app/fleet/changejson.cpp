#include "changejson.h"

#include <api/epochtime.h>
#include <api/gatewayfields.h>
#include <export/textformat.h>

#include <QDateTime>
#include <QJsonObject>

namespace dbs {

QByteArray changeJsonLine(const GatewayChange &change)
{
    QJsonObject line{
        {QStringLiteral("change"), QString(changeKindName(change.kind))},
        {QStringLiteral("time"), utcFromEpochMs(change.timeMs).toString(Qt::ISODateWithMs)},
        {QStringLiteral("region"), change.gateway.region},
        {QStringLiteral("id"), change.gateway.backupGatewayId},
        {QStringLiteral("status"), change.gateway.status},
        {QStringLiteral("gateway"), toJson(change.gateway)},
    };
    if (change.kind != ChangeKind::Added)
        line.insert(QStringLiteral("previousStatus"), change.previousStatus);
    return compactJson(line);
}

} // namespace dbs
