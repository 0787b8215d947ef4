#pragma once

#include <QString>

namespace dbs {

// Where a status sorts: healthy first, then the ones to look at, unknown ones last.
int statusRank(const QString &status);

} // namespace dbs
