#pragma once

#include <fleet/staleness.h>

#include <QString>
#include <QtGlobal>

namespace dbs {

struct BackupGateway;

// How long ago a heartbeat was, for a table cell: "just now" under 5 s, then whole seconds,
// minutes, hours and days, always rounded down ("59 s ago", "1 min ago"). Negative ages (a
// clock running behind the service's) read "just now". Translated, with plural forms.
QString formatAge(qint64 ageMs);

} // namespace dbs
