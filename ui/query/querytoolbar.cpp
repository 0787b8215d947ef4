#include "querytoolbar.h"

#include "identifierlookup.h"
#include "regionpicker.h"
#include "statusfilterbutton.h"
#include <api/dbsclient.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

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
    : QToolBar(tr("Query"), parent), m_region(new RegionPicker(this)),
      m_pageSize(new QComboBox(this)), m_lookup(new IdentifierLookup(this)),
      m_status(new StatusFilterButton(this)), m_text(new QLineEdit(this))
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

    m_lookup->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 28);

    m_text->setObjectName(QStringLiteral("textFilter"));
    m_text->setClearButtonEnabled(true);
    m_text->setPlaceholderText(tr("Filter: name, ID, hostname, IP…"));
    m_text->setAccessibleName(tr("Filter"));
    m_text->setToolTip(tr("Shows the gateways whose name, ID, identifier, hostname or IP "
                          "contains this text (Ctrl+F)"));
    m_text->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 26);

    addWidget(buddyLabel(tr("&Region:"), m_region, this));
    addWidget(m_region);
    addWidget(buddyLabel(tr("Page si&ze:"), m_pageSize, this));
    addWidget(m_pageSize);
    addSeparator();
    addWidget(buddyLabel(tr("&Lookup:"), m_lookup, this));
    addWidget(m_lookup);
    addSeparator();
    addWidget(m_status);
    addWidget(m_text);
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
