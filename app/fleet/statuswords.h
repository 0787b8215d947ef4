#pragma once

#include <QString>

namespace dbs {

// The words for a gateway's status, wherever one is shown: the table, the detail pane, the
// status filter, the summary strip. The statuses themselves are knownStatuses(). A stale
// gateway (ONLINE, heartbeat too old) says so in words, never by colour alone.
namespace statuswords {

// "Online", "Offline"...; a status this build does not know is shown as the service spells it,
// its control characters escaped (visibleText), and a missing one as "(unknown)".
QString name(const QString &status);
// name(), plus "(stale)" for a stale one: "Online (stale)".
QString text(const QString &status, bool stale);
// A sentence for tooltips: what the status means.
QString description(const QString &status, bool stale);

} // namespace statuswords
} // namespace dbs
