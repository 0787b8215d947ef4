#include "credentialchain.h"

#include "cliprofiles.h"
#include "credentialsfile.h"
#include "environmentsource.h"
#include "envnames.h"

#include <QCoreApplication>

namespace dbs {

QString ChainResult::errorMessage() const
{
    if (ok())
        return {};
    QStringList lines;
    lines.append(misconfigured()
                     ? QCoreApplication::translate("dbs::auth", "Could not load credentials:")
                     : QCoreApplication::translate("dbs::auth", "No credentials found. Tried:"));
    for (const SourceResult &attempt : attempts) {
        lines.append(QCoreApplication::translate("dbs::auth", "- %1: %2")
                         .arg(attempt.origin, attempt.message));
    }
    if (!misconfigured()) {
        lines.append(QCoreApplication::translate(
                         "dbs::auth", "Set %1 and %2, run \"aliyun configure\", or create "
                                      "~/.alibabacloud/credentials.")
                         .arg(QLatin1String(envAccessKeyId), QLatin1String(envAccessKeySecret)));
    }
    return lines.join(u'\n');
}

ChainResult resolve(const QProcessEnvironment &env, const QString &homeDir)
{
    using Source = SourceResult (*)(const QProcessEnvironment &, const QString &);
    const Source sources[] = {
        [](const QProcessEnvironment &e, const QString &) { return fromEnvironment(e); },
        [](const QProcessEnvironment &e, const QString &h) { return fromCliProfile(e, h); },
        [](const QProcessEnvironment &e, const QString &h) { return fromCredentialsFile(e, h); },
    };

    ChainResult result;
    for (const Source source : sources) {
        SourceResult attempt = source(env, homeDir);
        const bool stop = attempt.status != SourceResult::Status::Absent;
        if (attempt.found())
            result.credential = attempt.credential;
        result.attempts.append(attempt);
        if (stop)
            break;
    }
    return result;
}

} // namespace dbs
