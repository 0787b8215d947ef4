#pragma once

#include <api/credential.h>

#include <QString>

#include <memory>

namespace dbs {

// How to sign in, as a credential source describes it: a key pair at hand, or the way to
// obtain temporary keys (a role to assume, instance metadata, a URI, a process). Read from
// files and the environment without asking anyone; app/signin turns it into a provider that
// obtains and renews the keys.
struct SignInSpec
{
    enum class Kind {
        Static,         // `credential` (a CloudSSO profile's cached keys have an expiry)
        AssumeRole,     // STS AssumeRole, signed by `source`
        Oidc,           // STS AssumeRoleWithOIDC with the token in oidcTokenFile
        EcsRamRole,     // the ECS instance's RAM role, from instance metadata
        CredentialsUri, // GET uri
        External,       // run processCommand, read its output
    };

    Kind kind = Kind::Static;
    // Which source and mode, for --verbose and the status bar, e.g. `aliyun CLI profile
    // "prod", RamRoleArn acs:ram::123:role/dbs-reader`. Never a secret.
    QString description;

    Credential credential;  // Static
    QString expiredMessage; // Static with an expiry: what to do once it has run out

    // AssumeRole and Oidc
    QString roleArn;
    QString roleSessionName; // empty: one is made up per renewal
    QString policy;
    QString externalId;
    int durationSeconds = 3600;
    QString stsRegion;
    QString stsEndpoint; // a host name or URL; empty: from stsRegion (or the global endpoint)
    bool vpcEndpoint = false;
    std::shared_ptr<const SignInSpec> source; // AssumeRole: whose keys ask for the role

    // Oidc
    QString oidcProviderArn;
    QString oidcTokenFile;

    // EcsRamRole
    QString roleName; // empty: asked from the metadata service
    bool imdsV1Allowed = true;

    // CredentialsUri
    QString uri;

    // External
    QString processCommand;

    bool isUsable() const { return kind != Kind::Static || credential.isValid(); }
    // A spec whose keys are at hand now.
    static SignInSpec fixed(const Credential &credential)
    {
        SignInSpec spec;
        spec.credential = credential;
        spec.description = credential.source;
        return spec;
    }
};

// "sts.aliyuncs.com", "sts.REGION.aliyuncs.com", "sts-vpc.REGION.aliyuncs.com", or the
// spec's own endpoint, as the official libraries pick it; always with a scheme (https unless
// the endpoint names another).
QString stsEndpointUrl(const SignInSpec &spec);

} // namespace dbs
