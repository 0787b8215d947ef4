#pragma once

#include <api/backupgateway.h>

#include <QByteArray>
#include <QStringList>
#include <QVector>

#include <functional>
#include <memory>

namespace dbs {

class DeflateStream;

// The gateways of one listing as the exporter keeps them: what their series say, the label text
// written once and deflated, so that between refreshes a fleet of 100,000 gateways costs a few
// megabytes. Copies share their data.
class GatewaySeriesList
{
public:
    struct Entry
    {
        quint32 labelsLength = 0; // of its label text (see forEach)
        quint32 idLength = 0;     // the first idLength bytes of it: id="…"
        quint32 status = 0;       // an index in statuses()
        qint64 lastHeartbeatTime = 0;
        qint64 createTime = 0;
    };

    qsizetype size() const { return m_entries.size(); }
    const QVector<Entry> &entries() const { return m_entries; }
    const QStringList &statuses() const { return m_statuses; } // upper-cased
    const QString &statusOf(const Entry &entry) const { return m_statuses.at(entry.status); }

    // Each gateway in order with its label text, id="…",identifier="…",name="…",hostname="…",
    // internet_ip="…",intranet_ip="…", escaped for either text format: entry.labelsLength bytes,
    // valid during the call.
    // False when the kept text was damaged (visit then saw only part of the gateways).
    bool forEach(const std::function<void(const Entry &, const char *labels)> &visit) const;

private:
    friend class GatewaySeriesBuilder;
    QVector<Entry> m_entries;
    QStringList m_statuses;
    QByteArray m_deflated;
};

// Builds a GatewaySeriesList from rows as they are listed.
class GatewaySeriesBuilder
{
public:
    GatewaySeriesBuilder();
    ~GatewaySeriesBuilder();
    GatewaySeriesBuilder(const GatewaySeriesBuilder &) = delete;
    GatewaySeriesBuilder &operator=(const GatewaySeriesBuilder &) = delete;

    void append(const BackupGateway &gateway);
    // The list; the builder is spent. Empty entries when zlib failed (never seen).
    GatewaySeriesList finish();

private:
    GatewaySeriesList m_list;
    std::unique_ptr<DeflateStream> m_deflate;
};

// A label value in either text format: backslash, double quote and line feed escaped, and every
// control or bidirectional character first shown as an escape (visibleText).
QByteArray labelValue(const QString &text);

} // namespace dbs
