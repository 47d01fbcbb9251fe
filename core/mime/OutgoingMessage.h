#pragma once

#include "mime/Address.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Poplar::Mime {

// A file to send with a message.
struct OutgoingAttachment
{
    QString fileName;       // shown name, may be CJK ("季度报告.pdf")
    QByteArray mimeType;    // empty = guess from fileName, fallback application/octet-stream
    QByteArray data;        // the file's bytes
    bool isMessage = false; // true: attach `data` as message/rfc822 (forward as attachment)
};

// A message as the composer fills it in; MessageWriter turns it into RFC 5322 bytes.
struct OutgoingMessage
{
    Address from;
    QList<Address> to, cc, bcc, replyTo; // bcc: for the envelope only, never sent
    QString subject;
    QString text; // the body the user typed (LF or CRLF line ends)
    QList<OutgoingAttachment> attachments;
    QString inReplyTo;      // message id without <>; empty = none
    QStringList references; // ids without <>
    QString messageId;      // without <>; empty = MessageWriter makes one on from's domain
    QDateTime date;         // invalid = now, written with the local UTC offset
};

// What the receiving server accepts, from its EHLO answer.
struct WriterOptions
{
    bool eightBit = false; // server offers 8BITMIME: text may go 8bit, else quoted-printable
    bool smtpUtf8 = false; // server offers SMTPUTF8: raw UTF-8 addresses allowed
    QByteArray userAgent;  // empty = "Poplar/" POPLAR_VERSION
    bool writeBcc = false; // only for a copy kept on this computer (a draft), never to send
};

} // namespace Poplar::Mime
