#pragma once

#include <fleet/regionsweep.h>

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QScrollArea;

namespace dbs {

// For "All regions": one chip per region that matters. Failed regions come first, with the
// error's code in words and a Retry button; then regions still loading; then the regions with
// gateways and their counts. Regions that have none are summed up in one label, not listed.
class RegionStrip final : public QWidget
{
    Q_OBJECT
public:
    explicit RegionStrip(QWidget *parent = nullptr);

    // Rebuilds the chips from the sweep's results (the sweep is only read, not kept).
    void showSweep(const RegionSweep &sweep);
    void clear();

    // For tests: the chip widgets' texts in display order, and the Retry button of a region.
    QStringList chipTexts() const;
    QWidget *retryButton(const QString &region) const;

Q_SIGNALS:
    void retryRequested(const QString &region);

private:
    QWidget *addChip(const QString &region, const QString &text, const QString &toolTip,
                     bool failed);

    void fitHeight();

    QScrollArea *m_scroll = nullptr; // child
    QHBoxLayout *m_chips;            // owned by the layout
    QList<QWidget *> m_chipWidgets;  // children
};

} // namespace dbs
