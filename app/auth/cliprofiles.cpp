#include "cliprofiles.h"

#include "cappedfile.h"
#include "environmentsource.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace dbs {

namespace {
struct ParsedProfile
{
    CliProfile info;
    SignInSpec spec;
    QString sourceProfile; // ChainableRamRoleArn: the profile whose keys assume the role
    bool blank = false;    // no keys at all: an unconfigured placeholder
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

QString notString(const char *key)
{
    return QCoreApplication::translate("dbs::auth", "field \"%1\" is not a string")
        .arg(QLatin1String(key));
}

// A present key of the wrong type is an error; an absent one is just empty.
bool readString(const QJsonObject &object, const char *key, QString *out, QString *problem)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString()) {
        *problem = notString(key);
        return false;
    }
    *out = value.toString().trimmed();
    return true;
}

// The CLI writes numbers as numbers; a hand-edited file may quote them. 0 when absent.
bool readInteger(const QJsonObject &object, const char *key, qint64 *out, QString *problem)
{
    const QJsonValue value = object.value(QLatin1String(key));
    *out = 0;
    if (value.isUndefined() || value.isNull())
        return true;
    bool ok = value.isDouble() && value.toDouble() >= 0 && value.toDouble() < 1e15;
    if (ok)
        *out = qint64(value.toDouble());
    else if (value.isString())
        *out = value.toString().trimmed().toLongLong(&ok);
    if (!ok || *out < 0) {
        *problem = QCoreApplication::translate("dbs::auth", "field \"%1\" is not a number")
                       .arg(QLatin1String(key));
        return false;
    }
    return true;
}

bool readBool(const QJsonObject &object, const char *key, bool *out, QString *problem)
{
    const QJsonValue value = object.value(QLatin1String(key));
    *out = false;
    if (value.isUndefined() || value.isNull())
        return true;
    if (value.isBool()) {
        *out = value.toBool();
        return true;
    }
    if (value.isString() && (value.toString() == u"true" || value.toString() == u"false")) {
        *out = value.toString() == u"true";
        return true;
    }
    *problem = QCoreApplication::translate("dbs::auth", "field \"%1\" is not true or false")
                   .arg(QLatin1String(key));
    return false;
}

QString missing(const char *key)
{
    return QCoreApplication::translate("dbs::auth", "%1 is missing or empty")
        .arg(QLatin1String(key));
}

// The modes the aliyun CLI writes, as it spells them.
enum class Mode {
    AK,
    StsToken,
    RamRoleArn,
    ChainableRamRoleArn,
    RamRoleArnWithRoleName,
    EcsRamRole,
    CredentialsUri,
    Oidc,
    External,
    CloudSso,
    OAuth,
    Unknown,
};

Mode modeNamed(const QString &name)
{
    static const QList<QPair<QLatin1String, Mode>> modes = {
        {QLatin1String("AK"), Mode::AK},
        {QLatin1String("StsToken"), Mode::StsToken},
        {QLatin1String("RamRoleArn"), Mode::RamRoleArn},
        {QLatin1String("ChainableRamRoleArn"), Mode::ChainableRamRoleArn},
        {QLatin1String("RamRoleArnWithRoleName"), Mode::RamRoleArnWithRoleName},
        {QLatin1String("EcsRamRole"), Mode::EcsRamRole},
        {QLatin1String("CredentialsURI"), Mode::CredentialsUri},
        {QLatin1String("OIDC"), Mode::Oidc},
        {QLatin1String("External"), Mode::External},
        {QLatin1String("CloudSSO"), Mode::CloudSso},
        {QLatin1String("OAuth"), Mode::OAuth},
    };
    for (const auto &[spelling, mode] : modes) {
        if (name.compare(spelling, Qt::CaseInsensitive) == 0)
            return mode;
    }
    return Mode::Unknown;
}

// Every field any mode reads; which of them a mode needs is checked after.
struct Fields
{
    QString id, secret, token;
    QString roleArn, sessionName, stsRegion, stsEndpoint, externalId, policy;
    QString sourceProfile, roleName, credentialsUri;
    QString oidcProviderArn, oidcTokenFile, processCommand, ssoSignInUrl;
    qint64 expiredSeconds = 0, durationSeconds = 0, stsExpiration = 0;
    bool enableVpc = false;
};

bool readFields(const QJsonObject &object, Fields *f, QString *problem)
{
    const QList<QPair<const char *, QString *>> strings = {
        {"access_key_id", &f->id},
        {"access_key_secret", &f->secret},
        {"sts_token", &f->token},
        {"ram_role_arn", &f->roleArn},
        {"ram_session_name", &f->sessionName},
        {"sts_region", &f->stsRegion},
        {"sts_endpoint", &f->stsEndpoint},
        {"external_id", &f->externalId},
        {"policy", &f->policy},
        {"source_profile", &f->sourceProfile},
        {"ram_role_name", &f->roleName},
        {"credentials_uri", &f->credentialsUri},
        {"oidc_provider_arn", &f->oidcProviderArn},
        {"oidc_token_file", &f->oidcTokenFile},
        {"process_command", &f->processCommand},
        {"cloud_sso_sign_in_url", &f->ssoSignInUrl},
    };
    for (const auto &[key, out] : strings) {
        if (!readString(object, key, out, problem))
            return false;
    }
    return readInteger(object, "expired_seconds", &f->expiredSeconds, problem) &&
           readInteger(object, "duration_seconds", &f->durationSeconds, problem) &&
           readInteger(object, "sts_expiration", &f->stsExpiration, problem) &&
           readBool(object, "enable_vpc", &f->enableVpc, problem);
}

// What the CLI makes of a profile without a mode (its AutoModeRecognition).
Mode recognizedMode(const Fields &f)
{
    if (!f.id.isEmpty() && !f.secret.isEmpty()) {
        if (!f.token.isEmpty())
            return Mode::StsToken;
        return f.roleArn.isEmpty() ? Mode::AK : Mode::RamRoleArn;
    }
    if (!f.roleName.isEmpty())
        return Mode::EcsRamRole;
    if (!f.processCommand.isEmpty())
        return Mode::External;
    if (!f.oidcProviderArn.isEmpty() && !f.oidcTokenFile.isEmpty() && !f.roleArn.isEmpty())
        return Mode::Oidc;
    if (!f.ssoSignInUrl.isEmpty())
        return Mode::CloudSso;
    return Mode::AK; // no keys: a blank placeholder, reported as such
}

// Only the host of a URI is shown: its path or query may carry a token.
QString hostOf(const QString &uri)
{
    const QUrl url(uri);
    return url.isValid() && !url.host().isEmpty() ? url.scheme() + QLatin1String("://") + url.host()
                                                  : QString();
}

// The program of a command line, without its arguments (which may carry secrets).
QString programOf(const QString &command)
{
    const QStringList words = QProcess::splitCommand(command);
    return words.isEmpty() ? QString() : QFileInfo(words.first()).fileName();
}

void setRole(SignInSpec *spec, const Fields &f)
{
    spec->roleArn = f.roleArn;
    spec->roleSessionName = f.sessionName;
    spec->stsRegion = f.stsRegion;
    spec->stsEndpoint = f.stsEndpoint;
    spec->externalId = f.externalId;
    spec->policy = f.policy;
    spec->vpcEndpoint = f.enableVpc;
    // As the CLI: expired_seconds, else 3600 (the service refuses less than 900 itself).
    spec->durationSeconds = int(std::clamp<qint64>(f.expiredSeconds, 0, 43200));
    if (spec->durationSeconds == 0)
        spec->durationSeconds = 3600;
}

ParsedProfile parseProfile(const QJsonValue &value, int index, qint64 nowMs)
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

    Fields f;
    if (!readString(object, "mode", &info.mode, &problem) || !readFields(object, &f, &problem)) {
        info.problem = problem;
        return p;
    }
    const Mode mode = info.mode.isEmpty() ? recognizedMode(f) : modeNamed(info.mode);
    const QString profileText =
        QCoreApplication::translate("dbs::auth", "aliyun CLI profile \"%1\"").arg(info.name);
    SignInSpec &spec = p.spec;
    const auto describe = [&](const char *modeName, const QString &detail) {
        spec.description =
            detail.isEmpty()
                ? QStringLiteral("%1, %2").arg(profileText, QLatin1String(modeName))
                : QStringLiteral("%1, %2 %3").arg(profileText, QLatin1String(modeName), detail);
    };
    const auto needs = [&](std::initializer_list<QPair<const char *, const QString *>> fields) {
        for (const auto &[key, field] : fields) {
            if (field->isEmpty()) {
                info.problem = missing(key);
                return false;
            }
        }
        return true;
    };
    const auto keyPair = [&](bool withToken) {
        Credential credential;
        credential.accessKeyId = f.id;
        credential.accessKeySecret = f.secret;
        if (withToken)
            credential.securityToken = f.token;
        credential.source = profileText;
        return credential;
    };

    switch (mode) {
    case Mode::AK:
    case Mode::StsToken: {
        const bool sts = mode == Mode::StsToken;
        if (f.id.isEmpty() && f.secret.isEmpty() && (!sts || f.token.isEmpty())) {
            p.blank = true;
            info.problem = QCoreApplication::translate("dbs::auth", "no AccessKey is set");
            return p;
        }
        if (!needs({{"access_key_id", &f.id}, {"access_key_secret", &f.secret}}) ||
            (sts && !needs({{"sts_token", &f.token}})))
            return p;
        spec = SignInSpec::fixed(keyPair(sts));
        info.holdsKeys = true;
        break;
    }
    case Mode::RamRoleArn:
        if (!needs({{"access_key_id", &f.id},
                    {"access_key_secret", &f.secret},
                    {"ram_role_arn", &f.roleArn}}))
            return p;
        spec.kind = SignInSpec::Kind::AssumeRole;
        setRole(&spec, f);
        // A token beside the keys makes them STS keys, as the CLI reads them.
        spec.source = std::make_shared<SignInSpec>(SignInSpec::fixed(keyPair(true)));
        describe("RamRoleArn", f.roleArn);
        break;
    case Mode::ChainableRamRoleArn:
        if (!needs({{"source_profile", &f.sourceProfile}, {"ram_role_arn", &f.roleArn}}))
            return p;
        spec.kind = SignInSpec::Kind::AssumeRole;
        setRole(&spec, f);
        p.sourceProfile = f.sourceProfile; // resolved when the profile is picked
        describe("ChainableRamRoleArn", f.roleArn);
        break;
    case Mode::RamRoleArnWithRoleName: {
        if (!needs({{"ram_role_arn", &f.roleArn}}))
            return p;
        spec.kind = SignInSpec::Kind::AssumeRole;
        setRole(&spec, f);
        auto source = std::make_shared<SignInSpec>();
        source->kind = SignInSpec::Kind::EcsRamRole;
        source->roleName = f.roleName;
        source->description = profileText + QLatin1String(", EcsRamRole");
        spec.source = source;
        describe("RamRoleArnWithRoleName", f.roleArn);
        break;
    }
    case Mode::EcsRamRole:
        spec.kind = SignInSpec::Kind::EcsRamRole;
        spec.roleName = f.roleName;
        describe("EcsRamRole", f.roleName);
        break;
    case Mode::CredentialsUri:
        if (!needs({{"credentials_uri", &f.credentialsUri}}))
            return p;
        if (hostOf(f.credentialsUri).isEmpty()) {
            info.problem =
                QCoreApplication::translate("dbs::auth", "credentials_uri is not an http(s) URL");
            return p;
        }
        spec.kind = SignInSpec::Kind::CredentialsUri;
        spec.uri = f.credentialsUri;
        describe("CredentialsURI", hostOf(f.credentialsUri));
        break;
    case Mode::Oidc:
        if (!needs({{"oidc_provider_arn", &f.oidcProviderArn},
                    {"oidc_token_file", &f.oidcTokenFile},
                    {"ram_role_arn", &f.roleArn}}))
            return p;
        spec.kind = SignInSpec::Kind::Oidc;
        setRole(&spec, f);
        if (f.durationSeconds > 0) // OIDC profiles name it so; it wins, as in the libraries
            spec.durationSeconds = int(std::min<qint64>(f.durationSeconds, 43200));
        spec.oidcProviderArn = f.oidcProviderArn;
        spec.oidcTokenFile = f.oidcTokenFile;
        describe("OIDC", f.roleArn);
        break;
    case Mode::External:
        if (!needs({{"process_command", &f.processCommand}}))
            return p;
        if (programOf(f.processCommand).isEmpty()) {
            info.problem = QCoreApplication::translate("dbs::auth", "process_command is empty");
            return p;
        }
        spec.kind = SignInSpec::Kind::External;
        spec.processCommand = f.processCommand;
        describe("External", programOf(f.processCommand));
        break;
    case Mode::CloudSso:
    case Mode::OAuth: {
        // The CLI signs in through a browser and caches STS keys in the profile; we use them
        // while they last and send the user back to the CLI after (which renews them).
        const QString again =
            QCoreApplication::translate(
                "dbs::auth", "the sign-in cached in profile \"%1\" has expired: sign in again "
                             "with the aliyun CLI (aliyun configure --profile %1)")
                .arg(info.name);
        if (f.id.isEmpty() || f.secret.isEmpty() || f.token.isEmpty() || f.stsExpiration <= 0) {
            info.problem = QCoreApplication::translate(
                               "dbs::auth", "no cached sign-in: sign in with the aliyun CLI first "
                                            "(aliyun configure --profile %1)")
                               .arg(info.name);
            return p;
        }
        Credential credential = keyPair(true);
        credential.expiresAtMs = std::min<qint64>(f.stsExpiration, 1e13) * 1000;
        if (credential.expiresAtMs <= nowMs) {
            info.problem = again;
            return p;
        }
        spec = SignInSpec::fixed(credential);
        spec.expiredMessage = again;
        describe(mode == Mode::CloudSso ? "CloudSSO" : "OAuth", QString());
        spec.credential.source = spec.description;
        break;
    }
    case Mode::Unknown:
        info.problem = QCoreApplication::translate(
                           "dbs::auth", "mode \"%1\" is not supported (AK, StsToken, RamRoleArn, "
                                        "ChainableRamRoleArn, RamRoleArnWithRoleName, EcsRamRole, "
                                        "CredentialsURI, OIDC, External, CloudSSO and OAuth are)")
                           .arg(info.mode);
        return p;
    }
    info.usable = true;
    return p;
}

ParsedConfig parseConfig(const QByteArray &json, qint64 nowMs)
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
        ParsedProfile p = parseProfile(list.at(i), i, nowMs);
        if (!p.info.name.isEmpty()) {
            if (seen.contains(p.info.name)) {
                // The CLI uses the first profile of a name; say so rather than guess.
                p.info.usable = false;
                p.blank = false;
                p.spec = {};
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

// `visited` holds the profiles of a ChainableRamRoleArn chain so far: a loop is an error, not
// an endless recursion.
SourceResult evaluate(const ParsedConfig &config, const ParsedProfile &p, QStringList visited = {})
{
    const auto failure = [&p](const QString &problem) {
        return QCoreApplication::translate("dbs::auth", "profile \"%1\": %2")
            .arg(p.info.name, problem);
    };
    if (!p.info.usable) {
        return p.blank ? SourceResult::makeAbsent(genericOrigin(), failure(p.info.problem))
                       : SourceResult::makeFailed(genericOrigin(), failure(p.info.problem));
    }
    if (p.sourceProfile.isEmpty())
        return SourceResult::makeFound(genericOrigin(), p.spec);

    visited.append(p.info.name);
    if (visited.contains(p.sourceProfile))
        return SourceResult::makeFailed(
            genericOrigin(), failure(QCoreApplication::translate(
                                         "dbs::auth", "source_profile leads back to itself (%1)")
                                         .arg(visited.join(QLatin1String(" -> ")) +
                                              QLatin1String(" -> ") + p.sourceProfile)));
    const ParsedProfile *source = findProfile(config, p.sourceProfile);
    if (!source)
        return SourceResult::makeFailed(
            genericOrigin(),
            failure(QCoreApplication::translate("dbs::auth",
                                                "its source_profile \"%1\" is not in the file")
                        .arg(p.sourceProfile)));
    const SourceResult inner = evaluate(config, *source, visited);
    if (!inner.found())
        return SourceResult::makeFailed(
            genericOrigin(),
            failure(QCoreApplication::translate("dbs::auth", "its source profile: %1")
                        .arg(inner.message)));
    SignInSpec spec = p.spec;
    spec.source = std::make_shared<SignInSpec>(inner.spec);
    return SourceResult::makeFound(genericOrigin(), spec);
}
} // namespace

CliProfileList parseCliProfiles(const QByteArray &json, qint64 nowMs)
{
    const ParsedConfig config = parseConfig(json, nowMs);
    CliProfileList list;
    list.current = config.current;
    list.error = config.error;
    for (const ParsedProfile &p : config.profiles)
        list.profiles.append(p.info);
    return list;
}

SourceResult cliProfileFromJson(const QByteArray &json, const QProcessEnvironment &env,
                                const QString &profileName, qint64 nowMs)
{
    const ParsedConfig config = parseConfig(json, nowMs);
    if (!config.error.isEmpty())
        return SourceResult::makeFailed(genericOrigin(), config.error);
    if (config.empty)
        return SourceResult::makeAbsent(
            genericOrigin(), QCoreApplication::translate("dbs::auth", "the file is empty"));

    const QString wanted = profileName.trimmed();
    if (!wanted.isEmpty()) {
        if (const ParsedProfile *p = findProfile(config, wanted))
            return evaluate(config, *p);
        return SourceResult::makeFailed(
            genericOrigin(),
            QCoreApplication::translate("dbs::auth", "there is no profile \"%1\"").arg(wanted));
    }

    const QString fromEnv = env.value(QLatin1String(envProfile)).trimmed();
    if (!fromEnv.isEmpty()) {
        if (const ParsedProfile *p = findProfile(config, fromEnv))
            return evaluate(config, *p);
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
            return evaluate(config, *p);
        return SourceResult::makeFailed(
            genericOrigin(), QCoreApplication::translate(
                                 "dbs::auth", "the current profile \"%1\" is not in the file")
                                 .arg(config.current));
    }
    if (const ParsedProfile *p = findProfile(config, QStringLiteral("default")))
        return evaluate(config, *p);
    return SourceResult::makeFailed(
        genericOrigin(),
        QCoreApplication::translate("dbs::auth", "the file does not say which profile is "
                                                 "current; set %1 to pick one (the file has: %2)")
            .arg(QLatin1String(envProfile), profileNames(config)));
}

QString cliConfigPath(const QProcessEnvironment &env, const QString &homeDir)
{
    const QString fromEnv = env.value(QLatin1String(envConfigFile)).trimmed();
    if (!fromEnv.isEmpty())
        return expandHome(fromEnv, homeDir);
    if (homeDir.isEmpty())
        return {};
    return QDir(homeDir).filePath(QStringLiteral(".aliyun/config.json"));
}

CliProfileList listCliProfiles(const QProcessEnvironment &env, const QString &homeDir)
{
    const QString path = cliConfigPath(env, homeDir);
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
    if (profileName.trimmed().isEmpty() && isTrue(env, envCliProfileDisabled))
        return SourceResult::makeAbsent(genericOrigin(),
                                        QCoreApplication::translate("dbs::auth", "%1 is true")
                                            .arg(QLatin1String(envCliProfileDisabled)));
    const QString path = cliConfigPath(env, homeDir);
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
