#include "mime/MailtoUrl.h"

#include "mime/EncodedWords.h"
#include "mime/MessageIds.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace Poplar::Mime {

namespace {

constexpr qsizetype MaxAddressesNamed = 5;
constexpr qsizetype MaxAddressShown = 60;

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Percent-decodes a part of the link and reads the bytes as UTF-8. A "%" without two hex
// digits after it stays as it is; bytes that are not UTF-8 become U+FFFD and set `invalid`.
QString decode(QByteArrayView raw, bool &invalid)
{
    QByteArray bytes;
    bytes.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] == '%' && i + 2 < raw.size()) {
            const int high = hexValue(raw[i + 1]);
            const int low = hexValue(raw[i + 2]);
            if (high >= 0 && low >= 0) {
                bytes.append(char(high * 16 + low));
                i += 2;
                continue;
            }
        }
        bytes.append(raw[i]);
    }
    QStringDecoder utf8(QStringDecoder::Utf8,
                        QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    QString text = utf8.decode(bytes);
    if (utf8.hasError())
        invalid = true;
    return text;
}

// What could end a header line or hide in one: C0 and C1 controls (CR, LF, NUL, tab, NEL, …)
// and the Unicode line and paragraph separators.
bool breaksLine(QChar c)
{
    return c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
           c == QChar::ParagraphSeparator;
}

bool hasLineBreak(QStringView text)
{
    for (const QChar c : text) {
        if (breaksLine(c))
            return true;
    }
    return false;
}

// text on one line: every run of line breaks and control characters becomes one space.
QString oneLine(QStringView text, bool &changed)
{
    QString line;
    line.reserve(text.size());
    bool inRun = false;
    for (const QChar c : text) {
        if (breaksLine(c)) {
            changed = true;
            if (!inRun)
                line.append(QLatin1Char(' '));
            inRun = true;
        } else {
            line.append(c);
            inRun = false;
        }
    }
    return line.trimmed();
}

// An address as the user may see it in a problem: on one line, not too long.
QString shown(QStringView address)
{
    bool changed = false;
    QString text = oneLine(address, changed);
    if (text.size() > MaxAddressShown) {
        const bool splitsPair = text.at(MaxAddressShown - 1).isHighSurrogate();
        text = text.left(MaxAddressShown - (splitsPair ? 1 : 0)) + QStringLiteral("…");
    }
    return text;
}

// Splits an address list at the commas outside double quotes ("a,b"@x is one address).
QStringList splitAddresses(QStringView list)
{
    QStringList addresses;
    QString current;
    bool quoted = false;
    bool escaped = false;
    for (const QChar c : list) {
        if (escaped) {
            escaped = false;
        } else if (quoted && c == QLatin1Char('\\')) {
            escaped = true;
        } else if (c == QLatin1Char('"')) {
            quoted = !quoted;
        } else if (c == QLatin1Char(',') && !quoted) {
            addresses.append(current);
            current.clear();
            continue;
        }
        current.append(c);
    }
    addresses.append(current);
    return addresses;
}

struct Reader
{
    MailtoUrl result;
    QStringList dropped;
    bool invalidText = false;
    bool subjectChanged = false;
    bool inReplyToDropped = false;

    void addAddresses(QStringList &to, QByteArrayView raw)
    {
        for (const QString &written : splitAddresses(decode(raw, invalidText))) {
            // Checked before trimming: a line break at either end is not blank space here.
            if (hasLineBreak(written)) {
                dropped.append(shown(written));
                continue;
            }
            const QString address = written.trimmed();
            if (!address.isEmpty())
                to.append(address);
        }
    }

    void setSubject(QByteArrayView raw)
    {
        if (!result.subject.isEmpty())
            return;
        QString text = decode(raw, invalidText);
        if (text.contains(QLatin1String("=?")))
            text = EncodedWords::decode(text.toUtf8());
        result.subject = oneLine(text, subjectChanged);
    }

    void addBody(QByteArrayView raw)
    {
        QString text = decode(raw, invalidText);
        text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
        text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
        if (text.contains(QChar::Null)) {
            text.replace(QChar::Null, QChar::ReplacementCharacter);
            invalidText = true;
        }
        if (!result.body.isEmpty())
            result.body.append(QLatin1Char('\n'));
        result.body.append(text);
    }

    void setInReplyTo(QByteArrayView raw)
    {
        if (!result.inReplyTo.isEmpty())
            return;
        const QString text = decode(raw, invalidText).trimmed();
        if (text.isEmpty())
            return;
        const QString id = hasLineBreak(text) ? QString() : MessageIds::parseOne(text.toUtf8());
        if (id.isEmpty() || hasLineBreak(id))
            inReplyToDropped = true;
        else
            result.inReplyTo = id;
    }

    void addField(QByteArrayView field)
    {
        const qsizetype equals = field.indexOf('=');
        const QByteArrayView rawName = equals < 0 ? field : field.first(equals);
        const QByteArrayView value = equals < 0 ? QByteArrayView() : field.sliced(equals + 1);
        bool ignored = false;
        const QString name = decode(rawName, ignored);
        const auto is = [&name](const char *known) {
            return name.compare(QLatin1String(known), Qt::CaseInsensitive) == 0;
        };
        if (is("to"))
            addAddresses(result.to, value);
        else if (is("cc"))
            addAddresses(result.cc, value);
        else if (is("bcc"))
            addAddresses(result.bcc, value);
        else if (is("subject"))
            setSubject(value);
        else if (is("body"))
            addBody(value);
        else if (is("in-reply-to"))
            setInReplyTo(value);
        // Every other hfname is ignored (RFC 6068 section 2): From, Sender, Received and the
        // like are not the link's to set, and unknown ones are not understood.
    }

    void noteProblems()
    {
        if (!dropped.isEmpty()) {
            QStringList named = dropped.mid(0, MaxAddressesNamed);
            if (dropped.size() > MaxAddressesNamed)
                named.append(QStringLiteral("…"));
            result.problems.append(
                QCoreApplication::translate(
                    "Poplar::Mime::MailtoUrl",
                    "Left out addresses with a line break or a control character in them: %1")
                    .arg(named.join(QStringLiteral(", "))));
        }
        if (subjectChanged)
            result.problems.append(QCoreApplication::translate(
                "Poplar::Mime::MailtoUrl",
                "Line breaks and control characters in the subject were replaced by spaces."));
        if (inReplyToDropped)
            result.problems.append(QCoreApplication::translate(
                "Poplar::Mime::MailtoUrl",
                "The In-Reply-To field is not a message id and was left out."));
        if (invalidText)
            result.problems.append(QCoreApplication::translate(
                "Poplar::Mime::MailtoUrl",
                "Parts of the link are not valid UTF-8 text; they are shown as �."));
    }
};

MailtoUrl refused(const QString &error)
{
    MailtoUrl result;
    result.error = error;
    return result;
}

MailtoUrl tooLong(qsizetype size)
{
    const auto kib = [](qsizetype bytes) { return QString::number((bytes + 1023) / 1024); };
    return refused(QCoreApplication::translate(
                       "Poplar::Mime::MailtoUrl",
                       "The mailto: link is %1 KiB long; links longer than %2 KiB are refused.")
                       .arg(kib(size), kib(MailtoUrl::MaxLength)));
}

} // namespace

MailtoUrl MailtoUrl::parse(QStringView uri)
{
    // Every UTF-16 unit is at least one UTF-8 byte: a longer string is refused unconverted.
    if (uri.size() > MaxLength)
        return tooLong(uri.size());
    const QByteArray bytes = uri.trimmed().toUtf8();
    if (bytes.size() > MaxLength)
        return tooLong(bytes.size());
    constexpr qsizetype schemeLength = 7; // "mailto:", in any case
    if (bytes.size() < schemeLength || qstrnicmp(bytes.constData(), "mailto:", schemeLength) != 0)
        return refused(
            QCoreApplication::translate("Poplar::Mime::MailtoUrl", "This is not a mailto: link."));

    QByteArray rest = bytes.sliced(schemeLength);
    if (const qsizetype hash = rest.indexOf('#'); hash >= 0)
        rest.truncate(hash); // a fragment means nothing to mail
    const qsizetype question = rest.indexOf('?');
    const QByteArray path = question < 0 ? rest : rest.first(question);
    const QByteArray query = question < 0 ? QByteArray() : rest.sliced(question + 1);

    Reader reader;
    reader.addAddresses(reader.result.to, path);
    for (const QByteArray &field : query.split('&')) {
        if (!field.isEmpty())
            reader.addField(field);
    }
    reader.noteProblems();
    return reader.result;
}

} // namespace Poplar::Mime
