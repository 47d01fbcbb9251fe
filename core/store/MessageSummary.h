#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Poplar::Store {

// Where a message is shown. Stored as an integer: never renumber.
enum class Folder
{
    Inbox = 0,
    Trash = 1,
    Sent = 2,  // copies of what Poplar sent, as sent (plus the Bcc header, kept locally)
    Drafts = 3 // messages being written
};

// A stored message without its raw bytes: what the list, the header pane and the sync
// engine need.
struct MessageSummary
{
    qint64 id = 0;
    QString account;
    QString uidl;
    qint64 size = 0;
    QDateTime date; // the Date header, or when first seen if it had none (always valid)
    QString from;
    QString to;
    QString cc;
    QString subject;
    QString snippet;
    bool hasAttachments = false;
    QString messageId;
    QString inReplyTo;
    QStringList references;
    bool read = false;
    bool starred = false;
    Folder folder = Folder::Inbox;
    QDateTime trashedAt; // when it was moved to the Trash; invalid in the Inbox
    bool headersOnly = false;
    QDateTime firstSeen;
    QDateTime storedAt;
    QByteArray contentHash;
    qint64 thread = 0;    // the conversation's label (see ThreadIndex); same label, same thread
    QDateTime threadDate; // the newest date of the thread in this message's folder
};

} // namespace Poplar::Store
