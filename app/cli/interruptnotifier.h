#pragma once

#include <QObject>

class QSocketNotifier;

namespace dbs {

// SIGINT and SIGTERM as a Qt signal. The handler only writes the signal's number to a socket
// pair and the event loop reads it: the async-signal-safe way to reach Qt. One at a time.
class InterruptNotifier final : public QObject
{
    Q_OBJECT
public:
    explicit InterruptNotifier(QObject *parent = nullptr);
    ~InterruptNotifier() override; // restores the default handlers

Q_SIGNALS:
    void interrupted(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr; // child
};

} // namespace dbs
