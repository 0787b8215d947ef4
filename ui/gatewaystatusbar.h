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

    // `total` < 0: not known yet (no page answered).
    void setCounts(int loaded, int total, int shown, bool filtering, bool partial);
    // `total` > 0 shows determinate progress (loading every page), else a busy indicator.
    void setLoading(bool loading, int done = 0, int total = 0);
    void setStoppable(bool stoppable);
    void setCredentialText(const QString &text);

    QString loadedText() const;
    QString filterText() const;
    QString credentialText() const;
    bool isLoadingShown() const;

Q_SIGNALS:
    void stopRequested();

private:
    QLabel *m_loaded;      // child
    QLabel *m_filter;      // child
    QLabel *m_busyText;    // child
    QProgressBar *m_busy;  // child
    QToolButton *m_stop;   // child
    QLabel *m_credentials; // child
};

} // namespace dbs
