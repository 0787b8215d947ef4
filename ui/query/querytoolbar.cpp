#include "querytoolbar.h"

#include "accountpicker.h"
#include "identifierlookup.h"
#include "regionpicker.h"
#include "statusfilterbutton.h"
#include <api/dbsclient.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QStyle>
#include <QToolButton>

namespace dbs {

namespace {
// A label whose mnemonic (Alt+letter) moves the focus to its field.
QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    label->setContentsMargins(6, 0, 2, 0);
    return label;
}
} // namespace

QueryToolBar::QueryToolBar(QWidget *parent)
    : QToolBar(tr("Query"), parent), m_account(new AccountPicker(this)),
      m_region(new RegionPicker(this)), m_pageSize(new QComboBox(this)),
      m_lookup(new IdentifierLookup(this)), m_status(new StatusFilterButton(this)),
      m_clickFilter(new QToolButton(this)), m_text(new QLineEdit(this))
{
    setObjectName(QStringLiteral("queryToolBar"));
    setMovable(false);
    setFloatable(false);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_pageSize->setObjectName(QStringLiteral("pageSizePicker"));
    m_pageSize->setToolTip(tr("Gateways asked for per request"));
    for (int size : pageSizes())
        m_pageSize->addItem(QLocale().toString(size), size);
    connect(m_pageSize, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_settingPageSize && index >= 0)
            Q_EMIT pageSizePicked(m_pageSize->itemData(index).toInt());
    });

    m_text->setObjectName(QStringLiteral("textFilter"));
    m_text->setClearButtonEnabled(true);
    m_text->setPlaceholderText(tr("Filter: name, ID, hostname, IP…"));
    m_text->setAccessibleName(tr("Filter"));
    m_text->setToolTip(tr("Shows the gateways whose name, ID, identifier, hostname or IP "
                          "contains this text (Ctrl+F)"));

    m_accountLabel = addWidget(buddyLabel(tr("&Account:"), m_account, this));
    m_accountAction = addWidget(m_account);
    // Alt+A reaches the picker also when the toolbar has no room for its label (whose
    // mnemonic goes with it).
    m_accountShortcut = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_A), this);
    m_accountShortcut->setContext(Qt::WindowShortcut);
    connect(m_accountShortcut, &QShortcut::activated, m_account,
            [this] { m_account->setFocus(Qt::ShortcutFocusReason); });
    setAccountPickerVisible(false);
    addWidget(buddyLabel(tr("&Region:"), m_region, this));
    addWidget(m_region);
    m_pageSizeLabel = addWidget(buddyLabel(tr("Page si&ze:"), m_pageSize, this));
    m_pageSize->setAccessibleName(tr("Page size"));
    addWidget(m_pageSize);
    addSeparator();
    addWidget(buddyLabel(tr("&Lookup:"), m_lookup, this));
    addWidget(m_lookup);
    addSeparator();
    m_clickFilter->setObjectName(QStringLiteral("clickFilterButton"));
    m_clickFilter->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_clickFilter->setIcon(style()->standardIcon(QStyle::SP_LineEditClearButton));
    m_clickFilter->setToolTip(tr("Shown only: set by a click on the summary or a region. Click "
                                 "to show every gateway again."));
    connect(m_clickFilter, &QToolButton::clicked, this, &QueryToolBar::clickFilterCleared);

    addWidget(m_status);
    m_clickFilterAction = addWidget(m_clickFilter);
    m_clickFilterAction->setVisible(false);
    addWidget(m_text);
    setCompact(false);
}

void QueryToolBar::setCompact(bool compact)
{
    m_compact = compact;
    const int x = fontMetrics().horizontalAdvance(QLatin1Char('x'));
    setToolButtonStyle(compact ? Qt::ToolButtonIconOnly : Qt::ToolButtonTextBesideIcon);
    m_status->setCompact(compact);
    // Its combo box says what it is; its tooltip and accessible name too.
    m_pageSizeLabel->setVisible(!compact);
    m_accountLabel->setVisible(!compact && m_accountAction->isVisible());
    m_accountShortcut->setEnabled(compact && m_accountAction->isVisible());
    m_account->setMinimumContentsLength(compact ? 8 : 12);
    m_lookup->setMinimumWidth(x * (compact ? 16 : 28));
    m_text->setMinimumWidth(x * (compact ? 20 : 26));
}

void QueryToolBar::setAccountPickerVisible(bool visible)
{
    m_accountAction->setVisible(visible);
    m_accountLabel->setVisible(visible && !m_compact);
    m_accountShortcut->setEnabled(visible && m_compact);
    m_fullWidth = 0; // measured again at the next resize
}

void QueryToolBar::resizeEvent(QResizeEvent *event)
{
    QToolBar::resizeEvent(event);
    if (!m_compact)
        m_fullWidth = sizeHint().width();
    // Compared with the full width both ways, so that it does not flip back and forth.
    const bool compact = width() < m_fullWidth;
    if (compact != m_compact)
        setCompact(compact);
}

void QueryToolBar::setClickFilterText(const QString &text)
{
    m_clickFilter->setText(text);
    m_clickFilter->setAccessibleName(tr("Clear the filter: %1").arg(text));
    m_clickFilterAction->setVisible(!text.isEmpty());
}

int QueryToolBar::pageSize() const
{
    return m_pageSize->currentData().toInt();
}

void QueryToolBar::setPageSize(int size)
{
    int index = m_pageSize->findData(size);
    if (index < 0)
        index = 0; // a value from an older build or a hand-edited file
    m_settingPageSize = true;
    m_pageSize->setCurrentIndex(index);
    m_settingPageSize = false;
}

} // namespace dbs
