#pragma once

#include <QString>

namespace Poplar::Compose {

// The signature an identity puts under what the user writes, after the "-- " line that mail
// readers recognise (RFC 3676 section 4.3) and fold away.
class Signature
{
public:
    // `text` with `signature` added: in a new message after two empty lines for the user to
    // write in; in a reply or forward (text not empty) below the quote, or above it where the
    // user writes when aboveQuote. An empty signature leaves the text as it is.
    static QString added(const QString &text, const QString &signature, bool aboveQuote);
    // The separator line and the signature, as added() writes them.
    static QString block(const QString &signature);
};

} // namespace Poplar::Compose
