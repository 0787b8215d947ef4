#pragma once

#include <QToolBar>

class QComboBox;
class QLineEdit;
class QShortcut;
class QToolButton;

namespace dbs {

class AccountPicker;
class IdentifierLookup;
class RegionPicker;
class StatusFilterButton;

// The toolbar's pickers and filters: region, page size, Identifier lookup, status and text
// filters. The window adds its actions (Refresh, Export) and connects the signals.
class QueryToolBar final : public QToolBar
{
    Q_OBJECT
public:
    explicit QueryToolBar(QWidget *parent = nullptr);

    AccountPicker *accountPicker() const { return m_account; }
    // Shows the account picker (with its label) only when there are accounts to pick from.
    void setAccountPickerVisible(bool visible);
    RegionPicker *regionPicker() const { return m_region; }
    QComboBox *pageSizePicker() const { return m_pageSize; }
    IdentifierLookup *identifierLookup() const { return m_lookup; }
    StatusFilterButton *statusFilter() const { return m_status; }
    QLineEdit *textFilter() const { return m_text; }

    // The filters set by clicking the summary or the region strip, in words (empty: none),
    // shown beside the status filter with a button that clears them.
    void setClickFilterText(const QString &text);
    QToolButton *clickFilterButton() const { return m_clickFilter; }

    int pageSize() const;
    // Without emitting pageSizePicked.
    void setPageSize(int size);

    // Narrow: the window's actions and the status filter show only their icons, the fields
    // shrink, so that the filter field stays on the toolbar rather than in its overflow.
    bool isCompact() const { return m_compact; }

Q_SIGNALS:
    void pageSizePicked(int size);
    void clickFilterCleared();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void setCompact(bool compact);

    AccountPicker *m_account;     // child
    QAction *m_accountLabel;      // child: the toolbar's slot of the account's label
    QAction *m_accountAction;     // child: the toolbar's slot of m_account
    QShortcut *m_accountShortcut; // child: Alt+A while the label is hidden
    RegionPicker *m_region;       // child
    QComboBox *m_pageSize;        // child
    IdentifierLookup *m_lookup;   // child
    StatusFilterButton *m_status; // child
    QToolButton *m_clickFilter;   // child
    QAction *m_clickFilterAction; // child: the toolbar's slot of m_clickFilter
    QLineEdit *m_text;            // child
    QAction *m_pageSizeLabel;     // child: the toolbar's slot of the page size's label
    bool m_settingPageSize = false;
    bool m_compact = false;
    int m_fullWidth = 0; // what the toolbar needs when not compact
};

} // namespace dbs
