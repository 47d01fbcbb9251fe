#include "ParseCommand.h"

#include "mime/MessageFile.h"
#include "mime/MessageJson.h"
#include "mime/MessageParser.h"
#include "mime/MessageRenderer.h"

#include <QCoreApplication>

#include <cstdio>

namespace Poplar::App {

namespace {

void print(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
}

void printTree(const Mime::Part &part, int indent, QString &out)
{
    QString line = QString(indent * 2, u' ') + u'[' +
                   (part.path.isEmpty() ? QStringLiteral("-") : part.path) + QStringLiteral("] ") +
                   QString::fromLatin1(part.mimeType);
    if (!part.charsetLabel.isEmpty())
        line += QStringLiteral("; charset=") + QString::fromLatin1(part.charsetLabel);
    if (!part.filename.isEmpty())
        line += QStringLiteral("; \"") + part.filename + u'"';
    if (part.kind == Mime::Part::Kind::Leaf)
        line += QStringLiteral(" (%1 bytes)").arg(part.body.size());
    out += QStringLiteral("  ") + line + u'\n';
    for (const Mime::Part &child : part.children)
        printTree(child, indent + 1, out);
}

QString textReport(const Mime::Message &m)
{
    QString out;
    const auto field = [&out](const QString &name, const QString &value) {
        if (!value.isEmpty())
            out += name + QStringLiteral(": ") + value + u'\n';
    };
    field(QStringLiteral("Subject"), m.subject);
    field(QStringLiteral("From"), Mime::Address::joined(m.from));
    field(QStringLiteral("Reply-To"), Mime::Address::joined(m.replyTo));
    field(QStringLiteral("To"), Mime::Address::joined(m.to));
    field(QStringLiteral("Cc"), Mime::Address::joined(m.cc));
    field(QStringLiteral("Date"), m.date.isValid() ? m.date.toString(Qt::ISODate) : QString());
    field(QStringLiteral("Message-ID"), m.messageId);
    field(QStringLiteral("In-Reply-To"), m.inReplyTo.join(u' '));
    field(QStringLiteral("References"), m.references.join(u' '));
    QStringList flags;
    if (m.isSigned)
        flags << QStringLiteral("signed");
    if (m.isEncrypted)
        flags << QStringLiteral("encrypted");
    if (m.charsetGuessed)
        flags << QStringLiteral("charset-guessed");
    if (m.truncated)
        flags << QStringLiteral("truncated");
    field(QStringLiteral("Flags"), flags.join(QStringLiteral(", ")));
    for (const QString &problem : m.problems)
        field(QStringLiteral("Problem"), problem);

    out += u'\n' + QCoreApplication::translate("Poplar::App::ParseCommand", "Parts:") + u'\n';
    printTree(m.root, 0, out);
    if (!m.attachments.isEmpty()) {
        out += u'\n' + QCoreApplication::translate("Poplar::App::ParseCommand", "Attachments:") +
               u'\n';
        for (const Mime::Attachment &a : m.attachments) {
            out +=
                QStringLiteral("  %1 (%2, %3 bytes, %4%5) [%6]\n")
                    .arg(a.filename, QString::fromLatin1(a.mimeType))
                    .arg(a.size)
                    .arg(a.isInline ? QStringLiteral("inline") : QStringLiteral("attachment"),
                         a.contentId.isEmpty() ? QString() : u", cid:" + a.contentId, a.partPath);
        }
    }
    out += u'\n' + QCoreApplication::translate("Poplar::App::ParseCommand", "Body:") + u'\n' +
           m.bodyText() + u'\n';
    return out;
}

} // namespace

int runParseCommand(const CommandContext &context)
{
    QString path;
    bool json = false;
    bool html = false;
    for (const QString &argument : context.arguments) {
        if (argument == u"--json") {
            json = true;
        } else if (argument == u"--html") {
            html = true;
        } else if (argument.startsWith(u"--") || !path.isEmpty()) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate(
                                        "Poplar::App::ParseCommand",
                                        "poplar parse: unexpected argument '%1'. Usage: poplar "
                                        "parse FILE.eml [--json | --html]")
                                        .arg(argument)));
            return 2;
        } else {
            path = argument;
        }
    }
    if (path.isEmpty() || (json && html)) {
        std::fprintf(
            stderr, "%s\n",
            qPrintable(QCoreApplication::translate(
                "Poplar::App::ParseCommand", "Usage: poplar parse FILE.eml [--json | --html]")));
        return 2;
    }
    const Mime::MessageFile file = Mime::MessageFile::read(path);
    if (!file.error.isEmpty()) {
        std::fprintf(stderr, "poplar parse: %s\n", qPrintable(file.error));
        return 1;
    }
    const QByteArray &raw = file.raw;
    const Mime::Message message = Mime::MessageParser::parse(raw);
    if (json) {
        const QByteArray bytes = Mime::MessageJson::toBytes(message);
        std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    } else if (html) {
        const Mime::RenderResult result = Mime::MessageRenderer::render(message);
        print(result.html + u'\n');
    } else {
        print(textReport(message));
    }
    return 0;
}

} // namespace Poplar::App
