#pragma once

#include <QTableView>

class QMenu;

namespace dbs {

// The gateway table: asks for the next page well before the user reaches the end, copies the
// selected rows as TSV, offers a column chooser on the header, and says why it is empty rather
// than showing a blank grid.
class GatewayTableView final : public QTableView
{
    Q_OBJECT
public:
    explicit GatewayTableView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

    // Drawn in the middle of an empty table ("No gateways in this region").
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholder; }

    // The selected rows, visible columns in their visual order, with a header row.
    enum class CopyFormat { Tsv, Markdown, Json };
    // The selected rows (or the current one) with the visible columns in their order.
    QString selectedRowsAs(CopyFormat format) const;
    QString selectedRowsAsTsv() const { return selectedRowsAs(CopyFormat::Tsv); }
    void copySelection(CopyFormat format = CopyFormat::Tsv);

    // A menu of every column with a tick for the visible ones, plus fit and reset. Rebuilt each
    // time it opens; owned by `parent`.
    QMenu *createColumnMenu(QWidget *parent);
    void resetColumns();
    void fitColumnsToContents();

    // Asks the model for the next page when fewer than two screens of rows remain below.
    void maybePrefetch();
    // To the last row loaded, in the current column, the view's horizontal position kept.
    void goToLastRow();

    // Off after a failed page: the next request is the user's (Retry), not a loop of ours.
    void setPrefetchEnabled(bool enabled);
    bool isPrefetchEnabled() const { return m_prefetchEnabled; }

Q_SIGNALS:
    // Ctrl+End while pages remain: the last row of the whole listing is wanted.
    void lastRowRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    // Rows coming in above the current row, or a new order, would carry it off screen while the
    // detail pane still shows it: the view moves with it, by as many rows as it moved.
    void rememberCurrentRow();
    void followCurrentRow();

    void fillColumnMenu(QMenu *menu);
    void applyDefaultLayout();

    QString m_placeholder;
    QPersistentModelIndex m_anchor; // the current row while it was on screen, before a change
    int m_anchorRow = -1;           // its row then
    bool m_prefetchQueued = false;
    bool m_prefetchEnabled = true;
};

} // namespace dbs
