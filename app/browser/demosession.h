#pragma once

#include <api/credential.h>

#include <QObject>
#include <QUrl>

#include <memory>

namespace dbs {

class Simulator;

// --demo: the DBS simulator in this process on 127.0.0.1, with its demo key pair, so a new user
// sees real paging, filtering and errors without an Alibaba Cloud account.
class DemoSession final : public QObject
{
    Q_OBJECT
public:
    explicit DemoSession(QObject *parent = nullptr);
    ~DemoSession() override;

    // Starts the simulator with `gateways` gateways; false with `error` set when it cannot.
    bool start(int gateways, QString *error);
    bool isRunning() const;
    QUrl endpoint() const;
    static Credential credential();

private:
    std::unique_ptr<Simulator> m_simulator;
};

} // namespace dbs
