#pragma once

#include "net/CertificateProblem.h"
#include "smtp/Client.h"
#include "store/BatchResult.h"
#include "store/NewMessage.h"
#include "store/OutgoingRecord.h"
#include "store/WriteBatch.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

#include <deque>

namespace Poplar::Store {
class StoreWriter;
}

namespace Poplar::Send {

// How one run of an account's Outbox ended.
struct OutboxRun
{
    int sent = 0;
    int failed = 0;    // refused for good (Failed)
    int unknown = 0;   // may or may not have been sent (Unknown)
    int postponed = 0; // temporary failure: queued again for later
    QString error;     // why the run stopped early (the connection, the login), in words
    bool ok() const { return error.isEmpty() && failed == 0 && unknown == 0 && postponed == 0; }
};

// Sends the queued messages of one account's Outbox, oldest first, on one SMTP connection
// (RSET between messages). The only place that joins smtp and store for sending.
//
// At most once (DESIGN.md invariant 8): each message is marked Sending in a committed batch
// before its MAIL FROM; when the server accepts it, one transaction takes it out of the Outbox
// and stores its copy in Sent. A submission whose answer never came is marked Unknown and is
// not tried again; so is one left Sending by a crash (RecoverInterruptedSends). Temporary
// refusals and network trouble put it back in the queue with a later time (back-off);
// permanent refusals mark it Failed with the server's reason in words.
class OutboxSender : public QObject
{
    Q_OBJECT

public:
    OutboxSender(Store::StoreWriter *writer, const QString &databasePath, const QString &account,
                 const Smtp::Settings &settings, QObject *parent = nullptr);

    // For tests: how the SMTP client reaches the server.
    void setTransportFactory(Smtp::Client::TransportFactory factory)
    {
        m_factory = std::move(factory);
    }
    // The clock for the back-off; the default is the system's.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

    // Sends what is queued; with ignoreSchedule also what waits for its retry time.
    void start(bool ignoreSchedule = false);
    void cancel();

    // When a message refused for a temporary reason is tried again, after `attempts` tries.
    static qint64 retryDelaySeconds(int attempts);
    // The message as it is kept in Sent: the bytes sent, with the Bcc header (local only).
    static Store::NewMessage sentCopy(const Store::OutgoingRecord &record, const QDateTime &now);

signals:
    void sendingMessage(qint64 outboxId, int index, int total);
    // Sent: `refused` lists the recipients the server did not take (the others got it).
    void messageSent(qint64 outboxId, const QList<Poplar::Smtp::RecipientResult> &refused);
    // Not sent, now in `state` (Queued again, Failed or Unknown), with the reason in words.
    void messageNotSent(qint64 outboxId, Poplar::Store::OutgoingRecord::State state,
                        const QString &reason);
    void certificateRejected(const Poplar::Net::CertificateProblem &problem);
    void finished(const Poplar::Send::OutboxRun &run);

private:
    void sendNext();
    // Takes the next message still queued into m_current and adds its Sending mark to batch;
    // false when none is left.
    bool markNext(Store::WriteBatch &batch);
    void onBatchFinished(const Store::BatchResult &result);
    void onSendFinished(const Smtp::SendResult &result);
    void onSessionFailed(const Smtp::Error &error);
    void finish(const QString &error = QString());

    Store::StoreWriter *m_writer;
    QString m_databasePath;
    QString m_account;
    Smtp::Settings m_settings;
    Smtp::Client::TransportFactory m_factory;
    std::function<QDateTime()> m_now;
    QPointer<Smtp::Client> m_client;
    std::deque<qint64> m_pending; // outbox ids still to send
    int m_total = 0;
    Store::OutgoingRecord m_current; // with its bytes
    quint64 m_markTicket = 0;        // the batch marking m_current Sending (and maybe the
                                     // outcome of the one before)
    quint64 m_outcomeTicket = 0;     // the batch recording how it went
    bool m_sessionOpen = false;
    bool m_finished = false;
    OutboxRun m_run;
};

} // namespace Poplar::Send

Q_DECLARE_METATYPE(Poplar::Send::OutboxRun)
