// The Identifier lookup: splitting pasted lists, and when it asks for a new query.
#include <ui/query/identifierlookup.h>

#include <QApplication>
#include <QClipboard>
#include <QSignalSpy>
#include <QTest>

using dbs::IdentifierLookup;

class TestIdentifierLookup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void enterApplies();
    void pastedColumnBecomesList();
    void clearingReturnsToFullList();
};

void TestIdentifierLookup::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("blank") << QStringLiteral("  \n\t ") << QStringList();
    QTest::newRow("one") << QStringLiteral("dbsgw1") << QStringList{QStringLiteral("dbsgw1")};
    QTest::newRow("commas") << QStringLiteral("a,b,,c")
                            << QStringList{QStringLiteral("a"), QStringLiteral("b"),
                                           QStringLiteral("c")};
    QTest::newRow("spaces") << QStringLiteral("  a  b ")
                            << QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("lines") << QStringLiteral("a\r\nb\nc\n")
                           << QStringList{QStringLiteral("a"), QStringLiteral("b"),
                                          QStringLiteral("c")};
    QTest::newRow("mixed") << QStringLiteral("a, b;\tc\n d")
                           << QStringList{QStringLiteral("a"), QStringLiteral("b"),
                                          QStringLiteral("c"), QStringLiteral("d")};
    QTest::newRow("duplicates keep first order")
        << QStringLiteral("b a b a") << QStringList{QStringLiteral("b"), QStringLiteral("a")};
}

void TestIdentifierLookup::parse()
{
    QFETCH(QString, text);
    QFETCH(QStringList, ids);
    QCOMPARE(IdentifierLookup::parse(text), ids);
}

void TestIdentifierLookup::enterApplies()
{
    IdentifierLookup lookup;
    QSignalSpy changed(&lookup, &IdentifierLookup::lookupChanged);
    QTest::keyClicks(&lookup, QStringLiteral("a, b"));
    QCOMPARE(changed.count(), 0); // typing alone does not query the server
    QTest::keyClick(&lookup, Qt::Key_Return);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toStringList(),
             (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QTest::keyClick(&lookup, Qt::Key_Return); // the same list again: nothing new to ask
    QCOMPARE(changed.count(), 1);
}

void TestIdentifierLookup::pastedColumnBecomesList()
{
    IdentifierLookup lookup;
    lookup.show();
    lookup.setFocus();
    QApplication::clipboard()->setText(QStringLiteral("x1\r\nx2\r\nx3\r\n"));
    QTest::keyClick(&lookup, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(lookup.text(), QStringLiteral("x1, x2, x3"));
}

void TestIdentifierLookup::clearingReturnsToFullList()
{
    IdentifierLookup lookup;
    QSignalSpy changed(&lookup, &IdentifierLookup::lookupChanged);
    lookup.setText(QStringLiteral("a"));
    QTest::keyClick(&lookup, Qt::Key_Return);
    QCOMPARE(changed.count(), 1);
    lookup.clear();
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.last().at(0).toStringList(), QStringList());
    QCOMPARE(lookup.identifiers(), QStringList());
}

QTEST_MAIN(TestIdentifierLookup)
#include "tst_identifierlookup.moc"
