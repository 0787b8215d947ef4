#pragma once

// The environment variables the Alibaba Cloud SDKs and CLI read; we follow the same names so
// users' existing setups work unchanged.
namespace dbs {

inline constexpr char envAccessKeyId[] = "ALIBABA_CLOUD_ACCESS_KEY_ID";
inline constexpr char envAccessKeySecret[] = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
inline constexpr char envSecurityToken[] = "ALIBABA_CLOUD_SECURITY_TOKEN";
// Picks an aliyun CLI profile, or a section of the credentials file.
inline constexpr char envProfile[] = "ALIBABA_CLOUD_PROFILE";
inline constexpr char envCredentialsFile[] = "ALIBABA_CLOUD_CREDENTIALS_FILE";
inline constexpr char envConfigFile[] = "ALIBABA_CLOUD_CONFIG_FILE"; // the CLI's config.json
inline constexpr char envCliProfileDisabled[] = "ALIBABA_CLOUD_CLI_PROFILE_DISABLED";
// OIDC (e.g. a Kubernetes service account's RRSA token).
inline constexpr char envRoleArn[] = "ALIBABA_CLOUD_ROLE_ARN";
inline constexpr char envOidcProviderArn[] = "ALIBABA_CLOUD_OIDC_PROVIDER_ARN";
inline constexpr char envOidcTokenFile[] = "ALIBABA_CLOUD_OIDC_TOKEN_FILE";
inline constexpr char envRoleSessionName[] = "ALIBABA_CLOUD_ROLE_SESSION_NAME";
inline constexpr char envStsRegion[] = "ALIBABA_CLOUD_STS_REGION";
inline constexpr char envVpcEndpointEnabled[] = "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED";
inline constexpr char envCredentialsUri[] = "ALIBABA_CLOUD_CREDENTIALS_URI";
// The ECS instance's RAM role name (empty: asked from the metadata service).
inline constexpr char envEcsMetadata[] = "ALIBABA_CLOUD_ECS_METADATA";
inline constexpr char envEcsMetadataDisabled[] = "ALIBABA_CLOUD_ECS_METADATA_DISABLED";
inline constexpr char envImdsV1Disabled[] = "ALIBABA_CLOUD_IMDSV1_DISABLED";

} // namespace dbs
