#pragma once

#include "mime/Message.h"
#include "mime/ParserLimits.h"

#include <QByteArrayView>

namespace Poplar::Mime {

// Raw RFC 5322 bytes to a Message. Never fails: broken input gives a degraded message with
// `problems` saying what was wrong, and at worst the raw text as a plain body.
class MessageParser
{
public:
    // Which alternative the body shows: the richest (HTML), or plain text when there is one
    // (the "view as plain text" setting of mail readers).
    enum class BodyPreference
    {
        Richest,
        PlainText
    };

    static Message parse(QByteArrayView raw, const ParserLimits &limits = {},
                         BodyPreference preference = BodyPreference::Richest);
    // Only the part tree (no body choice, no text decoding), for callers that need one part.
    static Part parseTree(QByteArrayView raw, const ParserLimits &limits = {});
};

} // namespace Poplar::Mime
