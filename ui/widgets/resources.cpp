#include "resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initDbsResources()
{
    Q_INIT_RESOURCE(dbs_gateway_browser);
}

namespace dbs {

void initResources()
{
    static const bool done = [] {
        initDbsResources();
        return true;
    }();
    Q_UNUSED(done)
}

} // namespace dbs
