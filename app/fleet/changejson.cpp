#include "changejson.h"

#include <api/gatewayfields.h>
#include <export/textformat.h>
#include <export/timewords.h>

#include <QJsonObject>

namespace dbs {

QByteArray changeJsonLine(const GatewayChange &change)
{
    QJsonObject line{
        {QStringLiteral("change"), QString(changeKindName(change.kind))},
        {QStringLiteral("time"), timewords::utcIsoMs(change.timeMs)},
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
