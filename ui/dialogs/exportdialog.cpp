#include "exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace dbs {

QString exportScopeName(ExportScope scope)
{
    switch (scope) {
    case ExportScope::All:
        return QStringLiteral("all");
    case ExportScope::Filtered:
        return QStringLiteral("filtered");
    case ExportScope::Selected:
        return QStringLiteral("selected");
    }
    return QStringLiteral("filtered");
}

ExportScope exportScopeFromName(const QString &name, ExportScope fallback)
{
    if (name == QLatin1String("all"))
        return ExportScope::All;
    if (name == QLatin1String("filtered"))
        return ExportScope::Filtered;
    if (name == QLatin1String("selected"))
        return ExportScope::Selected;
    return fallback;
}

QString exportFormatName(ExportFormat format)
{
    return format == ExportFormat::Xlsx ? QStringLiteral("xlsx") : QStringLiteral("csv");
}

ExportFormat exportFormatFromName(const QString &name)
{
    return name == QLatin1String("xlsx") ? ExportFormat::Xlsx : ExportFormat::Csv;
}

namespace {
QString suffixOf(ExportFormat format)
{
    return QLatin1Char('.') + exportFormatName(format);
}
} // namespace

ExportDialog::ExportDialog(QWidget *parent)
    : QDialog(parent), m_allRadio(new QRadioButton(this)), m_filteredRadio(new QRadioButton(this)),
      m_selectedRadio(new QRadioButton(this)), m_scopeNote(new QLabel(this)),
      m_formatCombo(new QComboBox(this)),
      m_bomCheck(
          new QCheckBox(tr("Start with a &byte-order mark (for spreadsheet programs)"), this)),
      m_headerCombo(new QComboBox(this)), m_fileEdit(new QLineEdit(this)),
      m_browseButton(new QPushButton(tr("&Browse…"), this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export Gateways"));
    m_allRadio->setObjectName(QStringLiteral("scopeAllRadio"));
    m_filteredRadio->setObjectName(QStringLiteral("scopeFilteredRadio"));
    m_selectedRadio->setObjectName(QStringLiteral("scopeSelectedRadio"));
    m_scopeNote->setObjectName(QStringLiteral("scopeNoteLabel"));
    m_formatCombo->setObjectName(QStringLiteral("formatCombo"));
    m_formatCombo->addItem(tr("CSV (comma-separated values)"), int(ExportFormat::Csv));
    m_formatCombo->addItem(tr("Excel workbook (.xlsx)"), int(ExportFormat::Xlsx));
    m_bomCheck->setObjectName(QStringLiteral("byteOrderMarkCheck"));
    // On by default (spreadsheet programs need it to read UTF-8); set once here, never again on
    // a count change: the controller restores the remembered choice and the user may untick it.
    m_bomCheck->setChecked(true);
    m_headerCombo->setObjectName(QStringLiteral("headerStyleCombo"));
    m_fileEdit->setObjectName(QStringLiteral("fileEdit"));
    m_browseButton->setObjectName(QStringLiteral("browseButton"));
    m_buttons->setObjectName(QStringLiteral("buttonBox"));

    auto *scopeBox = new QGroupBox(tr("Rows"), this); // child
    scopeBox->setObjectName(QStringLiteral("scopeGroup"));
    auto *scopeLayout = new QVBoxLayout(scopeBox);
    scopeLayout->addWidget(m_allRadio);
    scopeLayout->addWidget(m_filteredRadio);
    scopeLayout->addWidget(m_selectedRadio);
    m_scopeNote->setWordWrap(true);
    m_scopeNote->setText(tr("Nothing is written until every row is in; a cancelled or failed "
                            "export leaves no file behind."));
    scopeLayout->addWidget(m_scopeNote);
    m_filteredRadio->setChecked(true);

    m_headerCombo->addItem(tr("Translated column titles"), false);
    m_headerCombo->addItem(tr("API field names (BackupGatewayId, …)"), true);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(m_browseButton);

    auto *form = new QFormLayout;
    form->addRow(tr("F&ormat:"), m_formatCombo);
    form->addRow(tr("&Headers:"), m_headerCombo);
    form->addRow(QString(), m_bomCheck);
    auto *fileLabel = new QLabel(tr("&File:"), this); // child
    fileLabel->setBuddy(m_fileEdit);
    form->addRow(fileLabel, fileRow);

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scopeBox);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    m_fileChooser = [this](QWidget *parentWidget, const QString &suggested) {
        return QFileDialog::getSaveFileName(parentWidget, tr("Export Gateways"), suggested,
                                            format() == ExportFormat::Xlsx
                                                ? tr("Excel workbooks (*.xlsx);;All files (*)")
                                                : tr("CSV files (*.csv);;All files (*)"));
    };
    m_overwriteConfirmer = [](QWidget *parentWidget, const QString &path) {
        return QMessageBox::question(
                   parentWidget, tr("Replace File"),
                   tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(path)),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
    };

    connect(m_browseButton, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    connect(m_formatCombo, &QComboBox::currentIndexChanged, this, &ExportDialog::onFormatChanged);
    connect(m_fileEdit, &QLineEdit::textChanged, this, &ExportDialog::updateAcceptable);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);

    updateScopeTexts();
    updateAcceptable();
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::setCounts(const ExportCounts &counts)
{
    m_counts = counts;
    updateScopeTexts();
}

void ExportDialog::setScope(ExportScope scope)
{
    if (scope == ExportScope::Selected && !m_selectedRadio->isEnabled())
        scope = ExportScope::Filtered;
    switch (scope) {
    case ExportScope::All:
        m_allRadio->setChecked(true);
        break;
    case ExportScope::Filtered:
        m_filteredRadio->setChecked(true);
        break;
    case ExportScope::Selected:
        m_selectedRadio->setChecked(true);
        break;
    }
}

ExportScope ExportDialog::scope() const
{
    if (m_allRadio->isChecked())
        return ExportScope::All;
    if (m_selectedRadio->isChecked())
        return ExportScope::Selected;
    return ExportScope::Filtered;
}

void ExportDialog::setFormat(ExportFormat format)
{
    m_formatCombo->setCurrentIndex(m_formatCombo->findData(int(format)));
    onFormatChanged(); // also when it was the format already: the suffix follows
}

ExportFormat ExportDialog::format() const
{
    return ExportFormat(m_formatCombo->currentData().toInt());
}

void ExportDialog::onFormatChanged()
{
    // A workbook is UTF-8 by definition: the byte-order mark is CSV's alone.
    m_bomCheck->setEnabled(format() == ExportFormat::Csv);
    // The file's suffix follows the format, so the spreadsheet program picks the right reader.
    QString typed = m_fileEdit->text();
    const QFileInfo info(QDir::fromNativeSeparators(typed.trimmed()));
    const QString suffix = info.suffix().toLower();
    if (suffix == u"csv" || suffix == u"xlsx") {
        typed.truncate(typed.lastIndexOf(u'.'));
        m_fileEdit->setText(typed + suffixOf(format()));
    }
}

void ExportDialog::setByteOrderMark(bool on)
{
    m_bomCheck->setChecked(on);
}

bool ExportDialog::byteOrderMark() const
{
    return m_bomCheck->isChecked();
}

void ExportDialog::setApiHeaders(bool apiNames)
{
    m_headerCombo->setCurrentIndex(m_headerCombo->findData(apiNames));
}

bool ExportDialog::apiHeaders() const
{
    return m_headerCombo->currentData().toBool();
}

void ExportDialog::setFilePath(const QString &path)
{
    m_fileEdit->setText(QDir::toNativeSeparators(path));
}

QString ExportDialog::filePath() const
{
    const QString typed = QDir::fromNativeSeparators(m_fileEdit->text().trimmed());
    if (typed.isEmpty())
        return {};
    // Spreadsheet programs pick the importer by suffix; add one only if there is none.
    const QFileInfo info(typed);
    if (!info.isDir() && info.suffix().isEmpty() && !info.fileName().isEmpty())
        return typed + suffixOf(format());
    return typed;
}

void ExportDialog::setFileChooser(FileChooser chooser)
{
    m_fileChooser = std::move(chooser);
}

void ExportDialog::setOverwriteConfirmer(OverwriteConfirmer confirmer)
{
    m_overwriteConfirmer = std::move(confirmer);
}

void ExportDialog::accept()
{
    const QString path = filePath();
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    if (info.exists() && !info.isDir() && m_overwriteConfirmer && !m_overwriteConfirmer(this, path))
        return;
    QDialog::accept();
}

void ExportDialog::chooseFile()
{
    if (!m_fileChooser)
        return;
    const QString chosen = m_fileChooser(this, filePath());
    if (!chosen.isEmpty())
        setFilePath(chosen);
}

void ExportDialog::updateScopeTexts()
{
    // Counts in parentheses rather than "%n row(s)": right in English for every number
    // without an English numerus translation.
    const QLocale locale;
    const ExportCounts &c = m_counts;

    QString all;
    if (c.allRegions) {
        // Regions come whole: no pages to fetch, but a region that failed is not in the table
        // as it is now, and the file must not pretend otherwise.
        all = c.failedRegions > 0
                  ? tr("Every gateway of every region (%1; regions that could not be read: %2, "
                       "their gateways missing or from an earlier look)")
                        .arg(locale.toString(c.loaded), locale.toString(c.failedRegions))
                  : tr("Every gateway of every region (%1)").arg(locale.toString(c.loaded));
    } else if (c.complete) {
        all = c.lookup ? tr("Every gateway the lookup found (%1)")
                       : tr("Every gateway of the region (%1)");
        all = all.arg(locale.toString(c.loaded));
    } else if (c.total > 0) {
        all = c.lookup
                  ? tr("Every gateway the lookup found (%1; %2 loaded, the rest are fetched "
                       "first)")
                  : tr("Every gateway of the region (%1; %2 loaded, the rest are fetched first)");
        all = all.arg(locale.toString(c.total), locale.toString(c.loaded));
    } else {
        all = c.lookup ? tr("Every gateway the lookup found (every page is fetched first)")
                       : tr("Every gateway of the region (every page is fetched first)");
    }
    m_allRadio->setText(all);

    m_filteredRadio->setText(
        (c.filterPartial
             ? tr("The rows the filter shows (%1 so far; the remaining pages are loaded first)")
             : tr("The rows the filter shows (%1)"))
            .arg(locale.toString(c.filtered)));

    const bool hasSelection = c.selected > 0;
    m_selectedRadio->setText(hasSelection
                                 ? tr("The selected rows (%1)").arg(locale.toString(c.selected))
                                 : tr("The selected rows (none selected)"));
    if (!hasSelection && m_selectedRadio->isChecked())
        m_filteredRadio->setChecked(true);
    m_selectedRadio->setEnabled(hasSelection);
}

void ExportDialog::updateAcceptable()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_fileEdit->text().trimmed().isEmpty());
}

} // namespace dbs
