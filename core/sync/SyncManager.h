#pragma once

#include "sync/AccountSync.h"
#include "sync/SyncAccount.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

namespace Poplar::Store {
class StoreWriter;
}

namespace Poplar::Sync {

// Runs the sync of every account: on request, on each account's schedule, and to complete a
// headers-only message being opened. Accounts run concurrently and independently: one that
// fails (wrong password, server busy, no network) does not stop the others. At most one run
// per account at a time; a request while one runs is ignored. A run whose server hung up while
// many pipelined commands were in flight is tried again at once with a smaller window (again
// while the advice keeps falling), and that account's later runs keep it.
class SyncManager : public QObject
{
    Q_OBJECT

public:
    SyncManager(Store::StoreWriter *writer, const QString &databasePath, QObject *parent = nullptr);
    ~SyncManager() override;

    // The accounts to sync, with their passwords (kept in memory only). Runs of accounts
    // that are gone are cancelled; intervals (minutes, 0 = only on request) are applied.
    void setAccounts(const QList<SyncAccount> &accounts, const QHash<QString, int> &intervals = {});
    QList<SyncAccount> accounts() const { return m_accounts; }
    std::optional<SyncAccount> account(const QString &id) const;

    void syncAll();
    void sync(const QString &accountId);
    // Downloads a headers-only message in full (it is being opened); while the account is
    // syncing, right after that run.
    void fetchFull(const QString &accountId, qint64 messageId, const QString &uidl);
    void cancel(const QString &accountId);
    void cancelAll();

    bool isRunning(const QString &accountId) const { return m_runs.contains(accountId); }
    bool isBusy() const { return !m_runs.isEmpty(); }
    std::optional<SyncProgress> progress(const QString &accountId) const;

signals:
    void accountsChanged();
    void started(const QString &accountId);
    void progressChanged(const QString &accountId, const Poplar::Sync::SyncProgress &progress);
    void finished(const QString &accountId, const Poplar::Sync::SyncResult &result);
    void certificateRejected(const QString &accountId,
                             const Poplar::Net::CertificateProblem &problem);
    void busyChanged(bool busy);

private:
    AccountSync *startRun(const SyncAccount &account, bool retry = false);
    void updateBusy();

    Store::StoreWriter *m_writer;
    QString m_databasePath;
    QList<SyncAccount> m_accounts;
    QHash<QString, AccountSync *> m_runs;
    QHash<QString, QHash<qint64, QString>> m_waitingFetches; // account → message id → UIDL
    QHash<QString, QTimer *> m_timers;
    // Accounts whose server hung up on a long pipelined queue: the most commands their
    // sessions pipeline from then on (for the life of this manager).
    QHash<QString, int> m_pipelineLimits;
    // What the runs before such a retry stored and warned of, for the retry's result.
    QHash<QString, SyncResult> m_retried;
    bool m_busy = false;
};

} // namespace Poplar::Sync
