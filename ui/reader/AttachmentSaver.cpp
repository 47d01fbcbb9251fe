#include "ui/reader/AttachmentSaver.h"

#include "ui/common/FileNameSanitizer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>

namespace Poplar::Ui {

QString AttachmentSaver::targetPath(const QString &folder, const Mime::Attachment &attachment)
{
    return QDir(folder).filePath(FileNameSanitizer::sanitize(attachment.filename));
}

AttachmentSaver::Outcome AttachmentSaver::save(const QString &folder,
                                               const QList<Mime::Attachment> &attachments,
                                               const OverwriteQuestion &mayOverwrite)
{
    Outcome outcome;
    QSet<QString> used;
    for (const Mime::Attachment &attachment : attachments) {
        QString path = targetPath(folder, attachment);
        // Two attachments with the same name in one message: number the later ones.
        if (used.contains(path)) {
            const QFileInfo info(path);
            const QString suffix =
                info.completeSuffix().isEmpty() ? QString() : u'.' + info.completeSuffix();
            for (int n = 2; used.contains(path); ++n)
                path = QDir(folder).filePath(info.baseName() + QStringLiteral(" (%1)").arg(n) +
                                             suffix);
        }
        used.insert(path);
        if (QFileInfo::exists(path) && !(mayOverwrite && mayOverwrite(path))) {
            outcome.skipped.append(path);
            continue;
        }
        const QString error = writeFile(path, attachment.data);
        if (error.isEmpty())
            outcome.saved.append(path);
        else
            outcome.errors.append(error);
    }
    return outcome;
}

QString AttachmentSaver::writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return QCoreApplication::translate("Poplar::Ui::AttachmentSaver", "Could not save %1: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

} // namespace Poplar::Ui
