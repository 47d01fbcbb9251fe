#pragma once

#include <QByteArray>
#include <QString>

namespace Poplar::Mime {

// One message read from a file such as a saved .eml, or the reason in words why it cannot
// be: missing, unreadable, a folder or too large to be a message. An empty file is read as
// an empty message, which MessageParser shows with a note.
struct MessageFile
{
    // Far above any real message (servers refuse mail past tens of MB), far below what
    // would exhaust memory when the file is parsed.
    static constexpr qint64 maxSize = 512LL * 1024 * 1024;

    QByteArray raw;
    QString error; // empty when raw holds the file

    static MessageFile read(const QString &path);
};

} // namespace Poplar::Mime
