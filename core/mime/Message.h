#pragma once

#include "mime/Address.h"
#include "mime/HeaderList.h"
#include "mime/Part.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Poplar::Mime {

// A file the message carries, as the attachment list shows it.
struct Attachment
{
    QString filename; // decoded; a made-up name ("part-1.2.bin") if the sender gave none
    QByteArray mimeType;
    qsizetype size = 0;    // decoded bytes
    bool isInline = false; // shown in the body (cid: image, inline disposition) vs attached
    QString contentId;
    QString partPath; // the part it came from ("1.2"; "1.uu1" for a uuencoded block)
    QByteArray data;  // decoded bytes (shared, not copied)
};

// What the body is made of, in reading order: text pieces and headers of forwarded messages.
struct BodyPiece
{
    enum class Kind
    {
        Plain,
        Html,
        MessageHeaders
    };
    Kind kind = Kind::Plain;
    QString content; // Plain: text; Html: the sender's HTML, not yet sanitized
    QString partPath;
    int depth = 0;                                   // nesting level of message/rfc822
    QList<std::pair<QString, QString>> headerFields; // MessageHeaders: ("From", "...") pairs
};

// Data for the message list and full-text search.
struct MessageSummary
{
    QString from;
    QString to;
    QString cc;
    QString subject;
    QDateTime date;
    bool hasAttachments = false;
    QString snippet;    // about 200 characters of visible text, whitespace collapsed
    QString searchText; // all visible text, HTML reduced to text
};

// The parsed message: decoded headers, the part tree, the chosen body, the attachments.
struct Message
{
    HeaderList headers;
    QString subject;
    QList<Address> from;
    QList<Address> sender;
    QList<Address> replyTo;
    QList<Address> to;
    QList<Address> cc;
    QList<Address> bcc;
    QDateTime date; // invalid when missing or unreadable
    QString messageId;
    QStringList inReplyTo;
    QStringList references;

    Part root;
    QList<BodyPiece> body;
    QList<Attachment> attachments;

    bool isSigned = false;
    bool isEncrypted = false;
    bool charsetGuessed = false; // some text was decoded by a guess
    bool truncated = false;      // a limit was reached; some content is not shown
    QStringList problems;        // what was wrong with the message, in words, for the parse tool

    // Plain text of the body (HTML reduced to text), pieces separated by blank lines.
    QString bodyText() const;
    // True when the body has an HTML piece.
    bool hasHtmlBody() const;
    MessageSummary summary() const;
    // The decoded bytes of the part with that Content-ID (for cid: URLs), or null.
    const Part *partForContentId(QStringView contentId) const;
};

} // namespace Poplar::Mime
