#pragma once

#include "changes.h"

#include <QByteArray>

namespace dbs {

// One change as the single JSON line `dbs-gateways watch` prints (no newline):
// {"change":"status","time":"2026-11-28T01:02:03.000Z","region":"cn-hangzhou","id":"dbs…",
//  "status":"OFFLINE","previousStatus":"ONLINE","gateway":{…every field, API names…}}
// previousStatus is left out for "added".
QByteArray changeJsonLine(const GatewayChange &change);

} // namespace dbs
