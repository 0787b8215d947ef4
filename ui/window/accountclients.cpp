#include "accountclients.h"

#include <api/dbsclient.h>
#include <signin/signin.h>
#include <ui/dialogs/credentialscontroller.h>

#include <QPointer>

namespace dbs {

AccountClients::AccountClients(DbsClient *client, CredentialsController *credentials,
                               QObject *parent)
    : QObject(parent), m_client(client), m_credentials(credentials)
{}

void AccountClients::clear()
{
    retire();
    dropRetired();
}

void AccountClients::retire()
{
    ++m_generation;
    for (const SweepAccount &account : std::as_const(m_accounts)) {
        if (account.client)
            m_retired.append(account.client);
    }
    m_accounts.clear();
    m_pending = 0;
}

void AccountClients::dropRetired()
{
    // Later: a sweep may be in one of their signals.
    for (const QPointer<DbsClient> &client : std::as_const(m_retired)) {
        if (client)
            client->deleteLater();
    }
    m_retired.clear();
}

void AccountClients::emitReady()
{
    Q_EMIT ready();
    dropRetired(); // the table lists with the new clients now
}

void AccountClients::setOptions(const ClientOptions &options)
{
    for (const SweepAccount &account : std::as_const(m_accounts)) {
        if (account.client)
            account.client->setOptions(options);
    }
}

QStringList AccountClients::names() const
{
    QStringList names;
    for (const SweepAccount &account : m_accounts)
        names.append(account.name);
    return names;
}

void AccountClients::setAccounts(const QStringList &names)
{
    retire(); // the clients before stay until these are ready: the table still lists with them
    const int generation = m_generation;
    m_pending = int(names.size());
    m_accounts.resize(names.size());
    for (int i = 0; i < names.size(); ++i) {
        m_accounts[i].name = names.at(i);
        m_credentials->accountSignIn(
            names.at(i),
            [self = QPointer(this), i, generation](const SignInSpec &spec, const QString &error) {
                if (self && generation == self->m_generation)
                    self->settle(i, spec, error);
            });
    }
    if (names.isEmpty())
        emitReady();
}

void AccountClients::settle(int index, const SignInSpec &spec, const QString &error)
{
    SweepAccount &account = m_accounts[index];
    if (error.isEmpty()) {
        auto *client = new DbsClient(this);
        client->setOptions(m_client->options());
        client->setCredentialProvider(
            makeCredentialProvider(spec, client, m_credentials->signInOptions(), client));
        account.client = client;
    } else {
        account.error.kind = ApiError::Kind::Config;
        account.error.message = error;
    }
    if (--m_pending == 0)
        emitReady();
}

} // namespace dbs
