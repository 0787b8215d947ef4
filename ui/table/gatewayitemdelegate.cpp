#include "gatewayitemdelegate.h"

#include <fleet/statuswords.h>
#include <ui/widgets/statuspresentation.h>

#include <api/gatewayfields.h>
#include <models/gatewaytablemodel.h>

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QToolTip>

namespace dbs {

namespace {
GatewayField fieldOf(const QModelIndex &index)
{
    const QList<GatewayField> &fields = tableGatewayFields();
    const int column = index.column();
    return column >= 0 && column < fields.size() ? fields.at(column) : GatewayField::Identifier;
}
} // namespace

GatewayItemDelegate::GatewayItemDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

void GatewayItemDelegate::initStyleOption(QStyleOptionViewItem *option,
                                          const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(GatewayTableModel::ChangedRole).toBool()) {
        // Changed at the last refresh: a tint of the palette's highlight, light or dark alike.
        QColor tint = option->palette.color(QPalette::Highlight);
        tint.setAlpha(70);
        option->backgroundBrush = tint;
    }
    if (fieldOf(index) != GatewayField::BackupGatewayStatus)
        return;
    const QString status = index.data(GatewayTableModel::StatusRole).toString();
    const bool stale = index.data(GatewayTableModel::StaleRole).toBool();
    option->icon = statuspresentation::icon(status, stale);
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->text = statuswords::text(status, stale);
}

bool GatewayItemDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event && event->type() == QEvent::ToolTip && index.isValid() &&
        !index.data(Qt::ToolTipRole).isValid()) {
        const GatewayField field = fieldOf(index);
        QString tip;
        if (field == GatewayField::BackupGatewayStatus) {
            tip = statuswords::description(index.data(GatewayTableModel::StatusRole).toString(),
                                           index.data(GatewayTableModel::StaleRole).toBool());
        }
        if (!tip.isEmpty()) {
            QToolTip::showText(event->globalPos(), tip, view->viewport(), view->visualRect(index));
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace dbs
