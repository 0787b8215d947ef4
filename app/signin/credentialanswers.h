#pragma once

#include <api/credential.h>

#include <QByteArray>
#include <QString>

// Pure readers of what temporary-credential sources answer: STS, instance metadata, a
// credentials URI, an external process. Everything they read is untrusted; their messages
// name what is wrong, never a value (which may be a secret).
namespace dbs {

inline constexpr qsizetype maxCredentialAnswerBytes = 64 * 1024;

struct CredentialAnswer
{
    Credential credential; // valid when ok(); source and expiry are set, source by the caller
    QString error;         // translated

    bool ok() const { return error.isEmpty() && credential.isValid(); }
};

// "2026-12-03T12:33:00Z" (UTC, optional fractional seconds) as epoch ms; 0 when it is not one.
qint64 parseExpiration(const QString &text);

// The "Credentials" of an AssumeRole / AssumeRoleWithOIDC answer that the service did not
// mark as an error. Expiration is required.
CredentialAnswer parseStsAnswer(const QByteArray &body);
// GET .../ram/security-credentials/ROLE: Code must be "Success"; Expiration is required.
CredentialAnswer parseMetadataCredentials(const QByteArray &body);
// A credentials URI's answer: the same shape; a Code other than "Success" is an error, and a
// missing Expiration means the keys are kept until the service refuses them.
CredentialAnswer parseCredentialsUriAnswer(const QByteArray &body);
// What an External profile's process_command prints: {"mode": "AK"|"StsToken",
// "access_key_id", "access_key_secret", "sts_token", "expiration"}.
CredentialAnswer parseExternalProcessOutput(const QByteArray &output);
// GET .../ram/security-credentials/: the instance's role name; empty with `error` set when the
// answer is not one.
QString parseMetadataRoleName(const QByteArray &body, QString *error);

} // namespace dbs
