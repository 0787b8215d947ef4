#pragma once

#include <QString>

namespace dbs {

// An AccessKey pair, optionally with an STS token. `source` says where it came from (for the
// status bar and --verbose), never what it is.
struct Credential
{
    QString accessKeyId;
    QString accessKeySecret;
    QString securityToken; // empty unless STS
    QString source;
    qint64 expiresAtMs = 0; // when a temporary credential runs out (epoch ms); 0: it does not

    bool isValid() const { return !accessKeyId.isEmpty() && !accessKeySecret.isEmpty(); }
    bool expires() const { return expiresAtMs > 0; }
};

} // namespace dbs
