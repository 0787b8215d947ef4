#pragma once

#include <QIcon>
#include <QString>

namespace dbs {

// How a gateway's status is shown: always an icon and words, never colour alone. A stale
// gateway (ONLINE, heartbeat too old) gets its own icon and says so in words.
namespace statuspresentation {

QIcon icon(const QString &status, bool stale);
// "Online", "Offline"... (the table model's words); a status this build does not know is shown
// as the service spells it.
QString name(const QString &status);
// name(), plus "(stale)" for a stale one: "Online (stale)".
QString text(const QString &status, bool stale);
// A sentence for tooltips: what the status means.
QString description(const QString &status, bool stale);

} // namespace statuspresentation
} // namespace dbs
