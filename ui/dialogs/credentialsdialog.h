#pragma once

#include <api/credential.h>

#include <QDialog>
#include <QProcessEnvironment>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace dbs {

// AccessKey ID, AccessKey secret (hidden), optional STS token and "remember in the system
// keychain", with imports from the environment and from an aliyun CLI profile. It only
// collects: storing is the controller's job. Its fields never reach a log or a file.
class CredentialsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit CredentialsDialog(QWidget *parent = nullptr);
    ~CredentialsDialog() override;

    // Where the imports look; the process's environment and home by default (tests set them).
    void setEnvironment(const QProcessEnvironment &environment);
    void setHomeDir(const QString &homeDir); // also refills the CLI profile list

    void setCredential(const Credential &credential);
    // Trimmed fields; source says where they came from (an import, or typed in).
    Credential credential() const;

    void setRemember(bool remember);
    bool remember() const;
    // Shown under the checkbox, e.g. why the keychain cannot be used; empty hides it.
    void setKeychainNote(const QString &note);

    // The result of the last import, translated; for the window and tests.
    QString importMessage() const;

public Q_SLOTS:
    void importFromEnvironment();
    void importFromCliProfile(); // the profile chosen in the combo
    void reloadCliProfiles();

private:
    void fill(const Credential &credential);
    void showImportMessage(const QString &message, bool error);
    void growToFit();
    void updateAcceptable();

    QProcessEnvironment m_environment;
    QString m_homeDir;
    QString m_importedSource;         // cleared as soon as the user edits a field
    QLineEdit *m_idEdit;              // child
    QLineEdit *m_secretEdit;          // child
    QLineEdit *m_tokenEdit;           // child
    QCheckBox *m_rememberCheck;       // child
    QLabel *m_keychainNote;           // child
    QPushButton *m_environmentButton; // child
    QComboBox *m_profileCombo;        // child
    QPushButton *m_profileButton;     // child
    QLabel *m_importMessage;          // child
    QDialogButtonBox *m_buttons;      // child
};

} // namespace dbs
