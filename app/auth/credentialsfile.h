#pragma once

#include "sourceresult.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

namespace dbs {

// ALIBABA_CLOUD_CREDENTIALS_FILE (a leading "~/" means homeDir), else
// homeDir/.alibabacloud/credentials.
QString credentialsFilePath(const QProcessEnvironment &env, const QString &homeDir);

// Pure: the credential in an INI credentials file. Section: the one ALIBABA_CLOUD_PROFILE
// names, else [default]; a named section that is missing is Failed, not replaced by
// [default]. type = access_key (access_key_id, access_key_secret) or type = sts (plus
// security_token); without "type", it is sts when security_token is set. Roles: ram_role_arn
// (the keys, role_arn, role_session_name, policy, sts_region), oidc_role_arn (role_arn,
// oidc_provider_arn, oidc_token_file_path), ecs_ram_role (role_name), credentials_uri
// (credentials_uri). A file with no sections is Absent. A key pair's source is
// "credentials file (section NAME)"; `~/` in a path is under homeDir.
SourceResult credentialsFromIni(const QByteArray &content, const QProcessEnvironment &env,
                                const QString &homeDir = {});

// Reads credentialsFilePath(). The default file missing is Absent; a file that
// ALIBABA_CLOUD_CREDENTIALS_FILE names explicitly and that is missing is Failed.
SourceResult fromCredentialsFile(const QProcessEnvironment &env, const QString &homeDir);

} // namespace dbs
