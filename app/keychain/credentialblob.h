#pragma once

#include <api/credential.h>

#include <QByteArray>

#include <optional>

namespace dbs {

// The keychain holds one compact JSON object per account, so that a single read returns every
// part: {"v":1,"accessKeyId":"...","accessKeySecret":"...","securityToken":"..."}, the token
// left out when empty. credential.source is not stored: the reader says where it came from.
QByteArray encodeCredential(const Credential &credential);

// Pure: nullopt unless the blob is a version-1 object with a non-empty id and secret (and
// string values only). credential.source is left empty.
std::optional<Credential> decodeCredential(const QByteArray &blob);

} // namespace dbs
