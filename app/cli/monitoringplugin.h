#pragma once

#include <fleet/summary.h>

#include <QString>
#include <QStringList>

#include <optional>

namespace dbs {

// What a monitoring plugin says, as its exit status (the Monitoring Plugins guidelines, which
// Nagios, Icinga, Zabbix, Checkmk and Sensu follow).
enum class PluginStatus { Ok = 0, Warning = 1, Critical = 2, Unknown = 3 };

// "OK", "WARNING", "CRITICAL", "UNKNOWN": the words of the status line.
QLatin1String pluginStatusWord(PluginStatus status);

// A threshold range as the guidelines define it: "10" alerts outside 0..10, "10:" below 10,
// "~:10" above 10, "10:20" outside 10..20, "@10:20" inside 10..20 (ends included).
struct PluginRange
{
    double start = 0;
    bool startInfinite = false; // "~"
    double end = 0;
    bool endInfinite = false; // "10:"
    bool inside = false;      // "@": alert inside the range instead of outside
    QString text;             // as given, for the performance data

    bool alerts(double value) const;
};

// Pure: the range `text` means, or nothing with `error` set (translated).
std::optional<PluginRange> parsePluginRange(const QString &text, QString *error);

struct CheckThresholds
{
    std::optional<PluginRange> offlineWarning;
    std::optional<PluginRange> offlineCritical;
    std::optional<PluginRange> staleWarning;
    std::optional<PluginRange> staleCritical;
};

// What was listed: the gateways' counts, and what could not be listed (a region or the
// sign-in, in words), which makes the result UNKNOWN whatever the counts say.
struct CheckInput
{
    FleetSummary summary;
    QStringList failures; // "cn-beijing: Forbidden.RAM", or why nothing could be listed
};

struct CheckResult
{
    PluginStatus status = PluginStatus::Unknown;
    QString line; // "DBS OK - 120 gateways, 0 offline, 2 stale | offline=0;1;5;0;120 ..."
};

// Pure: the status and the one line of output. CRITICAL before WARNING; an unreadable region
// or account is UNKNOWN, never OK (the counts it could read are still said).
CheckResult evaluateCheck(const CheckInput &input, const CheckThresholds &thresholds);

} // namespace dbs
