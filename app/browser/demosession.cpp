#include "demosession.h"

#include <api/dbsclient.h>
#include <sim/simulator.h>

namespace dbs {

DemoSession::DemoSession(QObject *parent) : QObject(parent) {}

DemoSession::~DemoSession()
{
    if (m_simulator)
        m_simulator->stop();
}

bool DemoSession::start(int gateways, QString *error)
{
    SimulatorOptions options;
    options.host = QStringLiteral("127.0.0.1");
    options.gateways = gateways;
    // A little latency, so that loading pages looks and behaves as it does for real.
    options.latencyMs = 120;
    // A live fleet: heartbeats keep coming (otherwise every gateway is stale minutes after the
    // start), and now and then a gateway appears, goes away, goes OFFLINE or comes back.
    options.heartbeatIntervalMs = 30'000;
    options.churnPerSecond = 1.0 / 90;
    auto simulator = std::make_unique<Simulator>(options);
    if (!simulator->start(error))
        return false;
    m_simulator = std::move(simulator);
    return true;
}

bool DemoSession::isRunning() const
{
    return m_simulator != nullptr;
}

QUrl DemoSession::endpoint() const
{
    return m_simulator ? QUrl(m_simulator->baseUrl()) : QUrl();
}

Credential DemoSession::credential()
{
    Credential credential;
    credential.accessKeyId = QString::fromLatin1(demoAccessKeyId);
    credential.accessKeySecret = QString::fromLatin1(demoAccessKeySecret);
    credential.source = tr("demo key pair");
    return credential;
}

} // namespace dbs
