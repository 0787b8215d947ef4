// A screen reader drives the window by accessible names: every control that can take the
// keyboard focus, in the main window and in the dialogs, must have one (and so must the
// toolbar's and the menus' actions).
#include "simfixture.h"
#include <ui/query/querytoolbar.h>
#include <ui/widgets/errorbanner.h>
#include <ui/window/mainwindow.h>

#include <ui/dialogs/credentialsdialog.h>
#include <ui/dialogs/exportdialog.h>

#include <api/dbsclient.h>
#include <models/gatewaytablemodel.h>
#include <settings/settings.h>
#include <sim/simulator.h>

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QWidget>
#include <QWidgetAction>

#include <memory>

using namespace dbs;

namespace {

QString describe(const QWidget *widget)
{
    QString path;
    for (const QWidget *w = widget; w; w = w->parentWidget()) {
        const QString name = w->objectName().isEmpty() ? QString() : u'#' + w->objectName();
        path.prepend(QString::fromLatin1(w->metaObject()->className()) + name +
                     (path.isEmpty() ? QString() : QStringLiteral(" > ")));
    }
    return path;
}

// The focusable widgets under `root` (itself included) in the same window whose accessible
// interface has no name. Popups (a combo box's list) are windows of their own, skipped here.
QStringList unnamedControls(QWidget *root)
{
    QStringList unnamed;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : std::as_const(widgets)) {
        if (widget->window() != root->window() || widget->focusPolicy() == Qt::NoFocus)
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible) {
            unnamed.append(describe(widget) + QStringLiteral(" (no accessible interface)"));
            continue;
        }
        if (accessible->text(QAccessible::Name).trimmed().isEmpty())
            unnamed.append(describe(widget));
    }
    return unnamed;
}

int focusableCount(QWidget *root)
{
    int count = 0;
    for (QWidget *widget : root->findChildren<QWidget *>())
        count += widget->window() == root->window() && widget->focusPolicy() != Qt::NoFocus;
    return count;
}

} // namespace

class TestAccessibility final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mainWindowControlsHaveNames();
    void mainWindowActionsHaveNames();
    void exportDialogControlsHaveNames();
    void credentialsDialogControlsHaveNames();

private:
    std::unique_ptr<dbs::Simulator> m_simulator;
};

void TestAccessibility::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("dbs-gateway-browser-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_accessibility"));
    QSettings().clear();
    dbs::SimulatorOptions options;
    options.gateways = 60;
    m_simulator = fixture::startSimulator(options);
}

void TestAccessibility::mainWindowControlsHaveNames()
{
    DbsClient client;
    ClientOptions options = client.options();
    options.endpoint = QUrl(m_simulator->baseUrl());
    client.setOptions(options);
    Settings settings;
    MainWindow window(&client, &settings);
    window.resize(1400, 700);
    window.show();
    // Every banner on screen at once: their buttons count too.
    window.enterDemoMode(QUrl(m_simulator->baseUrl()),
                         {QString::fromLatin1(dbs::demoAccessKeyId),
                          QString::fromLatin1(dbs::demoAccessKeySecret), QString(),
                          QStringLiteral("demo")});
    window.showFirstRunBanner();
    ApiError error; // the error banner with its labels (selectable: focusable) filled in
    error.kind = ApiError::Kind::Service;
    error.code = QStringLiteral("Throttling.User");
    error.message = QStringLiteral("Request was denied due to user flow control.");
    error.requestId = QStringLiteral("5E5D0C48-0000-4000-8000-000000000001");
    error.httpStatus = 400;
    window.errorBanner()->showError(error);
    QTRY_VERIFY_WITH_TIMEOUT(window.gatewayModel()->rowCount() > 0, 15000);
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QVERIFY(focusableCount(&window) >= 10); // the walk sees the controls at all
    const QStringList unnamed = unnamedControls(&window);
    QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("\n") + unnamed.join(u'\n')));
}

void TestAccessibility::mainWindowActionsHaveNames()
{
    DbsClient client;
    Settings settings;
    MainWindow window(&client, &settings);
    // What the menus and the toolbar show: a screen reader reads an action by its text.
    // (A toolbar's widgets sit in text-less QWidgetActions; the widgets are checked above.)
    QList<QAction *> actions = window.queryToolBar()->actions();
    QList<QAction *> pending = window.menuBar()->actions();
    int menuItems = 0;
    while (!pending.isEmpty()) {
        QAction *action = pending.takeFirst();
        ++menuItems;
        actions.append(action);
        if (action->menu())
            pending += action->menu()->actions();
    }
    QVERIFY(menuItems >= 10);
    QStringList unnamed;
    for (const QAction *action : std::as_const(actions)) {
        if (action->isSeparator() || qobject_cast<const QWidgetAction *>(action))
            continue;
        if (QString(action->text()).remove(u'&').trimmed().isEmpty())
            unnamed.append(action->objectName().isEmpty() ? action->toolTip()
                                                          : action->objectName());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
}

void TestAccessibility::exportDialogControlsHaveNames()
{
    ExportDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(focusableCount(&dialog) >= 3);
    const QStringList unnamed = unnamedControls(&dialog);
    QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("\n") + unnamed.join(u'\n')));
}

void TestAccessibility::credentialsDialogControlsHaveNames()
{
    CredentialsDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(focusableCount(&dialog) >= 3);
    const QStringList unnamed = unnamedControls(&dialog);
    QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("\n") + unnamed.join(u'\n')));
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
