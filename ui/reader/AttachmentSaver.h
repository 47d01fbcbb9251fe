#pragma once

#include "mime/Message.h"

#include <QList>
#include <QString>

#include <functional>

namespace Poplar::Ui {

// Writes attachments into a folder under sanitized names (see FileNameSanitizer). Whether an
// existing file may be replaced is asked through a callback (the window shows a question;
// tests answer directly). Files are written atomically (QSaveFile).
class AttachmentSaver
{
public:
    // Called with the full path of a file that exists; true replaces it.
    using OverwriteQuestion = std::function<bool(const QString &path)>;

    struct Outcome
    {
        QStringList saved;   // full paths written
        QStringList skipped; // full paths the user chose not to replace
        QStringList errors;  // sentences for the user
    };

    // The path an attachment would be saved under in folder.
    static QString targetPath(const QString &folder, const Mime::Attachment &attachment);
    static Outcome save(const QString &folder, const QList<Mime::Attachment> &attachments,
                        const OverwriteQuestion &mayOverwrite);
    // Writes data to path (already chosen and confirmed by the user). Empty on success.
    static QString writeFile(const QString &path, const QByteArray &data);
};

} // namespace Poplar::Ui
