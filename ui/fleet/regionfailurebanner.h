#pragma once

#include <ui/widgets/messagebanner.h>

#include <QStringList>

namespace dbs {

class RegionSweep;

// For "All regions": a warning above the table while some regions could not be listed (but not
// all: then the error banner says why), naming each with its error and a Retry, and a Retry All.
// A partial table must be impossible to take for the whole inventory. Closed, it stays closed
// until other regions fail.
class RegionFailureBanner final : public MessageBanner
{
    Q_OBJECT
public:
    explicit RegionFailureBanner(QWidget *parent = nullptr);

    void showSweep(const RegionSweep &sweep);
    void clear();

    QStringList failedRegions() const { return m_failed; }
    // For tests: the Retry button of a failed region.
    QPushButton *retryButton(const QString &region) const;

Q_SIGNALS:
    void retryRequested(const QString &region);
    void retryAllRequested();

private:
    void clearRows();

    QStringList m_failed;
    QStringList m_dismissed; // the failed regions when the banner was closed
    QList<QWidget *> m_rows; // children: one line per failed region
    QPushButton *m_retryAll; // child
};

} // namespace dbs
