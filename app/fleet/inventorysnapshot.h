#pragma once

#include <api/backupgateway.h>

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <QVector>

namespace dbs {

// The last inventory seen for one scope (a region id, or "all"), kept on disk so that the next
// start shows it at once ("as of TIME") and can say what changed since. Gateways only: no
// credential, token or signature is ever part of it.
struct InventorySnapshot
{
    QString scope;
    qint64 takenAtMs = 0;
    QVector<BackupGateway> gateways;
};

QByteArray serializeSnapshot(const InventorySnapshot &snapshot);
// False with a translated reason for anything that is not a snapshot this program wrote.
bool parseSnapshot(const QByteArray &data, InventorySnapshot *snapshot, QString *error);

// Where the snapshot of `scope` lives: one file per scope, endpoint and account (the demo's or
// a test's endpoint never shares a file with the region's own, nor one account's inventory
// another's), under the user's cache directory. An empty account is the automatic one.
QString snapshotPath(const QString &scope, const QUrl &endpoint, const QString &account = {});

// Whole or not at all (QSaveFile); loading a missing file fails with an empty error.
bool saveSnapshot(const QString &path, const InventorySnapshot &snapshot, QString *error);
bool loadSnapshot(const QString &path, InventorySnapshot *snapshot, QString *error);

} // namespace dbs
