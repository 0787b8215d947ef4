// The wiring main() relies on: --demo (simulator in process, banner), --screenshot (a PNG, then
// an exit code), and the first run with no credential anywhere (an inline offer, no modal box).
#include "tlsfixture.h"

#include <browser/browserapp.h>
#include <ui/table/detailpane.h>
#include <ui/widgets/messagebanner.h>
#include <ui/window/gatewaystatusbar.h>
#include <ui/window/mainwindow.h>

#include <api/dbsclient.h>
#include <models/gatewaytablemodel.h>
#include <settings/settings.h>

#include <QAction>
#include <QApplication>
#include <QImage>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dbs;

class TestBrowserApp final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void demoShowsBannerAndLoads();
    void screenshotWritesPngAndExits();
    void firstRunOffersDemo();
    void caFileSettingReachesClient();
};

void TestBrowserApp::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("dbs-gateway-browser-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_browserapp"));
    // No credential may leak in from the machine running the tests: the first-run case needs
    // none anywhere (the keychain is out of reach without a D-Bus session, see CMakeLists).
    const QStringList keys = QProcessEnvironment::systemEnvironment().keys();
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("ALIBABA_CLOUD_")))
            qunsetenv(key.toLatin1().constData());
    }
}

void TestBrowserApp::init()
{
    QSettings().clear();
}

void TestBrowserApp::demoShowsBannerAndLoads()
{
    BrowserOptions options;
    options.demo = true;
    options.demoGateways = 120;
    BrowserApp app(options);
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    QVERIFY(app.isDemoRunning());
    MainWindow *window = app.window();
    QVERIFY(window->isVisible());
    QVERIFY(window->isDemoMode());
    QVERIFY(window->demoBanner()->isVisible());
    QVERIFY(window->demoBanner()->text().contains(QStringLiteral("Demo data")));
    QVERIFY(window->windowTitle().contains(QStringLiteral("demo")));
    QVERIFY(app.client()->options().endpoint.host() == QStringLiteral("127.0.0.1"));
    QVERIFY(window->gatewayStatusBar()->credentialText().contains(QStringLiteral("demo")));
    QTRY_VERIFY_WITH_TIMEOUT(window->gatewayModel()->rowCount() > 0, 15000);
    QVERIFY(window->detailPane()->hasGateway());
}

void TestBrowserApp::screenshotWritesPngAndExits()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    BrowserOptions options;
    options.demo = true;
    options.demoGateways = 60;
    options.screenshotPath = dir.filePath(QStringLiteral("shot.png"));
    BrowserApp app(options);
    QSignalSpy exit(&app, &BrowserApp::exitRequested);
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    QVERIFY(exit.wait(20000));
    QCOMPARE(exit.at(0).at(0).toInt(), 0);
    QImage image(options.screenshotPath, "PNG");
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), app.window()->size() * app.window()->devicePixelRatio());
    QVERIFY(app.window()->gatewayModel()->rowCount() > 0);
}

void TestBrowserApp::firstRunOffersDemo()
{
    BrowserOptions options;
    BrowserApp app(options);
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    QTRY_VERIFY_WITH_TIMEOUT(window->firstRunBanner()->isVisible(), 15000);
    QVERIFY(!app.isDemoRunning());
    QVERIFY(QApplication::activeModalWidget() == nullptr); // inline, not a modal box
    auto *demo =
        window->firstRunBanner()->findChild<QPushButton *>(QStringLiteral("firstRunDemoButton"));
    QVERIFY(demo);
    QVERIFY(window->firstRunBanner()->findChild<QPushButton *>(
        QStringLiteral("firstRunCredentialsButton")));
    demo->click();
    QVERIFY(app.isDemoRunning());
    QVERIFY(window->firstRunBanner()->isHidden());
    QVERIFY(window->demoBanner()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(window->gatewayModel()->rowCount() > 0, 15000);
}

void TestBrowserApp::caFileSettingReachesClient()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const fixture::TlsFiles tls = fixture::makeTlsFiles(dir.path());
    QVERIFY2(tls.ok(), qPrintable(tls.error)); // fails, never skips, without openssl
    QString error;
    const QSslCertificate ca = DbsClient::readCaFile(tls.caCert, &error).value(0);
    const QSslCertificate other = DbsClient::readCaFile(tls.otherCa, &error).value(0);
    QVERIFY(!ca.isNull() && !other.isNull());

    // Remembered from an earlier run: the client trusts it from the start.
    Settings().setValue(Settings::Key::CaFile, tls.caCert);
    BrowserApp app{BrowserOptions()};
    QCOMPARE(app.client()->options().caFile, tls.caCert);
    QVERIFY(app.client()->caCertificates().contains(ca));
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    auto *trust = window->findChild<QAction *>(QStringLiteral("trustCaAction"));
    auto *forget = window->findChild<QAction *>(QStringLiteral("forgetCaAction"));
    QVERIFY(trust && forget);
    QVERIFY(forget->isEnabled());

    // Not a certificate: refused with the reason, nothing changes.
    QVERIFY(!window->setCaFile(tls.serverKey, &error));
    QVERIFY2(error.contains(tls.serverKey), qPrintable(error));
    QCOMPARE(app.client()->options().caFile, tls.caCert);
    QCOMPARE(Settings().value(Settings::Key::CaFile).toString(), tls.caCert);

    // Another CA: remembered and applied at once.
    QVERIFY2(window->setCaFile(tls.otherCa, &error), qPrintable(error));
    QCOMPARE(Settings().value(Settings::Key::CaFile).toString(), tls.otherCa);
    QCOMPARE(app.client()->options().caFile, tls.otherCa);
    QVERIFY(app.client()->caCertificates().contains(other));
    QVERIFY(!app.client()->caCertificates().contains(ca));

    // Forgotten: the system's roots only.
    forget->trigger();
    QVERIFY(Settings().value(Settings::Key::CaFile).toString().isEmpty());
    QVERIFY(app.client()->options().caFile.isEmpty());
    QVERIFY(app.client()->caCertificates().isEmpty());
    QVERIFY(!forget->isEnabled());
}

QTEST_MAIN(TestBrowserApp)
#include "tst_browserapp.moc"
