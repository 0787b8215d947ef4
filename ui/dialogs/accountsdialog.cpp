#include "accountsdialog.h"

#include "credentialscontroller.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace dbs {

namespace {
// The kind combo's items.
constexpr int keysIndex = 0;
constexpr int roleIndex = 1;

void makeSecretField(QLineEdit *edit)
{
    edit->setEchoMode(QLineEdit::Password);
    // No input-method history, prediction or auto-case for key material.
    edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                              Qt::ImhNoAutoUppercase);
}

QLineEdit *lineEdit(const char *name, QWidget *parent)
{
    auto *edit = new QLineEdit(parent); // child
    edit->setObjectName(QLatin1String(name));
    return edit;
}
} // namespace

AccountsDialog::AccountsDialog(CredentialsController *controller, QWidget *parent)
    : QDialog(parent), m_controller(controller), m_list(new QListWidget(this)),
      m_addButton(new QPushButton(tr("A&dd"), this)),
      m_removeButton(new QPushButton(tr("Re&move"), this)), m_nameEdit(lineEdit("nameEdit", this)),
      m_kindCombo(new QComboBox(this)), m_idEdit(lineEdit("accessKeyIdEdit", this)),
      m_secretEdit(lineEdit("accessKeySecretEdit", this)),
      m_tokenEdit(lineEdit("securityTokenEdit", this)),
      m_roleArnEdit(lineEdit("roleArnEdit", this)), m_sourceCombo(new QComboBox(this)),
      m_sessionEdit(lineEdit("sessionNameEdit", this)),
      m_stsRegionEdit(lineEdit("stsRegionEdit", this)),
      m_saveButton(new QPushButton(tr("Sa&ve Account"), this)), m_message(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    Q_ASSERT(m_controller);
    setObjectName(QStringLiteral("accountsDialog"));
    setWindowTitle(tr("Accounts"));
    m_list->setObjectName(QStringLiteral("accountList"));
    m_addButton->setObjectName(QStringLiteral("addAccountButton"));
    m_removeButton->setObjectName(QStringLiteral("removeAccountButton"));
    m_kindCombo->setObjectName(QStringLiteral("kindCombo"));
    m_sourceCombo->setObjectName(QStringLiteral("sourceCombo"));
    m_saveButton->setObjectName(QStringLiteral("saveAccountButton"));
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_buttons->setObjectName(QStringLiteral("buttonBox"));

    m_list->setMinimumWidth(fontMetrics().averageCharWidth() * 24);
    m_kindCombo->addItem(tr("Access key"), QStringLiteral("keys"));
    m_kindCombo->addItem(tr("Role in another account"), QStringLiteral("role"));
    makeSecretField(m_secretEdit);
    makeSecretField(m_tokenEdit);
    m_idEdit->setInputMethodHints(Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    // Wide enough for a role's ARN, whichever kind is shown: the dialog keeps its size.
    m_nameEdit->setMinimumWidth(fontMetrics().averageCharWidth() * 44);
    m_tokenEdit->setPlaceholderText(tr("Only for temporary (STS) credentials"));
    //: an example; keep the acs:ram:: form
    m_roleArnEdit->setPlaceholderText(tr("acs:ram::1234567890123456:role/role-name"));
    m_sourceCombo->setToolTip(
        tr("The aliyun CLI profile or saved account whose keys assume the role"));
    m_sessionEdit->setPlaceholderText(tr("Optional; made up when empty"));
    m_stsRegionEdit->setPlaceholderText(tr("Optional, e.g. cn-hangzhou; else the global endpoint"));
    m_message->setWordWrap(true);
    m_message->hide();
    // Enter in a field saves the account; Escape closes.
    m_saveButton->setDefault(true);

    auto *listLabel = new QLabel(tr("Saved &accounts:"), this); // child
    listLabel->setBuddy(m_list);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addButton);
    listButtons->addWidget(m_removeButton);
    listButtons->addStretch();
    auto *listColumn = new QVBoxLayout;
    listColumn->addWidget(listLabel);
    listColumn->addWidget(m_list, 1);
    listColumn->addLayout(listButtons);

    // One form for both kinds, so that the labels line up; the other kind's rows are hidden.
    m_form = new QFormLayout;
    m_form->addRow(tr("&Name:"), m_nameEdit);
    m_form->addRow(tr("&Kind:"), m_kindCombo);
    m_form->addRow(tr("AccessKey &ID:"), m_idEdit);
    m_form->addRow(tr("AccessKey &secret:"), m_secretEdit);
    m_form->addRow(tr("STS &token:"), m_tokenEdit);
    m_form->addRow(tr("&Role ARN:"), m_roleArnEdit);
    m_form->addRow(tr("Signed &by:"), m_sourceCombo);
    m_form->addRow(tr("S&ession name:"), m_sessionEdit);
    m_form->addRow(tr("STS re&gion:"), m_stsRegionEdit);
    auto *formColumn = new QVBoxLayout;
    formColumn->addLayout(m_form);
    formColumn->addWidget(m_message); // outside the form: a wrapped label there grows oddly
    formColumn->addStretch();
    formColumn->addWidget(m_saveButton, 0, Qt::AlignRight);

    auto *columns = new QHBoxLayout;
    columns->addLayout(listColumn);
    columns->addLayout(formColumn, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(m_buttons);

    // Tab goes through the list, its buttons, then the form, as they are seen.
    setTabOrder(m_list, m_addButton);
    setTabOrder(m_addButton, m_removeButton);
    setTabOrder(m_removeButton, m_nameEdit);
    setTabOrder(m_nameEdit, m_kindCombo);
    setTabOrder(m_kindCombo, m_idEdit);
    setTabOrder(m_idEdit, m_secretEdit);
    setTabOrder(m_secretEdit, m_tokenEdit);
    setTabOrder(m_tokenEdit, m_roleArnEdit);
    setTabOrder(m_roleArnEdit, m_sourceCombo);
    setTabOrder(m_sourceCombo, m_sessionEdit);
    setTabOrder(m_sessionEdit, m_stsRegionEdit);
    setTabOrder(m_stsRegionEdit, m_saveButton);

    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            showAccount(item->data(Qt::UserRole).toString());
        m_removeButton->setEnabled(item != nullptr);
    });
    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, &AccountsDialog::updateKind);
    connect(m_addButton, &QPushButton::clicked, this, &AccountsDialog::startNew);
    connect(m_removeButton, &QPushButton::clicked, this, &AccountsDialog::removeAccount);
    connect(m_saveButton, &QPushButton::clicked, this, &AccountsDialog::saveAccount);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_controller, &CredentialsController::accountsChanged, this,
            &AccountsDialog::reloadAccounts);

    reloadAccounts();
    startNew();
}

AccountsDialog::~AccountsDialog()
{
    // Shortens the time the key material sits in widget memory.
    m_secretEdit->clear();
    m_tokenEdit->clear();
}

QString AccountsDialog::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void AccountsDialog::reloadAccounts()
{
    const QSignalBlocker blocker(m_list); // the form keeps what the user is editing
    const QString current = m_editing;
    m_list->clear();
    for (const SavedAccount &account : m_controller->savedAccounts()) {
        //: %1 is a saved account's name, %2 its mode (AK or RamRoleArn)
        auto *item = new QListWidgetItem(tr("%1 (%2)").arg(account.name, account.modeName()),
                                         m_list); // owned by the list
        item->setData(Qt::UserRole, account.name);
        if (account.name == current)
            m_list->setCurrentItem(item);
    }
    m_removeButton->setEnabled(m_list->currentItem() != nullptr);
    reloadSources();
}

void AccountsDialog::reloadSources()
{
    const QString picked = m_sourceCombo->currentData().toString();
    m_sourceCombo->clear();
    for (const QString &name : m_controller->accountNames()) {
        if (name != m_editing)
            m_sourceCombo->addItem(name, name);
    }
    const int index = m_sourceCombo->findData(picked);
    m_sourceCombo->setCurrentIndex(index >= 0 ? index : 0);
}

void AccountsDialog::showAccount(const QString &name)
{
    const std::optional<SavedAccount> account = m_controller->savedAccount(name);
    if (!account) {
        startNew();
        return;
    }
    m_editing = name;
    m_nameEdit->setText(name);
    m_nameEdit->setReadOnly(true); // a new name is a new account: add it, remove this one
    m_kindCombo->setCurrentIndex(account->kind == SavedAccount::Kind::Role ? roleIndex : keysIndex);
    m_idEdit->clear();
    m_secretEdit->clear();
    m_tokenEdit->clear();
    const bool keys = account->kind == SavedAccount::Kind::Keys;
    const QString kept = keys ? tr("Kept in the system keychain; type to replace") : QString();
    m_idEdit->setPlaceholderText(kept);
    m_secretEdit->setPlaceholderText(kept);
    m_roleArnEdit->setText(account->roleArn);
    reloadSources();
    if (const int index = m_sourceCombo->findData(account->source); index >= 0)
        m_sourceCombo->setCurrentIndex(index);
    m_sessionEdit->setText(account->sessionName);
    m_stsRegionEdit->setText(account->stsRegion);
    showMessage({}, false);
}

void AccountsDialog::startNew()
{
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentItem(nullptr);
    }
    m_removeButton->setEnabled(false);
    m_editing.clear();
    m_nameEdit->setReadOnly(false);
    for (QLineEdit *edit : {m_nameEdit, m_idEdit, m_secretEdit, m_tokenEdit, m_roleArnEdit,
                            m_sessionEdit, m_stsRegionEdit})
        edit->clear();
    m_idEdit->setPlaceholderText({});
    m_secretEdit->setPlaceholderText({});
    reloadSources();
    updateKind();
    showMessage({}, false);
    m_nameEdit->setFocus(Qt::OtherFocusReason);
}

SavedAccount AccountsDialog::formAccount() const
{
    SavedAccount account;
    account.name = m_nameEdit->text().trimmed();
    account.kind = m_kindCombo->currentIndex() == roleIndex ? SavedAccount::Kind::Role
                                                            : SavedAccount::Kind::Keys;
    if (account.kind == SavedAccount::Kind::Role) {
        account.roleArn = m_roleArnEdit->text().trimmed();
        account.source = m_sourceCombo->currentData().toString();
        account.sessionName = m_sessionEdit->text().trimmed();
        account.stsRegion = m_stsRegionEdit->text().trimmed();
    }
    return account;
}

void AccountsDialog::saveAccount()
{
    const SavedAccount account = formAccount();
    Credential keys;
    if (account.kind == SavedAccount::Kind::Keys) {
        // Pasted keys often carry a stray space or newline; none is ever part of a key.
        keys.accessKeyId = m_idEdit->text().trimmed();
        keys.accessKeySecret = m_secretEdit->text().trimmed();
        keys.securityToken = m_tokenEdit->text().trimmed();
        //: where a saved account's key came from
        keys.source = tr("saved account \"%1\"").arg(account.name);
    }
    const QPointer<AccountsDialog> self(this);
    const QString problem = m_controller->saveAccount(
        account, keys, !m_editing.isEmpty(), [self, name = account.name](const QString &note) {
            if (self && self->m_editing == name && !note.isEmpty())
                self->showMessage(note, true);
        });
    if (!problem.isEmpty()) {
        showMessage(problem, true);
        return;
    }
    m_secretEdit->clear();
    m_tokenEdit->clear();
    m_editing = account.name;
    reloadAccounts(); // selects it
    showAccount(account.name);
    showMessage(tr("Saved \"%1\".").arg(account.name), false);
}

void AccountsDialog::removeAccount()
{
    const QString name = m_editing;
    if (name.isEmpty())
        return;
    const QPointer<AccountsDialog> self(this);
    const QString problem = m_controller->removeAccount(name, [self](const QString &note) {
        if (self && !note.isEmpty())
            self->showMessage(note, true);
    });
    if (!problem.isEmpty()) {
        showMessage(problem, true);
        return;
    }
    startNew();
    showMessage(tr("Removed \"%1\".").arg(name), false);
}

void AccountsDialog::updateKind()
{
    // Only the kind's own fields are shown, and reached with Tab.
    const bool role = m_kindCombo->currentIndex() == roleIndex;
    for (QWidget *field : std::initializer_list<QWidget *>{m_idEdit, m_secretEdit, m_tokenEdit})
        m_form->setRowVisible(field, !role);
    for (QWidget *field : std::initializer_list<QWidget *>{m_roleArnEdit, m_sourceCombo,
                                                           m_sessionEdit, m_stsRegionEdit})
        m_form->setRowVisible(field, role);
}

void AccountsDialog::showMessage(const QString &message, bool error)
{
    m_message->setText(message);
    m_message->setProperty("error", error); // lets a style sheet tell them apart
    m_message->setVisible(!message.isEmpty());
}

} // namespace dbs
