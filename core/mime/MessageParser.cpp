#include "mime/MessageParser.h"

#include "Logging.h"
#include "mime/CalendarText.h"
#include "mime/Charset.h"
#include "mime/DateParser.h"
#include "mime/EncodedWords.h"
#include "mime/HeaderParameters.h"
#include "mime/MessageIds.h"
#include "mime/TransferEncoding.h"

#include <QByteArrayMatcher>
#include <QCoreApplication>

#include <functional>

namespace Poplar::Mime {

namespace {

struct TreeContext
{
    const ParserLimits &limits;
    int parts = 0;
    bool truncated = false;
    QStringList problems;
    bool decodeBinary = true; // false: attachments that are not text keep an empty body
};

// A leaf whose decoded bytes only an attachment viewer needs: not text, not an embedded
// message, not a container the body builder opens (TNEF) or reads (signatures, PGP).
bool isBinaryLeaf(const QByteArray &mimeType)
{
    return !mimeType.startsWith("text/") && !mimeType.startsWith("message/") &&
           mimeType != "application/ms-tnef" && !mimeType.startsWith("application/pgp") &&
           !mimeType.contains("pkcs7");
}

QString childPath(const QString &parent, int index)
{
    return parent.isEmpty() ? QString::number(index) : parent + u'.' + QString::number(index);
}

bool isBlankTail(QByteArrayView v)
{
    for (char c : v) {
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return true;
}

// A line of the body that tells the reader, in words, what Poplar could not show.
BodyPiece notice(const QString &text, const QString &path, int depth)
{
    BodyPiece piece;
    piece.content = text;
    piece.partPath = path;
    piece.depth = depth;
    return piece;
}

// The bodies between boundary lines. A delimiter line is "--" + the boundary, a close
// delimiter "--" + the boundary + "--", each alone on its line but for trailing blanks
// (RFC 2046 5.1.1): "--boundary2" or "--boundary--x" is text, however much it looks like
// one. Tolerates a missing final boundary, a close delimiter before the first part (text
// of the preamble) and bare LF line ends.
QList<QByteArrayView> splitMultipart(QByteArrayView body, const QByteArray &boundary, bool *closed)
{
    QList<QByteArrayView> parts;
    const QByteArray delimiter = "--" + boundary;
    const QByteArrayMatcher matcher(delimiter);
    qsizetype searchFrom = 0;
    qsizetype contentStart = -1;
    *closed = false;
    while (true) {
        const qsizetype at = matcher.indexIn(body, searchFrom);
        if (at < 0)
            break;
        searchFrom = at + delimiter.size();
        if (at > 0 && body[at - 1] != '\n')
            continue; // not at the start of a line
        qsizetype lineEnd = body.indexOf('\n', searchFrom);
        if (lineEnd < 0)
            lineEnd = body.size();
        QByteArrayView rest = body.sliced(searchFrom, lineEnd - searchFrom);
        const bool closing = rest.startsWith("--") && isBlankTail(rest.sliced(2));
        if (!closing && !isBlankTail(rest))
            continue; // a longer boundary that starts with ours, or text after it
        if (closing && contentStart < 0)
            continue; // no part is open yet
        if (contentStart >= 0) {
            qsizetype end = at;
            if (end > contentStart && body[end - 1] == '\n')
                --end;
            if (end > contentStart && body[end - 1] == '\r')
                --end;
            parts.append(body.sliced(contentStart, std::max<qsizetype>(0, end - contentStart)));
        }
        if (closing) {
            *closed = true;
            return parts;
        }
        contentStart = std::min(lineEnd + 1, body.size());
        searchFrom = contentStart;
    }
    if (contentStart >= 0)
        parts.append(body.sliced(contentStart));
    return parts;
}

// "Content-Type: ...": how a MIME part's header block starts (a "From:" line may be the
// header of a quoted reply in plain text).
bool looksLikePartHeader(QByteArrayView line)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 8 || colon > 76 || !line.first(8).toByteArray().toLower().startsWith("content-"))
        return false;
    for (char c : line.first(colon)) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 32 || u >= 127)
            return false;
    }
    return true;
}

QByteArrayView lineAt(QByteArrayView body, qsizetype pos, qsizetype *end)
{
    qsizetype nl = body.indexOf('\n', pos);
    if (nl < 0)
        nl = body.size();
    *end = nl;
    QByteArrayView text = body.sliced(pos, nl - pos);
    if (text.endsWith('\r'))
        text.chop(1);
    return text;
}

// The text of a multipart that has no parts, without its own boundary lines.
QByteArray withoutDelimiterLines(QByteArrayView content, const QByteArray &boundary)
{
    if (boundary.isEmpty())
        return content.toByteArray();
    const QByteArray delimiter = "--" + boundary;
    QByteArray text;
    text.reserve(content.size());
    qsizetype pos = 0;
    while (pos < content.size()) {
        qsizetype end = 0;
        const QByteArrayView line = lineAt(content, pos, &end);
        const bool isDelimiter =
            line.startsWith(delimiter) && (isBlankTail(line.sliced(delimiter.size())) ||
                                           (line.sliced(delimiter.size()).startsWith("--") &&
                                            isBlankTail(line.sliced(delimiter.size() + 2))));
        if (!isDelimiter)
            text += content.sliced(pos, std::min(end + 1, content.size()) - pos);
        pos = end + 1;
    }
    return text;
}

// A boundary for a multipart that declares none: a "--x" line that occurs again, or one
// followed by a part's header (a multipart of one part, as a cut-off forward may be).
QByteArray guessBoundary(QByteArrayView body)
{
    qsizetype pos = 0;
    int candidates = 0;
    for (int line = 0; line < 200 && candidates < 5 && pos < body.size(); ++line) {
        qsizetype nl = body.indexOf('\n', pos);
        if (nl < 0)
            nl = body.size();
        QByteArrayView text = body.sliced(pos, nl - pos);
        if (text.endsWith('\r'))
            text.chop(1);
        if (text.startsWith("--") && text.size() > 3 && text.size() < 80) {
            ++candidates;
            const QByteArray candidate = text.sliced(2).trimmed().toByteArray();
            if (body.indexOf(QByteArray("\n--" + candidate), nl) >= 0)
                return candidate;
            qsizetype nextEnd = 0;
            if (nl < body.size() && looksLikePartHeader(lineAt(body, nl + 1, &nextEnd)))
                return candidate;
        }
        pos = nl + 1;
    }
    return {};
}

QString partName(const QString &path)
{
    return path.isEmpty() ? QStringLiteral("top") : path;
}

// Reads the header block of a part into `part` (type, charset, disposition, name, ...) and
// returns its body, not yet decoded.
QByteArrayView readHeaders(QByteArrayView raw, Part &part, const QString &path,
                           QByteArrayView defaultType, TreeContext &ctx, HeaderParameters &type)
{
    ++ctx.parts;
    const qsizetype bodyStart = HeaderList::parse(raw, part.headers, ctx.limits);
    if (part.headers.truncated()) {
        ctx.truncated = true;
        ctx.problems.append(
            QStringLiteral("header block of part %1 too large, cut").arg(partName(path)));
    }
    const QByteArrayView body = raw.sliced(std::min(bodyStart, raw.size()));
    part.path = path;
    part.encodedSize = body.size();

    type = HeaderParameters::parse(part.headers.value("Content-Type"));
    part.mimeType = type.value();
    if (part.mimeType.isEmpty() || !part.mimeType.contains('/') || part.mimeType.count('/') > 1) {
        if (!part.mimeType.isEmpty())
            ctx.problems.append(QStringLiteral("unusable Content-Type \"%1\" in part %2")
                                    .arg(QString::fromLatin1(part.mimeType), partName(path)));
        part.mimeType = defaultType.toByteArray();
    }
    part.charsetLabel = type.parameter("charset").toLatin1();
    part.transferEncoding = part.headers.value("Content-Transfer-Encoding").trimmed().toLower();
    const QByteArray dispositionRaw = part.headers.value("Content-Disposition");
    const HeaderParameters disposition = HeaderParameters::parse(dispositionRaw);
    part.disposition = disposition.value();
    part.filename = disposition.parameter("filename");
    if (part.filename.isEmpty())
        part.filename = type.parameter("name");
    // Keep only the last path component: a name must never point elsewhere.
    const qsizetype slash =
        std::max(part.filename.lastIndexOf(u'/'), part.filename.lastIndexOf(u'\\'));
    if (slash >= 0)
        part.filename = part.filename.mid(slash + 1);
    part.filename = part.filename.trimmed();
    QByteArray cid = part.headers.value("Content-ID").trimmed();
    if (cid.startsWith('<'))
        cid = cid.mid(1);
    if (cid.endsWith('>'))
        cid.chop(1);
    part.contentId = QString::fromUtf8(cid.trimmed());
    if (part.headers.contains("Content-Description"))
        part.description = EncodedWords::decode(part.headers.value("Content-Description"));
    return body;
}

// The content of a multipart, ready to split: transfer encoding undone, the boundary guessed
// when none is declared.
struct MultipartContent
{
    QByteArray decoded; // owns the bytes when the multipart had to be decoded
    QByteArrayView content;
    QByteArray boundary;
};

MultipartContent multipartContent(const Part &part, const HeaderParameters &type,
                                  QByteArrayView body, TreeContext &ctx)
{
    MultipartContent m;
    m.content = body;
    // A multipart must not be transfer-encoded, but some senders do it anyway.
    if (part.transferEncoding == "base64" || part.transferEncoding == "quoted-printable") {
        m.decoded = TransferEncoding::decode(body, part.transferEncoding);
        m.content = m.decoded;
    }
    m.boundary = type.parameter("boundary").toUtf8();
    if (m.boundary.isEmpty()) {
        m.boundary = guessBoundary(m.content);
        if (!m.boundary.isEmpty())
            ctx.problems.append(
                QStringLiteral("multipart part %1 has no boundary; found one in the body")
                    .arg(partName(part.path)));
    }
    return m;
}

QByteArrayView childDefaultType(const Part &multipart)
{
    return multipart.mimeType == "multipart/digest" ? "message/rfc822" : "text/plain";
}

// Below the depth limit the tree is not built any further, but what it holds is still found:
// the parts inside `part` are read without recursion and listed flat as its children, each
// with its real path, leaves only (an embedded message stays unopened). Reading stops at the
// part limit or after maxDepth times the bytes of `part`, what nesting that deep could cost.
void listPartsBelowDepthLimit(const MultipartContent &top, Part &part, TreeContext &ctx)
{
    struct Level
    {
        MultipartContent multipart;
        QList<QByteArrayView> bodies;
        qsizetype next = 0;
        QString path;
        QByteArray childDefault;
    };
    std::vector<Level> open;
    qsizetype budget = top.content.size() * std::max(1, ctx.limits.maxDepth);
    const auto enter = [&](MultipartContent multipart, const Part &owner) {
        bool closed = false;
        QList<QByteArrayView> bodies;
        if (!multipart.boundary.isEmpty() && multipart.content.size() <= budget)
            bodies = splitMultipart(multipart.content, multipart.boundary, &closed);
        if (bodies.isEmpty())
            return false;
        budget -= multipart.content.size();
        open.push_back({std::move(multipart), std::move(bodies), 0, owner.path,
                        childDefaultType(owner).toByteArray()});
        return true;
    };
    if (!enter(top, part))
        return;
    bool unread = false;
    while (!open.empty()) {
        Level &level = open.back();
        if (level.next >= level.bodies.size()) {
            open.pop_back();
            continue;
        }
        if (ctx.parts >= ctx.limits.maxParts) {
            unread = true;
            break;
        }
        const QByteArrayView raw = level.bodies[level.next++];
        const QString path = childPath(level.path, static_cast<int>(level.next));
        Part child;
        HeaderParameters type;
        const QByteArrayView body = readHeaders(raw, child, path, level.childDefault, ctx, type);
        if (child.mimeType.startsWith("multipart/")) {
            if (enter(multipartContent(child, type, body, ctx), child))
                continue; // `level` may have moved
            unread = unread || budget < body.size();
        }
        if (ctx.decodeBinary || !isBinaryLeaf(child.mimeType))
            child.body = TransferEncoding::decode(body, child.transferEncoding);
        part.children.push_back(std::move(child));
    }
    if (unread || !open.empty())
        ctx.problems.append(QStringLiteral("part %1: not every part below the depth limit was read")
                                .arg(partName(part.path)));
}

void parseEntity(QByteArrayView raw, Part &part, const QString &path, int depth,
                 QByteArrayView defaultType, TreeContext &ctx)
{
    HeaderParameters type;
    const QByteArrayView body = readHeaders(raw, part, path, defaultType, ctx, type);
    const bool tooDeep = depth >= ctx.limits.maxDepth;
    const bool tooMany = ctx.parts >= ctx.limits.maxParts;

    if (part.mimeType.startsWith("multipart/")) {
        if (tooMany) {
            ctx.truncated = true;
            part.limitReached = Part::Limit::TooManyParts;
            ctx.problems.append(
                QStringLiteral("part %1 not opened: too many parts").arg(partName(path)));
            part.body = body.toByteArray();
            return;
        }
        const MultipartContent multipart = multipartContent(part, type, body, ctx);
        if (tooDeep) {
            ctx.truncated = true;
            part.limitReached = Part::Limit::TooDeep;
            part.kind = Part::Kind::Multipart;
            listPartsBelowDepthLimit(multipart, part, ctx);
            ctx.problems.append(QStringLiteral("part %1 is nested more than %2 levels deep; "
                                               "parts found in it, listed as attachments: %3")
                                    .arg(partName(path))
                                    .arg(ctx.limits.maxDepth)
                                    .arg(static_cast<qsizetype>(part.children.size())));
            if (part.children.empty()) {
                part.kind = Part::Kind::Leaf;
                part.body = body.toByteArray();
            }
            return;
        }
        bool closed = false;
        const QList<QByteArrayView> bodies =
            multipart.boundary.isEmpty()
                ? QList<QByteArrayView>{}
                : splitMultipart(multipart.content, multipart.boundary, &closed);
        if (!bodies.isEmpty()) {
            if (!closed)
                ctx.problems.append(QStringLiteral("multipart part %1 has no closing boundary")
                                        .arg(partName(path)));
            part.kind = Part::Kind::Multipart;
            const QByteArrayView childDefault = childDefaultType(part);
            part.children.reserve(static_cast<size_t>(bodies.size()));
            int index = 1;
            for (QByteArrayView childRaw : bodies) {
                if (ctx.parts >= ctx.limits.maxParts) {
                    ctx.truncated = true;
                    ctx.problems.append(QStringLiteral("too many parts; the rest is not shown"));
                    break;
                }
                Part child;
                parseEntity(childRaw, child, childPath(path, index++), depth + 1, childDefault,
                            ctx);
                part.children.push_back(std::move(child));
            }
            return;
        }
        // No boundary line at all, but the content starts like a part: read it as the one part
        // (a forward whose multipart lost its boundaries), not as raw MIME text.
        qsizetype firstEnd = 0;
        if (looksLikePartHeader(lineAt(multipart.content, 0, &firstEnd)) &&
            ctx.parts < ctx.limits.maxParts) {
            ctx.problems.append(
                QStringLiteral("multipart part %1 has no boundary lines; read as one part")
                    .arg(partName(path)));
            part.kind = Part::Kind::Multipart;
            Part child;
            parseEntity(multipart.content, child, childPath(path, 1), depth + 1,
                        childDefaultType(part), ctx);
            part.children.push_back(std::move(child));
            return;
        }
        ctx.problems.append(
            QStringLiteral("multipart part %1 has no parts; shown as text").arg(partName(path)));
        part.mimeType = "text/plain";
        part.body = withoutDelimiterLines(multipart.content, multipart.boundary);
        return;
    }

    if (ctx.decodeBinary || !isBinaryLeaf(part.mimeType))
        part.body = TransferEncoding::decode(body, part.transferEncoding);
    if (part.mimeType != "message/rfc822" && part.mimeType != "message/global")
        return;
    if (tooDeep || tooMany) {
        ctx.truncated = true;
        part.limitReached = tooDeep ? Part::Limit::TooDeep : Part::Limit::TooManyParts;
        ctx.problems.append(QStringLiteral("attached message %1 not opened: %2")
                                .arg(partName(path), tooDeep ? QStringLiteral("nested too deep")
                                                             : QStringLiteral("too many parts")));
        return;
    }
    part.kind = Part::Kind::Message;
    Part embedded;
    // Parsed under this part's path so that problems inside name it; renumbered below.
    parseEntity(part.body, embedded, path, depth + 1, "text/plain", ctx);
    // Paths inside follow IMAP: a multipart's parts are path.N, a single body is path.1.
    std::function<void(Part &, const QString &)> renumber = [&](Part &p, const QString &base) {
        p.path = base;
        int i = 1;
        for (Part &c : p.children)
            renumber(c, childPath(base, i++));
    };
    renumber(embedded, embedded.kind == Part::Kind::Multipart ? path : childPath(path, 1));
    part.children.push_back(std::move(embedded));
}

} // namespace

Part MessageParser::parseTree(QByteArrayView raw, const ParserLimits &limits)
{
    TreeContext ctx{limits, 0, false, {}};
    Part root;
    parseEntity(raw, root, QString(), 0, "text/plain", ctx);
    if (root.kind == Part::Kind::Leaf)
        root.path = QStringLiteral("1");
    return root;
}

namespace {

class BodyBuilder
{
public:
    BodyBuilder(Message &message, const ParserLimits &limits, bool preferPlain)
        : m_message(message)
        , m_limits(limits)
        , m_preferPlain(preferPlain)
    {}

    void walk(const Part &part, int depth, bool inRelated = false);

private:
    int rank(const Part &part) const;
    QString textOf(const Part &part);
    void addAttachment(const Part &part, bool isInline);
    void addText(const Part &part, int depth);

    Message &m_message;
    const ParserLimits &m_limits;
    bool m_preferPlain = false;
};

int BodyBuilder::rank(const Part &part) const
{
    if (part.kind == Part::Kind::Multipart) {
        int best = -1;
        for (const Part &c : part.children)
            best = std::max(best, rank(c));
        return best;
    }
    if (part.kind == Part::Kind::Message)
        return 1;
    if (part.disposition == "attachment")
        return -1;
    if (part.mimeType == "text/html")
        return m_preferPlain ? 2 : 3;
    if (part.mimeType == "text/plain")
        return m_preferPlain ? 3 : 2;
    if (part.mimeType == "text/calendar")
        return 0;
    if (part.isText())
        return 1;
    return -1;
}

QString BodyBuilder::textOf(const Part &part)
{
    QByteArray label = part.charsetLabel;
    if (label.isEmpty() && part.mimeType == "text/html") {
        // <meta charset="..."> or <meta http-equiv content="text/html; charset=...">.
        const QByteArray head = part.body.left(4096).toLower();
        const qsizetype at = head.indexOf("charset=");
        if (at >= 0) {
            qsizetype i = at + 8;
            while (i < head.size() && (head[i] == '"' || head[i] == '\''))
                ++i;
            const qsizetype start = i;
            while (i < head.size() && head[i] != '"' && head[i] != '\'' && head[i] != '>' &&
                   head[i] != ' ' && head[i] != ';' && head[i] != '/')
                ++i;
            label = head.mid(start, i - start);
        }
    }
    DecodedText decoded = Charset::decode(part.body, label);
    if (decoded.guessed) {
        m_message.charsetGuessed = true;
        m_message.problems.append(
            QStringLiteral("part %1: charset \"%2\" missing or wrong; decoded as %3")
                .arg(part.path, QString::fromLatin1(label), QString::fromLatin1(decoded.charset)));
    }
    QString text = std::move(decoded.text);
    // One newline convention: LF.
    if (text.contains(u'\r')) {
        text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        text.replace(u'\r', u'\n');
    }
    if (text.contains(QChar(0)))
        text.replace(QChar(0), QChar(0xFFFD));
    const HeaderParameters type = HeaderParameters::parse(part.headers.value("Content-Type"));
    if (part.mimeType == "text/plain" &&
        type.parameter("format").compare(u"flowed", Qt::CaseInsensitive) == 0)
        text = TransferEncoding::unflow(
            text, type.parameter("delsp").compare(u"yes", Qt::CaseInsensitive) == 0);
    return text;
}

void BodyBuilder::addAttachment(const Part &part, bool isInline)
{
    Attachment a;
    a.filename = part.filename;
    a.mimeType = part.mimeType;
    a.size = part.body.size();
    a.isInline = isInline;
    a.contentId = part.contentId;
    a.partPath = part.path;
    a.data = part.body;
    if (a.filename.isEmpty() && part.kind == Part::Kind::Message && !part.children.empty()) {
        const QString subject =
            EncodedWords::decode(part.children.front().headers.value("Subject")).simplified();
        a.filename =
            (subject.isEmpty() ? QStringLiteral("message") : subject) + QStringLiteral(".eml");
    }
    if (a.filename.isEmpty()) {
        static const QList<std::pair<QByteArray, QString>> extensions{
            {"image/png", QStringLiteral(".png")},     {"image/jpeg", QStringLiteral(".jpg")},
            {"image/gif", QStringLiteral(".gif")},     {"application/pdf", QStringLiteral(".pdf")},
            {"text/plain", QStringLiteral(".txt")},    {"text/html", QStringLiteral(".html")},
            {"text/calendar", QStringLiteral(".ics")}, {"message/rfc822", QStringLiteral(".eml")}};
        QString extension = QStringLiteral(".bin");
        for (const auto &[type, ext] : extensions) {
            if (part.mimeType == type)
                extension = ext;
        }
        a.filename = QStringLiteral("part-") + part.path + extension;
    }
    m_message.attachments.append(std::move(a));
}

void BodyBuilder::addText(const Part &part, int depth)
{
    BodyPiece piece;
    piece.partPath = part.path;
    piece.depth = depth;
    if (part.mimeType == "text/html") {
        piece.kind = BodyPiece::Kind::Html;
        piece.content = textOf(part);
    } else if (part.mimeType == "text/calendar") {
        piece.content = CalendarText::toReadableText(textOf(part));
    } else {
        QString text = textOf(part);
        if (part.mimeType == "text/plain") {
            const QList<UuencodedFile> files = TransferEncoding::extractUuencoded(text);
            int n = 1;
            for (const UuencodedFile &file : files) {
                Attachment a;
                a.filename = file.filename;
                a.mimeType = "application/octet-stream";
                a.size = file.data.size();
                a.partPath = part.path + QStringLiteral(".uu") + QString::number(n++);
                a.data = file.data;
                m_message.attachments.append(std::move(a));
            }
            if (text.startsWith(u"-----BEGIN PGP SIGNED MESSAGE-----"))
                m_message.isSigned = true;
            if (text.contains(u"-----BEGIN PGP MESSAGE-----"))
                m_message.isEncrypted = true;
        }
        piece.content = std::move(text);
    }
    // Break absurdly long lines so the viewer's layout stays bounded.
    if (piece.content.size() > m_limits.maxTextLine) {
        qsizetype lineStart = 0;
        for (qsizetype i = 0; i < piece.content.size(); ++i) {
            if (piece.content[i] == u'\n') {
                lineStart = i;
            } else if (i - lineStart >= m_limits.maxTextLine) {
                piece.content.insert(i, u'\n');
                lineStart = i;
            }
        }
    }
    m_message.body.append(std::move(piece));
}

bool isSignaturePart(const Part &part)
{
    return part.mimeType == "application/pgp-signature" ||
           part.mimeType == "application/pkcs7-signature" ||
           part.mimeType == "application/x-pkcs7-signature";
}

bool isShownAsText(const Part &part)
{
    return part.isText() || part.mimeType == "message/delivery-status" ||
           part.mimeType == "message/disposition-notification" ||
           part.mimeType == "message/global-delivery-status";
}

void BodyBuilder::walk(const Part &part, int depth, bool inRelated)
{
    // Where a limit stopped the parser: said in words, and what was found is still listed.
    if (part.limitReached != Part::Limit::None) {
        m_message.body.append(notice(
            part.limitReached == Part::Limit::TooDeep
                ? QCoreApplication::translate("Poplar::Mime::MessageParser",
                                              "The rest of this message is nested too deeply to "
                                              "be shown here. What it contains is listed with "
                                              "the attachments.")
                : QCoreApplication::translate("Poplar::Mime::MessageParser",
                                              "The rest of this message has too many parts to be "
                                              "shown here. It is listed with the attachments."),
            part.path, depth));
        if (part.children.empty())
            addAttachment(part, false);
        for (const Part &c : part.children)
            addAttachment(c, false);
        return;
    }
    if (part.kind == Part::Kind::Multipart) {
        const QByteArray subtype = part.mimeType.mid(10);
        if (subtype == "alternative") {
            const Part *best = nullptr;
            int bestRank = -2;
            for (const Part &c : part.children) {
                const int r = rank(c);
                if (r >= bestRank) {
                    bestRank = r;
                    best = &c;
                }
            }
            if (best)
                walk(*best, depth);
            // An invitation sent as an alternative is shown after the body, readable.
            for (const Part &c : part.children) {
                if (&c != best && c.mimeType == "text/calendar" && c.kind == Part::Kind::Leaf)
                    addText(c, depth);
            }
            // Attachments hiding in the alternatives (rare) still belong to the message.
            for (const Part &c : part.children) {
                if (&c != best && c.kind == Part::Kind::Leaf && c.disposition == "attachment")
                    addAttachment(c, false);
            }
            return;
        }
        if (subtype == "related") {
            const QString start =
                HeaderParameters::parse(part.headers.value("Content-Type")).parameter("start");
            const Part *root = part.children.empty() ? nullptr : &part.children.front();
            if (!start.isEmpty()) {
                QString wanted = start;
                if (wanted.startsWith(u'<') && wanted.endsWith(u'>'))
                    wanted = wanted.mid(1, wanted.size() - 2);
                for (const Part &c : part.children) {
                    if (c.contentId == wanted)
                        root = &c;
                }
            }
            if (root)
                walk(*root, depth, true);
            for (const Part &c : part.children) {
                if (&c == root)
                    continue;
                if (c.kind == Part::Kind::Leaf)
                    addAttachment(c, !c.contentId.isEmpty() && c.disposition != "attachment");
                else
                    walk(c, depth);
            }
            return;
        }
        if (subtype == "signed") {
            m_message.isSigned = true;
            for (size_t i = 0; i < part.children.size(); ++i) {
                const Part &c = part.children[i];
                if (i == 0)
                    walk(c, depth);
                else if (!isSignaturePart(c))
                    addAttachment(c, false);
            }
            return;
        }
        if (subtype == "encrypted") {
            m_message.isEncrypted = true;
            for (const Part &c : part.children) {
                if (c.mimeType != "application/pgp-encrypted")
                    addAttachment(c, false);
            }
            return;
        }
        // mixed, report, digest, parallel and unknown kinds: everything in order.
        for (const Part &c : part.children)
            walk(c, depth);
        return;
    }
    if (part.kind == Part::Kind::Message) {
        addAttachment(part, part.disposition != "attachment");
        if (part.children.empty())
            return;
        const Part &inner = part.children.front();
        BodyPiece headers;
        headers.kind = BodyPiece::Kind::MessageHeaders;
        headers.partPath = part.path;
        headers.depth = depth + 1;
        const QByteArray hint = part.charsetLabel;
        const auto addField = [&](const QString &label, const QString &value) {
            if (!value.isEmpty())
                headers.headerFields.append({label, value});
        };
        addField(QStringLiteral("From"),
                 Address::joined(Address::parseList(inner.headers.value("From"), hint)));
        addField(QStringLiteral("To"),
                 Address::joined(Address::parseList(inner.headers.value("To"), hint)));
        addField(QStringLiteral("Cc"),
                 Address::joined(Address::parseList(inner.headers.value("Cc"), hint)));
        const QDateTime date = DateParser::parse(inner.headers.value("Date"));
        addField(QStringLiteral("Date"),
                 date.isValid() ? date.toString(Qt::RFC2822Date) : QString());
        addField(QStringLiteral("Subject"),
                 EncodedWords::decode(inner.headers.value("Subject"), hint).simplified());
        m_message.body.append(std::move(headers));
        walk(inner, depth + 1);
        return;
    }
    // A leaf.
    if (part.mimeType == "application/pkcs7-mime" || part.mimeType == "application/x-pkcs7-mime") {
        const QString smime =
            HeaderParameters::parse(part.headers.value("Content-Type")).parameter("smime-type");
        if (smime.compare(u"signed-data", Qt::CaseInsensitive) == 0)
            m_message.isSigned = true;
        else
            m_message.isEncrypted = true;
        addAttachment(part, false);
        return;
    }
    if (isSignaturePart(part))
        return;
    const bool attached = part.disposition == "attachment";
    if (isShownAsText(part) && !attached && part.mimeType != "text/rfc822-headers") {
        addText(part, depth);
        // A named text file shown in the body can still be saved from the attachment list.
        if (!part.filename.isEmpty() && &part != &m_message.root)
            addAttachment(part, true);
        return;
    }
    if (part.mimeType == "text/rfc822-headers" && !attached) {
        addText(part, depth);
        return;
    }
    addAttachment(part, !attached && (inRelated || part.disposition == "inline"));
}

QByteArray firstCharset(const Part &part)
{
    if (!part.charsetLabel.isEmpty() && part.isText())
        return part.charsetLabel;
    for (const Part &c : part.children) {
        if (c.kind == Part::Kind::Message)
            continue;
        const QByteArray found = firstCharset(c);
        if (!found.isEmpty())
            return found;
    }
    return {};
}

} // namespace

Message MessageParser::parse(QByteArrayView raw, const ParserLimits &limits,
                             BodyPreference preference)
{
    return parseMessage(raw, limits, preference, true);
}

Message MessageParser::parseForSummary(QByteArrayView raw, const ParserLimits &limits)
{
    return parseMessage(raw, limits, BodyPreference::Richest, false);
}

Message MessageParser::parseMessage(QByteArrayView raw, const ParserLimits &limits,
                                    BodyPreference preference, bool decodeBinary)
{
    Message message;
    TreeContext ctx{limits, 0, false, {}, decodeBinary};
    parseEntity(raw, message.root, QString(), 0, "text/plain", ctx);
    if (message.root.kind == Part::Kind::Leaf)
        message.root.path = QStringLiteral("1");
    message.truncated = ctx.truncated;
    message.problems = std::move(ctx.problems);
    message.headers = message.root.headers;

    // Raw 8-bit header text is most often in the charset of the body.
    const QByteArray hint = firstCharset(message.root);
    const HeaderList &h = message.headers;
    message.subject = EncodedWords::decode(h.value("Subject"), hint).simplified();
    message.from = Address::parseList(h.value("From"), hint);
    message.sender = Address::parseList(h.value("Sender"), hint);
    message.replyTo = Address::parseList(h.value("Reply-To"), hint);
    // Duplicated address fields (a violation some gateways commit) are merged.
    for (const QByteArray &v : h.values("To"))
        message.to += Address::parseList(v, hint);
    for (const QByteArray &v : h.values("Cc"))
        message.cc += Address::parseList(v, hint);
    message.bcc = Address::parseList(h.value("Bcc"), hint);
    if (h.contains("Date")) {
        message.date = DateParser::parse(h.value("Date"));
        if (!message.date.isValid())
            message.problems.append(QStringLiteral("unreadable Date: %1")
                                        .arg(EncodedWords::decodeRaw(h.value("Date"))));
    }
    message.messageId = MessageIds::parseOne(h.value("Message-ID"));
    message.inReplyTo = MessageIds::parse(h.value("In-Reply-To"));
    message.references = MessageIds::parse(h.value("References"));

    BodyBuilder builder(message, limits, preference == BodyPreference::PlainText);
    builder.walk(message.root, 0);
    // What a broken server can deliver: nothing at all, or only line ends.
    if (raw.trimmed().isEmpty()) {
        message.problems.append(QStringLiteral("The message is empty"));
        message.body = {notice(
            QCoreApplication::translate("Poplar::Mime::MessageParser", "This message is empty."),
            message.root.path, 0)};
    }
    if (message.body.isEmpty() && message.root.kind == Part::Kind::Leaf &&
        message.root.body.isEmpty() == false && message.attachments.isEmpty()) {
        BodyPiece raw;
        raw.content = Charset::decode(message.root.body, {}).text;
        raw.partPath = message.root.path;
        message.body.append(std::move(raw));
    }
    return message;
}

} // namespace Poplar::Mime
