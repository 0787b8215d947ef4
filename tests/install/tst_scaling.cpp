// The window at 200% (ctest sets QT_SCALE_FACTOR=2; offscreen), in the platform's colors and
// in the dark palette: every widget on the toolbar gets at least the size it asks for, combo
// box and button texts fit their text area, and nothing overflows into the extension menu.
#include "simfixture.h"
#include <ui/query/querytoolbar.h>
#include <ui/widgets/colorscheme.h>
#include <ui/window/mainwindow.h>

#include <api/dbsclient.h>
#include <models/gatewaytablemodel.h>
#include <settings/settings.h>
#include <sim/simulator.h>

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleOptionComboBox>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace dbs;

namespace {

QString describe(const QWidget *widget)
{
    QString text;
    if (const auto *label = qobject_cast<const QLabel *>(widget))
        text = label->text();
    else if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        text = button->text();
    else if (const auto *combo = qobject_cast<const QComboBox *>(widget))
        text = combo->currentText();
    return QStringLiteral("%1#%2 \"%3\"")
        .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName(), text);
}

// What would be clipped in `widget`, or an empty string.
QString clipping(QWidget *widget)
{
    const QSize hint = widget->sizeHint();
    const QSize size = widget->size();
    if (size.height() < hint.height())
        return QStringLiteral("%1 is %2 px high, wants %3")
            .arg(describe(widget))
            .arg(size.height())
            .arg(hint.height());
    if (qobject_cast<QLabel *>(widget) || qobject_cast<QAbstractButton *>(widget)) {
        if (size.width() < hint.width())
            return QStringLiteral("%1 is %2 px wide, wants %3")
                .arg(describe(widget))
                .arg(size.width())
                .arg(hint.width());
    }
    if (auto *combo = qobject_cast<QComboBox *>(widget)) {
        QStyleOptionComboBox option;
        option.initFrom(combo);
        option.editable = combo->isEditable();
        option.currentText = combo->currentText();
        const QRect field = combo->style()->subControlRect(QStyle::CC_ComboBox, &option,
                                                           QStyle::SC_ComboBoxEditField, combo);
        const int textWidth = combo->fontMetrics().horizontalAdvance(combo->currentText());
        if (textWidth > field.width())
            return QStringLiteral("%1: text %2 px in a field of %3")
                .arg(describe(widget))
                .arg(textWidth)
                .arg(field.width());
    }
    if (widget->width() < widget->minimumSizeHint().width())
        return QStringLiteral("%1 narrower than its minimum").arg(describe(widget));
    return {};
}

} // namespace

class TestScaling final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void toolbarTextIsNotClipped_data();
    void toolbarTextIsNotClipped();

private:
    std::unique_ptr<dbs::Simulator> m_simulator;
};

void TestScaling::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("dbs-gateway-browser-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_scaling"));
    QSettings().clear();
    m_simulator = fixture::startSimulator();
}

void TestScaling::toolbarTextIsNotClipped_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::newRow("system") << QStringLiteral("system");
    QTest::newRow("dark") << QStringLiteral("dark");
}

void TestScaling::toolbarTextIsNotClipped()
{
    QFETCH(QString, scheme);
    applyColorScheme(*parseColorScheme(scheme));

    DbsClient client;
    Settings settings;
    MainWindow window(&client, &settings);
    window.resize(1280, 720);
    window.show();
    window.enterDemoMode(QUrl(m_simulator->baseUrl()),
                         {QString::fromLatin1(dbs::demoAccessKeyId),
                          QString::fromLatin1(dbs::demoAccessKeySecret), QString(),
                          QStringLiteral("demo")});
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.gatewayModel()->rowCount() > 0, 15000);

    // The scale factor took: the window is drawn at twice its size in pixels.
    QCOMPARE(window.devicePixelRatio(), 2.0);
    const QPixmap grabbed = window.grab();
    QCOMPARE(grabbed.size(), window.size() * 2);

    QueryToolBar *toolBar = window.queryToolBar();
    QVERIFY(toolBar->isVisible());
    // Nothing pushed into the overflow menu ("»"): every control is on the toolbar itself.
    const auto *extension =
        toolBar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"));
    QVERIFY(extension);
    QVERIFY2(!extension->isVisible(),
             qPrintable(QStringLiteral("the toolbar overflows at 200%: window %1x%2, toolbar %3, "
                                       "wants %4")
                            .arg(window.width())
                            .arg(window.height())
                            .arg(toolBar->width())
                            .arg(toolBar->sizeHint().width())));

    QStringList problems;
    int checked = 0;
    for (QWidget *widget : toolBar->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
        if (!widget->isVisible() || widget == extension)
            continue;
        ++checked;
        if (const QString problem = clipping(widget); !problem.isEmpty())
            problems.append(problem);
    }
    QVERIFY2(checked >= 8, qPrintable(QString::number(checked))); // labels, pickers, buttons
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("\n") + problems.join(u'\n')));
}

QTEST_MAIN(TestScaling)
#include "tst_scaling.moc"
