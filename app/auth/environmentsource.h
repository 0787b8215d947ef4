#pragma once

#include "envnames.h"
#include "sourceresult.h"

#include <QProcessEnvironment>

namespace dbs {

// ALIBABA_CLOUD_ACCESS_KEY_ID + ALIBABA_CLOUD_ACCESS_KEY_SECRET (+ optional
// ALIBABA_CLOUD_SECURITY_TOKEN). None set (or all empty): Absent. Some but not all: Failed,
// naming the missing variable. credential.source is "environment".
SourceResult fromEnvironment(const QProcessEnvironment &env);

// ALIBABA_CLOUD_ROLE_ARN + ALIBABA_CLOUD_OIDC_PROVIDER_ARN + ALIBABA_CLOUD_OIDC_TOKEN_FILE
// (+ ROLE_SESSION_NAME, STS_REGION, VPC_ENDPOINT_ENABLED): an OIDC role. Absent unless all
// three are set, as in the official chain (a role ARN alone may be meant for something else).
SourceResult oidcFromEnvironment(const QProcessEnvironment &env, const QString &homeDir);

// ALIBABA_CLOUD_CREDENTIALS_URI: Absent when unset, Failed when it is not an http(s) URL.
SourceResult credentialsUriFromEnvironment(const QProcessEnvironment &env);

// The ECS instance's RAM role (ALIBABA_CLOUD_ECS_METADATA names it, else it is asked for):
// Absent when ALIBABA_CLOUD_ECS_METADATA_DISABLED is true. Whether there is an instance at
// all only a request can tell.
SourceResult ecsMetadataFromEnvironment(const QProcessEnvironment &env);

// "true" in any case, as the official libraries read their switches.
bool isTrue(const QProcessEnvironment &env, const char *name);
// "~/x" under homeDir; any other path as it is.
QString expandHome(const QString &path, const QString &homeDir);

} // namespace dbs
