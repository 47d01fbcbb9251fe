#pragma once

#include "mime/Message.h"
#include "mime/OutgoingMessage.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace Poplar::Compose {

// The first draft of a reply or a forward, as Thunderbird and KMail start one: recipients,
// subject without stacked prefixes, In-Reply-To and References so it joins the thread, and the
// original quoted as decoded text (HTML-only mail as its text). Pure functions of the parsed
// original; the composer lets the user change everything afterwards.
class ReplyBuilder
{
    Q_DECLARE_TR_FUNCTIONS(Poplar::Compose::ReplyBuilder)

public:
    enum class Recipients
    {
        Sender, // Reply: the Reply-To, or else the From
        All     // Reply All: also every To and Cc, without the user's own addresses
    };

    // `from` is the identity that answers; `ownAddresses` every address of the user (all
    // accounts), left out of Reply All. The locale formats the date of the attribution line.
    static Mime::OutgoingMessage reply(const Mime::Message &original, Recipients recipients,
                                       const Mime::Address &from, const QStringList &ownAddresses,
                                       const QLocale &locale = QLocale());
    // The original's text below a header block, with its attachments.
    static Mime::OutgoingMessage forwardInline(const Mime::Message &original,
                                               const Mime::Address &from,
                                               const QLocale &locale = QLocale());
    // The original's exact bytes attached as message/rfc822.
    static Mime::OutgoingMessage forwardAsAttachment(const QByteArray &raw,
                                                     const Mime::Message &original,
                                                     const Mime::Address &from);

    // The subject without any leading reply or forward prefixes ("Re:", "RE[2]:", "Fwd:",
    // "AW:", "回复：", "答复：", "回覆：", "转发：", "轉寄：", ...), however many.
    static QString baseSubject(const QString &subject);
    static QString replySubject(const QString &subject);   // "Re: " + baseSubject
    static QString forwardSubject(const QString &subject); // "Fwd: " + baseSubject
    // Each line prefixed with "> " (">" alone before a line already quoted, or an empty one).
    static QString quoted(const QString &text);
    // "On DATE, NAME wrote:" in the user's language.
    static QString attribution(const Mime::Message &original, const QLocale &locale);
};

} // namespace Poplar::Compose
