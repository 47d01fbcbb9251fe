#include "mime/MessageWriter.h"

#include <QMimeDatabase>
#include <QRandomGenerator>
#include <QUrl>

namespace Poplar::Mime {

namespace {

constexpr qsizetype kMaxLine = 78;    // RFC 5322 SHOULD, without CRLF
constexpr qsizetype kMaxOctets = 998; // RFC 5322 MUST, without CRLF
constexpr qsizetype kMaxWord = 75;    // RFC 2047 encoded word
constexpr qsizetype kMaxId = 900;     // a longer message id cannot be written on one line
constexpr qsizetype kBase64Line = 76;
constexpr qsizetype kQpLine = 76;

bool isAscii(QStringView text)
{
    for (QChar c : text) {
        if (c.unicode() > 126)
            return false;
    }
    return true;
}

bool isControl(char16_t c)
{
    return c < 0x20 || c == 0x7f;
}

// CR, LF and tabs to spaces: no value may ever start a header line of its own.
QString oneLine(QStringView text)
{
    QString out = text.toString();
    for (QChar &c : out) {
        if (c == u'\r' || c == u'\n' || c == u'\t')
            c = u' ';
    }
    return out;
}

// Removes control characters and whatever could close or open an angle address.
QString cleanToken(QStringView text, bool keepSpaces)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (isControl(c.unicode()) || c == u'<' || c == u'>' || (!keepSpaces && c == u' '))
            continue;
        out += c;
    }
    return out.trimmed();
}

bool isAtext(char16_t c, bool allowUtf8)
{
    if (c > 127)
        return allowUtf8;
    if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9'))
        return true;
    return QStringView(u"!#$%&'*+-/=?^_`{|}~").contains(QChar(c));
}

bool isDotAtom(QStringView text, bool allowUtf8)
{
    if (text.isEmpty() || text.startsWith(u'.') || text.endsWith(u'.') || text.contains(u".."))
        return false;
    for (QChar c : text) {
        if (c != u'.' && !isAtext(c.unicode(), allowUtf8))
            return false;
    }
    return true;
}

QByteArray quoted(QByteArrayView text)
{
    QByteArray out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

// The length of one code point (1 or 2 UTF-16 units) at `i`.
qsizetype codePointLength(QStringView text, qsizetype i)
{
    if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
        return 2;
    return 1;
}

QByteArray hexByte(unsigned char c)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    QByteArray out = "=";
    out += kHex[c >> 4];
    out += kHex[c & 15];
    return out;
}

bool isQLiteral(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '!' ||
           c == '*' || c == '+' || c == '-' || c == '/';
}

qsizetype qLength(QByteArrayView bytes)
{
    qsizetype n = 0;
    for (char c : bytes)
        n += (isQLiteral(c) || c == ' ') ? 1 : 3;
    return n;
}

qsizetype bLength(qsizetype bytes)
{
    return (bytes + 2) / 3 * 4;
}

QByteArray qEncode(QByteArrayView bytes)
{
    QByteArray out;
    for (char c : bytes) {
        if (isQLiteral(c)) {
            out += c;
        } else if (c == ' ') {
            out += '_';
        } else {
            out += hexByte(static_cast<unsigned char>(c));
        }
    }
    return out;
}

// `text` as RFC 2047 words (restricted "phrase" Q alphabet, so they suit every header), the first
// at most `firstLimit` characters long, the others `limit`; split between characters.
QList<QByteArray> encodedWords(QStringView text, qsizetype firstLimit, qsizetype limit)
{
    const QByteArray all = text.toUtf8();
    const bool useB = bLength(all.size()) < qLength(all);
    const QByteArray prefix =
        useB ? QByteArrayLiteral("=?UTF-8?B?") : QByteArrayLiteral("=?UTF-8?Q?");
    const qsizetype overhead = prefix.size() + 2;
    QList<QByteArray> words;
    QByteArray chunk;
    const auto flush = [&] {
        if (chunk.isEmpty())
            return;
        words.append(prefix + (useB ? chunk.toBase64() : qEncode(chunk)) + "?=");
        chunk.clear();
    };
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype n = codePointLength(text, i);
        const QByteArray bytes = text.sliced(i, n).toUtf8();
        const qsizetype max = (words.isEmpty() ? firstLimit : limit) - overhead;
        const QByteArray candidate = chunk + bytes;
        const qsizetype length = useB ? bLength(candidate.size()) : qLength(candidate);
        if (length > max && !chunk.isEmpty()) {
            flush();
            continue; // the character starts the next word
        }
        chunk = candidate;
        i += n;
    }
    flush();
    return words;
}

// One header field, folded between words.
class HeaderLine
{
public:
    explicit HeaderLine(QByteArrayView name)
        : m_out(name.toByteArray() + ':')
        , m_lineLength(m_out.size())
    {}

    // A word that is never broken; with `space`, a blank (where a fold may go) comes first.
    void addWord(QByteArray word, bool space = true)
    {
        for (char &c : word) {
            if (c == '\r' || c == '\n')
                c = ' '; // the last guard against a header line of its own
        }
        if (space) {
            // Two columns stay free for the ',' or ';' that may be glued to the word.
            if (m_wordsOnLine > 0 && m_lineLength + 1 + word.size() + 2 > kMaxLine) {
                m_out += "\r\n";
                m_lineLength = 0;
                m_wordsOnLine = 0;
            }
            m_out += ' ';
            ++m_lineLength;
        }
        m_out += word;
        m_lineLength += word.size();
        ++m_wordsOnLine;
    }

    // Text as encoded words after a blank, the first sized to what is left of the line.
    void addEncoded(QStringView text)
    {
        qsizetype room = std::min(kMaxWord, kMaxLine - m_lineLength - 3);
        if (room < 24 && m_wordsOnLine > 0)
            room = kMaxWord; // addWord folds before it
        for (const QByteArray &word : encodedWords(text, std::max<qsizetype>(room, 24), kMaxWord))
            addWord(word);
    }

    QByteArray finish() const { return m_out + "\r\n"; }

private:
    QByteArray m_out;
    qsizetype m_lineLength = 0;
    int m_wordsOnLine = 0;
};

bool needsEncoding(QStringView word)
{
    for (QChar c : word) {
        if (c.unicode() > 126 || isControl(c.unicode()))
            return true;
    }
    return word.contains(u"=?") || word.size() > kMaxLine - 2;
}

// Unstructured text (Subject): plain words stay plain, runs of words that need it are encoded.
void addUnstructured(HeaderLine &line, QStringView text)
{
    const QStringList words = oneLine(text).simplified().split(u' ', Qt::SkipEmptyParts);
    QString run;
    const auto flush = [&] {
        if (!run.isEmpty())
            line.addEncoded(run);
        run.clear();
    };
    for (const QString &word : words) {
        if (needsEncoding(word)) {
            if (!run.isEmpty())
                run += u' ';
            run += word;
        } else {
            flush();
            line.addWord(word.toLatin1());
        }
    }
    flush();
}

// A display name: atoms as they are, a quoted-string when it has specials, else encoded words.
// Returns whether it ended in an encoded word.
bool addPhrase(HeaderLine &line, QStringView name)
{
    const QString text = oneLine(name).simplified();
    if (text.isEmpty())
        return false;
    if (isAscii(text) && !needsEncoding(text)) {
        const QStringList words = text.split(u' ');
        bool atoms = true;
        for (const QString &word : words)
            atoms = atoms && isDotAtom(word, false) && !word.contains(u'.');
        if (atoms) {
            for (const QString &word : words)
                line.addWord(word.toLatin1());
            return false;
        }
        const QByteArray q = quoted(text.toLatin1());
        if (q.size() <= kMaxLine - 2) {
            line.addWord(q);
            return false;
        }
    }
    line.addEncoded(text);
    return true;
}

QByteArray domainBytes(const QString &domain, bool smtpUtf8)
{
    if (isAscii(domain) || smtpUtf8)
        return domain.toUtf8();
    const QByteArray ace = QUrl::toAce(domain);
    return ace.isEmpty() ? domain.toUtf8() : ace;
}

QByteArray headerAddress(const QString &email, bool smtpUtf8)
{
    return MessageWriter::envelopeAddress(email, smtpUtf8);
}

void addAddressList(HeaderLine &line, const QList<Address> &addresses, bool smtpUtf8)
{
    bool first = true;
    qsizetype i = 0;
    const auto addMailbox = [&](const Address &a) {
        if (!a.name.trimmed().isEmpty()) {
            addPhrase(line, a.name);
            line.addWord('<' + headerAddress(a.email, smtpUtf8) + '>');
        } else {
            line.addWord(headerAddress(a.email, smtpUtf8));
        }
    };
    while (i < addresses.size()) {
        const Address &a = addresses[i];
        const QString group = oneLine(a.group).simplified();
        if (group.isEmpty() && cleanToken(a.email, true).isEmpty()) {
            ++i;
            continue;
        }
        if (!first)
            line.addWord(QByteArrayLiteral(","), false);
        first = false;
        if (group.isEmpty()) {
            addMailbox(a);
            ++i;
            continue;
        }
        const bool encoded = addPhrase(line, group);
        line.addWord(QByteArrayLiteral(":"), encoded);
        bool firstMember = true;
        while (i < addresses.size() && oneLine(addresses[i].group).simplified() == group) {
            if (!cleanToken(addresses[i].email, true).isEmpty()) {
                if (!firstMember)
                    line.addWord(QByteArrayLiteral(","), false);
                firstMember = false;
                addMailbox(addresses[i]);
            }
            ++i;
        }
        line.addWord(QByteArrayLiteral(";"), false);
    }
}

// A message id without brackets, or empty when it cannot be written.
QByteArray cleanId(QStringView id, bool smtpUtf8)
{
    const QString clean = cleanToken(id, false);
    if (clean.isEmpty() || clean.size() > kMaxId || (!smtpUtf8 && !isAscii(clean)))
        return {};
    return clean.toUtf8();
}

QByteArray formatDate(const QDateTime &when)
{
    static constexpr const char *kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr const char *kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime d = when.isValid() ? when : QDateTime::currentDateTime();
    const QDate date = d.date();
    const QTime time = d.time();
    const int offset = d.offsetFromUtc() / 60;
    const int absOffset = offset < 0 ? -offset : offset;
    return QString::asprintf("%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d",
                             kDays[date.dayOfWeek() - 1], date.day(), kMonths[date.month() - 1],
                             date.year(), time.hour(), time.minute(), time.second(),
                             offset < 0 ? '-' : '+', absOffset / 60, absOffset % 60)
        .toLatin1();
}

// RFC 3676 format=flowed, DelSp=no, CRLF line ends; empty text gives an empty body.
QByteArray flowedText(QString text)
{
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\r', u'\n');
    if (text.isEmpty())
        return {};
    if (text.endsWith(u'\n'))
        text.chop(1);
    QString out;
    out.reserve(text.size() + text.size() / 16);
    const QStringList lines = text.split(u'\n');
    for (QString line : lines) {
        if (line != u"-- ") {
            while (line.endsWith(u' '))
                line.chop(1); // a trailing blank would mean "flowed"
        }
        qsizetype depth = 0;
        while (depth < line.size() && line[depth] == u'>')
            ++depth;
        // "> text" and ">>" are quotes; ">text" is text that has to be stuffed.
        const bool quote = depth > 0 && (depth == line.size() || line[depth] == u' ');
        const QString prefix = quote ? line.left(depth) : QString();
        const QStringView content =
            quote ? QStringView(line).sliced(std::min(depth + 1, line.size())) : QStringView(line);
        const auto stuffed = [&](QStringView piece) {
            return !quote &&
                   (piece.startsWith(u' ') || piece.startsWith(u'>') || piece.startsWith(u"From "));
        };
        const auto render = [&](QStringView piece) -> QString {
            if (quote)
                return piece.isEmpty() ? prefix : prefix + u' ' + piece.toString();
            return stuffed(piece) ? u' ' + piece.toString() : piece.toString();
        };
        const auto renderedLength = [&](QStringView piece) -> qsizetype {
            if (quote)
                return prefix.size() + (piece.isEmpty() ? 0 : 1 + piece.size());
            return piece.size() + (stuffed(piece) ? 1 : 0);
        };
        qsizetype start = 0;
        while (renderedLength(content.sliced(start)) > kMaxLine) {
            // The last blank that keeps the line short, else the first one at all.
            qsizetype breakAt = -1;
            for (qsizetype k = start; k + 1 < content.size(); ++k) {
                if (content[k] != u' ')
                    continue;
                const QStringView piece = content.sliced(start, k + 1 - start);
                if (!quote && piece == u"-- ")
                    continue; // would read as the signature separator, which never flows
                if (renderedLength(piece) > kMaxLine && breakAt >= 0)
                    break;
                breakAt = k;
                if (renderedLength(piece) > kMaxLine)
                    break;
            }
            if (breakAt < 0)
                break; // one long word: quoted-printable keeps it safe
            out += render(content.sliced(start, breakAt + 1 - start));
            out += u"\r\n";
            start = breakAt + 1;
        }
        out += render(content.sliced(start));
        out += u"\r\n";
    }
    return out.toUtf8();
}

struct LineFacts
{
    bool ascii = true;
    bool nul = false;
    bool bareNewline = false; // a CR or LF that is not part of CRLF
    qsizetype longest = 0;    // octets, without CRLF
};

LineFacts lineFacts(QByteArrayView bytes)
{
    LineFacts facts;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (static_cast<unsigned char>(c) > 127)
            facts.ascii = false;
        else if (c == 0)
            facts.nul = true;
        else if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') {
            facts.longest = std::max(facts.longest, i - lineStart);
            lineStart = i + 2;
            ++i;
        } else if (c == '\r' || c == '\n') {
            facts.bareNewline = true;
        }
    }
    facts.longest = std::max(facts.longest, bytes.size() - lineStart);
    return facts;
}

// Quoted-printable of text with CRLF line ends; lines of at most 76 characters.
QByteArray encodeQuotedPrintable(QByteArrayView in)
{
    QByteArray out;
    out.reserve(in.size() * 3 / 2);
    qsizetype column = 0;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const auto c = static_cast<unsigned char>(in[i]);
        if (c == '\r' && i + 1 < in.size() && in[i + 1] == '\n') {
            out += "\r\n";
            column = 0;
            ++i;
            continue;
        }
        const bool lineEnd =
            i + 1 == in.size() || (in[i + 1] == '\r' && i + 2 < in.size() && in[i + 2] == '\n');
        bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !lineEnd);
        QByteArray token = literal ? QByteArray(1, static_cast<char>(c)) : hexByte(c);
        if (column + token.size() > kQpLine - 1) {
            out += "=\r\n";
            column = 0;
        }
        // Keep "From " and "." from starting a line some transport might alter.
        if (column == 0 && literal && (c == '.' || (c == 'F' && in.sliced(i).startsWith("From "))))
            token = hexByte(c);
        out += token;
        column += token.size();
    }
    return out;
}

QByteArray base64Lines(QByteArrayView data)
{
    const QByteArray encoded = data.toByteArray().toBase64();
    QByteArray out;
    out.reserve(encoded.size() + encoded.size() / kBase64Line * 2 + 2);
    for (qsizetype i = 0; i < encoded.size(); i += kBase64Line) {
        out += QByteArrayView(encoded).sliced(i, std::min(kBase64Line, encoded.size() - i));
        out += "\r\n";
    }
    return out;
}

bool isToken(QByteArrayView v)
{
    if (v.isEmpty())
        return false;
    for (char c : v) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                        QByteArrayView("!#$&^_.+-").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

QByteArray attachmentType(const OutgoingAttachment &attachment)
{
    QByteArray type = attachment.mimeType.trimmed().toLower();
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type = type.left(semicolon).trimmed();
    const qsizetype slash = type.indexOf('/');
    if (slash < 0 || !isToken(QByteArrayView(type).first(slash)) ||
        !isToken(QByteArrayView(type).sliced(slash + 1))) {
        type.clear();
    }
    if (type.isEmpty() && !attachment.fileName.isEmpty()) {
        static const QMimeDatabase database;
        const QMimeType guess =
            database.mimeTypeForFile(attachment.fileName, QMimeDatabase::MatchExtension);
        if (guess.isValid() && !guess.isDefault())
            type = guess.name().toLatin1();
    }
    return type.isEmpty() ? QByteArrayLiteral("application/octet-stream") : type;
}

// `name="..."` for Content-Type: a quoted-string, RFC 2047 words inside it when not plain
// ASCII or too long (what Outlook and webmail read).
void addNameParameter(HeaderLine &line, QStringView name, bool more)
{
    const QByteArray end = more ? QByteArrayLiteral("\";") : QByteArrayLiteral("\"");
    if (isAscii(name) && !name.contains(u"=?")) {
        const QByteArray q =
            QByteArrayLiteral("name=") + quoted(name.toLatin1()) + (more ? ";" : "");
        if (q.size() <= kMaxLine - 1) {
            line.addWord(q);
            return;
        }
    }
    const QList<QByteArray> words = encodedWords(name, kMaxLine - 1 - 6, kMaxLine - 1 - 2);
    for (qsizetype i = 0; i < words.size(); ++i) {
        QByteArray word = words[i];
        if (i == 0)
            word.prepend("name=\"");
        if (i + 1 == words.size())
            word += end;
        line.addWord(word);
    }
}

bool isAttrChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$&+-.^_`|~").contains(c);
}

QByteArray percentEncode(QByteArrayView bytes)
{
    QByteArray out;
    for (char c : bytes) {
        if (isAttrChar(c)) {
            out += c;
        } else {
            QByteArray hex = hexByte(static_cast<unsigned char>(c));
            hex[0] = '%';
            out += hex;
        }
    }
    return out;
}

// `filename` for Content-Disposition: quoted when short ASCII, else RFC 2231 UTF-8, split into
// continuations between characters when long.
void addFilenameParameter(HeaderLine &line, QStringView name)
{
    if (isAscii(name) && !name.contains(u"=?")) {
        const QByteArray q = QByteArrayLiteral("filename=") + quoted(name.toLatin1());
        if (q.size() <= kMaxLine - 1) {
            line.addWord(q);
            return;
        }
    }
    const QByteArray whole = "filename*=UTF-8''" + percentEncode(name.toUtf8());
    if (whole.size() <= kMaxLine - 1) {
        line.addWord(whole);
        return;
    }
    QList<QByteArray> sections;
    QByteArray current;
    const auto head = [&]() -> QByteArray {
        return "filename*" + QByteArray::number(sections.size()) + '*' + '=' +
               (sections.isEmpty() ? QByteArrayLiteral("UTF-8''") : QByteArray());
    };
    current = head();
    qsizetype i = 0;
    while (i < name.size()) {
        const qsizetype n = codePointLength(name, i);
        const QByteArray piece = percentEncode(name.sliced(i, n).toUtf8());
        if (current.size() + piece.size() + 1 > kMaxLine - 1 && !current.endsWith('=') &&
            !current.endsWith('\'')) {
            sections.append(current + ';');
            current = head();
            continue;
        }
        current += piece;
        i += n;
    }
    sections.append(current);
    for (const QByteArray &section : sections)
        line.addWord(section);
}

struct BodyPart
{
    QByteArray headers; // complete lines
    QByteArray body;
};

BodyPart textPart(const QString &text, const WriterOptions &options)
{
    const QByteArray body = flowedText(text);
    const LineFacts facts = lineFacts(body);
    QByteArray encoding;
    BodyPart part;
    if (!facts.nul && facts.longest <= kMaxOctets && facts.ascii) {
        encoding = "7bit";
        part.body = body;
    } else if (!facts.nul && facts.longest <= kMaxOctets && options.eightBit) {
        encoding = "8bit";
        part.body = body;
    } else {
        encoding = "quoted-printable";
        part.body = encodeQuotedPrintable(body);
    }
    part.headers = "Content-Type: text/plain; charset=UTF-8; format=flowed\r\n"
                   "Content-Transfer-Encoding: " +
                   encoding + "\r\n";
    return part;
}

BodyPart attachmentPart(const OutgoingAttachment &attachment, const WriterOptions &options)
{
    QString name = cleanToken(oneLine(attachment.fileName), true);
    name.replace(u'/', u'_');
    name.replace(u'\\', u'_');
    QByteArray type =
        attachment.isMessage ? QByteArrayLiteral("message/rfc822") : attachmentType(attachment);
    QByteArray encoding = "base64";
    if (type == "message/rfc822") {
        const LineFacts facts = lineFacts(attachment.data);
        const bool clean = !facts.nul && !facts.bareNewline && facts.longest <= kMaxOctets;
        if (clean && facts.ascii)
            encoding = "7bit";
        else if (clean && options.eightBit)
            encoding = "8bit";
        else if (name.isEmpty())
            name = QStringLiteral("message.eml");
    }
    if (encoding == "base64" && (type.startsWith("message/") || type.startsWith("multipart/")))
        type = "application/octet-stream"; // neither may be base64 (RFC 2046)

    BodyPart part;
    HeaderLine contentType("Content-Type");
    contentType.addWord(type + (name.isEmpty() ? "" : ";"));
    if (!name.isEmpty())
        addNameParameter(contentType, name, false);
    part.headers += contentType.finish();
    HeaderLine disposition("Content-Disposition");
    disposition.addWord(name.isEmpty() ? QByteArrayLiteral("attachment")
                                       : QByteArrayLiteral("attachment;"));
    if (!name.isEmpty())
        addFilenameParameter(disposition, name);
    part.headers += disposition.finish();
    part.headers += "Content-Transfer-Encoding: " + encoding + "\r\n";
    part.body = encoding == "base64" ? base64Lines(attachment.data) : attachment.data;
    return part;
}

QByteArray randomAlnum(int length)
{
    static constexpr char kAlphabet[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    QByteArray out(length, Qt::Uninitialized);
    for (char &c : out)
        c = kAlphabet[QRandomGenerator::global()->bounded(62)];
    return out;
}

} // namespace

QString MessageWriter::newMessageId(const QString &fromEmail)
{
    const QString email = cleanToken(fromEmail, false);
    const qsizetype at = email.lastIndexOf(u'@');
    QByteArray domain = at < 0 ? QByteArray() : domainBytes(email.mid(at + 1).toLower(), false);
    bool ok = !domain.isEmpty() && domain.size() < 200 && !domain.startsWith('.') &&
              !domain.endsWith('.') && !domain.contains("..");
    for (char c : domain) {
        ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                    (c >= 'A' && c <= 'Z'));
    }
    if (!ok)
        domain = "poplar.invalid";
    QByteArray random(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), 4);
    return QString::fromLatin1(random.toHex() + '@' + domain);
}

bool MessageWriter::needsSmtpUtf8(const QString &email)
{
    const QString clean = cleanToken(email, true);
    const qsizetype at = clean.lastIndexOf(u'@');
    if (!isAscii(at < 0 ? QStringView(clean) : QStringView(clean).first(at)))
        return true;
    const QString domain = at < 0 ? QString() : clean.mid(at + 1);
    return !isAscii(domain) && QUrl::toAce(domain).isEmpty();
}

bool MessageWriter::needsSmtpUtf8(const OutgoingMessage &message)
{
    if (needsSmtpUtf8(message.from.email))
        return true;
    for (const QList<Address> *list : {&message.to, &message.cc, &message.bcc, &message.replyTo}) {
        for (const Address &a : *list) {
            if (needsSmtpUtf8(a.email))
                return true;
        }
    }
    return false;
}

QByteArray MessageWriter::envelopeAddress(const QString &email, bool smtpUtf8)
{
    const QString clean = cleanToken(email, true);
    const qsizetype at = clean.lastIndexOf(u'@');
    QString local = at < 0 ? clean : clean.left(at);
    const bool alreadyQuoted = local.size() >= 2 && local.startsWith(u'"') && local.endsWith(u'"');
    QByteArray out;
    if (alreadyQuoted || local.isEmpty() || isDotAtom(local, true))
        out = local.toUtf8();
    else
        out = quoted(local.toUtf8());
    if (at >= 0)
        out += '@' + domainBytes(cleanToken(clean.mid(at + 1), false), smtpUtf8);
    return out;
}

QByteArray MessageWriter::write(const OutgoingMessage &message, const WriterOptions &options)
{
    const bool smtpUtf8 = options.smtpUtf8;
    QByteArray out;
    out += "Date: " + formatDate(message.date) + "\r\n";

    HeaderLine from("From");
    addAddressList(from, {message.from}, smtpUtf8);
    out += from.finish();
    const auto addresses = [&](QByteArrayView name, const QList<Address> &list) {
        HeaderLine line(name);
        addAddressList(line, list, smtpUtf8);
        const QByteArray field = line.finish();
        if (field.size() > name.size() + 3)
            out += field;
    };
    addresses("To", message.to);
    addresses("Cc", message.cc);
    if (options.writeBcc)
        addresses("Bcc", message.bcc);
    addresses("Reply-To", message.replyTo);

    const QString subject = oneLine(message.subject).simplified();
    if (!subject.isEmpty()) {
        HeaderLine line("Subject");
        addUnstructured(line, subject);
        out += line.finish();
    }

    QByteArray id = cleanId(message.messageId, smtpUtf8);
    if (id.isEmpty())
        id = newMessageId(message.from.email).toLatin1();
    out += "Message-ID: <" + id + ">\r\n";
    const QByteArray inReplyTo = cleanId(message.inReplyTo, smtpUtf8);
    if (!inReplyTo.isEmpty())
        out += "In-Reply-To: <" + inReplyTo + ">\r\n";
    HeaderLine references("References");
    bool anyReference = false;
    for (const QString &reference : message.references) {
        const QByteArray ref = cleanId(reference, smtpUtf8);
        if (!ref.isEmpty()) {
            references.addWord('<' + ref + '>');
            anyReference = true;
        }
    }
    if (anyReference)
        out += references.finish();

    HeaderLine agent("User-Agent");
    addUnstructured(agent, options.userAgent.isEmpty() ? QStringLiteral("Poplar/" POPLAR_VERSION)
                                                       : QString::fromUtf8(options.userAgent));
    out += agent.finish();
    out += "MIME-Version: 1.0\r\n";

    const BodyPart text = textPart(message.text, options);
    if (message.attachments.isEmpty()) {
        out += text.headers + "\r\n" + text.body;
        return out;
    }

    QList<BodyPart> parts{text};
    for (const OutgoingAttachment &attachment : message.attachments)
        parts.append(attachmentPart(attachment, options));
    QByteArray boundary;
    bool unique = false;
    while (!unique) {
        boundary = "=_Poplar_" + randomAlnum(24);
        unique = true;
        for (const BodyPart &part : parts)
            unique = unique && !part.body.contains(boundary) && !part.headers.contains(boundary);
    }
    out += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
    out += "This is a message in MIME format.\r\n";
    for (const BodyPart &part : parts) {
        out += "\r\n--" + boundary + "\r\n";
        out += part.headers + "\r\n" + part.body;
    }
    out += "\r\n--" + boundary + "--\r\n";
    return out;
}

} // namespace Poplar::Mime
