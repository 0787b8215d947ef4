#include "environmentsource.h"

#include <QCoreApplication>
#include <QDir>
#include <QUrl>

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

namespace dbs {

bool isTrue(const QProcessEnvironment &env, const char *name)
{
    return env.value(QLatin1String(name))
               .trimmed()
               .compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

QString expandHome(const QString &path, const QString &homeDir)
{
    if (path.startsWith(QLatin1String("~/")) && !homeDir.isEmpty())
        return QDir(homeDir).filePath(path.mid(2));
    return path;
}

SourceResult oidcFromEnvironment(const QProcessEnvironment &env, const QString &homeDir)
{
    const QString origin = QCoreApplication::translate("dbs::auth", "OIDC environment variables");
    const auto value = [&env](const char *name) {
        return env.value(QLatin1String(name)).trimmed();
    };
    const QString roleArn = value(envRoleArn);
    const QString providerArn = value(envOidcProviderArn);
    const QString tokenFile = value(envOidcTokenFile);
    if (roleArn.isEmpty() || providerArn.isEmpty() || tokenFile.isEmpty())
        return SourceResult::makeAbsent(
            origin, QCoreApplication::translate("dbs::auth", "%1, %2 and %3 are not all set")
                        .arg(QLatin1String(envRoleArn), QLatin1String(envOidcProviderArn),
                             QLatin1String(envOidcTokenFile)));
    SignInSpec spec;
    spec.kind = SignInSpec::Kind::Oidc;
    spec.roleArn = roleArn;
    spec.oidcProviderArn = providerArn;
    spec.oidcTokenFile = expandHome(tokenFile, homeDir);
    spec.roleSessionName = value(envRoleSessionName);
    spec.stsRegion = value(envStsRegion);
    spec.vpcEndpoint = isTrue(env, envVpcEndpointEnabled);
    spec.description =
        QCoreApplication::translate("dbs::auth", "environment, OIDC %1").arg(roleArn);
    return SourceResult::makeFound(origin, spec);
}

SourceResult credentialsUriFromEnvironment(const QProcessEnvironment &env)
{
    const QString origin = QLatin1String(envCredentialsUri);
    const QString uri = env.value(QLatin1String(envCredentialsUri)).trimmed();
    if (uri.isEmpty())
        return SourceResult::makeAbsent(origin,
                                        QCoreApplication::translate("dbs::auth", "not set"));
    const QUrl url(uri);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return SourceResult::makeFailed(
            origin, QCoreApplication::translate("dbs::auth", "not an http(s) URL"));
    SignInSpec spec;
    spec.kind = SignInSpec::Kind::CredentialsUri;
    spec.uri = uri;
    // Only the host: the path or query may carry a token.
    spec.description = QCoreApplication::translate("dbs::auth", "credentials URI %1://%2")
                           .arg(url.scheme(), url.host());
    return SourceResult::makeFound(origin, spec);
}

SourceResult ecsMetadataFromEnvironment(const QProcessEnvironment &env)
{
    const QString origin = QCoreApplication::translate("dbs::auth", "ECS instance metadata");
    if (isTrue(env, envEcsMetadataDisabled))
        return SourceResult::makeAbsent(origin,
                                        QCoreApplication::translate("dbs::auth", "%1 is true")
                                            .arg(QLatin1String(envEcsMetadataDisabled)));
    SignInSpec spec;
    spec.kind = SignInSpec::Kind::EcsRamRole;
    spec.roleName = env.value(QLatin1String(envEcsMetadata)).trimmed();
    spec.imdsV1Allowed = !isTrue(env, envImdsV1Disabled);
    spec.description = spec.roleName.isEmpty()
                           ? QCoreApplication::translate("dbs::auth", "ECS instance RAM role")
                           : QCoreApplication::translate("dbs::auth", "ECS instance RAM role %1")
                                 .arg(spec.roleName);
    return SourceResult::makeFound(origin, spec);
}

} // namespace dbs
