#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

class QWidget;

namespace dbs {

// --screenshot FILE: saves the window as a PNG once it shows something worth seeing (the first
// page, or an error), then reports an exit code. A safety timeout reports failure instead of
// leaving a headless run hanging.
class Screenshotter final : public QObject
{
    Q_OBJECT
public:
    // `window` is not owned.
    Screenshotter(QWidget *window, const QString &path, int timeoutMs, QObject *parent = nullptr);

    // Call when the content is on screen; the picture is taken after `settleMs` (layout and
    // painting catch up). Later calls are ignored.
    void contentShown(int settleMs = 400);
    QString path() const { return m_path; }

Q_SIGNALS:
    // 0 when the file was written; `message` says what happened (for stderr).
    void finished(int exitCode, const QString &message);

private:
    void capture();
    void finish(int exitCode, const QString &message);

    QPointer<QWidget> m_window;
    QString m_path;
    QTimer m_timeout;
    bool m_armed = false;
    bool m_done = false;
};

} // namespace dbs
