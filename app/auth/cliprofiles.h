#pragma once

#include "sourceresult.h"

#include <QByteArray>
#include <QDateTime>
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
    bool holdsKeys = false; // AK or StsToken: keys to import (the others sign in by themselves)
    QString problem;        // translated reason when !usable
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

// Pure: every profile in file order. Every mode the CLI writes for keys, roles, instance
// metadata, a credentials URI, an external process, and the cached sign-in of CloudSSO and
// OAuth (usable until it expires, at nowMs) is usable; an empty mode is read as the CLI
// reads it (by the fields present); a repeated name is unusable after its first use.
CliProfileList parseCliProfiles(const QByteArray &json,
                                qint64 nowMs = QDateTime::currentMSecsSinceEpoch());

// Pure: the credential of profileName if given (missing: Failed), else of the profile
// ALIBABA_CLOUD_PROFILE names (missing: Absent, since the name may be a credentials-file
// section), else of "current" (or of "default" when there is no "current"). A profile with no
// keys at all, as `aliyun configure` leaves it, is Absent. A ChainableRamRoleArn profile's
// source profile is resolved too (a loop is Failed). A key pair's source is
// "aliyun CLI profile \"NAME\"", a role's description adds its mode and role.
SourceResult cliProfileFromJson(const QByteArray &json, const QProcessEnvironment &env,
                                const QString &profileName = {},
                                qint64 nowMs = QDateTime::currentMSecsSinceEpoch());

// ALIBABA_CLOUD_CONFIG_FILE, else homeDir/.aliyun/config.json.
QString cliConfigPath(const QProcessEnvironment &env, const QString &homeDir);
CliProfileList listCliProfiles(const QProcessEnvironment &env, const QString &homeDir);
// Skipped by the chain when ALIBABA_CLOUD_CLI_PROFILE_DISABLED is true (Absent).
SourceResult fromCliProfile(const QProcessEnvironment &env, const QString &homeDir,
                            const QString &profileName = {});

} // namespace dbs
