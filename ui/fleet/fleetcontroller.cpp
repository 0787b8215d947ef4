#include "fleetcontroller.h"

#include <export/textformat.h>

#include "regionfailurebanner.h"
#include "regionstrip.h"
#include "summarystrip.h"

#include <export/timewords.h>
#include <fleet/inventorysnapshot.h>
#include <fleet/regionsweep.h>
#include <fleet/staleness.h>
#include <models/changelogmodel.h>
#include <models/gatewaytablemodel.h>
#include <settings/settings.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDateTime>
#include <QDockWidget>
#include <QHeaderView>
#include <QMenu>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace dbs {
namespace {
// How long a changed row stays highlighted.
constexpr qint64 highlightMs = 2 * 60 * 1000;
// A summary of this many rows takes a few milliseconds: cheap enough for every page.
constexpr int immediateSummaryRows = 50000;
const int autoRefreshChoices[] = {0, 30, 60, 300}; // seconds
} // namespace

FleetController::FleetController(GatewayTableModel *model, Settings *settings,
                                 QWidget *parentWidget, QObject *parent)
    : QObject(parent), m_model(model), m_settings(settings),
      m_summary(new SummaryStrip(parentWidget)), m_regions(new RegionStrip(parentWidget)),
      m_failures(new RegionFailureBanner(parentWidget)),
      m_dock(new QDockWidget(tr("Changes"), parentWidget)), m_changeLog(new ChangeLogModel(this)),
      m_autoRefresh(new QTimer(this)), m_summaryTimer(new QTimer(this)),
      m_intervals(new QActionGroup(this)),
      m_notifyAction(new QAction(tr("&Notify When a Gateway Goes Offline or Stale"), this))
{
    m_regions->hide();
    m_regions->setExpanded(m_settings->value(Settings::Key::RegionsExpanded).toBool());
    connect(m_regions, &RegionStrip::expandedChanged, this, [this](bool expanded) {
        m_settings->setValue(Settings::Key::RegionsExpanded, expanded);
    });

    m_dock->setObjectName(QStringLiteral("changesDock"));
    m_dock->setAccessibleName(tr("Changes"));
    auto *content = new QWidget(m_dock);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_changesView = new QTableView(content);
    m_changesView->setObjectName(QStringLiteral("changesView"));
    m_changesView->setAccessibleName(tr("Changes between refreshes"));
    m_changesView->setModel(m_changeLog);
    m_changesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_changesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_changesView->verticalHeader()->hide();
    // The gateway's name is what matters and gets the room; time, change, region and status
    // are short words that only need theirs.
    QHeaderView *header = m_changesView->horizontalHeader();
    header->setStretchLastSection(false);
    for (int column = 0; column < ChangeLogModel::ColumnCount; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ChangeLogModel::GatewayColumn, QHeaderView::Stretch);
    m_changesView->setWordWrap(false);
    m_changesView->setSelectionMode(QAbstractItemView::SingleSelection);
    const auto activate = [this](const QModelIndex &index) {
        const QString id = index.data(ChangeLogModel::GatewayIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT gatewayActivated(id);
    };
    connect(m_changesView, &QAbstractItemView::clicked, this, activate);
    connect(m_changesView, &QAbstractItemView::activated, this, activate);
    layout->addWidget(m_changesView);
    auto *clear = new QPushButton(tr("C&lear"), content);
    clear->setObjectName(QStringLiteral("clearChanges"));
    clear->setAccessibleName(tr("Clear the list of changes"));
    connect(clear, &QPushButton::clicked, m_changeLog, &ChangeLogModel::clear);
    layout->addWidget(clear, 0, Qt::AlignRight);
    m_dock->setWidget(content);
    // Out of the way until there is something to show; then it opens (unless the user closed
    // it, which is remembered), and its menu action opens it any time.
    m_dock->hide();
    connect(m_dock->toggleViewAction(), &QAction::triggered, this, [this](bool visible) {
        m_settings->setValue(Settings::Key::ChangesPanelVisible, visible);
    });

    m_summaryTimer->setSingleShot(true);
    m_summaryTimer->setInterval(250);
    connect(m_summaryTimer, &QTimer::timeout, this, &FleetController::updateSummary);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &FleetController::scheduleSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &FleetController::scheduleSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FleetController::scheduleSummary);
    // At the end of each batch of rows (a page, a region) the counts are those of the table's
    // rows at once; only over very many rows are they left to the coalescing timer.
    const auto batchEnded = [this] {
        if (m_model->rowCount() <= immediateSummaryRows)
            updateSummary();
        else
            scheduleSummary();
    };
    connect(m_model, &GatewayTableModel::progress, this, batchEnded);
    connect(m_model, &GatewayTableModel::completed, this, batchEnded);
    connect(m_model, &GatewayTableModel::inventoryComplete, this,
            &FleetController::inventoryCompleted);
    connect(m_model, &GatewayTableModel::regionsChanged, this, [this] {
        if (const RegionSweep *sweep = m_model->regionSweep()) {
            m_regions->showSweep(*sweep);
            m_failures->showSweep(*sweep);
        }
    });
    connect(m_regions, &RegionStrip::retryRequested, m_model, &GatewayTableModel::retryRegion);
    connect(m_failures, &RegionFailureBanner::retryRequested, m_model,
            &GatewayTableModel::retryRegion);
    connect(m_failures, &RegionFailureBanner::retryAllRequested, m_model,
            &GatewayTableModel::retryFailedRegions);

    // View › Auto-refresh.
    for (const int seconds : autoRefreshChoices) {
        QAction *action = m_intervals->addAction(
            seconds == 0   ? tr("&Off")
            : seconds < 60 ? tr("Every %n second(s)", nullptr, seconds)
                           : tr("Every %n minute(s)", nullptr, seconds / 60));
        action->setObjectName(QStringLiteral("autoRefresh_%1").arg(seconds));
        action->setCheckable(true);
        action->setData(seconds);
        connect(action, &QAction::triggered, this,
                [this, seconds] { setAutoRefreshSeconds(seconds); });
    }
    m_intervals->setExclusive(true);
    connect(m_autoRefresh, &QTimer::timeout, this, [this] {
        if (!m_model->isLoading())
            Q_EMIT refreshRequested();
    });
    setAutoRefreshSeconds(m_settings->value(Settings::Key::AutoRefreshSeconds).toInt());

    m_notifyAction->setObjectName(QStringLiteral("notifyChanges"));
    m_notifyAction->setCheckable(true);
    m_notifyAction->setChecked(m_settings->value(Settings::Key::NotifyChanges).toBool());
    connect(m_notifyAction, &QAction::toggled, this,
            [this](bool on) { m_settings->setValue(Settings::Key::NotifyChanges, on); });
}

FleetController::~FleetController() = default;

void FleetController::addActionsTo(QMenu *menu)
{
    QMenu *autoRefresh = menu->addMenu(tr("&Auto-refresh"));
    autoRefresh->setObjectName(QStringLiteral("autoRefreshMenu"));
    autoRefresh->addActions(m_intervals->actions());
    QAction *panel = m_dock->toggleViewAction();
    panel->setText(tr("&Changes Panel"));
    panel->setObjectName(QStringLiteral("changesPanelAction"));
    menu->addAction(panel);
    menu->addAction(m_notifyAction);
}

qint64 FleetController::autoRefreshMs() const
{
    return m_autoRefresh->isActive() ? m_autoRefresh->interval() : 0;
}

void FleetController::setAutoRefreshSeconds(int seconds)
{
    if (std::find(std::begin(autoRefreshChoices), std::end(autoRefreshChoices), seconds) ==
        std::end(autoRefreshChoices))
        seconds = 0;
    m_settings->setValue(Settings::Key::AutoRefreshSeconds, seconds);
    for (QAction *action : m_intervals->actions())
        action->setChecked(action->data().toInt() == seconds);
    if (seconds == 0) {
        m_autoRefresh->stop();
        return;
    }
    m_autoRefresh->start(seconds * 1000);
    // Changes need whole inventories to compare: with auto-refresh every page is loaded.
    m_model->loadAll();
}

void FleetController::queryStarted(const QUrl &endpoint, const QString &account)
{
    m_scope = m_model->query().region;
    m_hasBaseline = false;
    m_baseline.clear();
    m_failures->clear();
    if (const RegionSweep *sweep = m_model->regionSweep())
        m_regions->showSweep(*sweep);
    else
        m_regions->clear();
    m_regions->setVisible(m_model->regionSweep() != nullptr);
    // A lookup by identifier is not the inventory: neither compared nor kept.
    m_snapshotPath = m_model->query().identifier.isEmpty()
                         ? snapshotPath(m_scope, endpoint, account)
                         : QString();
    m_asOfText.clear();
    InventorySnapshot snapshot;
    QString error;
    if (!m_snapshotPath.isEmpty() && loadSnapshot(m_snapshotPath, &snapshot, &error) &&
        snapshot.scope == m_scope) {
        m_baseline = snapshot.gateways;
        m_baselineAtMs = snapshot.takenAtMs;
        m_hasBaseline = true;
        m_asOfText = tr("Showing the inventory as of %1 while it loads.")
                         .arg(timewords::localeShort(snapshot.takenAtMs));
        m_model->preload(snapshot.gateways);
    }
    Q_EMIT asOfChanged(m_asOfText);
    if (m_autoRefresh->isActive())
        m_model->loadAll();
    scheduleSummary();
}

void FleetController::inventoryCompleted()
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    // A region that failed this time keeps its earlier rows in the model: unknown, not gone.
    const QVector<BackupGateway> current = m_model->gateways();
    if (m_hasBaseline) {
        const QVector<GatewayChange> changes =
            computeChanges(m_baseline, m_baselineAtMs, current, nowMs, m_model->staleThresholdMs());
        if (!changes.isEmpty()) {
            m_changeLog->addChanges(changes);
            if (m_settings->value(Settings::Key::ChangesPanelVisible).toBool())
                m_dock->show();
            QSet<QString> ids;
            for (const GatewayChange &change : changes)
                ids.insert(change.gateway.backupGatewayId);
            m_model->markChanged(ids, m_model->nowMs() + highlightMs);
            if (m_notifyAction->isChecked())
                notify(changes);
        }
    }
    m_baseline = current;
    m_baselineAtMs = nowMs;
    m_hasBaseline = true;
    if (!m_snapshotPath.isEmpty()) {
        QString error;
        // Failing to keep it costs only the next start's head start: not worth a dialog.
        saveSnapshot(m_snapshotPath, {m_scope, nowMs, current}, &error);
    }
    if (!m_asOfText.isEmpty()) {
        m_asOfText.clear();
        Q_EMIT asOfChanged(m_asOfText);
    }
    updateSummary();
}

void FleetController::scheduleSummary()
{
    if (!m_summaryTimer->isActive())
        m_summaryTimer->start();
}

void FleetController::updateSummary()
{
    m_summaryTimer->stop();
    m_summary->setSummary(m_model->summary(), m_model->isComplete());
}

QString FleetController::notificationText(const QVector<GatewayChange> &changes)
{
    int offline = 0;
    int stale = 0;
    QString first;
    for (const GatewayChange &change : changes) {
        const bool wentOffline =
            change.kind == ChangeKind::Status &&
            change.gateway.status.compare(u"OFFLINE", Qt::CaseInsensitive) == 0;
        if (!wentOffline && change.kind != ChangeKind::Stale)
            continue;
        (wentOffline ? offline : stale) += 1;
        if (first.isEmpty())
            first =
                visibleText(change.gateway.displayName.isEmpty() ? change.gateway.backupGatewayId
                                                                 : change.gateway.displayName);
    }
    if (offline + stale == 0)
        return {};
    if (offline + stale == 1)
        return offline ? tr("%1 went offline.").arg(first) : tr("%1 went stale.").arg(first);
    if (stale == 0)
        return tr("%n gateway(s) went offline.", nullptr, offline);
    if (offline == 0)
        return tr("%n gateway(s) went stale.", nullptr, stale);
    return tr("%1 and %2.")
        .arg(tr("%n gateway(s) went offline", nullptr, offline),
             tr("%n went stale", nullptr, stale));
}

void FleetController::notify(const QVector<GatewayChange> &changes)
{
    const QString text = notificationText(changes);
    if (text.isEmpty())
        return;
    QWidget *window = m_dock->window();
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
            m_tray->setToolTip(QApplication::applicationDisplayName());
        }
        m_tray->show();
        m_tray->showMessage(tr("DBS backup gateways"), text, QSystemTrayIcon::Warning);
    }
    // Without a tray the task bar still says something happened.
    QApplication::alert(window);
}

} // namespace dbs
