#include "accountpicker.h"

#include <QAbstractItemView>
#include <QIcon>
#include <QStandardItemModel>

#include <algorithm>

namespace dbs {

namespace {
void disable(QComboBox *box, int index, const QString &reason)
{
    box->setItemData(index, reason, Qt::ToolTipRole);
    if (auto *items = qobject_cast<QStandardItemModel *>(box->model())) { // the box's own
        if (QStandardItem *item = items->item(index))
            item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
    }
}

// Marks "Manage Accounts…": its item data is no account name.
constexpr int manageRole = Qt::UserRole + 1;
} // namespace

AccountPicker::AccountPicker(QWidget *parent) : QComboBox(parent)
{
    setObjectName(QStringLiteral("accountPicker"));
    // Sized for a short profile name, not the longest: the toolbar's filter must keep its room.
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(12);
    setToolTip(tr("Who signs: an aliyun CLI profile, an account saved in the browser, or "
                  "Automatic (the environment, the keychain, then the aliyun CLI's current "
                  "profile and the credentials file)"));
    setAccessibleName(tr("Account"));
    // The credentials icon says what the box picks when the toolbar has no room for its label.
    setIconSize(QSize(16, 16));
    addItem(QIcon(QStringLiteral(":/icons/credentials.svg")), tr("Automatic"), QString());
    rebuild();
    connect(this, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index < 0)
            return;
        if (m_settingAccount)
            return; // setAccount() and rebuild() say what is picked
        if (isManageItem(index)) {
            // Not a choice of account: the one picked stays, and the dialog is asked for once
            // the box has settled.
            setAccount(m_picked);
            QMetaObject::invokeMethod(this, &AccountPicker::manageAccountsRequested,
                                      Qt::QueuedConnection);
            return;
        }
        m_picked = itemData(index).toString();
        Q_EMIT accountPicked(m_picked);
    });
}

QString AccountPicker::allAccounts()
{
    return QStringLiteral("\x1f"
                          "all");
}

void AccountPicker::setProfiles(const CliProfileList &profiles)
{
    m_profiles = profiles;
    rebuild();
}

void AccountPicker::setSavedAccounts(const QList<SavedAccount> &accounts)
{
    m_saved = accounts;
    rebuild();
}

bool AccountPicker::isManageItem(int index) const
{
    return itemData(index, manageRole).toBool();
}

void AccountPicker::rebuild()
{
    const QString picked = m_picked;
    m_settingAccount = true;
    while (count() > 1)
        removeItem(1);
    m_hasAccounts = false;
    // "All accounts" when there are several to show at once.
    qsizetype usable = m_saved.size();
    for (const CliProfile &profile : m_profiles.profiles)
        usable += profile.usable && !profile.name.isEmpty();
    if (usable > 1) {
        addItem(QIcon(QStringLiteral(":/icons/credentials.svg")), tr("All accounts"),
                allAccounts());
        setItemData(count() - 1, tr("Every account at once, in one table with an Account column"),
                    Qt::ToolTipRole);
    }
    for (const CliProfile &profile : m_profiles.profiles) {
        if (profile.name.isEmpty())
            continue; // nothing to pick it by
        const QString mode = profile.mode.isEmpty() ? QStringLiteral("AK") : profile.mode;
        //: %1 is an aliyun CLI profile's name, %2 its mode (AK, RamRoleArn, ...)
        addItem(QIcon(QStringLiteral(":/icons/credentials.svg")),
                tr("%1 (%2)").arg(profile.name, mode), profile.name);
        if (!profile.usable)
            disable(this, count() - 1, profile.problem);
        m_hasAccounts = true;
    }
    for (const SavedAccount &saved : std::as_const(m_saved)) {
        //: %1 is the name of an account saved in the browser, %2 its mode (AK, RamRoleArn)
        addItem(QIcon(QStringLiteral(":/icons/credentials.svg")),
                tr("%1 (saved, %2)").arg(saved.name, saved.modeName()), saved.name);
        //: %1 is a role's ARN, %2 the account whose keys assume it
        setItemData(count() - 1,
                    saved.kind == SavedAccount::Kind::Role
                        ? tr("Assumes %1 with the keys of %2").arg(saved.roleArn, saved.source)
                        : tr("An AccessKey kept in the system keychain"),
                    Qt::ToolTipRole);
        m_hasAccounts = true;
    }
    insertSeparator(count());
    addItem(tr("Manage Accounts…"));
    setItemData(count() - 1, true, manageRole);
    setItemData(count() - 1, tr("Add, change or remove the accounts saved in the browser"),
                Qt::ToolTipRole);
    m_settingAccount = false;
    setAccount(picked);
    view()->setMinimumWidth(view()->sizeHintForColumn(0) + 2 * view()->frameWidth());
}

QString AccountPicker::account() const
{
    return currentData().toString();
}

void AccountPicker::setAccount(const QString &account)
{
    const bool settingAlready = m_settingAccount;
    m_settingAccount = true;
    m_picked = account;
    int index = findData(account);
    if (index < 0) {
        // Before the separator and "Manage Accounts…".
        index = std::max(1, count() - 2);
        insertItem(index, account == allAccounts() ? tr("All accounts") : account, account);
        disable(this, index,
                tr("neither in the aliyun CLI's configuration nor saved in the browser"));
    }
    setCurrentIndex(index);
    m_settingAccount = settingAlready;
}

} // namespace dbs
