#include "mainwindow.h"

#include "accountclients.h"
#include "browsecontroller.h"
#include "connectioncontroller.h"
#include "gatewaystatusbar.h"
#include <ui/fleet/fleetcontroller.h>
#include <ui/fleet/regionfailurebanner.h>
#include <ui/fleet/regionstrip.h>
#include <ui/fleet/summarystrip.h>
#include <ui/query/accountpicker.h>
#include <ui/query/identifierlookup.h>
#include <ui/query/querytoolbar.h>
#include <ui/query/regionpicker.h>
#include <ui/query/statusfilterbutton.h>
#include <ui/table/detailpane.h>
#include <ui/table/gatewaytableview.h>
#include <ui/widgets/errorbanner.h>
#include <ui/widgets/messagebanner.h>
#include <ui/widgets/resources.h>

#include <api/dbsclient.h>
#include <api/endpoints.h>
#include <api/gatewayfields.h>
#include <export/textformat.h>
#include <export/timewords.h>
#include <models/gatewayfiltermodel.h>
#include <models/gatewaytablemodel.h>
#include <settings/settings.h>
#include <ui/dialogs/credentialscontroller.h>
#include <ui/dialogs/exportcontroller.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace dbs {

namespace {
// Ages read in minutes; a tick every few seconds keeps "just now" and "12 s ago" honest.
constexpr int clockTickMs = 5000;
} // namespace

MainWindow::MainWindow(DbsClient *client, Settings *settings, QWidget *parent)
    : QMainWindow(parent), m_client(client), m_settings(settings),
      m_model(new GatewayTableModel(client, this)), m_filter(new GatewayFilterModel(this))
{
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/dbs-gateway-browser.svg")));
    m_model->setNowMs(currentTimeMs());
    m_filter->setGatewayModel(m_model);

    m_toolBar = new QueryToolBar(this);
    addToolBar(Qt::TopToolBarArea, m_toolBar);
    m_statusBar = new GatewayStatusBar(this);
    setStatusBar(m_statusBar);
    createCentralArea();

    m_credentials = new CredentialsController(m_settings, this);
    m_connection = new ConnectionController(m_client, m_settings, m_credentials, this);
    m_browse = new BrowseController(m_model, m_filter, m_settings, m_toolBar, this);
    m_accountClients = new AccountClients(m_client, m_credentials, this);
    m_export = new ExportController(m_model, m_filter, m_table->selectionModel(), m_settings, this);
    createActions();
    createMenus();
    connectModels();

    m_clock = new QTimer(this);
    m_clock->setInterval(clockTickMs);
    connect(m_clock, &QTimer::timeout, this, &MainWindow::tick);
    m_clock->start();

    restoreLayout();
    AccountPicker *accounts = m_toolBar->accountPicker();
    accounts->setProfiles(m_credentials->cliProfiles());
    accounts->setSavedAccounts(m_credentials->savedAccounts());
    accounts->setAccount(m_settings->value(Settings::Key::Account).toString());
    m_toolBar->setAccountPickerVisible(accounts->hasProfiles() || !accounts->account().isEmpty());
    connect(accounts, &AccountPicker::accountPicked, this, &MainWindow::switchAccount);
    connect(accounts, &AccountPicker::manageAccountsRequested, m_credentials,
            &CredentialsController::manageAccounts);
    connect(m_credentials, &CredentialsController::accountsChanged, this, [this, accounts] {
        accounts->setSavedAccounts(m_credentials->savedAccounts());
        m_toolBar->setAccountPickerVisible(accounts->hasProfiles() ||
                                           !accounts->account().isEmpty());
        // All accounts shows the accounts there are now (or, with fewer than two, Automatic).
        if (m_settings->value(Settings::Key::Account).toString() == AccountPicker::allAccounts() &&
            !showAllAccounts()) {
            m_credentials->useProfile(QString());
        }
    });
    connect(m_credentials, &CredentialsController::accountSwitchFailed, this,
            [this](const QString &account, const QString &problem) {
                if (m_settings->value(Settings::Key::Account).toString() == account)
                    revertAccount(account, m_accountBeforeSwitch, problem);
            });
    m_statusBar->setCredentialText(credentialText());
    updateTitle();
    updateStatus();
}

MainWindow::~MainWindow()
{
    saveLayout();
}

qint64 MainWindow::currentTimeMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_client->clockOffsetMs();
}

// ---- construction ----

void MainWindow::createCentralArea()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(6);

    m_demoBanner = new MessageBanner(central);
    m_demoBanner->setObjectName(QStringLiteral("demoBanner"));
    m_demoBanner->setKind(MessageBanner::Kind::Information);
    m_demoBanner->setText(tr("<b>Demo data.</b> These gateways come from a simulator running on "
                             "this computer, not from Alibaba Cloud. Choose File › Credentials… "
                             "to browse your own."));
    m_demoBanner->hide();
    layout->addWidget(m_demoBanner);

    m_firstRunBanner = new MessageBanner(central);
    m_firstRunBanner->setObjectName(QStringLiteral("firstRunBanner"));
    m_firstRunBanner->setKind(MessageBanner::Kind::Information);
    m_firstRunBanner->setText(
        tr("<b>No Alibaba Cloud credentials found</b> in the environment or the system keychain. "
           "Enter an AccessKey to browse your gateways, or try the browser on demo data first."));
    m_firstRunBanner->setCloseable(false);
    QPushButton *demo =
        m_firstRunBanner->addButton(tr("Try the &Demo"), QStringLiteral("firstRunDemoButton"));
    connect(demo, &QPushButton::clicked, this, &MainWindow::demoRequested);
    QPushButton *enter = m_firstRunBanner->addButton(tr("Enter &Credentials…"),
                                                     QStringLiteral("firstRunCredentialsButton"));
    enter->setDefault(true);
    connect(enter, &QPushButton::clicked, this, [this] { m_credentials->ask(); });
    m_firstRunBanner->hide();
    layout->addWidget(m_firstRunBanner);

    m_errorBanner = new ErrorBanner(central);
    m_errorBanner->hide();
    connect(m_errorBanner, &ErrorBanner::credentialsRequested, this,
            [this] { m_credentials->ask(); });
    layout->addWidget(m_errorBanner);

    m_asOfBanner = new MessageBanner(central);
    m_asOfBanner->setObjectName(QStringLiteral("asOfBanner"));
    m_asOfBanner->setKind(MessageBanner::Kind::Information);
    m_asOfBanner->setText(tr("Showing the last inventory while it loads."));
    m_asOfBanner->hide();
    layout->addWidget(m_asOfBanner);

    m_notFoundBanner = new MessageBanner(central);
    m_notFoundBanner->setObjectName(QStringLiteral("notFoundBanner"));
    m_notFoundBanner->setKind(MessageBanner::Kind::Warning);
    m_notFoundBanner->setText(tr("Some identifiers were not found."));
    m_notFoundBanner->hide();
    connect(m_notFoundBanner, &MessageBanner::closed, this,
            [this] { m_notFoundDismissed = m_notFoundBanner->text(); });
    layout->addWidget(m_notFoundBanner);

    m_fleet = new FleetController(m_model, m_settings, central, this);
    layout->insertWidget(layout->indexOf(m_errorBanner) + 1, m_fleet->regionFailureBanner());
    layout->addWidget(m_fleet->regionStrip());
    layout->addWidget(m_fleet->summaryStrip());
    addDockWidget(Qt::BottomDockWidgetArea, m_fleet->changesDock());
    connect(m_fleet->changesDock(), &QDockWidget::visibilityChanged, this, [this](bool visible) {
        // A strip of a few lines under the table, not half the window.
        if (visible && !std::exchange(m_changesDockSized, true))
            resizeDocks({m_fleet->changesDock()}, {std::max(120, height() / 5)}, Qt::Vertical);
    });
    connect(m_fleet, &FleetController::asOfChanged, this, [this](const QString &text) {
        if (!text.isEmpty())
            m_asOfBanner->setText(text);
        m_asOfBanner->setVisible(!text.isEmpty());
    });

    m_splitter = new QSplitter(Qt::Horizontal, central);
    m_splitter->setObjectName(QStringLiteral("detailSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_table = new GatewayTableView(m_splitter);
    m_table->setModel(m_filter);
    m_detail = new DetailPane(m_splitter);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
}

void MainWindow::createActions()
{
    auto make = [this](const QString &text, const QString &name, const QKeySequence &key,
                       const QString &icon = QString()) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        // Tool buttons drop the "&" but would keep a translation's "(&R)" as "(R)".
        action->setIconText(
            QString(text).remove(QRegularExpression(QStringLiteral("\\(&[^)]\\)"))).remove(u'&'));
        if (!key.isEmpty())
            action->setShortcut(key);
        if (!icon.isEmpty())
            action->setIcon(QIcon(icon));
        addAction(action); // shortcuts work even with the menu bar hidden
        return action;
    };

    m_refreshAction = make(tr("&Refresh"), QStringLiteral("refreshAction"),
                           QKeySequence(Qt::Key_F5), QStringLiteral(":/icons/view-refresh.svg"));
    m_refreshAction->setToolTip(tr("Reload the gateways loaded so far (F5)"));
    connect(m_refreshAction, &QAction::triggered, m_browse, &BrowseController::refresh);

    m_exportAction =
        make(tr("&Export…"), QStringLiteral("exportAction"), QKeySequence(Qt::CTRL | Qt::Key_E),
             QStringLiteral(":/icons/document-export.svg"));
    m_exportAction->setToolTip(tr("Export gateways to a CSV file or an Excel workbook (Ctrl+E)"));
    connect(m_exportAction, &QAction::triggered, m_export, &ExportController::run);

    m_copyAction = make(tr("&Copy Rows"), QStringLiteral("copyAction"), QKeySequence::Copy,
                        QStringLiteral(":/icons/edit-copy.svg"));
    m_copyAction->setToolTip(tr("Copy the selected rows as tab-separated text"));
    // Only in the table: Ctrl+C in a text field copies the field's text as usual.
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    removeAction(m_copyAction);
    m_table->addAction(m_copyAction);
    connect(m_copyAction, &QAction::triggered, m_table, [this] { m_table->copySelection(); });
    m_copyMarkdownAction =
        make(tr("Copy as &Markdown"), QStringLiteral("copyMarkdownAction"), QKeySequence());
    m_copyMarkdownAction->setToolTip(tr("Copy the selected rows as a Markdown table"));
    connect(m_copyMarkdownAction, &QAction::triggered, m_table,
            [this] { m_table->copySelection(GatewayTableView::CopyFormat::Markdown); });
    m_copyJsonAction = make(tr("Copy as &JSON"), QStringLiteral("copyJsonAction"), QKeySequence());
    m_copyJsonAction->setToolTip(tr("Copy the selected rows as JSON (the API's field names)"));
    connect(m_copyJsonAction, &QAction::triggered, m_table,
            [this] { m_table->copySelection(GatewayTableView::CopyFormat::Json); });

    m_findAction = make(tr("&Filter…"), QStringLiteral("findAction"), QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        QLineEdit *field = m_toolBar->textFilter();
        // Still in the toolbar's overflow (a very narrow window): open it, so that what is typed
        // goes into a field on screen rather than to the table's type-ahead.
        if (!field->isVisible()) {
            if (auto *more =
                    m_toolBar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"))) {
                if (more->isVisible())
                    more->click();
            }
        }
        field->setFocus(Qt::ShortcutFocusReason);
        field->selectAll();
    });

    m_stopAction = make(tr("&Stop Loading"), QStringLiteral("stopAction"), QKeySequence());
    m_stopAction->setEnabled(false);
    connect(m_stopAction, &QAction::triggered, this, [this] {
        m_goToLastRow = false;
        m_model->cancelLoadAll();
    });

    m_loadRestAction =
        make(tr("&Load Remaining Pages"), QStringLiteral("loadRemainingAction"), QKeySequence());
    m_loadRestAction->setToolTip(
        tr("Load the pages left after Stop, so that the filter and the sort cover every gateway"));
    m_loadRestAction->setEnabled(false);
    connect(m_loadRestAction, &QAction::triggered, m_browse, &BrowseController::loadRemaining);

    m_credentialsAction = make(tr("Cre&dentials…"), QStringLiteral("credentialsAction"),
                               QKeySequence(), QStringLiteral(":/icons/credentials.svg"));
    connect(m_credentialsAction, &QAction::triggered, m_credentials, &CredentialsController::ask);
    m_accountsAction = make(tr("&Accounts…"), QStringLiteral("accountsAction"), QKeySequence());
    m_accountsAction->setStatusTip(
        tr("Save access keys and roles in other accounts, to pick them in the toolbar."));
    connect(m_accountsAction, &QAction::triggered, m_credentials,
            &CredentialsController::manageAccounts);

    m_trustCaAction =
        make(tr("Trust CA &Certificate…"), QStringLiteral("trustCaAction"), QKeySequence());
    m_trustCaAction->setStatusTip(
        tr("Trust the certificates of an extra certificate authority for secure connections, "
           "besides the system's."));
    connect(m_trustCaAction, &QAction::triggered, this, &MainWindow::chooseCaFile);
    m_forgetCaAction = make(tr("Forget the Trusted CA Certificate"),
                            QStringLiteral("forgetCaAction"), QKeySequence());
    m_forgetCaAction->setEnabled(!m_connection->caFile().isEmpty());
    connect(m_forgetCaAction, &QAction::triggered, this, [this] {
        QString error;
        setCaFile(QString(), &error);
    });

    m_quitAction =
        make(tr("&Quit"), QStringLiteral("quitAction"), QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_detailAction =
        make(tr("&Details Pane"), QStringLiteral("detailAction"), QKeySequence(Qt::Key_F9));
    m_detailAction->setCheckable(true);
    m_detailAction->setChecked(true);
    connect(m_detailAction, &QAction::toggled, m_detail, &QWidget::setVisible);

    m_aboutAction =
        make(tr("&About DBS Gateway Browser"), QStringLiteral("aboutAction"), QKeySequence());
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_toolBar->addSeparator();
    m_toolBar->addAction(m_refreshAction);
    m_toolBar->addAction(m_exportAction);
    // Tool buttons take no focus by default; these two are reachable with Tab as well.
    for (QAction *action : {m_refreshAction, m_exportAction})
        m_toolBar->widgetForAction(action)->setFocusPolicy(Qt::TabFocus);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_credentialsAction);
    file->addAction(m_accountsAction);
    file->addAction(m_trustCaAction);
    file->addAction(m_forgetCaAction);
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_copyAction);
    edit->addAction(m_copyMarkdownAction);
    edit->addAction(m_copyJsonAction);
    edit->addAction(m_findAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refreshAction);
    view->addAction(m_stopAction);
    view->addAction(m_loadRestAction);
    view->addSeparator();
    view->addMenu(m_table->createColumnMenu(view));
    view->addAction(m_detailAction);
    view->addSeparator();
    m_fleet->addActionsTo(view);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    QAction *aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setObjectName(QStringLiteral("aboutQtAction"));
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::connectModels()
{
    QueryToolBar *bar = m_toolBar;
    bar->textFilter()->installEventFilter(this);
    bar->identifierLookup()->installEventFilter(this);
    // Enter applies the text at once; the field then hands over to the table.
    connect(bar->textFilter(), &QLineEdit::returnPressed, this, [this] {
        m_browse->applyTextFilterNow();
        m_table->setFocus(Qt::OtherFocusReason);
    });

    connect(m_browse, &BrowseController::stateChanged, this, &MainWindow::updateStatus);
    connect(m_browse, &BrowseController::staleThresholdChanged, this, &MainWindow::updateDetail);
    connect(m_browse, &BrowseController::loadingResumed, this, [this] {
        m_errorBanner->hide();
        m_table->setPrefetchEnabled(true);
    });
    connect(m_browse, &BrowseController::queryApplied, this, &MainWindow::onQueryApplied);
    connect(m_browse, &BrowseController::firstStarted, this, [this] {
        // Sorting goes on last: with pages remaining, a sort loads the rest (the proxy says so).
        QHeaderView *header = m_table->horizontalHeader();
        m_table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
        m_table->setSortingEnabled(true);
    });
    connect(m_errorBanner, &ErrorBanner::retryRequested, m_browse, &BrowseController::retry);

    SummaryStrip *summary = m_fleet->summaryStrip();
    connect(summary, &SummaryStrip::statusClicked, m_browse, &BrowseController::showOnlyStatus);
    connect(summary, &SummaryStrip::staleClicked, m_browse, &BrowseController::showOnlyStale);
    connect(summary, &SummaryStrip::ageBucketClicked, m_browse,
            &BrowseController::showOnlyAgeBucket);
    connect(summary, &SummaryStrip::allClicked, m_browse, &BrowseController::showAll);
    connect(m_browse, &BrowseController::summaryFilterChanged, summary,
            &SummaryStrip::setActiveFilter);
    connect(m_fleet->regionStrip(), &RegionStrip::regionClicked, m_browse,
            &BrowseController::showOnlyRegion);
    connect(m_browse, &BrowseController::regionFilterChanged, m_fleet->regionStrip(),
            &RegionStrip::setActiveRegion);
    connect(m_toolBar, &QueryToolBar::clickFilterCleared, m_browse,
            &BrowseController::clearClickFilters);
    connect(m_fleet, &FleetController::gatewayActivated, this, &MainWindow::showGateway);
    connect(m_fleet, &FleetController::refreshRequested, this, [this] {
        m_refreshAction->trigger();
        m_model->loadAll(); // changes are computed between whole inventories
    });

    connect(m_model, &GatewayTableModel::errorOccurred, this, &MainWindow::onError);
    connect(m_model, &GatewayTableModel::loadingChanged, this, &MainWindow::updateStatus);
    connect(m_model, &GatewayTableModel::progress, this, &MainWindow::updateStatus);
    const auto answered = [this] {
        m_answeredAtMs = currentTimeMs();
        updateAge();
    };
    connect(m_model, &GatewayTableModel::progress, this, answered);
    connect(m_model, &GatewayTableModel::completed, this, answered);
    connect(m_model, &GatewayTableModel::queryReset, this, [this] {
        m_answeredAtMs = 0;
        updateAge();
    });
    connect(m_table, &GatewayTableView::lastRowRequested, this, [this] {
        m_goToLastRow = true;
        m_browse->loadRemaining();
    });
    connect(m_model, &GatewayTableModel::completed, this, [this] {
        if (std::exchange(m_goToLastRow, false))
            m_table->goToLastRow();
        updateStatus();
        Q_EMIT contentShown();
    });
    connect(m_model, &GatewayTableModel::queryReset, this, &MainWindow::updateStatus);
    connect(m_model, &GatewayTableModel::regionsChanged, this, &MainWindow::updateStatus);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        selectFirstRowIfNone();
        Q_EMIT contentShown();
    });
    connect(m_filter, &GatewayFilterModel::partialChanged, this, &MainWindow::updateStatus);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateStatus);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateStatus);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateStatus);
    connect(m_statusBar, &GatewayStatusBar::stopRequested, m_stopAction, &QAction::trigger);
    connect(m_statusBar, &GatewayStatusBar::loadRemainingRequested, m_loadRestAction,
            &QAction::trigger);
    connect(m_export, &ExportController::exported, this, [this](const QString &path, int rows) {
        m_statusBar->showMessage(
            tr("Exported %Ln gateway(s) to %1", nullptr, rows).arg(QDir::toNativeSeparators(path)),
            10000);
    });
    // An export that loads every page and is cancelled leaves the rest to "Load remaining".
    connect(m_export, &ExportController::cancelled, this, &MainWindow::updateStatus);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (!m_pickingCurrent)
            m_automaticCurrent = false;
        updateDetail();
    });
    connect(m_filter, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_table->currentIndex().row();
                if (row >= topLeft.row() && row <= bottomRight.row())
                    updateDetail();
            });
    connect(m_filter, &QAbstractItemModel::modelReset, this, &MainWindow::updateDetail);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateDetail);
    // A filter change is one layout change (invalidate()): the current row may have been hidden
    // without any currentRowChanged, so the pane would go on showing it. Rows arriving after an
    // empty result need a current row too.
    auto followRows = [this] {
        selectFirstRowIfNone();
        updateDetail();
    };
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, followRows);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, followRows);
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, m_browse,
            &BrowseController::setSort);

    connect(m_connection, &ConnectionController::credentialTextChanged, this,
            [this] { m_statusBar->setCredentialText(credentialText()); });
    connect(m_accountClients, &AccountClients::ready, this, [this] {
        if (m_settings->value(Settings::Key::Account).toString() != AccountPicker::allAccounts())
            return; // another account was picked meanwhile
        m_model->setAccounts(m_accountClients->accounts());
        m_firstRunBanner->hide();
        updateTitle();
        startBrowsing();
        m_statusBar->setCredentialText(credentialText()); // the accounts the table shows
    });
    connect(m_connection, &ConnectionController::credentialReady, this, [this] {
        // While All accounts is picked, the browser's own credential (a late keychain answer,
        // the dialog, a fallback search) is for when one account is picked again.
        if (m_settings->value(Settings::Key::Account).toString() == AccountPicker::allAccounts())
            return;
        m_accountClients->clear(); // one account signs now
        m_statusBar->setCredentialText(credentialText());
        m_firstRunBanner->hide();
        updateTitle();
        startBrowsing();
    });
    connect(m_connection, &ConnectionController::demoChanged, this, [this](bool demo) {
        m_demoBanner->setVisible(demo);
        if (demo)
            m_firstRunBanner->hide();
        updateTitle();
    });
    connect(m_connection, &ConnectionController::caFileChanged, this, [this](const QString &path) {
        m_forgetCaAction->setEnabled(!path.isEmpty());
        m_accountClients->setOptions(m_client->options());
        // A certificate refused a moment ago may be trusted now.
        if (!m_errorBanner->isHidden())
            m_browse->retry();
    });
}

// ---- remembered state ----

void MainWindow::restoreLayout()
{
    const QByteArray geometry = m_settings->value(Settings::Key::WindowGeometry).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        // A first run: most of the screen, so every column fits without scrolling sideways.
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1600, 1000);
        resize(std::min(1500, available.width() * 9 / 10),
               std::min(900, available.height() * 9 / 10));
    }
    // A geometry remembered on a bigger screen (or at another scale) is cut to this one.
    if (const QScreen *here = screen()) {
        const QSize available = here->availableGeometry().size();
        if (width() > available.width() || height() > available.height())
            resize(std::min(width(), available.width()), std::min(height(), available.height()));
    }
    restoreState(m_settings->value(Settings::Key::WindowState).toByteArray());

    const QByteArray splitter = m_settings->value(Settings::Key::DetailSplitterState).toByteArray();
    if (splitter.isEmpty() || !m_splitter->restoreState(splitter)) {
        const int detailWidth = std::max(360, width() / 4);
        m_splitter->setSizes({width() - detailWidth, detailWidth});
    }

    QHeaderView *header = m_table->horizontalHeader();
    const QByteArray headerState = m_settings->value(Settings::Key::HeaderState).toByteArray();
    if (!headerState.isEmpty())
        header->restoreState(headerState);
    // The sort is applied in startBrowsing(), once there is a query to sort.
    header->setSortIndicator(m_settings->value(Settings::Key::SortColumn).toInt(),
                             Qt::SortOrder(m_settings->value(Settings::Key::SortOrder).toInt()));
    m_layoutRestored = true;
}

void MainWindow::saveLayout()
{
    if (!m_layoutRestored)
        return;
    m_settings->setValue(Settings::Key::WindowGeometry, saveGeometry());
    m_settings->setValue(Settings::Key::WindowState, saveState());
    m_settings->setValue(Settings::Key::DetailSplitterState, m_splitter->saveState());
    m_settings->setValue(Settings::Key::HeaderState, m_table->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride &&
        (watched == m_toolBar->textFilter() || watched == m_toolBar->identifierLookup())) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const QKeySequence pressed(key->keyCombination());
        for (const QAction *action :
             {m_exportAction, m_findAction, m_refreshAction, m_quitAction}) {
            if (action->isEnabled() && action->shortcuts().contains(pressed)) {
                // Not the field's: the shortcut map goes on to the window's action.
                event->ignore();
                return true;
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

// ---- the query ----

void MainWindow::setInitialRegion(const QString &region)
{
    m_browse->setInitialRegion(region);
    updateTitle();
}

void MainWindow::startBrowsing()
{
    m_browse->start();
}

void MainWindow::onQueryApplied()
{
    m_fleet->queryStarted(m_client->options().endpoint,
                          m_settings->value(Settings::Key::Account).toString());
    // The Account column tells accounts apart when they share the table, and says nothing else.
    const int account = int(tableGatewayFields().indexOf(GatewayField::Account));
    QHeaderView *accountHeader = m_table->horizontalHeader();
    if (m_model->isAllAccounts() && accountHeader->isSectionHidden(account)) {
        accountHeader->setSectionHidden(account, false);
        accountHeader->moveSection(accountHeader->visualIndex(account), 0);
    } else if (!m_model->isAllAccounts()) {
        accountHeader->setSectionHidden(account, true);
    }
    if (m_model->isAllRegions()) {
        // The merged table needs its Region column: shown (after the status) if it was hidden.
        const int region = int(tableGatewayFields().indexOf(GatewayField::Region));
        QHeaderView *header = m_table->horizontalHeader();
        if (header->isSectionHidden(region)) {
            header->setSectionHidden(region, false);
            header->moveSection(header->visualIndex(region), 2);
        }
        // Wide enough for every region's id before any row has come ("cn-hang…" otherwise).
        int widest = header->sectionSizeHint(region);
        for (const QString &id : endpoints::regionIds())
            widest = std::max(widest, m_table->fontMetrics().horizontalAdvance(id) + 16);
        if (header->sectionSize(region) < widest)
            header->resizeSection(region, widest);
    }
    updateTitle();
    m_table->maybePrefetch();
}

// ---- errors, credentials, demo ----

void MainWindow::onError(const ApiError &error)
{
    if (error.kind == ApiError::Kind::Cancelled)
        return;
    m_goToLastRow = false;
    m_table->setPrefetchEnabled(false);
    const QModelIndex current = m_table->currentIndex();
    const bool currentShown =
        current.isValid() && m_table->viewport()->rect().intersects(m_table->visualRect(current));
    const RegionSweep *sweep = m_model->regionSweep();
    // Several accounts sign with their own keys: the browser's missing one is not the cause.
    m_errorBanner->showError(error,
                             !m_client->credential().isValid() && !(sweep && sweep->hasAccounts()));
    // Rows were loaded: the failure is the next page's, and those rows stay.
    if (const int loaded = m_model->rowCount(); loaded > 0 && !m_model->regionSweep()) {
        QString why = ErrorBanner::headline(error);
        if (why == ErrorBanner::headline(ApiError())) // "could not be loaded": not these rows
            why = tr("The service failed to send the next page.");
        m_errorBanner->setText(tr("<b>Loading stopped after row %1.</b> %2 The rows loaded so far "
                                  "stay; Retry loads the rest.")
                                   .arg(QLocale().toString(loaded), why.toHtmlEscaped()));
    }
    // The banner takes room above the table: the selected row stays in sight.
    if (currentShown) {
        centralWidget()->layout()->activate();
        m_table->scrollTo(current, QAbstractItemView::EnsureVisible);
    }
    updateStatus();
    Q_EMIT contentShown();
}

bool MainWindow::setCaFile(const QString &path, QString *error)
{
    return m_connection->setCaFile(path, error);
}

void MainWindow::chooseCaFile()
{
    const QString current = m_connection->caFile();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Trust CA Certificate"),
        current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath(),
        tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!setCaFile(path, &error))
        QMessageBox::warning(this, tr("Trust CA Certificate"), error);
}

bool MainWindow::showAllAccounts()
{
    if (m_settings->value(Settings::Key::Account).toString() != AccountPicker::allAccounts())
        return false;
    const QStringList names = m_credentials->accountNames();
    if (names.size() < 2) {
        m_settings->setValue(Settings::Key::Account, QString());
        m_toolBar->accountPicker()->setAccount(QString());
        return false;
    }
    m_connection->leaveDemo();
    m_accountClients->setAccounts(names); // ready() starts browsing
    return true;
}

QString MainWindow::credentialText() const
{
    if (!m_model->isAllAccounts())
        return m_connection->credentialText();
    QStringList names;
    for (const QString &name : m_accountClients->names())
        names.append(visibleText(name));
    //: %1 lists the accounts (aliyun CLI profiles, saved accounts) shown together
    return tr("Credentials: all accounts (%1)").arg(QLocale().createSeparatedList(names));
}

void MainWindow::switchAccount(const QString &account)
{
    const QString previous = m_settings->value(Settings::Key::Account).toString();
    // The account's own region and inventory first: signing in anew starts browsing there.
    m_settings->setValue(Settings::Key::Account, account);
    m_browse->switchAccount(previous, account);
    if (account == AccountPicker::allAccounts()) {
        if (!showAllAccounts())
            revertAccount(account, previous, tr("Fewer than two accounts can sign."));
        return;
    }
    // Before signing in: that starts browsing, with this account alone. The accounts' clients
    // stay until it has (the switch may still fail).
    m_model->setAccounts({});
    m_accountBeforeSwitch = previous; // a saved key's answer from the keychain may still fail
    const QString problem = m_credentials->useProfile(account);
    if (!problem.isEmpty())
        revertAccount(account, previous, problem);
    m_statusBar->setCredentialText(credentialText());
}

void MainWindow::revertAccount(const QString &account, const QString &previous,
                               const QString &problem)
{
    // Nothing changed: the account that signed goes on, and the picker says so.
    m_settings->setValue(Settings::Key::Account, previous);
    m_browse->switchAccount(account, previous);
    m_toolBar->accountPicker()->setAccount(previous);
    if (previous == AccountPicker::allAccounts())
        m_model->setAccounts(m_accountClients->accounts()); // the table still shows them
    m_statusBar->setCredentialText(credentialText());
    ApiError error;
    error.kind = ApiError::Kind::Config;
    error.message = tr("Could not switch accounts. %1").arg(problem);
    m_errorBanner->showError(error, false);
}

void MainWindow::enterDemoMode(const QUrl &endpoint, const Credential &credential)
{
    if (m_settings->value(Settings::Key::Account).toString() == AccountPicker::allAccounts()) {
        // The demo is one account of its own.
        m_settings->setValue(Settings::Key::Account, QString());
        m_toolBar->accountPicker()->setAccount(QString());
        m_model->setAccounts({});
    }
    m_connection->enterDemo(endpoint, credential);
}

bool MainWindow::isDemoMode() const
{
    return m_connection->isDemo();
}

void MainWindow::showFirstRunBanner()
{
    m_firstRunBanner->show();
    updateStatus();
    Q_EMIT contentShown();
}

// ---- what the window shows ----

void MainWindow::updateStatus()
{
    const BrowseController::LoadState state = m_browse->loadState();
    m_statusBar->setCounts(state.loaded, state.total, state.shown, state.filtering, state.partial);
    m_statusBar->setRegions(state.regionsFailed, state.regionsPending, state.accountsFailed);
    m_statusBar->setLoading(state.loading, state.loaded, state.loadingAll ? state.total : 0);
    m_statusBar->setStoppable(state.loadingAll);
    m_stopAction->setEnabled(state.loadingAll);
    // Stopped (or an export's load cancelled) with a filter or sort over a part: offer the rest.
    // After a failure the banner's Retry does that.
    const bool resumable = m_browse->isBrowsing() && !state.loading && state.partial &&
                           !m_errorBanner->isVisibleTo(this);
    m_statusBar->setResumable(resumable);
    // The menu's Load Remaining Pages is there whenever pages remain, also while scrolling.
    m_loadRestAction->setEnabled(resumable ||
                                 (m_browse->isBrowsing() && !state.loadingAll &&
                                  !m_model->isComplete() && !m_errorBanner->isVisibleTo(this)));
    // With no row at all the placeholder says it; beside found rows, the banner does.
    // (Escaped: the banner shows rich text, the identifiers are whatever was pasted.)
    const QString notFound =
        state.loaded > 0 ? m_browse->notFoundText().toHtmlEscaped() : QString();
    if (notFound != m_notFoundBanner->text() || notFound.isEmpty())
        m_notFoundDismissed.clear();
    if (!notFound.isEmpty())
        m_notFoundBanner->setText(notFound);
    m_notFoundBanner->setVisible(!notFound.isEmpty() && notFound != m_notFoundDismissed);
    m_table->setPlaceholderText(m_browse->placeholderText(m_firstRunBanner->isVisibleTo(this),
                                                          m_errorBanner->isVisibleTo(this),
                                                          m_credentials->isBusy()));
}

void MainWindow::updateTitle()
{
    // Qt appends the application's display name ("… — DBS Gateway Browser") itself.
    const QString region = m_toolBar->regionPicker()->currentText();
    QString title = region;
    if (m_connection->isDemo())
        title = region.isEmpty() ? tr("[demo]") : tr("%1 [demo]").arg(region);
    setWindowTitle(title);
}

void MainWindow::updateDetail()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    const BackupGateway gateway =
        current.data(GatewayTableModel::GatewayRole).value<BackupGateway>();
    m_detail->setNowMs(m_model->nowMs());
    m_detail->setGateway(gateway, current.data(GatewayTableModel::StaleRole).toBool());
}

void MainWindow::selectFirstRowIfNone()
{
    // Keyboard users land on a row, and the detail pane is never blank while rows exist.
    const QModelIndex current = m_table->currentIndex();
    if (m_filter->rowCount() == 0 ||
        (current.isValid() && !(m_automaticCurrent && current.row() > 0)))
        return;
    // The leftmost column on screen, so that the view does not scroll sideways to show it.
    const QHeaderView *header = m_table->horizontalHeader();
    int column = 0;
    for (int visual = 0; visual < header->count(); ++visual) {
        if (!header->isSectionHidden(header->logicalIndex(visual))) {
            column = header->logicalIndex(visual);
            break;
        }
    }
    m_pickingCurrent = true;
    m_table->selectionModel()->setCurrentIndex(m_filter->index(0, column),
                                               QItemSelectionModel::ClearAndSelect |
                                                   QItemSelectionModel::Rows);
    m_pickingCurrent = false;
    m_automaticCurrent = true;
    m_table->scrollToTop();
}

void MainWindow::showGateway(const QString &backupGatewayId)
{
    const QModelIndexList found = m_filter->match(
        m_filter->index(0,
                        m_table->currentIndex().isValid() ? m_table->currentIndex().column() : 0),
        GatewayTableModel::IdRole, backupGatewayId, 1, Qt::MatchExactly);
    if (found.isEmpty()) {
        // Removed since, or hidden by the filter: say so rather than do nothing.
        m_statusBar->showMessage(
            tr("Gateway %1 is not in the table (removed, or hidden by the filter).")
                .arg(visibleText(backupGatewayId)),
            8000);
        return;
    }
    m_table->selectionModel()->setCurrentIndex(found.first(), QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
    m_table->scrollTo(found.first(), QAbstractItemView::PositionAtCenter);
}

void MainWindow::tick()
{
    const qint64 now = currentTimeMs();
    m_model->setNowMs(now);
    m_detail->setNowMs(now);
    updateAge();
}

void MainWindow::updateAge()
{
    m_statusBar->setUpdatedText(
        m_answeredAtMs > 0 ? tr("updated %1").arg(timewords::age(currentTimeMs() - m_answeredAtMs))
                           : QString());
}

void MainWindow::showAbout()
{
    auto *box =
        new QMessageBox(QMessageBox::NoIcon, tr("About DBS Gateway Browser"),
                        tr("<h3>DBS Gateway Browser %1</h3>"
                           "<p>Browse the backup gateways of Alibaba Cloud Database "
                           "Backup (DBS): every region, page by page, with filters, "
                           "details and CSV export.</p>"
                           "<p>Built with Qt %2.</p>")
                            .arg(QStringLiteral(DBS_VERSION), QString::fromLatin1(qVersion())),
                        QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setIconPixmap(windowIcon().pixmap(64, 64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // not exec(): the window keeps working and tests can close it
}

} // namespace dbs
