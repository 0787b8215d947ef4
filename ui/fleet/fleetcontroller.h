#pragma once

#include <api/backupgateway.h>
#include <fleet/changes.h>

#include <QObject>
#include <QUrl>

class QAction;
class QActionGroup;
class QDockWidget;
class QMenu;
class QSystemTrayIcon;
class QTableView;
class QTimer;
class QWidget;

namespace dbs {

class ChangeLogModel;
class GatewayTableModel;
class RegionFailureBanner;
class RegionStrip;
class Settings;
class SummaryStrip;

// The fleet-wide views beside the table: the summary strip (counts and heartbeat ages), the
// per-region strip of an all-regions query, and the Changes panel. It refreshes on a timer
// (View › Auto-refresh), compares each complete inventory with the one before (and, at start,
// with the last run's, kept on disk without credentials), lists and highlights what changed,
// and can say so on the desktop when a gateway goes offline or stale.
class FleetController final : public QObject
{
    Q_OBJECT
public:
    // `model` and `settings` are not owned and outlive the controller. The widgets are made
    // with `parentWidget` as parent; the window places them.
    FleetController(GatewayTableModel *model, Settings *settings, QWidget *parentWidget,
                    QObject *parent = nullptr);
    ~FleetController() override;

    SummaryStrip *summaryStrip() const { return m_summary; }
    RegionStrip *regionStrip() const { return m_regions; }
    RegionFailureBanner *regionFailureBanner() const { return m_failures; }
    QDockWidget *changesDock() const { return m_dock; }
    ChangeLogModel *changeLog() const { return m_changeLog; }
    // View › Auto-refresh, View › Notify, and the panel's toggle, for the window's menu.
    void addActionsTo(QMenu *menu);

    // Call right after the model's setQuery(): shows the last run's inventory of this query
    // (if kept) while the model loads, and starts comparing from it. `endpoint`: the client's
    // (a demo's or custom endpoint's inventory is kept apart from the region's own), `account`
    // the one signing (each account's inventory is its own).
    void queryStarted(const QUrl &endpoint, const QString &account = {});
    // The model's inventory is complete: compare, keep on disk, summarize.
    void inventoryCompleted();

    qint64 autoRefreshMs() const;
    // "as of TIME" while the shown rows are the last run's; empty otherwise.
    QString asOfText() const { return m_asOfText; }
    // What a desktop notification says about `changes`: gateways that went offline or stale,
    // by name when one, by count when more; empty when none did.
    static QString notificationText(const QVector<GatewayChange> &changes);

Q_SIGNALS:
    void refreshRequested();
    // An entry of the Changes panel was clicked or activated: show that gateway.
    void gatewayActivated(const QString &backupGatewayId);
    void asOfChanged(const QString &text);

private:
    void setAutoRefreshSeconds(int seconds);
    void scheduleSummary();
    void updateSummary();
    void notify(const QVector<GatewayChange> &changes);

    GatewayTableModel *m_model;        // not owned
    Settings *m_settings;              // not owned
    SummaryStrip *m_summary;           // child of the parent widget
    RegionStrip *m_regions;            // child of the parent widget
    RegionFailureBanner *m_failures;   // child of the parent widget
    QDockWidget *m_dock;               // child of the parent widget
    QTableView *m_changesView;         // child of m_dock
    ChangeLogModel *m_changeLog;       // child
    QTimer *m_autoRefresh;             // child
    QTimer *m_summaryTimer;            // child: coalesces row signals
    QActionGroup *m_intervals;         // child
    QAction *m_notifyAction;           // child
    QSystemTrayIcon *m_tray = nullptr; // child, made when first needed

    QString m_scope; // the query's region, or "all"
    QString m_snapshotPath;
    QVector<BackupGateway> m_baseline; // the last complete inventory of this query
    qint64 m_baselineAtMs = 0;
    bool m_hasBaseline = false;
    QString m_asOfText;
};

} // namespace dbs
