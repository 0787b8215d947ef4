#pragma once

#include <fleet/summary.h>

#include <QWidget>

#include <optional>

namespace dbs {

// A small bar chart of heartbeat ages (under 1 min, 1-5 min, 5 min-1 h, 1 h-1 day, older),
// painted with QPainter in the palette's colours. A bar is a button: a click, or Enter on the
// focused bar (Left/Right move), asks to show only the gateways it counts.
class HeartbeatChart final : public QWidget
{
    Q_OBJECT
public:
    explicit HeartbeatChart(QWidget *parent = nullptr);

    void setCounts(const std::array<int, ageBucketCount> &counts);
    const std::array<int, ageBucketCount> &counts() const { return m_counts; }
    // The bucket the table is filtered to, drawn as selected; nothing for none.
    void setSelectedBucket(std::optional<AgeBucket> bucket);

    // "< 1 min", "1–5 min", ...: the bar's label.
    static QString bucketLabel(AgeBucket bucket);
    // The rectangle a bar is drawn (and clicked) in.
    QRect barRect(AgeBucket bucket) const;
    // Where a bar's label is drawn, and its text there: shortened ("1 h–1…") when the chart is
    // squeezed below its size hint, so that labels never run into each other.
    QRect labelRect(AgeBucket bucket) const;
    QString labelText(AgeBucket bucket) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void bucketClicked(dbs::AgeBucket bucket);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    std::optional<AgeBucket> bucketAt(const QPoint &point) const;
    QString bucketToolTip(AgeBucket bucket) const;
    void updateAccessibleText();

    std::array<int, ageBucketCount> m_counts = {};
    std::optional<AgeBucket> m_selected;
    int m_focused = 0;
};

} // namespace dbs
