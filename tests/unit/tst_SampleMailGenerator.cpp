#include "SampleMailGenerator.h"

#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTest>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <limits>

using namespace Qt::StringLiterals;
using Poplar::TestSupport::SampleMailGenerator;
using Kind = SampleMailGenerator::Kind;

// The generator is checked through an independent reading of what it writes: a small MIME
// reader written for this test (RFC 5322 headers, RFC 2045 transfer encodings, RFC 2046
// multipart, RFC 2047 encoded words, RFC 2231 parameters) and bit-by-bit CRC-32.
namespace {

quint32 bitwiseCrc32(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFU;
    for (char ch : data) {
        crc ^= uchar(ch);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320U & (0U - (crc & 1)));
    }
    return ~crc;
}

quint32 be32(const QByteArray &b, qsizetype at)
{
    return quint32(uchar(b.at(at))) << 24 | quint32(uchar(b.at(at + 1))) << 16 |
           quint32(uchar(b.at(at + 2))) << 8 | quint32(uchar(b.at(at + 3)));
}

quint32 le16(const QByteArray &b, qsizetype at)
{
    return quint32(uchar(b.at(at))) | quint32(uchar(b.at(at + 1))) << 8;
}

quint32 le32(const QByteArray &b, qsizetype at)
{
    return le16(b, at) | le16(b, at + 2) << 16;
}

using Headers = QList<QPair<QByteArray, QByteArray>>; // lower-case name, unfolded value

Headers parseHeaders(const QByteArray &block)
{
    Headers headers;
    for (const QByteArray &line : block.split('\n')) {
        const QByteArray l = line.endsWith('\r') ? line.chopped(1) : line;
        if (l.isEmpty())
            continue;
        if ((l.at(0) == ' ' || l.at(0) == '\t') && !headers.isEmpty()) {
            headers.back().second += l;
            continue;
        }
        const qsizetype colon = l.indexOf(':');
        if (colon <= 0)
            continue;
        headers.append({l.left(colon).toLower(), l.mid(colon + 1).trimmed()});
    }
    return headers;
}

QByteArrayList values(const Headers &headers, const QByteArray &name)
{
    QByteArrayList out;
    for (const auto &[key, value] : headers) {
        if (key == name)
            out.append(value);
    }
    return out;
}

QByteArray value(const Headers &headers, const QByteArray &name)
{
    const QByteArrayList all = values(headers, name);
    return all.isEmpty() ? QByteArray() : all.first();
}

QByteArray qDecode(const QByteArray &text, bool underscoreIsSpace)
{
    QByteArray out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '_' && underscoreIsSpace) {
            out.append(' ');
        } else if (c == '=' && i + 2 < text.size()) {
            bool ok = false;
            const int v = text.mid(i + 1, 2).toInt(&ok, 16);
            if (ok) {
                out.append(char(v));
                i += 2;
            } else {
                out.append(c);
            }
        } else {
            out.append(c);
        }
    }
    return out;
}

// RFC 2047: encoded words decoded, whitespace between adjacent encoded words dropped.
QString decodeWords(const QByteArray &text, QString *error = nullptr,
                    QByteArrayList *charsets = nullptr)
{
    QString out;
    QString pendingSpace;
    bool lastWasWord = false;
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.mid(i, 2) == "=?") {
            const qsizetype q1 = text.indexOf('?', i + 2);
            const qsizetype q2 = q1 < 0 ? -1 : text.indexOf('?', q1 + 1);
            const qsizetype end = q2 < 0 ? -1 : text.indexOf("?=", q2 + 1);
            if (end > 0) {
                const QByteArray charset = text.mid(i + 2, q1 - i - 2);
                const QByteArray encoding = text.mid(q1 + 1, q2 - q1 - 1).toUpper();
                const QByteArray payload = text.mid(q2 + 1, end - q2 - 1);
                const QByteArray bytes =
                    encoding == "B" ? QByteArray::fromBase64(payload) : qDecode(payload, true);
                QStringDecoder decoder(charset.constData());
                const QString decoded = decoder.decode(bytes);
                // RFC 1468 and RFC 2047: an ISO-2022-JP word ends back in ASCII.
                const bool unterminated = bytes.lastIndexOf("\x1b$") > bytes.lastIndexOf("\x1b(");
                if (error && (!decoder.isValid() || decoder.hasError() || unterminated))
                    *error =
                        u"bad encoded word: "_s + QString::fromLatin1(text.mid(i, end + 2 - i));
                if (charsets)
                    charsets->append(charset + '?' + encoding);
                if (!lastWasWord)
                    out += pendingSpace;
                pendingSpace.clear();
                out += decoded;
                lastWasWord = true;
                i = end + 2;
                continue;
            }
        }
        const char c = text.at(i);
        if (c == ' ' || c == '\t') {
            pendingSpace += QLatin1Char(c);
        } else {
            out += pendingSpace;
            pendingSpace.clear();
            out += QLatin1Char(c);
            lastWasWord = false;
        }
        ++i;
    }
    return out + pendingSpace;
}

struct Mailbox
{
    QString name;
    QByteArray address;
};

Mailbox parseMailbox(const QByteArray &text)
{
    Mailbox m;
    const qsizetype open = text.lastIndexOf('<');
    if (open < 0) {
        m.address = text.trimmed();
        return m;
    }
    m.address = text.mid(open + 1, text.indexOf('>', open) - open - 1);
    QByteArray phrase = text.left(open).trimmed();
    if (phrase.startsWith('"') && phrase.endsWith('"')) {
        phrase = phrase.mid(1, phrase.size() - 2);
        phrase.replace("\\\"", "\"");
        phrase.replace("\\\\", "\\");
        m.name = QString::fromLatin1(phrase);
    } else {
        m.name = decodeWords(phrase);
    }
    return m;
}

// Parameters of a structured field such as Content-Type: lower-case names, unquoted values.
QMap<QByteArray, QByteArray> parameters(const QByteArray &field)
{
    QMap<QByteArray, QByteArray> out;
    QByteArrayList items;
    QByteArray current;
    bool quoted = false;
    for (char c : field) {
        if (c == '"')
            quoted = !quoted;
        if (c == ';' && !quoted) {
            items.append(current.trimmed());
            current.clear();
        } else {
            current.append(c);
        }
    }
    items.append(current.trimmed());
    out.insert("", items.first().toLower());
    for (qsizetype i = 1; i < items.size(); ++i) {
        const qsizetype eq = items.at(i).indexOf('=');
        if (eq <= 0)
            continue;
        QByteArray v = items.at(i).mid(eq + 1).trimmed();
        if (v.startsWith('"') && v.endsWith('"') && v.size() >= 2)
            v = v.mid(1, v.size() - 2);
        out.insert(items.at(i).left(eq).trimmed().toLower(), v);
    }
    return out;
}

QByteArray percentDecode(const QByteArray &text)
{
    return QByteArray::fromPercentEncoding(text);
}

QString decodeWithCharset(const QByteArray &bytes, const QByteArray &charset)
{
    QStringDecoder decoder(charset.constData());
    return decoder.decode(bytes);
}

// A file name from parameters: RFC 2231 (single or continued), RFC 2047 in quotes, or plain.
QString fileName(const QMap<QByteArray, QByteArray> &p, const QByteArray &attribute)
{
    if (p.contains(attribute + '*')) {
        const QByteArray v = p.value(attribute + '*');
        const QByteArrayList parts = v.split('\'');
        if (parts.size() < 3)
            return {};
        return decodeWithCharset(percentDecode(parts.at(2)), parts.at(0));
    }
    if (p.contains(attribute + "*0*") || p.contains(attribute + "*0")) {
        QByteArray charset;
        QByteArray bytes;
        for (int n = 0;; ++n) {
            const QByteArray key = attribute + '*' + QByteArray::number(n);
            if (p.contains(key + '*')) {
                QByteArray v = p.value(key + '*');
                if (n == 0) {
                    const QByteArrayList parts = v.split('\'');
                    charset = parts.at(0);
                    v = parts.value(2);
                }
                bytes += percentDecode(v);
            } else if (p.contains(key)) {
                bytes += p.value(key);
            } else {
                break;
            }
        }
        return decodeWithCharset(bytes, charset.isEmpty() ? QByteArray("US-ASCII") : charset);
    }
    const QByteArray v = p.value(attribute);
    return v.contains("=?") ? decodeWords(v) : QString::fromLatin1(v);
}

struct Leaf
{
    Headers headers;
    QByteArray type; // e.g. "text/plain"
    QMap<QByteArray, QByteArray> typeParams;
    QMap<QByteArray, QByteArray> dispositionParams;
    QByteArray disposition; // "attachment", "inline" or empty
    QByteArray decoded;
    QString text; // for text/*
    QByteArray contentId;
};

struct Parsed
{
    Headers headers;
    QList<Leaf> leaves;
    QByteArrayList multipartTypes;
    QString error;
};

// Octets allowed in each transfer encoding, as lookup tables (the checks run over many MB).
struct OctetClasses
{
    bool base64[256] = {};
    bool quotedPrintable[256] = {};
    OctetClasses()
    {
        for (int c = 'A'; c <= 'Z'; ++c)
            base64[c] = base64[c + 32] = true;
        for (int c = '0'; c <= '9'; ++c)
            base64[c] = true;
        base64[int('+')] = base64[int('/')] = base64[int('=')] = true;
        for (int c = 32; c <= 126; ++c)
            quotedPrintable[c] = true;
        quotedPrintable[int('\t')] = true;
    }
};

const OctetClasses &octets()
{
    static const OctetClasses classes;
    return classes;
}

// The body's lines without their CRLF, as (offset, length) pairs.
QList<QPair<qsizetype, qsizetype>> lineSpans(const QByteArray &body)
{
    QList<QPair<qsizetype, qsizetype>> spans;
    qsizetype start = 0;
    while (start < body.size()) {
        qsizetype end = body.indexOf("\r\n", start);
        if (end < 0)
            end = body.size();
        spans.append({start, end - start});
        start = end + 2;
    }
    return spans;
}

QString decodeTransfer(const QByteArray &body, const QByteArray &cte, QByteArray *out)
{
    const char *data = body.constData();
    if (cte == "base64") {
        QByteArray compact;
        compact.reserve(body.size());
        for (const auto &[start, length] : lineSpans(body)) {
            if (length > 76)
                return u"base64 line longer than 76"_s;
            for (qsizetype i = start; i < start + length; ++i) {
                if (!octets().base64[uchar(data[i])])
                    return u"character outside base64"_s;
            }
            compact.append(data + start, length);
        }
        const auto result =
            QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
        if (!result)
            return u"base64 does not decode"_s;
        *out = result.decoded;
        return {};
    }
    if (cte == "quoted-printable") {
        QByteArray decoded;
        const auto spans = lineSpans(body);
        for (qsizetype n = 0; n < spans.size(); ++n) {
            const QByteArray l = body.mid(spans.at(n).first, spans.at(n).second);
            if (l.size() > 76)
                return u"quoted-printable line longer than 76"_s;
            if (l.endsWith(' ') || l.endsWith('\t'))
                return u"quoted-printable line with trailing white space"_s;
            for (qsizetype i = 0; i < l.size(); ++i) {
                const uchar c = uchar(l.at(i));
                if (!octets().quotedPrintable[c])
                    return u"raw octet in quoted-printable"_s;
                if (c == '=' && i + 1 < l.size()) {
                    const QByteArray h = l.mid(i + 1, 2);
                    bool ok = false;
                    (void)h.toInt(&ok, 16);
                    if (h.size() != 2 || !ok || h != h.toUpper())
                        return u"bad quoted-printable escape"_s;
                }
            }
            const bool soft = l.endsWith('=');
            decoded += qDecode(soft ? l.chopped(1) : l, false);
            if (!soft)
                decoded += "\r\n";
        }
        *out = decoded;
        return {};
    }
    if (cte == "7bit" || cte == "8bit" || cte.isEmpty()) {
        if (body.contains('\0'))
            return u"NUL in body"_s;
        if (cte != "8bit") {
            for (qsizetype i = 0; i < body.size(); ++i) {
                if (uchar(data[i]) >= 0x80)
                    return u"8-bit octet in a 7bit part"_s;
            }
        }
        *out = body;
        return {};
    }
    return u"unknown transfer encoding "_s + QString::fromLatin1(cte);
}

void parseEntity(const QByteArray &entity, Parsed &parsed, int depth)
{
    if (!parsed.error.isEmpty())
        return;
    qsizetype split = entity.indexOf("\r\n\r\n");
    QByteArray headerBlock;
    QByteArray body;
    if (entity.startsWith("\r\n")) {
        body = entity.mid(2);
    } else if (split >= 0) {
        headerBlock = entity.left(split + 2);
        body = entity.mid(split + 4);
    } else {
        parsed.error = u"no blank line after the header"_s;
        return;
    }
    const Headers headers = parseHeaders(headerBlock);
    if (depth == 0)
        parsed.headers = headers;
    const QByteArray contentType = value(headers, "content-type");
    const QMap<QByteArray, QByteArray> typeParams =
        parameters(contentType.isEmpty() ? QByteArray("text/plain") : contentType);
    const QByteArray type = typeParams.value("");
    if (type.startsWith("multipart/")) {
        parsed.multipartTypes.append(type);
        const QByteArray boundary = typeParams.value("boundary");
        if (boundary.isEmpty() || boundary.size() > 70) {
            parsed.error = u"multipart without a valid boundary"_s;
            return;
        }
        const QByteArray delimiter = "\r\n--" + boundary;
        const QByteArray framed = "\r\n" + body;
        QList<qsizetype> starts;
        qsizetype at = 0;
        qsizetype close = -1;
        while ((at = framed.indexOf(delimiter, at)) >= 0) {
            const qsizetype after = at + delimiter.size();
            if (framed.mid(after, 2) == "--") {
                close = at;
                break;
            }
            if (framed.mid(after, 2) != "\r\n") {
                parsed.error = u"boundary text inside content"_s;
                return;
            }
            starts.append(at);
            at = after;
        }
        if (close < 0 || starts.isEmpty()) {
            parsed.error = u"multipart without parts or close delimiter"_s;
            return;
        }
        starts.append(close);
        for (qsizetype i = 0; i + 1 < starts.size(); ++i) {
            const qsizetype from = starts.at(i) + delimiter.size() + 2;
            const QByteArray part = framed.mid(from, starts.at(i + 1) - from);
            if (part.contains(boundary)) {
                parsed.error = u"boundary occurs inside a part"_s;
                return;
            }
            parseEntity(part, parsed, depth + 1);
        }
        return;
    }
    Leaf leaf;
    leaf.headers = headers;
    leaf.type = type;
    leaf.typeParams = typeParams;
    const QByteArray disposition = value(headers, "content-disposition");
    if (!disposition.isEmpty()) {
        leaf.dispositionParams = parameters(disposition);
        leaf.disposition = leaf.dispositionParams.value("");
    }
    leaf.contentId = value(headers, "content-id");
    const QByteArray cte = value(headers, "content-transfer-encoding").toLower();
    const QString error = decodeTransfer(body, cte, &leaf.decoded);
    if (!error.isEmpty()) {
        parsed.error = error + u" in "_s + QString::fromLatin1(type);
        return;
    }
    if (type.startsWith("text/")) {
        const QByteArray charset = typeParams.value("charset", "US-ASCII");
        QStringDecoder decoder(charset.constData());
        if (!decoder.isValid()) {
            parsed.error = u"unknown charset "_s + QString::fromLatin1(charset);
            return;
        }
        leaf.text = decoder.decode(leaf.decoded);
        if (decoder.hasError() || leaf.text.contains(QChar::ReplacementCharacter)) {
            parsed.error = u"text does not decode in its charset "_s + QString::fromLatin1(charset);
            return;
        }
    }
    parsed.leaves.append(leaf);
}

// Checks the message as a whole (CRLF, line lengths, ASCII header, required fields) and
// reads its MIME tree. Sets parsed.error on the first problem.
Parsed parse(const QByteArray &message)
{
    Parsed parsed;
    const char *data = message.constData();
    for (qsizetype i = message.indexOf('\n'); i >= 0; i = message.indexOf('\n', i + 1)) {
        if (i == 0 || data[i - 1] != '\r') {
            parsed.error = u"bare LF at offset %1"_s.arg(i);
            return parsed;
        }
    }
    for (qsizetype i = message.indexOf('\r'); i >= 0; i = message.indexOf('\r', i + 1)) {
        if (i + 1 == message.size() || data[i + 1] != '\n') {
            parsed.error = u"bare CR at offset %1"_s.arg(i);
            return parsed;
        }
    }
    qsizetype lineStart = 0;
    while (lineStart < message.size()) {
        qsizetype end = message.indexOf("\r\n", lineStart);
        if (end < 0)
            end = message.size();
        if (end - lineStart > 998) {
            parsed.error = u"line longer than 998 octets at offset %1"_s.arg(lineStart);
            return parsed;
        }
        lineStart = end + 2;
    }
    const qsizetype headerEnd = message.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        parsed.error = u"no header/body separator"_s;
        return parsed;
    }
    const QByteArray header = message.left(headerEnd);
    for (char c : header) {
        if (uchar(c) >= 0x80 || c == 0) {
            parsed.error = u"non-ASCII octet in the header"_s;
            return parsed;
        }
    }
    for (const QByteArray &line : header.split('\n')) {
        if (line.trimmed().isEmpty()) {
            parsed.error = u"header line of white space only"_s;
            return parsed;
        }
    }
    parseEntity(message, parsed, 0);
    if (!parsed.error.isEmpty())
        return parsed;
    for (const char *name : {"date", "from", "message-id", "subject", "mime-version"}) {
        if (values(parsed.headers, name).size() != 1) {
            parsed.error = u"not exactly one "_s + QLatin1StringView(name);
            return parsed;
        }
    }
    if (value(parsed.headers, "to").isEmpty() && value(parsed.headers, "cc").isEmpty())
        parsed.error = u"no recipient"_s;
    return parsed;
}

QString describe(const SampleMailGenerator &generator, int index, const Parsed &parsed)
{
    return u"seed %1 message %2: %3"_s.arg(generator.seed()).arg(index).arg(parsed.error);
}

const Leaf *findLeaf(const Parsed &parsed, const QByteArray &type)
{
    for (const Leaf &leaf : parsed.leaves) {
        if (leaf.type == type && leaf.disposition != "attachment")
            return &leaf;
    }
    return nullptr;
}

// Checks a PNG fully: signature, chunk CRCs, IHDR, and IDAT inflating to exactly the pixel rows.
QString checkPng(const QByteArray &png, int *width = nullptr, int *height = nullptr)
{
    if (!png.startsWith(QByteArray("\x89PNG\r\n\x1a\n", 8)))
        return u"no PNG signature"_s;
    qsizetype at = 8;
    QByteArray idat;
    quint32 w = 0;
    quint32 h = 0;
    bool ended = false;
    while (at + 12 <= png.size()) {
        const quint32 length = be32(png, at);
        if (at + 12 + qsizetype(length) > png.size())
            return u"chunk runs past the end"_s;
        const QByteArray type = png.mid(at + 4, 4);
        const QByteArray data = png.mid(at + 8, length);
        if (bitwiseCrc32(type + data) != be32(png, at + 8 + length))
            return u"bad CRC in chunk "_s + QString::fromLatin1(type);
        if (type == "IHDR") {
            w = be32(data, 0);
            h = be32(data, 4);
            if (data.mid(8, 5) != QByteArray("\x08\x02\x00\x00\x00", 5))
                return u"unexpected IHDR"_s;
        } else if (type == "IDAT") {
            idat += data;
        } else if (type == "IEND") {
            ended = true;
            at += 12;
            break;
        }
        at += 12 + length;
    }
    if (!ended || at != png.size())
        return u"no IEND at the end"_s;
    const qsizetype expected = qsizetype(h) * (1 + 3 * qsizetype(w));
    QByteArray framed;
    framed.append(char(expected >> 24));
    framed.append(char(expected >> 16));
    framed.append(char(expected >> 8));
    framed.append(char(expected));
    const QByteArray pixels = qUncompress(framed + idat);
    if (pixels.size() != expected || w == 0 || h == 0)
        return u"IDAT does not inflate to the image rows"_s;
    for (quint32 row = 0; row < h; ++row) {
        if (uchar(pixels.at(qsizetype(row) * (1 + 3 * w))) > 4)
            return u"bad filter byte"_s;
    }
    if (width)
        *width = int(w);
    if (height)
        *height = int(h);
    return {};
}

QString checkPdf(const QByteArray &pdf)
{
    if (!pdf.startsWith("%PDF-1.") || !pdf.endsWith("%%EOF\n"))
        return u"not framed as a PDF"_s;
    const qsizetype startxref = pdf.lastIndexOf("startxref\n");
    const qsizetype xref = pdf.mid(startxref + 10).split('\n').first().toLongLong();
    if (pdf.mid(xref, 5) != "xref\n")
        return u"startxref does not point at the xref table"_s;
    const QByteArrayList lines = pdf.mid(xref).split('\n');
    const int count = lines.value(1).split(' ').value(1).toInt();
    for (int n = 1; n < count; ++n) {
        const qsizetype offset = lines.value(2 + n).left(10).toLongLong();
        if (!pdf.mid(offset, 24).startsWith(QByteArray(QByteArray::number(n) + " 0 obj")))
            return u"xref entry %1 points elsewhere"_s.arg(n);
    }
    return {};
}

QString checkZip(const QByteArray &zip)
{
    if (zip.size() < 22 || le32(zip, zip.size() - 22) != 0x06054b50)
        return u"no end of central directory"_s;
    const qsizetype entries = le16(zip, zip.size() - 12);
    qsizetype at = le32(zip, zip.size() - 6);
    if (entries == 0)
        return u"empty archive"_s;
    for (qsizetype e = 0; e < entries; ++e) {
        if (le32(zip, at) != 0x02014b50)
            return u"bad central directory entry"_s;
        const quint32 crc = le32(zip, at + 16);
        const quint32 size = le32(zip, at + 20);
        const qsizetype nameLength = le16(zip, at + 28);
        const qsizetype local = le32(zip, at + 42);
        if (le32(zip, local) != 0x04034b50 || le16(zip, local + 8) != 0)
            return u"bad local header"_s;
        const qsizetype dataAt = local + 30 + le16(zip, local + 26) + le16(zip, local + 28);
        if (bitwiseCrc32(zip.mid(dataAt, size)) != crc)
            return u"entry CRC does not match"_s;
        at += 46 + nameLength + le16(zip, at + 30) + le16(zip, at + 32);
    }
    return {};
}

QString rootSubject(const SampleMailGenerator &generator, int index)
{
    SampleMailGenerator::MessageInfo info = generator.info(index);
    while (info.parentIndex >= 0)
        info = generator.info(info.parentIndex);
    return info.subject;
}

} // namespace

class tst_SampleMailGenerator : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedGivesSameBytes()
    {
        const SampleMailGenerator a(42, 64 * 1024);
        const SampleMailGenerator b(42, 64 * 1024);
        // Computed alone and out of order, message 57 is the same as in a full run.
        const QByteArray alone = b.message(57);
        const QList<QByteArray> all = a.messages(60);
        QCOMPARE(all.size(), 60);
        QCOMPARE(all.at(57), alone);
        for (int i = 0; i < 60; ++i) {
            QCOMPARE(b.message(i), all.at(i));
            QCOMPARE(b.info(i).subject, a.info(i).subject);
        }
    }

    void differentSeedsGiveDifferentMailboxes()
    {
        const SampleMailGenerator a(42, 64 * 1024);
        const SampleMailGenerator b(43, 64 * 1024);
        int differentSubjects = 0;
        for (int i = 0; i < 40; ++i) {
            QVERIFY(a.message(i) != b.message(i));
            if (a.info(i).subject != b.info(i).subject)
                ++differentSubjects;
        }
        QVERIFY2(differentSubjects > 20, qPrintable(QString::number(differentSubjects)));
    }

    void sameBytesInAnyTimeZone()
    {
        const SampleMailGenerator generator(11, 64 * 1024);
        const QList<QByteArray> before = generator.messages(20);
        const QByteArray oldTz = qgetenv("TZ");
        const bool hadTz = qEnvironmentVariableIsSet("TZ");
        for (const char *zone : {"Pacific/Auckland", "America/Los_Angeles"}) {
            qputenv("TZ", zone);
            tzset();
            QCOMPARE(generator.messages(20), before);
        }
        if (hadTz)
            qputenv("TZ", oldTz);
        else
            qunsetenv("TZ");
        tzset();
    }

    void everyCharsetAndKindAppearsEarly_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::newRow("1") << quint64(1);
        QTest::newRow("42") << quint64(42);
        QTest::newRow("max") << ~quint64(0);
        QTest::newRow("123456789") << quint64(123456789);
    }

    void everyCharsetAndKindAppearsEarly()
    {
        QFETCH(quint64, seed);
        if (!QStringEncoder("GBK").isValid() || !QStringEncoder("ISO-2022-JP").isValid())
            QSKIP("This Qt has no ICU: GBK, Big5 and ISO-2022-JP mail is written as UTF-8");
        const SampleMailGenerator generator(seed, 16 * 1024);
        QSet<QByteArray> infoCharsets;
        QSet<int> kinds;
        QSet<int> languages;
        for (int i = 0; i < 10; ++i) {
            const SampleMailGenerator::MessageInfo info = generator.info(i);
            if (i < 8)
                infoCharsets.insert(info.charset);
            kinds.insert(int(info.kind));
            languages.insert(int(info.language));
        }
        const QSet<QByteArray> all{"US-ASCII", "UTF-8", "GBK", "Big5", "ISO-2022-JP"};
        QCOMPARE(infoCharsets, all);
        QCOMPARE(kinds.size(), 5);
        QCOMPARE(languages.size(), 4);

        // In the bytes: body charsets as declared, and encoded words in B and Q.
        QSet<QByteArray> bodyCharsets;
        QSet<QByteArray> wordCharsets;
        for (int i = 0; i < 40; ++i) {
            const Parsed parsed = parse(generator.message(i));
            QVERIFY2(parsed.error.isEmpty(), qPrintable(describe(generator, i, parsed)));
            for (const Leaf &leaf : parsed.leaves) {
                if (leaf.type == "text/plain" && leaf.disposition.isEmpty())
                    bodyCharsets.insert(leaf.typeParams.value("charset"));
            }
            QByteArrayList charsets;
            decodeWords(value(parsed.headers, "subject"), nullptr, &charsets);
            decodeWords(value(parsed.headers, "from"), nullptr, &charsets);
            decodeWords(value(parsed.headers, "to"), nullptr, &charsets);
            for (const QByteArray &c : std::as_const(charsets))
                wordCharsets.insert(c);
        }
        QCOMPARE(bodyCharsets, all);
        for (const char *word : {"GBK?B", "Big5?B", "ISO-2022-JP?B", "UTF-8?B", "UTF-8?Q"})
            QVERIFY2(wordCharsets.contains(word), word);
    }

    void sizesSpanOneKilobyteToTenMegabytes()
    {
        const SampleMailGenerator generator(7);
        QCOMPARE(generator.maximumSize(), SampleMailGenerator::DefaultMaximumSize);
        qint64 smallest = std::numeric_limits<qint64>::max();
        qint64 largest = 0;
        int medium = 0;
        int small = 0;
        for (int i = 0; i < 50; ++i) {
            const QByteArray message = generator.message(i);
            smallest = std::min<qint64>(smallest, message.size());
            largest = std::max<qint64>(largest, message.size());
            if (message.size() >= 50'000 && message.size() <= 500'000)
                ++medium;
            if (message.size() < 50'000)
                ++small;
            if (message.size() > 5'000'000) {
                // The largest ones are as well formed as the rest.
                const Parsed parsed = parse(message);
                QVERIFY2(parsed.error.isEmpty(), qPrintable(describe(generator, i, parsed)));
            }
        }
        QVERIFY2(smallest < 1600, qPrintable(QString::number(smallest)));
        QVERIFY2(largest > 8'000'000, qPrintable(QString::number(largest)));
        QVERIFY(largest <= SampleMailGenerator::DefaultMaximumSize);
        QVERIFY2(medium >= 3, qPrintable(QString::number(medium)));
        QVERIFY2(small > 25, qPrintable(QString::number(small)));
    }

    void maximumSizeIsHonoured()
    {
        const qint64 cap = 64 * 1024;
        const SampleMailGenerator capped(3, cap);
        const SampleMailGenerator uncapped(3);
        int shrunk = 0;
        for (int i = 0; i < 120; ++i) {
            const QByteArray message = capped.message(i);
            QVERIFY2(message.size() <= cap, qPrintable(QString::number(i)));
            const Parsed parsed = parse(message);
            QVERIFY2(parsed.error.isEmpty(), qPrintable(describe(capped, i, parsed)));
            const SampleMailGenerator::MessageInfo info = capped.info(i);
            if (info.plannedSize > 2 * cap) {
                // Shrunk to fit, not dropped: still near the cap, attachments still there.
                ++shrunk;
                QVERIFY2(message.size() > cap / 2, qPrintable(QString::number(i)));
                int attachments = 0;
                for (const Leaf &leaf : parsed.leaves)
                    attachments += leaf.disposition == "attachment" ? 1 : 0;
                QCOMPARE(attachments, info.attachmentNames.size());
            } else {
                // A message that fits under the cap is the same with any cap.
                const QByteArray natural = uncapped.message(i);
                if (natural.size() <= cap)
                    QCOMPARE(message, natural);
            }
        }
        QVERIFY(shrunk >= 3);

        const SampleMailGenerator tiny(5, 100);
        QCOMPARE(tiny.maximumSize(), SampleMailGenerator::SmallestMaximumSize);
        for (int i = 0; i < 40; ++i) {
            const QByteArray message = tiny.message(i);
            QVERIFY2(message.size() <= SampleMailGenerator::SmallestMaximumSize,
                     qPrintable(QString::number(i)));
            const Parsed parsed = parse(message);
            QVERIFY2(parsed.error.isEmpty(), qPrintable(describe(tiny, i, parsed)));
        }
    }

    void messagesAreWellFormed_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::newRow("1") << quint64(1);
        QTest::newRow("2") << quint64(2);
        QTest::newRow("99") << quint64(99);
    }

    void messagesAreWellFormed()
    {
        QFETCH(quint64, seed);
        const SampleMailGenerator generator(seed, 128 * 1024);
        for (int i = 0; i < 100; ++i) {
            const QByteArray message = generator.message(i);
            const Parsed parsed = parse(message);
            QVERIFY2(parsed.error.isEmpty(), qPrintable(describe(generator, i, parsed)));
            const SampleMailGenerator::MessageInfo info = generator.info(i);

            QCOMPARE(value(parsed.headers, "mime-version"), QByteArray("1.0"));
            QCOMPARE(value(parsed.headers, "message-id"), info.messageId);
            const QDateTime date = QDateTime::fromString(
                QString::fromLatin1(value(parsed.headers, "date")), Qt::RFC2822Date);
            QVERIFY2(date.isValid(), value(parsed.headers, "date").constData());
            QCOMPARE(date.toSecsSinceEpoch(), info.dateUtc);
            QCOMPARE(date.offsetFromUtc(), info.utcOffsetMinutes * 60);

            QString error;
            const QString subject = decodeWords(value(parsed.headers, "subject"), &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(subject, info.subject);
            const Mailbox from = parseMailbox(value(parsed.headers, "from"));
            QCOMPARE(from.name, info.fromName);
            QCOMPARE(from.address, info.fromAddress);
            const QByteArray recipients =
                value(parsed.headers, "to") + ' ' + value(parsed.headers, "cc");
            QVERIFY(
                recipients.contains(QByteArray('<' + SampleMailGenerator::ownerAddress() + '>')));

            // The reader sees a text body in every message.
            QVERIFY(findLeaf(parsed, "text/plain") != nullptr);
            if (info.kind != Kind::PlainText)
                QVERIFY(findLeaf(parsed, "text/html") != nullptr || info.kind == Kind::Attachments);
        }
    }

    void threadsReferenceEarlierMessages()
    {
        const SampleMailGenerator generator(5, 16 * 1024);
        const int count = 200;
        QHash<QByteArray, int> indexById;
        int replies = 0;
        int deepest = 0;
        for (int i = 0; i < count; ++i) {
            const Parsed parsed = parse(generator.message(i));
            QVERIFY2(parsed.error.isEmpty(), qPrintable(describe(generator, i, parsed)));
            const QByteArray id = value(parsed.headers, "message-id");
            QVERIFY2(!indexById.contains(id), id.constData());
            indexById.insert(id, i);

            const SampleMailGenerator::MessageInfo info = generator.info(i);
            const QByteArray inReplyTo = value(parsed.headers, "in-reply-to");
            if (info.parentIndex < 0) {
                QVERIFY(inReplyTo.isEmpty());
                QVERIFY(value(parsed.headers, "references").isEmpty());
                continue;
            }
            ++replies;
            deepest = std::max(deepest, info.threadDepth);
            QCOMPARE(inReplyTo, generator.info(info.parentIndex).messageId);
            QCOMPARE(indexById.value(inReplyTo, -1), info.parentIndex);
            const QByteArrayList references =
                value(parsed.headers, "references").simplified().split(' ');
            QCOMPARE(references.last(), inReplyTo);
            QCOMPARE(references.size(), info.threadDepth);
            for (const QByteArray &ref : references) {
                QVERIFY2(indexById.value(ref, i) < i, ref.constData());
            }
            const QString subject = decodeWords(value(parsed.headers, "subject"));
            QVERIFY2(subject.startsWith(u"Re: "_s) || subject.startsWith(u"回复："_s) ||
                         subject.startsWith(u"回覆："_s),
                     qPrintable(subject));
            QVERIFY2(subject.endsWith(rootSubject(generator, i)), qPrintable(subject));
            QVERIFY(info.dateUtc > generator.info(info.parentIndex).dateUtc);
            // The reply quotes the message it answers.
            const Leaf *text = findLeaf(parsed, "text/plain");
            QVERIFY(text);
            QVERIFY(text->text.contains(u"\n> "_s));
            QVERIFY(text->text.contains(generator.info(info.parentIndex).fromName));
        }
        QVERIFY2(replies > count / 5, qPrintable(QString::number(replies)));
        QVERIFY2(deepest >= 3, qPrintable(QString::number(deepest)));
    }

    void datesSpreadOverYearsAndZones()
    {
        const SampleMailGenerator generator(8, 16 * 1024);
        QSet<int> years;
        QSet<int> offsets;
        for (int i = 0; i < 300; ++i) {
            const SampleMailGenerator::MessageInfo info = generator.info(i);
            const QDateTime date = QDateTime::fromSecsSinceEpoch(info.dateUtc, Qt::UTC);
            QVERIFY(date.date().year() >= 2019 && date.date().year() <= 2026);
            years.insert(date.date().year());
            offsets.insert(info.utcOffsetMinutes);
        }
        QVERIFY2(years.size() >= 7, qPrintable(QString::number(years.size())));
        QVERIFY2(offsets.size() >= 5, qPrintable(QString::number(offsets.size())));
    }

    void inlineImagesAreValidPngs()
    {
        const SampleMailGenerator generator(13, 256 * 1024);
        int checked = 0;
        for (int i = 0; i < 120; ++i) {
            const SampleMailGenerator::MessageInfo info = generator.info(i);
            if (info.kind != Kind::InlineImages)
                continue;
            const Parsed parsed = parse(generator.message(i));
            QVERIFY2(parsed.error.isEmpty(), qPrintable(describe(generator, i, parsed)));
            QVERIFY(parsed.multipartTypes.contains("multipart/related"));
            const Leaf *html = findLeaf(parsed, "text/html");
            QVERIFY(html);
            QHash<QByteArray, const Leaf *> byContentId;
            for (const Leaf &leaf : parsed.leaves) {
                if (!leaf.contentId.isEmpty())
                    byContentId.insert(leaf.contentId, &leaf);
            }
            int images = 0;
            qsizetype at = 0;
            while ((at = html->text.indexOf(u"src=\"cid:"_s, at)) >= 0) {
                at += 9;
                const QString cid = html->text.mid(at, html->text.indexOf(u'"', at) - at);
                const Leaf *image = byContentId.value('<' + cid.toLatin1() + '>');
                QVERIFY2(image, qPrintable(cid));
                QCOMPARE(image->type, QByteArray("image/png"));
                int width = 0;
                int height = 0;
                const QString error = checkPng(image->decoded, &width, &height);
                QVERIFY2(error.isEmpty(), qPrintable(error));
                const QString tag = html->text.mid(at, html->text.indexOf(u'>', at) - at);
                QVERIFY2(tag.contains(u"width=\"%1\" height=\"%2\""_s.arg(width).arg(height)),
                         qPrintable(tag));
                ++images;
            }
            QCOMPARE(images, info.inlineImageCount);
            ++checked;
        }
        QVERIFY(checked >= 5);
    }

    void pngIsValidAtAnySize()
    {
        for (const auto &[w, h] : {std::pair{1, 1}, {3, 2}, {64, 48}, {300, 250}}) {
            const QByteArray png = SampleMailGenerator::png(w, h, quint64(w * 31 + h));
            int width = 0;
            int height = 0;
            const QString error = checkPng(png, &width, &height);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(width, w);
            QCOMPARE(height, h);
        }
        QVERIFY(SampleMailGenerator::png(20, 20, 1) != SampleMailGenerator::png(20, 20, 2));
    }

    void attachmentsDecodeToTheirFormats()
    {
        const SampleMailGenerator generator(21, 256 * 1024);
        QSet<QByteArray> styles;
        QSet<QString> extensions;
        for (int i = 0; i < 100; ++i) {
            const SampleMailGenerator::MessageInfo info = generator.info(i);
            if (info.attachmentNames.isEmpty())
                continue;
            const Parsed parsed = parse(generator.message(i));
            QVERIFY2(parsed.error.isEmpty(), qPrintable(describe(generator, i, parsed)));
            QStringList names;
            for (const Leaf &leaf : parsed.leaves) {
                if (leaf.disposition != "attachment")
                    continue;
                const QString name = fileName(leaf.dispositionParams, "filename");
                QCOMPARE(fileName(leaf.typeParams, "name"), name);
                names.append(name);
                for (const QByteArray &key : leaf.dispositionParams.keys()) {
                    if (key.startsWith("filename*0"))
                        styles.insert("rfc2231-continued");
                    else if (key == "filename*")
                        styles.insert("rfc2231");
                }
                if (leaf.dispositionParams.value("filename").startsWith("=?"))
                    styles.insert("rfc2047");
                const QString extension = name.section(u'.', -1);
                extensions.insert(extension);
                QString error;
                if (extension == u"pdf")
                    error = checkPdf(leaf.decoded);
                else if (extension == u"zip")
                    error = checkZip(leaf.decoded);
                else if (extension == u"png")
                    error = checkPng(leaf.decoded);
                else if (extension == u"txt" || extension == u"csv")
                    QVERIFY(!leaf.text.isEmpty());
                else
                    error = u"unexpected extension "_s + extension;
                QVERIFY2(error.isEmpty(),
                         qPrintable(u"%1 in message %2: %3"_s.arg(name).arg(i).arg(error)));
            }
            QCOMPARE(names, info.attachmentNames);
        }
        QCOMPARE(extensions, (QSet<QString>{u"pdf"_s, u"zip"_s, u"png"_s, u"txt"_s, u"csv"_s}));
        QCOMPARE(styles, (QSet<QByteArray>{"rfc2231", "rfc2231-continued", "rfc2047"}));
    }

    void htmlReferencesRemoteImages()
    {
        const SampleMailGenerator generator(34, 128 * 1024);
        int checked = 0;
        int signatureLogos = 0;
        for (int i = 0; i < 100; ++i) {
            const Kind kind = generator.info(i).kind;
            if (kind == Kind::Alternative) {
                // Some ordinary mail has a remote logo in its signature.
                const Parsed parsed = parse(generator.message(i));
                QVERIFY2(parsed.error.isEmpty(), qPrintable(describe(generator, i, parsed)));
                const Leaf *html = findLeaf(parsed, "text/html");
                QVERIFY(html);
                signatureLogos += html->text.contains(u"<img src=\"http://www."_s) ? 1 : 0;
                continue;
            }
            if (kind != Kind::Newsletter)
                continue;
            const Parsed parsed = parse(generator.message(i));
            QVERIFY2(parsed.error.isEmpty(), qPrintable(describe(generator, i, parsed)));
            const Leaf *html = findLeaf(parsed, "text/html");
            QVERIFY(html);
            QVERIFY(html->text.contains(u"<img src=\"http://"_s));
            QVERIFY(!html->text.contains(u"cid:"_s));
            QVERIFY(value(parsed.headers, "list-unsubscribe").contains("<http://"));
            ++checked;
        }
        QVERIFY(checked >= 5);
        QVERIFY(signatureLogos >= 2);
    }

    void legacyCharsetBodiesDecodeCleanly()
    {
        if (!QStringEncoder("GBK").isValid() || !QStringEncoder("ISO-2022-JP").isValid())
            QSKIP("This Qt has no ICU: GBK, Big5 and ISO-2022-JP mail is written as UTF-8");
        const SampleMailGenerator generator(55, 64 * 1024);
        QSet<QByteArray> seen;
        for (int i = 0; i < 120; ++i) {
            const SampleMailGenerator::MessageInfo info = generator.info(i);
            if (info.charset != "GBK" && info.charset != "Big5" && info.charset != "ISO-2022-JP")
                continue;
            if (info.kind == Kind::Newsletter)
                continue; // its links have query strings
            const Parsed parsed = parse(generator.message(i));
            QVERIFY2(parsed.error.isEmpty(), qPrintable(describe(generator, i, parsed)));
            const Leaf *text = findLeaf(parsed, "text/plain");
            QVERIFY(text);
            QCOMPARE(text->typeParams.value("charset"), info.charset);
            seen.insert(info.charset);
            // CJK text, and no '?' standing in for a character the charset lacks.
            const qsizetype cjk = std::count_if(text->text.begin(), text->text.end(),
                                                [](QChar c) { return c.unicode() >= 0x3000; });
            QVERIFY(cjk > 10);
            QVERIFY2(!text->text.contains(u'?'), qPrintable(text->text.left(300)));
            if (info.charset == "ISO-2022-JP") {
                // RFC 1468: 7-bit, and every line returns to ASCII before it ends.
                for (const QByteArray &line : text->decoded.split('\n')) {
                    const qsizetype toJis = line.lastIndexOf("\x1b$B");
                    QVERIFY(toJis < 0 || line.lastIndexOf("\x1b(B") > toJis);
                    for (char c : line)
                        QVERIFY(uchar(c) < 0x80);
                }
            }
        }
        QCOMPARE(seen, (QSet<QByteArray>{"GBK", "Big5", "ISO-2022-JP"}));
    }
};

QTEST_GUILESS_MAIN(tst_SampleMailGenerator)
#include "tst_SampleMailGenerator.moc"
