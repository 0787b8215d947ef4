// Scenario 5: CSV export of N loaded gateways, as the export dialog writes "All rows" (row by
// row from the model), into a device that only counts bytes. Reports the rate, and the peak
// heap above the starting point while writing N/10 rows and N rows: streaming means the two
// are alike. Then the same rows as an Excel workbook, once: its rate. Exits non-zero only if an
// export wrote the wrong number of rows.
#include "benchcommon.h"

#include <export/gatewaycsv.h>
#include <export/gatewayxlsx.h>

#include <QIODevice>

namespace {
// Counts what is written and samples the heap at each write.
class CountingDevice final : public QIODevice
{
public:
    CountingDevice() { open(QIODevice::WriteOnly); }
    qint64 bytes = 0;
    qint64 writes = 0;
    qint64 peakHeap = 0;
    bool sampleHeap = false; // mallinfo2() walks the heap: not while timing

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 size) override
    {
        bytes += size;
        // Sampling every write costs more than writing; every 64th still sees any growth.
        if (sampleHeap && (writes++ & 63) == 0)
            peakHeap = std::max(peakHeap, bench::heapInUse());
        return size;
    }
};

struct Run
{
    double seconds = 0;
    qint64 peakGrowth = 0;
    qint64 bytes = 0;
    bool ok = false;
};

Run exportRows(const dbs::GatewayTableModel &model, int count, bool sampleHeap)
{
    CountingDevice device;
    device.sampleHeap = sampleHeap;
    const qint64 start = bench::heapInUse();
    device.peakHeap = start;
    QElapsedTimer timer;
    timer.start();
    const dbs::GatewayCsvResult result = dbs::writeGatewaysCsv(
        &device, count, [&model](int row) { return model.gatewayAt(row); }, {});
    Run run;
    run.seconds = timer.nsecsElapsed() / 1e9;
    run.peakGrowth = std::max<qint64>(0, device.peakHeap - start);
    run.bytes = device.bytes;
    run.ok = result.ok && result.rows == count;
    return run;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bench::Size size = bench::parseSize(app, 5);
    const int rows = size.rows;
    const int repeat = size.repeat;

    auto simulator = bench::startSimulator(rows);
    dbs::DbsClient client;
    bench::pointAt(&client, *simulator);
    dbs::GatewayTableModel model(&client);
    if (!bench::loadAll(&model) || model.rowCount() != rows) {
        bench::detail(
            QStringLiteral("loadAll failed: %1 of %2 rows").arg(model.rowCount()).arg(rows));
        return 1;
    }
    QCoreApplication::processEvents();

    std::vector<double> rates;
    Run full;
    for (int i = 0; i < repeat; ++i) {
        full = exportRows(model, rows, false);
        if (!full.ok)
            return 1;
        rates.push_back(rows / full.seconds);
    }
    full = exportRows(model, rows, true);
    const Run tenth = exportRows(model, rows / 10, true);
    if (!full.ok || !tenth.ok)
        return 1;
    bench::detail(QStringLiteral("%1 rows: %2 bytes of CSV").arg(rows).arg(full.bytes));

    const double rate = bench::median(rates);
    bench::report(QStringLiteral("5 CSV export rate (%1 rows)").arg(rows),
                  QStringLiteral("%1 rows/s").arg(rate, 0, 'f', 0),
                  QStringLiteral("500000 rows/s (target)"), rate / 500000,
                  QStringLiteral(">= 500000 rows/s"), rate >= 500000);
    // "Not growing": the peak over N rows within 64 KiB of the peak over N/10.
    const double growth = double(full.peakGrowth) / 1024;
    const double tenthGrowth = double(tenth.peakGrowth) / 1024;
    bench::report(QStringLiteral("5 CSV export peak heap (%1 rows)").arg(rows),
                  QStringLiteral("%1 KiB").arg(growth, 0, 'f', 1),
                  QStringLiteral("%1 KiB at %2 rows").arg(tenthGrowth, 0, 'f', 1).arg(rows / 10),
                  tenthGrowth > 0 ? growth / tenthGrowth : 1,
                  QStringLiteral("no growth with rows (within 64 KiB)"),
                  growth <= tenthGrowth + 64);

    // The workbook: libxlsxwriter compresses as it assembles, so it is slower than CSV.
    CountingDevice workbook;
    QElapsedTimer timer;
    timer.start();
    const dbs::GatewayXlsxResult xlsx = dbs::writeGatewaysXlsx(
        &workbook, rows, [&model](int row) { return model.gatewayAt(row); }, {});
    const double xlsxSeconds = timer.nsecsElapsed() / 1e9;
    if (!xlsx.ok || xlsx.rows != rows)
        return 1;
    bench::detail(QStringLiteral("%1 rows: %2 bytes of xlsx").arg(rows).arg(workbook.bytes));
    const double xlsxRate = rows / xlsxSeconds;
    bench::report(QStringLiteral("5 xlsx export rate (%1 rows)").arg(rows),
                  QStringLiteral("%1 rows/s").arg(xlsxRate, 0, 'f', 0),
                  QStringLiteral("10000 rows/s (target)"), xlsxRate / 10000,
                  QStringLiteral(">= 10000 rows/s"), xlsxRate >= 10000);
    return 0;
}
