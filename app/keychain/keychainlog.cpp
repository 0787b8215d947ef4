#include "keychainlog.h"

namespace dbs {

Q_LOGGING_CATEGORY(lcKeychain, "dbs.keychain")

} // namespace dbs
