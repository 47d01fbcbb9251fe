#pragma once

#include <QString>

namespace Poplar::App {

// Loads Poplar's and Qt's own translations for the given language ("zh_CN", "zh_TW", ...), or
// for the system's UI languages when it is empty. English needs no translation file.
void installTranslations(const QString &language);

} // namespace Poplar::App
