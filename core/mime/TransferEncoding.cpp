#include "mime/TransferEncoding.h"

#include <QStringList>

#include <array>

namespace Poplar::Mime {

namespace {

// Base64 alphabet values (both the standard and the URL-safe one); -1 for anything else.
constexpr std::array<signed char, 256> makeBase64Table()
{
    std::array<signed char, 256> table{};
    for (auto &v : table)
        v = -1;
    for (int i = 0; i < 26; ++i) {
        table[static_cast<size_t>('A' + i)] = static_cast<signed char>(i);
        table[static_cast<size_t>('a' + i)] = static_cast<signed char>(26 + i);
    }
    for (int i = 0; i < 10; ++i)
        table[static_cast<size_t>('0' + i)] = static_cast<signed char>(52 + i);
    table['+'] = table['-'] = 62;
    table['/'] = table['_'] = 63;
    return table;
}

constexpr std::array<signed char, 256> kBase64 = makeBase64Table();

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

QByteArray decodeQp(QByteArrayView in, bool underscoreIsSpace)
{
    QByteArray out;
    out.resize(in.size());
    char *d = out.data();
    const qsizetype n = in.size();
    qsizetype i = 0;
    while (i < n) {
        const char c = in[i];
        if (c == '=') {
            if (i + 2 < n && hexValue(in[i + 1]) >= 0 && hexValue(in[i + 2]) >= 0) {
                *d++ = static_cast<char>(hexValue(in[i + 1]) * 16 + hexValue(in[i + 2]));
                i += 3;
                continue;
            }
            // Soft line break, possibly with blanks the transport added before the newline.
            qsizetype j = i + 1;
            while (j < n && (in[j] == ' ' || in[j] == '\t'))
                ++j;
            if (j < n && in[j] == '\r' && j + 1 < n && in[j + 1] == '\n') {
                i = j + 2;
                continue;
            }
            if (j < n && in[j] == '\n') {
                i = j + 1;
                continue;
            }
            if (j >= n) {
                i = n;
                continue;
            }
            *d++ = '=';
            ++i;
            continue;
        }
        if (c == '_' && underscoreIsSpace) {
            *d++ = ' ';
            ++i;
            continue;
        }
        if ((c == ' ' || c == '\t') && !underscoreIsSpace) {
            // Trailing blanks before a line break were added in transit.
            qsizetype j = i;
            while (j < n && (in[j] == ' ' || in[j] == '\t'))
                ++j;
            if (j >= n || in[j] == '\n' || (in[j] == '\r' && j + 1 < n && in[j + 1] == '\n')) {
                i = j;
                continue;
            }
            while (i < j)
                *d++ = in[i++];
            continue;
        }
        *d++ = c;
        ++i;
    }
    out.truncate(d - out.constData());
    return out;
}

bool uuLineLooksValid(QByteArrayView line)
{
    if (line.isEmpty())
        return false;
    const int len = (static_cast<unsigned char>(line[0]) - 0x20) & 0x3F;
    return line.size() >= 1 + (len * 4 + 2) / 3 - 1;
}

void uudecodeLine(QByteArrayView line, QByteArray &out)
{
    const int len = (static_cast<unsigned char>(line[0]) - 0x20) & 0x3F;
    int produced = 0;
    for (qsizetype i = 1; produced < len; i += 4) {
        unsigned char c[4];
        for (int k = 0; k < 4; ++k)
            c[k] =
                i + k < line.size() ? ((static_cast<unsigned char>(line[i + k]) - 0x20) & 0x3F) : 0;
        const char bytes[3] = {static_cast<char>((c[0] << 2) | (c[1] >> 4)),
                               static_cast<char>((c[1] << 4) | (c[2] >> 2)),
                               static_cast<char>((c[2] << 6) | c[3])};
        for (int k = 0; k < 3 && produced < len; ++k, ++produced)
            out.append(bytes[k]);
    }
}

} // namespace

QByteArray TransferEncoding::decodeBase64(QByteArrayView encoded)
{
    QByteArray out;
    out.resize(encoded.size() * 3 / 4 + 3);
    char *d = out.data();
    const auto *p = reinterpret_cast<const unsigned char *>(encoded.data());
    const auto *end = p + encoded.size();
    quint32 acc = 0;
    int bits = 0;
    while (p < end) {
        // Fast path: four alphabet characters on a group boundary.
        if (bits == 0 && end - p >= 4) {
            const int a = kBase64[p[0]];
            const int b = kBase64[p[1]];
            const int c = kBase64[p[2]];
            const int e = kBase64[p[3]];
            if ((a | b | c | e) >= 0) {
                const quint32 v =
                    (quint32(a) << 18) | (quint32(b) << 12) | (quint32(c) << 6) | quint32(e);
                *d++ = static_cast<char>(v >> 16);
                *d++ = static_cast<char>((v >> 8) & 0xFF);
                *d++ = static_cast<char>(v & 0xFF);
                p += 4;
                continue;
            }
        }
        const unsigned char c = *p++;
        if (c == '=') {
            // Padding ends a group; what follows (concatenated encodings) starts afresh.
            acc = 0;
            bits = 0;
            continue;
        }
        const int v = kBase64[c];
        if (v < 0)
            continue; // line breaks, blanks and stray characters
        acc = (acc << 6) | static_cast<quint32>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            *d++ = static_cast<char>((acc >> bits) & 0xFF);
        }
        if (bits == 0)
            acc = 0;
    }
    out.truncate(d - out.constData());
    return out;
}

QByteArray TransferEncoding::decodeQuotedPrintable(QByteArrayView encoded)
{
    return decodeQp(encoded, false);
}

QByteArray TransferEncoding::decodeQ(QByteArrayView encoded)
{
    return decodeQp(encoded, true);
}

QByteArray TransferEncoding::decode(QByteArrayView encoded, QByteArrayView encoding)
{
    const QByteArray e = encoding.trimmed().toByteArray().toLower();
    if (e == "base64")
        return decodeBase64(encoded);
    if (e == "quoted-printable")
        return decodeQuotedPrintable(encoded);
    if (e == "x-uuencode" || e == "uuencode" || e == "x-uue") {
        QString text = QString::fromLatin1(encoded);
        const QList<UuencodedFile> files = extractUuencoded(text);
        if (!files.isEmpty())
            return files.first().data;
    }
    return encoded.toByteArray();
}

QList<UuencodedFile> TransferEncoding::extractUuencoded(QString &text)
{
    QList<UuencodedFile> files;
    if (!text.contains(u"begin "))
        return files;
    QStringList lines = text.split(u'\n');
    QStringList kept;
    kept.reserve(lines.size());
    int attempts = 0; // bounded, so many false "begin" lines cannot make this quadratic
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        // "begin 644 name": a mode of three or four octal digits, then the file name.
        if (line.startsWith(u"begin ") && files.size() < 100 && attempts < 200) {
            ++attempts;
            const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
            bool isMode = words.size() >= 3 && words[1].size() >= 3 && words[1].size() <= 4;
            for (QChar c : isMode ? words[1] : QString())
                isMode = isMode && c >= u'0' && c <= u'7';
            if (isMode) {
                qsizetype end = i + 1;
                QByteArray data;
                bool ok = true;
                while (end < lines.size() && lines[end].trimmed() != u"end") {
                    const QByteArray encoded = lines[end].toLatin1();
                    if (encoded == "`" || encoded.isEmpty()) {
                        ++end;
                        continue;
                    }
                    if (!uuLineLooksValid(encoded)) {
                        ok = false;
                        break;
                    }
                    uudecodeLine(encoded, data);
                    ++end;
                }
                if (ok && end < lines.size()) {
                    const qsizetype nameStart = line.indexOf(words[1]) + words[1].size() + 1;
                    files.append({line.mid(nameStart).trimmed(), data});
                    i = end;
                    continue;
                }
            }
        }
        kept.append(line);
    }
    if (!files.isEmpty())
        text = kept.join(u'\n');
    return files;
}

QString TransferEncoding::unflow(QStringView text, bool delSp)
{
    QString out;
    out.reserve(text.size());
    int currentDepth = -1;
    bool inParagraph = false;
    qsizetype pos = 0;
    while (pos <= text.size()) {
        qsizetype nl = text.indexOf(u'\n', pos);
        if (nl < 0)
            nl = text.size();
        QStringView line = text.sliced(pos, nl - pos);
        pos = nl + 1;
        int depth = 0;
        while (depth < line.size() && line[depth] == u'>')
            ++depth;
        line = line.sliced(depth);
        if (line.startsWith(u' '))
            line = line.sliced(1); // space-stuffing
        const bool signature = line == u"-- ";
        const bool flowed = !signature && line.endsWith(u' ');
        if (inParagraph && depth != currentDepth) {
            out += u'\n'; // a quote depth change ends the paragraph
            inParagraph = false;
        }
        if (!inParagraph && depth > 0) {
            out += QString(depth, u'>');
            out += u' ';
        }
        if (flowed && delSp)
            line.chop(1);
        out += line;
        currentDepth = depth;
        inParagraph = flowed;
        if (!flowed && pos <= text.size())
            out += u'\n';
    }
    return out;
}

} // namespace Poplar::Mime
