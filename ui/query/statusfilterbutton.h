#pragma once

#include <QSet>
#include <QToolButton>

class QAction;

namespace dbs {

// The toolbar's status filter: ONLINE, OFFLINE, STOPPED, UPGRADING and "stale" (Online gateways
// with an overdue heartbeat), any of them at once, as checkable entries of a drop-down menu that
// stays open while the user ticks them. A "Stale after" submenu picks the stale threshold.
class StatusFilterButton final : public QToolButton
{
    Q_OBJECT
public:
    explicit StatusFilterButton(QWidget *parent = nullptr);

    // The thresholds "Stale after" offers, in minutes.
    static QList<int> staleThresholdMinutes();

    QSet<QString> statuses() const;
    bool staleOnly() const; // "stale" is ticked (it adds to the ticked statuses)
    // Updates the ticks without emitting filterChanged (restoring a window).
    void setFilter(const QSet<QString> &statuses, bool stale);
    // Ticks the threshold without emitting staleThresholdChanged; one that is not offered ticks
    // none.
    void setStaleThresholdMs(qint64 ms);
    qint64 staleThresholdMs() const { return m_thresholdMs; }
    // The "Stale after" entry for `minutes`, or null.
    QAction *staleThresholdAction(int minutes) const;
    // The menu entry for one status ("ONLINE"...) or "stale"; for tests and shortcuts.
    QAction *actionFor(const QString &status) const;
    // Only the icon (a narrow toolbar); the words stay in the tooltip and for screen readers.
    void setCompact(bool compact);

Q_SIGNALS:
    void filterChanged(const QSet<QString> &statuses, bool stale);
    void staleThresholdChanged(qint64 ms);

private:
    void updateText();
    void emitChange();
    static QString textFor(const QStringList &names);
    void fixWidth();

    QList<QAction *> m_statusActions;    // owned by the menu
    QAction *m_staleAction;              // owned by the menu
    QAction *m_allAction;                // owned by the menu
    QList<QAction *> m_thresholdActions; // owned by the submenu
    qint64 m_thresholdMs = 5 * 60 * 1000;
};

} // namespace dbs
