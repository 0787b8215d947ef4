#include "credentialchain.h"

#include "cliprofiles.h"
#include "credentialsfile.h"
#include "environmentsource.h"
#include "envnames.h"

#include <QCoreApplication>

#include <functional>

namespace dbs {

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
            result.lastResort = i == count - 1;
        }
        result.attempts.append(attempt);
        if (stop)
            break;
    }
    return result;
}

} // namespace dbs
