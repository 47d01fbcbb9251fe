#include "mime/MessageRenderer.h"

#include "mime/HtmlEntities.h"
#include "mime/PlainTextRenderer.h"

#include <QUrl>

#include <cctype>

namespace Poplar::Mime {

RenderResult MessageRenderer::render(const Message &message, const Options &options)
{
    HtmlSanitizer::Options sanitizerOptions;
    sanitizerOptions.allowRemote = options.allowRemote;
    sanitizerOptions.resolveCid = [&message, &options](const QString &contentId) -> QString {
        const Part *part = message.partForContentId(contentId);
        if (!part || !part->mimeType.startsWith("image/") || part->mimeType.contains("svg"))
            return {};
        if (options.cidImages == CidImages::KeepCid)
            return QStringLiteral("cid:") + QString::fromLatin1(QUrl::toPercentEncoding(contentId));
        if (part->body.size() > options.maxInlineImageBytes)
            return {};
        QByteArray type = part->mimeType;
        for (char c : type) {
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.' || c == '+' ||
                  c == '-'))
                return {};
        }
        return QStringLiteral("data:") + QString::fromLatin1(type) + QStringLiteral(";base64,") +
               QString::fromLatin1(part->body.toBase64());
    };

    RenderResult result;
    QString html = QStringLiteral("<html><body>");
    bool first = true;
    for (const BodyPiece &piece : message.body) {
        if (!first && piece.kind != BodyPiece::Kind::MessageHeaders)
            html += QStringLiteral("<hr>");
        first = false;
        switch (piece.kind) {
        case BodyPiece::Kind::Plain:
            html += PlainTextRenderer::toHtml(piece.content);
            break;
        case BodyPiece::Kind::Html: {
            const RenderResult part = HtmlSanitizer::sanitize(piece.content, sanitizerOptions);
            html += QStringLiteral("<div>") + part.html + QStringLiteral("</div>");
            result.remoteBlocked += part.remoteBlocked;
            result.remoteFound += part.remoteFound;
            break;
        }
        case BodyPiece::Kind::MessageHeaders:
            html += QStringLiteral("<hr><table cellspacing=\"0\" cellpadding=\"2\">");
            for (const auto &[name, value] : piece.headerFields) {
                html += QStringLiteral("<tr><td><b>") + HtmlEntities::escape(name) +
                        QStringLiteral(":</b></td><td>") + HtmlEntities::escape(value) +
                        QStringLiteral("</td></tr>");
            }
            html += QStringLiteral("</table>");
            first = true;
            break;
        }
    }
    html += QStringLiteral("</body></html>");
    result.html = std::move(html);
    return result;
}

} // namespace Poplar::Mime
