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

    bool isValid() const { return !accessKeyId.isEmpty() && !accessKeySecret.isEmpty(); }
};

} // namespace dbs
