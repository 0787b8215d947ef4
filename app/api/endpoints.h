#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace dbs::endpoints {

struct Region
{
    const char *id;
    const char *name; // English name, translated with QCoreApplication::translate("Region", ...)
};

// Every region DBS serves, in a stable order for pickers.
const QList<Region> &regions();
QStringList regionIds();
// The translated human name, or the id itself when unknown.
QString regionName(const QString &regionId);

// Seed spellings (cn-shanghai-finance, cn-shenzhen-finance, ap-southeat-1) mapped to SDK ids.
QString canonicalRegion(const QString &regionId);
bool isKnownRegion(const QString &regionId);

// The region of a query over every region ("all"), as the window, its settings and both
// command lines spell it.
inline QString allRegions()
{
    return QStringLiteral("all");
}
// `regionId` means every region: "all" in any case, as a command line may type it.
inline bool isAllRegions(const QString &regionId)
{
    return regionId.compare(allRegions(), Qt::CaseInsensitive) == 0;
}

// https://dbs-api.<host>/ for a known region; empty for an unknown one.
QUrl endpointForRegion(const QString &regionId);

// http is allowed only for loopback hosts; returns an empty string when the URL may be used,
// otherwise a translated reason.
QString checkEndpoint(const QUrl &url);
bool isLoopbackHost(const QString &host);

} // namespace dbs::endpoints
