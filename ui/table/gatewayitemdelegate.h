#pragma once

#include <QStyledItemDelegate>

namespace dbs {

// Draws the status column as icon + words (a stale gateway with its own icon and "(stale)"), and
// gives cells a tooltip (exact times, what a status means) where the model has none. The model
// stays free of icons.
class GatewayItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit GatewayItemDelegate(QObject *parent = nullptr);

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace dbs
