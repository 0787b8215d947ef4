#include "gatewaysort.h"

namespace dbs {

int statusRank(const QString &status)
{
    if (status == u"ONLINE")
        return 0;
    if (status == u"UPGRADING")
        return 1;
    if (status == u"OFFLINE")
        return 2;
    if (status == u"STOPPED")
        return 3;
    return 4;
}

} // namespace dbs
