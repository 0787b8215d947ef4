#pragma once

#include <api/backupgateway.h>
#include <api/gatewayfields.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace dbs {

// Rows for the clipboard as tab-separated text that spreadsheets paste into cells: a header
// row, then one line per gateway with the given fields. Times are written as UTC ISO-8601 (the
// table shows ages, which go stale on the clipboard). Tabs and line breaks inside a value become
// spaces so each value stays in its cell.
QString gatewaysToTsv(const QStringList &headers, const QList<GatewayField> &fields,
                      const QVector<BackupGateway> &gateways);

// The same rows as a Markdown table (for a ticket or a chat): "|" in values escaped, line
// breaks as spaces, times as UTC ISO-8601.
QString gatewaysToMarkdown(const QStringList &headers, const QList<GatewayField> &fields,
                           const QVector<BackupGateway> &gateways);

// The same rows as a JSON array of objects keyed by the API's field names, times in epoch
// milliseconds: what `dbs-gateways list --format json` prints, narrowed to `fields`.
QString gatewaysToJson(const QList<GatewayField> &fields, const QVector<BackupGateway> &gateways);

} // namespace dbs
