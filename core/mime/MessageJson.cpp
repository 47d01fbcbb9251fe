#include "mime/MessageJson.h"

#include "mime/EncodedWords.h"
#include "mime/MessageRenderer.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Poplar::Mime {

namespace {

QJsonArray addresses(const QList<Address> &list)
{
    QJsonArray array;
    for (const Address &a : list)
        array.append(QJsonObject{{QStringLiteral("name"), a.name},
                                 {QStringLiteral("email"), a.email},
                                 {QStringLiteral("group"), a.group}});
    return array;
}

QString kindName(BodyPiece::Kind kind)
{
    switch (kind) {
    case BodyPiece::Kind::Plain:
        return QStringLiteral("plain");
    case BodyPiece::Kind::Html:
        return QStringLiteral("html");
    case BodyPiece::Kind::MessageHeaders:
        return QStringLiteral("message-headers");
    }
    return {};
}

} // namespace

QJsonObject MessageJson::partToJson(const Part &part)
{
    QJsonObject o;
    o[QStringLiteral("path")] = part.path;
    o[QStringLiteral("type")] = QString::fromLatin1(part.mimeType);
    o[QStringLiteral("charset")] = QString::fromLatin1(part.charsetLabel);
    o[QStringLiteral("encoding")] = QString::fromLatin1(part.transferEncoding);
    o[QStringLiteral("disposition")] = QString::fromLatin1(part.disposition);
    o[QStringLiteral("filename")] = part.filename;
    o[QStringLiteral("contentId")] = part.contentId;
    o[QStringLiteral("size")] = static_cast<qint64>(part.body.size());
    QJsonArray children;
    for (const Part &child : part.children)
        children.append(partToJson(child));
    o[QStringLiteral("children")] = children;
    return o;
}

QJsonObject MessageJson::toJson(const Message &message)
{
    QJsonObject o;
    o[QStringLiteral("subject")] = message.subject;
    o[QStringLiteral("from")] = addresses(message.from);
    o[QStringLiteral("sender")] = addresses(message.sender);
    o[QStringLiteral("replyTo")] = addresses(message.replyTo);
    o[QStringLiteral("to")] = addresses(message.to);
    o[QStringLiteral("cc")] = addresses(message.cc);
    o[QStringLiteral("bcc")] = addresses(message.bcc);
    o[QStringLiteral("date")] = message.date.isValid()
                                    ? QJsonValue(message.date.toString(Qt::ISODate))
                                    : QJsonValue(QJsonValue::Null);
    o[QStringLiteral("messageId")] = message.messageId;
    o[QStringLiteral("inReplyTo")] = QJsonArray::fromStringList(message.inReplyTo);
    o[QStringLiteral("references")] = QJsonArray::fromStringList(message.references);

    QJsonArray headers;
    for (const HeaderField &field : message.headers.fields())
        headers.append(QJsonObject{{QStringLiteral("name"), QString::fromLatin1(field.name)},
                                   {QStringLiteral("value"), EncodedWords::decode(field.value)}});
    o[QStringLiteral("headers")] = headers;

    o[QStringLiteral("flags")] =
        QJsonObject{{QStringLiteral("signed"), message.isSigned},
                    {QStringLiteral("encrypted"), message.isEncrypted},
                    {QStringLiteral("charsetGuessed"), message.charsetGuessed},
                    {QStringLiteral("truncated"), message.truncated}};

    QJsonArray pieces;
    for (const BodyPiece &piece : message.body)
        pieces.append(QJsonObject{{QStringLiteral("kind"), kindName(piece.kind)},
                                  {QStringLiteral("part"), piece.partPath},
                                  {QStringLiteral("depth"), piece.depth}});
    const RenderResult rendered = MessageRenderer::render(message);
    o[QStringLiteral("body")] =
        QJsonObject{{QStringLiteral("text"), message.bodyText()},
                    {QStringLiteral("pieces"), pieces},
                    {QStringLiteral("remoteBlocked"), rendered.remoteBlocked}};

    o[QStringLiteral("parts")] = partToJson(message.root);

    QJsonArray attachments;
    for (const Attachment &a : message.attachments)
        attachments.append(QJsonObject{{QStringLiteral("filename"), a.filename},
                                       {QStringLiteral("type"), QString::fromLatin1(a.mimeType)},
                                       {QStringLiteral("size"), static_cast<qint64>(a.size)},
                                       {QStringLiteral("inline"), a.isInline},
                                       {QStringLiteral("contentId"), a.contentId},
                                       {QStringLiteral("part"), a.partPath}});
    o[QStringLiteral("attachments")] = attachments;

    const MessageSummary summary = message.summary();
    o[QStringLiteral("summary")] =
        QJsonObject{{QStringLiteral("snippet"), summary.snippet},
                    {QStringLiteral("hasAttachments"), summary.hasAttachments}};
    o[QStringLiteral("problems")] = QJsonArray::fromStringList(message.problems);
    return o;
}

QByteArray MessageJson::toBytes(const Message &message)
{
    return QJsonDocument(toJson(message)).toJson(QJsonDocument::Indented);
}

} // namespace Poplar::Mime
