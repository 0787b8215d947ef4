// The embedded demo behaves as a live fleet: heartbeats keep coming while it runs.
#include "simfixture.h"

#include <browser/demosession.h>

#include <QDateTime>
#include <QHash>
#include <QTest>

using namespace dbs;

class TestDemoSession final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void heartbeatsKeepComing();
};

void TestDemoSession::heartbeatsKeepComing()
{
    DemoSession demo;
    QString error;
    QVERIFY2(demo.start(400, &error), qPrintable(error));
    DbsClient client;
    ClientOptions options = client.options();
    options.endpoint = demo.endpoint();
    client.setOptions(options);
    client.setCredential(DemoSession::credential());
    const auto heartbeats = [&client] {
        const fixture::PageOutcome outcome =
            fixture::fetchPage(client, fixture::query(QStringLiteral("cn-hangzhou"), 100));
        QHash<QString, qint64> times;
        for (const BackupGateway &gateway : outcome.page.gateways) {
            if (gateway.status == u"ONLINE")
                times.insert(gateway.backupGatewayId, gateway.lastHeartbeatTime);
        }
        return times;
    };
    const QHash<QString, qint64> first = heartbeats();
    QVERIFY(first.size() > 30);
    // Each gateway reports every 30 s at its own moment: in 2 s some of them have.
    QTest::qWait(2000);
    const QHash<QString, qint64> later = heartbeats();
    int advanced = 0;
    for (auto it = later.cbegin(); it != later.cend(); ++it)
        advanced += it.value() > first.value(it.key(), it.value());
    QVERIFY2(advanced > 0, "no heartbeat came in 2 s");
    QVERIFY(advanced < later.size()); // each at its own moment, not all at once
}

QTEST_GUILESS_MAIN(TestDemoSession)
#include "tst_demosession.moc"
