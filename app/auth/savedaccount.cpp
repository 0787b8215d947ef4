#include "savedaccount.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace dbs {

namespace {
QString kindName(SavedAccount::Kind kind)
{
    return kind == SavedAccount::Kind::Role ? QStringLiteral("role") : QStringLiteral("keys");
}
} // namespace

QString SavedAccount::modeName() const
{
    return kind == Kind::Role ? QStringLiteral("RamRoleArn") : QStringLiteral("AK");
}

QString SavedAccount::keychainEntry(const QString &name)
{
    return QStringLiteral("account:") + name;
}

QVariantMap SavedAccount::toVariant() const
{
    QVariantMap map{{QStringLiteral("name"), name}, {QStringLiteral("kind"), kindName(kind)}};
    if (kind == Kind::Role) {
        map.insert(QStringLiteral("roleArn"), roleArn);
        map.insert(QStringLiteral("source"), source);
        if (!sessionName.isEmpty())
            map.insert(QStringLiteral("sessionName"), sessionName);
        if (!stsRegion.isEmpty())
            map.insert(QStringLiteral("stsRegion"), stsRegion);
    }
    return map;
}

std::optional<SavedAccount> SavedAccount::fromVariant(const QVariant &value)
{
    const QVariantMap map = value.toMap();
    SavedAccount account;
    account.name = map.value(QStringLiteral("name")).toString();
    const QString kind = map.value(QStringLiteral("kind")).toString();
    if (kind == u"role")
        account.kind = Kind::Role;
    else if (kind != u"keys")
        return std::nullopt;
    if (account.kind == Kind::Role) {
        account.roleArn = map.value(QStringLiteral("roleArn")).toString();
        account.source = map.value(QStringLiteral("source")).toString();
        account.sessionName = map.value(QStringLiteral("sessionName")).toString();
        account.stsRegion = map.value(QStringLiteral("stsRegion")).toString();
    }
    if (!account.problem().isEmpty())
        return std::nullopt;
    return account;
}

QString SavedAccount::problem() const
{
    if (name.trimmed().isEmpty())
        return QCoreApplication::translate("dbs::auth", "The account needs a name.");
    if (name != name.trimmed())
        return QCoreApplication::translate("dbs::auth",
                                           "The account's name cannot begin or end with a space.");
    if (name.size() > 64)
        return QCoreApplication::translate("dbs::auth",
                                           "The account's name is longer than 64 characters.");
    // A name is shown in the picker, a column and the status bar: nothing there may act.
    // (Bidi overrides are format characters: not printable either.)
    if (std::any_of(name.cbegin(), name.cend(), [](QChar c) { return !c.isPrint(); }))
        return QCoreApplication::translate(
            "dbs::auth", "The account's name cannot hold control or text-direction characters.");
    if (kind == Kind::Keys)
        return {};
    if (roleArn.isEmpty())
        return QCoreApplication::translate("dbs::auth", "The role needs its ARN.");
    if (!isRoleArn(roleArn))
        return QCoreApplication::translate(
                   "dbs::auth",
                   "\"%1\" is not a role ARN (acs:ram::<account id>:role/<role name>).")
            .arg(roleArn);
    if (source.isEmpty())
        return QCoreApplication::translate("dbs::auth",
                                           "The role needs an account to sign for it.");
    // As STS accepts RoleSessionName.
    static const QRegularExpression session(QStringLiteral("^[A-Za-z0-9._@-]{2,64}$"));
    if (!sessionName.isEmpty() && !session.match(sessionName).hasMatch())
        return QCoreApplication::translate(
            "dbs::auth", "The session name must be 2 to 64 letters, digits or . _ @ -.");
    static const QRegularExpression region(QStringLiteral("^[a-z]+(-[a-z0-9]+)+$"));
    if (!stsRegion.isEmpty() && !region.match(stsRegion).hasMatch())
        return QCoreApplication::translate("dbs::auth",
                                           "\"%1\" is not a region id (e.g. cn-hangzhou).")
            .arg(stsRegion);
    return {};
}

bool SavedAccount::operator==(const SavedAccount &other) const
{
    return name == other.name && kind == other.kind && roleArn == other.roleArn &&
           source == other.source && sessionName == other.sessionName &&
           stsRegion == other.stsRegion;
}

QList<SavedAccount> savedAccountsFromVariant(const QVariant &value)
{
    QList<SavedAccount> accounts;
    for (const QVariant &entry : value.toList()) {
        if (const std::optional<SavedAccount> account = SavedAccount::fromVariant(entry))
            accounts.append(*account);
    }
    return accounts;
}

QVariantList savedAccountsToVariant(const QList<SavedAccount> &accounts)
{
    QVariantList list;
    for (const SavedAccount &account : accounts)
        list.append(account.toVariant());
    return list;
}

bool isRoleArn(const QString &text)
{
    // RAM role names: letters, digits, '.', '-' and '_', at most 64.
    static const QRegularExpression arn(
        QStringLiteral("^acs:ram::[0-9]+:role/[A-Za-z0-9._-]{1,64}$"),
        QRegularExpression::CaseInsensitiveOption);
    return arn.match(text).hasMatch();
}

} // namespace dbs
