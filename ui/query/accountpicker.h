#pragma once

#include <auth/cliprofiles.h>
#include <auth/savedaccount.h>

#include <QComboBox>

namespace dbs {

// Which account signs: "Automatic" (the environment, the keychain, then the credential chain,
// as at startup), one of the aliyun CLI's profiles by name, whatever its mode, an account
// saved in the browser (listed after the profiles), or, with two or more to pick from, "All
// accounts" (every one at once, in one table). A profile that cannot be used is listed,
// disabled, with the reason as its tooltip. The item data is the account name, empty for
// Automatic, allAccounts() for All accounts. The last item, "Manage Accounts…", asks for the
// accounts dialog instead.
class AccountPicker final : public QComboBox
{
    Q_OBJECT
public:
    explicit AccountPicker(QWidget *parent = nullptr);

    // Replaces the profiles, keeping the account picked if it is still there.
    void setProfiles(const CliProfileList &profiles);
    // Replaces the saved accounts, keeping the account picked if it is still there.
    void setSavedAccounts(const QList<SavedAccount> &accounts);
    // True when there are accounts to pick from (else the picker has nothing to offer).
    bool hasProfiles() const { return m_hasAccounts; }

    QString account() const;
    // The item data of "All accounts": no profile name can be it (U+001F is no name's).
    static QString allAccounts();
    // Selects `account` without emitting accountPicked; a name no longer in the file stays
    // listed, disabled, so that the choice is not silently replaced.
    void setAccount(const QString &account);

Q_SIGNALS:
    // Only for the user's choices, not for setAccount().
    void accountPicked(const QString &account);
    // "Manage Accounts…" was chosen (the account picked stays).
    void manageAccountsRequested();

private:
    void rebuild();
    bool isManageItem(int index) const;

    CliProfileList m_profiles;
    QList<SavedAccount> m_saved;
    QString m_picked; // the account shown while "Manage Accounts…" is chosen
    bool m_hasAccounts = false;
    bool m_settingAccount = false;
};

} // namespace dbs
