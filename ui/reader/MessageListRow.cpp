#include "ui/reader/MessageListRow.h"

#include <algorithm>

namespace Poplar::Ui {

namespace {

int threadDepthOf(const Store::MessageSummary &message)
{
    const qsizetype depth = !message.references.isEmpty()  ? message.references.size()
                            : !message.inReplyTo.isEmpty() ? 1
                                                           : 0;
    return int(std::min<qsizetype>(depth, MessageListRow::MaxThreadDepth));
}

} // namespace

MessageListRow::MessageListRow(const Store::MessageSummary &message)
    : id(message.id)
    , account(message.account)
    , uidl(message.uidl)
    , size(message.size)
    , date(message.date)
    , from(message.from)
    , subject(message.subject)
    , thread(message.thread)
    , threadDate(message.threadDate)
    , folder(message.folder)
    , threadDepth(qint8(threadDepthOf(message)))
    , hasAttachments(message.hasAttachments)
    , read(message.read)
    , starred(message.starred)
    , headersOnly(message.headersOnly)
{}

Store::MessageSummary MessageListRow::toSummary() const
{
    Store::MessageSummary summary;
    summary.id = id;
    summary.account = account;
    summary.uidl = uidl;
    summary.size = size;
    summary.date = date;
    summary.from = from;
    summary.subject = subject;
    summary.thread = thread;
    summary.threadDate = threadDate;
    summary.folder = folder;
    summary.hasAttachments = hasAttachments;
    summary.read = read;
    summary.starred = starred;
    summary.headersOnly = headersOnly;
    return summary;
}

bool MessageListRow::sameContent(const MessageListRow &a, const MessageListRow &b)
{
    return a.read == b.read && a.starred == b.starred && a.subject == b.subject &&
           a.from == b.from && a.date == b.date && a.size == b.size &&
           a.hasAttachments == b.hasAttachments && a.headersOnly == b.headersOnly &&
           a.folder == b.folder && a.thread == b.thread && a.threadDate == b.threadDate &&
           a.threadDepth == b.threadDepth;
}

} // namespace Poplar::Ui
