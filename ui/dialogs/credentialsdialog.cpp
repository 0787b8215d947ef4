#include "credentialsdialog.h"

#include <auth/cliprofiles.h>
#include <auth/environmentsource.h>

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace dbs {

namespace {
void makeSecretField(QLineEdit *edit)
{
    edit->setEchoMode(QLineEdit::Password);
    // No input-method history, prediction or auto-case for key material.
    edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                              Qt::ImhNoAutoUppercase);
}
} // namespace

CredentialsDialog::CredentialsDialog(QWidget *parent)
    : QDialog(parent), m_environment(QProcessEnvironment::systemEnvironment()),
      m_homeDir(QDir::homePath()), m_idEdit(new QLineEdit(this)), m_secretEdit(new QLineEdit(this)),
      m_tokenEdit(new QLineEdit(this)),
      m_rememberCheck(new QCheckBox(tr("&Remember in the system keychain"), this)),
      m_keychainNote(new QLabel(this)),
      m_environmentButton(new QPushButton(tr("Import from the &Environment"), this)),
      m_profileCombo(new QComboBox(this)),
      m_profileButton(new QPushButton(tr("Import &Profile"), this)),
      m_importMessage(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("credentialsDialog"));
    setWindowTitle(tr("Credentials"));
    m_idEdit->setObjectName(QStringLiteral("accessKeyIdEdit"));
    m_secretEdit->setObjectName(QStringLiteral("accessKeySecretEdit"));
    m_tokenEdit->setObjectName(QStringLiteral("securityTokenEdit"));
    m_rememberCheck->setObjectName(QStringLiteral("rememberCheck"));
    m_keychainNote->setObjectName(QStringLiteral("keychainNoteLabel"));
    m_environmentButton->setObjectName(QStringLiteral("importEnvironmentButton"));
    m_profileCombo->setObjectName(QStringLiteral("cliProfileCombo"));
    m_profileButton->setObjectName(QStringLiteral("importCliProfileButton"));
    m_importMessage->setObjectName(QStringLiteral("importMessageLabel"));
    m_buttons->setObjectName(QStringLiteral("buttonBox"));

    makeSecretField(m_secretEdit);
    makeSecretField(m_tokenEdit);
    m_idEdit->setInputMethodHints(Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    m_tokenEdit->setPlaceholderText(tr("Only for temporary (STS) credentials"));
    m_rememberCheck->setChecked(true);
    m_rememberCheck->setToolTip(tr("Unchecked: nothing is kept after the browser closes, and "
                                   "credentials saved earlier are removed from the keychain."));
    m_keychainNote->setWordWrap(true);
    m_keychainNote->hide();
    m_importMessage->setWordWrap(true);
    m_importMessage->hide();
    // Long reasons must not make the dialog as wide as the screen: the combo stays modest and
    // its popup is widened to the longest entry when filled.
    m_profileCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_profileCombo->setMinimumContentsLength(24);
    m_idEdit->setMinimumWidth(fontMetrics().averageCharWidth() * 44);

    auto *form = new QFormLayout;
    form->addRow(tr("AccessKey &ID:"), m_idEdit);
    form->addRow(tr("AccessKey &secret:"), m_secretEdit);
    form->addRow(tr("STS &token:"), m_tokenEdit);
    form->addRow(QString(), m_rememberCheck);

    auto *importBox = new QGroupBox(tr("Import"), this); // child
    importBox->setObjectName(QStringLiteral("importGroup"));
    auto *profileRow = new QHBoxLayout;
    auto *profileLabel = new QLabel(tr("aliyun CLI p&rofile:"), importBox); // child
    profileLabel->setBuddy(m_profileCombo);
    profileRow->addWidget(profileLabel);
    profileRow->addWidget(m_profileCombo, 1);
    profileRow->addWidget(m_profileButton);
    auto *importLayout = new QVBoxLayout(importBox);
    importLayout->addWidget(m_environmentButton, 0, Qt::AlignLeft);
    importLayout->addLayout(profileRow);
    importLayout->addWidget(m_importMessage);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_keychainNote); // outside the form: a wrapped label there grows oddly
    layout->addWidget(importBox);
    layout->addWidget(m_buttons);

    // Typing over an import makes the fields the user's own: the source label must follow.
    for (QLineEdit *edit : {m_idEdit, m_secretEdit, m_tokenEdit}) {
        connect(edit, &QLineEdit::textEdited, this, [this] { m_importedSource.clear(); });
        connect(edit, &QLineEdit::textChanged, this, &CredentialsDialog::updateAcceptable);
    }
    connect(m_environmentButton, &QPushButton::clicked, this,
            &CredentialsDialog::importFromEnvironment);
    connect(m_profileButton, &QPushButton::clicked, this, &CredentialsDialog::importFromCliProfile);
    connect(m_profileCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_profileButton->setEnabled(m_profileCombo->isEnabled() &&
                                    !m_profileCombo->currentData().toString().isEmpty());
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    reloadCliProfiles();
    updateAcceptable();
}

CredentialsDialog::~CredentialsDialog()
{
    // Shortens the time the key material sits in widget memory.
    m_secretEdit->clear();
    m_tokenEdit->clear();
}

void CredentialsDialog::setEnvironment(const QProcessEnvironment &environment)
{
    m_environment = environment;
}

void CredentialsDialog::setHomeDir(const QString &homeDir)
{
    m_homeDir = homeDir;
    reloadCliProfiles();
}

void CredentialsDialog::setCredential(const Credential &credential)
{
    m_idEdit->setText(credential.accessKeyId);
    m_secretEdit->setText(credential.accessKeySecret);
    m_tokenEdit->setText(credential.securityToken);
    m_importedSource = credential.source;
}

Credential CredentialsDialog::credential() const
{
    Credential credential;
    // Pasted keys often carry a stray space or newline; none is ever part of a key.
    credential.accessKeyId = m_idEdit->text().trimmed();
    credential.accessKeySecret = m_secretEdit->text().trimmed();
    credential.securityToken = m_tokenEdit->text().trimmed();
    credential.source =
        m_importedSource.isEmpty() ? tr("entered in the credentials dialog") : m_importedSource;
    return credential;
}

void CredentialsDialog::setRemember(bool remember)
{
    m_rememberCheck->setChecked(remember);
}

bool CredentialsDialog::remember() const
{
    return m_rememberCheck->isChecked();
}

void CredentialsDialog::setKeychainNote(const QString &note)
{
    m_keychainNote->setText(note);
    m_keychainNote->setVisible(!note.isEmpty());
    growToFit();
}

void CredentialsDialog::growToFit()
{
    // A top-level window does not grow for a wrapped label by itself: the label would be cut
    // to its first line.
    if (!isVisible())
        return;
    layout()->activate();
    const int needed = layout()->totalHeightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

QString CredentialsDialog::importMessage() const
{
    return m_importMessage->text();
}

void CredentialsDialog::importFromEnvironment()
{
    const SourceResult result = fromEnvironment(m_environment);
    if (!result.found()) {
        showImportMessage(result.message, true);
        return;
    }
    fill(result.spec.credential);
    showImportMessage(tr("Imported the credentials from the environment variables."), false);
}

void CredentialsDialog::importFromCliProfile()
{
    const QString name = m_profileCombo->currentData().toString();
    if (name.isEmpty())
        return;
    const SourceResult result = fromCliProfile(m_environment, m_homeDir, name);
    if (!result.found()) {
        showImportMessage(result.message, true);
        return;
    }
    fill(result.spec.credential);
    showImportMessage(tr("Imported the aliyun CLI profile \"%1\".").arg(name), false);
}

void CredentialsDialog::reloadCliProfiles()
{
    m_profileCombo->clear();
    const CliProfileList list = listCliProfiles(m_environment, m_homeDir);
    const QString path = QDir::toNativeSeparators(cliConfigPath(m_environment, m_homeDir));

    QString placeholder;
    if (!list.ok())
        placeholder = tr("%1 cannot be read: %2").arg(path, list.error);
    else if (!list.fileFound)
        placeholder = tr("No aliyun CLI configuration (%1)").arg(path);
    else if (list.profiles.isEmpty())
        placeholder = tr("No profiles in %1").arg(path);
    if (!placeholder.isEmpty()) {
        m_profileCombo->addItem(placeholder);
        m_profileCombo->setToolTip(placeholder);
        m_profileCombo->setEnabled(false);
        m_profileButton->setEnabled(false);
        return;
    }

    m_profileCombo->setToolTip({});
    m_profileCombo->setEnabled(true);
    auto *items = qobject_cast<QStandardItemModel *>(m_profileCombo->model()); // the combo's
    int preferred = -1;
    for (const CliProfile &profile : list.profiles) {
        const QString name = profile.name.isEmpty() ? tr("(entry without a name)") : profile.name;
        // Only keys can be imported; a role, a URI or a process signs in by itself.
        const bool importable = profile.usable && profile.holdsKeys;
        const QString problem =
            profile.usable && !importable
                ? tr("it signs in with %1, it holds no keys to import").arg(profile.mode)
                : profile.problem;
        QString text;
        if (importable) {
            text =
                profile.regionId.isEmpty()
                    ? tr("%1 (%2)").arg(name, profile.mode.isEmpty() ? QStringLiteral("AK")
                                                                     : profile.mode)
                    : tr("%1 (%2, %3)")
                          .arg(name, profile.mode.isEmpty() ? QStringLiteral("AK") : profile.mode,
                               profile.regionId);
        } else {
            //: %1 is a profile name, %2 why it cannot be used
            text = tr("%1 — unusable: %2").arg(name, problem);
        }
        if (profile.isCurrent)
            text += u' ' + tr("[current]");
        m_profileCombo->addItem(text, importable ? profile.name : QString());
        const int index = m_profileCombo->count() - 1;
        if (!importable) {
            m_profileCombo->setItemData(index, problem, Qt::ToolTipRole);
            if (QStandardItem *item = items ? items->item(index) : nullptr)
                item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
        }
        if (importable && (preferred < 0 || profile.isCurrent))
            preferred = index;
    }
    m_profileCombo->setCurrentIndex(preferred >= 0 ? preferred : 0);
    m_profileCombo->view()->setTextElideMode(Qt::ElideNone);
    m_profileCombo->view()->setMinimumWidth(m_profileCombo->view()->sizeHintForColumn(0) +
                                            m_profileCombo->view()->frameWidth() * 2);
    m_profileButton->setEnabled(preferred >= 0);
}

void CredentialsDialog::fill(const Credential &credential)
{
    setCredential(credential);
}

void CredentialsDialog::showImportMessage(const QString &message, bool error)
{
    m_importMessage->setText(message);
    m_importMessage->setProperty("error", error); // lets a style sheet tell them apart
    m_importMessage->setVisible(!message.isEmpty());
    growToFit();
}

void CredentialsDialog::updateAcceptable()
{
    m_buttons->button(QDialogButtonBox::Save)
        ->setEnabled(!m_idEdit->text().trimmed().isEmpty() &&
                     !m_secretEdit->text().trimmed().isEmpty());
}

} // namespace dbs
