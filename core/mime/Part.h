#pragma once

#include "mime/HeaderList.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace Poplar::Mime {

// One node of the MIME tree.
struct Part
{
    enum class Kind
    {
        Leaf,
        Multipart,
        Message
    };

    // A parser limit stopped here: the part was not opened (too many parts), or the parts
    // below the depth limit are its children, listed flat, leaves only.
    enum class Limit
    {
        None,
        TooDeep,
        TooManyParts
    };

    Kind kind = Kind::Leaf;
    Limit limitReached = Limit::None;
    QString path; // "1", "1.2", ... as IMAP numbers parts; the top part of a message is ""
    HeaderList headers;
    QByteArray mimeType;         // lower case, "text/plain" when missing or unusable
    QByteArray charsetLabel;     // as declared
    QByteArray transferEncoding; // lower case
    QByteArray disposition;      // "inline", "attachment" or empty
    QString filename;            // decoded, from Content-Disposition filename or Content-Type name
    QString contentId;           // without angle brackets
    QString description;
    QByteArray body;            // transfer-decoded bytes (leaves only)
    qsizetype encodedSize = 0;  // bytes of the body as it came
    std::vector<Part> children; // Multipart: its parts; Message: the embedded message's top part

    bool isText() const { return mimeType.startsWith("text/"); }
    bool isMultipart() const { return kind == Kind::Multipart; }
    // Depth-first search by path or Content-ID; nullptr if absent.
    const Part *find(QStringView path) const;
    const Part *findByContentId(QStringView contentId) const;
};

} // namespace Poplar::Mime
