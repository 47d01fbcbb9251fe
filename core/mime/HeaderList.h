#pragma once

#include "mime/ParserLimits.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace Poplar::Mime {

struct HeaderField
{
    QByteArray name;  // as written
    QByteArray value; // unfolded, trimmed, still encoded (RFC 2047 words, raw 8-bit bytes)
};

// The header block of a message or a part: fields in order, duplicates kept.
class HeaderList
{
public:
    // Parses the header block at the start of `raw` and returns where the body starts. Handles
    // CRLF and bare LF, folded lines, "Name : value" (obsolete space before the colon), a
    // leading mbox "From " line, and a block with no blank line before the body.
    static qsizetype parse(QByteArrayView raw, HeaderList &out, const ParserLimits &limits = {});

    // The first field of that name (case-insensitive), or an empty array.
    QByteArray value(QByteArrayView name) const;
    QList<QByteArray> values(QByteArrayView name) const;
    bool contains(QByteArrayView name) const;
    const QList<HeaderField> &fields() const { return m_fields; }
    bool isEmpty() const { return m_fields.isEmpty(); }
    // A limit cut the block short.
    bool truncated() const { return m_truncated; }

    void append(QByteArray name, QByteArray value);

private:
    QList<HeaderField> m_fields;
    bool m_truncated = false;
};

} // namespace Poplar::Mime
