#include "statusfilterbutton.h"

#include <fleet/statuswords.h>
#include <ui/widgets/statuspresentation.h>

#include <api/backupgateway.h>

#include <QActionGroup>
#include <QMenu>
#include <QMouseEvent>

namespace dbs {

namespace {
// Ticking several statuses should not need the menu reopened for each one.
class StayOpenMenu final : public QMenu
{
public:
    using QMenu::QMenu;

protected:
    void mouseReleaseEvent(QMouseEvent *event) override
    {
        QAction *action = activeAction();
        if (action && action->isEnabled() && action->isCheckable() &&
            rect().contains(event->position().toPoint())) {
            action->trigger();
            return;
        }
        QMenu::mouseReleaseEvent(event);
    }
};
} // namespace

StatusFilterButton::StatusFilterButton(QWidget *parent) : QToolButton(parent)
{
    setObjectName(QStringLiteral("statusFilter"));
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setIcon(QIcon(QStringLiteral(":/icons/view-filter.svg")));

    auto *menu = new StayOpenMenu(this);
    menu->setObjectName(QStringLiteral("statusFilterMenu"));
    m_allAction = menu->addAction(tr("&All statuses"));
    m_allAction->setObjectName(QStringLiteral("statusFilterAll"));
    connect(m_allAction, &QAction::triggered, this, [this] {
        setFilter({}, false);
        emitChange();
    });
    menu->addSeparator();
    for (const QString &status : knownStatuses()) {
        QAction *action =
            menu->addAction(statuspresentation::icon(status, false), statuswords::name(status));
        action->setObjectName(QStringLiteral("statusFilter_") + status);
        action->setCheckable(true);
        action->setData(status);
        action->setToolTip(statuswords::description(status, false));
        connect(action, &QAction::toggled, this, &StatusFilterButton::emitChange);
        m_statusActions.append(action);
    }
    menu->addSeparator();
    m_staleAction = menu->addAction(statuspresentation::icon(QStringLiteral("ONLINE"), true),
                                    tr("&Stale (Online, heartbeat overdue)"));
    m_staleAction->setObjectName(QStringLiteral("statusFilter_stale"));
    m_staleAction->setCheckable(true);
    m_staleAction->setData(QStringLiteral("stale"));
    m_staleAction->setToolTip(tr("Also shows the Online gateways whose last heartbeat is older "
                                 "than the stale threshold"));
    connect(m_staleAction, &QAction::toggled, this, &StatusFilterButton::emitChange);

    QMenu *after = menu->addMenu(tr("Stale &after"));
    after->setObjectName(QStringLiteral("staleThresholdMenu"));
    after->setToolTipsVisible(true);
    auto *group = new QActionGroup(after);
    group->setExclusive(true);
    for (const int minutes : staleThresholdMinutes()) {
        QAction *action = after->addAction(tr("%n minute(s)", nullptr, minutes));
        action->setObjectName(QStringLiteral("staleAfter_%1").arg(minutes));
        action->setCheckable(true);
        action->setData(qint64(minutes) * 60 * 1000);
        action->setToolTip(tr("An Online gateway is stale when its last heartbeat is older than "
                              "this"));
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, action] {
            const qint64 ms = action->data().toLongLong();
            if (ms == m_thresholdMs)
                return;
            m_thresholdMs = ms;
            Q_EMIT staleThresholdChanged(ms);
        });
        m_thresholdActions.append(action);
    }
    setStaleThresholdMs(m_thresholdMs);
    menu->setToolTipsVisible(true);
    setMenu(menu);
    updateText();
    fixWidth();
}

void StatusFilterButton::setCompact(bool compact)
{
    setToolButtonStyle(compact ? Qt::ToolButtonIconOnly : Qt::ToolButtonTextBesideIcon);
    fixWidth();
}

QString StatusFilterButton::textFor(const QStringList &names)
{
    // Two names, then a count: the button stays short, the tooltip lists them all. The
    // mnemonic lets Alt+T open the menu from the keyboard.
    if (names.isEmpty())
        return tr("S&tatus: all");
    if (names.size() <= 2)
        return tr("S&tatus: %1").arg(names.join(u", "));
    return tr("S&tatus: %1, %2 +%3").arg(names[0], names[1]).arg(names.size() - 2);
}

void StatusFilterButton::fixWidth()
{
    // As wide as its widest text, so that ticking a status does not move the toolbar's other
    // fields about.
    setMinimumWidth(0);
    if (toolButtonStyle() == Qt::ToolButtonIconOnly)
        return;
    QStringList names;
    for (const QAction *action : m_statusActions)
        names.append(statuswords::name(action->data().toString()));
    names.append(tr("stale"));
    const QString current = text();
    int widest = 0;
    const auto measure = [this, &widest](const QString &candidate) {
        setText(candidate);
        widest = std::max(widest, sizeHint().width());
    };
    measure(textFor({}));
    for (const QString &first : std::as_const(names)) {
        measure(textFor({first}));
        for (const QString &second : std::as_const(names)) {
            if (second != first)
                measure(textFor({first, second, second}));
        }
    }
    setText(current);
    setMinimumWidth(widest);
}

QList<int> StatusFilterButton::staleThresholdMinutes()
{
    return {2, 5, 10, 15, 30, 60};
}

void StatusFilterButton::setStaleThresholdMs(qint64 ms)
{
    m_thresholdMs = ms;
    // No signal blocker: the exclusive group follows the ticks through the actions' signals,
    // and only triggered() (the user's pick) emits staleThresholdChanged.
    for (QAction *action : std::as_const(m_thresholdActions))
        action->setChecked(action->data().toLongLong() == ms);
}

QAction *StatusFilterButton::staleThresholdAction(int minutes) const
{
    for (QAction *action : m_thresholdActions) {
        if (action->data().toLongLong() == qint64(minutes) * 60 * 1000)
            return action;
    }
    return nullptr;
}

QSet<QString> StatusFilterButton::statuses() const
{
    QSet<QString> set;
    for (const QAction *action : m_statusActions) {
        if (action->isChecked())
            set.insert(action->data().toString());
    }
    return set;
}

bool StatusFilterButton::staleOnly() const
{
    return m_staleAction->isChecked();
}

void StatusFilterButton::setFilter(const QSet<QString> &statuses, bool stale)
{
    for (QAction *action : std::as_const(m_statusActions)) {
        const QSignalBlocker blocker(action);
        action->setChecked(statuses.contains(action->data().toString()));
    }
    {
        const QSignalBlocker blocker(m_staleAction);
        m_staleAction->setChecked(stale);
    }
    updateText();
}

QAction *StatusFilterButton::actionFor(const QString &status) const
{
    if (status == u"stale")
        return m_staleAction;
    for (QAction *action : m_statusActions) {
        if (action->data().toString() == status)
            return action;
    }
    return nullptr;
}

void StatusFilterButton::updateText()
{
    QStringList shown;
    for (const QAction *action : m_statusActions) {
        if (action->isChecked())
            shown.append(statuswords::name(action->data().toString()));
    }
    if (m_staleAction->isChecked())
        shown.append(tr("stale"));
    setText(textFor(shown));
    const QString words =
        shown.isEmpty() ? tr("Status: all") : tr("Status: %1").arg(shown.join(u", "));
    setAccessibleName(words);
    setToolTip(tr("%1. Show only gateways with these statuses (several at once).").arg(words));
}

void StatusFilterButton::emitChange()
{
    updateText();
    Q_EMIT filterChanged(statuses(), staleOnly());
}

} // namespace dbs
