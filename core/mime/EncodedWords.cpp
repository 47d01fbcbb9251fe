#include "mime/EncodedWords.h"

#include "mime/Charset.h"
#include "mime/TransferEncoding.h"

namespace Poplar::Mime {

namespace {

struct Word
{
    qsizetype start = 0;
    qsizetype end = 0; // one past "?="
    QByteArrayView charset;
    char encoding = 0;
    QByteArrayView text;
};

// Finds the next well-enough-formed encoded word at or after `from`.
bool nextWord(QByteArrayView raw, qsizetype from, Word &word)
{
    qsizetype start = raw.indexOf("=?", from);
    qsizetype knownClose = -2;
    while (start >= 0) {
        const qsizetype q1 = raw.indexOf('?', start + 2);
        if (q1 < 0 || q1 + 2 >= raw.size())
            return false;
        const char enc = raw[q1 + 1];
        const QByteArrayView charset = raw.sliced(start + 2, q1 - start - 2);
        bool charsetOk = !charset.isEmpty() && charset.size() < 64;
        for (char c : charset)
            charsetOk = charsetOk && c > ' ' && c != '=' && c != '"';
        if (charsetOk && (enc == 'B' || enc == 'b' || enc == 'Q' || enc == 'q') &&
            raw[q1 + 2] == '?') {
            const qsizetype textStart = q1 + 3;
            // The first "?=" after a candidate; searched again only when a later candidate
            // starts beyond it, so a header full of unterminated words stays linear.
            if (knownClose != -1 && knownClose < textStart)
                knownClose = raw.indexOf("?=", textStart);
            const qsizetype close = knownClose;
            if (close < 0)
                return false; // nothing after this point can close a word
            // "?==" inside B text is padding followed by the terminator.
            if (close >= 0) {
                const qsizetype nextOpen = raw.indexOf("=?", textStart);
                if (nextOpen < 0 || nextOpen >= close || enc == 'B' || enc == 'b') {
                    word.start = start;
                    word.end = close + 2;
                    word.charset = charset;
                    word.encoding = static_cast<char>(enc & ~0x20);
                    word.text = raw.sliced(textStart, close - textStart);
                    return true;
                }
            }
        }
        start = raw.indexOf("=?", start + 2);
    }
    return false;
}

bool onlyBlanks(QByteArrayView v)
{
    for (char c : v) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    }
    return true;
}

QByteArrayView stripLanguage(QByteArrayView charset)
{
    const qsizetype star = charset.indexOf('*');
    return star < 0 ? charset : charset.first(star);
}

} // namespace

QString EncodedWords::decodeRaw(QByteArrayView raw, QByteArrayView fallbackCharset)
{
    if (Charset::isAscii(raw))
        return QString::fromLatin1(raw);
    if (Charset::isValidUtf8(raw))
        return QString::fromUtf8(raw);
    return Charset::decode(raw, fallbackCharset).text;
}

QString EncodedWords::decode(QByteArrayView raw, QByteArrayView fallbackCharset)
{
    Word word;
    if (!nextWord(raw, 0, word))
        return decodeRaw(raw, fallbackCharset);

    QString out;
    qsizetype pos = 0;
    QByteArray pending; // decoded bytes of adjacent words in one charset
    QByteArrayView pendingCharset;
    auto flush = [&] {
        if (!pending.isEmpty())
            out += Charset::decode(pending, pendingCharset).text;
        pending.clear();
    };
    bool previousWasWord = false;
    do {
        const QByteArrayView between = raw.sliced(pos, word.start - pos);
        const bool adjacent = previousWasWord && onlyBlanks(between);
        if (!adjacent) {
            flush();
            out += decodeRaw(between, fallbackCharset);
        }
        const QByteArrayView charset = stripLanguage(word.charset);
        if (adjacent && charset.compare(pendingCharset, Qt::CaseInsensitive) != 0)
            flush();
        pendingCharset = charset;
        if (word.encoding == 'B')
            pending += TransferEncoding::decodeBase64(word.text);
        else
            pending += TransferEncoding::decodeQ(word.text);
        previousWasWord = true;
        pos = word.end;
    } while (nextWord(raw, pos, word));
    flush();
    out += decodeRaw(raw.sliced(pos), fallbackCharset);
    return out;
}

} // namespace Poplar::Mime
