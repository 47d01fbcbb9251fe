#include "sync/AccountFeed.h"

#include "sync/SyncManager.h"

#include "accounts/AccountRepository.h"
#include "accounts/CredentialJob.h"
#include "accounts/CredentialStore.h"

namespace Poplar::Sync {

AccountFeed::AccountFeed(Accounts::AccountRepository *accounts,
                         Accounts::CredentialStore *credentials, SyncManager *sync, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_credentials(credentials)
    , m_sync(sync)
{
    connect(m_accounts, &Accounts::AccountRepository::changed, this, &AccountFeed::refresh);
}

SyncAccount AccountFeed::toSyncAccount(const Accounts::AccountSettings &settings,
                                       const QString &password)
{
    SyncAccount account;
    account.id = settings.id;
    account.name = settings.name();
    account.server = settings.serverSettings(password);

    switch (settings.leavePolicy) {
    case Accounts::LeavePolicy::Keep:
        account.policy.mode = LeavePolicy::Mode::Keep;
        break;
    case Accounts::LeavePolicy::DeleteAfterDays:
        account.policy.mode = LeavePolicy::Mode::DeleteAfterDays;
        break;
    case Accounts::LeavePolicy::DeleteWhenTrashed:
        account.policy.mode = LeavePolicy::Mode::DeleteWhenDeleted;
        break;
    case Accounts::LeavePolicy::DeleteAfterDownload:
        account.policy.mode = LeavePolicy::Mode::DeleteAfterDownload;
        break;
    }
    account.policy.days = settings.deleteAfterDays;
    account.headersOnlyLimit = qint64(settings.headersOnlyLimitKiB) * 1024;
    return account;
}

void AccountFeed::refresh()
{
    const quint64 generation = ++m_generation;
    const QList<Accounts::AccountSettings> accounts = m_accounts->accounts();
    m_pendingReads = 0;
    for (const Accounts::AccountSettings &account : accounts) {
        if (!m_passwords.contains(account.id)) {
            ++m_pendingReads;
            readPassword(account.id, generation);
        }
    }
    if (m_pendingReads == 0)
        publish();
}

void AccountFeed::readPassword(const QString &accountId, quint64 generation)
{
    Accounts::CredentialJob *job = m_credentials->readPassword(accountId);
    connect(job, &Accounts::CredentialJob::finished, this,
            [this, accountId, generation](Accounts::CredentialJob *job) {
                if (generation != m_generation)
                    return;
                // The user may have given the password while the keychain was asked.
                if (!m_passwords.contains(accountId)) {
                    if (job->status() == Accounts::CredentialStatus::Ok)
                        m_passwords.insert(accountId, job->password());
                    else
                        emit passwordNeeded(accountId, job->errorString());
                }
                if (--m_pendingReads == 0)
                    publish();
            });
}

void AccountFeed::setPassword(const QString &accountId, const QString &password)
{
    m_passwords.insert(accountId, password);
    m_credentials->writePassword(accountId, password);
    publish();
}

void AccountFeed::usePassword(const QString &accountId, const QString &password)
{
    m_passwords.insert(accountId, password);
    publish();
}

void AccountFeed::publish()
{
    QList<SyncAccount> usable;
    QHash<QString, int> intervals;
    for (const Accounts::AccountSettings &account : m_accounts->accounts()) {
        const auto password = m_passwords.constFind(account.id);
        if (password == m_passwords.cend())
            continue;
        usable << toSyncAccount(account, *password);
        intervals.insert(account.id, account.checkIntervalMinutes);
    }
    m_sync->setAccounts(usable, intervals);
    emit ready();
}

} // namespace Poplar::Sync
