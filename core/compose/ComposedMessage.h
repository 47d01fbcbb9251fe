#pragma once

#include "mime/OutgoingMessage.h"
#include "store/NewMessage.h"
#include "store/OutgoingRecord.h"

#include <QDateTime>
#include <QString>

namespace Poplar::Compose {

// What a message the user composed becomes in the store, and back: the Outbox entry that will
// be sent (exact bytes without Bcc, the envelope) and the draft kept in Drafts (the same bytes
// with the Bcc header, which only this computer sees). Used by `poplar send` and the composer
// window alike, so both queue the same bytes.
class ComposedMessage
{
public:
    // The Outbox entry for `message` from `account`; MAIL FROM is the sender's address.
    // Recipients are To, Cc and Bcc, each address once.
    static Store::OutgoingRecord outboxEntry(const Mime::OutgoingMessage &message,
                                             const QString &account);
    // The draft as stored in Drafts (read, with a uidl of Poplar's own).
    static Store::NewMessage draft(const Mime::OutgoingMessage &message, const QString &account,
                                   const QDateTime &now = QDateTime::currentDateTime());
    // A stored draft (or a sent message, for Edit As New) read back into the composer's
    // fields: addresses, subject, text, attachments and the thread it belongs to.
    static Mime::OutgoingMessage fromRaw(const QByteArray &raw);
};

} // namespace Poplar::Compose
