#pragma once

#include <api/credentialprovider.h>
#include <auth/signinspec.h>

#include <QProcessEnvironment>
#include <QUrl>

namespace dbs {

class DbsClient;

// Where the sign-in services are; the defaults are the real ones.
struct SignInOptions
{
    QUrl stsEndpoint; // every STS call goes here when set (--sts-endpoint, DBS_STS_ENDPOINT)
    // The ECS instance metadata service (DBS_ECS_METADATA_ENDPOINT).
    QUrl metadataEndpoint = QUrl(QStringLiteral("http://100.100.100.200"));
    // A desktop far from ECS must not wait: the metadata service answers within a few ms.
    int metadataTimeoutMs = 1000;
    int uriTimeoutMs = 10000;
    int processTimeoutMs = 60000;
};

inline constexpr char envStsEndpoint[] = "DBS_STS_ENDPOINT";
inline constexpr char envMetadataEndpoint[] = "DBS_ECS_METADATA_ENDPOINT";

// DBS_STS_ENDPOINT and DBS_ECS_METADATA_ENDPOINT over the defaults; a value that is not a URL
// sets `error`.
SignInOptions signInOptionsFromEnvironment(const QProcessEnvironment &env, QString *error);

// The provider that obtains and renews the credential `spec` describes: a fixed key pair as it
// is; roles through `client` (STS is signed, retried and sent as DBS calls are); instance
// metadata, a credentials URI or an external process on their own. Owned by `parent`;
// `client` must outlive it.
CredentialProvider *makeCredentialProvider(const SignInSpec &spec, DbsClient *client,
                                           const SignInOptions &options, QObject *parent);

} // namespace dbs
