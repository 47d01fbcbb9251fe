#pragma once

#include "pop3/Error.h"

#include <QByteArray>
#include <QByteArrayView>

namespace Poplar::Pop3 {

// Turns the bytes a POP3 server sends into protocol events, whatever way they are split
// across reads. It holds no socket and knows nothing of commands: the caller says what the
// response at the head of the stream should look like, then takes events until NeedMore.
//
// Bounded: a status or listing line longer than the limit, or a listing larger than the
// limit, is a Failure; message data (Stream) is handed on in chunks as it arrives, never
// accumulated. Once failed, the parser stays failed.
class ResponseParser
{
public:
    enum class Expect
    {
        Status,    // one status line
        MultiLine, // a status line; after +OK, lines up to "." (LIST, UIDL, CAPA)
        Stream,    // a status line; after +OK, message data up to "." (RETR, TOP)
        SaslStep   // a status line or a "+ challenge" continuation (AUTH)
    };

    struct Event
    {
        enum class Type
        {
            NeedMore,
            Ok,           // text: after "+OK "
            Err,          // text: after "-ERR "
            Continuation, // text: the base64 after "+ "
            Line,         // text: one listing line, dot-unstuffed, without line end
            Data,         // text: message bytes, dot-unstuffed, line ends as CRLF
            End,          // the "." that ends a multi-line response
            Failure       // failure: why; text: the offending bytes (shortened)
        };
        Type type = Type::NeedMore;
        QByteArray text;
        ErrorKind failure = ErrorKind::None;
    };

    struct Limits
    {
        qsizetype maxLineLength = 8 * 1024;
        qint64 maxListingSize = 64 * 1024 * 1024;
        qsizetype dataChunkSize = 64 * 1024;
    };

    ResponseParser() = default;
    explicit ResponseParser(const Limits &limits)
        : m_limits(limits)
    {}

    void append(QByteArrayView bytes);
    // `expect` is only read when a new response starts.
    [[nodiscard]] Event next(Expect expect);

    // Forgets everything buffered and any response in progress (after STLS: nothing read
    // before the TLS handshake may be trusted).
    void clear();
    qsizetype bufferedBytes() const { return m_buffer.size() - m_pos; }
    bool isInsideResponse() const { return m_phase != Phase::AwaitStatus; }
    bool hasFailed() const { return m_phase == Phase::Failed; }

private:
    enum class Phase
    {
        AwaitStatus,
        InLines,
        InStream,
        StreamEnded,
        Failed
    };

    Event fail(ErrorKind kind, QByteArrayView offending);
    // A complete line [m_pos, newline) without CR/LF, or nullopt when more is needed.
    bool takeLine(QByteArray *line, Event *failure);
    Event nextStatus(Expect expect);
    Event nextLine();
    Event nextData();
    void compact();

    Limits m_limits;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    Phase m_phase = Phase::AwaitStatus;
    qint64 m_listingBytes = 0;
    bool m_atLineStart = true;
    bool m_lastWasCR = false;
    Event m_failure;
};

} // namespace Poplar::Pop3
