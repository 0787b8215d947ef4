// mergeRegions and oneRowPerId: the one merge every all-regions view uses.
#include <fleet/merge.h>

#include <QTest>

using namespace dbs;

namespace {
BackupGateway gateway(const QString &id, const QString &name = {})
{
    BackupGateway g;
    g.backupGatewayId = id;
    g.displayName = name.isEmpty() ? id : name;
    return g;
}

QStringList names(const QVector<BackupGateway> &gateways)
{
    QStringList list;
    for (const BackupGateway &g : gateways)
        list.append(g.displayName);
    return list;
}

using ByRegion = QHash<QString, QVector<BackupGateway>>;
} // namespace

class TestMerge final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mergeRegions_data();
    void mergeRegions();
    void regionOfEachRow();
    void oneRowPerId_data();
    void oneRowPerId();
};

void TestMerge::mergeRegions_data()
{
    QTest::addColumn<QStringList>("order");
    QTest::addColumn<ByRegion>("byRegion");
    QTest::addColumn<QStringList>("expected"); // display names, in table order

    const ByRegion two = {{"a", {gateway("1"), gateway("2")}}, {"b", {gateway("3")}}};
    QTest::newRow("regions in the order given")
        << QStringList{"b", "a"} << two << QStringList{"3", "1", "2"};
    QTest::newRow("a region not held adds nothing")
        << QStringList{"a", "c", "b"} << two << QStringList{"1", "2", "3"};
    QTest::newRow("a region held but not asked for is left out")
        << QStringList{"b"} << two << QStringList{"3"};
    QTest::newRow("an id in two regions stays with the first")
        << QStringList{"a", "b"}
        << ByRegion{{"a", {gateway("1", "from a")}}, {"b", {gateway("1", "from b"), gateway("2")}}}
        << QStringList{"from a", "2"};
    QTest::newRow("an id twice in one region: the first row")
        << QStringList{"a"}
        << ByRegion{{"a", {gateway("1", "first"), gateway("2"), gateway("1", "again")}}}
        << QStringList{"first", "2"};
    QTest::newRow("rows without an id are dropped")
        << QStringList{"a"} << ByRegion{{"a", {gateway("", "nameless"), gateway("1")}}}
        << QStringList{"1"};
    QTest::newRow("nothing") << QStringList{} << ByRegion{} << QStringList{};
}

void TestMerge::mergeRegions()
{
    QFETCH(QStringList, order);
    QFETCH(ByRegion, byRegion);
    QFETCH(QStringList, expected);
    QCOMPARE(names(dbs::mergeRegions(order, byRegion)), expected);
}

void TestMerge::regionOfEachRow()
{
    const ByRegion byRegion = {{"a", {gateway("1"), gateway("2")}},
                               {"b", {gateway("2"), gateway("3")}}};
    QHash<QString, QString> regionOf = {{"stale", "x"}};
    dbs::mergeRegions({"b", "a"}, byRegion, &regionOf);
    QCOMPARE(regionOf, (QHash<QString, QString>{{"2", "b"}, {"3", "b"}, {"1", "a"}}));
}

void TestMerge::oneRowPerId_data()
{
    QTest::addColumn<QVector<BackupGateway>>("rows");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("unique") << QVector{gateway("1"), gateway("2")} << QStringList{"1", "2"};
    QTest::newRow("repeated") << QVector{gateway("1", "a"), gateway("2"), gateway("1", "b"),
                                         gateway("2", "c")}
                              << QStringList{"a", "2"};
    QTest::newRow("empty") << QVector<BackupGateway>{} << QStringList{};
}

void TestMerge::oneRowPerId()
{
    QFETCH(QVector<BackupGateway>, rows);
    QFETCH(QStringList, expected);
    QCOMPARE(names(dbs::oneRowPerId(rows)), expected);
}

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
