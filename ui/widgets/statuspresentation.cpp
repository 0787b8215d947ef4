#include "statuspresentation.h"

#include "resources.h"

namespace dbs::statuspresentation {

QIcon icon(const QString &status, bool stale)
{
    initResources();
    if (stale)
        return QIcon(QStringLiteral(":/icons/status-stale.svg"));
    if (status == u"ONLINE")
        return QIcon(QStringLiteral(":/icons/status-online.svg"));
    if (status == u"OFFLINE")
        return QIcon(QStringLiteral(":/icons/status-offline.svg"));
    if (status == u"STOPPED")
        return QIcon(QStringLiteral(":/icons/status-stopped.svg"));
    if (status == u"UPGRADING")
        return QIcon(QStringLiteral(":/icons/status-upgrading.svg"));
    return QIcon(QStringLiteral(":/icons/status-unknown.svg"));
}

} // namespace dbs::statuspresentation
