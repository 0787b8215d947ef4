#pragma once

#include "sourceresult.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>

namespace dbs {

struct ChainResult
{
    SignInSpec spec;              // usable when ok(): the keys, or how to obtain them
    QList<SourceResult> attempts; // every source consulted, in order, the last one decisive
    // Nothing was configured, so the chain ends with the instance's RAM role: whether this is
    // an ECS instance at all only its first request tells (briefly).
    bool lastResort = false;

    bool ok() const { return !attempts.isEmpty() && attempts.last().found(); }
    // A source was configured but broken, and the chain stopped there.
    bool misconfigured() const { return !attempts.isEmpty() && attempts.last().failed(); }
    // Translated, multi-line: a headline, then "- origin: reason" per attempt. Empty when ok(),
    // unless lastResortFailure says why the last resort (instance metadata) did not answer:
    // then it is the "no credentials found" message with that reason. Never contains a secret.
    QString errorMessage(const QString &lastResortFailure = {}) const;
};

// The official chain's order: the environment's keys, an OIDC role from the environment, the
// aliyun CLI profile (ALIBABA_CLOUD_PROFILE, else current), the INI credentials file, a
// credentials URI, and last the ECS instance's RAM role (after the URI, unlike the official
// chain, so that a desktop with a URI never waits for a metadata service). An absent source
// passes to the next one; a configured but broken one (half-set environment, malformed file,
// unusable profile mode) stops the chain, so the user is never signed in with an identity
// other than the one they set up. profileName (--profile) picks that CLI profile and nothing
// else. homeDir may be empty, which skips the files under it. A role to assume that names no
// STS region, VPC endpoint or session name takes ALIBABA_CLOUD_STS_REGION,
// ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED and ALIBABA_CLOUD_ROLE_SESSION_NAME, as the official
// libraries' role providers do.
ChainResult resolve(const QProcessEnvironment &env, const QString &homeDir,
                    const QString &profileName = {});

} // namespace dbs
