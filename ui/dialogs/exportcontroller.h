#pragma once

#include "exportdialog.h"

#include <export/gatewaycsv.h>

#include <QItemSelectionModel>
#include <QList>
#include <QObject>
#include <QPointer>

class QMessageBox;
class QProgressBar;
class QProgressDialog;
class QWidget;

namespace dbs {

class GatewayFilterModel;
class GatewayTableModel;
class Settings;
struct ApiError;

// Export CSV or an Excel workbook from the window: asks for the choices (ExportDialog), fetches the
// remaining pages first when the scope needs them (progress, Cancel), then writes through QSaveFile
// so that a failed or cancelled export leaves no file. Every dialog is opened window-modal with
// open(), never exec(), so the window keeps painting and tests can answer them by objectName.
class ExportController final : public QObject
{
    Q_OBJECT
public:
    // None owned; all must outlive the controller. `selection` is over `filter`.
    ExportController(GatewayTableModel *model, GatewayFilterModel *filter,
                     QItemSelectionModel *selection, Settings *settings, QWidget *window);
    ~ExportController() override;

    // Opens the export dialog (or raises the one already open, or the load in progress).
    void run();
    // Stops a load in progress; nothing is written.
    void cancel();
    bool isBusy() const;

    // The row counts each scope has now, as the dialog shows them.
    ExportCounts counts() const;

    // For tests: the open dialogs (null when none), and seams for the modal questions.
    ExportDialog *dialog() const;
    QProgressDialog *progressDialog() const;
    QMessageBox *errorBox() const;
    void setFileChooser(ExportDialog::FileChooser chooser);
    void setOverwriteConfirmer(ExportDialog::OverwriteConfirmer confirmer);

Q_SIGNALS:
    void exported(const QString &path, int rows);
    void failed(const QString &message); // also shown in a message box
    void cancelled();                    // the dialog or the load was cancelled

private:
    struct Request
    {
        ExportScope scope = ExportScope::Filtered;
        ExportFormat format = ExportFormat::Csv;
        GatewayCsvOptions options; // the header style also for xlsx
        QString path;
    };

    void openDialog(const Request *previous);
    void refreshCounts();
    void onDialogAccepted(ExportDialog *dialog);
    void startLoading();
    void onLoadProgress(int loaded, int total);
    void onLoadError(const ApiError &error);
    void finishLoading();
    void endLoading();
    void write();
    void fail(const QString &message);
    QList<int> selectedProxyRows() const;
    QString suggestedPath() const;
    bool needsLoading(ExportScope scope) const;

    GatewayTableModel *m_model;                // not owned
    GatewayFilterModel *m_filter;              // not owned
    QPointer<QItemSelectionModel> m_selection; // not owned; a view may replace its own
    Settings *m_settings;                      // not owned
    QWidget *m_window;                         // not owned; parent of the dialogs
    QPointer<ExportDialog> m_dialog;           // owned by m_window, deletes itself on close
    QPointer<QProgressDialog> m_progress;      // owned by m_window while loading
    QPointer<QProgressBar> m_progressBar;      // owned by m_progress
    QPointer<QMessageBox> m_errorBox;          // owned by m_window, deletes itself on close
    ExportDialog::FileChooser m_fileChooser;
    ExportDialog::OverwriteConfirmer m_overwriteConfirmer;
    Request m_request; // the choices of the export under way (or the last one)
};

} // namespace dbs
