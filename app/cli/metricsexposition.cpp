#include "metricsexposition.h"

#include <fleet/staleness.h>
#include <fleet/summary.h>

namespace dbs {
namespace {

// Accept and Accept-Encoding: the q of each listed value, by name (lower case).
QMap<QByteArray, double> qualities(const QByteArray &header)
{
    QMap<QByteArray, double> result;
    for (const QByteArray &item : header.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        const QByteArray name = parts.first().trimmed().toLower();
        if (name.isEmpty())
            continue;
        double q = 1;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts.at(i).trimmed();
            if (parameter.startsWith("q=")) {
                bool ok = false;
                q = parameter.mid(2).toDouble(&ok);
                if (!ok)
                    q = 0;
            }
        }
        result[name] = std::max(result.value(name, 0), q);
    }
    return result;
}

QByteArray seconds(qint64 ms)
{
    return QByteArray::number(double(ms) / 1000.0, 'f', 3);
}

// The text of one scrape, family by family; each family's samples stay together, as
// OpenMetrics requires.
class Writer
{
public:
    Writer(MetricsFormat format, const std::function<void(const QByteArray &)> &sink)
        : m_openMetrics(format == MetricsFormat::OpenMetrics), m_sink(sink)
    {
        m_buffer.reserve(chunk + 1024);
    }

    enum class Type { Gauge, Counter, Info, StateSet };

    // Starts a family. `name` is its samples' name (a counter's with _total, an info's with
    // _info), as the Prometheus format names the family; OpenMetrics names it without the
    // suffix and types info and state sets as such.
    void family(const char *name, Type type, const char *help, const char *unit = nullptr)
    {
        QByteArray familyName = name;
        const char *typeName = "gauge";
        if (type == Type::Counter) {
            typeName = "counter";
            if (m_openMetrics)
                familyName.chop(int(qstrlen("_total")));
        } else if (m_openMetrics && type == Type::Info) {
            typeName = "info";
            familyName.chop(int(qstrlen("_info")));
        } else if (m_openMetrics && type == Type::StateSet) {
            typeName = "stateset";
        }
        append("# HELP " + familyName + ' ' + help + '\n');
        append("# TYPE " + familyName + ' ' + typeName + '\n');
        if (m_openMetrics && unit)
            append("# UNIT " + familyName + ' ' + unit + '\n');
    }

    void sample(const char *name, const QByteArray &labels, const QByteArray &value)
    {
        m_buffer += name;
        if (!labels.isEmpty()) {
            m_buffer += '{';
            m_buffer += labels;
            m_buffer += '}';
        }
        m_buffer += ' ';
        m_buffer += value;
        m_buffer += '\n';
        flushIfFull();
    }

    void finish()
    {
        if (m_openMetrics)
            m_buffer += "# EOF\n";
        if (!m_buffer.isEmpty())
            m_sink(m_buffer);
        m_buffer.clear();
    }

private:
    static constexpr qsizetype chunk = 64 * 1024;

    void append(const QByteArray &text)
    {
        m_buffer += text;
        flushIfFull();
    }
    void flushIfFull()
    {
        if (m_buffer.size() < chunk)
            return;
        m_sink(m_buffer);
        m_buffer.resize(0); // keeps its capacity, unlike clear()
    }

    bool m_openMetrics;
    const std::function<void(const QByteArray &)> &m_sink;
    QByteArray m_buffer;
};

QByteArray listingLabels(const ListingState &listing)
{
    return "account=\"" + labelValue(listing.account) + "\",region=\"" +
           labelValue(listing.region) + '"';
}

// When a listing's heartbeats are judged: now, or, for one that cannot be listed now, when it
// last was (its heartbeats are that old, not older: an unreadable region is one alert, not
// every gateway in it falling silent).
qint64 judgedAt(const ListingState &listing, qint64 nowMs)
{
    return listing.up ? nowMs : std::min(nowMs, listing.lastSuccessMs);
}

// A listing's counts, judged at a moment.
FleetSummary countsOf(const ListingState &listing, qint64 nowMs, qint64 staleAfterMs)
{
    FleetSummary counts;
    for (const GatewaySeriesList::Entry &gateway : listing.gateways.entries()) {
        addToSummary(&counts, listing.gateways.statusOf(gateway), gateway.lastHeartbeatTime, nowMs,
                     staleAfterMs);
    }
    return counts;
}

// The statuses a state set or a count names: the documented ones, then any other seen.
QStringList statusesOf(const FleetSummary &counts)
{
    QStringList statuses = knownStatuses();
    for (auto it = counts.byStatus.cbegin(); it != counts.byStatus.cend(); ++it) {
        if (!statuses.contains(it.key()))
            statuses.append(it.key());
    }
    return statuses;
}

} // namespace

QByteArray metricsContentType(MetricsFormat format)
{
    return format == MetricsFormat::OpenMetrics
               ? QByteArrayLiteral("application/openmetrics-text; version=1.0.0; charset=utf-8")
               : QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
}

MetricsFormat negotiateMetricsFormat(const QByteArray &accept)
{
    const QMap<QByteArray, double> q = qualities(accept);
    const double openMetrics = q.value("application/openmetrics-text", 0);
    const double text =
        std::max({q.value("text/plain", 0), q.value("text/*", 0), q.value("*/*", 0)});
    return openMetrics > 0 && openMetrics >= text ? MetricsFormat::OpenMetrics
                                                  : MetricsFormat::Prometheus;
}

bool acceptsGzip(const QByteArray &acceptEncoding)
{
    const QMap<QByteArray, double> q = qualities(acceptEncoding);
    return q.value("gzip", q.value("*", 0)) > 0;
}

void writeMetrics(const ExporterMetrics &metrics, MetricsFormat format,
                  GatewayMetrics gatewayMetrics, qint64 nowMs, qint64 staleAfterMs,
                  const std::function<void(const QByteArray &)> &sink)
{
    Writer out(format, sink);
    using Type = Writer::Type;

    QVector<QByteArray> labels;
    QVector<FleetSummary> summaries;
    for (const ListingState &listing : metrics.listings) {
        labels.append(listingLabels(listing));
        summaries.append(countsOf(listing, judgedAt(listing, nowMs), staleAfterMs));
    }
    const auto listed = [&](qsizetype i) { return metrics.listings.at(i).listed; };

    out.family("dbs_gateways", Type::Gauge,
               "Backup gateways by status, as the last complete listing of the region found "
               "them.");
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (!listed(i))
            continue;
        for (const QString &status : statusesOf(summaries.at(i))) {
            out.sample("dbs_gateways", labels.at(i) + ",status=\"" + labelValue(status) + '"',
                       QByteArray::number(summaries.at(i).byStatus.value(status)));
        }
    }
    out.family("dbs_gateways_stale", Type::Gauge,
               "ONLINE backup gateways whose last heartbeat is older than --stale-after.");
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (listed(i))
            out.sample("dbs_gateways_stale", labels.at(i),
                       QByteArray::number(summaries.at(i).stale));
    }
    out.family("dbs_region_up", Type::Gauge,
               "Whether the last listing of the region succeeded (1) or failed (0).");
    for (qsizetype i = 0; i < labels.size(); ++i)
        out.sample("dbs_region_up", labels.at(i), metrics.listings.at(i).up ? "1" : "0");
    out.family("dbs_region_listing_duration_seconds", Type::Gauge,
               "How long the last listing of the region took.", "seconds");
    for (qsizetype i = 0; i < labels.size(); ++i) {
        out.sample("dbs_region_listing_duration_seconds", labels.at(i),
                   QByteArray::number(metrics.listings.at(i).durationSeconds, 'f', 3));
    }
    out.family("dbs_region_last_success_timestamp_seconds", Type::Gauge,
               "When the region was last listed completely.", "seconds");
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (metrics.listings.at(i).lastSuccessMs > 0)
            out.sample("dbs_region_last_success_timestamp_seconds", labels.at(i),
                       seconds(metrics.listings.at(i).lastSuccessMs));
    }

    // Per gateway, family by family: each listing's gateways that --gateway-metrics keeps.
    const auto eachGateway =
        [&](const std::function<void(const QByteArray &listingLabels, const GatewaySeriesList &list,
                                     const GatewaySeriesList::Entry &, const char *labels,
                                     bool stale)> &write) {
            if (gatewayMetrics == GatewayMetrics::None)
                return;
            for (qsizetype i = 0; i < labels.size(); ++i) {
                const GatewaySeriesList &list = metrics.listings.at(i).gateways;
                const qint64 at = judgedAt(metrics.listings.at(i), nowMs);
                list.forEach([&](const GatewaySeriesList::Entry &entry, const char *text) {
                    const QString &status = list.statusOf(entry);
                    const bool stale = isStale(status, entry.lastHeartbeatTime, at, staleAfterMs);
                    if (gatewayMetrics == GatewayMetrics::Problems && isOnline(status) && !stale)
                        return;
                    write(labels.at(i), list, entry, text, stale);
                });
            }
        };
    QByteArray sampleLabels; // reused: one allocation for every sample
    const auto labelsOf = [&sampleLabels](const QByteArray &listing, const char *text,
                                          quint32 length) -> QByteArray & {
        sampleLabels = listing;
        sampleLabels += ',';
        sampleLabels.append(text, qsizetype(length));
        return sampleLabels;
    };
    using Entry = GatewaySeriesList::Entry;
    out.family("dbs_gateway_info", Type::Info,
               "A backup gateway: its identifier, name, host name and addresses.");
    eachGateway([&](const QByteArray &listing, const GatewaySeriesList &, const Entry &entry,
                    const char *text, bool) {
        out.sample("dbs_gateway_info", labelsOf(listing, text, entry.labelsLength), "1");
    });
    out.family("dbs_gateway_status", Type::StateSet,
               "A backup gateway's status: 1 for the one it has.");
    const QStringList known = knownStatuses();
    eachGateway([&](const QByteArray &listing, const GatewaySeriesList &list, const Entry &entry,
                    const char *text, bool) {
        const QString &status = list.statusOf(entry);
        const bool other = !known.contains(status);
        for (qsizetype s = 0; s < known.size() + other; ++s) {
            const QString &state = s < known.size() ? known.at(s) : status;
            QByteArray &stateLabels = labelsOf(listing, text, entry.idLength);
            stateLabels += ",dbs_gateway_status=\"" + labelValue(state) + '"';
            out.sample("dbs_gateway_status", stateLabels, state == status ? "1" : "0");
        }
    });
    out.family("dbs_gateway_stale", Type::Gauge,
               "Whether the backup gateway is ONLINE with a heartbeat older than --stale-after.");
    eachGateway([&](const QByteArray &listing, const GatewaySeriesList &, const Entry &entry,
                    const char *text, bool stale) {
        out.sample("dbs_gateway_stale", labelsOf(listing, text, entry.idLength), stale ? "1" : "0");
    });
    out.family("dbs_gateway_last_heartbeat_timestamp_seconds", Type::Gauge,
               "When the backup gateway last sent a heartbeat.", "seconds");
    eachGateway([&](const QByteArray &listing, const GatewaySeriesList &, const Entry &entry,
                    const char *text, bool) {
        if (entry.lastHeartbeatTime > 0)
            out.sample("dbs_gateway_last_heartbeat_timestamp_seconds",
                       labelsOf(listing, text, entry.idLength), seconds(entry.lastHeartbeatTime));
    });
    out.family("dbs_gateway_creation_timestamp_seconds", Type::Gauge,
               "When the backup gateway was created.", "seconds");
    eachGateway([&](const QByteArray &listing, const GatewaySeriesList &, const Entry &entry,
                    const char *text, bool) {
        if (entry.createTime > 0)
            out.sample("dbs_gateway_creation_timestamp_seconds",
                       labelsOf(listing, text, entry.idLength), seconds(entry.createTime));
    });

    out.family("dbs_exporter_api_requests_total", Type::Counter,
               "DBS API calls the exporter made, by result: the HTTP status, or the error.");
    for (auto it = metrics.apiRequests.cbegin(); it != metrics.apiRequests.cend(); ++it) {
        out.sample("dbs_exporter_api_requests_total", "code=\"" + labelValue(it.key()) + '"',
                   QByteArray::number(it.value()));
    }
    out.family("dbs_exporter_refreshes_total", Type::Counter,
               "Complete refreshes of the inventory since the exporter started.");
    out.sample("dbs_exporter_refreshes_total", {}, QByteArray::number(metrics.refreshes));
    out.family("dbs_exporter_last_refresh_duration_seconds", Type::Gauge,
               "How long the last refresh of every region took.", "seconds");
    out.sample("dbs_exporter_last_refresh_duration_seconds", {},
               QByteArray::number(metrics.lastRefreshSeconds, 'f', 3));
    out.family("dbs_exporter_build_info", Type::Info, "The exporter's version.");
    out.sample("dbs_exporter_build_info",
               "version=\"" + labelValue(metrics.version) + "\",qt_version=\"" + qVersion() + '"',
               "1");
    out.finish();
}

} // namespace dbs
