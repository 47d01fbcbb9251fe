#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>

namespace Poplar::Mime {

// The mboxrd format (as in RFC 4155 and the "mboxrd" variant): messages separated by
// "From sender date" lines, with every body line that begins with ">*From " quoted by one
// more ">", so any message survives the round trip byte for byte (up to line endings:
// mbox files use LF; messages read back keep LF).
class Mbox
{
public:
    // One message as an mbox entry, ending with an empty line.
    static QByteArray entry(const QByteArray &message, const QByteArray &envelopeSender,
                            const QDateTime &date);
    // The messages of an mbox file, unquoted, with LF line endings.
    static QList<QByteArray> split(const QByteArray &mbox);
};

} // namespace Poplar::Mime
