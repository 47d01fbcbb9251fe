#pragma once

#include <QIcon>
#include <QObject>
#include <QPointer>
#include <QSystemTrayIcon>

class QAction;
class QMenu;
class QWidget;

namespace Poplar::Ui {

class NewMailNotifier;

// Poplar in the system tray: the application icon with the number of unread messages on it
// and in the tooltip, the notifier's "new mail" messages as balloons, and a click that brings
// the window back. Create it only when QSystemTrayIcon::isSystemTrayAvailable().
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    TrayIcon(NewMailNotifier *notifier, QWidget *window, QObject *parent = nullptr);
    ~TrayIcon() override;

    QSystemTrayIcon *systemTrayIcon() const { return m_tray; }

    // The icon with a badge for count (none when 0; "999+" above 999).
    static QIcon iconWithCount(const QIcon &base, qint64 count);

private:
    void update();
    void raiseWindow();
    void onActivated(QSystemTrayIcon::ActivationReason reason);

    NewMailNotifier *m_notifier;
    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
};

} // namespace Poplar::Ui
