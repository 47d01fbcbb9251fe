// libFuzzer target: any text as HTML through the sanitizer and the HTML-to-text reduction.
// Besides not crashing, the sanitized output must never contain an element or a URL the viewer
// could act on, nor a remote reference.
#include "mime/HtmlSanitizer.h"
#include "mime/HtmlToText.h"
#include "mime/HtmlTokenizer.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Poplar::Mime;
    const QString html =
        QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    HtmlSanitizer::Options options;
    options.resolveCid = [](const QString &) { return QStringLiteral("data:image/png;base64,AA"); };
    const RenderResult result = HtmlSanitizer::sanitize(html, options);
    // Every tag it wrote is allowed, with no handler and only safe URLs.
    HtmlTokenizer tokenizer(result.html);
    HtmlToken token;
    while (tokenizer.next(token)) {
        if (token.type != HtmlToken::Type::StartTag)
            continue;
        for (const char *forbidden : {"script", "iframe", "object", "embed", "form", "input",
                                      "link", "meta", "base", "svg", "frame", "applet"}) {
            if (token.name == QLatin1StringView(forbidden))
                std::abort();
        }
        for (const auto &[name, value] : token.attributes) {
            const QString v = value.trimmed().toLower();
            if (name.startsWith(u"on") || name == u"srcset")
                std::abort();
            if (name == u"href" && !v.startsWith(u"http://") && !v.startsWith(u"https://") &&
                !v.startsWith(u"ftp://") && !v.startsWith(u"mailto:") && !v.startsWith(u'#'))
                std::abort();
            if ((name == u"src" || name == u"background") && !v.startsWith(u"data:image/"))
                std::abort();
        }
    }
    if (result.remoteBlocked > result.remoteFound)
        std::abort();
    // What it wrote has no remote reference left in it (CSS url() included).
    if (HtmlSanitizer::sanitize(result.html, options).remoteFound != 0)
        std::abort();
    (void)HtmlToText::convert(html);
    return 0;
}
