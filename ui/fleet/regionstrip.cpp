#include "regionstrip.h"

#include <export/textformat.h>
#include <ui/widgets/flowlayout.h>

#include <api/endpoints.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>

namespace dbs {

QString RegionStrip::errorWords(const ApiError &error)
{
    // The tooltip (or the banner) carries the whole error.
    if (error.code.startsWith(QLatin1String("Forbidden")) ||
        error.code.startsWith(QLatin1String("NoPermission")))
        return tr("no permission");
    if (error.kind == ApiError::Kind::Transport || error.kind == ApiError::Kind::Timeout)
        return tr("unreachable");
    if (error.kind == ApiError::Kind::Config)
        return tr("cannot sign in");
    return error.code.isEmpty() ? error.message : error.code;
}

QString RegionStrip::failureObjectName(const SweepFailure &failure)
{
    return failure.keys.size() == 1 ? failure.keys.constFirst() : failure.name;
}

RegionStrip::RegionStrip(QWidget *parent)
    : QWidget(parent), m_flow(new FlowLayout(this)), m_summary(new QToolButton(this))
{
    setObjectName(QStringLiteral("regionStrip"));
    setAccessibleName(tr("Regions and how each one answered"));
    m_flow->setContentsMargins(0, 0, 0, 0);
    m_flow->setSpacing(4);
    m_summary->setObjectName(QStringLiteral("regionSummary"));
    m_summary->setAutoRaise(true);
    m_summary->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_summary->setArrowType(Qt::RightArrow);
    m_summary->setToolTip(tr("Show or hide each region's answer"));
    m_summary->setAccessibleName(tr("Regions"));
    connect(m_summary, &QToolButton::clicked, this, [this] {
        setExpanded(!m_expanded);
        Q_EMIT expandedChanged(m_expanded);
    });
    m_flow->addWidget(m_summary);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
}

void RegionStrip::clear()
{
    // Later, not now: a chip's Retry button may be the sender of the signal that led here.
    for (QWidget *chip : std::as_const(m_chipWidgets)) {
        chip->hide();
        m_flow->removeWidget(chip);
        chip->deleteLater();
    }
    m_chipWidgets.clear();
    m_summary->setText(QString());
    m_summary->setAccessibleName(tr("Regions"));
}

void RegionStrip::setExpanded(bool expanded)
{
    m_expanded = expanded;
    m_summary->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    updateChipVisibility();
}

void RegionStrip::setActiveRegion(const QString &key)
{
    m_activeRegion = key;
    for (QWidget *chip : std::as_const(m_chipWidgets)) {
        if (auto *button = qobject_cast<QToolButton *>(chip))
            button->setChecked(button->property("region").toString() == key);
    }
    updateChipVisibility();
}

void RegionStrip::updateChipVisibility()
{
    // Closed, only the summary shows, and the region the table is limited to, so the limit is
    // never out of sight.
    for (QWidget *chip : std::as_const(m_chipWidgets)) {
        const bool active =
            !m_activeRegion.isEmpty() && chip->property("region").toString() == m_activeRegion;
        chip->setVisible(m_expanded || active);
    }
    updateGeometry();
}

void RegionStrip::addChipWidget(QWidget *chip)
{
    m_flow->addWidget(chip);
    m_chipWidgets.append(chip);
}

void RegionStrip::addFailedChip(const SweepFailure &failure)
{
    const QString name = failureObjectName(failure);
    auto *chip = new QFrame(this);
    chip->setObjectName(QStringLiteral("regionChip_") + name);
    chip->setFrameShape(QFrame::StyledPanel);
    chip->setToolTip(visibleText(failure.error.summary()));
    auto *layout = new QHBoxLayout(chip);
    layout->setContentsMargins(6, 0, 2, 0);
    const QString text = visibleText(tr("%1: %2").arg(failure.name, errorWords(failure.error)));
    auto *label = new QLabel(text, chip);
    label->setObjectName(QStringLiteral("regionChipText"));
    label->setForegroundRole(QPalette::Link);
    layout->addWidget(label);
    chip->setAccessibleName(text);
    auto *retry = new QToolButton(chip);
    retry->setObjectName(QStringLiteral("regionRetry_") + name);
    retry->setText(tr("Retry"));
    retry->setAccessibleName(tr("Retry %1").arg(visibleText(failure.name)));
    retry->setAutoRaise(true);
    connect(retry, &QToolButton::clicked, this, [this, keys = failure.keys] {
        for (const QString &key : keys)
            Q_EMIT retryRequested(key);
    });
    layout->addWidget(retry);
    addChipWidget(chip);
}

void RegionStrip::addRegionButton(const QString &key, const QString &name, int count)
{
    auto *button = new QToolButton(this);
    button->setObjectName(QStringLiteral("regionChip_") + key);
    button->setProperty("region", key);
    button->setCheckable(true);
    button->setChecked(key == m_activeRegion);
    button->setText(visibleText(tr("%1: %2").arg(name, QLocale().toString(count))));
    button->setToolTip(visibleText(tr("%n gateway(s) in %1. Click to show only these; click "
                                      "again to show all.",
                                      nullptr, count)
                                       .arg(name)));
    connect(button, &QToolButton::clicked, this, [this, key] { Q_EMIT regionClicked(key); });
    addChipWidget(button);
}

void RegionStrip::addNote(const QString &text, const QString &name, const QString &toolTip)
{
    auto *label = new QLabel(text, this);
    label->setObjectName(name);
    label->setToolTip(toolTip);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setMinimumHeight(m_summary->sizeHint().height());
    addChipWidget(label);
}

void RegionStrip::showSweep(const RegionSweep &sweep)
{
    clear();
    QStringList loading, loaded;
    int empty = 0;
    int gateways = 0;
    for (const QString &key : sweep.keys()) {
        const RegionResult result = sweep.result(key);
        switch (result.state) {
        case RegionResult::State::Failed:
            break;
        case RegionResult::State::Pending:
        case RegionResult::State::Loading:
            loading.append(sweepPartName(sweep.part(key)));
            break;
        case RegionResult::State::Done:
            gateways += int(result.gateways.size());
            if (result.gateways.isEmpty())
                ++empty;
            else
                loaded.append(key);
            break;
        }
    }
    std::stable_sort(loaded.begin(), loaded.end(), [&sweep](const QString &a, const QString &b) {
        return sweep.result(a).gateways.size() > sweep.result(b).gateways.size();
    });
    const QList<SweepFailure> failures = sweep.failures();
    for (const SweepFailure &failure : failures)
        addFailedChip(failure);
    for (const QString &key : loaded)
        addRegionButton(key, sweepPartName(sweep.part(key)),
                        int(sweep.result(key).gateways.size()));
    const bool accounts = sweep.hasAccounts();
    if (!loading.isEmpty())
        addNote(accounts ? tr("%n loading…", nullptr, int(loading.size()))
                         : tr("%n region(s) loading…", nullptr, int(loading.size())),
                QStringLiteral("regionStripLoading"),
                visibleText(loading.join(QStringLiteral(", "))));
    if (empty > 0)
        addNote(accounts ? tr("%n without gateways", nullptr, empty)
                         : tr("%n region(s) without gateways", nullptr, empty),
                QStringLiteral("regionStripEmpty"), QString());

    QStringList parts;
    if (accounts)
        parts.append(tr("%n account(s)", nullptr, int(sweep.accounts().size())));
    if (!accounts || sweep.regionCount() > 1)
        parts.append(tr("%n region(s)", nullptr, sweep.regionCount()));
    if (!failures.isEmpty())
        parts.append(tr("%n failed", nullptr, int(failures.size())));
    if (!loading.isEmpty())
        parts.append(tr("%n loading", nullptr, int(loading.size())));
    parts.append(tr("%Ln gateway(s)", nullptr, gateways));
    m_summary->setText(parts.join(QStringLiteral(" · ")));
    m_summary->setAccessibleName(m_summary->text());
    // A failure is what the strip must not let anyone miss.
    QFont font = m_summary->font();
    font.setBold(!failures.isEmpty());
    m_summary->setFont(font);
    updateChipVisibility();
}

QString RegionStrip::summaryText() const
{
    return m_summary->text();
}

QStringList RegionStrip::chipTexts() const
{
    QStringList texts;
    for (QWidget *chip : m_chipWidgets) {
        if (auto *label = qobject_cast<QLabel *>(chip))
            texts.append(label->text());
        else if (auto *button = qobject_cast<QToolButton *>(chip))
            texts.append(button->text());
        else if (auto *text = chip->findChild<QLabel *>(QStringLiteral("regionChipText")))
            texts.append(text->text());
    }
    return texts;
}

QWidget *RegionStrip::retryButton(const QString &region) const
{
    return findChild<QWidget *>(QStringLiteral("regionRetry_") + region);
}

QToolButton *RegionStrip::regionButton(const QString &region) const
{
    auto *button = findChild<QToolButton *>(QStringLiteral("regionChip_") + region);
    return button && button->isCheckable() ? button : nullptr;
}

} // namespace dbs
