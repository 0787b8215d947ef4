// Scenario 4: filtering and sorting N loaded gateways with GatewayFilterModel, beside a stock
// QSortFilterProxyModel over the same source (fixed-string filter on the name column, sort by
// SortRole). Times are medians; each includes what a view asks next (rowCount, the first row).
// Exits non-zero only if a filter or a sort gives wrong rows.
#include "benchcommon.h"
#include "gatewaychecks.h"

#include <api/gatewayfields.h>
#include <models/gatewayfiltermodel.h>

#include <QSortFilterProxyModel>

#include <functional>

namespace {
using dbs::BackupGateway;
using dbs::GatewayField;

using fixture::columnOf;
using fixture::containsText;

// What a view asks right after a change.
void settle(const QAbstractItemModel &model)
{
    if (model.rowCount() > 0)
        (void)model.index(0, 0).data();
}

double timed(const std::function<void()> &change, const QAbstractItemModel &model)
{
    QElapsedTimer timer;
    timer.start();
    change();
    settle(model);
    return timer.nsecsElapsed() / 1e6;
}

// Every prefix of `word` typed, then erased one character at a time.
QStringList keystrokes(const QString &word)
{
    QStringList texts;
    for (int i = 1; i <= word.size(); ++i)
        texts.append(word.left(i));
    for (int i = int(word.size()) - 1; i >= 0; --i)
        texts.append(word.left(i));
    return texts;
}

bool failed = false;
void check(bool ok, const QString &what)
{
    if (!ok) {
        failed = true;
        bench::detail(QStringLiteral("WRONG: ") + what);
    }
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bench::Size size = bench::parseSize(app, 3);
    const int rows = size.rows;
    const int repeat = size.repeat;

    auto simulator = bench::startSimulator(rows);
    const QVector<BackupGateway> truth = simulator->gatewaysIn(QStringLiteral("cn-hangzhou"));
    dbs::DbsClient client;
    bench::pointAt(&client, *simulator);
    dbs::GatewayTableModel model(&client);
    if (!bench::loadAll(&model) || model.rowCount() != rows) {
        bench::detail(
            QStringLiteral("loadAll failed: %1 of %2 rows").arg(model.rowCount()).arg(rows));
        return 1;
    }
    // The clock the stale filter reads; fixed, so the counts below hold.
    const qint64 now = model.nowMs();

    dbs::GatewayFilterModel ours;
    ours.setGatewayModel(&model);
    QSortFilterProxyModel stock;
    stock.setSourceModel(&model);
    stock.setSortRole(dbs::GatewayTableModel::SortRole);
    stock.setFilterCaseSensitivity(Qt::CaseInsensitive);
    stock.setFilterKeyColumn(columnOf(GatewayField::DisplayName));
    stock.setDynamicSortFilter(true);
    settle(ours);
    settle(stock);

    const int heartbeat = columnOf(GatewayField::LastHeartbeatTime);
    const QStringList texts = keystrokes(QStringLiteral("mysql-prod-1"));

    // ---- sorting by heartbeat ----
    std::vector<double> firstSort, sorts, stockSorts;
    firstSort.push_back(timed([&] { ours.sort(heartbeat, Qt::AscendingOrder); }, ours));
    for (int run = 0; run < repeat; ++run) {
        for (Qt::SortOrder order : {Qt::DescendingOrder, Qt::AscendingOrder}) {
            sorts.push_back(timed([&] { ours.sort(heartbeat, order); }, ours));
            stockSorts.push_back(timed([&] { stock.sort(heartbeat, order); }, stock));
        }
    }
    qint64 previous = 0;
    for (int row = 0; row < ours.rowCount(); ++row) {
        const qint64 time = ours.index(row, 0)
                                .data(dbs::GatewayTableModel::GatewayRole)
                                .value<BackupGateway>()
                                .lastHeartbeatTime;
        if (time < previous) {
            check(false, QStringLiteral("heartbeat order broken at row %1").arg(row));
            break;
        }
        previous = time;
    }
    check(ours.rowCount() == rows, QStringLiteral("sorted row count"));

    // ---- the text filter, unsorted and sorted ----
    const auto typing = [&](QAbstractItemModel &proxy,
                            const std::function<void(const QString &)> &setText, int runs) {
        std::vector<double> times;
        for (int run = 0; run < runs; ++run) {
            for (const QString &text : texts) {
                times.push_back(timed([&] { setText(text); }, proxy));
                if (run == 0 && &proxy == &ours) {
                    const int expected = int(
                        std::count_if(truth.cbegin(), truth.cend(), [&](const BackupGateway &g) {
                            return containsText(g, text);
                        }));
                    check(proxy.rowCount() == expected,
                          QStringLiteral("text \"%1\": %2 rows, expected %3")
                              .arg(text)
                              .arg(proxy.rowCount())
                              .arg(expected));
                }
            }
        }
        return times;
    };
    const auto oursText = [&](const QString &text) { ours.setText(text); };
    const auto stockText = [&](const QString &text) { stock.setFilterFixedString(text); };

    const std::vector<double> keysSorted = typing(ours, oursText, repeat);
    const std::vector<double> stockKeysSorted = typing(stock, stockText, 1);
    ours.sort(-1);
    stock.sort(-1);
    settle(ours);
    settle(stock);
    const std::vector<double> keysUnsorted = typing(ours, oursText, repeat);
    const std::vector<double> stockKeysUnsorted = typing(stock, stockText, 1);

    // ---- the status filter, sorted by heartbeat ----
    ours.sort(heartbeat);
    stock.sort(heartbeat);
    settle(ours);
    settle(stock);
    const QList<QPair<QSet<QString>, bool>> choices = {
        {{QStringLiteral("OFFLINE")}, false},
        {{QStringLiteral("OFFLINE"), QStringLiteral("STOPPED")}, false},
        {{}, true},
        {{QStringLiteral("ONLINE")}, false},
        {{}, false},
    };
    std::vector<double> statuses, stockStatuses;
    for (int run = 0; run < repeat; ++run) {
        for (const auto &[set, stale] : choices) {
            statuses.push_back(timed([&] { ours.setStatuses(set, stale); }, ours));
            if (run == 0) {
                const int expected =
                    int(std::count_if(truth.cbegin(), truth.cend(), [&](const BackupGateway &g) {
                        if (set.isEmpty() && !stale)
                            return true;
                        return set.contains(g.status) ||
                               (stale && g.status == u"ONLINE" &&
                                now - g.lastHeartbeatTime > model.staleThresholdMs());
                    }));
                check(ours.rowCount() == expected,
                      QStringLiteral("statuses %1 stale %2: %3 rows, expected %4")
                          .arg(QStringList(set.values()).join(u'+'))
                          .arg(stale)
                          .arg(ours.rowCount())
                          .arg(expected));
            }
        }
    }
    stock.setFilterRole(dbs::GatewayTableModel::StatusRole);
    stock.setFilterKeyColumn(0);
    for (const QString &status : {QStringLiteral("OFFLINE"), QStringLiteral("STOPPED"),
                                  QStringLiteral("ONLINE"), QString()})
        stockStatuses.push_back(timed([&] { stock.setFilterFixedString(status); }, stock));

    const auto line = [](const QString &scenario, const std::vector<double> &values,
                         const std::vector<double> &reference, double target) {
        const double ours = bench::median(values);
        const double ref = bench::median(reference);
        bench::report(scenario, bench::ms(ours),
                      bench::ms(ref) + QStringLiteral(" (QSortFilterProxyModel)"), ours / ref,
                      QStringLiteral("<= %1 ms").arg(target), ours <= target);
        bench::detail(QStringLiteral("%1: max %2, ours over %3 runs")
                          .arg(scenario)
                          .arg(bench::ms(*std::max_element(values.begin(), values.end())))
                          .arg(values.size()));
    };
    const QString n = QStringLiteral(" (%1 rows)").arg(rows);
    line(QStringLiteral("4 text filter keystroke") + n, keysUnsorted, stockKeysUnsorted, 16);
    line(QStringLiteral("4 text filter keystroke, sorted by heartbeat") + n, keysSorted,
         stockKeysSorted, 16);
    line(QStringLiteral("4 status filter change, sorted by heartbeat") + n, statuses, stockStatuses,
         16);
    line(QStringLiteral("4 sort by heartbeat, first") + n, firstSort, {stockSorts.front()}, 100);
    line(QStringLiteral("4 sort by heartbeat, repeated") + n, sorts, stockSorts, 100);
    return failed ? 1 : 0;
}
