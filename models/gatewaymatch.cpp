#include "gatewaymatch.h"

#include <api/backupgateway.h>

#include <string_view>

namespace dbs {

namespace {
// Between fields, so that a needle never matches across two of them; no one types it.
constexpr QChar separator = QChar(0x1f); // ASCII unit separator
} // namespace

QByteArray searchHaystack(const BackupGateway &gateway)
{
    const QString *fields[] = {&gateway.displayName, &gateway.backupGatewayId, &gateway.identifier,
                               &gateway.hostname,    &gateway.internetIp,      &gateway.intranetIp};
    QString haystack;
    qsizetype size = 0;
    for (const QString *field : fields)
        size += field->size() + 1;
    haystack.reserve(size);
    for (const QString *field : fields) {
        haystack += *field;
        haystack += separator;
    }
    // Case folding rather than lower-casing: it is what Qt::CaseInsensitive compares with.
    return haystack.toCaseFolded().toUtf8();
}

QByteArray foldNeedle(const QString &needle)
{
    return needle.trimmed().toCaseFolded().toUtf8();
}

bool haystackContains(QByteArrayView haystack, QByteArrayView foldedNeedle)
{
    if (foldedNeedle.isEmpty())
        return true;
    // std::string_view::find: memchr for the first byte, then memcmp; no allocation.
    const std::string_view hay(haystack.data(), size_t(haystack.size()));
    return hay.find(std::string_view(foldedNeedle.data(), size_t(foldedNeedle.size()))) !=
           std::string_view::npos;
}

bool matchesText(const BackupGateway &gateway, const QString &needle)
{
    return haystackContains(searchHaystack(gateway), foldNeedle(needle));
}

} // namespace dbs
