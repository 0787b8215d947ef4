#pragma once

#include <QString>
#include <QtGlobal>

namespace dbs {

// Every way a time is written, for the window, the exports and dbs-gateways: one function per
// format, so a format used in two places is the same bytes in both. Times are the API's epoch
// milliseconds. The formats written to files and pipes (CSV, `list`, watch's JSON lines) are
// contracts other programs parse: change them only together with those programs.
namespace timewords {

// The units of the ages written here and of the durations the command lines read.
inline constexpr qint64 second = 1000;
inline constexpr qint64 minute = 60 * second;
inline constexpr qint64 hour = 60 * minute;
inline constexpr qint64 day = 24 * hour;

// How long ago, in the table's words: "just now" under 5 s, then whole seconds, minutes, hours
// and days, always rounded down ("59 s ago", "1 min ago"). Negative ages (a clock running
// behind the service's) read "just now". Translated, with plural forms.
QString age(qint64 ageMs);
// The age of `epochMs` at `nowMs` (age()), or "never" when the service sent no time (0).
QString ageAt(qint64 epochMs, qint64 nowMs);
// "2024-05-01 14:03:12" in the machine's time zone: a table cell.
QString local(qint64 epochMs);
// "2024-05-01 14:03:12 (UTC+08:00)", the zone as an offset (abbreviations such as CST are
// ambiguous), or "never" for 0.
QString localWithZone(qint64 epochMs);
// "2024-05-01T06:03:12Z", or nothing for 0: the CSV export, `dbs-gateways list`, tooltips.
QString utcIso(qint64 epochMs);
// "2024-05-01T06:03:12.000Z", or nothing for 0: watch's JSON lines, copied rows, the detail
// pane.
QString utcIsoMs(qint64 epochMs);
// In the user's locale, local time: a date and time short ("5/1/24 2:03 PM") or long; the
// recent form gives the time alone on the day of `nowMs` (a change log's rows).
QString localeShort(qint64 epochMs);
QString localeLong(qint64 epochMs);
QString localeRecent(qint64 epochMs, qint64 nowMs);
// "20240501-140312", local time: a default file name's stamp.
QString fileStamp(qint64 epochMs);

} // namespace timewords
} // namespace dbs
