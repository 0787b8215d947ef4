#include "exportcontroller.h"

#include <export/gatewayxlsx.h>
#include <export/timewords.h>
#include <fleet/regionsweep.h>
#include <models/gatewayfiltermodel.h>
#include <models/gatewaytablemodel.h>
#include <settings/settings.h>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>

namespace dbs {

ExportController::ExportController(GatewayTableModel *model, GatewayFilterModel *filter,
                                   QItemSelectionModel *selection, Settings *settings,
                                   QWidget *window)
    : QObject(window), m_model(model), m_filter(filter), m_selection(selection),
      m_settings(settings), m_window(window)
{
    Q_ASSERT(m_model && m_filter && m_settings);
}

ExportController::~ExportController()
{
    // A load still running for us is the model's to finish; only our progress dialog goes.
    delete m_progress;
}

void ExportController::run()
{
    if (m_progress) {
        m_progress->raise();
        m_progress->activateWindow();
        return;
    }
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    openDialog(nullptr);
}

void ExportController::cancel()
{
    if (!m_progress)
        return;
    endLoading();
    m_model->cancelLoadAll();
    Q_EMIT cancelled();
}

bool ExportController::isBusy() const
{
    return m_progress || m_dialog;
}

ExportCounts ExportController::counts() const
{
    ExportCounts c;
    c.loaded = m_model->rowCount();
    c.total = m_model->totalElements();
    c.complete = m_model->isComplete();
    c.lookup = !m_model->query().identifier.isEmpty();
    c.filtered = m_filter->rowCount();
    c.filterPartial = m_filter->isPartial();
    c.selected = int(selectedProxyRows().size());
    if (const RegionSweep *sweep = m_model->regionSweep()) {
        c.allRegions = true;
        c.failedRegions = sweep->failedCount();
    }
    return c;
}

ExportDialog *ExportController::dialog() const
{
    return m_dialog;
}

QProgressDialog *ExportController::progressDialog() const
{
    return m_progress;
}

QMessageBox *ExportController::errorBox() const
{
    return m_errorBox;
}

void ExportController::setFileChooser(ExportDialog::FileChooser chooser)
{
    m_fileChooser = std::move(chooser);
    if (m_dialog)
        m_dialog->setFileChooser(m_fileChooser);
}

void ExportController::setOverwriteConfirmer(ExportDialog::OverwriteConfirmer confirmer)
{
    m_overwriteConfirmer = std::move(confirmer);
    if (m_dialog)
        m_dialog->setOverwriteConfirmer(m_overwriteConfirmer);
}

void ExportController::openDialog(const Request *previous)
{
    auto *dialog = new ExportDialog(m_window); // owned by m_window; deletes itself on close
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    if (m_fileChooser)
        dialog->setFileChooser(m_fileChooser);
    if (m_overwriteConfirmer)
        dialog->setOverwriteConfirmer(m_overwriteConfirmer);
    m_dialog = dialog;
    refreshCounts();

    if (previous) {
        dialog->setScope(previous->scope);
        dialog->setByteOrderMark(previous->options.byteOrderMark);
        dialog->setApiHeaders(previous->options.apiHeaders);
        dialog->setFilePath(previous->path);
        dialog->setFormat(previous->format);
    } else {
        dialog->setScope(
            exportScopeFromName(m_settings->value(Settings::Key::ExportScope).toString()));
        dialog->setByteOrderMark(m_settings->value(Settings::Key::ExportByteOrderMark).toBool());
        dialog->setApiHeaders(m_settings->value(Settings::Key::ExportApiHeaders).toBool());
        dialog->setFilePath(suggestedPath());
        dialog->setFormat(
            exportFormatFromName(m_settings->value(Settings::Key::ExportFormat).toString()));
    }

    // Pages keep arriving (the view prefetches) and the selection may change behind a
    // window-modal dialog: the counts follow, so what is shown is what gets written.
    const auto refresh = [this] { refreshCounts(); };
    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_model),
                                      static_cast<QAbstractItemModel *>(m_filter)}) {
        connect(model, &QAbstractItemModel::rowsInserted, dialog, refresh);
        connect(model, &QAbstractItemModel::rowsRemoved, dialog, refresh);
        connect(model, &QAbstractItemModel::modelReset, dialog, refresh);
        connect(model, &QAbstractItemModel::layoutChanged, dialog, refresh);
    }
    connect(m_model, &GatewayTableModel::progress, dialog, refresh);
    connect(m_model, &GatewayTableModel::completed, dialog, refresh);
    connect(m_filter, &GatewayFilterModel::partialChanged, dialog, refresh);
    if (m_selection)
        connect(m_selection, &QItemSelectionModel::selectionChanged, dialog, refresh);

    // finished() comes before accepted(): hand the dialog over rather than read m_dialog.
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        if (m_dialog == dialog)
            m_dialog = nullptr; // deleted later; a new run() opens a fresh one
    });
    connect(dialog, &QDialog::accepted, this, [this, dialog] { onDialogAccepted(dialog); });
    connect(dialog, &QDialog::rejected, this, &ExportController::cancelled);
    dialog->open();
}

void ExportController::refreshCounts()
{
    if (m_dialog)
        m_dialog->setCounts(counts());
}

void ExportController::onDialogAccepted(ExportDialog *dialog)
{
    m_request.scope = dialog->scope();
    m_request.format = dialog->format();
    m_request.options.byteOrderMark = dialog->byteOrderMark();
    m_request.options.apiHeaders = dialog->apiHeaders();
    m_request.path = dialog->filePath();

    m_settings->setValue(Settings::Key::ExportScope, exportScopeName(m_request.scope));
    m_settings->setValue(Settings::Key::ExportFormat, exportFormatName(m_request.format));
    m_settings->setValue(Settings::Key::ExportByteOrderMark, m_request.options.byteOrderMark);
    m_settings->setValue(Settings::Key::ExportApiHeaders, m_request.options.apiHeaders);
    m_settings->setValue(Settings::Key::ExportDirectory, QFileInfo(m_request.path).absolutePath());

    if (needsLoading(m_request.scope))
        startLoading();
    else
        write();
}

bool ExportController::needsLoading(ExportScope scope) const
{
    switch (scope) {
    case ExportScope::All:
        return !m_model->isComplete();
    // A filter or sort over partly loaded rows would export a subset that merely looks whole.
    case ExportScope::Filtered:
        return m_filter->isPartial();
    case ExportScope::Selected:
        return false;
    }
    return false;
}

void ExportController::startLoading()
{
    auto *progress = new QProgressDialog(m_window); // owned by m_window until endLoading()
    progress->setObjectName(QStringLiteral("exportProgressDialog"));
    progress->setWindowTitle(tr("Export"));
    progress->setLabelText(tr("Fetching the remaining gateways before writing…"));
    auto *cancelButton = new QPushButton(tr("Cancel"), progress); // handed to the dialog
    cancelButton->setObjectName(QStringLiteral("cancelButton"));
    progress->setCancelButton(cancelButton);
    progress->setWindowModality(Qt::WindowModal);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setMinimumDuration(0);
    // Our own bar, driven directly: QProgressDialog::setValue() on a modal dialog runs a nested
    // event loop, in which the last page could finish (and delete) the dialog under our feet.
    auto *bar = new QProgressBar(progress); // handed to the dialog
    bar->setObjectName(QStringLiteral("exportProgressBar"));
    progress->setBar(bar);
    const int total = m_model->totalElements();
    bar->setRange(0, total > 0 ? total : 0); // 0..0: busy indicator until TOTAL is known
    bar->setValue(total > 0 ? std::min(m_model->rowCount(), total) : 0);
    m_progress = progress;
    m_progressBar = bar;

    connect(progress, &QProgressDialog::canceled, this, &ExportController::cancel);
    connect(m_model, &GatewayTableModel::progress, progress,
            [this](int loaded, int total) { onLoadProgress(loaded, total); });
    connect(m_model, &GatewayTableModel::completed, progress, [this] { finishLoading(); });
    connect(m_model, &GatewayTableModel::errorOccurred, progress,
            [this](const ApiError &error) { onLoadError(error); });
    connect(m_model, &GatewayTableModel::queryReset, progress, [this] {
        endLoading();
        fail(tr("The region or the lookup changed while the rows were loading, so nothing "
                "was exported."));
    });
    // Loading that stops short without an error (someone cancelled it) must not leave the
    // progress dialog up for ever. Checked a moment later, because a failed page stops the
    // loading just before errorOccurred() brings the reason.
    connect(m_model, &GatewayTableModel::loadingChanged, progress, [this](bool loading) {
        if (loading)
            return;
        QTimer::singleShot(0, m_progress, [this] {
            if (!m_progress || m_model->isLoading())
                return;
            if (m_model->isComplete()) {
                finishLoading();
                return;
            }
            endLoading();
            fail(tr("Loading stopped before every page was in, so nothing was exported."));
        });
    });
    progress->open();
    m_model->loadAll();
    if (m_progress && m_model->isComplete()) // nothing was left after all
        finishLoading();
}

void ExportController::onLoadProgress(int loaded, int total)
{
    if (!m_progress || !m_progressBar)
        return;
    if (total > 0 && m_progressBar->maximum() != total)
        m_progressBar->setMaximum(total);
    m_progressBar->setValue(std::min(loaded, std::max(total, 0)));
    m_progress->setLabelText(tr("Fetching the remaining gateways before writing: %1 of %2")
                                 .arg(QLocale().toString(loaded), QLocale().toString(total)));
}

void ExportController::onLoadError(const ApiError &error)
{
    if (!m_progress)
        return;
    endLoading();
    m_model->cancelLoadAll();
    fail(tr("The remaining gateways could not be loaded, so nothing was exported.\n%1")
             .arg(error.summary()));
}

void ExportController::finishLoading()
{
    if (!m_progress)
        return;
    endLoading();
    write();
}

void ExportController::endLoading()
{
    QProgressDialog *progress = m_progress;
    m_progress = nullptr;
    if (!progress)
        return;
    // Closing a progress dialog emits canceled(): cut every connection before it goes.
    disconnect(progress, nullptr, this, nullptr);
    disconnect(m_model, nullptr, progress, nullptr);
    progress->reset(); // stops its show-later timer, so it cannot pop up again
    progress->hide();
    progress->deleteLater(); // we may be inside its canceled() signal
}

void ExportController::write()
{
    const QString path = m_request.path;
    const QString shown = QDir::toNativeSeparators(path);
    QSaveFile file(path); // an uncommitted QSaveFile removes its temporary file
    if (!file.open(QIODevice::WriteOnly)) {
        fail(tr("%1 could not be created: %2").arg(shown, file.errorString()));
        return;
    }

    int count = 0;
    std::function<BackupGateway(int)> rowAt;
    switch (m_request.scope) {
    case ExportScope::All:
        count = m_model->rowCount();
        rowAt = [this](int row) { return m_model->gatewayAt(row); };
        break;
    case ExportScope::Filtered:
        count = m_filter->rowCount();
        rowAt = [this](int row) {
            return m_model->gatewayAt(m_filter->mapToSource(m_filter->index(row, 0)).row());
        };
        break;
    case ExportScope::Selected: {
        const QList<int> rows = selectedProxyRows();
        count = int(rows.size());
        const bool overFilter = m_selection && m_selection->model() == m_filter;
        rowAt = [this, rows, overFilter](int i) {
            const int row = rows.at(i);
            return m_model->gatewayAt(
                overFilter ? m_filter->mapToSource(m_filter->index(row, 0)).row() : row);
        };
        break;
    }
    }

    // Synchronous on purpose: no event is processed while writing, so the model cannot change
    // under the loop; even 100,000 rows take well under a second.
    GatewayCsvResult result;
    if (m_request.format == ExportFormat::Xlsx) {
        GatewayXlsxOptions options;
        options.apiHeaders = m_request.options.apiHeaders;
        options.accountColumn = m_model->isAllAccounts();
        result = writeGatewaysXlsx(&file, count, rowAt, options);
    } else {
        GatewayCsvOptions options = m_request.options;
        options.accountColumn = m_model->isAllAccounts();
        result = writeGatewaysCsv(&file, count, rowAt, options);
    }
    if (!result.ok) {
        // QSaveFile reports the first failed write as "Unknown error"; a flush brings the
        // system's reason ("No space left on device").
        file.flush();
        const QString reason =
            file.error() != QFileDevice::NoError ? file.errorString() : result.error;
        file.cancelWriting();
        fail(tr("%1 could not be written: %2").arg(shown, reason));
        return;
    }
    // commit() is where a full disk shows up: the data is flushed and renamed into place.
    if (!file.commit()) {
        fail(tr("%1 could not be saved: %2").arg(shown, file.errorString()));
        return;
    }
    Q_EMIT exported(path, result.rows);
}

void ExportController::fail(const QString &message)
{
    Q_EMIT failed(message);
    if (m_errorBox)
        m_errorBox->close();

    auto *box = new QMessageBox(m_window); // owned by m_window; deletes itself on close
    box->setObjectName(QStringLiteral("exportErrorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->setIcon(QMessageBox::Warning);
    box->setWindowTitle(tr("Export Failed"));
    QString text = tr("The export failed; no file was written.");
    if (QFileInfo::exists(m_request.path))
        text += u' ' + tr("The existing file was left unchanged.");
    box->setText(text);
    box->setInformativeText(message);
    QPushButton *retry = box->addButton(tr("Choose Another File…"), QMessageBox::AcceptRole);
    retry->setObjectName(QStringLiteral("retryButton"));
    box->addButton(QMessageBox::Close)->setObjectName(QStringLiteral("closeButton"));
    box->setDefaultButton(retry);
    m_errorBox = box;
    // The same choices come back, so nothing the user picked is lost.
    connect(retry, &QPushButton::clicked, this, [this] { openDialog(&m_request); });
    box->open();
}

QList<int> ExportController::selectedProxyRows() const
{
    QList<int> rows;
    if (!m_selection)
        return rows;
    // Rows from ranges, not selectedRows(): those would miss rows selected cell by cell.
    QSet<int> seen;
    const QItemSelection selection = m_selection->selection();
    for (const QItemSelectionRange &range : selection) {
        if (!range.isValid() || range.parent().isValid())
            continue;
        for (int row = range.top(); row <= range.bottom(); ++row) {
            if (!seen.contains(row)) {
                seen.insert(row);
                rows.append(row);
            }
        }
    }
    std::sort(rows.begin(), rows.end()); // the view's order
    return rows;
}

QString ExportController::suggestedPath() const
{
    QString directory = m_settings->value(Settings::Key::ExportDirectory).toString();
    if (directory.isEmpty() || !QFileInfo(directory).isDir())
        directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    // A fresh account may have no Documents folder yet (Qt names it all the same): the home
    // folder then, which always is there.
    if (directory.isEmpty() || !QFileInfo(directory).isDir())
        directory = QDir::homePath();
    QString region = m_model->query().region;
    if (region.isEmpty())
        region = QStringLiteral("gateways");
    const QString name =
        QStringLiteral("dbs-gateways-%1-%2.csv")
            .arg(region, timewords::fileStamp(QDateTime::currentMSecsSinceEpoch()));
    return QDir(directory).filePath(name);
}

} // namespace dbs
