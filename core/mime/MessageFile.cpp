#include "mime/MessageFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Poplar::Mime {

namespace {

MessageFile failure(const QString &error)
{
    return {{}, error};
}

QString cannotRead(const QString &shown, const QFile &file)
{
    return QCoreApplication::translate("Poplar::Mime::MessageFile", "Cannot read %1: %2")
        .arg(shown, file.errorString());
}

QString tooLarge(const QString &shown)
{
    return QCoreApplication::translate(
               "Poplar::Mime::MessageFile",
               "%1 is larger than 512 MB, too large to be an email message.")
        .arg(shown);
}

} // namespace

MessageFile MessageFile::read(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists())
        return failure(
            QCoreApplication::translate("Poplar::Mime::MessageFile", "%1 does not exist.")
                .arg(shown));
    if (info.isDir())
        return failure(QCoreApplication::translate("Poplar::Mime::MessageFile",
                                                   "%1 is a folder, not a message.")
                           .arg(shown));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(cannotRead(shown, file));
    // Checked on the open file, and again while reading: a pipe or a growing file has no
    // size worth trusting.
    if (file.size() > maxSize)
        return failure(tooLarge(shown));
    QByteArray raw;
    raw.reserve(file.size());
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(1 << 20);
        if (chunk.isEmpty() && file.error() != QFileDevice::NoError)
            return failure(cannotRead(shown, file));
        if (chunk.isEmpty())
            break;
        raw += chunk;
        if (raw.size() > maxSize)
            return failure(tooLarge(shown));
    }
    // An empty file is an empty message (what a broken server may deliver); the parser says so.
    return {raw, {}};
}

} // namespace Poplar::Mime
