#include "credentialsfile.h"

#include "cappedfile.h"
#include "environmentsource.h"
#include "iniparser.h"

#include <QCoreApplication>
#include <QDir>
#include <QUrl>

namespace dbs {

namespace {
QString genericOrigin()
{
    return QCoreApplication::translate("dbs::auth", "credentials file");
}

QString pathOrigin(const QString &path)
{
    return QCoreApplication::translate("dbs::auth", "credentials file %1")
        .arg(QDir::toNativeSeparators(path));
}

QString listOfSections(const IniDocument &doc)
{
    QStringList names = doc.sectionNames();
    names.removeAll(QString()); // keys before any header are not a profile anyone can pick
    return names.join(QLatin1String(", "));
}

SourceResult credentialFromSection(const IniSection &section, const QString &homeDir)
{
    const auto field = [&section](const char *key) {
        return section.values.value(QLatin1String(key)).trimmed();
    };
    const QString id = field("access_key_id");
    const QString secret = field("access_key_secret");
    const QString token = field("security_token");
    QString type = field("type").toLower();
    if (type.isEmpty())
        type = token.isEmpty() ? QStringLiteral("access_key") : QStringLiteral("sts");

    const auto fail = [&section](const QString &what) {
        return SourceResult::makeFailed(
            genericOrigin(),
            QCoreApplication::translate("dbs::auth", "section [%1]: %2").arg(section.name, what));
    };
    const auto missing = [](const char *key) {
        return QCoreApplication::translate("dbs::auth", "%1 is missing or empty")
            .arg(QLatin1String(key));
    };
    const QString sectionText =
        QCoreApplication::translate("dbs::auth", "credentials file (section %1)").arg(section.name);
    SignInSpec spec;
    const auto setRole = [&](const char *arnKey) {
        spec.roleArn = field(arnKey);
        spec.roleSessionName = field("role_session_name");
        spec.policy = field("policy");
        spec.stsRegion = field("sts_region");
        spec.description = QStringLiteral("%1, %2 %3").arg(sectionText, type, spec.roleArn);
    };
    if (type == QLatin1String("ram_role_arn")) {
        if (id.isEmpty())
            return fail(missing("access_key_id"));
        if (secret.isEmpty())
            return fail(missing("access_key_secret"));
        if (field("role_arn").isEmpty())
            return fail(missing("role_arn"));
        spec.kind = SignInSpec::Kind::AssumeRole;
        setRole("role_arn");
        Credential source;
        source.accessKeyId = id;
        source.accessKeySecret = secret;
        source.source = sectionText;
        spec.source = std::make_shared<SignInSpec>(SignInSpec::fixed(source));
        return SourceResult::makeFound(genericOrigin(), spec);
    }
    if (type == QLatin1String("oidc_role_arn")) {
        for (const char *key : {"role_arn", "oidc_provider_arn", "oidc_token_file_path"}) {
            if (field(key).isEmpty())
                return fail(missing(key));
        }
        spec.kind = SignInSpec::Kind::Oidc;
        setRole("role_arn");
        spec.oidcProviderArn = field("oidc_provider_arn");
        spec.oidcTokenFile = expandHome(field("oidc_token_file_path"), homeDir);
        return SourceResult::makeFound(genericOrigin(), spec);
    }
    if (type == QLatin1String("ecs_ram_role")) {
        spec.kind = SignInSpec::Kind::EcsRamRole;
        spec.roleName = field("role_name");
        spec.description =
            QStringLiteral("%1, %2 %3").arg(sectionText, type, spec.roleName).trimmed();
        return SourceResult::makeFound(genericOrigin(), spec);
    }
    if (type == QLatin1String("credentials_uri")) {
        const QUrl url(field("credentials_uri"));
        if (field("credentials_uri").isEmpty())
            return fail(missing("credentials_uri"));
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return fail(
                QCoreApplication::translate("dbs::auth", "credentials_uri is not an http(s) URL"));
        spec.kind = SignInSpec::Kind::CredentialsUri;
        spec.uri = field("credentials_uri");
        spec.description =
            QStringLiteral("%1, %2 %3://%4").arg(sectionText, type, url.scheme(), url.host());
        return SourceResult::makeFound(genericOrigin(), spec);
    }
    if (type != QLatin1String("access_key") && type != QLatin1String("sts"))
        return fail(QCoreApplication::translate(
                        "dbs::auth", "type \"%1\" is not supported; the types are access_key, "
                                     "sts, ram_role_arn, ecs_ram_role, oidc_role_arn and "
                                     "credentials_uri")
                        .arg(type));
    if (id.isEmpty())
        return fail(missing("access_key_id"));
    if (secret.isEmpty())
        return fail(missing("access_key_secret"));
    if (type == QLatin1String("sts") && token.isEmpty())
        return fail(missing("security_token"));

    Credential credential;
    credential.accessKeyId = id;
    credential.accessKeySecret = secret;
    if (type == QLatin1String("sts"))
        credential.securityToken = token; // an access_key section's stray token is not used
    credential.source = sectionText;
    return SourceResult::makeFound(genericOrigin(), credential);
}
} // namespace

QString credentialsFilePath(const QProcessEnvironment &env, const QString &homeDir)
{
    const QString fromEnv = env.value(QLatin1String(envCredentialsFile)).trimmed();
    if (fromEnv.isEmpty())
        return homeDir.isEmpty()
                   ? QString()
                   : QDir(homeDir).filePath(QStringLiteral(".alibabacloud/credentials"));
    return expandHome(fromEnv, homeDir);
}

SourceResult credentialsFromIni(const QByteArray &content, const QProcessEnvironment &env,
                                const QString &homeDir)
{
    const IniDocument doc = parseIni(content);
    if (!doc.ok())
        return SourceResult::makeFailed(genericOrigin(), doc.error);
    if (listOfSections(doc).isEmpty())
        return SourceResult::makeAbsent(
            genericOrigin(), QCoreApplication::translate("dbs::auth", "the file has no sections"));

    const QString wanted = env.value(QLatin1String(envProfile)).trimmed();
    const QString name = wanted.isEmpty() ? QStringLiteral("default") : wanted;
    if (const IniSection *section = doc.section(name))
        return credentialFromSection(*section, homeDir);

    // Falling back to [default] when the user named another profile would sign in as the
    // wrong identity.
    const QString message =
        wanted.isEmpty()
            ? QCoreApplication::translate("dbs::auth",
                                          "there is no [default] section (the file has: %1); "
                                          "set %2 to pick one")
                  .arg(listOfSections(doc), QLatin1String(envProfile))
            : QCoreApplication::translate("dbs::auth",
                                          "there is no section [%1], which %2 names (the file "
                                          "has: %3)")
                  .arg(wanted, QLatin1String(envProfile), listOfSections(doc));
    return SourceResult::makeFailed(genericOrigin(), message);
}

SourceResult fromCredentialsFile(const QProcessEnvironment &env, const QString &homeDir)
{
    const QString path = credentialsFilePath(env, homeDir);
    if (path.isEmpty())
        return SourceResult::makeAbsent(
            genericOrigin(), QCoreApplication::translate("dbs::auth", "no home directory"));
    const bool explicitPath = !env.value(QLatin1String(envCredentialsFile)).trimmed().isEmpty();

    const FileContent file = readCappedFile(path);
    SourceResult result;
    switch (file.status) {
    case FileContent::Status::Missing:
        result = explicitPath
                     ? SourceResult::makeFailed(
                           {}, QCoreApplication::translate("dbs::auth",
                                                           "the file that %1 names does not exist")
                                   .arg(QLatin1String(envCredentialsFile)))
                     : SourceResult::makeAbsent(
                           {}, QCoreApplication::translate("dbs::auth", "the file does not exist"));
        break;
    case FileContent::Status::Failed:
        result = SourceResult::makeFailed({}, file.error);
        break;
    case FileContent::Status::Ok:
        result = credentialsFromIni(file.data, env, homeDir);
        break;
    }
    result.origin = pathOrigin(path);
    return result;
}

} // namespace dbs
