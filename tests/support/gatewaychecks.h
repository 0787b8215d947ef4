#pragma once

// What the model tests and the filter benchmark check a table against, written apart from the
// models' own code so that a test checks that code rather than repeats it.

#include <api/backupgateway.h>
#include <api/gatewayfields.h>

#include <QString>
#include <QStringList>

namespace fixture {

// The service's field names, in the order its API reference lists them.
const QStringList &apiFieldNames();

// The table column that shows this field (the columns follow allGatewayFields()).
int columnOf(dbs::GatewayField field);

// Whether the filter's text matches this gateway: a case-insensitive part of its name, id,
// identifier, host name or either address.
bool containsText(const dbs::BackupGateway &gateway, const QString &needle);

} // namespace fixture
