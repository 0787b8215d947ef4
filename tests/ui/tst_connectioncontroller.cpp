// Where requests go and who signs them: the demo and back, the trusted CA, the status text.
#include <ui/window/connectioncontroller.h>

#include <api/dbsclient.h>
#include <settings/settings.h>
#include <ui/dialogs/credentialscontroller.h>

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dbs;

class TestConnectionController final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void demoAndBack();
    void caFile();

private:
    QTemporaryDir m_home;
};

void TestConnectionController::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("tst_connectioncontroller"));
}

void TestConnectionController::init()
{
    QSettings().clear();
}

void TestConnectionController::demoAndBack()
{
    Settings settings;
    DbsClient client;
    ClientOptions options = client.options();
    options.endpoint = QUrl(QStringLiteral("https://dbs-api.cn-hangzhou.aliyuncs.com"));
    client.setOptions(options);
    CredentialsController credentials(&settings, nullptr);
    ConnectionController connection(&client, &settings, &credentials);
    QSignalSpy ready(&connection, &ConnectionController::credentialReady);
    QSignalSpy demo(&connection, &ConnectionController::demoChanged);

    const Credential demoKey{QStringLiteral("LTAIdemo"),
                             QStringLiteral("demo-secret"),
                             {},
                             QStringLiteral("demo key pair")};
    connection.enterDemo(QUrl(QStringLiteral("http://127.0.0.1:1234")), demoKey);
    QVERIFY(connection.isDemo());
    QCOMPARE(client.options().endpoint, QUrl(QStringLiteral("http://127.0.0.1:1234")));
    QCOMPARE(client.credential().accessKeyId, QStringLiteral("LTAIdemo"));
    QCOMPARE(ready.size(), 1);
    QCOMPARE(demo.takeFirst().at(0).toBool(), true);
    QVERIFY(connection.credentialText().contains(QStringLiteral("demo")));

    // The user's own key (here from the environment) leaves the demo: the endpoint set before
    // it comes back, so the key never reaches the simulator.
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QStringLiteral("LTAIown"));
    environment.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), QStringLiteral("own"));
    credentials.setEnvironment(environment);
    credentials.setHomeDir(m_home.path());
    credentials.resolveAtStartup();
    QTRY_COMPARE(client.credential().accessKeyId, QStringLiteral("LTAIown"));
    QVERIFY(!connection.isDemo());
    QCOMPARE(demo.takeFirst().at(0).toBool(), false);
    QCOMPARE(client.options().endpoint,
             QUrl(QStringLiteral("https://dbs-api.cn-hangzhou.aliyuncs.com")));
    QCOMPARE(ready.size(), 2);
    QVERIFY(!connection.credentialText().contains(QStringLiteral("demo")));
}

void TestConnectionController::caFile()
{
    Settings settings;
    DbsClient client;
    CredentialsController credentials(&settings, nullptr);
    ConnectionController connection(&client, &settings, &credentials);
    QSignalSpy changed(&connection, &ConnectionController::caFileChanged);
    QTemporaryDir dir;
    const QString notACertificate = dir.filePath(QStringLiteral("notes.pem"));
    {
        QFile file(notACertificate);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a certificate\n");
    }
    QString error;
    QVERIFY(!connection.setCaFile(notACertificate, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(client.options().caFile.isEmpty()); // nothing changed
    QVERIFY(settings.value(Settings::Key::CaFile).toString().isEmpty());
    QCOMPARE(changed.size(), 0);

    QVERIFY(connection.setCaFile(QString(), &error)); // the system's only
    QCOMPARE(changed.size(), 1);
    QVERIFY(connection.caFile().isEmpty());
}

QTEST_MAIN(TestConnectionController)
#include "tst_connectioncontroller.moc"
