#pragma once

#include "mime/OutgoingMessage.h"

#include <QByteArray>
#include <QString>

namespace Poplar::Mime {

// An OutgoingMessage to the bytes handed to SMTP: values in, bytes out, no I/O (the only
// lookup is QMimeDatabase for attachment types).
//
// Headers are ASCII: RFC 2047 encoded words (UTF-8, B or Q, whichever is shorter) where the
// text is not plain ASCII, folded at 78 columns between words. Bcc is written only for a local
// copy (WriterOptions::writeBcc). CR and LF inside any value become spaces, so no value can
// start a header line of its own.
// The body is text/plain; format=flowed (RFC 3676, DelSp=no): trailing blanks are removed,
// lines are space-stuffed and broken at spaces to stay within 78 characters; it goes 7bit when
// ASCII, 8bit when allowed, else quoted-printable. No line is ever longer than 998 octets.
// Attachments make a multipart/mixed; see write() for message/rfc822.
class MessageWriter
{
public:
    // The RFC 5322 bytes, CRLF line ends, no Bcc header unless options.writeBcc.
    //
    // An isMessage attachment is message/rfc822 with its exact bytes as 7bit (ASCII) or 8bit
    // (with options.eightBit). Bytes that cannot travel so (NUL, a bare CR or LF, a line over
    // 998 octets, 8-bit without 8BITMIME) go base64 as application/octet-stream named ".eml",
    // because RFC 2046 forbids base64 for message/rfc822 and readers then misparse it.
    static QByteArray write(const OutgoingMessage &message, const WriterOptions &options = {});
    // "<random>@domain" without brackets; domain from the address, "poplar.invalid" if none.
    static QString newMessageId(const QString &fromEmail);
    // Whether the address needs SMTPUTF8 (non-ASCII local part; a non-ASCII domain can go as
    // IDNA A-label instead).
    static bool needsSmtpUtf8(const QString &email);
    // True when any From, To, Cc, Bcc or Reply-To address needs SMTPUTF8.
    static bool needsSmtpUtf8(const OutgoingMessage &message);
    // The address as it goes into MAIL FROM / RCPT TO: IDNA A-label domain (QUrl::toAce)
    // unless smtpUtf8; control characters and angle brackets removed, the local part quoted
    // when it is not a dot-atom.
    static QByteArray envelopeAddress(const QString &email, bool smtpUtf8);
};

} // namespace Poplar::Mime
