#include "pendingcall.h"

#include <utility>

namespace dbs {

PendingCall::PendingCall(SecretStore::Callback done, std::chrono::milliseconds timeout,
                         SecretResult timeoutResult, QObject *parent)
    : QObject(parent), m_done(std::move(done)), m_timeoutResult(std::move(timeoutResult))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { finish(m_timeoutResult); });
    m_timer.start(timeout);
}

void PendingCall::finish(const SecretResult &result)
{
    if (!m_done)
        return;
    m_timer.stop();
    const SecretStore::Callback done = std::exchange(m_done, {});
    const SecretResult answer = result; // `result` may be m_timeoutResult
    deleteLater();
    // Last: the callback may destroy our parent, and with it this object.
    done(answer);
}

} // namespace dbs
