#include "logging.h"

namespace dbs {

// QtInfoMsg: debug messages stay quiet by default, so that standard error (a contract of the
// command-line programs) is unchanged unless QT_LOGGING_RULES turns them on.
Q_LOGGING_CATEGORY(lcApi, "dbs.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModel, "dbs.model", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "dbs.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSim, "dbs.sim", QtInfoMsg)

} // namespace dbs
