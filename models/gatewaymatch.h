#pragma once

#include <QString>

namespace dbs {

struct BackupGateway;

// The text filter: a case-insensitive substring match over DisplayName, BackupGatewayId,
// Identifier, hostname and both IPs. An empty (or all-blank) needle matches everything.
bool matchesText(const BackupGateway &gateway, const QString &needle);

// The pieces matchesText() is made of, for callers that match one needle against many rows:
// the haystack is built once per row, the needle once per keystroke.
QString searchHaystack(const BackupGateway &gateway);
QString foldNeedle(const QString &needle);
bool haystackContains(const QString &haystack, const QString &foldedNeedle);

} // namespace dbs
