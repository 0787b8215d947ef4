#pragma once

#include "requestverifier.h"

#include <QByteArray>
#include <QString>

// The simulator's Alibaba Cloud STS (Version 2015-04-01): AssumeRole, signed like any RPC call,
// and AssumeRoleWithOIDC, unsigned (the OIDC token is the proof). Plain functions; the server
// keeps the keys they issue.
namespace dbs::sts {

inline constexpr char version[] = "2015-04-01";
inline constexpr char assumeRoleAction[] = "AssumeRole";
inline constexpr char assumeRoleWithOidcAction[] = "AssumeRoleWithOIDC";
inline constexpr int defaultDurationSeconds = 3600;
inline constexpr int minDurationSeconds = 900;
inline constexpr int maxDurationSeconds = 43200;

bool isStsAction(const QByteArray &action);
// Called without AccessKeyId or signature.
bool isAnonymousAction(const QByteArray &action);

struct RoleRequest
{
    QByteArray roleArn;
    QByteArray accountId; // the digits in the role's ARN
    QByteArray roleName;
    QByteArray sessionName;
    int durationSeconds = defaultDurationSeconds;
};

// Checks the parameters of AssumeRole or AssumeRoleWithOIDC (the action's own ones, as the
// verifier hands them over); an accepted Verdict fills `role`.
Verdict checkRoleRequest(const QByteArray &action, const signing::QueryItems &parameters,
                         RoleRequest *role);

// A fresh STS key pair and token. Its Expiration is `lifetimeMs` after `nowMs`, rounded up to
// the second, so that the instant written in the answer is exactly when it stops working.
AccessKey newTemporaryKey(qint64 nowMs, qint64 lifetimeMs);

// ISO-8601 UTC with Z, whole seconds: how STS and instance metadata write instants.
QString isoTime(qint64 epochMs);

// The JSON answer of AssumeRole and AssumeRoleWithOIDC.
QByteArray assumeRoleAnswer(const QByteArray &requestId, const RoleRequest &role,
                            const AccessKey &key);
// The JSON answer of instance metadata's ram/security-credentials/<role>; LastUpdated is when
// the key was issued.
QByteArray metadataCredentialsAnswer(const AccessKey &key, qint64 lastUpdatedMs);

} // namespace dbs::sts
