#pragma once

#include "store/MessageSummary.h"
#include "store/SearchText.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace Poplar::Store {

// A message as the sync engine hands it to the store: the raw bytes exactly as downloaded
// and the summary the parser made of them. The store does not parse mail; it keeps the raw
// bytes so a better parser can rebuild the summary later.
struct NewMessage
{
    QString account;          // the account id (settings live with the accounts)
    QString uidl;             // the server's unique id, or the sync engine's stable fallback key
    QByteArray raw;           // the whole message, or only its header when headersOnly
    qint64 size = -1;         // size on the server; -1 means raw.size()
    bool headersOnly = false; // downloaded with TOP n 0 because it was too large

    QDateTime date; // the Date header; invalid when missing (the first-seen time is used)
    QString from;   // display form, e.g. "Alice Martin <alice@example.org>"
    QString to;     // display form of all recipients, comma-separated
    QString cc;
    QString subject; // decoded
    QString snippet; // the first words of the text, for the list
    bool hasAttachments = false;

    QString messageId; // without angle brackets
    QString inReplyTo;
    QStringList references;

    // A hash of the content chosen by the sync engine (same message => same hash), used with
    // the Message-ID to recognise a message again when the server gives it a new UIDL.
    QByteArray contentHash;

    // The text of the message for search (plain text of the body parts).
    QString bodyText;
    // The search index's form of the fields above (SearchText::document), when the sender
    // made it already; the store makes it otherwise.
    std::optional<SearchText::Document> searchDocument;

    QDateTime firstSeen; // when the UIDL was first seen; invalid means now
    bool read = false;
    // Where it is stored. Mail from the server lands in the Inbox; a message Poplar made
    // (Sent, Drafts) has a uidl of Poplar's own that no server knows, so it is not
    // recorded among the UIDLs seen on the server.
    Folder folder = Folder::Inbox;
};

} // namespace Poplar::Store
