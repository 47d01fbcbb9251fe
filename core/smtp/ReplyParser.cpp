#include "smtp/ReplyParser.h"

namespace Poplar::Smtp {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// A non-negative number of at most three digits.
bool parseSmallNumber(QByteArrayView digits, int *value)
{
    if (digits.isEmpty() || digits.size() > 3)
        return false;
    int v = 0;
    for (char c : digits) {
        if (!isDigit(c))
            return false;
        v = v * 10 + (c - '0');
    }
    *value = v;
    return true;
}

} // namespace

QByteArray EnhancedStatus::toString() const
{
    if (!isValid())
        return QByteArray();
    return QByteArray::number(statusClass) + '.' + QByteArray::number(subject) + '.' +
           QByteArray::number(detail);
}

EnhancedStatus ReplyParser::parseEnhancedStatus(const QByteArray &text, QByteArray *rest)
{
    const qsizetype space = text.indexOf(' ');
    const QByteArrayView word = QByteArrayView(text).first(space < 0 ? text.size() : space);
    const qsizetype firstDot = word.indexOf('.');
    const qsizetype secondDot = firstDot < 0 ? -1 : word.indexOf('.', firstDot + 1);
    EnhancedStatus status;
    if (secondDot < 0 || word.size() < 5 || word.at(1) != '.' ||
        (word.at(0) != '2' && word.at(0) != '4' && word.at(0) != '5') ||
        !parseSmallNumber(word.sliced(firstDot + 1, secondDot - firstDot - 1), &status.subject) ||
        !parseSmallNumber(word.sliced(secondDot + 1), &status.detail)) {
        *rest = text;
        return EnhancedStatus();
    }
    status.statusClass = word.at(0) - '0';
    *rest = space < 0 ? QByteArray() : text.mid(space + 1);
    return status;
}

void ReplyParser::append(QByteArrayView bytes)
{
    if (m_failed != Failure::None)
        return;
    if (m_position > 0 && m_position == m_buffer.size()) {
        m_buffer.clear();
        m_position = 0;
    }
    m_buffer.append(bytes);
}

void ReplyParser::discardBuffered()
{
    m_buffer.clear();
    m_position = 0;
}

ReplyParser::Event ReplyParser::fail(Failure failure, const QByteArray &offending)
{
    m_failed = failure;
    m_buffer.clear();
    m_position = 0;
    Event event;
    event.type = Event::Type::Failure;
    event.failure = failure;
    event.offending = offending.left(200);
    return event;
}

ReplyParser::Event ReplyParser::next()
{
    if (m_failed != Failure::None) {
        Event event;
        event.type = Event::Type::Failure;
        event.failure = m_failed;
        return event;
    }
    for (;;) {
        const qsizetype end = m_buffer.indexOf('\n', m_position);
        if (end < 0) {
            if (m_buffer.size() - m_position > m_limits.maxLineLength)
                return fail(Failure::LineTooLong, m_buffer.mid(m_position, 200));
            // Keep only the unread part, so the buffer never holds more than one line.
            if (m_position > 0) {
                m_buffer.remove(0, m_position);
                m_position = 0;
            }
            return {};
        }
        QByteArray line = m_buffer.mid(m_position, end - m_position);
        m_position = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.size() > m_limits.maxLineLength)
            return fail(Failure::LineTooLong, line);

        // "ddd" alone, "ddd text" (last line) or "ddd-text" (more follow).
        int code = 0;
        if (line.size() < 3 || !parseSmallNumber(QByteArrayView(line).first(3), &code) ||
            code < 200 || code > 599 || (line.size() > 3 && line.at(3) != ' ' && line.at(3) != '-'))
            return fail(Failure::NotAReply, line);
        if (!m_partial.lines.isEmpty() && code != m_partial.code)
            return fail(Failure::NotAReply, line);
        const bool last = line.size() == 3 || line.at(3) == ' ';
        m_partialSize += line.size();
        if (m_partial.lines.size() >= m_limits.maxLines || m_partialSize > m_limits.maxReplySize)
            return fail(Failure::ReplyTooLarge, line);

        m_partial.code = code;
        QByteArray text = line.mid(4);
        // RFC 2034: every line of the reply starts with the code; read it from the first.
        QByteArray rest;
        const EnhancedStatus status = parseEnhancedStatus(text, &rest);
        if (status.isValid() && status.statusClass == code / 100) {
            if (m_partial.lines.isEmpty())
                m_partial.status = status;
            text = rest;
        }
        m_partial.lines.append(text);
        if (!last)
            continue;

        Event event;
        event.type = Event::Type::Reply;
        event.reply = std::move(m_partial);
        m_partial = Reply();
        m_partialSize = 0;
        return event;
    }
}

} // namespace Poplar::Smtp
