#pragma once

#include "smtp/Reply.h"

#include <QByteArray>
#include <QByteArrayView>

namespace Poplar::Smtp {

// Turns the bytes an SMTP server sends into complete replies, whatever way they are split
// across reads. Bounded against hostile servers: a line longer than maxLineLength (no CRLF
// in sight), a reply of more lines or bytes than allowed (an EHLO of megabytes, a reply that
// never ends), or bytes that are not a reply line end the parse with a failure; once failed
// it stays failed.
class ReplyParser
{
public:
    struct Limits
    {
        // RFC 5321 4.5.3.1.5 allows 512 octets; servers are lenient, so are we, within reason.
        qsizetype maxLineLength = 4096;
        int maxLines = 1000;
        qsizetype maxReplySize = 64 * 1024;
    };

    enum class Failure
    {
        None,
        LineTooLong,
        ReplyTooLarge,
        NotAReply // garbage, or a line whose code differs from the reply's first line
    };

    struct Event
    {
        enum class Type
        {
            NeedMore,
            Reply,
            Failure
        };
        Type type = Type::NeedMore;
        Reply reply;
        Failure failure = Failure::None;
        QByteArray offending; // the line that broke the rules (shortened)
    };

    ReplyParser() = default;
    explicit ReplyParser(const Limits &limits)
        : m_limits(limits)
    {}

    void append(QByteArrayView bytes);
    [[nodiscard]] Event next();
    // Forgets unread bytes (after STARTTLS: nothing sent in clear may be read as encrypted).
    void discardBuffered();
    bool hasBufferedBytes() const { return m_position < m_buffer.size(); }

    // "5.1.1 text" → the code, and *rest the text after it; invalid when there is none.
    static EnhancedStatus parseEnhancedStatus(const QByteArray &text, QByteArray *rest);

private:
    Event fail(Failure failure, const QByteArray &offending);

    Limits m_limits;
    QByteArray m_buffer;
    qsizetype m_position = 0;
    Reply m_partial; // lines of a multi-line reply so far
    qsizetype m_partialSize = 0;
    Failure m_failed = Failure::None;
};

} // namespace Poplar::Smtp
