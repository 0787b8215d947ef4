#pragma once

#include <QIcon>
#include <QString>

namespace dbs {

// How a gateway's status is shown: always an icon and words (statuswords), never colour alone.
// A stale gateway (ONLINE, heartbeat too old) gets its own icon.
namespace statuspresentation {

QIcon icon(const QString &status, bool stale);

} // namespace statuspresentation
} // namespace dbs
