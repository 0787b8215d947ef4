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
    QStringList failed;
    for (const QString &region : sweep.regions()) {
        if (sweep.result(region).state == RegionResult::State::Failed)
            failed.append(region);
    }
    // Every region failed: nothing is listed, and the error banner says why.
    if (failed.size() == sweep.regions().size())
        failed.clear();
    if (failed == m_failed)
        return;
    m_failed = failed;
    clearRows();
    if (failed.isEmpty()) {
        // (Also while the regions load again: what was closed stays closed when they fail.)
        hide();
        return;
    }
    const int total = int(sweep.regions().size());
    setText(tr("<b>%1 of %n region(s) could not be listed:</b> their gateways are missing from "
               "the table.",
               nullptr, total)
                .arg(failed.size()));
    for (const QString &region : failed.mid(0, listedRegions)) {
        auto *row = new QWidget(this);
        row->setObjectName(QStringLiteral("regionFailure_") + region);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        const ApiError error = sweep.result(region).error;
        auto *label = new QLabel(visibleText(tr("%1 (%2): %3")
                                                 .arg(endpoints::regionName(region), region,
                                                      RegionStrip::errorWords(error))),
                                 row);
        label->setToolTip(visibleText(error.summary()));
        label->setTextFormat(Qt::PlainText);
        layout->addWidget(label);
        auto *retry = new QPushButton(tr("Retry"), row);
        retry->setObjectName(QStringLiteral("regionFailureRetry_") + region);
        retry->setAccessibleName(tr("Retry %1").arg(endpoints::regionName(region)));
        connect(retry, &QPushButton::clicked, this,
                [this, region] { Q_EMIT retryRequested(region); });
        layout->addWidget(retry);
        layout->addStretch(1);
        contentLayout()->addWidget(row);
        m_rows.append(row);
    }
    if (failed.size() > listedRegions) {
        auto *more = new QLabel(tr("and %n more (Retry All lists them again)", nullptr,
                                   int(failed.size() - listedRegions)),
                                this);
        contentLayout()->addWidget(more);
        m_rows.append(more);
    }
    m_retryAll->setVisible(failed.size() > 1);
    setVisible(failed != m_dismissed);
}

QPushButton *RegionFailureBanner::retryButton(const QString &region) const
{
    return findChild<QPushButton *>(QStringLiteral("regionFailureRetry_") + region);
}

} // namespace dbs
