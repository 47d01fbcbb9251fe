#include "sync/MessageIngest.h"

#include "mime/HeaderList.h"
#include "mime/MessageParser.h"
#include "store/ContentHash.h"

#include <QCryptographicHash>

namespace Poplar::Sync {

QString MessageIngest::fallbackKey(const QByteArray &header, qint64 size)
{
    const Mime::Message parsed = Mime::MessageParser::parse(header);
    QByteArray basis = parsed.messageId.toUtf8();
    basis += '\n' + QByteArray::number(size) + '\n';
    basis += parsed.date.isValid() ? QByteArray::number(parsed.date.toSecsSinceEpoch())
                                   : parsed.headers.value("Date");
    if (parsed.messageId.isEmpty())
        basis += '\n' + parsed.subject.toUtf8(); // little else tells such messages apart
    return QStringLiteral("poplar-key:") +
           QString::fromLatin1(QCryptographicHash::hash(basis, QCryptographicHash::Sha1).toHex());
}

Store::NewMessage MessageIngest::prepare(const QString &account, const QString &uidl,
                                         const QByteArray &raw, qint64 serverSize, bool headersOnly,
                                         const QDateTime &firstSeen)
{
    const Mime::Message parsed = Mime::MessageParser::parseForSummary(raw);
    const Mime::MessageSummary summary = parsed.summary();

    Store::NewMessage message;
    message.account = account;
    message.uidl = uidl;
    message.raw = raw;
    message.size = serverSize >= 0 ? serverSize : raw.size();
    message.headersOnly = headersOnly;
    message.date = summary.date;
    message.from = summary.from;
    message.to = summary.to;
    message.cc = summary.cc;
    message.subject = summary.subject;
    message.snippet = summary.snippet;
    message.hasAttachments = summary.hasAttachments;
    message.messageId = parsed.messageId;
    message.inReplyTo = parsed.inReplyTo.value(0);
    message.references = parsed.references;
    message.contentHash = headersOnly ? QByteArray() : Store::ContentHash::of(raw);
    message.bodyText = summary.searchText;
    message.searchDocument = Store::SearchText::document(message.subject, message.from, message.to,
                                                         message.cc, message.bodyText);
    message.firstSeen = firstSeen;
    return message;
}

} // namespace Poplar::Sync
