#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Poplar::Store {

// What the store keeps in content_hash to recognise the same message under another UIDL
// (a server that rebuilt its mailbox) or in another file (an mbox import): a BLAKE2b-256
// digest of the body, everything after the header's blank line, with CR bytes left out.
// Header lines a server adds or rewrites (Status:, X-UIDL:, Received:) and line ends (CRLF
// from a server, LF from an mbox file) do not change it.
class ContentHash
{
public:
    // 32 bytes.
    static QByteArray of(QByteArrayView raw);

    // Where the body starts: after the first empty line (LF or CRLF); raw.size() when the
    // message has no body.
    static qsizetype bodyStart(QByteArrayView raw);
};

} // namespace Poplar::Store
