#include "sync/SyncManager.h"

#include "Logging.h"

namespace Poplar::Sync {

SyncManager::SyncManager(Store::StoreWriter *writer, const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_databasePath(databasePath)
{}

SyncManager::~SyncManager()
{
    cancelAll();
}

void SyncManager::setAccounts(const QList<SyncAccount> &accounts,
                              const QHash<QString, int> &intervals)
{
    m_accounts = accounts;
    QSet<QString> ids;
    for (const SyncAccount &account : accounts)
        ids.insert(account.id);
    for (const QString &id : m_runs.keys()) {
        if (!ids.contains(id))
            cancel(id);
    }
    qDeleteAll(m_timers);
    m_timers.clear();
    for (auto it = intervals.cbegin(); it != intervals.cend(); ++it) {
        if (it.value() <= 0 || !ids.contains(it.key()))
            continue;
        auto *timer = new QTimer(this);
        timer->setInterval(std::chrono::minutes(it.value()));
        const QString id = it.key();
        connect(timer, &QTimer::timeout, this, [this, id] { sync(id); });
        timer->start();
        m_timers.insert(id, timer);
    }
    emit accountsChanged();
}

std::optional<SyncAccount> SyncManager::account(const QString &id) const
{
    for (const SyncAccount &account : m_accounts) {
        if (account.id == id)
            return account;
    }
    return std::nullopt;
}

void SyncManager::syncAll()
{
    for (const SyncAccount &account : std::as_const(m_accounts))
        sync(account.id);
}

void SyncManager::sync(const QString &accountId)
{
    if (m_runs.contains(accountId))
        return;
    if (const auto account = this->account(accountId))
        startRun(*account)->start();
}

void SyncManager::fetchFull(const QString &accountId, qint64 messageId, const QString &uidl)
{
    if (m_runs.contains(accountId)) {
        m_waitingFetches[accountId].insert(messageId, uidl);
        return;
    }
    if (const auto account = this->account(accountId))
        startRun(*account)->startFetchFull({{messageId, uidl}});
}

AccountSync *SyncManager::startRun(const SyncAccount &original, bool retry)
{
    SyncAccount account = original;
    if (const int limit = m_pipelineLimits.value(account.id))
        account.server.pipelineMaxCommands = std::min(account.server.pipelineMaxCommands, limit);
    auto *run = new AccountSync(account, m_writer, m_databasePath, this);
    const QString id = account.id;
    m_runs.insert(id, run);
    connect(run, &AccountSync::progressChanged, this,
            [this, id](const SyncProgress &progress) { emit progressChanged(id, progress); });
    connect(run, &AccountSync::certificateRejected, this,
            [this, id](const Net::CertificateProblem &problem) {
                emit certificateRejected(id, problem);
            });
    const int pipelined = account.server.pipelineMaxCommands;
    connect(run, &AccountSync::finished, this,
            [this, id, run, pipelined](const SyncResult &result) {
                m_runs.remove(id);
                run->deleteLater();
                if (result.pipelineLimit > 0 && result.pipelineLimit < pipelined) {
                    m_pipelineLimits.insert(id, result.pipelineLimit);
                    qCInfo(lcSync)
                        << "sync" << id << ": the server hung up on a long pipelined queue; at most"
                        << result.pipelineLimit << "commands in flight from now on";
                    const auto account = this->account(id);
                    if (!result.ok && account) {
                        // The retry's result counts what this run stored as well.
                        m_retried[id].downloaded += result.downloaded;
                        m_retried[id].warnings += result.warnings;
                        // At once: what was downloaded is stored, the rest comes now. The
                        // limit falls with every such retry, so they are few (1,000 → 250 →
                        // … → 1).
                        startRun(*account, true)->start();
                        return;
                    }
                }
                SyncResult total = result;
                if (const auto before = m_retried.find(id); before != m_retried.end()) {
                    total.downloaded += before->downloaded;
                    total.warnings = before->warnings + total.warnings;
                    m_retried.erase(before);
                }
                emit finished(id, total);
                // Messages asked for while this run was busy are fetched now.
                const QHash<qint64, QString> waiting = m_waitingFetches.take(id);
                const auto account = this->account(id);
                if (!waiting.isEmpty() && account)
                    startRun(*account)->startFetchFull(waiting);
                updateBusy();
            });
    if (!retry)
        emit started(id);
    updateBusy();
    return run;
}

void SyncManager::updateBusy()
{
    if (m_busy == isBusy())
        return;
    m_busy = isBusy();
    emit busyChanged(m_busy);
}

void SyncManager::cancel(const QString &accountId)
{
    if (AccountSync *run = m_runs.value(accountId))
        run->cancel();
}

void SyncManager::cancelAll()
{
    for (AccountSync *run : std::as_const(m_runs))
        run->cancel();
}

std::optional<SyncProgress> SyncManager::progress(const QString &accountId) const
{
    if (const AccountSync *run = m_runs.value(accountId))
        return run->progress();
    return std::nullopt;
}

} // namespace Poplar::Sync
