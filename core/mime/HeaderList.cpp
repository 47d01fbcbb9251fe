#include "mime/HeaderList.h"

namespace Poplar::Mime {

namespace {

bool isFieldNameChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 32 && u < 127 && c != ':';
}

QByteArrayView trimmed(QByteArrayView v)
{
    qsizetype b = 0;
    qsizetype e = v.size();
    while (b < e && (v[b] == ' ' || v[b] == '\t' || v[b] == '\r' || v[b] == '\n'))
        ++b;
    while (e > b && (v[e - 1] == ' ' || v[e - 1] == '\t' || v[e - 1] == '\r' || v[e - 1] == '\n'))
        --e;
    return v.sliced(b, e - b);
}

} // namespace

void HeaderList::append(QByteArray name, QByteArray value)
{
    m_fields.append({std::move(name), std::move(value)});
}

qsizetype HeaderList::parse(QByteArrayView raw, HeaderList &out, const ParserLimits &limits)
{
    const qsizetype size = raw.size();
    qsizetype pos = 0;
    // An mbox separator line is not a header.
    if (raw.startsWith("From ") && !raw.sliced(5).trimmed().startsWith(':')) {
        const qsizetype nl = raw.indexOf('\n');
        pos = nl < 0 ? size : nl + 1;
    }
    const qsizetype blockEnd = std::min<qsizetype>(size, pos + limits.maxHeaderBytes);
    while (pos < size) {
        if (pos >= blockEnd || out.m_fields.size() >= limits.maxHeaderFields) {
            out.m_truncated = true;
            // Skip to the blank line so the body still starts where it should.
            qsizetype blank = raw.indexOf("\n\n", pos);
            const qsizetype blankCrlf = raw.indexOf("\n\r\n", pos);
            if (blank < 0 || (blankCrlf >= 0 && blankCrlf < blank))
                blank = blankCrlf < 0 ? -1 : blankCrlf + 1;
            else
                blank += 1;
            if (blank < 0)
                return size;
            return raw[blank] == '\r' ? blank + 2 : blank + 1;
        }
        // The blank line ends the block.
        if (raw[pos] == '\n')
            return pos + 1;
        if (raw[pos] == '\r' && pos + 1 < size && raw[pos + 1] == '\n')
            return pos + 2;

        qsizetype nameEnd = pos;
        while (nameEnd < size && isFieldNameChar(raw[nameEnd]))
            ++nameEnd;
        qsizetype colon = nameEnd;
        while (colon < size && (raw[colon] == ' ' || raw[colon] == '\t'))
            ++colon;
        if (nameEnd == pos || colon >= size || raw[colon] != ':') {
            // Not a header line: a continuation at the very start is ignored, anything else
            // means the sender forgot the blank line and the body starts here.
            if (raw[pos] == ' ' || raw[pos] == '\t') {
                const qsizetype nl = raw.indexOf('\n', pos);
                pos = nl < 0 ? size : nl + 1;
                continue;
            }
            return pos;
        }
        // The value runs over continuation lines (those starting with a space or tab).
        qsizetype valueStart = colon + 1;
        qsizetype lineEnd = raw.indexOf('\n', valueStart);
        qsizetype end = lineEnd < 0 ? size : lineEnd;
        bool folded = false;
        while (lineEnd >= 0 && lineEnd + 1 < size &&
               (raw[lineEnd + 1] == ' ' || raw[lineEnd + 1] == '\t')) {
            folded = true;
            lineEnd = raw.indexOf('\n', lineEnd + 1);
            end = lineEnd < 0 ? size : lineEnd;
        }
        QByteArrayView rawValue = trimmed(raw.sliced(valueStart, end - valueStart));
        QByteArray value;
        if (!folded) {
            value = rawValue.toByteArray();
        } else {
            value.reserve(rawValue.size());
            for (qsizetype i = 0; i < rawValue.size(); ++i) {
                const char c = rawValue[i];
                if (c == '\r' && i + 1 < rawValue.size() && rawValue[i + 1] == '\n')
                    continue;
                if (c == '\n')
                    continue;
                value.append(c);
            }
        }
        if (value.size() > limits.maxHeaderLine) {
            value.truncate(limits.maxHeaderLine);
            out.m_truncated = true;
        }
        out.m_fields.append({raw.sliced(pos, nameEnd - pos).toByteArray(), std::move(value)});
        pos = lineEnd < 0 ? size : lineEnd + 1;
    }
    return size;
}

QByteArray HeaderList::value(QByteArrayView name) const
{
    for (const HeaderField &field : m_fields) {
        if (field.name.compare(name, Qt::CaseInsensitive) == 0)
            return field.value;
    }
    return {};
}

QList<QByteArray> HeaderList::values(QByteArrayView name) const
{
    QList<QByteArray> result;
    for (const HeaderField &field : m_fields) {
        if (field.name.compare(name, Qt::CaseInsensitive) == 0)
            result.append(field.value);
    }
    return result;
}

bool HeaderList::contains(QByteArrayView name) const
{
    for (const HeaderField &field : m_fields) {
        if (field.name.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace Poplar::Mime
