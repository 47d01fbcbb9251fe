#include "compose/ComposedMessage.h"

#include "mime/MessageParser.h"
#include "mime/MessageWriter.h"
#include "sync/MessageIngest.h"

#include <QUuid>

namespace Poplar::Compose {

Store::OutgoingRecord ComposedMessage::outboxEntry(const Mime::OutgoingMessage &message,
                                                   const QString &account)
{
    Mime::OutgoingMessage sent = message;
    if (sent.messageId.isEmpty())
        sent.messageId = Mime::MessageWriter::newMessageId(message.from.email);
    Mime::WriterOptions options;
    options.smtpUtf8 = Mime::MessageWriter::needsSmtpUtf8(message);

    Store::OutgoingRecord record;
    record.account = account;
    record.raw = Mime::MessageWriter::write(sent, options);
    record.size = record.raw.size();
    record.envelopeFrom = message.from.email;
    QStringList bcc;
    for (const QList<Mime::Address> *list : {&message.to, &message.cc, &message.bcc}) {
        for (const Mime::Address &a : *list) {
            if (!record.recipients.contains(a.email, Qt::CaseInsensitive))
                record.recipients.append(a.email);
        }
    }
    for (const Mime::Address &a : message.bcc)
        bcc.append(a.email);
    record.bcc = bcc.join(QStringLiteral(", "));
    record.subject = message.subject;
    record.to = Mime::Address::joined(message.to);
    record.messageId = sent.messageId;
    return record;
}

Store::NewMessage ComposedMessage::draft(const Mime::OutgoingMessage &message,
                                         const QString &account, const QDateTime &now)
{
    Mime::OutgoingMessage kept = message;
    if (!kept.date.isValid())
        kept.date = now;
    Mime::WriterOptions options;
    options.eightBit = true; // never travels: the text stays readable in the raw view
    options.smtpUtf8 = true;
    options.writeBcc = true;
    const QByteArray raw = Mime::MessageWriter::write(kept, options);
    // Each save is a message of its own (the previous one is discarded in the same batch).
    const QString uidl =
        QStringLiteral("draft:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Store::NewMessage draft =
        Sync::MessageIngest::prepare(account, uidl, raw, raw.size(), false, now);
    draft.folder = Store::Folder::Drafts;
    draft.read = true;
    return draft;
}

Mime::OutgoingMessage ComposedMessage::fromRaw(const QByteArray &raw)
{
    const Mime::Message parsed = Mime::MessageParser::parse(raw);
    Mime::OutgoingMessage message;
    message.from = parsed.from.value(0);
    message.to = parsed.to;
    message.cc = parsed.cc;
    message.bcc = parsed.bcc;
    message.replyTo = parsed.replyTo;
    message.subject = parsed.subject;
    message.text = parsed.bodyText();
    message.inReplyTo = parsed.inReplyTo.value(0);
    message.references = parsed.references;
    for (const Mime::Attachment &a : parsed.attachments) {
        const bool isMessage = a.mimeType.compare("message/rfc822", Qt::CaseInsensitive) == 0;
        message.attachments.append({a.filename, a.mimeType, a.data, isMessage});
    }
    return message;
}

} // namespace Poplar::Compose
