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

} // namespace dbs
