#include "accountpicker.h"

#include <QAbstractItemView>
#include <QIcon>
#include <QStandardItemModel>

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
} // namespace

AccountPicker::AccountPicker(QWidget *parent) : QComboBox(parent)
{
    setObjectName(QStringLiteral("accountPicker"));
    // Sized for a short profile name, not the longest: the toolbar's filter must keep its room.
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(12);
    setToolTip(tr("Who signs: an aliyun CLI profile, or Automatic (the environment, the "
                  "keychain, then the aliyun CLI's current profile and the credentials file)"));
    setAccessibleName(tr("Account"));
    // The credentials icon says what the box picks when the toolbar has no room for its label.
    setIconSize(QSize(16, 16));
    addItem(QIcon(QStringLiteral(":/icons/credentials.svg")), tr("Automatic"), QString());
    connect(this, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_settingAccount && index >= 0)
            Q_EMIT accountPicked(itemData(index).toString());
    });
}

QString AccountPicker::allAccounts()
{
    return QStringLiteral("\x1f"
                          "all");
}

void AccountPicker::setProfiles(const CliProfileList &profiles)
{
    const QString picked = account();
    m_settingAccount = true;
    while (count() > 1)
        removeItem(1);
    int usable = 0;
    for (const CliProfile &profile : profiles.profiles)
        usable += profile.usable && !profile.name.isEmpty();
    if (usable > 1) {
        addItem(QIcon(QStringLiteral(":/icons/credentials.svg")), tr("All accounts"),
                allAccounts());
        setItemData(count() - 1, tr("Every profile at once, in one table with an Account column"),
                    Qt::ToolTipRole);
    }
    for (const CliProfile &profile : profiles.profiles) {
        if (profile.name.isEmpty())
            continue; // nothing to pick it by
        const QString mode = profile.mode.isEmpty() ? QStringLiteral("AK") : profile.mode;
        //: %1 is an aliyun CLI profile's name, %2 its mode (AK, RamRoleArn, ...)
        addItem(QIcon(QStringLiteral(":/icons/credentials.svg")),
                tr("%1 (%2)").arg(profile.name, mode), profile.name);
        if (!profile.usable)
            disable(this, count() - 1, profile.problem);
    }
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
    m_settingAccount = true;
    int index = findData(account);
    if (index < 0) {
        addItem(account == allAccounts() ? tr("All accounts") : account, account);
        index = count() - 1;
        disable(this, index, tr("not in the aliyun CLI's configuration"));
    }
    setCurrentIndex(index);
    m_settingAccount = false;
}

} // namespace dbs
