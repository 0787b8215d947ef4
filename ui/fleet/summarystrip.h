#pragma once

#include <fleet/summary.h>

#include <QHash>
#include <QSet>
#include <QWidget>

class QLabel;
class QToolButton;

namespace dbs {

class FlowLayout;

class HeartbeatChart;

// The fleet at a glance, above the table: how many gateways in all, per status and stale, and
// the chart of heartbeat ages. Every count is a button that asks to filter the table to it;
// the buttons show the filter in force as checked.
class SummaryStrip final : public QWidget
{
    Q_OBJECT
public:
    explicit SummaryStrip(QWidget *parent = nullptr);

    // `complete` false: the counts cover the rows loaded so far, and the strip says so.
    void setSummary(const FleetSummary &summary, bool complete);
    void setActiveFilter(const QSet<QString> &statuses, bool stale,
                         std::optional<AgeBucket> ageBucket);

    // For tests and accessibility: the button of a status ("ONLINE"...), "stale" or "all".
    QToolButton *button(const QString &key) const { return m_buttons.value(key); }
    HeartbeatChart *chart() const { return m_chart; }

Q_SIGNALS:
    void allClicked();
    void statusClicked(const QString &status);
    void staleClicked();
    void ageBucketClicked(dbs::AgeBucket bucket);

private:
    QToolButton *addButton(const QString &key, const QIcon &icon, const QString &toolTip);
    void updateButton(const QString &key, const QString &label, int count);

    FlowLayout *m_buttonRow;                 // owned by its widget: wraps when narrow
    QHash<QString, QToolButton *> m_buttons; // children
    QLabel *m_partial;                       // child
    HeartbeatChart *m_chart;                 // child
    QSet<QString> m_activeStatuses;
    bool m_activeStale = false;
};

} // namespace dbs
