#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace dbs {

struct BackupGateway;

// The text filter: a case-insensitive substring match over DisplayName, BackupGatewayId,
// Identifier, hostname and both IPs. An empty (or all-blank) needle matches everything.
bool matchesText(const BackupGateway &gateway, const QString &needle);

// The pieces matchesText() is made of, for callers that match one needle against many rows:
// the haystack is built once per row, the needle once per keystroke. Both are case-folded
// UTF-8: half the memory of UTF-16 for the usual ASCII, and a byte search finds exactly the
// folded text's substrings (UTF-8 never matches across a character boundary).
QByteArray searchHaystack(const BackupGateway &gateway);
QByteArray foldNeedle(const QString &needle);
bool haystackContains(QByteArrayView haystack, QByteArrayView foldedNeedle);

} // namespace dbs
