#pragma once

#include <api/apierror.h>
#include <api/credential.h>
#include <fleet/summary.h>

#include <QMainWindow>
#include <QUrl>

class QAction;
class QSplitter;
class QTimer;

namespace dbs {

class AccountClients;

class BrowseController;
class ConnectionController;
class CredentialsController;
class DbsClient;
class DetailPane;
class ErrorBanner;
class ExportController;
class FleetController;
class GatewayFilterModel;
class GatewayStatusBar;
class GatewayTableModel;
class GatewayTableView;
class MessageBanner;
class QueryToolBar;
class Settings;

// The browser's window: pickers and filters on the toolbar, the lazily loaded gateway table,
// the detail pane of the selected gateway, inline banners (errors with Retry, demo, first run)
// and a status bar that says what is loaded. It remembers its choices in Settings.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // `client` and `settings` are not owned and must outlive the window.
    MainWindow(DbsClient *client, Settings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows `region` instead of the remembered one (--region), without remembering it.
    void setInitialRegion(const QString &region);
    // Applies the query on the toolbar, the remembered filters and sort, and loads the first
    // page. Also called when a credential arrives; again, it starts the query over.
    void startBrowsing();
    // Points the client at the demo simulator with its key pair, shows the "Demo data" banner
    // and starts browsing. A credential chosen later leaves the demo (and its endpoint).
    void enterDemoMode(const QUrl &endpoint, const Credential &credential);
    bool isDemoMode() const;
    // No credential anywhere: offer the demo or the credentials dialog, inline.
    void showFirstRunBanner();
    // Browses every account at once when "All accounts" is the account picked (Settings), and
    // says so; with fewer than two accounts left to name, Automatic is picked instead.
    bool showAllAccounts();
    // Trusts the CA certificates in `path` besides the system's (empty: the system's only),
    // remembers it in Settings::Key::CaFile and hands it to the client. False with `error` set,
    // and nothing changed, when the file holds no certificate.
    bool setCaFile(const QString &path, QString *error);

    CredentialsController *credentialsController() const { return m_credentials; }
    ExportController *exportController() const { return m_export; }
    GatewayTableModel *gatewayModel() const { return m_model; }
    GatewayFilterModel *filterModel() const { return m_filter; }
    GatewayTableView *tableView() const { return m_table; }
    DetailPane *detailPane() const { return m_detail; }
    ErrorBanner *errorBanner() const { return m_errorBanner; }
    MessageBanner *demoBanner() const { return m_demoBanner; }
    MessageBanner *firstRunBanner() const { return m_firstRunBanner; }
    GatewayStatusBar *gatewayStatusBar() const { return m_statusBar; }
    QueryToolBar *queryToolBar() const { return m_toolBar; }
    FleetController *fleetController() const { return m_fleet; }
    MessageBanner *asOfBanner() const { return m_asOfBanner; }
    MessageBanner *notFoundBanner() const { return m_notFoundBanner; }

    // The clock the ages are measured against: the machine's, corrected by the offset the client
    // learnt from the service.
    qint64 currentTimeMs() const;
    // Writes the layout (columns, sort, geometry, splitter) to Settings; also done on close.
    void saveLayout();

Q_SIGNALS:
    // A page, an error or the first-run banner is on screen (for --screenshot).
    void contentShown();
    // The first-run banner's "Try the demo".
    void demoRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    // Keeps the window's shortcuts (Ctrl+E, Ctrl+F, F5, Ctrl+Q) working while a text field has
    // the focus: X11 key bindings would have QLineEdit take Ctrl+E as "end of line".
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createCentralArea();
    void connectModels();
    void restoreLayout();

    void onQueryApplied();
    void onError(const ApiError &error);
    void updateStatus();
    void updateDetail();
    void updateTitle();
    void selectFirstRowIfNone();
    void showGateway(const QString &backupGatewayId);
    void tick();
    void updateAge();
    void showAbout();
    void chooseCaFile();
    void switchAccount(const QString &account);
    void revertAccount(const QString &account, const QString &previous, const QString &problem);
    QString credentialText() const;

    DbsClient *m_client;                            // not owned
    Settings *m_settings;                           // not owned
    GatewayTableModel *m_model;                     // child
    GatewayFilterModel *m_filter;                   // child
    CredentialsController *m_credentials = nullptr; // child
    ExportController *m_export = nullptr;           // child
    FleetController *m_fleet = nullptr;             // child
    ConnectionController *m_connection = nullptr;   // child
    BrowseController *m_browse = nullptr;           // child
    AccountClients *m_accountClients = nullptr;     // child: "All accounts"

    QueryToolBar *m_toolBar = nullptr;         // child
    GatewayTableView *m_table = nullptr;       // child
    DetailPane *m_detail = nullptr;            // child
    QSplitter *m_splitter = nullptr;           // child
    ErrorBanner *m_errorBanner = nullptr;      // child
    MessageBanner *m_demoBanner = nullptr;     // child
    MessageBanner *m_firstRunBanner = nullptr; // child
    MessageBanner *m_asOfBanner = nullptr;     // child
    MessageBanner *m_notFoundBanner = nullptr; // child: looked-up identifiers nothing matched
    QString m_notFoundDismissed;               // the text the user closed
    QString m_accountBeforeSwitch;             // where a failed switch goes back to
    GatewayStatusBar *m_statusBar = nullptr;   // child
    QTimer *m_clock = nullptr;                 // child: ticks the ages

    QAction *m_refreshAction = nullptr;      // child
    QAction *m_exportAction = nullptr;       // child
    QAction *m_copyAction = nullptr;         // child
    QAction *m_copyMarkdownAction = nullptr; // child
    QAction *m_copyJsonAction = nullptr;     // child
    QAction *m_findAction = nullptr;         // child
    QAction *m_stopAction = nullptr;         // child
    QAction *m_loadRestAction = nullptr;     // child
    QAction *m_credentialsAction = nullptr;  // child
    QAction *m_accountsAction = nullptr;     // child
    QAction *m_trustCaAction = nullptr;      // child
    QAction *m_forgetCaAction = nullptr;     // child
    QAction *m_quitAction = nullptr;         // child
    QAction *m_detailAction = nullptr;       // child
    QAction *m_aboutAction = nullptr;        // child

    qint64 m_answeredAtMs = 0;  // when the service last sent rows (the clock of currentTimeMs)
    bool m_goToLastRow = false; // Ctrl+End: to the last row once every page is loaded
    bool m_layoutRestored = false;
    // The current row is the first row the window picked, not one the user chose: it stays the
    // first row when rows come in above it.
    bool m_automaticCurrent = false;
    bool m_pickingCurrent = false;
    bool m_changesDockSized = false;
};

} // namespace dbs
