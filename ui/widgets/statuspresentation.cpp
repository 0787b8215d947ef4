#include "statuspresentation.h"

#include "resources.h"

#include <QCoreApplication>

namespace dbs::statuspresentation {

namespace {
// Text::tr() translates in this context; lupdate reads it from the macro.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(dbs::statuspresentation)
};
} // namespace

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

QString name(const QString &status)
{
    if (status == u"ONLINE")
        return Text::tr("Online");
    if (status == u"OFFLINE")
        return Text::tr("Offline");
    if (status == u"STOPPED")
        return Text::tr("Stopped");
    if (status == u"UPGRADING")
        return Text::tr("Upgrading");
    return status.isEmpty() ? Text::tr("(unknown)") : status; // as the service says it
}

QString text(const QString &status, bool stale)
{
    return stale ? Text::tr("%1 (stale)").arg(name(status)) : name(status);
}

QString description(const QString &status, bool stale)
{
    if (stale)
        return Text::tr(
            "Reports ONLINE, but its last heartbeat is older than the stale threshold.");
    if (status == u"ONLINE")
        return Text::tr("Online: the gateway is connected and sending heartbeats.");
    if (status == u"OFFLINE")
        return Text::tr("Offline: the gateway is not connected.");
    if (status == u"STOPPED")
        return Text::tr("Stopped: the gateway was stopped.");
    if (status == u"UPGRADING")
        return Text::tr("Upgrading: the gateway is installing a new version.");
    return Text::tr("A status this version of the browser does not know.");
}

} // namespace dbs::statuspresentation
