#include "summarystrip.h"

#include "heartbeatchart.h"
#include <fleet/statuswords.h>
#include <ui/query/statusfilterbutton.h>
#include <ui/widgets/flowlayout.h>
#include <ui/widgets/statuspresentation.h>

#include <api/backupgateway.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>

namespace dbs {
namespace {
const QString allKey = QStringLiteral("all");
const QString staleKey = QStringLiteral("stale");
} // namespace

SummaryStrip::SummaryStrip(QWidget *parent)
    : QWidget(parent), m_buttonRow(new FlowLayout(new QWidget(this))), m_partial(new QLabel(this)),
      m_chart(new HeartbeatChart(this))
{
    setObjectName(QStringLiteral("summaryStrip"));
    setAccessibleName(tr("Fleet summary"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // The counts wrap onto a second line rather than make the window wider than a small screen.
    m_buttonRow->setSpacing(2);
    m_buttonRow->setContentsMargins(0, 0, 0, 0);
    QWidget *buttons = m_buttonRow->parentWidget();
    buttons->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    layout->addWidget(buttons, 1);
    m_partial->setObjectName(QStringLiteral("summaryPartial"));
    m_partial->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_chart);

    addButton(allKey, QIcon(), tr("Show every gateway (clears the status filter)"));
    connect(m_buttons[allKey], &QToolButton::clicked, this, &SummaryStrip::allClicked);
    for (const QString &status : knownStatuses()) {
        QToolButton *button = addButton(status, statuspresentation::icon(status, false),
                                        statuswords::description(status, false));
        connect(button, &QToolButton::clicked, this,
                [this, status] { Q_EMIT statusClicked(status); });
    }
    addButton(staleKey, statuspresentation::icon(QStringLiteral("ONLINE"), true),
              tr("Online gateways whose last heartbeat is older than the stale threshold"));
    connect(m_buttons[staleKey], &QToolButton::clicked, this, &SummaryStrip::staleClicked);
    connect(m_chart, &HeartbeatChart::bucketClicked, this, &SummaryStrip::ageBucketClicked);
    m_buttonRow->addWidget(m_partial);
    setSummary({}, true);
}

QToolButton *SummaryStrip::addButton(const QString &key, const QIcon &icon, const QString &toolTip)
{
    auto *button = new QToolButton(this);
    button->setObjectName(QStringLiteral("summary_") + key);
    button->setAutoRaise(true);
    button->setCheckable(true);
    button->setIcon(icon);
    button->setToolButtonStyle(icon.isNull() ? Qt::ToolButtonTextOnly
                                             : Qt::ToolButtonTextBesideIcon);
    button->setToolTip(toolTip + QLatin1Char('\n') + tr("Click to show only these."));
    m_buttonRow->addWidget(button);
    m_buttons.insert(key, button);
    return button;
}

void SummaryStrip::updateButton(const QString &key, const QString &label, int count)
{
    QToolButton *button = m_buttons.value(key);
    const QString text = tr("%1 %2").arg(label, QLocale().toString(count));
    button->setText(text);
    button->setAccessibleName(text);
    // A status nobody has is still shown for known ones (0 says "none", which is news),
    // but greyed; the "all" button is always live.
    button->setEnabled(count > 0 || key == allKey || button->isChecked());
}

void SummaryStrip::setSummary(const FleetSummary &summary, bool complete)
{
    updateButton(allKey, tr("All"), summary.total);
    for (const QString &status : knownStatuses())
        updateButton(status, statuswords::name(status), summary.byStatus.value(status));
    updateButton(staleKey, tr("Stale"), summary.stale);
    // The stale ones are Online too: said on the button, not left to be subtracted.
    if (summary.stale > 0) {
        QToolButton *online = m_buttons.value(QStringLiteral("ONLINE"));
        const QLocale locale;
        const QString text =
            tr("%1 %2 (%3 stale)")
                .arg(statuswords::name(QStringLiteral("ONLINE")),
                     locale.toString(summary.byStatus.value(QStringLiteral("ONLINE"))),
                     locale.toString(summary.stale));
        online->setText(text);
        online->setAccessibleName(text);
    }
    m_chart->setCounts(summary.ages);
    m_partial->setText(complete ? QString() : tr("(loaded rows only)"));
    m_partial->setVisible(!complete);
}

void SummaryStrip::setActiveFilter(const QSet<QString> &statuses, bool stale,
                                   std::optional<AgeBucket> ageBucket)
{
    m_buttons[allKey]->setChecked(statuses.isEmpty() && !stale && !ageBucket);
    for (const QString &status : knownStatuses())
        m_buttons[status]->setChecked(statuses.contains(status));
    m_buttons[staleKey]->setChecked(stale);
    m_chart->setSelectedBucket(ageBucket);
}

} // namespace dbs
