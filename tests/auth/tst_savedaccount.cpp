#include <auth/savedaccount.h>

#include <QTest>

using dbs::SavedAccount;
using Kind = dbs::SavedAccount::Kind;

Q_DECLARE_METATYPE(dbs::SavedAccount)

namespace {
SavedAccount role(const QString &arn, const QString &source = QStringLiteral("dev"))
{
    SavedAccount account;
    account.name = QStringLiteral("prod");
    account.kind = Kind::Role;
    account.roleArn = arn;
    account.source = source;
    return account;
}
} // namespace

class TestSavedAccount final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roleArnShape_data();
    void roleArnShape();
    void problem_data();
    void problem();
    void roundTrip_data();
    void roundTrip();
    void malformedEntriesSkipped();
    void keychainEntryIsItsOwn();
};

void TestSavedAccount::roleArnShape_data()
{
    QTest::addColumn<QString>("arn");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << "acs:ram::1234567890123456:role/dbs-reader" << true;
    QTest::newRow("dots and underscores") << "acs:ram::1:role/a.b_c" << true;
    QTest::newRow("upper case") << "ACS:RAM::123:ROLE/Reader" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("no account id") << "acs:ram:::role/reader" << false;
    QTest::newRow("letters in the id") << "acs:ram::12ab:role/reader" << false;
    QTest::newRow("no role name") << "acs:ram::123:role/" << false;
    QTest::newRow("a user, not a role") << "acs:ram::123:user/reader" << false;
    QTest::newRow("another service") << "acs:oss::123:role/reader" << false;
    QTest::newRow("trailing space") << "acs:ram::123:role/reader " << false;
    QTest::newRow("a path") << "acs:ram::123:role/a/b" << false;
}

void TestSavedAccount::roleArnShape()
{
    QFETCH(QString, arn);
    QFETCH(bool, valid);
    QCOMPARE(dbs::isRoleArn(arn), valid);
}

void TestSavedAccount::problem_data()
{
    QTest::addColumn<SavedAccount>("account");
    QTest::addColumn<QString>("problem"); // a part of it; empty: none

    SavedAccount keys;
    keys.name = QStringLiteral("dev");
    QTest::newRow("keys") << keys << QString();
    SavedAccount unnamed = keys;
    unnamed.name = QStringLiteral("  ");
    QTest::newRow("no name") << unnamed << QStringLiteral("needs a name");
    SavedAccount spaced = keys;
    spaced.name = QStringLiteral(" dev");
    QTest::newRow("spaced name") << spaced << QStringLiteral("begin or end with a space");
    SavedAccount longName = keys;
    longName.name = QString(65, u'x');
    QTest::newRow("long name") << longName << QStringLiteral("longer than 64");
    SavedAccount control = keys;
    control.name = QStringLiteral("\x1f"
                                  "all");
    QTest::newRow("control character") << control << QStringLiteral("control or text-direction");
    SavedAccount bidi = keys;
    bidi.name = QStringLiteral("prod\u202egnp");
    QTest::newRow("bidi override") << bidi << QStringLiteral("control or text-direction");
    SavedAccount chinese = keys;
    chinese.name = QStringLiteral("生产 账号");
    QTest::newRow("Chinese and a space") << chinese << QString();

    QTest::newRow("role") << role(QStringLiteral("acs:ram::123:role/r")) << QString();
    QTest::newRow("role without ARN") << role({}) << QStringLiteral("needs its ARN");
    QTest::newRow("bad ARN") << role(QStringLiteral("arn:aws:iam::123:role/r"))
                             << QStringLiteral("is not a role ARN");
    QTest::newRow("no source") << role(QStringLiteral("acs:ram::123:role/r"), {})
                               << QStringLiteral("needs an account to sign");
    SavedAccount session = role(QStringLiteral("acs:ram::123:role/r"));
    session.sessionName = QStringLiteral("dbs-browser@host");
    QTest::newRow("session name") << session << QString();
    session.sessionName = QStringLiteral("a b");
    QTest::newRow("bad session name") << session << QStringLiteral("session name must be");
    SavedAccount region = role(QStringLiteral("acs:ram::123:role/r"));
    region.stsRegion = QStringLiteral("cn-shanghai");
    QTest::newRow("STS region") << region << QString();
    region.stsRegion = QStringLiteral("Shanghai");
    QTest::newRow("bad STS region") << region << QStringLiteral("is not a region id");
}

void TestSavedAccount::problem()
{
    QFETCH(SavedAccount, account);
    QFETCH(QString, problem);
    const QString actual = account.problem();
    if (problem.isEmpty())
        QVERIFY2(actual.isEmpty(), qPrintable(actual));
    else
        QVERIFY2(actual.contains(problem), qPrintable(actual));
}

void TestSavedAccount::roundTrip_data()
{
    QTest::addColumn<SavedAccount>("account");
    SavedAccount keys;
    keys.name = QStringLiteral("dev");
    QTest::newRow("keys") << keys;
    QTest::newRow("role") << role(QStringLiteral("acs:ram::123:role/r"));
    SavedAccount full = role(QStringLiteral("acs:ram::123:role/r"));
    full.sessionName = QStringLiteral("dbs");
    full.stsRegion = QStringLiteral("cn-beijing");
    QTest::newRow("role with everything") << full;
}

void TestSavedAccount::roundTrip()
{
    QFETCH(SavedAccount, account);
    const QVariantList list = dbs::savedAccountsToVariant({account, account});
    QCOMPARE(list.size(), 2);
    const QList<SavedAccount> back = dbs::savedAccountsFromVariant(list);
    QCOMPARE(back.size(), 2);
    QVERIFY(back.first() == account);
    // A role's fields mean nothing for keys: not written for them.
    if (account.kind == Kind::Keys)
        QCOMPARE(list.first().toMap().keys(), (QStringList{"kind", "name"}));
}

void TestSavedAccount::malformedEntriesSkipped()
{
    const QVariantList list{
        QVariantMap{{"name", "ok"}, {"kind", "keys"}},
        QVariantMap{{"name", "odd"}, {"kind", "sso"}},
        QVariantMap{{"kind", "keys"}},
        QVariantMap{{"name", "r"}, {"kind", "role"}, {"roleArn", "nonsense"}, {"source", "ok"}},
        QStringLiteral("not a map"),
    };
    const QList<SavedAccount> accounts = dbs::savedAccountsFromVariant(list);
    QCOMPARE(accounts.size(), 1);
    QCOMPARE(accounts.first().name, QStringLiteral("ok"));
    QVERIFY(dbs::savedAccountsFromVariant(QVariant()).isEmpty());
}

void TestSavedAccount::keychainEntryIsItsOwn()
{
    // Never the browser's own entry ("default"), whatever the account is called.
    QCOMPARE(SavedAccount::keychainEntry(QStringLiteral("default")),
             QStringLiteral("account:default"));
    QCOMPARE(role(QStringLiteral("acs:ram::1:role/r")).modeName(), QStringLiteral("RamRoleArn"));
    QCOMPARE(SavedAccount().modeName(), QStringLiteral("AK"));
}

QTEST_GUILESS_MAIN(TestSavedAccount)
#include "tst_savedaccount.moc"
