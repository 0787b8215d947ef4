#pragma once

#include <api/credential.h>
#include <auth/signinspec.h>

#include <QObject>
#include <QUrl>

namespace dbs {

class CredentialProvider;
class CredentialsController;
class DbsClient;
class Settings;

// Where the browser's requests go and who signs them: the endpoint, the credential, the demo
// simulator and an extra trusted CA. The client's options change only here.
class ConnectionController final : public QObject
{
    Q_OBJECT
public:
    // `client`, `settings` and `credentials` are not owned and must outlive the controller.
    ConnectionController(DbsClient *client, Settings *settings, CredentialsController *credentials,
                         QObject *parent = nullptr);

    // Points the client at the demo simulator with its key pair. A credential chosen later
    // leaves the demo and goes back to the endpoint that was set before it.
    void enterDemo(const QUrl &endpoint, const Credential &credential);
    bool isDemo() const { return m_demo; }
    // Points the client back at the endpoint set before the demo (the accounts' own keys must
    // never go to the demo simulator).
    void leaveDemo();
    // Trusts the CA certificates in `path` besides the system's (empty: the system's only),
    // remembers it in Settings::Key::CaFile and hands it to the client. False with `error` set,
    // and nothing changed, when the file holds no certificate.
    bool setCaFile(const QString &path, QString *error);
    QString caFile() const;
    // "Credentials: …" for the status bar.
    QString credentialText() const;

Q_SIGNALS:
    // A usable credential (the user's or the demo's) is in place: browsing starts over, since
    // another identity may see other gateways.
    void credentialReady();
    void demoChanged(bool demo);
    void credentialTextChanged(const QString &text);
    void caFileChanged(const QString &path);

private:
    void onCredentialChanged(const Credential &credential);
    void onSignInChanged(const SignInSpec &signIn);

    DbsClient *m_client;                      // not owned
    Settings *m_settings;                     // not owned
    CredentialsController *m_credentials;     // not owned
    CredentialProvider *m_provider = nullptr; // child: a role's, URI's or process's keys
    QUrl m_endpointBeforeDemo;
    bool m_demo = false;
};

} // namespace dbs
