#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace Poplar::Mime {

// What a mailto: link (RFC 6068) asks the composer to fill in, read from the link by parse().
// Every value is percent-decoded UTF-8; bytes that are not UTF-8 become U+FFFD. Nothing in it
// can become a header of its own: an address never holds a line break or control character
// (such an address is left out and named in `problems`), and the subject is one line.
struct MailtoUrl
{
    QStringList to, cc, bcc; // addresses as written ("a@x", "Name <a@x>"), in order
    QString subject;         // one line: line breaks and control characters became spaces
    QString body;            // lines separated by \n (CRLF, CR and LF in the link)
    QString inReplyTo;       // message id without <>; empty = none
    QStringList problems;    // what was changed or left out, sentences for the user
    QString error;           // not empty: the link was refused and every other field is empty

    bool isValid() const { return error.isEmpty(); }

    // Links longer than this (in UTF-8 bytes) are refused.
    static constexpr qsizetype MaxLength = 64 * 1024;

    // Reads "mailto:addr,addr?hfname=hfvalue&…" (the scheme in any case; surrounding blanks
    // and a "#fragment" ignored). The path's addresses come first, then those of to= fields;
    // cc=, bcc= add up likewise, split at commas outside quotes (also percent-encoded ones).
    // hfnames are compared without case; of repeated subject= and In-Reply-To= fields the first
    // one with a value counts, repeated body= fields are joined by line breaks. Any other hfname
    // (from=, sender=, received=, unknown ones) is ignored. "+" is a plus, not a space (RFC 6068
    // section 5); a "%" without two hex digits after it is kept as written. Subjects in RFC 2047
    // encoded words ("=?utf-8?Q?caf=C3=A9?=", RFC 6068 section 6.3) are decoded. Never fails
    // otherwise.
    static MailtoUrl parse(QStringView uri);
};

} // namespace Poplar::Mime
