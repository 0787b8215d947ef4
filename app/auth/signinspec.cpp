#include "signinspec.h"

namespace dbs {

QString stsEndpointUrl(const SignInSpec &spec)
{
    QString host = spec.stsEndpoint.trimmed();
    if (host.isEmpty()) {
        const QString region = spec.stsRegion.trimmed();
        host = region.isEmpty()
                   ? QStringLiteral("sts.aliyuncs.com")
                   : QStringLiteral("%1.%2.aliyuncs.com")
                         .arg(spec.vpcEndpoint ? QStringLiteral("sts-vpc") : QStringLiteral("sts"),
                              region);
    }
    if (host.contains(QLatin1String("://")))
        return host;
    while (host.endsWith(u'/'))
        host.chop(1);
    return QStringLiteral("https://") + host;
}

} // namespace dbs
