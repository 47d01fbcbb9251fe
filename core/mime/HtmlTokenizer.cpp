#include "mime/HtmlTokenizer.h"

#include "mime/HtmlEntities.h"

namespace Poplar::Mime {

namespace {

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f';
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

} // namespace

QString HtmlToken::attribute(QStringView wanted) const
{
    for (const auto &[name, value] : attributes) {
        if (name == wanted)
            return value;
    }
    return {};
}

bool HtmlToken::hasAttribute(QStringView wanted) const
{
    for (const auto &attr : attributes) {
        if (attr.first == wanted)
            return true;
    }
    return false;
}

bool HtmlTokenizer::next(HtmlToken &token)
{
    const qsizetype n = m_html.size();
    if (m_pos >= n)
        return false;
    token.attributes.clear();
    token.name.clear();
    token.selfClosing = false;
    token.text = {};

    if (m_html[m_pos] != u'<' || m_pos + 1 >= n) {
        qsizetype end = m_html.indexOf(u'<', m_pos + 1);
        if (end < 0)
            end = n;
        token.type = HtmlToken::Type::Text;
        token.text = m_html.sliced(m_pos, end - m_pos);
        m_pos = end;
        return true;
    }
    const QChar next = m_html[m_pos + 1];
    if (next == u'!' || next == u'?') {
        token.type = HtmlToken::Type::Comment;
        if (m_html.sliced(m_pos).startsWith(u"<!--")) {
            const qsizetype end = m_html.indexOf(u"-->", m_pos + 4);
            token.text = m_html.sliced(m_pos + 4, (end < 0 ? n : end) - m_pos - 4);
            m_pos = end < 0 ? n : end + 3;
        } else {
            const qsizetype end = m_html.indexOf(u'>', m_pos + 2);
            token.text = m_html.sliced(m_pos + 2, (end < 0 ? n : end) - m_pos - 2);
            m_pos = end < 0 ? n : end + 1;
        }
        return true;
    }
    const bool isEnd = next == u'/';
    const qsizetype nameStart = m_pos + (isEnd ? 2 : 1);
    if (nameStart >= n || !isAsciiLetter(m_html[nameStart])) {
        if (isEnd) {
            // "</>" or "</ junk>": a bogus comment.
            const qsizetype end = m_html.indexOf(u'>', m_pos + 2);
            token.type = HtmlToken::Type::Comment;
            token.text = m_html.sliced(m_pos + 2, (end < 0 ? n : end) - m_pos - 2);
            m_pos = end < 0 ? n : end + 1;
            return true;
        }
        // A lone '<' is text.
        qsizetype end = m_html.indexOf(u'<', m_pos + 1);
        if (end < 0)
            end = n;
        token.type = HtmlToken::Type::Text;
        token.text = m_html.sliced(m_pos, end - m_pos);
        m_pos = end;
        return true;
    }
    token.type = isEnd ? HtmlToken::Type::EndTag : HtmlToken::Type::StartTag;
    qsizetype i = nameStart;
    while (i < n && !isBlank(m_html[i]) && m_html[i] != u'/' && m_html[i] != u'>')
        ++i;
    token.name = m_html.sliced(nameStart, i - nameStart).toString().toLower();
    // Attributes.
    while (i < n) {
        while (i < n && (isBlank(m_html[i]) || m_html[i] == u'/')) {
            if (m_html[i] == u'/' && i + 1 < n && m_html[i + 1] == u'>')
                token.selfClosing = true;
            ++i;
        }
        if (i >= n)
            break;
        if (m_html[i] == u'>') {
            ++i;
            break;
        }
        const qsizetype attrStart = i;
        ++i; // the first character may be anything, even '='
        while (i < n && !isBlank(m_html[i]) && m_html[i] != u'/' && m_html[i] != u'>' &&
               m_html[i] != u'=')
            ++i;
        QString attrName = m_html.sliced(attrStart, i - attrStart).toString().toLower();
        while (i < n && isBlank(m_html[i]))
            ++i;
        QString value;
        if (i < n && m_html[i] == u'=') {
            ++i;
            while (i < n && isBlank(m_html[i]))
                ++i;
            if (i < n && (m_html[i] == u'"' || m_html[i] == u'\'')) {
                const QChar quote = m_html[i];
                qsizetype end = m_html.indexOf(quote, i + 1);
                if (end < 0)
                    end = n;
                value = HtmlEntities::decode(m_html.sliced(i + 1, end - i - 1));
                i = std::min(end + 1, n);
            } else {
                const qsizetype valueStart = i;
                while (i < n && !isBlank(m_html[i]) && m_html[i] != u'>')
                    ++i;
                value = HtmlEntities::decode(m_html.sliced(valueStart, i - valueStart));
            }
        }
        if (token.attributes.size() < 64 && !token.hasAttribute(attrName))
            token.attributes.append({std::move(attrName), std::move(value)});
    }
    m_pos = i;
    return true;
}

QStringView HtmlTokenizer::rawTextUntilEndTag(QStringView name)
{
    const qsizetype n = m_html.size();
    qsizetype search = m_pos;
    while (true) {
        const qsizetype lt = m_html.indexOf(u"</", search);
        if (lt < 0) {
            const QStringView rest = m_html.sliced(m_pos);
            m_pos = n;
            return rest;
        }
        const qsizetype after = lt + 2 + name.size();
        if (after <= n &&
            m_html.sliced(lt + 2, name.size()).compare(name, Qt::CaseInsensitive) == 0 &&
            (after == n || isBlank(m_html[after]) || m_html[after] == u'>' ||
             m_html[after] == u'/')) {
            const QStringView raw = m_html.sliced(m_pos, lt - m_pos);
            const qsizetype close = m_html.indexOf(u'>', after);
            m_pos = close < 0 ? n : close + 1;
            return raw;
        }
        search = lt + 2;
    }
}

} // namespace Poplar::Mime
