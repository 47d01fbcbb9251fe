#include "pop3/ResponseParser.h"

namespace Poplar::Pop3 {

namespace {
constexpr qsizetype OffendingPreview = 200;
}

void ResponseParser::append(QByteArrayView bytes)
{
    if (m_phase == Phase::Failed)
        return;
    m_buffer.append(bytes.data(), bytes.size());
}

void ResponseParser::clear()
{
    m_buffer.clear();
    m_pos = 0;
    m_phase = Phase::AwaitStatus;
    m_listingBytes = 0;
    m_atLineStart = true;
    m_lastWasCR = false;
    m_failure = Event();
}

void ResponseParser::compact()
{
    if (m_pos == m_buffer.size()) {
        m_buffer.clear();
        m_pos = 0;
    } else if (m_pos > 64 * 1024 && m_pos * 2 > m_buffer.size()) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
}

ResponseParser::Event ResponseParser::fail(ErrorKind kind, QByteArrayView offending)
{
    m_phase = Phase::Failed;
    m_failure.type = Event::Type::Failure;
    m_failure.failure = kind;
    m_failure.text = offending.first(std::min(offending.size(), OffendingPreview)).toByteArray();
    m_buffer.clear();
    m_pos = 0;
    return m_failure;
}

bool ResponseParser::takeLine(QByteArray *line, Event *failure)
{
    const qsizetype newline = m_buffer.indexOf('\n', m_pos);
    if (newline < 0) {
        if (m_buffer.size() - m_pos > m_limits.maxLineLength)
            *failure = fail(ErrorKind::LineTooLong, QByteArrayView(m_buffer).sliced(m_pos));
        return false;
    }
    qsizetype end = newline;
    if (end > m_pos && m_buffer.at(end - 1) == '\r')
        --end;
    if (end - m_pos > m_limits.maxLineLength) {
        *failure =
            fail(ErrorKind::LineTooLong, QByteArrayView(m_buffer).sliced(m_pos, end - m_pos));
        return false;
    }
    *line = m_buffer.mid(m_pos, end - m_pos);
    m_pos = newline + 1;
    return true;
}

ResponseParser::Event ResponseParser::next(Expect expect)
{
    Event event;
    switch (m_phase) {
    case Phase::Failed:
        return m_failure;
    case Phase::AwaitStatus:
        event = nextStatus(expect);
        break;
    case Phase::InLines:
        event = nextLine();
        break;
    case Phase::InStream:
        event = nextData();
        break;
    case Phase::StreamEnded:
        m_phase = Phase::AwaitStatus;
        event.type = Event::Type::End;
        break;
    }
    if (m_phase != Phase::Failed)
        compact();
    return event;
}

ResponseParser::Event ResponseParser::nextStatus(Expect expect)
{
    Event event;
    QByteArray line;
    if (!takeLine(&line, &event))
        return event;

    // "+OK" / "-ERR", optionally followed by a space and text (RFC 1939 section 3).
    auto statusText = [&line](qsizetype indicatorLength, QByteArray *text) {
        if (line.size() == indicatorLength) {
            text->clear();
            return true;
        }
        if (line.at(indicatorLength) != ' ')
            return false;
        *text = line.mid(indicatorLength + 1);
        return true;
    };

    if (line.startsWith("+OK") && statusText(3, &event.text)) {
        event.type = Event::Type::Ok;
        if (expect == Expect::MultiLine) {
            m_phase = Phase::InLines;
            m_listingBytes = 0;
        } else if (expect == Expect::Stream) {
            m_phase = Phase::InStream;
            m_atLineStart = true;
            m_lastWasCR = false;
        }
        return event;
    }
    if (line.startsWith("-ERR") && statusText(4, &event.text)) {
        event.type = Event::Type::Err;
        return event;
    }
    if (expect == Expect::SaslStep && line.startsWith('+') && statusText(1, &event.text)) {
        event.type = Event::Type::Continuation;
        return event;
    }
    return fail(ErrorKind::ProtocolViolation, line);
}

ResponseParser::Event ResponseParser::nextLine()
{
    Event event;
    QByteArray line;
    const qsizetype before = m_pos;
    if (!takeLine(&line, &event))
        return event;
    m_listingBytes += m_pos - before;
    if (m_listingBytes > m_limits.maxListingSize)
        return fail(ErrorKind::ResponseTooLarge, line);
    if (line == ".") {
        m_phase = Phase::AwaitStatus;
        event.type = Event::Type::End;
        return event;
    }
    if (line.startsWith('.'))
        line.remove(0, 1);
    event.type = Event::Type::Line;
    event.text = line;
    return event;
}

ResponseParser::Event ResponseParser::nextData()
{
    Event event;
    QByteArray out;
    const qsizetype size = m_buffer.size();
    const char *data = m_buffer.constData();
    bool ended = false;

    while (m_pos < size && out.size() < m_limits.dataChunkSize) {
        if (m_atLineStart) {
            if (data[m_pos] == '.') {
                // The terminator is "." alone on a line; any other leading dot is stuffing.
                if (m_pos + 1 >= size)
                    break;
                if (data[m_pos + 1] == '\n') {
                    m_pos += 2;
                    ended = true;
                    break;
                }
                if (data[m_pos + 1] == '\r') {
                    if (m_pos + 2 >= size)
                        break;
                    if (data[m_pos + 2] == '\n') {
                        m_pos += 3;
                        ended = true;
                        break;
                    }
                }
                ++m_pos; // drop the stuffed dot
            }
            m_atLineStart = false;
            m_lastWasCR = false;
        }
        const qsizetype limit = std::min(size, m_pos + m_limits.dataChunkSize);
        const char *found = static_cast<const char *>(memchr(data + m_pos, '\n', limit - m_pos));
        if (found) {
            const qsizetype newline = found - data;
            const bool hadCR = newline > m_pos ? data[newline - 1] == '\r' : m_lastWasCR;
            out.append(data + m_pos, newline - m_pos);
            if (!hadCR)
                out.append('\r'); // bare LF: hand on a proper CRLF
            out.append('\n');
            m_pos = newline + 1;
            m_atLineStart = true;
            m_lastWasCR = false;
        } else {
            if (limit > m_pos)
                m_lastWasCR = data[limit - 1] == '\r';
            out.append(data + m_pos, limit - m_pos);
            m_pos = limit;
        }
    }

    if (ended)
        m_phase = out.isEmpty() ? Phase::AwaitStatus : Phase::StreamEnded;
    if (!out.isEmpty()) {
        event.type = Event::Type::Data;
        event.text = std::move(out);
    } else if (ended) {
        event.type = Event::Type::End;
    }
    return event;
}

} // namespace Poplar::Pop3
