#include "cliprofiles.h"

#include "cappedfile.h"
#include "envnames.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace dbs {

namespace {
struct ParsedProfile
{
    CliProfile info;
    Credential credential;
    bool blank = false; // no keys at all: an unconfigured placeholder
};

struct ParsedConfig
{
    QString current;
    QList<ParsedProfile> profiles;
    QString error;
    bool empty = false; // the file holds only whitespace
};

QString genericOrigin()
{
    return QCoreApplication::translate("dbs::auth", "aliyun CLI config");
}

// A present key of the wrong type is an error; an absent one is just empty.
bool readString(const QJsonObject &object, const char *key, QString *out, QString *problem)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString()) {
        *problem = QCoreApplication::translate("dbs::auth", "field \"%1\" is not a string")
                       .arg(QLatin1String(key));
        return false;
    }
    *out = value.toString().trimmed();
    return true;
}

ParsedProfile parseProfile(const QJsonValue &value, int index)
{
    ParsedProfile p;
    CliProfile &info = p.info;
    if (!value.isObject()) {
        info.problem = QCoreApplication::translate("dbs::auth", "entry %1 is not a JSON object")
                           .arg(index + 1);
        return p;
    }
    const QJsonObject object = value.toObject();
    QString problem;
    if (!readString(object, "name", &info.name, &problem) || info.name.isEmpty()) {
        info.name.clear();
        info.problem =
            QCoreApplication::translate("dbs::auth", "entry %1 has no name").arg(index + 1);
        return p;
    }
    QString unusedRegionProblem; // a bad region does not make the keys unusable
    readString(object, "region_id", &info.regionId, &unusedRegionProblem);

    QString id, secret, token;
    if (!readString(object, "mode", &info.mode, &problem) ||
        !readString(object, "access_key_id", &id, &problem) ||
        !readString(object, "access_key_secret", &secret, &problem) ||
        !readString(object, "sts_token", &token, &problem)) {
        info.problem = problem;
        return p;
    }

    const bool isAk =
        info.mode.isEmpty() || info.mode.compare(QLatin1String("AK"), Qt::CaseInsensitive) == 0;
    const bool isSts = info.mode.compare(QLatin1String("StsToken"), Qt::CaseInsensitive) == 0;
    if (!isAk && !isSts) {
        // Role modes need the CLI's own STS/metadata calls, which we do not reimplement.
        info.problem = QCoreApplication::translate(
                           "dbs::auth", "mode \"%1\" is not supported (only AK and StsToken "
                                        "are); for role-based modes, put temporary credentials "
                                        "in the environment instead")
                           .arg(info.mode);
        return p;
    }
    const auto missing = [](const char *key) {
        return QCoreApplication::translate("dbs::auth", "%1 is missing or empty")
            .arg(QLatin1String(key));
    };
    if (id.isEmpty() && secret.isEmpty() && (isAk || token.isEmpty())) {
        p.blank = true;
        info.problem = QCoreApplication::translate("dbs::auth", "no AccessKey is set");
        return p;
    }
    if (id.isEmpty())
        info.problem = missing("access_key_id");
    else if (secret.isEmpty())
        info.problem = missing("access_key_secret");
    else if (isSts && token.isEmpty())
        info.problem = missing("sts_token");
    if (!info.problem.isEmpty())
        return p;

    info.usable = true;
    p.credential.accessKeyId = id;
    p.credential.accessKeySecret = secret;
    if (isSts)
        p.credential.securityToken = token;
    p.credential.source =
        QCoreApplication::translate("dbs::auth", "aliyun CLI profile \"%1\"").arg(info.name);
    return p;
}

ParsedConfig parseConfig(const QByteArray &json)
{
    ParsedConfig config;
    if (json.trimmed().isEmpty()) {
        config.empty = true;
        return config;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Qt's message names the problem and the offset, never the text around it.
        config.error = QCoreApplication::translate("dbs::auth", "not valid JSON (%1 at byte %2)")
                           .arg(parseError.errorString())
                           .arg(parseError.offset);
        return config;
    }
    if (!doc.isObject()) {
        config.error =
            QCoreApplication::translate("dbs::auth", "the top level is not a JSON object");
        return config;
    }
    const QJsonObject root = doc.object();
    if (!readString(root, "current", &config.current, &config.error))
        return config;
    const QJsonValue profiles = root.value(QLatin1String("profiles"));
    if (!profiles.isUndefined() && !profiles.isNull() && !profiles.isArray()) {
        config.error = QCoreApplication::translate("dbs::auth", "field \"profiles\" is not a list");
        return config;
    }

    QSet<QString> seen;
    const QJsonArray list = profiles.toArray();
    for (int i = 0; i < list.size(); ++i) {
        ParsedProfile p = parseProfile(list.at(i), i);
        if (!p.info.name.isEmpty()) {
            if (seen.contains(p.info.name)) {
                // The CLI uses the first profile of a name; say so rather than guess.
                p.info.usable = false;
                p.blank = false;
                p.credential = {};
                p.info.problem = QCoreApplication::translate(
                    "dbs::auth", "an earlier profile has the same name");
            } else {
                seen.insert(p.info.name);
                p.info.isCurrent = p.info.name == config.current;
            }
        }
        config.profiles.append(p);
    }
    return config;
}

const ParsedProfile *findProfile(const ParsedConfig &config, const QString &name)
{
    for (const ParsedProfile &p : config.profiles) {
        if (p.info.name == name)
            return &p; // the first one, as the CLI does
    }
    return nullptr;
}

QString profileNames(const ParsedConfig &config)
{
    QStringList names;
    for (const ParsedProfile &p : config.profiles) {
        if (!p.info.name.isEmpty())
            names.append(p.info.name);
    }
    return names.join(QLatin1String(", "));
}

SourceResult evaluate(const ParsedProfile &p)
{
    if (p.info.usable)
        return SourceResult::makeFound(genericOrigin(), p.credential);
    const QString message = QCoreApplication::translate("dbs::auth", "profile \"%1\": %2")
                                .arg(p.info.name, p.info.problem);
    return p.blank ? SourceResult::makeAbsent(genericOrigin(), message)
                   : SourceResult::makeFailed(genericOrigin(), message);
}
} // namespace

CliProfileList parseCliProfiles(const QByteArray &json)
{
    const ParsedConfig config = parseConfig(json);
    CliProfileList list;
    list.current = config.current;
    list.error = config.error;
    for (const ParsedProfile &p : config.profiles)
        list.profiles.append(p.info);
    return list;
}

SourceResult cliProfileFromJson(const QByteArray &json, const QProcessEnvironment &env,
                                const QString &profileName)
{
    const ParsedConfig config = parseConfig(json);
    if (!config.error.isEmpty())
        return SourceResult::makeFailed(genericOrigin(), config.error);
    if (config.empty)
        return SourceResult::makeAbsent(
            genericOrigin(), QCoreApplication::translate("dbs::auth", "the file is empty"));

    const QString wanted = profileName.trimmed();
    if (!wanted.isEmpty()) {
        if (const ParsedProfile *p = findProfile(config, wanted))
            return evaluate(*p);
        return SourceResult::makeFailed(
            genericOrigin(),
            QCoreApplication::translate("dbs::auth", "there is no profile \"%1\"").arg(wanted));
    }

    const QString fromEnv = env.value(QLatin1String(envProfile)).trimmed();
    if (!fromEnv.isEmpty()) {
        if (const ParsedProfile *p = findProfile(config, fromEnv))
            return evaluate(*p);
        // Not an error yet: the name may be a section of the credentials file.
        return SourceResult::makeAbsent(
            genericOrigin(),
            QCoreApplication::translate("dbs::auth", "there is no profile \"%1\", which %2 names")
                .arg(fromEnv, QLatin1String(envProfile)));
    }

    if (config.profiles.isEmpty())
        return SourceResult::makeAbsent(
            genericOrigin(), QCoreApplication::translate("dbs::auth", "the file has no profiles"));
    if (!config.current.isEmpty()) {
        if (const ParsedProfile *p = findProfile(config, config.current))
            return evaluate(*p);
        return SourceResult::makeFailed(
            genericOrigin(), QCoreApplication::translate(
                                 "dbs::auth", "the current profile \"%1\" is not in the file")
                                 .arg(config.current));
    }
    if (const ParsedProfile *p = findProfile(config, QStringLiteral("default")))
        return evaluate(*p);
    return SourceResult::makeFailed(
        genericOrigin(),
        QCoreApplication::translate("dbs::auth", "the file does not say which profile is "
                                                 "current; set %1 to pick one (the file has: %2)")
            .arg(QLatin1String(envProfile), profileNames(config)));
}

QString cliConfigPath(const QString &homeDir)
{
    if (homeDir.isEmpty())
        return {};
    return QDir(homeDir).filePath(QStringLiteral(".aliyun/config.json"));
}

CliProfileList listCliProfiles(const QString &homeDir)
{
    const QString path = cliConfigPath(homeDir);
    if (path.isEmpty())
        return {};
    const FileContent file = readCappedFile(path);
    CliProfileList list;
    if (file.status == FileContent::Status::Missing)
        return list;
    if (file.status == FileContent::Status::Failed) {
        list.fileFound = true;
        list.error = file.error;
        return list;
    }
    list = parseCliProfiles(file.data);
    list.fileFound = true;
    return list;
}

SourceResult fromCliProfile(const QProcessEnvironment &env, const QString &homeDir,
                            const QString &profileName)
{
    const QString path = cliConfigPath(homeDir);
    if (path.isEmpty())
        return SourceResult::makeAbsent(
            genericOrigin(), QCoreApplication::translate("dbs::auth", "no home directory"));

    const FileContent file = readCappedFile(path);
    SourceResult result;
    switch (file.status) {
    case FileContent::Status::Missing:
        // Asked for by name (from the picker), a missing file is an error.
        result = profileName.trimmed().isEmpty()
                     ? SourceResult::makeAbsent(
                           {}, QCoreApplication::translate("dbs::auth", "the file does not exist"))
                     : SourceResult::makeFailed(
                           {}, QCoreApplication::translate("dbs::auth", "the file does not exist"));
        break;
    case FileContent::Status::Failed:
        result = SourceResult::makeFailed({}, file.error);
        break;
    case FileContent::Status::Ok:
        result = cliProfileFromJson(file.data, env, profileName);
        break;
    }
    result.origin = QCoreApplication::translate("dbs::auth", "aliyun CLI config %1")
                        .arg(QDir::toNativeSeparators(path));
    return result;
}

} // namespace dbs
