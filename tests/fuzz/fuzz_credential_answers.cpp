// libFuzzer target: what temporary-credential sources answer (dbs::parseStsAnswer,
// parseMetadataCredentials, parseCredentialsUriAnswer, parseExternalProcessOutput,
// parseMetadataRoleName, parseExpiration): every reader over the same bytes.
#include <signin/credentialanswers.h>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    for (const dbs::CredentialAnswer &answer :
         {dbs::parseStsAnswer(bytes), dbs::parseMetadataCredentials(bytes),
          dbs::parseCredentialsUriAnswer(bytes), dbs::parseExternalProcessOutput(bytes)}) {
        // A good answer always has both halves of the key; a bad one says why.
        if (!answer.ok() && answer.error.isEmpty())
            __builtin_trap();
        if (answer.credential.expiresAtMs < 0)
            __builtin_trap();
    }
    QString error;
    const QString role = dbs::parseMetadataRoleName(bytes, &error);
    if (role.isEmpty() == error.isEmpty())
        __builtin_trap();
    (void)dbs::parseExpiration(QString::fromUtf8(bytes));
    return 0;
}
