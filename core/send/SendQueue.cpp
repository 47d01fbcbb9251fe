#include "send/SendQueue.h"

#include "accounts/AccountRepository.h"
#include "accounts/CredentialJob.h"
#include "accounts/CredentialStore.h"
#include "store/StoreWriter.h"
#include "store/WriteBatch.h"

#include <QDateTime>

namespace Poplar::Send {

SendQueue::SendQueue(Accounts::AccountRepository *accounts, Accounts::CredentialStore *credentials,
                     Store::StoreWriter *writer, const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_credentials(credentials)
    , m_writer(writer)
    , m_databasePath(databasePath)
{}

void SendQueue::recover()
{
    Store::WriteBatch batch;
    batch.recoverInterruptedSends();
    m_writer->submit(std::move(batch));
}

void SendQueue::sendAll(bool ignoreSchedule)
{
    for (const Accounts::AccountSettings &account : m_accounts->accounts())
        send(account.id, ignoreSchedule);
}

void SendQueue::send(const QString &accountId, bool ignoreSchedule)
{
    if (m_running.contains(accountId) || m_reading.contains(accountId)) {
        m_again[accountId] = m_again.value(accountId) || ignoreSchedule;
        return;
    }
    const auto account = m_accounts->findById(accountId);
    if (!account || !hasMailToSend(accountId, ignoreSchedule))
        return;
    if (!account->outgoing.isConfigured()) {
        emit outgoingServerMissing(accountId);
        return;
    }
    const QString key = account->outgoing.samePassword
                            ? accountId
                            : Accounts::AccountSettings::outgoingCredentialId(accountId);
    m_reading.insert(accountId);
    updateBusy();
    Accounts::CredentialJob *job = m_credentials->readPassword(key);
    connect(job, &Accounts::CredentialJob::finished, this,
            [this, accountId, ignoreSchedule](Accounts::CredentialJob *done) {
                m_reading.remove(accountId);
                if (done->status() == Accounts::CredentialStatus::Ok) {
                    run(accountId, done->password(), ignoreSchedule);
                    return;
                }
                updateBusy();
                m_again.remove(accountId);
                emit passwordMissing(accountId, done->errorString());
            });
}

// Asked after every mail check: an account with nothing to send needs neither its password nor
// a connection, nor an outgoing server yet.
bool SendQueue::hasMailToSend(const QString &accountId, bool ignoreSchedule)
{
    if (!m_reader.isOpen() && m_reader.open(m_databasePath))
        return true; // let the sender find out and say what is wrong
    const auto outbox = m_reader.outbox(accountId);
    if (!outbox)
        return true;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Store::OutgoingRecord &record : outbox.value())
        if (record.state == Store::OutgoingRecord::State::Queued &&
            (ignoreSchedule || !record.nextAttemptAt.isValid() || record.nextAttemptAt <= now))
            return true;
    return false;
}

void SendQueue::run(const QString &accountId, const QString &password, bool ignoreSchedule)
{
    const auto account = m_accounts->findById(accountId);
    if (!account) {
        updateBusy();
        return;
    }
    auto *sender = new OutboxSender(m_writer, m_databasePath, accountId,
                                    account->outgoingSettings(password), this);
    if (m_factory)
        sender->setTransportFactory(m_factory);
    m_running.insert(accountId, sender);
    connect(
        sender, &OutboxSender::sendingMessage, this,
        [this, accountId](qint64 id, int i, int n) { emit sendingMessage(accountId, id, i, n); });
    connect(sender, &OutboxSender::messageSent, this,
            [this, accountId](qint64 id, const QList<Smtp::RecipientResult> &refused) {
                emit messageSent(accountId, id, refused);
            });
    connect(
        sender, &OutboxSender::messageNotSent, this,
        [this, accountId](qint64 id, Store::OutgoingRecord::State state, const QString &reason) {
            emit messageNotSent(accountId, id, state, reason);
        });
    connect(sender, &OutboxSender::certificateRejected, this,
            [this, accountId](const Net::CertificateProblem &problem) {
                emit certificateRejected(accountId, problem);
            });
    connect(sender, &OutboxSender::finished, this,
            [this, accountId, sender, password](const OutboxRun &result) {
                sender->deleteLater();
                const bool again = m_again.contains(accountId) && result.error.isEmpty();
                const bool againIgnoringSchedule = m_again.take(accountId);
                m_running.remove(accountId);
                emit finished(accountId, result);
                if (again)
                    run(accountId, password, againIgnoringSchedule);
                else
                    updateBusy();
            });
    updateBusy();
    sender->start(ignoreSchedule);
}

void SendQueue::updateBusy()
{
    if (isBusy() == m_busyShown)
        return;
    m_busyShown = isBusy();
    emit busyChanged(m_busyShown);
}

} // namespace Poplar::Send
