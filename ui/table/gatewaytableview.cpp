#include "gatewaytableview.h"

#include "gatewayitemdelegate.h"
#include <export/tsvformat.h>
#include <fleet/statuswords.h>

#include <api/gatewayfields.h>
#include <export/timewords.h>
#include <models/gatewaytablemodel.h>

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>

#include <algorithm>

namespace dbs {

namespace {
// Typical contents per column, so the first layout fits real data without measuring every row.
QString sampleText(GatewayField field)
{
    switch (field) {
    case GatewayField::BackupGatewayId:
        return QStringLiteral("1000000000000");
    case GatewayField::Identifier:
        return QStringLiteral("dbsgw0mmmmmwwww0");
    case GatewayField::DisplayName:
        return QStringLiteral("mysql-prod-staging-12345");
    case GatewayField::BackupGatewayStatus:
        return statuswords::text(QStringLiteral("ONLINE"), true); // in the user's language
    case GatewayField::Region:
        return QStringLiteral("cn-hangzhou");
    case GatewayField::SourceEndpointHostname:
        return QStringLiteral("backup-staging-000.cn-hangzhou.internal");
    case GatewayField::SourceEndpointInternetIP:
    case GatewayField::SourceEndpointIntranetIP:
        return QStringLiteral("255.255.255.255");
    case GatewayField::BackupGatewayCreateTime:
        return QStringLiteral("2024-12-31 23:59:59");
    case GatewayField::LastHeartbeatTime:
        return timewords::age(123LL * 24 * 3600 * 1000); // "123 days ago", in the user's language
    case GatewayField::Account:
        return QStringLiteral("production-account");
    }
    return {};
}
} // namespace

GatewayTableView::GatewayTableView(QWidget *parent) : QTableView(parent)
{
    setObjectName(QStringLiteral("gatewayTable"));
    setAccessibleName(tr("Backup gateways"));
    setAccessibleDescription(tr("One row per gateway; Enter or a click shows its details, "
                                "Ctrl+C copies the selected rows"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setCornerButtonEnabled(false);
    // One stop in the window's Tab chain: arrows move inside, Tab goes on to the next control.
    setTabKeyNavigation(false);
    setItemDelegate(new GatewayItemDelegate(this));

    verticalHeader()->setVisible(false);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);

    QHeaderView *header = horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setSortIndicatorClearable(true); // a third click returns to the service's order
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = createColumnMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(horizontalHeader()->viewport()->mapToGlobal(pos));
    });

    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &GatewayTableView::maybePrefetch);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &GatewayTableView::maybePrefetch);
}

void GatewayTableView::setModel(QAbstractItemModel *newModel)
{
    if (model())
        disconnect(model(), nullptr, this, nullptr);
    QTableView::setModel(newModel);
    if (!newModel)
        return;
    // Rows arriving or vanishing (a filter) may leave the view short of two screens.
    auto queue = [this] {
        if (m_prefetchQueued)
            return;
        m_prefetchQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_prefetchQueued = false;
            maybePrefetch();
        });
    };
    connect(newModel, &QAbstractItemModel::rowsInserted, this, queue);
    connect(newModel, &QAbstractItemModel::rowsRemoved, this, queue);
    connect(newModel, &QAbstractItemModel::modelReset, this, queue);
    connect(newModel, &QAbstractItemModel::layoutChanged, this, queue);
    connect(newModel, &QAbstractItemModel::modelReset, viewport(), qOverload<>(&QWidget::update));
    for (auto before :
         {&QAbstractItemModel::rowsAboutToBeInserted, &QAbstractItemModel::rowsAboutToBeRemoved}) {
        connect(newModel, before, this, &GatewayTableView::rememberCurrentRow);
    }
    connect(newModel, &QAbstractItemModel::rowsAboutToBeMoved, this,
            &GatewayTableView::rememberCurrentRow);
    connect(newModel, &QAbstractItemModel::layoutAboutToBeChanged, this,
            &GatewayTableView::rememberCurrentRow);
    for (auto after : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(newModel, after, this, &GatewayTableView::followCurrentRow);
    }
    connect(newModel, &QAbstractItemModel::rowsMoved, this, &GatewayTableView::followCurrentRow);
    connect(newModel, &QAbstractItemModel::layoutChanged, this,
            &GatewayTableView::followCurrentRow);
    applyDefaultLayout();
}

void GatewayTableView::rememberCurrentRow()
{
    m_anchor = QPersistentModelIndex();
    m_anchorRow = -1;
    const QModelIndex current = currentIndex();
    if (!current.isValid())
        return;
    const int y = rowViewportPosition(current.row());
    if (y + rowHeight(current.row()) <= 0 || y >= viewport()->height())
        return; // scrolled away by the user: left where it is
    m_anchor = current;
    m_anchorRow = current.row();
}

void GatewayTableView::followCurrentRow()
{
    if (!m_anchor.isValid() || m_anchorRow < 0)
        return;
    const int moved = m_anchor.row() - m_anchorRow;
    m_anchor = QPersistentModelIndex();
    m_anchorRow = -1;
    if (moved == 0)
        return;
    // The scroll bar's range must include the new rows before it can move to them.
    updateGeometries();
    QScrollBar *bar = verticalScrollBar();
    const int step =
        verticalScrollMode() == ScrollPerItem ? 1 : verticalHeader()->defaultSectionSize();
    bar->setValue(bar->value() + moved * step);
}

void GatewayTableView::applyDefaultLayout()
{
    // What an administrator scans first comes first: the name, whether it is alive, since when,
    // and where it is. The region column repeats the region picker, so it starts hidden, as does
    // the account's (shown while several accounts are). The model keeps the API's column order;
    // only the view's order differs.
    static const QList<GatewayField> order = {
        GatewayField::DisplayName,
        GatewayField::BackupGatewayStatus,
        GatewayField::LastHeartbeatTime,
        GatewayField::SourceEndpointHostname,
        GatewayField::SourceEndpointInternetIP,
        GatewayField::SourceEndpointIntranetIP,
        GatewayField::Identifier,
        GatewayField::BackupGatewayId,
        GatewayField::BackupGatewayCreateTime,
        GatewayField::Region,
    };
    QHeaderView *header = horizontalHeader();
    const QList<GatewayField> &fields = tableGatewayFields();
    for (int visual = 0; visual < order.size(); ++visual) {
        const int logical = int(fields.indexOf(order.at(visual)));
        if (logical >= 0 && logical < header->count())
            header->moveSection(header->visualIndex(logical), visual);
    }
    for (GatewayField hidden : {GatewayField::Region, GatewayField::Account}) {
        const int column = int(fields.indexOf(hidden));
        if (column >= 0 && column < header->count())
            header->setSectionHidden(column, true);
    }

    const int iconRoom = style()->pixelMetric(QStyle::PM_SmallIconSize) + 8;
    const QFontMetrics metrics = fontMetrics();
    const QFontMetrics headerMetrics = horizontalHeader()->fontMetrics();
    for (int column = 0; column < model()->columnCount() && column < fields.size(); ++column) {
        const GatewayField field = fields.at(column);
        int width = metrics.horizontalAdvance(sampleText(field)) + 16;
        if (field == GatewayField::BackupGatewayStatus)
            width += iconRoom;
        const QString title = model()->headerData(column, Qt::Horizontal).toString();
        // Room for the title and the sort arrow.
        width = std::max(width, headerMetrics.horizontalAdvance(title) + 44);
        setColumnWidth(column, width);
    }
}

void GatewayTableView::setPlaceholderText(const QString &text)
{
    if (m_placeholder == text)
        return;
    m_placeholder = text;
    viewport()->update();
}

QString GatewayTableView::selectedRowsAs(CopyFormat format) const
{
    if (!model() || !selectionModel())
        return {};
    QModelIndexList rows = selectionModel()->selectedRows();
    if (rows.isEmpty() && currentIndex().isValid())
        rows.append(currentIndex().siblingAtColumn(0));
    if (rows.isEmpty())
        return {};
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });

    const QList<GatewayField> &allFields = tableGatewayFields();
    QStringList headers;
    QList<GatewayField> fields;
    const QHeaderView *header = horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (header->isSectionHidden(logical) || logical >= allFields.size())
            continue;
        headers.append(model()->headerData(logical, Qt::Horizontal).toString());
        fields.append(allFields.at(logical));
    }
    QVector<BackupGateway> gateways;
    gateways.reserve(rows.size());
    for (const QModelIndex &row : std::as_const(rows))
        gateways.append(row.data(GatewayTableModel::GatewayRole).value<BackupGateway>());
    switch (format) {
    case CopyFormat::Markdown:
        return gatewaysToMarkdown(headers, fields, gateways);
    case CopyFormat::Json:
        return gatewaysToJson(fields, gateways);
    case CopyFormat::Tsv:
        break;
    }
    return gatewaysToTsv(headers, fields, gateways);
}

void GatewayTableView::copySelection(CopyFormat format)
{
    const QString text = selectedRowsAs(format);
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

QMenu *GatewayTableView::createColumnMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("&Columns"), parent);
    menu->setObjectName(QStringLiteral("columnMenu"));
    connect(menu, &QMenu::aboutToShow, this, [this, menu] { fillColumnMenu(menu); });
    fillColumnMenu(menu);
    return menu;
}

void GatewayTableView::fillColumnMenu(QMenu *menu)
{
    menu->clear();
    if (!model())
        return;
    QHeaderView *header = horizontalHeader();
    int visibleCount = 0;
    for (int logical = 0; logical < header->count(); ++logical)
        visibleCount += header->isSectionHidden(logical) ? 0 : 1;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        QAction *action = menu->addAction(model()->headerData(logical, Qt::Horizontal).toString());
        action->setObjectName(QStringLiteral("column_%1").arg(logical));
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(logical));
        // The last visible column stays: a table with none is a dead end.
        action->setEnabled(header->isSectionHidden(logical) || visibleCount > 1);
        connect(action, &QAction::toggled, this, [this, logical](bool on) {
            setColumnHidden(logical, !on);
            if (on && columnWidth(logical) < 20)
                resizeColumnToContents(logical);
        });
    }
    menu->addSeparator();
    QAction *fit = menu->addAction(tr("&Fit Columns to Contents"));
    fit->setObjectName(QStringLiteral("fitColumns"));
    connect(fit, &QAction::triggered, this, &GatewayTableView::fitColumnsToContents);
    QAction *reset = menu->addAction(tr("&Reset Columns"));
    reset->setObjectName(QStringLiteral("resetColumns"));
    connect(reset, &QAction::triggered, this, &GatewayTableView::resetColumns);
}

void GatewayTableView::resetColumns()
{
    // Order, visibility and widths go back to the first run's; the sort is not part of the
    // columns' layout and stays. (Restoring a header state saved before the sort was set up
    // restored its "section 0, descending" too, and reversed the rows with no arrow shown.)
    if (!model())
        return;
    QHeaderView *header = horizontalHeader();
    for (int logical = 0; logical < header->count(); ++logical)
        header->setSectionHidden(logical, false);
    applyDefaultLayout();
}

void GatewayTableView::fitColumnsToContents()
{
    // Only the rows on screen are measured: loaded pages can be thousands of rows.
    const QHeaderView *header = horizontalHeader();
    for (int logical = 0; logical < header->count(); ++logical) {
        if (!header->isSectionHidden(logical))
            resizeColumnToContents(logical);
    }
}

void GatewayTableView::setPrefetchEnabled(bool enabled)
{
    m_prefetchEnabled = enabled;
    if (enabled)
        maybePrefetch();
}

void GatewayTableView::maybePrefetch()
{
    QAbstractItemModel *m = model();
    if (!m_prefetchEnabled || !m || !m->canFetchMore(rootIndex()))
        return;
    const QScrollBar *bar = verticalScrollBar();
    const int remaining = bar->maximum() - bar->value();
    // Two screens ahead: a page arrives well before a normally scrolling user gets there.
    if (remaining <= 2 * std::max(bar->pageStep(), viewport()->height()))
        m->fetchMore(rootIndex());
}

void GatewayTableView::keyPressEvent(QKeyEvent *event)
{
    // The window's Copy action usually gets here first; this covers a view used on its own.
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        event->accept();
        return;
    }
    // Qt's Ctrl+End goes to the last column too, and only to the last row loaded.
    if (event->key() == Qt::Key_End && event->modifiers() == Qt::ControlModifier && model()) {
        if (model()->canFetchMore(rootIndex()))
            Q_EMIT lastRowRequested();
        goToLastRow();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void GatewayTableView::goToLastRow()
{
    const int rows = model() ? model()->rowCount(rootIndex()) : 0;
    if (rows == 0)
        return;
    int column = currentIndex().column();
    if (column < 0 || isColumnHidden(column))
        column = horizontalHeader()->logicalIndexAt(0);
    const int horizontal = horizontalScrollBar()->value();
    const QModelIndex last = model()->index(rows - 1, std::max(0, column), rootIndex());
    selectionModel()->setCurrentIndex(last, QItemSelectionModel::ClearAndSelect |
                                                QItemSelectionModel::Rows);
    scrollTo(last, EnsureVisible);
    horizontalScrollBar()->setValue(horizontal);
}

void GatewayTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (m_placeholder.isEmpty() || !model() || model()->rowCount(rootIndex()) > 0)
        return;
    QPainter painter(viewport());
    QColor color = palette().color(QPalette::PlaceholderText);
    painter.setPen(color);
    const QRect area = viewport()->rect().adjusted(24, 24, -24, -24);
    painter.drawText(area, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_placeholder);
}

} // namespace dbs
