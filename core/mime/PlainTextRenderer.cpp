#include "mime/PlainTextRenderer.h"

#include "mime/HtmlEntities.h"

#include <QRegularExpression>

#include <array>

namespace Poplar::Mime {

namespace {

constexpr std::array<const char16_t *, 4> kQuoteColours{u"#1f5fa8", u"#2e7d32", u"#8e24aa",
                                                        u"#b35900"};

// Escapes a line, keeps runs of spaces, and turns URLs and addresses into links.
QString renderLine(QStringView line)
{
    static const QRegularExpression links(
        QStringLiteral(R"((\b(?:https?://|ftp://|www\.)[^\s<>"]+)|(\bmailto:[^\s<>"]+)|)"
                       R"(([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+))"));
    QString out;
    qsizetype pos = 0;
    const auto appendPlain = [&](QStringView text) {
        QString escaped = HtmlEntities::escape(text);
        escaped.replace(u'\t', QStringLiteral("    "));
        // Keep indentation and runs of blanks: every second blank becomes a no-break space.
        QString spaced;
        spaced.reserve(escaped.size());
        bool previousSpace = true; // a leading blank must be kept too
        for (QChar c : escaped) {
            if (c == u' ' && previousSpace) {
                spaced += QStringLiteral("&nbsp;");
                previousSpace = false;
                continue;
            }
            previousSpace = c == u' ';
            spaced += c;
        }
        out += spaced;
    };
    QRegularExpressionMatchIterator it = links.globalMatch(line);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString target = m.captured(0);
        // Trailing punctuation belongs to the sentence, not the link.
        while (!target.isEmpty() && QStringLiteral(".,;:!?'").contains(target.back()))
            target.chop(1);
        if (target.endsWith(u')') && target.count(u'(') < target.count(u')'))
            target.chop(1);
        if (target.isEmpty())
            continue;
        appendPlain(line.sliced(pos, m.capturedStart(0) - pos));
        QString href = target;
        if (m.capturedLength(3) > 0)
            href = QStringLiteral("mailto:") + target;
        else if (target.startsWith(u"www.", Qt::CaseInsensitive))
            href = QStringLiteral("http://") + target;
        out += QStringLiteral("<a href=\"") + HtmlEntities::escape(href) + QStringLiteral("\">") +
               HtmlEntities::escape(target) + QStringLiteral("</a>");
        pos = m.capturedStart(0) + target.size();
    }
    appendPlain(line.sliced(pos));
    return out;
}

} // namespace

int PlainTextRenderer::quoteDepth(QStringView line, QStringView *rest)
{
    int depth = 0;
    qsizetype i = 0;
    qsizetype afterLast = 0;
    while (i < line.size()) {
        if (line[i] == u'>') {
            ++depth;
            afterLast = ++i;
        } else if (line[i] == u' ' && depth > 0 && i + 1 < line.size() && line[i + 1] == u'>') {
            ++i;
        } else {
            break;
        }
    }
    if (rest) {
        QStringView r = line.sliced(afterLast);
        if (depth > 0 && r.startsWith(u' '))
            r = r.sliced(1);
        *rest = r;
    }
    return depth;
}

QString PlainTextRenderer::toHtml(QStringView text)
{
    QString out;
    out.reserve(text.size() + text.size() / 4);
    int openDepth = 0;
    bool inSignature = false;
    bool firstInBlock = true;
    for (QStringView line : text.split(u'\n')) {
        QStringView rest;
        const int depth = std::min(quoteDepth(line, &rest), 12);
        if (depth != openDepth) {
            if (inSignature && depth > 0) {
                out += QStringLiteral("</span>");
                inSignature = false;
            }
            while (openDepth > depth) {
                out += QStringLiteral("</blockquote>");
                --openDepth;
            }
            while (openDepth < depth) {
                ++openDepth;
                out += QStringLiteral("<blockquote style=\"margin: 0px 0px 0px 8px; color: ") +
                       QString::fromUtf16(kQuoteColours[(openDepth - 1) % kQuoteColours.size()]) +
                       QStringLiteral("\">");
            }
            firstInBlock = true;
        }
        if (!firstInBlock)
            out += QStringLiteral("<br>\n");
        firstInBlock = false;
        if (depth == 0 && line == u"-- " && !inSignature) {
            out += QStringLiteral("<span style=\"color: #777777\">");
            inSignature = true;
        }
        out += renderLine(rest);
    }
    if (inSignature)
        out += QStringLiteral("</span>");
    while (openDepth-- > 0)
        out += QStringLiteral("</blockquote>");
    return QStringLiteral("<div>") + out + QStringLiteral("</div>");
}

} // namespace Poplar::Mime
