#pragma once

#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace dbs {

// An account saved in this browser, as Settings keeps it: never a secret. A Keys account's
// AccessKey pair (and STS token) is in the system keychain under keychainEntry(name); a Role
// account needs no secret of its own, only the account whose keys assume the role.
struct SavedAccount
{
    enum class Kind { Keys, Role };

    QString name;
    Kind kind = Kind::Keys;
    QString roleArn;     // Role: acs:ram::<account id>:role/<name>
    QString source;      // Role: the aliyun CLI profile or saved account that assumes it
    QString sessionName; // Role, optional: empty makes one up per renewal
    QString stsRegion;   // Role, optional: empty uses the global STS endpoint

    // "AK" or "RamRoleArn", as the aliyun CLI names the modes.
    QString modeName() const;
    // The keychain entry holding a Keys account's AccessKey; apart from the browser's own.
    static QString keychainEntry(const QString &name);

    QVariantMap toVariant() const;
    // Nothing for a map that is not a saved account (an older or hand-edited entry).
    static std::optional<SavedAccount> fromVariant(const QVariant &value);
    // The translated reason this description cannot be saved (a field missing or malformed),
    // empty when it can. Whether the name is free and the source exists is the caller's.
    QString problem() const;

    bool operator==(const SavedAccount &other) const;
};

// The Settings value: a list of maps, in the order saved; malformed entries are skipped.
QList<SavedAccount> savedAccountsFromVariant(const QVariant &value);
QVariantList savedAccountsToVariant(const QList<SavedAccount> &accounts);

// acs:ram::<digits>:role/<name>, as RAM writes a role's ARN.
bool isRoleArn(const QString &text);

} // namespace dbs
