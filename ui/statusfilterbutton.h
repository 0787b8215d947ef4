#pragma once

#include <QSet>
#include <QToolButton>

class QAction;

namespace dbs {

// The toolbar's status filter: ONLINE, OFFLINE, STOPPED, UPGRADING (any of those ticked) and
// "stale only" (which narrows to Online gateways with an overdue heartbeat), as checkable entries
// of a drop-down menu that stays open while the user ticks them.
class StatusFilterButton final : public QToolButton
{
    Q_OBJECT
public:
    explicit StatusFilterButton(QWidget *parent = nullptr);

    static QStringList knownStatuses();

    QSet<QString> statuses() const;
    bool staleOnly() const;
    // Updates the ticks without emitting filterChanged (restoring a window).
    void setFilter(const QSet<QString> &statuses, bool staleOnly);
    // The menu entry for one status ("ONLINE"...) or "stale"; for tests and shortcuts.
    QAction *actionFor(const QString &status) const;

Q_SIGNALS:
    void filterChanged(const QSet<QString> &statuses, bool staleOnly);

private:
    void updateText();
    void emitChange();

    QList<QAction *> m_statusActions; // owned by the menu
    QAction *m_staleAction;           // owned by the menu
    QAction *m_allAction;             // owned by the menu
};

} // namespace dbs
