#pragma once

#include "store/MessageSummary.h"

#include <QDateTime>
#include <QString>

namespace Poplar::Ui {

// One row of the message list: what the list shows, sorts by and pages from, without the rest
// of a message's summary (recipients, snippet, Message-ID and References, content hash). With
// 100,000 rows loaded, full summaries alone took about 150 MB.
struct MessageListRow
{
    MessageListRow() = default;
    explicit MessageListRow(const Store::MessageSummary &message);

    // A summary with the fields a row has (the others empty): what the store's page cursors
    // are made from.
    Store::MessageSummary toSummary() const;

    // Whether the list shows a and b alike (same place, same cells).
    static bool sameContent(const MessageListRow &a, const MessageListRow &b);

    static constexpr int MaxThreadDepth = 8;

    qint64 id = 0;
    QString account;
    QString uidl;
    qint64 size = 0;
    QDateTime date;
    QString from;
    QString subject;
    qint64 thread = 0;
    QDateTime threadDate;
    Store::Folder folder = Store::Folder::Inbox;
    // How far the message is indented when grouped by thread: 0 for a message that replies
    // to none, else its place in the chain its References name (at most MaxThreadDepth).
    qint8 threadDepth = 0;
    bool hasAttachments = false;
    bool read = false;
    bool starred = false;
    bool headersOnly = false;
};

} // namespace Poplar::Ui
