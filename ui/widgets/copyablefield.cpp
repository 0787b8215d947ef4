#include "copyablefield.h"

#include <export/textformat.h>

#include "resources.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace dbs {

CopyableField::CopyableField(const QString &objectName, const QString &what, bool copyButton,
                             QWidget *parent)
    : QWidget(parent), m_edit(new QLineEdit(this)), m_copy(nullptr)
{
    initResources();
    m_edit->setObjectName(objectName);
    m_edit->setReadOnly(true);
    m_edit->setFrame(false);
    m_edit->setAccessibleName(what);
    // Read-only fields look like text, not like inputs waiting for the user.
    QPalette palette = m_edit->palette();
    palette.setColor(QPalette::Base, Qt::transparent);
    m_edit->setPalette(palette);
    m_edit->setPlaceholderText(tr("—"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit, 1);
    if (copyButton) {
        m_copy = new QToolButton(this);
        m_copy->setObjectName(objectName + QStringLiteral("Copy"));
        m_copy->setIcon(QIcon(QStringLiteral(":/icons/edit-copy.svg")));
        m_copy->setAutoRaise(true);
        m_copy->setToolTip(tr("Copy %1").arg(what));
        m_copy->setAccessibleName(tr("Copy %1").arg(what));
        connect(m_copy, &QToolButton::clicked, this,
                [this] { QApplication::clipboard()->setText(m_value); });
        layout->addWidget(m_copy);
    }
    setValue(QString());
}

void CopyableField::setValue(const QString &value)
{
    m_value = value;
    const QString shown = visibleText(value);
    m_edit->setText(shown);
    m_edit->setCursorPosition(0);
    m_edit->setToolTip(shown);
    if (m_copy)
        m_copy->setEnabled(!value.isEmpty());
}

} // namespace dbs
