#include "regionstrip.h"

#include <export/textformat.h>

#include <api/endpoints.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>

namespace dbs {
namespace {
// The few words a chip has room for; the tooltip carries the whole error.
QString shortError(const ApiError &error)
{
    if (error.code.startsWith(QLatin1String("Forbidden")) ||
        error.code.startsWith(QLatin1String("NoPermission")))
        return RegionStrip::tr("no permission");
    if (error.kind == ApiError::Kind::Transport || error.kind == ApiError::Kind::Timeout)
        return RegionStrip::tr("unreachable");
    return error.code.isEmpty() ? error.message : error.code;
}
} // namespace

RegionStrip::RegionStrip(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("regionStrip"));
    setAccessibleName(tr("Regions"));
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setAccessibleName(tr("Regions and how each one answered"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidgetResizable(true);
    auto *content = new QWidget(scroll);
    m_chips = new QHBoxLayout(content);
    m_chips->setContentsMargins(0, 0, 0, 0);
    m_chips->addStretch(1);
    scroll->setWidget(content);
    outer->addWidget(scroll);
    m_scroll = scroll;
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void RegionStrip::clear()
{
    // Later, not now: a chip's Retry button may be the sender of the signal that led here.
    for (QWidget *chip : std::as_const(m_chipWidgets)) {
        chip->hide();
        m_chips->removeWidget(chip);
        chip->deleteLater();
    }
    m_chipWidgets.clear();
}

QWidget *RegionStrip::addChip(const QString &region, const QString &text, const QString &toolTip,
                              bool failed)
{
    auto *chip = new QFrame;
    chip->setObjectName(QStringLiteral("regionChip_") + region);
    chip->setFrameShape(QFrame::StyledPanel);
    chip->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    chip->setToolTip(toolTip);
    auto *layout = new QHBoxLayout(chip);
    layout->setContentsMargins(6, 1, 2, 1);
    auto *label = new QLabel(text, chip);
    label->setObjectName(QStringLiteral("regionChipText"));
    layout->addWidget(label);
    chip->setAccessibleName(text);
    if (failed) {
        label->setForegroundRole(QPalette::Link);
        auto *retry = new QToolButton(chip);
        retry->setObjectName(QStringLiteral("regionRetry_") + region);
        retry->setText(tr("Retry"));
        retry->setAccessibleName(tr("Retry %1").arg(endpoints::regionName(region)));
        retry->setAutoRaise(true);
        connect(retry, &QToolButton::clicked, this,
                [this, region] { Q_EMIT retryRequested(region); });
        layout->addWidget(retry);
    }
    m_chips->insertWidget(m_chips->count() - 1, chip);
    m_chipWidgets.append(chip);
    return chip;
}

void RegionStrip::showSweep(const RegionSweep &sweep)
{
    clear();
    QStringList failed, loading, loaded;
    int empty = 0;
    for (const QString &region : sweep.regions()) {
        const RegionResult result = sweep.result(region);
        switch (result.state) {
        case RegionResult::State::Failed:
            failed.append(region);
            break;
        case RegionResult::State::Pending:
        case RegionResult::State::Loading:
            loading.append(region);
            break;
        case RegionResult::State::Done:
            if (result.gateways.isEmpty())
                ++empty;
            else
                loaded.append(region);
            break;
        }
    }
    std::stable_sort(loaded.begin(), loaded.end(), [&sweep](const QString &a, const QString &b) {
        return sweep.result(a).gateways.size() > sweep.result(b).gateways.size();
    });
    for (const QString &region : failed) {
        const ApiError error = sweep.result(region).error;
        addChip(region,
                visibleText(tr("%1: %2").arg(endpoints::regionName(region), shortError(error))),
                visibleText(error.summary()), true);
    }
    for (const QString &region : loaded) {
        const int count = int(sweep.result(region).gateways.size());
        addChip(region, tr("%1: %2").arg(endpoints::regionName(region), QLocale().toString(count)),
                tr("%n gateway(s) in %1", nullptr, count).arg(region), false);
    }
    // The many regions that are only waiting, or have nothing, are a count each, not chips.
    const auto addNote = [this](const QString &text, const QString &name, const QString &tip) {
        auto *label = new QLabel(text);
        label->setObjectName(name);
        label->setToolTip(tip);
        label->setForegroundRole(QPalette::PlaceholderText);
        m_chips->insertWidget(m_chips->count() - 1, label);
        m_chipWidgets.append(label);
    };
    if (!loading.isEmpty())
        addNote(tr("%n region(s) loading…", nullptr, int(loading.size())),
                QStringLiteral("regionStripLoading"), loading.join(QStringLiteral(", ")));
    if (empty > 0)
        addNote(tr("%n region(s) without gateways", nullptr, empty),
                QStringLiteral("regionStripEmpty"), QString());
    fitHeight();
}

void RegionStrip::fitHeight()
{
    // One row of chips, plus the scroll bar when they do not fit across.
    QWidget *content = m_scroll->widget();
    content->adjustSize();
    const int chips = std::max(content->sizeHint().height(), content->minimumSizeHint().height());
    m_scroll->setFixedHeight(chips + m_scroll->horizontalScrollBar()->sizeHint().height() + 4);
}

QStringList RegionStrip::chipTexts() const
{
    QStringList texts;
    for (QWidget *chip : m_chipWidgets) {
        if (auto *label = qobject_cast<QLabel *>(chip))
            texts.append(label->text());
        else if (auto *text = chip->findChild<QLabel *>(QStringLiteral("regionChipText")))
            texts.append(text->text());
    }
    return texts;
}

QWidget *RegionStrip::retryButton(const QString &region) const
{
    return findChild<QWidget *>(QStringLiteral("regionRetry_") + region);
}

} // namespace dbs
