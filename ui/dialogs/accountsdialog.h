#pragma once

#include <auth/savedaccount.h>

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace dbs {

class CredentialsController;

// Adds, changes and removes the accounts saved in the browser: an access key (kept in the
// system keychain) or a role in another account, assumed with the keys of an aliyun CLI
// profile or another saved account. Each change is saved at once through the controller; the
// list follows the controller's accountsChanged().
class AccountsDialog final : public QDialog
{
    Q_OBJECT
public:
    // `controller` is not owned and must outlive the dialog.
    explicit AccountsDialog(CredentialsController *controller, QWidget *parent = nullptr);
    ~AccountsDialog() override;

    // The message under the form: why saving failed, or where the key went.
    QString message() const;

private:
    void reloadAccounts();
    void reloadSources();
    void showAccount(const QString &name); // empty: a new account
    void startNew();
    void saveAccount();
    void removeAccount();
    void updateKind();
    void showMessage(const QString &message, bool error);
    SavedAccount formAccount() const;

    CredentialsController *m_controller; // not owned
    QString m_editing;                   // the saved account in the form; empty: a new one
    QListWidget *m_list;                 // child
    QPushButton *m_addButton;            // child
    QPushButton *m_removeButton;         // child
    QLineEdit *m_nameEdit;               // child
    QComboBox *m_kindCombo;              // child
    QLineEdit *m_idEdit;                 // child
    QLineEdit *m_secretEdit;             // child
    QLineEdit *m_tokenEdit;              // child
    QLineEdit *m_roleArnEdit;            // child
    QComboBox *m_sourceCombo;            // child
    QLineEdit *m_sessionEdit;            // child
    QLineEdit *m_stsRegionEdit;          // child
    QPushButton *m_saveButton;           // child
    QLabel *m_message;                   // child
    QDialogButtonBox *m_buttons;         // child
    QFormLayout *m_form = nullptr;       // owned by the dialog's layout
};

} // namespace dbs
