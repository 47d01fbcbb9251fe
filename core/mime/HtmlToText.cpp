#include "mime/HtmlToText.h"

#include "mime/HtmlEntities.h"
#include "mime/HtmlTokenizer.h"

#include <QSet>

namespace Poplar::Mime {

namespace {

bool isBlock(const QString &name)
{
    static const QSet<QString> set{
        QStringLiteral("p"),       QStringLiteral("div"),        QStringLiteral("table"),
        QStringLiteral("tr"),      QStringLiteral("ul"),         QStringLiteral("ol"),
        QStringLiteral("li"),      QStringLiteral("h1"),         QStringLiteral("h2"),
        QStringLiteral("h3"),      QStringLiteral("h4"),         QStringLiteral("h5"),
        QStringLiteral("h6"),      QStringLiteral("blockquote"), QStringLiteral("pre"),
        QStringLiteral("hr"),      QStringLiteral("dl"),         QStringLiteral("dt"),
        QStringLiteral("dd"),      QStringLiteral("address"),    QStringLiteral("center"),
        QStringLiteral("section"), QStringLiteral("article"),    QStringLiteral("header"),
        QStringLiteral("footer"),  QStringLiteral("body"),       QStringLiteral("caption")};
    return set.contains(name);
}

// Blocks followed by an empty line.
bool isParagraph(const QString &name)
{
    return name == u"p" || name == u"table" || name == u"ul" || name == u"ol" ||
           name == u"blockquote" || name == u"pre" ||
           (name.size() == 2 && name[0] == u'h' && name[1] >= u'1' && name[1] <= u'6');
}

bool isHidden(const QString &name)
{
    return name == u"script" || name == u"style" || name == u"title" || name == u"head" ||
           name == u"template" || name == u"noscript" || name == u"svg" || name == u"object" ||
           name == u"iframe" || name == u"select" || name == u"textarea";
}

} // namespace

QString HtmlToText::convert(QStringView html)
{
    QString out;
    out.reserve(html.size() / 2);
    HtmlTokenizer tokenizer(html);
    HtmlToken token;
    int pre = 0;
    bool pendingSpace = false;
    const auto lineBreak = [&](bool paragraph) {
        while (out.endsWith(u' '))
            out.chop(1);
        if (out.isEmpty())
            return;
        if (!out.endsWith(u'\n'))
            out += u'\n';
        if (paragraph && !out.endsWith(QStringLiteral("\n\n")))
            out += u'\n';
        pendingSpace = false;
    };
    while (tokenizer.next(token)) {
        if (token.type == HtmlToken::Type::Text) {
            const QString text = HtmlEntities::decode(token.text);
            if (pre > 0) {
                out += text;
                continue;
            }
            for (QChar c : text) {
                if (c.isSpace() && c.unicode() != 0xA0) {
                    pendingSpace = true;
                } else {
                    if (pendingSpace && !out.isEmpty() && !out.endsWith(u'\n'))
                        out += u' ';
                    pendingSpace = false;
                    out += c.unicode() == 0xA0 ? QChar(u' ') : c;
                }
            }
        } else if (token.type == HtmlToken::Type::StartTag) {
            if (isHidden(token.name)) {
                if (!token.selfClosing && token.name != u"head")
                    tokenizer.rawTextUntilEndTag(token.name);
                continue;
            }
            if (token.name == u"br") {
                while (out.endsWith(u' '))
                    out.chop(1);
                out += u'\n';
                pendingSpace = false;
            } else if (token.name == u"li") {
                lineBreak(false);
                out += QStringLiteral("• ");
            } else if (token.name == u"td" || token.name == u"th") {
                pendingSpace = true;
            } else if (token.name == u"img") {
                const QString alt = token.attribute(u"alt").simplified();
                if (!alt.isEmpty()) {
                    if (pendingSpace && !out.isEmpty() && !out.endsWith(u'\n'))
                        out += u' ';
                    out += alt;
                    pendingSpace = false;
                }
            } else if (isBlock(token.name)) {
                lineBreak(false);
                if (token.name == u"pre")
                    ++pre;
            }
        } else if (token.type == HtmlToken::Type::EndTag) {
            if (token.name == u"pre" && pre > 0)
                --pre;
            if (isBlock(token.name))
                lineBreak(isParagraph(token.name));
        }
    }
    // Drop trailing blanks (leading ones only come from <pre>) and repeated empty lines.
    QString result;
    result.reserve(out.size());
    int blank = 0;
    for (QStringView line : QStringView(out).split(u'\n')) {
        while (!line.isEmpty() && line.back().isSpace())
            line.chop(1);
        if (line.isEmpty()) {
            if (++blank > 1 || result.isEmpty())
                continue;
        } else {
            blank = 0;
        }
        result += line;
        result += u'\n';
    }
    while (result.endsWith(u'\n'))
        result.chop(1);
    return result;
}

} // namespace Poplar::Mime
