#pragma once

#include <QString>

#include <functional>

namespace Poplar::Mime {

// What a rendering produced: HTML safe to give the viewer, and what was held back.
struct RenderResult
{
    QString html;
    int remoteBlocked = 0; // remote references left out (images, CSS url(), srcset, <link>, ...)
    int remoteFound = 0;   // remote references present, blocked or not
};

// The sender's HTML reduced to a subset the viewer (QTextBrowser) shows, safe by construction:
// only listed elements and attributes are written, every URL is checked against a list of
// allowed forms, text and attribute values are re-escaped. No script, form, frame, object,
// embed, event handler, javascript: URL or external style sheet survives. Remote references
// are left out unless `allowRemote`, and counted either way.
class HtmlSanitizer
{
public:
    // Maps a Content-ID (without "cid:") to the URL the viewer should load instead (a data:
    // URL, or a local scheme); an empty result drops the reference.
    using CidResolver = std::function<QString(const QString &contentId)>;

    struct Options
    {
        bool allowRemote = false;
        CidResolver resolveCid;
    };

    static RenderResult sanitize(QStringView html, const Options &options);
    // A CSS declaration list or style sheet with url(), @import, expressions and escapes
    // removed (remote url() kept only if allowed); counts into `result`.
    static QString sanitizeCss(QStringView css, bool isStyleSheet, const Options &options,
                               RenderResult &result);
};

} // namespace Poplar::Mime
