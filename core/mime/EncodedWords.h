#pragma once

#include <QByteArrayView>
#include <QString>

namespace Poplar::Mime {

// RFC 2047 encoded words in header text ("=?charset?B|Q?text?="), with the tolerance readers
// need: adjacent words joined (also when one multi-byte character is split across two words),
// lower-case encodings, words glued to other text, blanks inside Q text, RFC 2231 language tags,
// and raw 8-bit text (UTF-8 per RFC 6532, else decoded with `fallbackCharset` or guessed).
class EncodedWords
{
public:
    static QString decode(QByteArrayView raw, QByteArrayView fallbackCharset = {});
    // Raw header bytes without encoded words: UTF-8 if valid, else the fallback or a guess.
    static QString decodeRaw(QByteArrayView raw, QByteArrayView fallbackCharset = {});
};

} // namespace Poplar::Mime
