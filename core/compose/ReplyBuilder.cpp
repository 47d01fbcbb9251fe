#include "compose/ReplyBuilder.h"

#include <QRegularExpression>

namespace Poplar::Compose {

namespace {

// Most References a reply carries: the first (the thread's root) and the newest ones, as
// RFC 5322 3.6.4 suggests trimming; enough for every threading algorithm.
constexpr qsizetype MaxReferences = 20;

bool isOwn(const Mime::Address &address, const QStringList &ownAddresses)
{
    return ownAddresses.contains(address.email, Qt::CaseInsensitive);
}

// Appends the addresses not already present (by address, ignoring case) and not excluded.
void addUnique(QList<Mime::Address> &into, const QList<Mime::Address> &from,
               const QStringList &exclude, const QList<Mime::Address> &alsoPresent = {})
{
    for (const Mime::Address &a : from) {
        if (a.email.isEmpty() || isOwn(a, exclude))
            continue;
        const auto same = [&](const Mime::Address &b) {
            return b.email.compare(a.email, Qt::CaseInsensitive) == 0;
        };
        if (std::none_of(into.begin(), into.end(), same) &&
            std::none_of(alsoPresent.begin(), alsoPresent.end(), same))
            into.append(a);
    }
}

QString displayList(const QList<Mime::Address> &addresses)
{
    QStringList out;
    for (const Mime::Address &a : addresses)
        out << a.toDisplayString();
    return out.join(QStringLiteral(", "));
}

QString senderName(const Mime::Message &m)
{
    if (m.from.isEmpty())
        return ReplyBuilder::tr("someone");
    const Mime::Address &a = m.from.first();
    return a.name.isEmpty() ? a.email : a.name;
}

// A file name for an attached message: its subject, without characters file systems refuse.
QString messageFileName(const QString &subject)
{
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]+"));
    QString name = QString(subject).replace(unsafe, QStringLiteral(" ")).simplified().left(100);
    if (name.isEmpty())
        name = ReplyBuilder::tr("Forwarded message");
    return name + QStringLiteral(".eml");
}

} // namespace

QString ReplyBuilder::baseSubject(const QString &subject)
{
    // One prefix: a word, an optional counter ("[2]", "(3)"), a colon (ASCII or full width).
    static const QRegularExpression prefix(
        QStringLiteral("^\\s*(?:re|fwd?|aw|wg|sv|vs|antw|r|rif|tr|回复|回覆|答复|答覆|转发|"
                       "轉發|转寄|轉寄)\\s*(?:\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    QString s = subject.trimmed();
    for (QRegularExpressionMatch m = prefix.match(s); m.hasMatch(); m = prefix.match(s))
        s = s.mid(m.capturedEnd());
    return s;
}

QString ReplyBuilder::replySubject(const QString &subject)
{
    return QStringLiteral("Re: ") + baseSubject(subject);
}

QString ReplyBuilder::forwardSubject(const QString &subject)
{
    return QStringLiteral("Fwd: ") + baseSubject(subject);
}

QString ReplyBuilder::quoted(const QString &text)
{
    QStringList lines =
        QString(text).replace(QStringLiteral("\r\n"), QStringLiteral("\n")).split(u'\n');
    while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
        lines.removeLast();
    for (QString &line : lines)
        line.prepend((line.isEmpty() || line.startsWith(u'>')) ? QStringLiteral(">")
                                                               : QStringLiteral("> "));
    return lines.join(u'\n');
}

QString ReplyBuilder::attribution(const Mime::Message &original, const QLocale &locale)
{
    if (!original.date.isValid())
        return tr("%1 wrote:").arg(senderName(original));
    return tr("On %1, %2 wrote:")
        .arg(locale.toString(original.date.toLocalTime(), QLocale::LongFormat),
             senderName(original));
}

Mime::OutgoingMessage ReplyBuilder::reply(const Mime::Message &original, Recipients recipients,
                                          const Mime::Address &from,
                                          const QStringList &ownAddresses, const QLocale &locale)
{
    Mime::OutgoingMessage m;
    m.from = from;
    QStringList own = ownAddresses;
    own << from.email;
    const bool fromMe = !original.from.isEmpty() && isOwn(original.from.first(), own);
    // Answering one's own message (from Sent) goes to whom it was sent, as other clients do.
    const QList<Mime::Address> &primary =
        fromMe ? original.to : (!original.replyTo.isEmpty() ? original.replyTo : original.from);
    if (recipients == Recipients::All) {
        addUnique(m.to, primary, own);
        if (!fromMe)
            addUnique(m.to, original.to, own);
        addUnique(m.cc, original.cc, own, m.to);
    } else {
        addUnique(m.to, primary, fromMe ? QStringList() : own);
    }
    if (m.to.isEmpty() && m.cc.isEmpty()) // a message to oneself
        m.to = !original.replyTo.isEmpty() ? original.replyTo : original.from;

    m.subject = replySubject(original.subject);
    m.inReplyTo = original.messageId;
    QStringList references = original.references;
    if (references.isEmpty() && !original.inReplyTo.isEmpty())
        references = {original.inReplyTo.constFirst()};
    if (!original.messageId.isEmpty())
        references.append(original.messageId);
    references.removeDuplicates();
    if (references.size() > MaxReferences)
        references = QStringList{references.constFirst()} +
                     references.mid(references.size() - (MaxReferences - 1));
    m.references = references;
    m.text = QStringLiteral("\n\n") + attribution(original, locale) + u'\n' +
             quoted(original.bodyText()) + u'\n';
    return m;
}

Mime::OutgoingMessage ReplyBuilder::forwardInline(const Mime::Message &original,
                                                  const Mime::Address &from, const QLocale &locale)
{
    Mime::OutgoingMessage m;
    m.from = from;
    m.subject = forwardSubject(original.subject);
    QString header =
        QStringLiteral("\n\n-------- ") + tr("Forwarded Message") + QStringLiteral(" --------\n");
    const auto field = [&](const QString &name, const QString &value) {
        if (!value.isEmpty())
            header += name + QStringLiteral(": ") + value + u'\n';
    };
    field(tr("Subject"), original.subject);
    field(tr("Date"), original.date.isValid()
                          ? locale.toString(original.date.toLocalTime(), QLocale::LongFormat)
                          : QString());
    field(tr("From"), displayList(original.from));
    field(tr("To"), displayList(original.to));
    field(tr("Cc"), displayList(original.cc));
    m.text = header + u'\n' + original.bodyText() + u'\n';
    for (const Mime::Attachment &a : original.attachments) {
        if (!a.isInline)
            m.attachments.append({a.filename, a.mimeType, a.data, false});
    }
    return m;
}

Mime::OutgoingMessage ReplyBuilder::forwardAsAttachment(const QByteArray &raw,
                                                        const Mime::Message &original,
                                                        const Mime::Address &from)
{
    Mime::OutgoingMessage m;
    m.from = from;
    m.subject = forwardSubject(original.subject);
    m.attachments.append(
        {messageFileName(original.subject), QByteArrayLiteral("message/rfc822"), raw, true});
    return m;
}

} // namespace Poplar::Compose
