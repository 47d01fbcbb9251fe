#pragma once

#include <QString>

namespace Poplar::Ui {

// Makes a file name from a message (an attachment's name, a subject) safe to create in a
// folder the user chose: no path separators or traversal, no control or format characters,
// none of the characters Windows refuses, no name Windows reserves (CON, NUL, COM1, ...),
// no leading or trailing dots and spaces, at most 200 characters (extension kept). Never
// returns an empty name: fallback is used instead.
class FileNameSanitizer
{
public:
    static QString sanitize(const QString &name,
                            const QString &fallback = QStringLiteral("attachment"));
    // True for names whose type runs code when opened (.exe, .bat, .js, .desktop, ...).
    static bool isExecutable(const QString &name);
};

} // namespace Poplar::Ui
