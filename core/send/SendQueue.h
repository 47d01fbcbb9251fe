#pragma once

#include "net/CertificateProblem.h"
#include "send/OutboxSender.h"
#include "smtp/Client.h"
#include "store/OutgoingRecord.h"
#include "store/StoreReader.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace Poplar::Accounts {
class AccountRepository;
class CredentialStore;
} // namespace Poplar::Accounts
namespace Poplar::Store {
class StoreWriter;
}

namespace Poplar::Send {

// The window's sending: runs an OutboxSender for each account that has mail to send, with the
// outgoing password read from the CredentialStore (the incoming one when the account says
// they are the same), one run per account at a time. The command line drives OutboxSender
// itself; this is its never-waiting counterpart for a long-running Poplar.
class SendQueue : public QObject
{
    Q_OBJECT

public:
    SendQueue(Accounts::AccountRepository *accounts, Accounts::CredentialStore *credentials,
              Store::StoreWriter *writer, const QString &databasePath, QObject *parent = nullptr);

    // For tests: how the SMTP client reaches the server.
    void setTransportFactory(Smtp::Client::TransportFactory factory)
    {
        m_factory = std::move(factory);
    }

    // After a crash: messages left Sending become Unknown. Once, before anything is sent.
    void recover();
    // Sends the account's queued messages; with ignoreSchedule also those waiting for a retry
    // or put aside with Send Later. A run already going for the account takes them along.
    void send(const QString &accountId, bool ignoreSchedule = false);
    // Every account's.
    void sendAll(bool ignoreSchedule = false);
    bool isBusy() const { return !m_running.isEmpty() || !m_reading.isEmpty(); }

signals:
    void busyChanged(bool busy);
    void sendingMessage(const QString &accountId, qint64 outboxId, int index, int total);
    void messageSent(const QString &accountId, qint64 outboxId,
                     const QList<Poplar::Smtp::RecipientResult> &refused);
    void messageNotSent(const QString &accountId, qint64 outboxId,
                        Poplar::Store::OutgoingRecord::State state, const QString &reason);
    // The account cannot send yet: it has no outgoing server, or no password for it.
    void outgoingServerMissing(const QString &accountId);
    void passwordMissing(const QString &accountId, const QString &reason);
    void certificateRejected(const QString &accountId,
                             const Poplar::Net::CertificateProblem &problem);
    void finished(const QString &accountId, const Poplar::Send::OutboxRun &run);

private:
    bool hasMailToSend(const QString &accountId, bool ignoreSchedule);
    void run(const QString &accountId, const QString &password, bool ignoreSchedule);
    // Says when Poplar started or stopped sending.
    void updateBusy();

    Accounts::AccountRepository *m_accounts;
    Accounts::CredentialStore *m_credentials;
    Store::StoreWriter *m_writer;
    QString m_databasePath;
    Store::StoreReader m_reader; // what is queued, before asking for a password
    Smtp::Client::TransportFactory m_factory;
    QHash<QString, QPointer<OutboxSender>> m_running;
    QSet<QString> m_reading;      // accounts whose password is being read
    QHash<QString, bool> m_again; // asked to send while running: once more afterwards
    bool m_busyShown = false;
};

} // namespace Poplar::Send
