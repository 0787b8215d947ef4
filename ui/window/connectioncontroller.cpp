#include "connectioncontroller.h"

#include <api/dbsclient.h>
#include <settings/settings.h>
#include <signin/signin.h>
#include <ui/dialogs/credentialscontroller.h>

#include <QFileInfo>

#include <utility>

namespace dbs {

ConnectionController::ConnectionController(DbsClient *client, Settings *settings,
                                           CredentialsController *credentials, QObject *parent)
    : QObject(parent), m_client(client), m_settings(settings), m_credentials(credentials)
{
    connect(m_credentials, &CredentialsController::credentialChanged, this,
            &ConnectionController::onCredentialChanged);
    connect(m_credentials, &CredentialsController::signInChanged, this,
            &ConnectionController::onSignInChanged);
    connect(m_credentials, &CredentialsController::statusTextChanged, this,
            [this] { Q_EMIT credentialTextChanged(credentialText()); });
}

void ConnectionController::enterDemo(const QUrl &endpoint, const Credential &credential)
{
    if (!m_demo)
        m_endpointBeforeDemo = m_client->options().endpoint;
    ClientOptions options = m_client->options();
    options.endpoint = endpoint;
    m_client->setOptions(options);
    m_client->setCredential(credential);
    if (m_provider)
        std::exchange(m_provider, nullptr)->deleteLater();
    m_demo = true;
    Q_EMIT demoChanged(true);
    Q_EMIT credentialTextChanged(credentialText());
    Q_EMIT credentialReady();
}

void ConnectionController::leaveDemo()
{
    if (!m_demo)
        return;
    // The user's own key goes to the real service, not to the demo simulator.
    ClientOptions options = m_client->options();
    options.endpoint = m_endpointBeforeDemo;
    m_client->setOptions(options);
    m_demo = false;
    Q_EMIT demoChanged(false);
}

void ConnectionController::onSignInChanged(const SignInSpec &signIn)
{
    leaveDemo();
    CredentialProvider *previous = std::exchange(
        m_provider, makeCredentialProvider(signIn, m_client, m_credentials->signInOptions(), this));
    m_client->setCredentialProvider(m_provider);
    if (previous)
        previous->deleteLater(); // a renewal of it may still be finishing
    Q_EMIT credentialTextChanged(credentialText());
    Q_EMIT credentialReady();
}

void ConnectionController::onCredentialChanged(const Credential &credential)
{
    leaveDemo();
    m_client->setCredential(credential);
    if (m_provider)
        std::exchange(m_provider, nullptr)->deleteLater();
    Q_EMIT credentialTextChanged(credentialText());
    if (credential.isValid())
        Q_EMIT credentialReady();
}

bool ConnectionController::setCaFile(const QString &path, QString *error)
{
    error->clear();
    if (!path.isEmpty() && DbsClient::readCaFile(path, error).isEmpty())
        return false;
    const QString absolute = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    m_settings->setValue(Settings::Key::CaFile, absolute);
    ClientOptions options = m_client->options();
    options.caFile = absolute;
    m_client->setOptions(options);
    Q_EMIT caFileChanged(absolute);
    return true;
}

QString ConnectionController::caFile() const
{
    return m_client->options().caFile;
}

QString ConnectionController::credentialText() const
{
    if (m_demo)
        return tr("Credentials: demo key pair (local simulator)");
    QString text = m_credentials->statusText();
    if (text.isEmpty() && m_client->credential().isValid())
        text = tr("Credentials: %1").arg(m_client->credential().source);
    return text;
}

} // namespace dbs
