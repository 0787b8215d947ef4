#pragma once

#include "secretstore.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace dbs {

// Internal: answers a SecretStore::Callback exactly once, with the first finish() or, if the
// timeout passes first, with timeoutResult. Deletes itself (deleteLater) once it has answered;
// destroying it earlier (with its parent) drops the callback. Hold it through a QPointer
// wherever the answer may come after that.
class PendingCall final : public QObject
{
    Q_OBJECT

public:
    PendingCall(SecretStore::Callback done, std::chrono::milliseconds timeout,
                SecretResult timeoutResult, QObject *parent);

    void finish(const SecretResult &result);

private:
    SecretStore::Callback m_done; // empty once answered
    SecretResult m_timeoutResult;
    QTimer m_timer;
};

} // namespace dbs
