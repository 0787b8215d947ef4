#pragma once

#include <api/dbsclient.h>
#include <api/gatewayfields.h>
#include <api/pagepipeline.h>
#include <fleet/statusfilter.h>
#include <signin/signin.h>

#include <QObject>
#include <QScopedPointer>

class QBuffer;
class QFile;
class QIODevice;
class QSaveFile;

namespace dbs {

class CsvWriter;
class GatewayCsvWriter;
class GatewayXlsxWriter;
class JsonArrayWriter;
class RegionSweep;

// Exit status of a listing over several regions where some, not all, failed: the output holds
// every gateway of the regions that answered, and stderr names the others.
inline constexpr int partialExitCode = 3;

enum class OutputFormat { Json, Csv, Table, Xlsx };

struct ListOptions
{
    PageQuery query; // its region is the one region; see `regions`
    // Several regions (`--region all`): listed at once (RegionSweep), output region by region
    // in this order, each gateway once. Empty: query.region alone.
    QStringList regions;
    StatusFilter filter;                              // --status / --stale-after
    QList<GatewayField> columns = allGatewayFields(); // csv and table; json, xlsx: every field
    ClientOptions client;
    SignInOptions signIn;                      // where STS and instance metadata are
    int concurrency = defaultFetchConcurrency; // pages in flight per region
    OutputFormat format = OutputFormat::Json;
    // csv for a spreadsheet: the browser's export format (byte-order mark, translated titles,
    // formula-like cells neutralised, ISO-8601 UTC beside each time), every field.
    bool spreadsheet = false;
    QString outputPath; // empty: standard output (not for xlsx: a workbook is no text)
    int tableWidth = 0; // table: fit this many terminal cells (fitTable); 0: every column whole
    bool verbose = false;
};

// `dbs-gateways list`: every gateway of a region. A file is streamed through QSaveFile as
// pages arrive, so a failed run leaves none behind; standard output gets the serialized bytes
// only once the list is complete, so a failed run prints nothing there either.
class ListCommand final : public QObject
{
    Q_OBJECT
public:
    // Signs in as `signIn` says, renewing temporary keys as they run out. `out` and `err` are
    // owned by the caller and outlive the command.
    ListCommand(const ListOptions &options, const SignInSpec &signIn, QIODevice *out,
                QIODevice *err, QObject *parent = nullptr);
    ~ListCommand() override;

    void start();

Q_SIGNALS:
    void done(int exitCode);

private:
    void onRows(const QVector<BackupGateway> &rows);
    void onSweepFinished();
    void onFinished(int exitCode = 0);
    void onFailed(const ApiError &error);
    void finish(int exitCode);
    void refuse(const QString &message); // says it on stderr and finishes with 1

    ListOptions m_options;
    DbsClient *m_client;            // child
    PagePipeline *m_job = nullptr;  // child; deleted before m_client (see the destructor)
    RegionSweep *m_sweep = nullptr; // child, instead of m_job for several regions; likewise
    QIODevice *m_stdout;            // not owned (or m_direct)
    QIODevice *m_stderr;            // not owned
    QScopedPointer<QSaveFile> m_file;
    QScopedPointer<QFile> m_direct; // --output that is not a regular file; then m_stdout
    // stdout's bytes until the list is complete: a temporary file (a QBuffer if none can be
    // made)
    QScopedPointer<QIODevice> m_pending;
    QIODevice *m_output = nullptr; // m_file, m_pending or m_stdout; not owned
    QScopedPointer<CsvWriter> m_csv;
    QScopedPointer<GatewayCsvWriter> m_sheet; // csv --spreadsheet
    QScopedPointer<GatewayXlsxWriter> m_xlsx;
    QScopedPointer<JsonArrayWriter> m_json;
    QList<QStringList> m_tableRows; // the table needs every row to align columns
    bool m_finished = false;
};

} // namespace dbs
