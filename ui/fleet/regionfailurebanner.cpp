#include "regionfailurebanner.h"

#include "regionstrip.h"

#include <api/endpoints.h>
#include <export/textformat.h>
#include <fleet/regionsweep.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace dbs {
namespace {
// More lines would push the table off a small screen; Retry All covers the rest.
constexpr int listedRegions = 4;
} // namespace

RegionFailureBanner::RegionFailureBanner(QWidget *parent) : MessageBanner(parent)
{
    setObjectName(QStringLiteral("regionFailureBanner"));
    setKind(Kind::Warning);
    setText(tr("Some regions could not be listed."));
    m_retryAll = addButton(tr("Retry &All"), QStringLiteral("regionFailureRetryAll"));
    m_retryAll->setToolTip(tr("List every failed region again"));
    connect(m_retryAll, &QPushButton::clicked, this, &RegionFailureBanner::retryAllRequested);
    connect(this, &MessageBanner::closed, this, [this] { m_dismissed = m_failed; });
    hide();
}

void RegionFailureBanner::clear()
{
    clearRows();
    m_failed.clear();
    m_dismissed.clear();
    hide();
}

void RegionFailureBanner::clearRows()
{
    // Later, not now: a row's Retry may be the sender of the signal that led here.
    for (QWidget *row : std::as_const(m_rows)) {
        row->hide();
        contentLayout()->removeWidget(row);
        row->deleteLater();
    }
    m_rows.clear();
}

void RegionFailureBanner::showSweep(const RegionSweep &sweep)
{
    QList<SweepFailure> failures = sweep.failures();
    // Every part failed: nothing is listed, and the error banner says why.
    if (sweep.failedCount() == sweep.keys().size())
        failures.clear();
    QStringList failed;
    for (const SweepFailure &failure : std::as_const(failures))
        failed += failure.keys;
    if (failed == m_failed)
        return;
    m_failed = failed;
    clearRows();
    if (failed.isEmpty()) {
        // (Also while the regions load again: what was closed stays closed when they fail.)
        hide();
        return;
    }
    if (sweep.hasAccounts()) {
        setText(tr("<b>Not every account could be listed:</b> the gateways of these accounts and "
                   "regions are missing from the table."));
    } else {
        setText(tr("<b>%1 of %n region(s) could not be listed:</b> their gateways are missing "
                   "from the table.",
                   nullptr, int(sweep.keys().size()))
                    .arg(failed.size()));
    }
    for (const SweepFailure &failure : failures.mid(0, listedRegions)) {
        const QString name = RegionStrip::failureObjectName(failure);
        auto *row = new QWidget(this);
        row->setObjectName(QStringLiteral("regionFailure_") + name);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        const QString region = sweep.part(failure.keys.constFirst()).region;
        const QString words = RegionStrip::errorWords(failure.error);
        auto *label = new QLabel(
            visibleText(sweep.hasAccounts() ? tr("%1: %2").arg(failure.name, words)
                                            : tr("%1 (%2): %3").arg(failure.name, region, words)),
            row);
        label->setToolTip(visibleText(failure.error.summary()));
        label->setTextFormat(Qt::PlainText);
        layout->addWidget(label);
        auto *retry = new QPushButton(tr("Retry"), row);
        retry->setObjectName(QStringLiteral("regionFailureRetry_") + name);
        retry->setAccessibleName(tr("Retry %1").arg(failure.name));
        connect(retry, &QPushButton::clicked, this, [this, keys = failure.keys] {
            for (const QString &key : keys)
                Q_EMIT retryRequested(key);
        });
        layout->addWidget(retry);
        layout->addStretch(1);
        contentLayout()->addWidget(row);
        m_rows.append(row);
    }
    if (failures.size() > listedRegions) {
        auto *more = new QLabel(tr("and %n more (Retry All lists them again)", nullptr,
                                   int(failures.size() - listedRegions)),
                                this);
        contentLayout()->addWidget(more);
        m_rows.append(more);
    }
    m_retryAll->setVisible(failures.size() > 1);
    setVisible(failed != m_dismissed);
}

QPushButton *RegionFailureBanner::retryButton(const QString &region) const
{
    return findChild<QPushButton *>(QStringLiteral("regionFailureRetry_") + region);
}

} // namespace dbs
