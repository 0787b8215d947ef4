#pragma once

#include "sourceresult.h"

#include <QByteArray>
#include <QList>
#include <QProcessEnvironment>
#include <QString>

namespace dbs {

// One profile of ~/.aliyun/config.json, for a picker. Holds no key material on purpose.
struct CliProfile
{
    QString name; // empty for an entry without a usable name
    QString mode; // as written: "AK", "StsToken", "RamRoleArn", ...
    QString regionId;
    bool usable = false;
    QString problem; // translated reason when !usable
    bool isCurrent = false;
};

struct CliProfileList
{
    bool fileFound = false; // listCliProfiles() only; a missing file is not an error
    QString current;        // "current" in the file
    QList<CliProfile> profiles;
    QString error; // translated; the file as a whole could not be read or parsed

    bool ok() const { return error.isEmpty(); }
};

// Pure: every profile in file order. Only modes AK and StsToken are usable (an empty mode is
// read as AK, as older CLI versions wrote it); a repeated name is unusable after its first use.
CliProfileList parseCliProfiles(const QByteArray &json);

// Pure: the credential of profileName if given (missing: Failed), else of the profile
// ALIBABA_CLOUD_PROFILE names (missing: Absent, since the name may be a credentials-file
// section), else of "current" (or of "default" when there is no "current"). A profile with no
// keys at all, as `aliyun configure` leaves it, is Absent. credential.source is
// "aliyun CLI profile \"NAME\"".
SourceResult cliProfileFromJson(const QByteArray &json, const QProcessEnvironment &env,
                                const QString &profileName = {});

QString cliConfigPath(const QString &homeDir); // homeDir/.aliyun/config.json
CliProfileList listCliProfiles(const QString &homeDir);
SourceResult fromCliProfile(const QProcessEnvironment &env, const QString &homeDir,
                            const QString &profileName = {});

} // namespace dbs
