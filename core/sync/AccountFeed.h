#pragma once

#include "sync/SyncAccount.h"

#include <QHash>
#include <QObject>

namespace Poplar::Accounts {
class AccountRepository;
class AccountSettings;
class CredentialStore;
} // namespace Poplar::Accounts

namespace Poplar::Sync {

class SyncManager;

// Keeps the SyncManager's accounts in step with the profile's accounts and their passwords:
// on start and on every change it reads each password from the CredentialStore (never
// blocking) and hands the accounts over. An account whose password cannot be had is left out
// and reported with passwordNeeded(), so the UI can ask; setPassword() then writes it to the
// store (the keychain, or memory for this run) and adds the account.
class AccountFeed : public QObject
{
    Q_OBJECT

public:
    AccountFeed(Accounts::AccountRepository *accounts, Accounts::CredentialStore *credentials,
                SyncManager *sync, QObject *parent = nullptr);

    // Reads the passwords and feeds the manager; ready() follows.
    void refresh();
    // The password the user gave: remembered in the CredentialStore (the keychain, or memory
    // for this run) and used at once.
    void setPassword(const QString &accountId, const QString &password);
    // A password for this run only (e.g. `poplar sync --password-stdin`): not remembered.
    void usePassword(const QString &accountId, const QString &password);

    static SyncAccount toSyncAccount(const Accounts::AccountSettings &settings,
                                     const QString &password);

signals:
    // Every account has been looked at; those with a password are in the manager.
    void ready();
    void passwordNeeded(const QString &accountId, const QString &reason);

private:
    void readPassword(const QString &accountId, quint64 generation);
    void publish();

    Accounts::AccountRepository *m_accounts;
    Accounts::CredentialStore *m_credentials;
    SyncManager *m_sync;
    QHash<QString, QString> m_passwords; // in memory only, for this run
    int m_pendingReads = 0;
    quint64 m_generation = 0; // a refresh started while reads run makes those reads stale
};

} // namespace Poplar::Sync
