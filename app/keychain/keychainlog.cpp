#include "keychainlog.h"

namespace dbs::keychain {

Q_LOGGING_CATEGORY(lcKeychain, "dbs.keychain")

} // namespace dbs::keychain
