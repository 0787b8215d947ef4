#pragma once

#include <api/dbsclient.h>
#include <auth/signinspec.h>
#include <fleet/regionsweep.h>

#include <QObject>
#include <QPointer>
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

    // Makes a client for each of `names`, replacing those before (deleted after ready(): the
    // table lists with them until then); ready() follows once every account is worked out.
    void setAccounts(const QStringList &names);
    void clear();
    // The browser's client's options changed (a CA trusted or forgotten): every client's too.
    void setOptions(const ClientOptions &options);
    QVector<SweepAccount> accounts() const { return m_accounts; }
    QStringList names() const;

Q_SIGNALS:
    void ready();

private:
    void settle(int index, const SignInSpec &spec, const QString &error);
    void retire();
    void dropRetired();
    void emitReady();

    DbsClient *m_client;                  // not owned
    CredentialsController *m_credentials; // not owned
    QVector<SweepAccount> m_accounts;     // their clients are children
    QList<QPointer<DbsClient>> m_retired; // children, replaced, deleted once ready() is out
    int m_pending = 0;
    int m_generation = 0; // an answer for accounts since replaced is dropped
};

} // namespace dbs
