#pragma once

#include <QLoggingCategory>

// The program's logging categories, all in one place. Debug output is off unless asked for:
//
//   QT_LOGGING_RULES="dbs.*.debug=true" dbs-gateways list ...
//
// (info and above are on). Nothing logged here may carry a secret, a token or a signature:
// URLs go through dbs::redactedUrl(), credentials are named by their source only.
namespace dbs {

Q_DECLARE_LOGGING_CATEGORY(lcApi)   // "dbs.api": every request and its outcome
Q_DECLARE_LOGGING_CATEGORY(lcModel) // "dbs.model": pages loaded, refreshed, failed
Q_DECLARE_LOGGING_CATEGORY(lcUi)    // "dbs.ui": the browser's startup and user actions
Q_DECLARE_LOGGING_CATEGORY(lcSim)   // "dbs.sim": the simulator's request log

} // namespace dbs
