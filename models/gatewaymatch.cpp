#include "gatewaymatch.h"

#include "api/backupgateway.h"

namespace dbs {

namespace {
// Between fields, so that a needle never matches across two of them; no one types it.
constexpr QChar separator = QChar(0x1f); // ASCII unit separator
} // namespace

QString searchHaystack(const BackupGateway &gateway)
{
    const QString fields[] = {gateway.displayName, gateway.backupGatewayId, gateway.identifier,
                              gateway.hostname,    gateway.internetIp,      gateway.intranetIp};
    QString haystack;
    qsizetype size = 0;
    for (const QString &field : fields)
        size += field.size() + 1;
    haystack.reserve(size);
    for (const QString &field : fields) {
        haystack += field;
        haystack += separator;
    }
    // Case folding rather than lower-casing: it is what Qt::CaseInsensitive compares with.
    return haystack.toCaseFolded();
}

QString foldNeedle(const QString &needle)
{
    return needle.trimmed().toCaseFolded();
}

bool haystackContains(const QString &haystack, const QString &foldedNeedle)
{
    return foldedNeedle.isEmpty() || haystack.contains(foldedNeedle, Qt::CaseSensitive);
}

bool matchesText(const BackupGateway &gateway, const QString &needle)
{
    return haystackContains(searchHaystack(gateway), foldNeedle(needle));
}

} // namespace dbs
