#include "credentialscontroller.h"

#include "accountsdialog.h"
#include "credentialsdialog.h"

#include <auth/credentialchain.h>
#include <auth/environmentsource.h>
#include <keychain/credentialvault.h>
#include <settings/settings.h>

#include <QDir>
#include <QWidget>

#include <algorithm>
#include <memory>

namespace dbs {

namespace {
// The status bar has one line: a reason that spans several becomes one.
QString oneLine(QString text)
{
    text.replace(u'\n', u' ');
    return text.simplified();
}
} // namespace

CredentialsController::CredentialsController(Settings *settings, QWidget *window)
    : CredentialsController(settings, new CredentialVault, window) // handed over
{}

CredentialsController::CredentialsController(Settings *settings, CredentialVault *vault,
                                             QWidget *window)
    : QObject(window), m_settings(settings), m_vault(vault), m_window(window),
      m_environment(QProcessEnvironment::systemEnvironment()), m_homeDir(QDir::homePath())
{
    Q_ASSERT(m_settings && m_vault);
    m_vault->setParent(this);
    setOrigin(Origin::None);
}

CredentialsController::~CredentialsController()
{
    // The vault drops its pending answers when it goes; make it go before our members do.
    delete m_vault;
}

CredentialsDialog *CredentialsController::dialog() const
{
    return m_dialog;
}

QString CredentialsController::account()
{
    return QStringLiteral("default");
}

void CredentialsController::setEnvironment(const QProcessEnvironment &environment)
{
    m_environment = environment;
}

void CredentialsController::setHomeDir(const QString &homeDir)
{
    m_homeDir = homeDir;
}

void CredentialsController::resolveAtStartup()
{
    const int generation = ++m_generation;

    // Variables set for this run are the most deliberate choice the user can make.
    const SourceResult environment = fromEnvironment(m_environment);
    if (environment.found()) {
        apply(environment.spec.credential);
        setOrigin(Origin::Environment);
        return;
    }
    if (environment.failed()) {
        // Half-set variables: signing in as someone else from another source would hide it.
        apply({});
        setOrigin(Origin::None, environment.message);
        return;
    }

    setOrigin(Origin::Reading);
    beginCall();
    m_vault->load(account(), [this, generation](const VaultResult &result) {
        // Settled before busy turns false: whoever waits for that reads the outcome at once.
        if (generation == m_generation) { // else the user saved something else meanwhile
            if (result.ok()) {
                Credential credential = result.credential;
                credential.source = tr("system keychain");
                apply(credential);
                setOrigin(result.sessionOnly ? Origin::SessionOnly : Origin::Keychain);
            } else {
                afterKeychainMiss(m_vault->isSessionOnly() ? m_vault->sessionOnlyReason()
                                                           : QString());
            }
        }
        endCall();
    });
}

QString CredentialsController::useProfile(const QString &name)
{
    if (name.isEmpty()) {
        resolveAtStartup();
        return {};
    }
    // A saved access key is answered later: by then the user may have picked another account
    // or entered credentials, and that choice stands.
    struct Call
    {
        bool answered = false;
        bool returned = false;
        QString problem; // answered before returning
    };
    auto call = std::make_shared<Call>();
    const int request = ++m_accountRequest;
    const int generation = m_generation;
    accountSignIn(name, [this, call, request, generation, name](const SignInSpec &spec,
                                                                const QString &error) {
        const bool current = request == m_accountRequest && generation == m_generation;
        if (current && error.isEmpty()) {
            ++m_generation; // an answer still coming from the keychain is for another account
            applySignIn(spec);
        } else if (current && call->returned) {
            Q_EMIT accountSwitchFailed(name, error);
            if (!hasCredential())
                resolveAtStartup(); // before busy ends: whoever waits sees where it led
        }
        call->answered = true;
        if (call->returned)
            endCall();
        else
            call->problem = error;
    });
    call->returned = true;
    if (!call->answered)
        beginCall(); // the keychain answers later
    return call->problem;
}

void CredentialsController::applySignIn(const SignInSpec &spec)
{
    if (spec.kind == SignInSpec::Kind::Static) {
        apply(spec.credential);
    } else {
        m_credential = {};
        m_signIn = spec;
        Q_EMIT signInChanged(m_signIn);
    }
    setOrigin(Origin::Other);
}

CliProfileList CredentialsController::cliProfiles() const
{
    return listCliProfiles(m_environment, m_homeDir);
}

QStringList CredentialsController::accountNames() const
{
    QStringList names;
    for (const CliProfile &profile : cliProfiles().profiles) {
        if (profile.usable && !profile.name.isEmpty())
            names.append(profile.name);
    }
    for (const SavedAccount &account : savedAccounts())
        names.append(account.name);
    return names;
}

bool CredentialsController::isCliProfile(const QString &name) const
{
    const CliProfileList profiles = cliProfiles();
    return std::any_of(profiles.profiles.cbegin(), profiles.profiles.cend(),
                       [&name](const CliProfile &profile) { return profile.name == name; });
}

void CredentialsController::accountSignIn(const QString &name,
                                          const AccountSignInCallback &done) const
{
    signInAs(name, {}, done);
}

void CredentialsController::signInAs(const QString &name, QStringList via,
                                     const AccountSignInCallback &done) const
{
    const std::optional<SavedAccount> saved = savedAccount(name);
    if (!saved) {
        const SourceResult result = fromCliProfile(m_environment, m_homeDir, name);
        if (result.found())
            done(result.spec, {});
        else
            done({}, tr("%1: %2").arg(result.origin, result.message));
        return;
    }
    //: %1 is the name of an account saved in the browser
    const QString label = tr("saved account \"%1\"").arg(name);
    if (via.contains(name)) {
        via.append(name);
        done({}, tr("saved account \"%1\": the accounts signing for it go round in a loop (%2)")
                     .arg(via.first(), via.join(QStringLiteral(" → "))));
        return;
    }
    via.append(name);

    if (saved->kind == SavedAccount::Kind::Keys) {
        // The vault drops this answer if it goes first (it is the controller's child).
        m_vault->load(SavedAccount::keychainEntry(name), [done, label](const VaultResult &result) {
            if (!result.ok()) {
                done({}, result.message.isEmpty()
                             ? tr("%1: the system keychain holds no AccessKey for it").arg(label)
                             : tr("%1: the system keychain holds no AccessKey for it (%2)")
                                   .arg(label, result.message));
                return;
            }
            Credential credential = result.credential;
            credential.source = label;
            done(SignInSpec::fixed(credential), {});
        });
        return;
    }

    if (!isCliProfile(saved->source) && !savedAccount(saved->source)) {
        done({}, tr("%1: \"%2\", which is to sign for its role, is neither an aliyun CLI profile "
                    "nor a saved account")
                     .arg(label, saved->source));
        return;
    }
    const SavedAccount role = *saved;
    signInAs(role.source, via, [done, role, label](const SignInSpec &source, const QString &error) {
        if (!error.isEmpty()) {
            done({}, error);
            return;
        }
        SignInSpec spec;
        spec.kind = SignInSpec::Kind::AssumeRole;
        spec.roleArn = role.roleArn;
        spec.roleSessionName = role.sessionName;
        spec.stsRegion = role.stsRegion;
        spec.source = std::make_shared<const SignInSpec>(source);
        spec.description = QStringLiteral("%1, RamRoleArn %2").arg(label, role.roleArn);
        done(spec, {});
    });
}

QList<SavedAccount> CredentialsController::savedAccounts() const
{
    QList<SavedAccount> accounts =
        savedAccountsFromVariant(m_settings->value(Settings::Key::SavedAccounts));
    const CliProfileList profiles = cliProfiles();
    accounts.removeIf([&profiles](const SavedAccount &account) {
        return std::any_of(
            profiles.profiles.cbegin(), profiles.profiles.cend(),
            [&account](const CliProfile &profile) { return profile.name == account.name; });
    });
    return accounts;
}

std::optional<SavedAccount> CredentialsController::savedAccount(const QString &name) const
{
    for (const SavedAccount &account : savedAccounts()) {
        if (account.name == name)
            return account;
    }
    return std::nullopt;
}

void CredentialsController::storeSavedAccounts(const QList<SavedAccount> &accounts)
{
    // One hidden by a CLI profile of its name stays, as does its key: the profile may go again.
    QList<SavedAccount> kept = accounts;
    for (const SavedAccount &account :
         savedAccountsFromVariant(m_settings->value(Settings::Key::SavedAccounts))) {
        if (isCliProfile(account.name))
            kept.append(account);
    }
    m_settings->setValue(Settings::Key::SavedAccounts, savedAccountsToVariant(kept));
    Q_EMIT accountsChanged();
}

QString CredentialsController::saveAccount(const SavedAccount &account, const Credential &keys,
                                           bool replace, const AccountKeptCallback &kept)
{
    if (const QString problem = account.problem(); !problem.isEmpty())
        return problem;
    if (isCliProfile(account.name))
        return tr("\"%1\" is the name of an aliyun CLI profile: choose another name.")
            .arg(account.name);
    QList<SavedAccount> accounts = savedAccounts();
    const auto it = std::find_if(accounts.begin(), accounts.end(),
                                 [&account](const auto &a) { return a.name == account.name; });
    const bool exists = it != accounts.end();
    if (exists && !replace)
        return tr("An account named \"%1\" is already saved: choose another name.")
            .arg(account.name);
    const bool hadKeys = exists && it->kind == SavedAccount::Kind::Keys;

    if (account.kind == SavedAccount::Kind::Role) {
        if (account.source == account.name)
            return tr("The account cannot sign for its own role.");
        if (!isCliProfile(account.source) && !savedAccount(account.source))
            return tr("\"%1\" is neither an aliyun CLI profile nor a saved account.")
                .arg(account.source);
        // Following the sources from there must not come back to this account.
        QStringList chain{account.name};
        for (QString next = account.source; !next.isEmpty();) {
            if (chain.contains(next)) {
                chain.append(next);
                return tr("The accounts signing for this role would go round in a loop (%1).")
                    .arg(chain.join(QStringLiteral(" → ")));
            }
            chain.append(next);
            const std::optional<SavedAccount> step = savedAccount(next);
            next = step && step->kind == SavedAccount::Kind::Role ? step->source : QString();
        }
    } else {
        const bool keepKeys = hadKeys && keys.accessKeyId.isEmpty() &&
                              keys.accessKeySecret.isEmpty() && keys.securityToken.isEmpty();
        if (!keepKeys && keys.accessKeyId.isEmpty())
            return tr("The account needs its AccessKey ID.");
        if (!keepKeys && keys.accessKeySecret.isEmpty())
            return tr("The account needs its AccessKey secret.");
    }

    if (exists)
        *it = account;
    else
        accounts.append(account);
    storeSavedAccounts(accounts);

    const QString entry = SavedAccount::keychainEntry(account.name);
    if (account.kind == SavedAccount::Kind::Keys && !keys.accessKeyId.isEmpty()) {
        // Saving is the user's explicit wish: the keychain is tried again even if it failed.
        m_vault->retryKeychain();
        beginCall();
        m_vault->save(entry, keys, [this, kept](const VaultResult &result) {
            if (kept) {
                if (result.ok() && !result.sessionOnly)
                    kept({});
                else
                    kept(tr("The AccessKey is kept for this session only (keychain "
                            "unavailable: %1)")
                             .arg(oneLine(result.message.isEmpty() ? m_vault->sessionOnlyReason()
                                                                   : result.message)));
            }
            endCall();
        });
    } else if (account.kind == SavedAccount::Kind::Role && hadKeys) {
        // A role needs no key of its own: the one saved before is not left behind.
        beginCall();
        m_vault->forget(entry, [this, kept](const VaultResult &result) {
            if (kept)
                kept(result.ok() ? QString() : result.message);
            endCall();
        });
    } else if (kept) {
        kept({});
    }
    return {};
}

QString CredentialsController::removeAccount(const QString &name, const AccountKeptCallback &kept)
{
    QList<SavedAccount> accounts = savedAccounts();
    for (const SavedAccount &account : std::as_const(accounts)) {
        if (account.kind == SavedAccount::Kind::Role && account.source == name)
            return tr("\"%1\" signs for the role of \"%2\": change or remove that account first.")
                .arg(name, account.name);
    }
    const qsizetype removed =
        accounts.removeIf([&name](const SavedAccount &account) { return account.name == name; });
    if (removed == 0)
        return tr("No account named \"%1\" is saved.").arg(name);
    storeSavedAccounts(accounts);
    // Whatever its kind: a key saved under that name earlier goes too.
    beginCall();
    m_vault->forget(SavedAccount::keychainEntry(name), [this, kept](const VaultResult &result) {
        if (kept)
            kept(result.ok() ? QString() : result.message);
        endCall();
    });
    return {};
}

AccountsDialog *CredentialsController::accountsDialog() const
{
    return m_accountsDialog;
}

void CredentialsController::manageAccounts()
{
    if (m_accountsDialog) {
        m_accountsDialog->raise();
        m_accountsDialog->activateWindow();
        return;
    }
    auto *dialog = new AccountsDialog(this, m_window); // owned by m_window; deletes itself
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        if (m_accountsDialog == dialog)
            m_accountsDialog = nullptr; // deleted later; the next call opens a fresh one
    });
    m_accountsDialog = dialog;
    dialog->open();
}

void CredentialsController::afterKeychainMiss(const QString &keychainProblem)
{
    // The aliyun CLI profile and the credentials file, as the CLI and the SDKs read them.
    const ChainResult chain = resolve(m_environment, m_homeDir);
    // The last resort, the instance's RAM role, is not asked for: on a desktop it would only
    // fail, and the window asks for credentials instead.
    if (chain.ok() && !chain.lastResort) {
        applySignIn(chain.spec);
        return;
    }
    apply({});
    if (chain.misconfigured()) {
        const SourceResult &last = chain.attempts.last();
        setOrigin(Origin::None, tr("%1: %2").arg(last.origin, last.message));
    } else if (!keychainProblem.isEmpty()) {
        setOrigin(Origin::None, tr("keychain unavailable: %1").arg(keychainProblem));
    } else {
        setOrigin(Origin::None);
    }
}

void CredentialsController::ask()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    auto *dialog = new CredentialsDialog(m_window); // owned by m_window; deletes itself
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setEnvironment(m_environment);
    dialog->setHomeDir(m_homeDir);
    if (m_credential.isValid())
        dialog->setCredential(m_credential);
    // Offered unchecked when the keychain did not answer: the note says why, and checking it
    // tries the keychain again.
    dialog->setRemember(m_origin != Origin::NotRemembered && !m_vault->isSessionOnly());
    dialog->setKeychainNote(keychainNote());
    // finished() comes before accepted(): hand the dialog over rather than read m_dialog.
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        if (m_dialog == dialog)
            m_dialog = nullptr; // deleted later; a new ask() opens a fresh one
    });
    connect(dialog, &QDialog::accepted, this, [this, dialog] { onDialogAccepted(dialog); });
    m_dialog = dialog;
    dialog->open();
}

void CredentialsController::onDialogAccepted(CredentialsDialog *dialog)
{
    const Credential credential = dialog->credential();
    const bool remember = dialog->remember();
    if (!credential.isValid())
        return;
    const int generation = ++m_generation;
    // Usable at once; where it is kept is reported when the keychain has answered.
    apply(credential);

    if (remember) {
        // The user asked for the keychain: try it again even if it failed earlier (they may
        // have unlocked it since). A failure again costs at most the vault's timeout.
        m_vault->retryKeychain();
        setOrigin(Origin::Saving);
        beginCall();
        m_vault->save(account(), credential, [this, generation](const VaultResult &result) {
            if (generation == m_generation) {
                if (result.ok() && !result.sessionOnly)
                    setOrigin(Origin::Keychain);
                else
                    setOrigin(Origin::SessionOnly, result.message);
            }
            endCall();
        });
        return;
    }

    setOrigin(Origin::NotRemembered);
    // "Do not remember" also means: no copy saved earlier stays behind.
    beginCall();
    m_vault->forget(account(), [this, generation](const VaultResult &result) {
        if (generation == m_generation && !result.ok())
            setOrigin(Origin::NotRemembered, result.message);
        endCall();
    });
}

SignInOptions CredentialsController::signInOptions() const
{
    QString ignored; // a malformed endpoint variable leaves the real service's
    return signInOptionsFromEnvironment(m_environment, &ignored);
}

void CredentialsController::apply(const Credential &credential)
{
    m_signIn = {};
    const bool same = credential.accessKeyId == m_credential.accessKeyId &&
                      credential.accessKeySecret == m_credential.accessKeySecret &&
                      credential.securityToken == m_credential.securityToken &&
                      credential.source == m_credential.source;
    m_credential = credential;
    if (!same)
        Q_EMIT credentialChanged(m_credential);
}

void CredentialsController::setOrigin(Origin origin, const QString &detail)
{
    m_origin = origin;
    QString text;
    QString sourceLabel; // for Settings: a label, never key material
    switch (origin) {
    case Origin::None:
        text = detail.isEmpty() ? tr("Credentials: none")
                                : tr("Credentials: none (%1)").arg(oneLine(detail));
        break;
    case Origin::Environment:
        text = tr("Credentials: environment");
        sourceLabel = QStringLiteral("environment");
        break;
    case Origin::Keychain:
        text = tr("Credentials: system keychain");
        sourceLabel = QStringLiteral("keychain");
        break;
    case Origin::Other:
        text = tr("Credentials: %1")
                   .arg(m_signIn.kind == SignInSpec::Kind::Static ? m_credential.source
                                                                  : m_signIn.description);
        sourceLabel = QStringLiteral("file");
        break;
    case Origin::SessionOnly: {
        QString reason = m_vault->sessionOnlyReason();
        if (reason.isEmpty())
            reason = detail;
        text = tr("Credentials: this session only (keychain unavailable: %1)").arg(oneLine(reason));
        sourceLabel = QStringLiteral("session");
        break;
    }
    case Origin::NotRemembered:
        text = detail.isEmpty()
                   ? tr("Credentials: this session only (not saved)")
                   : tr("Credentials: this session only (not saved; %1)").arg(oneLine(detail));
        sourceLabel = QStringLiteral("session");
        break;
    case Origin::Reading:
        text = tr("Credentials: reading the system keychain…");
        break;
    case Origin::Saving:
        text = tr("Credentials: saving to the system keychain…");
        break;
    }
    if (!sourceLabel.isEmpty())
        m_settings->setValue(Settings::Key::CredentialSource, sourceLabel);
    if (text != m_statusText) {
        m_statusText = text;
        Q_EMIT statusTextChanged(m_statusText);
    }
}

void CredentialsController::beginCall()
{
    if (m_pending++ == 0)
        Q_EMIT busyChanged(true);
}

void CredentialsController::endCall()
{
    if (--m_pending == 0)
        Q_EMIT busyChanged(false);
}

QString CredentialsController::keychainNote() const
{
    if (!m_vault->isSessionOnly())
        return {};
    QString reason = oneLine(m_vault->sessionOnlyReason());
    // The reason is a sentence of its own, with its own full stop.
    if (!reason.isEmpty() && !reason.endsWith(u'.') && !reason.endsWith(u'。'))
        reason += u'.';
    return tr("Remembering is off: the system keychain could not be used. %1 Check \"Remember\" "
              "to try the keychain again when saving; if it still fails, the credentials are "
              "kept for this session only.")
        .arg(reason);
}

} // namespace dbs
