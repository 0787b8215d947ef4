// The words for a status: names, "(stale)", descriptions, statuses this build does not know.
#include <fleet/statuswords.h>

#include <api/backupgateway.h>

#include <QTest>

using namespace dbs;

class TestStatusWords final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void words_data();
    void words();
    void everyKnownStatusHasItsOwnWords();
};

void TestStatusWords::words_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("stale");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("description");

    const QString unknown = QStringLiteral("A status this version of the browser does not know.");
    const QString staleDescription =
        QStringLiteral("Reports ONLINE, but its last heartbeat is older than the stale threshold.");
    QTest::newRow("online") << "ONLINE" << false << "Online"
                            << "Online"
                            << "Online: the gateway is connected and sending heartbeats.";
    QTest::newRow("online, stale") << "ONLINE" << true << "Online"
                                   << "Online (stale)" << staleDescription;
    QTest::newRow("offline") << "OFFLINE" << false << "Offline"
                             << "Offline"
                             << "Offline: the gateway is not connected.";
    QTest::newRow("stopped") << "STOPPED" << false << "Stopped"
                             << "Stopped"
                             << "Stopped: the gateway was stopped.";
    QTest::newRow("upgrading") << "UPGRADING" << false << "Upgrading"
                               << "Upgrading"
                               << "Upgrading: the gateway is installing a new version.";
    QTest::newRow("unknown, as spelt") << "DELETING" << false << "DELETING"
                                       << "DELETING" << unknown;
    QTest::newRow("lower case is not known") << "online" << false << "online"
                                             << "online" << unknown;
    QTest::newRow("control characters escaped") << "BAD\x1b[31m\n"
                                                << false << "BAD\\e[31m\\n"
                                                << "BAD\\e[31m\\n"
                                                << unknown;
    QTest::newRow("bidi override escaped") << QStringLiteral("X\u202EY") << false << "X\\u202EY"
                                           << "X\\u202EY" << unknown;
    QTest::newRow("missing") << "" << false << "(unknown)"
                             << "(unknown)" << unknown;
    QTest::newRow("unknown, stale") << "NEW" << true << "NEW"
                                    << "NEW (stale)" << staleDescription;
}

void TestStatusWords::words()
{
    QFETCH(QString, status);
    QFETCH(bool, stale);
    QFETCH(QString, name);
    QFETCH(QString, text);
    QFETCH(QString, description);
    QCOMPARE(statuswords::name(status), name);
    QCOMPARE(statuswords::text(status, stale), text);
    QCOMPARE(statuswords::description(status, stale), description);
}

void TestStatusWords::everyKnownStatusHasItsOwnWords()
{
    QSet<QString> names;
    QSet<QString> descriptions;
    for (const QString &status : knownStatuses()) {
        QVERIFY2(statuswords::name(status) != status, qPrintable(status));
        names.insert(statuswords::name(status));
        descriptions.insert(statuswords::description(status, false));
    }
    QCOMPARE(names.size(), knownStatuses().size());
    QCOMPARE(descriptions.size(), knownStatuses().size());
    QVERIFY(!descriptions.contains(statuswords::description(QStringLiteral("NEW"), false)));
}

QTEST_GUILESS_MAIN(TestStatusWords)
#include "tst_statuswords.moc"
