#pragma once

#include <auth/cliprofiles.h>

#include <QComboBox>

namespace dbs {

// Which account signs: "Automatic" (the environment, the keychain, then the credential chain,
// as at startup), one of the aliyun CLI's profiles by name, whatever its mode, or, with two or
// more to pick from, "All accounts" (each usable profile at once, in one table). A profile
// that cannot be used is listed, disabled, with the reason as its tooltip. The item data is
// the profile name, empty for Automatic, allAccounts() for All accounts.
class AccountPicker final : public QComboBox
{
    Q_OBJECT
public:
    explicit AccountPicker(QWidget *parent = nullptr);

    // Replaces the profiles, keeping the account picked if it is still there.
    void setProfiles(const CliProfileList &profiles);
    // True when there are profiles to pick from (else the picker has nothing to offer).
    bool hasProfiles() const { return count() > 1; }

    QString account() const;
    // The item data of "All accounts": no profile name can be it (U+001F is no name's).
    static QString allAccounts();
    // Selects `account` without emitting accountPicked; a name no longer in the file stays
    // listed, disabled, so that the choice is not silently replaced.
    void setAccount(const QString &account);

Q_SIGNALS:
    // Only for the user's choices, not for setAccount().
    void accountPicked(const QString &account);

private:
    bool m_settingAccount = false;
};

} // namespace dbs
