#include "credentialchain.h"

#include "cliprofiles.h"
#include "credentialsfile.h"
#include "environmentsource.h"
#include "envnames.h"

#include <QCoreApplication>

#include <functional>
#include <memory>

namespace dbs {

namespace {
// What the official libraries' role providers (RamRoleArn, OIDC: @alicloud/credentials,
// credentials-go) take from the environment when the source itself names none: the STS
// region, the VPC endpoint and the session name. Every role to assume gets them, whether an
// aliyun CLI profile or the INI file describes it, and so does a chained role's source.
void applyRoleEnvironment(SignInSpec *spec, const QProcessEnvironment &env)
{
    if (spec->kind != SignInSpec::Kind::AssumeRole && spec->kind != SignInSpec::Kind::Oidc)
        return;
    if (spec->stsRegion.isEmpty())
        spec->stsRegion = env.value(QLatin1String(envStsRegion)).trimmed();
    if (!spec->vpcEndpoint)
        spec->vpcEndpoint = isTrue(env, envVpcEndpointEnabled);
    if (spec->roleSessionName.isEmpty())
        spec->roleSessionName = env.value(QLatin1String(envRoleSessionName)).trimmed();
    if (spec->source) {
        auto source = std::make_shared<SignInSpec>(*spec->source);
        applyRoleEnvironment(source.get(), env);
        spec->source = source;
    }
}
} // namespace

QString ChainResult::errorMessage(const QString &lastResortFailure) const
{
    const bool notFound = !lastResortFailure.isEmpty() && lastResort;
    if (ok() && !notFound)
        return {};
    QStringList lines;
    lines.append(misconfigured()
                     ? QCoreApplication::translate("dbs::auth", "Could not load credentials:")
                     : QCoreApplication::translate("dbs::auth", "No credentials found. Tried:"));
    for (qsizetype i = 0; i < attempts.size(); ++i) {
        const SourceResult &attempt = attempts.at(i);
        const bool last = i == attempts.size() - 1;
        lines.append(
            QCoreApplication::translate("dbs::auth", "- %1: %2")
                .arg(attempt.origin, last && notFound ? lastResortFailure : attempt.message));
    }
    if (!misconfigured()) {
        lines.append(QCoreApplication::translate(
                         "dbs::auth", "Set %1 and %2, run \"aliyun configure\", or create "
                                      "~/.alibabacloud/credentials.")
                         .arg(QLatin1String(envAccessKeyId), QLatin1String(envAccessKeySecret)));
    }
    return lines.join(u'\n');
}

ChainResult resolve(const QProcessEnvironment &env, const QString &homeDir,
                    const QString &profileName)
{
    ChainResult result;
    if (!profileName.trimmed().isEmpty()) {
        result.attempts.append(fromCliProfile(env, homeDir, profileName));
        result.spec = result.attempts.last().spec;
        applyRoleEnvironment(&result.spec, env);
        return result;
    }

    const std::function<SourceResult()> sources[] = {
        [&] { return fromEnvironment(env); },
        [&] { return oidcFromEnvironment(env, homeDir); },
        [&] { return fromCliProfile(env, homeDir); },
        [&] { return fromCredentialsFile(env, homeDir); },
        [&] { return credentialsUriFromEnvironment(env); },
        [&] { return ecsMetadataFromEnvironment(env); },
    };
    const qsizetype count = std::size(sources);
    for (qsizetype i = 0; i < count; ++i) {
        SourceResult attempt = sources[i]();
        const bool stop = attempt.status != SourceResult::Status::Absent;
        if (attempt.found()) {
            result.spec = attempt.spec;
            applyRoleEnvironment(&result.spec, env);
            result.lastResort = i == count - 1;
        }
        result.attempts.append(attempt);
        if (stop)
            break;
    }
    return result;
}

} // namespace dbs
