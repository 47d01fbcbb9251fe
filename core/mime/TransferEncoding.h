#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace Poplar::Mime {

// A file found uuencoded inside a text body.
struct UuencodedFile
{
    QString filename;
    QByteArray data;
};

// Content-Transfer-Encoding decoders, tolerant the way mainstream readers are.
class TransferEncoding
{
public:
    // Skips whitespace and stray characters, accepts missing or early padding and the URL-safe
    // alphabet.
    static QByteArray decodeBase64(QByteArrayView encoded);
    // Soft line breaks (also with trailing blanks), either case of hex; a bad escape is kept as
    // written.
    static QByteArray decodeQuotedPrintable(QByteArrayView encoded);
    // RFC 2047 "Q": like quoted-printable, with '_' for a space.
    static QByteArray decodeQ(QByteArrayView encoded);
    // Decodes by the header value ("base64", "quoted-printable", "x-uuencode"; anything else
    // is taken as 7bit/8bit/binary).
    static QByteArray decode(QByteArrayView encoded, QByteArrayView encoding);

    // Removes "begin NNN name ... end" blocks from `text` and returns the files they hold.
    static QList<UuencodedFile> extractUuencoded(QString &text);
    // RFC 3676 format=flowed to plain lines; quoted lines keep their depth as "> " prefixes.
    static QString unflow(QStringView text, bool delSp);
};

} // namespace Poplar::Mime
