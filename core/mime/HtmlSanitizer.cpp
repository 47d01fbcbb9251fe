#include "mime/HtmlSanitizer.h"

#include "mime/HtmlEntities.h"
#include "mime/HtmlTokenizer.h"

#include <QSet>
#include <QStringList>
#include <QUrl>

namespace Poplar::Mime {

namespace {

enum class UrlKind
{
    Remote,
    Cid,
    Mailto,
    Fragment,
    DataImage,
    Unsafe
};

// What a URL is, after stripping what browsers ignore (blanks and control characters).
UrlKind classify(const QString &raw, QString *cleaned)
{
    QString url;
    url.reserve(raw.size());
    for (QChar c : raw) {
        if (c.unicode() > 0x20 && c.unicode() != 0x7F)
            url += c;
        else if (c == u' ' && !url.isEmpty())
            url += QStringLiteral("%20");
    }
    while (url.endsWith(QStringLiteral("%20")))
        url.chop(3);
    *cleaned = url;
    const auto starts = [&](QStringView prefix) {
        return url.startsWith(prefix, Qt::CaseInsensitive);
    };
    if (starts(u"http://") || starts(u"https://") || starts(u"ftp://") || starts(u"//"))
        return UrlKind::Remote;
    if (starts(u"cid:"))
        return UrlKind::Cid;
    if (starts(u"mailto:"))
        return UrlKind::Mailto;
    if (starts(u"#"))
        return UrlKind::Fragment;
    for (QStringView type : {u"data:image/png;", u"data:image/gif;", u"data:image/jpeg;",
                             u"data:image/jpg;", u"data:image/webp;", u"data:image/bmp;"}) {
        if (starts(type))
            return UrlKind::DataImage;
    }
    return UrlKind::Unsafe;
}

const QSet<QString> &allowedElements()
{
    static const QSet<QString> set{
        QStringLiteral("a"),          QStringLiteral("abbr"),     QStringLiteral("acronym"),
        QStringLiteral("address"),    QStringLiteral("b"),        QStringLiteral("big"),
        QStringLiteral("blockquote"), QStringLiteral("br"),       QStringLiteral("caption"),
        QStringLiteral("center"),     QStringLiteral("cite"),     QStringLiteral("code"),
        QStringLiteral("col"),        QStringLiteral("colgroup"), QStringLiteral("dd"),
        QStringLiteral("del"),        QStringLiteral("dfn"),      QStringLiteral("div"),
        QStringLiteral("dl"),         QStringLiteral("dt"),       QStringLiteral("em"),
        QStringLiteral("font"),       QStringLiteral("h1"),       QStringLiteral("h2"),
        QStringLiteral("h3"),         QStringLiteral("h4"),       QStringLiteral("h5"),
        QStringLiteral("h6"),         QStringLiteral("hr"),       QStringLiteral("i"),
        QStringLiteral("img"),        QStringLiteral("ins"),      QStringLiteral("kbd"),
        QStringLiteral("li"),         QStringLiteral("mark"),     QStringLiteral("ol"),
        QStringLiteral("p"),          QStringLiteral("pre"),      QStringLiteral("q"),
        QStringLiteral("s"),          QStringLiteral("samp"),     QStringLiteral("small"),
        QStringLiteral("span"),       QStringLiteral("strike"),   QStringLiteral("strong"),
        QStringLiteral("sub"),        QStringLiteral("sup"),      QStringLiteral("table"),
        QStringLiteral("tbody"),      QStringLiteral("td"),       QStringLiteral("tfoot"),
        QStringLiteral("th"),         QStringLiteral("thead"),    QStringLiteral("tr"),
        QStringLiteral("tt"),         QStringLiteral("u"),        QStringLiteral("ul"),
        QStringLiteral("var")};
    return set;
}

const QSet<QString> &allowedAttributes()
{
    static const QSet<QString> set{
        QStringLiteral("align"),   QStringLiteral("valign"),      QStringLiteral("alt"),
        QStringLiteral("title"),   QStringLiteral("dir"),         QStringLiteral("lang"),
        QStringLiteral("width"),   QStringLiteral("height"),      QStringLiteral("bgcolor"),
        QStringLiteral("color"),   QStringLiteral("face"),        QStringLiteral("size"),
        QStringLiteral("border"),  QStringLiteral("cellpadding"), QStringLiteral("cellspacing"),
        QStringLiteral("colspan"), QStringLiteral("rowspan"),     QStringLiteral("nowrap"),
        QStringLiteral("start"),   QStringLiteral("type"),        QStringLiteral("span")};
    return set;
}

bool isVoid(const QString &name)
{
    return name == u"br" || name == u"hr" || name == u"img" || name == u"col" || name == u"wbr" ||
           name == u"input" || name == u"meta" || name == u"link" || name == u"base" ||
           name == u"area" || name == u"source" || name == u"param" || name == u"embed" ||
           name == u"track" || name == u"keygen";
}

// Elements dropped together with everything inside them.
bool dropsContent(const QString &name)
{
    static const QSet<QString> set{
        QStringLiteral("script"),    QStringLiteral("iframe"),     QStringLiteral("object"),
        QStringLiteral("applet"),    QStringLiteral("frameset"),   QStringLiteral("frame"),
        QStringLiteral("noembed"),   QStringLiteral("noframes"),   QStringLiteral("template"),
        QStringLiteral("svg"),       QStringLiteral("math"),       QStringLiteral("select"),
        QStringLiteral("textarea"),  QStringLiteral("title"),      QStringLiteral("xmp"),
        QStringLiteral("plaintext"), QStringLiteral("audio"),      QStringLiteral("video"),
        QStringLiteral("canvas"),    QStringLiteral("datalist"),   QStringLiteral("dialog"),
        QStringLiteral("xml"),       QStringLiteral("head-script")};
    return set.contains(name);
}

bool isRawText(const QString &name)
{
    return name == u"script" || name == u"style" || name == u"textarea" || name == u"title" ||
           name == u"xmp" || name == u"iframe" || name == u"noembed" || name == u"noframes" ||
           name == u"plaintext";
}

// Escapes text but keeps well-formed character references (the viewer decodes them).
void appendText(QString &out, QStringView text)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (c == u'<') {
            out += QStringLiteral("&lt;");
        } else if (c == u'>') {
            out += QStringLiteral("&gt;");
        } else if (c == u'&') {
            qsizetype j = i + 1;
            if (j < n && text[j] == u'#')
                ++j;
            const qsizetype start = j;
            while (j < n && j - start < 12 && text[j].isLetterOrNumber() && text[j].unicode() < 128)
                ++j;
            if (j > start && j < n && text[j] == u';')
                out += c;
            else
                out += QStringLiteral("&amp;");
        } else if (c.unicode() == 0) {
            out += QChar(0xFFFD);
        } else {
            out += c;
        }
    }
}

class Sanitizer
{
public:
    Sanitizer(const HtmlSanitizer::Options &options, RenderResult &result)
        : m_options(options)
        , m_result(result)
    {}

    // Handles a URL in a loading position (img src, background, CSS url()). Returns the URL
    // to write, or empty to drop it.
    QString loadableUrl(const QString &raw)
    {
        QString url;
        switch (classify(raw, &url)) {
        case UrlKind::Remote:
            ++m_result.remoteFound;
            if (m_options.allowRemote)
                return url.startsWith(u"//") ? u"https:" + url : url;
            ++m_result.remoteBlocked;
            return {};
        case UrlKind::Cid: {
            if (!m_options.resolveCid)
                return {};
            QString id = QUrl::fromPercentEncoding(url.mid(4).toUtf8());
            if (id.startsWith(u'<') && id.endsWith(u'>'))
                id = id.mid(1, id.size() - 2);
            return m_options.resolveCid(id);
        }
        case UrlKind::DataImage:
            return url.size() <= 8 * 1024 * 1024 ? url : QString();
        default:
            return {};
        }
    }

    void countSrcset(const QString &srcset)
    {
        for (const QString &candidate : srcset.split(u',', Qt::SkipEmptyParts)) {
            QString url;
            if (classify(candidate.trimmed().section(u' ', 0, 0), &url) == UrlKind::Remote) {
                ++m_result.remoteFound;
                ++m_result.remoteBlocked; // srcset is never written: the viewer cannot use it
            }
        }
    }

    QString run(QStringView html);

private:
    void startTag(const HtmlToken &token, QString &out);
    void skipElement(HtmlTokenizer &tokenizer, const QString &name);

    const HtmlSanitizer::Options &m_options;
    RenderResult &m_result;
    QStringList m_open;
};

void Sanitizer::skipElement(HtmlTokenizer &tokenizer, const QString &name)
{
    int depth = 1;
    HtmlToken token;
    while (depth > 0 && tokenizer.next(token)) {
        if (token.name != name)
            continue;
        if (token.type == HtmlToken::Type::StartTag && !token.selfClosing)
            ++depth;
        else if (token.type == HtmlToken::Type::EndTag)
            --depth;
    }
}

void Sanitizer::startTag(const HtmlToken &token, QString &out)
{
    const QString &name = token.name;
    // Remote references of elements that are never written.
    if (name == u"link") {
        QString url;
        if (classify(token.attribute(u"href"), &url) == UrlKind::Remote) {
            ++m_result.remoteFound;
            ++m_result.remoteBlocked; // external style sheets are never loaded
        }
        return;
    }
    if (name == u"source" || name == u"picture") {
        countSrcset(token.attribute(u"srcset"));
        QString url;
        if (classify(token.attribute(u"src"), &url) == UrlKind::Remote) {
            ++m_result.remoteFound;
            ++m_result.remoteBlocked;
        }
        return;
    }
    if (!allowedElements().contains(name) || m_open.size() >= 200) {
        if (token.hasAttribute(u"background"))
            loadableUrl(token.attribute(u"background")); // counted, never written
        return;
    }

    QString tag = u'<' + name;
    bool keep = true;
    for (const auto &[attr, value] : token.attributes) {
        if (attr == u"href" && name == u"a") {
            QString url;
            const UrlKind kind = classify(value, &url);
            if (kind == UrlKind::Remote || kind == UrlKind::Mailto || kind == UrlKind::Fragment) {
                if (url.startsWith(u"//"))
                    url.prepend(QStringLiteral("https:"));
                tag += QStringLiteral(" href=\"") + HtmlEntities::escape(url) + u'"';
            }
        } else if (attr == u"src" && name == u"img") {
            const QString url = loadableUrl(value);
            if (url.isEmpty())
                keep = false;
            else
                tag += QStringLiteral(" src=\"") + HtmlEntities::escape(url) + u'"';
        } else if (attr == u"background") {
            const QString url = loadableUrl(value);
            if (!url.isEmpty() &&
                (name == u"table" || name == u"td" || name == u"th" || name == u"tr"))
                tag += QStringLiteral(" background=\"") + HtmlEntities::escape(url) + u'"';
        } else if (attr == u"srcset") {
            countSrcset(value);
        } else if (attr == u"style") {
            const QString css = HtmlSanitizer::sanitizeCss(value, false, m_options, m_result);
            if (!css.isEmpty())
                tag += QStringLiteral(" style=\"") + HtmlEntities::escape(css) + u'"';
        } else if (allowedAttributes().contains(attr)) {
            tag += u' ' + attr + QStringLiteral("=\"") + HtmlEntities::escape(value) + u'"';
        }
    }
    if (!keep) {
        // An image that may not load: show its description instead.
        const QString alt = token.attribute(u"alt").simplified();
        if (!alt.isEmpty())
            out += u'[' + HtmlEntities::escape(alt) + u']';
        return;
    }
    out += tag + u'>';
    if (!isVoid(name))
        m_open.append(name);
}

QString Sanitizer::run(QStringView html)
{
    QString out;
    out.reserve(html.size());
    HtmlTokenizer tokenizer(html);
    HtmlToken token;
    while (tokenizer.next(token)) {
        switch (token.type) {
        case HtmlToken::Type::Text:
            appendText(out, token.text);
            break;
        case HtmlToken::Type::Comment:
            break; // conditional comments and the like are dropped
        case HtmlToken::Type::StartTag:
            if (token.name == u"style") {
                const QStringView css = tokenizer.rawTextUntilEndTag(u"style");
                const QString clean = HtmlSanitizer::sanitizeCss(css, true, m_options, m_result);
                if (!clean.isEmpty())
                    out += QStringLiteral("<style>") + clean + QStringLiteral("</style>");
            } else if (dropsContent(token.name)) {
                if (token.selfClosing)
                    break;
                if (isRawText(token.name))
                    tokenizer.rawTextUntilEndTag(token.name);
                else
                    skipElement(tokenizer, token.name);
            } else {
                startTag(token, out);
            }
            break;
        case HtmlToken::Type::EndTag: {
            const qsizetype at = m_open.lastIndexOf(token.name);
            if (at < 0)
                break;
            while (m_open.size() > at) {
                out += QStringLiteral("</") + m_open.takeLast() + u'>';
            }
            break;
        }
        }
    }
    while (!m_open.isEmpty())
        out += QStringLiteral("</") + m_open.takeLast() + u'>';
    return out;
}

// Removes /* comments */.
QString stripComments(QStringView css)
{
    QString out;
    out.reserve(css.size());
    qsizetype i = 0;
    while (i < css.size()) {
        if (css[i] == u'/' && i + 1 < css.size() && css[i + 1] == u'*') {
            const qsizetype end = css.indexOf(u"*/", i + 2);
            i = end < 0 ? css.size() : end + 2;
            out += u' ';
            continue;
        }
        out += css[i++];
    }
    return out;
}

// Counts the remote references in a dropped at-rule (@import, @font-face): these are never
// loaded, even when remote content is allowed.
void countDroppedRemote(QStringView rule, RenderResult &result)
{
    QStringList urls;
    const QString lower = rule.toString().toLower();
    qsizetype at = lower.indexOf(u"url(");
    while (at >= 0) {
        const qsizetype close = lower.indexOf(u')', at);
        urls.append(rule.sliced(at + 4, (close < 0 ? rule.size() : close) - at - 4).toString());
        at = lower.indexOf(u"url(", at + 4);
    }
    if (lower.startsWith(u"@import")) {
        const QString rest = rule.sliced(7).toString().trimmed();
        if (rest.startsWith(u'"') || rest.startsWith(u'\''))
            urls.append(rest.mid(1).section(rest.front(), 0, 0));
    }
    for (QString url : urls) {
        url = url.trimmed();
        if (url.startsWith(u'"') || url.startsWith(u'\''))
            url = url.mid(1).section(url.front(), 0, 0);
        QString cleaned;
        if (classify(url, &cleaned) == UrlKind::Remote) {
            ++result.remoteFound;
            ++result.remoteBlocked;
        }
    }
}

} // namespace

QString HtmlSanitizer::sanitizeCss(QStringView css, bool isStyleSheet, const Options &options,
                                   RenderResult &result)
{
    const QString text = stripComments(css);
    Sanitizer urls(options, result);
    // One declaration list: "a: b; c: url(x)".
    const auto declarations = [&](QStringView list) {
        QStringList kept;
        for (QStringView decl : list.split(u';', Qt::SkipEmptyParts)) {
            QString d = decl.toString().trimmed();
            if (d.isEmpty())
                continue;
            const QString lower = d.toLower();
            // Escapes could spell anything; expressions and bindings run code.
            if (d.contains(u'\\') || lower.contains(u"expression") ||
                lower.contains(u"javascript") || lower.contains(u"behavior") ||
                lower.contains(u"binding") || lower.contains(u"@import") || d.contains(u'<') ||
                d.contains(u'>') || d.contains(u'{') || d.contains(u'}'))
                continue;
            const qsizetype urlAt = lower.indexOf(u"url(");
            if (urlAt >= 0) {
                // Count every url() and keep the declaration only when each one may load.
                bool allLoad = true;
                QString rewritten;
                qsizetype pos = 0;
                qsizetype at = urlAt;
                while (at >= 0) {
                    const qsizetype close = d.indexOf(u')', at);
                    if (close < 0) {
                        allLoad = false;
                        break;
                    }
                    QString inner = d.mid(at + 4, close - at - 4).trimmed();
                    if (inner.size() >= 2 && (inner.front() == u'"' || inner.front() == u'\'') &&
                        inner.back() == inner.front())
                        inner = inner.mid(1, inner.size() - 2);
                    const QString url = urls.loadableUrl(inner);
                    if (url.isEmpty() || url.contains(u'"') || url.contains(u'\'') ||
                        url.contains(u'(') || url.contains(u')'))
                        allLoad = false;
                    rewritten += d.mid(pos, at - pos) + QStringLiteral("url(") + url + u')';
                    pos = close + 1;
                    at = lower.indexOf(u"url(", pos);
                }
                if (!allLoad)
                    continue;
                d = rewritten + d.mid(pos);
            }
            if (!d.contains(u':'))
                continue;
            kept.append(d);
        }
        return kept.join(QStringLiteral("; "));
    };
    if (!isStyleSheet)
        return declarations(text);

    // A style sheet: rules "selectors { declarations }"; at-rules other than @media dropped
    // (their url()s counted).
    QString out;
    qsizetype i = 0;
    const qsizetype n = text.size();
    int rules = 0;
    while (i < n && rules < 2000) {
        while (i < n && text[i].isSpace())
            ++i;
        if (i >= n)
            break;
        if (text[i] == u'}') {
            ++i; // closes an @media block
            out += u'}';
            continue;
        }
        if (text[i] == u'@') {
            qsizetype j = i;
            while (j < n && text[j] != u'{' && text[j] != u';')
                ++j;
            const QString prelude = text.mid(i, j - i).trimmed();
            if (prelude.startsWith(u"@media", Qt::CaseInsensitive) && j < n && text[j] == u'{') {
                out += prelude.contains(u'<') ? QStringLiteral("@media all") : prelude;
                out += u'{';
                i = j + 1;
                continue;
            }
            // Count remote references in what is dropped (@import url(...), @font-face src).
            qsizetype end = j;
            if (j < n && text[j] == u'{') {
                int depth = 0;
                for (end = j; end < n; ++end) {
                    if (text[end] == u'{')
                        ++depth;
                    else if (text[end] == u'}' && --depth == 0)
                        break;
                }
            }
            countDroppedRemote(QStringView(text).sliced(i, std::min(end, n - 1) - i + 1), result);
            i = end + 1;
            continue;
        }
        const qsizetype open = text.indexOf(u'{', i);
        if (open < 0)
            break;
        qsizetype close = text.indexOf(u'}', open);
        if (close < 0)
            close = n;
        QString selector = text.mid(i, open - i).trimmed();
        const QString body = declarations(QStringView(text).sliced(open + 1, close - open - 1));
        if (!selector.contains(u'<') && !selector.contains(u'\\') && !selector.contains(u'}'))
            out += selector + QStringLiteral(" { ") + body + QStringLiteral(" }\n");
        i = close + 1;
        ++rules;
    }
    out.replace(u'<', u' ');
    return out.trimmed();
}

RenderResult HtmlSanitizer::sanitize(QStringView html, const Options &options)
{
    RenderResult result;
    Sanitizer sanitizer(options, result);
    result.html = sanitizer.run(html);
    return result;
}

} // namespace Poplar::Mime
