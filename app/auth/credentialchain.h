#pragma once

#include "sourceresult.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>

namespace dbs {

struct ChainResult
{
    Credential credential;        // valid when ok(); credential.source names where it came from
    QList<SourceResult> attempts; // every source consulted, in order, the last one decisive

    bool ok() const { return credential.isValid(); }
    // A source was configured but broken, and the chain stopped there.
    bool misconfigured() const { return !attempts.isEmpty() && attempts.last().failed(); }
    // Translated, multi-line: a headline, then "- origin: reason" per attempt. Empty when ok().
    // Never contains a secret.
    QString errorMessage() const;
};

// Environment, then the aliyun CLI profile (ALIBABA_CLOUD_PROFILE, else current), then the
// INI credentials file. An absent source passes to the next one; a configured but broken one
// (half-set environment, malformed file, unusable profile mode) stops the chain, so the user
// is never signed in with an identity other than the one they set up. homeDir may be empty,
// which skips the files under it.
ChainResult resolve(const QProcessEnvironment &env, const QString &homeDir);

} // namespace dbs
