#pragma once

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace dbs {

// Which rows an export writes. The names are what Settings::Key::ExportScope stores.
enum class ExportScope { All, Filtered, Selected };
QString exportScopeName(ExportScope scope); // "all", "filtered", "selected"
ExportScope exportScopeFromName(const QString &name, ExportScope fallback = ExportScope::Filtered);

// What an export writes. The names are what Settings::Key::ExportFormat stores.
enum class ExportFormat { Csv, Xlsx };
QString exportFormatName(ExportFormat format); // "csv", "xlsx"
ExportFormat exportFormatFromName(const QString &name);

// How many rows each scope holds right now, so the dialog can show them before anything is
// written.
struct ExportCounts
{
    int loaded = 0;       // rows of the region loaded so far
    int total = 0;        // TotalElements from the service (0: not known yet)
    bool complete = true; // every page is in
    bool lookup = false;  // an Identifier lookup is active: "all" means all of its results
    int filtered = 0;
    bool filterPartial = false; // a filter or sort is active and pages remain
    int selected = 0;
    bool allRegions = false; // the table holds every region ("All regions")
    int failedRegions = 0;   // of those, how many could not be read at the last look
};

// The export choices: scope, byte-order mark, header style, file. Knows nothing about models;
// the controller feeds it counts and reads the choices back.
class ExportDialog final : public QDialog
{
    Q_OBJECT
public:
    // Returns the chosen path, or an empty string when the user cancelled.
    using FileChooser = std::function<QString(QWidget *parent, const QString &suggested)>;
    // Returns true when an existing file may be replaced.
    using OverwriteConfirmer = std::function<bool(QWidget *parent, const QString &path)>;

    explicit ExportDialog(QWidget *parent = nullptr);
    ~ExportDialog() override;

    void setCounts(const ExportCounts &counts);
    ExportCounts counts() const { return m_counts; }

    void setScope(ExportScope scope); // a disabled scope (no selection) falls back to Filtered
    ExportScope scope() const;
    void setFormat(ExportFormat format); // changes the file's suffix to the format's
    ExportFormat format() const;
    void setByteOrderMark(bool on);
    bool byteOrderMark() const;
    void setApiHeaders(bool apiNames);
    bool apiHeaders() const;
    void setFilePath(const QString &path);
    QString filePath() const; // as typed, with ".csv" or ".xlsx" added when it has no suffix

    // Seams for tests (and other platforms' pickers); the defaults use QFileDialog/QMessageBox.
    void setFileChooser(FileChooser chooser);
    void setOverwriteConfirmer(OverwriteConfirmer confirmer);

    void accept() override;

private:
    void chooseFile();
    void updateScopeTexts();
    void updateAcceptable();
    void onFormatChanged();

    ExportCounts m_counts;
    FileChooser m_fileChooser;
    OverwriteConfirmer m_overwriteConfirmer;
    QRadioButton *m_allRadio;      // child
    QRadioButton *m_filteredRadio; // child
    QRadioButton *m_selectedRadio; // child
    QLabel *m_scopeNote;           // child
    QComboBox *m_formatCombo;      // child
    QCheckBox *m_bomCheck;         // child
    QComboBox *m_headerCombo;      // child
    QLineEdit *m_fileEdit;         // child
    QPushButton *m_browseButton;   // child
    QDialogButtonBox *m_buttons;   // child
};

} // namespace dbs
