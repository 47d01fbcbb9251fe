#pragma once

#include <QKeySequence>
#include <QString>

class QAction;
class QObject;

namespace Poplar::Ui {

// A command of a window as a QAction: its text, the object name tests find it by and its
// shortcut (none when empty), which works anywhere in the window.
QAction *makeAction(QObject *parent, const QString &text, const QString &objectName,
                    const QKeySequence &shortcut = {});

} // namespace Poplar::Ui
