#include "heartbeatchart.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QStyleOptionFocusRect>
#include <QToolTip>

#include <algorithm>

namespace dbs {
namespace {
constexpr int barGap = 6;
constexpr int margin = 2;
} // namespace

HeartbeatChart::HeartbeatChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("heartbeatChart"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setAccessibleName(tr("Heartbeat ages"));
    updateAccessibleText();
}

QString HeartbeatChart::bucketLabel(AgeBucket bucket)
{
    switch (bucket) {
    case AgeBucket::UnderMinute:
        return tr("< 1 min");
    case AgeBucket::UnderFive:
        return tr("1–5 min");
    case AgeBucket::UnderHour:
        return tr("5 min–1 h");
    case AgeBucket::UnderDay:
        return tr("1 h–1 day");
    case AgeBucket::Older:
        return tr("> 1 day");
    }
    return {};
}

void HeartbeatChart::setCounts(const std::array<int, ageBucketCount> &counts)
{
    if (counts == m_counts)
        return;
    m_counts = counts;
    updateAccessibleText();
    update();
}

void HeartbeatChart::setSelectedBucket(std::optional<AgeBucket> bucket)
{
    if (bucket == m_selected)
        return;
    m_selected = bucket;
    update();
}

QSize HeartbeatChart::sizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    int labelWidth = 0;
    for (int i = 0; i < ageBucketCount; ++i)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(bucketLabel(AgeBucket(i))));
    const int width = ageBucketCount * (labelWidth + barGap) + 2 * margin;
    // Count above, a bar of three text lines, label below.
    return {width, metrics.height() * 5 + 2 * margin};
}

QSize HeartbeatChart::minimumSizeHint() const
{
    // Every label whole: the summary's counts beside it wrap instead.
    return sizeHint();
}

QRect HeartbeatChart::labelRect(AgeBucket bucket) const
{
    const QRect slot = barRect(bucket);
    // A label may use its bar's gap, never its neighbours' slot.
    return QRect(slot.left() - barGap / 2, slot.bottom() + 1, slot.width() + barGap,
                 fontMetrics().height());
}

QString HeartbeatChart::labelText(AgeBucket bucket) const
{
    return fontMetrics().elidedText(bucketLabel(bucket), Qt::ElideRight, labelRect(bucket).width());
}

QRect HeartbeatChart::barRect(AgeBucket bucket) const
{
    const QRect area = rect().adjusted(margin, margin, -margin, -margin);
    const int slot = area.width() / ageBucketCount;
    const int lineHeight = fontMetrics().height();
    return QRect(area.left() + int(bucket) * slot + barGap / 2, area.top() + lineHeight,
                 slot - barGap, area.height() - 2 * lineHeight);
}

std::optional<AgeBucket> HeartbeatChart::bucketAt(const QPoint &point) const
{
    for (int i = 0; i < ageBucketCount; ++i) {
        // The whole column is the target, label and count included.
        const QRect bar = barRect(AgeBucket(i));
        if (point.x() >= bar.left() && point.x() <= bar.right())
            return AgeBucket(i);
    }
    return std::nullopt;
}

QString HeartbeatChart::bucketToolTip(AgeBucket bucket) const
{
    const int count = m_counts[size_t(bucket)];
    return tr("%n gateway(s) with a heartbeat %1 old; click to show only these", nullptr, count)
        .arg(bucketLabel(bucket));
}

void HeartbeatChart::updateAccessibleText()
{
    QStringList parts;
    for (int i = 0; i < ageBucketCount; ++i)
        parts.append(tr("%1: %2").arg(bucketLabel(AgeBucket(i))).arg(m_counts[size_t(i)]));
    setAccessibleDescription(parts.join(QStringLiteral("; ")));
}

void HeartbeatChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const int highest = std::max(1, *std::max_element(m_counts.begin(), m_counts.end()));
    const QPalette &colors = palette();
    const int lineHeight = fontMetrics().height();
    for (int i = 0; i < ageBucketCount; ++i) {
        const AgeBucket bucket = AgeBucket(i);
        const QRect slot = barRect(bucket);
        const int count = m_counts[size_t(i)];
        const int height = count == 0 ? 0 : std::max(2, slot.height() * count / highest);
        const QRect bar(slot.left(), slot.bottom() - height + 1, slot.width(), height);
        const bool selected = m_selected == bucket;
        // The status icons' colours, readable on light and dark palettes alike: fresh is green,
        // past the usual stale threshold amber, over an hour red.
        static const QColor bucketColors[ageBucketCount] = {
            QColor(0x2e, 0x9d, 0x4f), QColor(0x2e, 0x9d, 0x4f), QColor(0xe0, 0xa0, 0x20),
            QColor(0xd0, 0x45, 0x3a), QColor(0xd0, 0x45, 0x3a)};
        QColor fill = bucketColors[i];
        if (!selected && m_selected)
            fill.setAlpha(110);
        painter.fillRect(bar, fill);
        painter.setPen(colors.color(QPalette::Mid));
        painter.drawLine(slot.bottomLeft(), slot.bottomRight());
        painter.setPen(colors.color(QPalette::WindowText));
        QFont font = painter.font();
        font.setBold(selected);
        painter.setFont(font);
        painter.drawText(QRect(slot.left(), bar.top() - lineHeight, slot.width(), lineHeight),
                         Qt::AlignHCenter | Qt::AlignBottom, QLocale().toString(count));
        painter.drawText(labelRect(bucket), Qt::AlignHCenter | Qt::AlignTop, labelText(bucket));
        if (hasFocus() && m_focused == i) {
            QStyleOptionFocusRect option;
            option.initFrom(this);
            option.rect = slot.adjusted(-2, -lineHeight, 2, lineHeight);
            style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &painter, this);
        }
    }
}

void HeartbeatChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    if (const std::optional<AgeBucket> bucket = bucketAt(event->position().toPoint())) {
        m_focused = int(*bucket);
        Q_EMIT bucketClicked(*bucket);
    }
}

void HeartbeatChart::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        m_focused = std::max(0, m_focused - 1);
        update();
        return;
    case Qt::Key_Right:
        m_focused = std::min(ageBucketCount - 1, m_focused + 1);
        update();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        Q_EMIT bucketClicked(AgeBucket(m_focused));
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

bool HeartbeatChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const std::optional<AgeBucket> bucket = bucketAt(help->pos()))
            QToolTip::showText(help->globalPos(), bucketToolTip(*bucket), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace dbs
