#include "ui/common/Actions.h"

#include <QAction>

namespace Poplar::Ui {

QAction *makeAction(QObject *parent, const QString &text, const QString &objectName,
                    const QKeySequence &shortcut)
{
    auto *action = new QAction(text, parent);
    action->setObjectName(objectName);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    return action;
}

} // namespace Poplar::Ui
