#pragma once

#include <QtGlobal>

namespace Poplar::Mime {

// Bounds that keep hostile or broken messages from costing unbounded time or memory. When one
// is reached the parser stops descending or truncates, flags the message, and shows what it has.
struct ParserLimits
{
    int maxDepth = 24;                     // nested multiparts and message/rfc822
    int maxParts = 2000;                   // parts in the whole tree
    qsizetype maxHeaderBytes = 512 * 1024; // one header block
    int maxHeaderFields = 4000;            // fields in one header block
    qsizetype maxHeaderLine = 64 * 1024;   // one unfolded field value
    qsizetype maxTextLine = 256 * 1024;    // longer text lines are broken for display
};

} // namespace Poplar::Mime
