#include "environmentsource.h"

#include <QCoreApplication>

namespace dbs {

SourceResult fromEnvironment(const QProcessEnvironment &env)
{
    const QString origin = QCoreApplication::translate("dbs::auth", "environment variables");
    // An empty variable counts as unset: "export X=" is how people clear one.
    const QString id = env.value(QLatin1String(envAccessKeyId)).trimmed();
    const QString secret = env.value(QLatin1String(envAccessKeySecret)).trimmed();
    const QString token = env.value(QLatin1String(envSecurityToken)).trimmed();

    if (id.isEmpty() && secret.isEmpty()) {
        if (!token.isEmpty())
            return SourceResult::makeFailed(
                origin, QCoreApplication::translate("dbs::auth", "%1 is set, but %2 and %3 are not")
                            .arg(QLatin1String(envSecurityToken), QLatin1String(envAccessKeyId),
                                 QLatin1String(envAccessKeySecret)));
        return SourceResult::makeAbsent(
            origin, QCoreApplication::translate("dbs::auth", "%1 and %2 are not set")
                        .arg(QLatin1String(envAccessKeyId), QLatin1String(envAccessKeySecret)));
    }
    // Half a credential is a mistake to report, not a reason to fall through to another
    // identity.
    if (id.isEmpty() || secret.isEmpty()) {
        const char *missing = id.isEmpty() ? envAccessKeyId : envAccessKeySecret;
        const char *present = id.isEmpty() ? envAccessKeySecret : envAccessKeyId;
        return SourceResult::makeFailed(
            origin, QCoreApplication::translate("dbs::auth", "%1 is set, but %2 is not")
                        .arg(QLatin1String(present), QLatin1String(missing)));
    }

    Credential credential;
    credential.accessKeyId = id;
    credential.accessKeySecret = secret;
    credential.securityToken = token;
    credential.source = QCoreApplication::translate("dbs::auth", "environment");
    return SourceResult::makeFound(origin, credential);
}

} // namespace dbs
