#pragma once

#include <QString>
#include <QtGlobal>

namespace dbs {

// How the window writes times: an age, the local time and UTC ISO-8601. Plain functions so the
// detail pane, copied rows and the tests agree.
namespace timetext {

// The age of `epochMs` at `nowMs` in the table's words (formatAge: "3 min ago"), or "never" when
// the service sent no time (0).
QString ageAt(qint64 epochMs, qint64 nowMs);
// "2024-05-01 14:03:12 (UTC+08:00)" in the machine's time zone.
QString local(qint64 epochMs);
// "2024-05-01T06:03:12.000Z"
QString utcIso(qint64 epochMs);

} // namespace timetext
} // namespace dbs
