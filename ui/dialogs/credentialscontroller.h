#pragma once

#include <api/credential.h>
#include <auth/cliprofiles.h>
#include <auth/signinspec.h>
#include <signin/signin.h>

#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>

#include <functional>

class QWidget;

namespace dbs {

class CredentialsDialog;
class Settings;

class CredentialVault;

// Where the browser's credential comes from, and where it is kept: the environment (used
// without asking), else the system keychain, else an aliyun CLI profile or the credentials
// file, else nothing (the window asks). When the keychain cannot be used, the credential is
// kept for this session only and statusText() says so; nothing ever waits for the keychain
// longer than the vault's timeout, and nothing falls back to a file. The secret and the
// token live only in memory and the keychain: never in Settings, a file or a log.
class CredentialsController final : public QObject
{
    Q_OBJECT
public:
    // `settings` is not owned and must outlive the controller; `window` parents the dialog.
    CredentialsController(Settings *settings, QWidget *window);
    // For tests and ports: `vault` becomes the controller's child.
    CredentialsController(Settings *settings, CredentialVault *vault, QWidget *window);
    ~CredentialsController() override;

    // Looks for a credential without asking. The keychain answers asynchronously: watch
    // credentialChanged()/statusTextChanged(), or resolving() turning false.
    void resolveAtStartup();
    // Signs in with the aliyun CLI profile `name`, whatever its mode (credentialChanged() or
    // signInChanged() follows). A profile that cannot be used changes nothing: the reason is
    // returned (translated). Empty: resolveAtStartup().
    QString useProfile(const QString &name);
    // The aliyun CLI's profiles, for a picker.
    CliProfileList cliProfiles() const;
    // The accounts that can be named, in the picker's order: the aliyun CLI's usable
    // profiles. "All accounts" lists these.
    QStringList accountNames() const;
    // How account `name` signs, worked out without changing the browser's own sign-in: `done`
    // gets the spec, or an empty spec and the translated reason it cannot sign. It is called
    // exactly once, possibly before this returns.
    using AccountSignInCallback = std::function<void(const SignInSpec &spec, const QString &error)>;
    void accountSignIn(const QString &name, const AccountSignInCallback &done) const;
    // Opens the CredentialsDialog (window-modal, not blocking); saving stores and applies it.
    void ask();

    bool hasCredential() const
    {
        return m_credential.isValid() || m_signIn.kind != SignInSpec::Kind::Static;
    }
    Credential credential() const { return m_credential; }
    // How to obtain temporary keys, when the aliyun CLI profile or the credentials file names
    // a role, a URI or a process rather than keys (then credential() is empty).
    const SignInSpec &signIn() const { return m_signIn; }
    // Where STS and instance metadata are (DBS_STS_ENDPOINT, DBS_ECS_METADATA_ENDPOINT).
    SignInOptions signInOptions() const;
    QString statusText() const { return m_statusText; }
    bool isBusy() const { return m_pending > 0; } // a keychain call is under way

    // Where the environment and the aliyun CLI files are read from (tests set them).
    void setEnvironment(const QProcessEnvironment &environment);
    void setHomeDir(const QString &homeDir);

    CredentialsDialog *dialog() const; // the open dialog, or null
    CredentialVault *vault() const { return m_vault; }

    // The keychain entry this browser uses.
    static QString account();

Q_SIGNALS:
    void credentialChanged(const dbs::Credential &credential);
    // Temporary keys are to be obtained as `signIn` says (credentialChanged() says when keys
    // replace it).
    void signInChanged(const dbs::SignInSpec &signIn);
    void statusTextChanged(const QString &text);
    void busyChanged(bool busy);

private:
    enum class Origin {
        None,
        Environment,
        Keychain,
        Other,         // aliyun CLI profile or credentials file: m_credential.source says
        SessionOnly,   // the keychain could not take it
        NotRemembered, // entered or imported, the user chose not to keep it
        Reading,       // waiting for the keychain
        Saving,
    };

    void onDialogAccepted(CredentialsDialog *dialog);
    void afterKeychainMiss(const QString &keychainProblem);
    void apply(const Credential &credential);
    // Keys are applied; a role, a URI or a process is handed over as a sign-in.
    void applySignIn(const SignInSpec &spec);
    void setOrigin(Origin origin, const QString &detail = {});
    void beginCall();
    void endCall();
    QString keychainNote() const;

    Settings *m_settings;                 // not owned
    CredentialVault *m_vault;             // owned (child)
    QWidget *m_window;                    // not owned; parent of the dialog
    QPointer<CredentialsDialog> m_dialog; // owned by m_window; deletes itself on close
    QProcessEnvironment m_environment;
    QString m_homeDir;
    Credential m_credential;
    SignInSpec m_signIn; // Static unless a role, URI or process signs
    Origin m_origin = Origin::None;
    QString m_statusText;
    int m_generation = 0; // an answer for an older request is ignored
    int m_pending = 0;
};

} // namespace dbs
