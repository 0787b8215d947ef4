#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace dbs {

class DbsClient;
class DemoSession;
class MainWindow;
class Screenshotter;
class Settings;

// What the command line asked for (main() parses, this wires).
struct BrowserOptions
{
    bool demo = false;
    int demoGateways = 400;
    QString region;         // empty: the remembered one
    QUrl endpoint;          // empty: the remembered one, else the region's
    QString screenshotPath; // empty: no screenshot
    int screenshotTimeoutMs = 60000;
};

// The running browser: settings, the client, the window, and --demo / --screenshot.
class BrowserApp final : public QObject
{
    Q_OBJECT
public:
    explicit BrowserApp(const BrowserOptions &options, QObject *parent = nullptr);
    ~BrowserApp() override;

    // Shows the window and starts: the demo, or the credential search (environment, keychain)
    // and then browsing or the first-run banner. False with `error` set when it cannot.
    bool start(QString *error);

    MainWindow *window() const { return m_window.get(); }
    DbsClient *client() const { return m_client; }
    bool isDemoRunning() const;

Q_SIGNALS:
    // The screenshot is written (0) or failed: the program should end with this code.
    void exitRequested(int exitCode, const QString &message);

private:
    bool startDemo(QString *error);
    void afterCredentialSearch();

    BrowserOptions m_options;
    Settings *m_settings;                     // child
    DbsClient *m_client;                      // child
    DemoSession *m_demo = nullptr;            // child, created on demand
    Screenshotter *m_screenshotter = nullptr; // child
    std::unique_ptr<MainWindow> m_window;     // a top-level widget has no QObject parent
};

} // namespace dbs
