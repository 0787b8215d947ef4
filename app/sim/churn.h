#pragma once

#include <api/backupgateway.h>

#include <QSet>
#include <QStringList>

#include <random>

namespace dbs {

// Changes an inventory the way a live fleet changes, for `dbs-simulator --churn` and the
// tests of change detection: gateways appear and disappear, go OFFLINE and come back, or fall
// silent (still ONLINE, no heartbeat: stale after a while) and recover. Every other ONLINE
// gateway keeps sending heartbeats. Deterministic for a seed.
class InventoryChurn
{
public:
    enum class Event { Added, Removed, WentOffline, CameOnline, FellSilent };

    explicit InventoryChurn(quint64 seed);

    // Applies one random event at `nowMs` to `inventory` (new gateways go to one of `regions`,
    // or to a region already in use) and returns it with the id it touched.
    std::pair<Event, QString> step(QVector<BackupGateway> *inventory, const QStringList &regions,
                                   qint64 nowMs);
    // Every ONLINE gateway that has not fallen silent reports a heartbeat at `nowMs`.
    void heartbeat(QVector<BackupGateway> *inventory, qint64 nowMs) const;
    // The same for a fleet whose gateways report every `intervalMs`, each at its own phase
    // (from its id): its last heartbeat is the latest of its moments up to `nowMs`.
    void heartbeat(QVector<BackupGateway> *inventory, qint64 nowMs, qint64 intervalMs) const;
    // ONLINE gateways that have sent nothing for `quietMs` count as fallen silent, so that
    // heartbeats do not revive them by themselves.
    void adoptSilent(const QVector<BackupGateway> &inventory, qint64 nowMs, qint64 quietMs);
    // Time after which a generated gateway counts as quiet (the generator's fresh ones report
    // within 4 minutes, its quiet ones not for 6 minutes or more).
    static constexpr qint64 generatedQuietMs = 5 * 60 * 1000;

private:
    int below(int bound) { return int(m_engine() % quint64(bound)); }

    std::mt19937_64 m_engine;
    QSet<QString> m_silent;
    qint64 m_added = 0;
};

} // namespace dbs
