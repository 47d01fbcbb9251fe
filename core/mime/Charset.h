#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Poplar::Mime {

// Bytes to text in the charsets mail uses. Labels are normalised the way mainstream mail
// readers do (GB2312 and GBK decode as GB18030, Big5 as Big5-HKSCS, Shift_JIS as Windows-31J,
// EUC-KR as Windows-949, ISO-8859-1 as Windows-1252). A missing, unknown or wrong label falls
// back to a guess from the bytes, and the result says so.
struct DecodedText
{
    QString text;
    QByteArray charset;   // the decoder actually used, e.g. "GB18030"
    bool guessed = false; // the label was missing, unknown or did not fit the bytes
};

class Charset
{
public:
    // The decoder name Poplar uses for a label, or an empty array if the label is unknown.
    static QByteArray canonicalName(QByteArrayView label);

    // Decodes with the label; falls back to guess() when the label is missing, unknown or the
    // bytes are clearly not in it. Never returns empty text for non-empty input.
    static DecodedText decode(QByteArrayView bytes, QByteArrayView label);

    // The best guess for unlabelled bytes: ASCII, UTF-8, ISO-2022-JP escapes, then the CJK
    // multi-byte charsets by how plausible their result is, then Windows-1252.
    static DecodedText guess(QByteArrayView bytes);

    static bool isAscii(QByteArrayView bytes);
    static bool isValidUtf8(QByteArrayView bytes);
};

} // namespace Poplar::Mime
