// Scenario 3: the heap a GatewayTableModel holding N gateways (loaded from the simulator with
// loadAll) keeps, beside a QStandardItemModel holding the same cells as display strings.
// Each model's share is what deleting it gives back, so the client's and the simulator's own
// memory count for neither. Exits non-zero only if a model holds the wrong number of rows.
#include "benchcommon.h"

#include <QStandardItemModel>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rows = bench::parseSize(app).rows;

    auto simulator = bench::startSimulator(rows);
    dbs::DbsClient client;
    bench::pointAt(&client, *simulator);

    auto model = std::make_unique<dbs::GatewayTableModel>(&client);
    QElapsedTimer timer;
    timer.start();
    if (!bench::loadAll(model.get()) || model->rowCount() != rows) {
        bench::detail(
            QStringLiteral("loadAll failed: %1 of %2 rows").arg(model->rowCount()).arg(rows));
        return 1;
    }
    bench::detail(QStringLiteral("loaded %1 rows in %2 ms").arg(rows).arg(timer.elapsed()));
    QCoreApplication::processEvents();

    // The same cells as the view shows them, each a string of its own: shared with our rows,
    // freeing one model would not free them and the other would be charged for them.
    const qint64 beforeItems = bench::heapInUse();
    auto items = std::make_unique<QStandardItemModel>(rows, model->columnCount());
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            const QString text = model->index(row, column).data().toString();
            items->setItem(row, column, new QStandardItem(QString(text.constData(), text.size())));
        }
    }
    const qint64 withItems = bench::heapInUse();
    if (items->rowCount() != rows)
        return 1;

    const qint64 withBoth = bench::heapInUse();
    model.reset();
    const qint64 ourBytes = withBoth - bench::heapInUse();
    const qint64 beforeDelete = bench::heapInUse();
    items.reset();
    const qint64 itemBytes = beforeDelete - bench::heapInUse();
    bench::detail(QStringLiteral("QStandardItemModel: %1 bytes grown while filling, %2 freed")
                      .arg(withItems - beforeItems)
                      .arg(itemBytes));

    const double ours = double(ourBytes) / rows;
    const double reference = double(itemBytes) / rows;
    const double ratio = ours / reference;
    bench::report(QStringLiteral("3 model memory (%1 rows)").arg(rows),
                  QStringLiteral("%1 B/row").arg(ours, 0, 'f', 0),
                  QStringLiteral("%1 B/row").arg(reference, 0, 'f', 0), ratio,
                  QStringLiteral("<= 0.25 x QStandardItemModel"), ratio <= 0.25);
    return 0;
}
