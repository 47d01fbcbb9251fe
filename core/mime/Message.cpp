#include "mime/Message.h"

#include "mime/HtmlToText.h"

namespace Poplar::Mime {

namespace {

// Each piece as plain text: HTML reduced, forwarded headers as "Name: value" lines.
QStringList pieceTexts(const QList<BodyPiece> &body)
{
    QStringList pieces;
    pieces.reserve(body.size());
    for (const BodyPiece &piece : body) {
        switch (piece.kind) {
        case BodyPiece::Kind::Plain:
            pieces.append(piece.content);
            break;
        case BodyPiece::Kind::Html:
            pieces.append(HtmlToText::convert(piece.content));
            break;
        case BodyPiece::Kind::MessageHeaders: {
            QStringList lines;
            for (const auto &[name, value] : piece.headerFields)
                lines.append(name + QStringLiteral(": ") + value);
            pieces.append(lines.join(u'\n'));
            break;
        }
        }
    }
    return pieces;
}

QString joinPieces(QStringList pieces)
{
    for (QString &piece : pieces) {
        while (piece.endsWith(u'\n'))
            piece.chop(1);
    }
    return pieces.join(QStringLiteral("\n\n"));
}

} // namespace

QString Message::bodyText() const
{
    return joinPieces(pieceTexts(body));
}

bool Message::hasHtmlBody() const
{
    for (const BodyPiece &piece : body) {
        if (piece.kind == BodyPiece::Kind::Html)
            return true;
    }
    return false;
}

MessageSummary Message::summary() const
{
    MessageSummary s;
    s.from = Address::joined(from);
    s.to = Address::joined(to);
    s.cc = Address::joined(cc);
    s.subject = subject;
    s.date = date;
    for (const Attachment &a : attachments)
        s.hasAttachments = s.hasAttachments || !a.isInline;
    const QStringList texts = pieceTexts(body);
    s.searchText = joinPieces(texts);
    for (const Attachment &a : attachments)
        s.searchText += u'\n' + a.filename;

    // The snippet: the first visible words, quoted lines left out when there is anything else.
    QString visible;
    QString quoted;
    for (qsizetype i = 0; i < body.size() && visible.size() <= 600; ++i) {
        if (body[i].kind == BodyPiece::Kind::MessageHeaders)
            continue;
        for (QStringView line : QStringView(texts[i]).split(u'\n')) {
            if (line.startsWith(u'>')) {
                if (quoted.size() < 400)
                    quoted += line.toString() + u' ';
            } else {
                visible += line + u' ';
            }
            if (visible.size() > 600)
                break;
        }
    }
    QString snippet = visible.simplified();
    if (snippet.isEmpty())
        snippet = quoted.simplified();
    if (snippet.size() > 200) {
        qsizetype cut = 200;
        if (snippet[cut - 1].isHighSurrogate())
            --cut;
        snippet = snippet.left(cut) + QChar(0x2026);
    }
    s.snippet = snippet;
    return s;
}

const Part *Message::partForContentId(QStringView contentId) const
{
    return root.findByContentId(contentId);
}

} // namespace Poplar::Mime
