#pragma once

#include <QToolBar>

class QComboBox;
class QLineEdit;

namespace dbs {

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

    RegionPicker *regionPicker() const { return m_region; }
    QComboBox *pageSizePicker() const { return m_pageSize; }
    IdentifierLookup *identifierLookup() const { return m_lookup; }
    StatusFilterButton *statusFilter() const { return m_status; }
    QLineEdit *textFilter() const { return m_text; }

    int pageSize() const;
    // Without emitting pageSizePicked.
    void setPageSize(int size);

Q_SIGNALS:
    void pageSizePicked(int size);

private:
    RegionPicker *m_region;       // child
    QComboBox *m_pageSize;        // child
    IdentifierLookup *m_lookup;   // child
    StatusFilterButton *m_status; // child
    QLineEdit *m_text;            // child
    bool m_settingPageSize = false;
};

} // namespace dbs
