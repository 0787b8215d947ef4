#include "endpoints.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace dbs::endpoints {

namespace {
// The SDKs' regional map: these regions share the Hangzhou host, the rest have their own.
const QStringList &sharedHostRegions()
{
    static const QStringList ids = {
        QStringLiteral("cn-qingdao"),
        QStringLiteral("cn-beijing"),
        QStringLiteral("cn-zhangjiakou"),
        QStringLiteral("cn-hangzhou"),
        QStringLiteral("cn-shanghai"),
        QStringLiteral("cn-shenzhen"),
        QStringLiteral("cn-hongkong"),
        QStringLiteral("us-west-1"),
        QStringLiteral("us-east-1"),
        QStringLiteral("cn-hangzhou-finance"),
        QStringLiteral("cn-shanghai-finance-1"),
        QStringLiteral("cn-shenzhen-finance-1"),
    };
    return ids;
}
} // namespace

const QList<Region> &regions()
{
    static const QList<Region> list = {
        {"cn-hangzhou", QT_TRANSLATE_NOOP("Region", "China (Hangzhou)")},
        {"cn-shanghai", QT_TRANSLATE_NOOP("Region", "China (Shanghai)")},
        {"cn-qingdao", QT_TRANSLATE_NOOP("Region", "China (Qingdao)")},
        {"cn-beijing", QT_TRANSLATE_NOOP("Region", "China (Beijing)")},
        {"cn-zhangjiakou", QT_TRANSLATE_NOOP("Region", "China (Zhangjiakou)")},
        {"cn-huhehaote", QT_TRANSLATE_NOOP("Region", "China (Hohhot)")},
        {"cn-shenzhen", QT_TRANSLATE_NOOP("Region", "China (Shenzhen)")},
        {"cn-chengdu", QT_TRANSLATE_NOOP("Region", "China (Chengdu)")},
        {"cn-hongkong", QT_TRANSLATE_NOOP("Region", "China (Hong Kong)")},
        {"cn-hangzhou-finance", QT_TRANSLATE_NOOP("Region", "China East 1 Finance (Hangzhou)")},
        {"cn-shanghai-finance-1", QT_TRANSLATE_NOOP("Region", "China East 2 Finance (Shanghai)")},
        {"cn-shenzhen-finance-1", QT_TRANSLATE_NOOP("Region", "China South 1 Finance (Shenzhen)")},
        {"ap-southeast-1", QT_TRANSLATE_NOOP("Region", "Singapore")},
        {"ap-southeast-2", QT_TRANSLATE_NOOP("Region", "Australia (Sydney)")},
        {"ap-southeast-3", QT_TRANSLATE_NOOP("Region", "Malaysia (Kuala Lumpur)")},
        {"ap-southeast-5", QT_TRANSLATE_NOOP("Region", "Indonesia (Jakarta)")},
        {"ap-northeast-1", QT_TRANSLATE_NOOP("Region", "Japan (Tokyo)")},
        {"ap-south-1", QT_TRANSLATE_NOOP("Region", "India (Mumbai)")},
        {"us-west-1", QT_TRANSLATE_NOOP("Region", "US (Silicon Valley)")},
        {"us-east-1", QT_TRANSLATE_NOOP("Region", "US (Virginia)")},
        {"eu-central-1", QT_TRANSLATE_NOOP("Region", "Germany (Frankfurt)")},
        {"eu-west-1", QT_TRANSLATE_NOOP("Region", "UK (London)")},
        {"me-east-1", QT_TRANSLATE_NOOP("Region", "UAE (Dubai)")},
    };
    return list;
}

QStringList regionIds()
{
    QStringList ids;
    for (const Region &region : regions())
        ids.append(QString::fromLatin1(region.id));
    return ids;
}

QString regionName(const QString &regionId)
{
    const QString id = canonicalRegion(regionId);
    for (const Region &region : regions()) {
        if (id == QLatin1String(region.id))
            return QCoreApplication::translate("Region", region.name);
    }
    return regionId;
}

QString canonicalRegion(const QString &regionId)
{
    const QString id = regionId.trimmed().toLower();
    if (id == u"cn-shanghai-finance")
        return QStringLiteral("cn-shanghai-finance-1");
    if (id == u"cn-shenzhen-finance")
        return QStringLiteral("cn-shenzhen-finance-1");
    if (id == u"ap-southeat-1")
        return QStringLiteral("ap-southeast-1");
    return id;
}

bool isKnownRegion(const QString &regionId)
{
    return regionIds().contains(canonicalRegion(regionId));
}

QUrl endpointForRegion(const QString &regionId)
{
    const QString id = canonicalRegion(regionId);
    if (!isKnownRegion(id))
        return {};
    const QString host = sharedHostRegions().contains(id) ? QStringLiteral("cn-hangzhou") : id;
    return QUrl(QStringLiteral("https://dbs-api.%1.aliyuncs.com/").arg(host));
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString checkEndpoint(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return QCoreApplication::translate("dbs::endpoints",
                                           "The endpoint \"%1\" is not a valid URL.")
            .arg(url.toString());
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return {};
    if (scheme == u"http") {
        if (isLoopbackHost(url.host()))
            return {};
        return QCoreApplication::translate(
                   "dbs::endpoints",
                   "Refusing to send credentials over plain http to %1: use https (http is "
                   "allowed only for loopback addresses).")
            .arg(url.host());
    }
    return QCoreApplication::translate("dbs::endpoints", "Unsupported URL scheme \"%1\".")
        .arg(url.scheme());
}

} // namespace dbs::endpoints
