#pragma once

#include <auth/signinspec.h>
#include <fleet/regionsweep.h>

#include <QObject>
#include <QStringList>
#include <QVector>

namespace dbs {

class CredentialsController;
class DbsClient;

// For "All accounts": a client per account, each signing as that account (its provider renews
// its own keys) with the browser's client's options (endpoint, CA, proxy). An account that
// cannot sign is kept with the reason, so that the table can show it as failed.
class AccountClients final : public QObject
{
    Q_OBJECT
public:
    // `client` (whose options are copied) and `credentials` are not owned and must outlive this.
    AccountClients(DbsClient *client, CredentialsController *credentials,
                   QObject *parent = nullptr);

    // Makes a client for each of `names`, replacing those before (deleted later: a sweep may
    // still be finishing with them); ready() follows once every account is worked out.
    void setAccounts(const QStringList &names);
    void clear();
    bool isReady() const { return m_pending == 0; }
    QVector<SweepAccount> accounts() const { return m_accounts; }
    QStringList names() const;

Q_SIGNALS:
    void ready();

private:
    void settle(int index, const SignInSpec &spec, const QString &error);

    DbsClient *m_client;                  // not owned
    CredentialsController *m_credentials; // not owned
    QVector<SweepAccount> m_accounts;     // their clients are children
    int m_pending = 0;
    int m_generation = 0; // an answer for accounts since replaced is dropped
};

} // namespace dbs
