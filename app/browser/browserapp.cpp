#include "browserapp.h"

#include "demosession.h"
#include "screenshotter.h"
#include <ui/widgets/errorbanner.h>
#include <ui/window/mainwindow.h>

#include <api/dbsclient.h>
#include <logging/logging.h>
#include <settings/settings.h>
#include <ui/dialogs/credentialscontroller.h>
#include <ui/query/accountpicker.h>

namespace dbs {

BrowserApp::BrowserApp(const BrowserOptions &options, QObject *parent)
    : QObject(parent), m_options(options), m_settings(new Settings(this)),
      m_client(new DbsClient(this))
{
    ClientOptions clientOptions = m_client->options();
    clientOptions.endpoint = options.endpoint.isEmpty()
                                 ? QUrl(m_settings->value(Settings::Key::Endpoint).toString())
                                 : options.endpoint;
    clientOptions.signature = m_settings->value(Settings::Key::SignatureVersion).toString() == u"v1"
                                  ? SignatureVersion::V1
                                  : SignatureVersion::V3;
    // An extra CA the user chose to trust (File > Trust CA Certificate); the system's stay.
    clientOptions.caFile = m_settings->value(Settings::Key::CaFile).toString();
    m_client->setOptions(clientOptions);
}

BrowserApp::~BrowserApp()
{
    // The window's models hold calls of the client: they go first.
    m_window.reset();
}

bool BrowserApp::isDemoRunning() const
{
    return m_demo && m_demo->isRunning();
}

bool BrowserApp::start(QString *error)
{
    m_window = std::make_unique<MainWindow>(m_client, m_settings);
    if (!m_options.region.isEmpty())
        m_window->setInitialRegion(m_options.region);
    connect(m_window.get(), &MainWindow::demoRequested, this, [this] {
        QString demoError;
        if (!startDemo(&demoError)) {
            ApiError failure;
            failure.kind = ApiError::Kind::Config;
            failure.code = QStringLiteral("DemoUnavailable");
            failure.message = demoError;
            m_window->errorBanner()->showError(failure);
        }
    });

    if (!m_options.screenshotPath.isEmpty()) {
        m_screenshotter = new Screenshotter(m_window.get(), m_options.screenshotPath,
                                            m_options.screenshotTimeoutMs, this);
        connect(m_window.get(), &MainWindow::contentShown, m_screenshotter,
                [this] { m_screenshotter->contentShown(); });
        connect(m_screenshotter, &Screenshotter::finished, this, &BrowserApp::exitRequested);
    }
    // For tests/bench/model/bench_startup: paint the first page, say so, quit.
    if (qEnvironmentVariableIsSet("DBS_EXIT_AFTER_FIRST_PAINT")) {
        connect(
            m_window.get(), &MainWindow::contentShown, this,
            [this] {
                QTimer::singleShot(0, this, [this] {
                    m_window->grab();
                    Q_EMIT exitRequested(0, QStringLiteral("first page painted"));
                });
            },
            Qt::SingleShotConnection);
    }
    m_window->show();
    qCDebug(lcUi).noquote() << "window shown; demo:" << m_options.demo
                            << "endpoint:" << redactedUrl(m_client->options().endpoint);

    if (m_options.demo)
        return startDemo(error);

    CredentialsController *credentials = m_window->credentialsController();
    // The account picked last time, else (or when it is gone) the usual search.
    if (m_window->showAllAccounts())
        return true; // All accounts was picked last time
    const QString account = m_settings->value(Settings::Key::Account).toString();
    if (account.isEmpty() || !credentials->useProfile(account).isEmpty())
        credentials->resolveAtStartup();
    if (credentials->isBusy()) {
        // The keychain answers later (never hangs: the vault has a timeout).
        connect(
            credentials, &CredentialsController::busyChanged, this,
            [this](bool busy) {
                if (!busy)
                    afterCredentialSearch();
            },
            Qt::SingleShotConnection);
    } else {
        afterCredentialSearch();
    }
    return true;
}

void BrowserApp::afterCredentialSearch()
{
    // A credential found was already applied (credentialChanged starts browsing).
    qCDebug(lcUi) << "credential search done; found one:"
                  << m_window->credentialsController()->hasCredential();
    if (!m_window->credentialsController()->hasCredential())
        m_window->showFirstRunBanner();
}

bool BrowserApp::startDemo(QString *error)
{
    if (!m_demo) {
        auto *demo = new DemoSession(this);
        if (!demo->start(m_options.demoGateways, error)) {
            delete demo;
            return false;
        }
        m_demo = demo;
    }
    m_window->enterDemoMode(m_demo->endpoint(), DemoSession::credential());
    return true;
}

} // namespace dbs
