#include "screenshotter.h"

#include <QPixmap>
#include <QWidget>

namespace dbs {

Screenshotter::Screenshotter(QWidget *window, const QString &path, int timeoutMs, QObject *parent)
    : QObject(parent), m_window(window), m_path(path)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this, timeoutMs] {
        finish(1, tr("No page or error was shown within %1 s; no screenshot taken.")
                      .arg(timeoutMs / 1000));
    });
    m_timeout.start(timeoutMs);
}

void Screenshotter::contentShown(int settleMs)
{
    if (m_armed || m_done)
        return;
    m_armed = true;
    QTimer::singleShot(settleMs, this, &Screenshotter::capture);
}

void Screenshotter::capture()
{
    if (m_done)
        return;
    if (!m_window) {
        finish(1, tr("The window is gone; no screenshot taken."));
        return;
    }
    const QPixmap picture = m_window->grab();
    if (picture.isNull() || !picture.save(m_path, "PNG")) {
        finish(1, tr("Could not write the screenshot to %1.").arg(m_path));
        return;
    }
    finish(0, tr("Screenshot saved to %1.").arg(m_path));
}

void Screenshotter::finish(int exitCode, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    Q_EMIT finished(exitCode, message);
}

} // namespace dbs
