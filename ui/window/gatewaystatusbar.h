#pragma once

#include <QStatusBar>

class QLabel;
class QProgressBar;
class QToolButton;

namespace dbs {

// "N of TOTAL loaded", what the filter shows, whether a request is in flight (with a Stop
// button while every page is being loaded) and where the credentials came from.
class GatewayStatusBar final : public QStatusBar
{
    Q_OBJECT
public:
    explicit GatewayStatusBar(QWidget *parent = nullptr);

    // `total` < 0: not known yet (no page answered). `partial`: a filter or a sort (only a sort
    // when `filtering` is false) covers the loaded rows while pages remain.
    void setCounts(int loaded, int total, int shown, bool filtering, bool partial);
    // `total` > 0 shows determinate progress (loading every page), else a busy indicator.
    void setLoading(bool loading, int done = 0, int total = 0);
    void setStoppable(bool stoppable);
    // Shows "Load remaining" (loading was stopped while a filter or sort covers a part).
    void setResumable(bool resumable);
    bool isResumable() const;
    void setCredentialText(const QString &text);
    // How old the rows are ("updated 12 s ago"); empty hides it.
    void setUpdatedText(const QString &text);
    QString updatedText() const;
    // All regions: how many regions failed and how many have not answered yet (both 0: none).
    // Of a sweep: its regions that failed and those pending; with several accounts, how many
    // accounts failed (in any region) says it instead.
    void setRegions(int failed, int pending, int accountsFailed = 0);

    QString loadedText() const;
    QString filterText() const;
    QString credentialText() const;
    QString regionsText() const;
    bool isLoadingShown() const;

Q_SIGNALS:
    void stopRequested();
    void loadRemainingRequested();

private:
    QLabel *m_loaded;      // child
    QLabel *m_filter;      // child
    QLabel *m_regions;     // child: failed and pending regions
    QLabel *m_busyText;    // child
    QProgressBar *m_busy;  // child
    QToolButton *m_stop;   // child
    QToolButton *m_resume; // child: "Load remaining"
    QLabel *m_updated;     // child
    QLabel *m_credentials; // child
};

} // namespace dbs
