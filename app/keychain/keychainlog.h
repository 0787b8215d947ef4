#pragma once

#include <QLoggingCategory>

namespace dbs {

// "dbs.keychain": states and reasons only, never a credential.
Q_DECLARE_LOGGING_CATEGORY(lcKeychain)

} // namespace dbs
