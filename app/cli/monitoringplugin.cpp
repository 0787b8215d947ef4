#include "monitoringplugin.h"

#include <export/textformat.h>

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace dbs {

namespace {
// A class only so that lupdate files these messages under the context tr() looks them up in.
class MonitoringPlugin
{
    Q_DECLARE_TR_FUNCTIONS(MonitoringPlugin)
};

std::optional<double> number(const QString &text)
{
    // C locale and finite only: "1,5" or "nan" are not thresholds.
    bool ok = false;
    const double value = QLocale::c().toDouble(text, &ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

QString perfValue(const std::optional<PluginRange> &range)
{
    return range ? range->text : QString();
}

QString perfData(const QString &label, int value, const std::optional<PluginRange> &warning,
                 const std::optional<PluginRange> &critical, int total)
{
    return QStringLiteral("%1=%2;%3;%4;0;%5")
        .arg(label)
        .arg(value)
        .arg(perfValue(warning), perfValue(critical))
        .arg(total);
}
} // namespace

QLatin1String pluginStatusWord(PluginStatus status)
{
    switch (status) {
    case PluginStatus::Ok:
        return QLatin1String("OK");
    case PluginStatus::Warning:
        return QLatin1String("WARNING");
    case PluginStatus::Critical:
        return QLatin1String("CRITICAL");
    case PluginStatus::Unknown:
        break;
    }
    return QLatin1String("UNKNOWN");
}

bool PluginRange::alerts(double value) const
{
    const bool within = (startInfinite || value >= start) && (endInfinite || value <= end);
    return inside ? within : !within;
}

std::optional<PluginRange> parsePluginRange(const QString &given, QString *error)
{
    PluginRange range;
    range.text = given.trimmed();
    QString text = range.text;
    const auto fail = [&] {
        *error = MonitoringPlugin::tr("\"%1\" is not a threshold range (such as 10, 10:, ~:10, "
                                      "10:20 or @10:20)")
                     .arg(visibleText(given));
        return std::nullopt;
    };
    if (text.startsWith(u'@')) {
        range.inside = true;
        text.remove(0, 1);
    }
    if (text.isEmpty())
        return fail();
    const qsizetype colon = text.indexOf(u':');
    if (colon < 0) {
        // "10": from 0 to 10.
        const std::optional<double> end = number(text);
        if (!end)
            return fail();
        range.end = *end;
    } else {
        const QString start = text.left(colon);
        const QString end = text.mid(colon + 1);
        if (start == u"~") {
            range.startInfinite = true;
        } else if (const std::optional<double> value =
                       number(start.isEmpty() ? QStringLiteral("0") : start)) {
            range.start = *value;
        } else {
            return fail();
        }
        if (end.isEmpty()) {
            range.endInfinite = true;
        } else if (const std::optional<double> value = number(end)) {
            range.end = *value;
        } else {
            return fail();
        }
    }
    if (!range.startInfinite && !range.endInfinite && range.start > range.end) {
        *error = MonitoringPlugin::tr("the threshold range \"%1\" ends before it starts")
                     .arg(visibleText(given));
        return std::nullopt;
    }
    return range;
}

CheckResult evaluateCheck(const CheckInput &input, const CheckThresholds &thresholds)
{
    const FleetSummary &summary = input.summary;
    const int offline = summary.byStatus.value(QStringLiteral("OFFLINE"));
    const int stale = summary.stale;
    CheckResult result;
    result.status = PluginStatus::Ok;
    const auto raise = [&result](PluginStatus status) {
        if (int(status) > int(result.status))
            result.status = status;
    };
    if ((thresholds.offlineCritical && thresholds.offlineCritical->alerts(offline)) ||
        (thresholds.staleCritical && thresholds.staleCritical->alerts(stale)))
        raise(PluginStatus::Critical);
    else if ((thresholds.offlineWarning && thresholds.offlineWarning->alerts(offline)) ||
             (thresholds.staleWarning && thresholds.staleWarning->alerts(stale)))
        raise(PluginStatus::Warning);
    // The status line is a contract monitoring systems read, like watch's JSON: the same
    // words and plain digits in every language. What could not be read may hide what
    // matters: never OK, and said first.
    QString text;
    if (!input.failures.isEmpty()) {
        result.status = PluginStatus::Unknown;
        text = QStringLiteral("%1 not listed (%2); ")
                   .arg(input.failures.size())
                   .arg(visibleText(input.failures.join(QStringLiteral("; "))));
    }
    text += QStringLiteral("%1 gateways, %2 offline, %3 stale")
                .arg(summary.total)
                .arg(offline)
                .arg(stale);
    const QStringList perf = {
        perfData(QStringLiteral("offline"), offline, thresholds.offlineWarning,
                 thresholds.offlineCritical, summary.total),
        perfData(QStringLiteral("stale"), stale, thresholds.staleWarning, thresholds.staleCritical,
                 summary.total),
        QStringLiteral("gateways=%1;;;0").arg(summary.total),
        QStringLiteral("online=%1;;;0;%2")
            .arg(summary.byStatus.value(QStringLiteral("ONLINE")))
            .arg(summary.total),
    };
    result.line = QStringLiteral("DBS %1 - %2 | %3")
                      .arg(pluginStatusWord(result.status), text, perf.join(u' '));
    return result;
}

} // namespace dbs
