#pragma once

#include <fleet/regionsweep.h>

#include <QWidget>

class QToolButton;

namespace dbs {

class FlowLayout;

// For "All regions" and "All accounts": a summary of how the regions (of each account) answered
// ("21 regions · 2 failed · 1,661 gateways") that opens into one chip per part that matters.
// Failures come first, with the error's code in words and a Retry button (an account that
// failed everywhere is one chip); then the parts with gateways and their counts, each a button
// that shows only that part. The parts still loading and those without gateways are counted,
// not listed. The chips wrap onto more lines rather than scroll, so they
// are readable at any width.
class RegionStrip final : public QWidget
{
    Q_OBJECT
public:
    explicit RegionStrip(QWidget *parent = nullptr);

    // Rebuilds the chips from the sweep's results (the sweep is only read, not kept).
    void showSweep(const RegionSweep &sweep);
    void clear();

    // The chips are shown (opened from the summary), or only the summary.
    void setExpanded(bool expanded);
    bool isExpanded() const { return m_expanded; }
    // The part the table is limited to (its chip is checked), by its sweepKey(); empty: none.
    void setActiveRegion(const QString &key);

    QString summaryText() const;
    // The few words a chip has room for about a region's failure ("no permission").
    static QString errorWords(const ApiError &error);
    // What names a failure's widgets: its part's key, or the account failing in every region.
    static QString failureObjectName(const SweepFailure &failure);
    // For tests: the chip widgets' texts in display order, the Retry button of a failure (by
    // failureObjectName()) and the button that shows only a part (by its key).
    QStringList chipTexts() const;
    QWidget *retryButton(const QString &region) const;
    QToolButton *regionButton(const QString &region) const;
    QToolButton *summaryButton() const { return m_summary; }

Q_SIGNALS:
    void retryRequested(const QString &key);
    // A part's chip was clicked: show only that part (or, when it was the one, all again).
    void regionClicked(const QString &key);
    void expandedChanged(bool expanded);

private:
    void addFailedChip(const SweepFailure &failure);
    void addRegionButton(const QString &key, const QString &name, int count);
    void addNote(const QString &text, const QString &name, const QString &toolTip);
    void addChipWidget(QWidget *chip);
    void updateChipVisibility();

    FlowLayout *m_flow;             // owned by this widget
    QToolButton *m_summary;         // child: opens and closes the chips
    QList<QWidget *> m_chipWidgets; // children
    QString m_activeRegion;
    bool m_expanded = false;
};

} // namespace dbs
