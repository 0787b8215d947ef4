#include "listcommand.h"

#include "requestlogline.h"
#include "standardoutput.h"
#include <api/gatewayfields.h>
#include <export/csvwriter.h>
#include <export/gatewaycsv.h>
#include <export/gatewayxlsx.h>
#include <export/jsonarraywriter.h>
#include <export/textformat.h>
#include <export/timewords.h>
#include <fleet/regionsweep.h>

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>

#include <unistd.h>

namespace dbs {

namespace {
QStringList headerRow(const QList<GatewayField> &columns)
{
    QStringList cells;
    for (GatewayField field : columns)
        cells.append(apiFieldName(field));
    return cells;
}

QStringList rawRow(const BackupGateway &gateway, const QList<GatewayField> &columns)
{
    QStringList cells;
    for (GatewayField field : columns)
        cells.append(fieldText(gateway, field));
    return cells;
}

// For a terminal: times as ISO-8601 UTC, empty values as "-", nothing the terminal would obey.
QStringList tableRow(const BackupGateway &gateway, const QList<GatewayField> &columns)
{
    QStringList cells;
    for (GatewayField field : columns) {
        QString text;
        if (isTimeField(field)) {
            text = timewords::utcIso(fieldValue(gateway, field).toLongLong());
        } else {
            text = visibleText(fieldText(gateway, field));
        }
        cells.append(text.isEmpty() ? QStringLiteral("-") : text);
    }
    return cells;
}

} // namespace

ListCommand::ListCommand(const ListOptions &options, const SignInSpec &signIn, QIODevice *out,
                         QIODevice *err, QObject *parent)
    : QObject(parent), m_options(options), m_client(new DbsClient(this)), m_stdout(out),
      m_stderr(err)
{
    setUpCommandClient(m_client, signIn, options.client, options.signIn, m_stderr, options.verbose);
    if (options.regions.isEmpty()) {
        m_job = new PagePipeline(m_client, options.query, options.concurrency, this);
        connect(m_job, &PagePipeline::rowsReady, this, &ListCommand::onRows);
        connect(m_job, &PagePipeline::finished, this, [this] { onFinished(); });
        connect(m_job, &PagePipeline::failed, this, &ListCommand::onFailed);
    } else {
        m_sweep = new RegionSweep(m_client, options.regions, options.query, this);
        m_sweep->setPageConcurrency(options.concurrency);
        connect(m_sweep, &RegionSweep::finished, this, &ListCommand::onSweepFinished);
    }
}

ListCommand::~ListCommand()
{
    // Children go in creation order, the client first; the job must cancel its calls while
    // the client is still there.
    delete m_job;
    delete m_sweep;
}

void ListCommand::start()
{
    if (m_options.verbose) {
        m_stderr->write(
            tr("credentials: %1\n").arg(m_client->credentialProvider()->description()).toUtf8());
    }
    // Standard output by another name is standard output (so `>>` still appends). A file that
    // is not a regular one (a named pipe, a device, /dev/fd/N) cannot be replaced atomically:
    // it is written directly, appended to, once the list is complete, like standard output.
    if (!m_options.outputPath.isEmpty() && isStandardOutput(m_options.outputPath))
        m_options.outputPath.clear();
    // A workbook is binary: never onto a terminal, and standard output usually is one.
    if (m_options.format == OutputFormat::Xlsx && m_options.outputPath.isEmpty()) {
        refuse(tr("dbs-gateways: --format xlsx writes a file: give it with --output FILE\n"));
        return;
    }
    const QFileInfo target(m_options.outputPath);
    const bool special = m_options.outputPath.startsWith(QLatin1String("/dev/")) ||
                         m_options.outputPath.startsWith(QLatin1String("/proc/"));
    if (!m_options.outputPath.isEmpty() && target.exists() && (special || !target.isFile())) {
        m_direct.reset(new QFile(m_options.outputPath));
        if (!m_direct->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
            m_stderr->write(tr("dbs-gateways: cannot write %1: %2\n")
                                .arg(m_options.outputPath, m_direct->errorString())
                                .toUtf8());
            QMetaObject::invokeMethod(
                this, [this] { finish(1); }, Qt::QueuedConnection);
            return;
        }
        if (m_options.format == OutputFormat::Xlsx && ::isatty(m_direct->handle())) {
            refuse(tr("dbs-gateways: %1 is a terminal; --format xlsx writes a workbook, which "
                      "is no text\n")
                       .arg(m_options.outputPath));
            return;
        }
        m_stdout = m_direct.get();
    }
    if (m_options.outputPath.isEmpty() || m_direct) {
        // json and csv are held back (as bytes, not rows) so that a failure leaves no partial
        // document on standard output; the table needs every row anyway.
        if (m_options.format == OutputFormat::Table) {
            m_output = m_stdout;
        } else {
            // In a temporary file, so that memory stays flat whatever the size of the fleet
            // (the inventory is no secret); in memory only when no temporary file can be made.
            auto *spill = new QTemporaryFile;
            m_pending.reset(spill);
            if (!spill->open()) {
                m_pending.reset(new QBuffer);
                m_pending->open(QIODevice::ReadWrite);
            }
            m_output = m_pending.get();
        }
    } else {
        m_file.reset(new QSaveFile(m_options.outputPath));
        if (!m_file->open(QIODevice::WriteOnly)) {
            m_stderr->write(tr("dbs-gateways: cannot write %1: %2\n")
                                .arg(m_options.outputPath, m_file->errorString())
                                .toUtf8());
            QMetaObject::invokeMethod(
                this, [this] { finish(1); }, Qt::QueuedConnection);
            return;
        }
        m_output = m_file.get();
    }
    switch (m_options.format) {
    case OutputFormat::Csv:
        if (m_options.spreadsheet) {
            m_sheet.reset(new GatewayCsvWriter(m_output, GatewayCsvOptions()));
        } else {
            m_csv.reset(new CsvWriter(m_output));
            m_csv->writeRow(headerRow(m_options.columns));
        }
        break;
    case OutputFormat::Json:
        m_json.reset(new JsonArrayWriter(m_output));
        break;
    case OutputFormat::Table:
        m_tableRows.append(headerRow(m_options.columns));
        break;
    case OutputFormat::Xlsx:
        // The browser's export: translated titles, every field.
        m_xlsx.reset(new GatewayXlsxWriter(m_output, GatewayXlsxOptions()));
        break;
    }
    if (m_job)
        m_job->fetchAll();
    else
        m_sweep->start();
}

void ListCommand::onRows(const QVector<BackupGateway> &rows)
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    for (const BackupGateway &gateway : rows) {
        if (!m_options.filter.matches(gateway, nowMs))
            continue;
        switch (m_options.format) {
        case OutputFormat::Csv:
            if (m_sheet)
                m_sheet->write(gateway);
            else
                m_csv->writeRow(rawRow(gateway, m_options.columns));
            break;
        case OutputFormat::Json:
            m_json->write(gateway);
            break;
        case OutputFormat::Table:
            m_tableRows.append(tableRow(gateway, m_options.columns));
            break;
        case OutputFormat::Xlsx:
            m_xlsx->write(gateway);
            break;
        }
    }
}

void ListCommand::onSweepFinished()
{
    const int failed = m_sweep->failedCount();
    for (const QString &region : m_options.regions) {
        const RegionResult result = m_sweep->result(region);
        if (result.state == RegionResult::State::Failed)
            m_stderr->write(
                ("dbs-gateways: " + region + ": " + visibleText(result.error.summary()) + u'\n')
                    .toUtf8());
    }
    if (failed == m_options.regions.size()) {
        ApiError error;
        error.kind = ApiError::Kind::Service;
        error.message = tr("no region could be listed");
        onFailed(error);
        return;
    }
    onRows(m_sweep->mergedGateways()); // a failed region has none
    if (failed > 0) {
        m_stderr->write(
            tr("dbs-gateways: partial list: %n region(s) failed\n", nullptr, failed).toUtf8());
    }
    onFinished(failed > 0 ? partialExitCode : 0);
}

void ListCommand::refuse(const QString &message)
{
    m_stderr->write(message.toUtf8());
    QMetaObject::invokeMethod(
        this, [this] { finish(1); }, Qt::QueuedConnection);
}

void ListCommand::onFinished(int exitCode)
{
    bool written = true;
    bool quiet = false; // the reader went away: said by no Unix tool
    if (m_json)
        written = m_json->finish();
    else if (m_sheet)
        written = m_sheet->finish();
    else if (m_xlsx)
        written = m_xlsx->finish();
    else if (m_csv)
        written = m_csv->ok();
    else
        written =
            writeAll(m_output, alignedTable(fitTable(m_tableRows, m_options.tableWidth)), &quiet);
    if (m_file) {
        // A writer that failed before its first byte (a workbook over its row limit) leaves
        // nothing QSaveFile would refuse: the old file stays, not an empty one.
        if (!written)
            m_file->cancelWriting();
        written = m_file->commit() && written;
    }
    if (m_pending && written) {
        m_json.reset(); // they point at the spill; their last bytes are in by now
        m_csv.reset();
        m_sheet.reset();
        m_xlsx.reset();
        written = m_pending->seek(0);
        QByteArray chunk;
        while (written && !m_pending->atEnd()) {
            chunk = m_pending->read(1024 * 1024);
            written = !chunk.isEmpty() && writeAll(m_stdout, chunk, &quiet);
        }
        m_output = m_stdout;
        m_pending.reset();
    }
    if (!written) {
        if (!quiet) {
            QString reason = m_file ? m_file->errorString() : m_stdout->errorString();
            if (m_xlsx && !m_xlsx->ok())
                reason = m_xlsx->errorString(); // the workbook's own reason (too many rows)
            m_stderr->write(tr("dbs-gateways: cannot write the output: %1\n").arg(reason).toUtf8());
        }
        finish(1);
        return;
    }
    finish(exitCode);
}

void ListCommand::onFailed(const ApiError &error)
{
    if (m_file)
        m_file->cancelWriting();
    m_output = nullptr;
    m_json.reset(); // they may point at the buffer
    m_csv.reset();
    m_sheet.reset();
    m_xlsx.reset();
    m_pending.reset(); // nothing of an incomplete list reaches standard output
    m_stderr->write(("dbs-gateways: " + visibleText(error.summary()) + u'\n').toUtf8());
    finish(1);
}

void ListCommand::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT done(exitCode);
}

} // namespace dbs
