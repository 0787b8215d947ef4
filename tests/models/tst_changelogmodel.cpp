#include <models/changelogmodel.h>

#include <QAbstractItemModelTester>
#include <QTest>

using namespace dbs;

namespace {
GatewayChange change(ChangeKind kind, const QString &id, const QString &status,
                     const QString &previous = {})
{
    GatewayChange c;
    c.kind = kind;
    c.gateway.backupGatewayId = id;
    c.gateway.status = status;
    c.gateway.region = QStringLiteral("cn-hangzhou");
    c.previousStatus = previous;
    c.timeMs = 1'790'000'000'000;
    return c;
}

QStringList column(const ChangeLogModel &model, int column)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row)
        texts.append(model.index(row, column).data().toString());
    return texts;
}
} // namespace

class TestChangeLogModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void newestFirst();
    void namesAreShownNotObeyed();
    void capacityDropsTheOldest();
    void accountsSayWhose();
    void words_data();
    void words();
};

void TestChangeLogModel::newestFirst()
{
    ChangeLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addChanges({change(ChangeKind::Added, "a", "ONLINE"),
                      change(ChangeKind::Status, "b", "OFFLINE", "ONLINE")});
    model.addChanges({change(ChangeKind::Removed, "c", "STOPPED", "STOPPED")});
    QCOMPARE(column(model, ChangeLogModel::GatewayColumn), (QStringList{"c", "a", "b"}));
    QCOMPARE(column(model, ChangeLogModel::StatusColumn),
             (QStringList{"STOPPED", "ONLINE", "ONLINE → OFFLINE"}));
    QCOMPARE(model.index(2, 0).data(ChangeLogModel::GatewayIdRole).toString(), QStringLiteral("b"));
    model.addChanges({});
    QCOMPARE(model.rowCount(), 3);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestChangeLogModel::accountsSayWhose()
{
    // All accounts: each change names its account beside the region, and the header says so.
    ChangeLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addChanges({change(ChangeKind::Added, "a", "ONLINE")});
    QCOMPARE(model.headerData(ChangeLogModel::RegionColumn, Qt::Horizontal).toString(),
             QStringLiteral("Region"));
    GatewayChange other = change(ChangeKind::Status, "b", "OFFLINE", "ONLINE");
    other.gateway.account = QStringLiteral("prod\x1b[1m");
    model.addChanges({other});
    QCOMPARE(model.headerData(ChangeLogModel::RegionColumn, Qt::Horizontal).toString(),
             QStringLiteral("Account · Region"));
    QCOMPARE(column(model, ChangeLogModel::RegionColumn),
             (QStringList{"prod\\e[1m · cn-hangzhou", "cn-hangzhou"}));
    model.clear();
    QCOMPARE(model.headerData(ChangeLogModel::RegionColumn, Qt::Horizontal).toString(),
             QStringLiteral("Region"));
}

void TestChangeLogModel::namesAreShownNotObeyed()
{
    // Names, regions and statuses come from the service: every control character is escaped.
    ChangeLogModel model;
    GatewayChange c = change(ChangeKind::Status, "id\x1b[2J", QStringLiteral("OFF\u202ELINE"),
                             QStringLiteral("ONLINE"));
    c.gateway.displayName = QStringLiteral("\x1b]0;title\x07gw\nnext");
    c.gateway.region = QStringLiteral("cn-\x9b31m");
    model.addChanges({c});
    for (int col = 0; col < model.columnCount(); ++col) {
        const QString text = model.index(0, col).data().toString();
        for (const uint code : text.toUcs4())
            QVERIFY2(code >= 0x20 && !(code >= 0x7F && code <= 0x9F) && code != 0x202E,
                     qPrintable(text));
    }
    QVERIFY(model.index(0, ChangeLogModel::GatewayColumn).data().toString().contains(u"\\e]0;"));
}

void TestChangeLogModel::capacityDropsTheOldest()
{
    ChangeLogModel model(nullptr, 3);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addChanges(
        {change(ChangeKind::Added, "1", "ONLINE"), change(ChangeKind::Added, "2", "ONLINE")});
    model.addChanges(
        {change(ChangeKind::Added, "3", "ONLINE"), change(ChangeKind::Added, "4", "ONLINE")});
    QCOMPARE(column(model, ChangeLogModel::GatewayColumn), (QStringList{"3", "4", "1"}));
    // More at once than it holds: only the first `capacity` of them.
    model.addChanges(
        {change(ChangeKind::Added, "5", "ONLINE"), change(ChangeKind::Added, "6", "ONLINE"),
         change(ChangeKind::Added, "7", "ONLINE"), change(ChangeKind::Added, "8", "ONLINE")});
    QCOMPARE(column(model, ChangeLogModel::GatewayColumn), (QStringList{"5", "6", "7"}));
}

void TestChangeLogModel::words_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("words");
    QTest::newRow("added") << int(ChangeKind::Added) << "ONLINE"
                           << "Added";
    QTest::newRow("removed") << int(ChangeKind::Removed) << "ONLINE"
                             << "Removed";
    QTest::newRow("offline") << int(ChangeKind::Status) << "OFFLINE"
                             << "Went offline";
    QTest::newRow("other status") << int(ChangeKind::Status) << "STOPPED"
                                  << "Status changed";
    QTest::newRow("stale") << int(ChangeKind::Stale) << "ONLINE"
                           << "Went stale";
    QTest::newRow("recovered") << int(ChangeKind::Recovered) << "ONLINE"
                               << "Back online";
}

void TestChangeLogModel::words()
{
    QFETCH(int, kind);
    QFETCH(QString, status);
    QFETCH(QString, words);
    QCOMPARE(ChangeLogModel::describe(change(ChangeKind(kind), "x", status, "ONLINE")), words);
}

QTEST_GUILESS_MAIN(TestChangeLogModel)
#include "tst_changelogmodel.moc"
