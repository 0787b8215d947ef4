#pragma once

#include <api/credential.h>
#include <auth/cliprofiles.h>
#include <auth/savedaccount.h>
#include <auth/signinspec.h>
#include <signin/signin.h>

#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>

#include <functional>

class QWidget;

namespace dbs {

class AccountsDialog;
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
    // Signs in with the account `name` (an aliyun CLI profile, whatever its mode, or a saved
    // account), as credentialChanged() or signInChanged() then says. One that cannot be used
    // changes nothing: the reason is returned (translated). A saved access key comes from the
    // keychain later: while it is read isBusy() is true, and if it cannot be had,
    // accountSwitchFailed() says why (and with no credential at all, resolveAtStartup() follows).
    // Empty: resolveAtStartup().
    QString useProfile(const QString &name);
    // The aliyun CLI's profiles, for a picker.
    CliProfileList cliProfiles() const;
    // The accounts that can be named, in the picker's order: the aliyun CLI's usable
    // profiles, then the saved accounts. "All accounts" lists these.
    QStringList accountNames() const;
    // How account `name` signs, worked out without changing the browser's own sign-in: `done`
    // gets the spec, or an empty spec and the translated reason it cannot sign. It is called
    // exactly once, possibly before this returns.
    using AccountSignInCallback = std::function<void(const SignInSpec &spec, const QString &error)>;
    void accountSignIn(const QString &name, const AccountSignInCallback &done) const;
    // Opens the CredentialsDialog (window-modal, not blocking); saving stores and applies it.
    void ask();

    // The accounts saved in this browser, in the order saved (a name that an aliyun CLI
    // profile has taken since is left out: the profile is who that name signs as).
    QList<SavedAccount> savedAccounts() const;
    std::optional<SavedAccount> savedAccount(const QString &name) const;
    // Where saving or removing put the AccessKey: empty when the keychain took it, else the
    // translated reason (kept for this session only, or the keychain copy may remain).
    using AccountKeptCallback = std::function<void(const QString &note)>;
    // Saves `account`, replacing the one of that name when `replace`. A Keys account's `keys`
    // go to the keychain (empty keys when replacing keep the ones saved). Returns the
    // translated reason it cannot be saved (then nothing changes and `kept` is not called).
    QString saveAccount(const SavedAccount &account, const Credential &keys, bool replace,
                        const AccountKeptCallback &kept = {});
    // Removes the saved account and its keychain entry; refused (the reason returned) while
    // another saved account signs through it.
    QString removeAccount(const QString &name, const AccountKeptCallback &kept = {});
    // Opens the AccountsDialog (window-modal, not blocking).
    void manageAccounts();
    AccountsDialog *accountsDialog() const; // the open one, or null

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
    // A saved account was added, changed or removed.
    void accountsChanged();
    // useProfile(account) could not sign in after all (the keychain has no key for it): the
    // sign-in in use goes on.
    void accountSwitchFailed(const QString &account, const QString &problem);

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
    // accountSignIn(), remembering the saved accounts passed through on the way (a loop).
    void signInAs(const QString &name, QStringList via, const AccountSignInCallback &done) const;
    bool isCliProfile(const QString &name) const;
    void storeSavedAccounts(const QList<SavedAccount> &accounts);

    Settings *m_settings;                      // not owned
    CredentialVault *m_vault;                  // owned (child)
    QWidget *m_window;                         // not owned; parent of the dialog
    QPointer<CredentialsDialog> m_dialog;      // owned by m_window; deletes itself on close
    QPointer<AccountsDialog> m_accountsDialog; // owned by m_window; deletes itself on close
    QProcessEnvironment m_environment;
    QString m_homeDir;
    Credential m_credential;
    SignInSpec m_signIn; // Static unless a role, URI or process signs
    Origin m_origin = Origin::None;
    QString m_statusText;
    int m_generation = 0; // an answer for an older request is ignored
    int m_pending = 0;
    int m_accountRequest = 0; // an account read from the keychain for an older pick is ignored
};

} // namespace dbs
