#include "send/OutboxSender.h"

#include "Logging.h"
#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "store/WriteBatch.h"
#include "sync/MessageIngest.h"

namespace Poplar::Send {

OutboxSender::OutboxSender(Store::StoreWriter *writer, const QString &databasePath,
                           const QString &account, const Smtp::Settings &settings, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_databasePath(databasePath)
    , m_account(account)
    , m_settings(settings)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    qRegisterMetaType<OutboxRun>();
    connect(m_writer, &Store::StoreWriter::batchFinished, this, &OutboxSender::onBatchFinished);
}

qint64 OutboxSender::retryDelaySeconds(int attempts)
{
    // 1, 5, 15 minutes, 1 hour, then every 4 hours: a full mailbox or a greylisting
    // server is usually fine again within the hour.
    static constexpr qint64 delays[] = {60, 5 * 60, 15 * 60, 60 * 60};
    return attempts >= 1 && attempts <= 4 ? delays[attempts - 1] : 4 * 60 * 60;
}

void OutboxSender::start(bool ignoreSchedule)
{
    Store::StoreReader reader;
    if (const Store::StoreError error = reader.open(m_databasePath)) {
        QMetaObject::invokeMethod(
            this, [this, error] { finish(error.message()); }, Qt::QueuedConnection);
        return;
    }
    const auto outbox = reader.outbox(m_account);
    if (!outbox) {
        QMetaObject::invokeMethod(
            this, [this, e = outbox.error()] { finish(e.message()); }, Qt::QueuedConnection);
        return;
    }
    const QDateTime now = m_now();
    for (const Store::OutgoingRecord &r : outbox.value()) {
        if (r.state == Store::OutgoingRecord::State::Queued &&
            (ignoreSchedule || !r.nextAttemptAt.isValid() || r.nextAttemptAt <= now))
            m_pending.push_back(r.id);
    }
    m_total = int(m_pending.size());
    if (m_pending.empty()) {
        QMetaObject::invokeMethod(
            this, [this] { finish(); }, Qt::QueuedConnection);
        return;
    }
    m_client = new Smtp::Client(m_settings, m_factory, this);
    connect(m_client, &Smtp::Client::opened, this, [this] {
        m_sessionOpen = true;
        sendNext();
    });
    connect(m_client, &Smtp::Client::sendFinished, this, &OutboxSender::onSendFinished);
    connect(m_client, &Smtp::Client::failed, this, &OutboxSender::onSessionFailed);
    connect(m_client, &Smtp::Client::certificateRejected, this, &OutboxSender::certificateRejected);
    connect(m_client, &Smtp::Client::sessionClosed, this, [this] {
        if (m_pending.empty() && !m_markTicket && !m_outcomeTicket)
            finish();
    });
    m_client->open();
}

void OutboxSender::cancel()
{
    m_pending.clear();
    if (m_client)
        m_client->cancel();
}

void OutboxSender::sendNext()
{
    if (m_finished || !m_client)
        return;
    Store::WriteBatch batch;
    if (!markNext(batch)) {
        m_client->quit();
        return;
    }
    m_markTicket = m_writer->submit(std::move(batch));
}

bool OutboxSender::markNext(Store::WriteBatch &batch)
{
    while (!m_pending.empty()) {
        const qint64 id = m_pending.front();
        m_pending.pop_front();
        Store::StoreReader reader;
        Store::StoreError error = reader.open(m_databasePath);
        const auto record =
            error ? Store::Result<Store::OutgoingRecord>(error) : reader.outgoing(id);
        if (!record || record.value().state != Store::OutgoingRecord::State::Queued)
            continue; // deleted or changed meanwhile (another window, the user)
        m_current = record.value();
        emit sendingMessage(id, m_total - int(m_pending.size()), m_total);
        // Durably Sending before the first command about it: a crash from here on leaves it
        // Unknown, never silently sent twice.
        batch.setOutgoingState(id, Store::OutgoingRecord::State::Sending, QString(), {}, true);
        return true;
    }
    return false;
}

void OutboxSender::onBatchFinished(const Store::BatchResult &result)
{
    if (result.ticket == m_markTicket) {
        m_markTicket = 0;
        if (!result.committed()) {
            cancel();
            finish(result.error.message());
            return;
        }
        if (!m_client || m_client->state() != Smtp::Client::State::Ready) {
            // The connection went while the mark was written: nothing was sent.
            Store::WriteBatch undo;
            undo.setOutgoingState(m_current.id, Store::OutgoingRecord::State::Queued);
            m_outcomeTicket = m_writer->submit(std::move(undo));
            return;
        }
        m_client->send(Smtp::Envelope{m_current.envelopeFrom, m_current.recipients}, m_current.raw);
    } else if (result.ticket == m_outcomeTicket) {
        m_outcomeTicket = 0;
        if (!result.committed()) {
            cancel();
            finish(result.error.message());
            return;
        }
        if (m_client && m_client->state() == Smtp::Client::State::Ready)
            sendNext();
        else if (!m_client || m_client->state() == Smtp::Client::State::Closed)
            finish(m_run.error);
    }
}

Store::NewMessage OutboxSender::sentCopy(const Store::OutgoingRecord &record, const QDateTime &now)
{
    // The bytes as sent; the Bcc header is kept in the local copy only, as other clients do.
    QByteArray raw = record.raw;
    if (!record.bcc.isEmpty())
        raw.prepend("Bcc: " + record.bcc.toUtf8() + "\r\n");
    const QString uidl = QStringLiteral("sent:%1:%2").arg(record.id).arg(record.messageId);
    Store::NewMessage copy =
        Sync::MessageIngest::prepare(record.account, uidl, raw, raw.size(), false, now);
    copy.folder = Store::Folder::Sent;
    copy.read = true;
    return copy;
}

void OutboxSender::onSendFinished(const Smtp::SendResult &result)
{
    using State = Store::OutgoingRecord::State;
    Store::WriteBatch batch;
    const qint64 id = m_current.id;
    switch (result.outcome) {
    case Smtp::SendResult::Outcome::Sent:
        ++m_run.sent;
        batch.completeOutgoing(id, sentCopy(m_current, m_now()));
        emit messageSent(id, result.refused());
        break;
    case Smtp::SendResult::Outcome::Unknown: {
        ++m_run.unknown;
        const QString reason =
            tr("The connection ended after the message was handed over, before the server "
               "confirmed it: it may or may not have been sent. Poplar will not send it again "
               "by itself.") +
            u' ' + result.error.message();
        batch.setOutgoingState(id, State::Unknown, reason);
        emit messageNotSent(id, State::Unknown, reason);
        break;
    }
    case Smtp::SendResult::Outcome::NotSent: {
        // Refused by every recipient: the headline, then each recipient with its own reason.
        const bool byRecipients = result.error.kind == Smtp::ErrorKind::RecipientsRefused;
        QString reason =
            byRecipients ? Smtp::Error::make(result.error.kind).message() : result.error.message();
        for (const Smtp::RecipientResult &r :
             byRecipients ? result.refused() : QList<Smtp::RecipientResult>()) {
            if (r.reply.code != 0)
                reason += u'\n' + tr("%1: %2").arg(r.address, Smtp::describeReply(r.reply));
        }
        if (result.error.isTransient()) {
            ++m_run.postponed;
            const QDateTime next = m_now().addSecs(retryDelaySeconds(m_current.attempts + 1));
            batch.setOutgoingState(id, State::Queued, reason, next);
            emit messageNotSent(id, State::Queued, reason);
        } else {
            ++m_run.failed;
            batch.setOutgoingState(id, State::Failed, reason);
            emit messageNotSent(id, State::Failed, reason);
        }
        break;
    }
    }
    // The next message's Sending mark rides in the same transaction as this outcome: one
    // commit (one fsync) between two messages instead of two. Only while the session is
    // sound: the server answered (an unknown outcome or a lost connection ends it).
    const bool answered =
        result.outcome == Smtp::SendResult::Outcome::Sent ||
        (result.outcome == Smtp::SendResult::Outcome::NotSent && result.error.reply.code != 0);
    if (answered && m_client && m_client->state() == Smtp::Client::State::Ready && markNext(batch))
        m_markTicket = m_writer->submit(std::move(batch));
    else
        m_outcomeTicket = m_writer->submit(std::move(batch));
}

void OutboxSender::onSessionFailed(const Smtp::Error &error)
{
    // An open send was reported first (sendFinished); the messages not tried stay queued.
    m_run.error = error.message();
    m_pending.clear();
    if (!m_markTicket && !m_outcomeTicket)
        finish(m_run.error);
}

void OutboxSender::finish(const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    if (!error.isEmpty())
        m_run.error = error;
    qCDebug(lcSmtp) << "outbox run of" << m_account << "ended:" << m_run.sent << "sent,"
                    << m_run.failed << "failed," << m_run.unknown << "unknown," << m_run.postponed
                    << "postponed" << m_run.error;
    emit finished(m_run);
}

} // namespace Poplar::Send
