#pragma once

namespace dbs {

// Registers the icons compiled into the static dbs_ui library. A static library's resource
// initialiser is dropped by the linker unless something refers to it: the window calls this.
void initResources();

} // namespace dbs
