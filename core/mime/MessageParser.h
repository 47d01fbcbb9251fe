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
    // As parse(), but attachments that are not text are not decoded: their data is empty and
    // their size 0. Everything Message::summary() gives is the same, at a fraction of the
    // cost for mail with large attachments (storing downloaded mail needs only the summary).
    static Message parseForSummary(QByteArrayView raw, const ParserLimits &limits = {});
    // Only the part tree (no body choice, no text decoding), for callers that need one part.
    static Part parseTree(QByteArrayView raw, const ParserLimits &limits = {});

private:
    static Message parseMessage(QByteArrayView raw, const ParserLimits &limits,
                                BodyPreference preference, bool decodeBinary);
};

} // namespace Poplar::Mime
