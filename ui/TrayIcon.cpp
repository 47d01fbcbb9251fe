#include "ui/TrayIcon.h"

#include "ui/NewMailNotifier.h"

#include <QApplication>
#include <QFont>
#include <QMenu>
#include <QPainter>
#include <QPalette>
#include <QWidget>

namespace Poplar::Ui {

TrayIcon::TrayIcon(NewMailNotifier *notifier, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_notifier(notifier)
    , m_window(window)
{
    m_tray = new QSystemTrayIcon(this);
    m_menu = new QMenu;
    m_menu->addAction(tr("Show Poplar"), this, &TrayIcon::raiseWindow);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), qApp, &QApplication::closeAllWindows);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, &TrayIcon::onActivated);
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayIcon::raiseWindow);
    connect(m_notifier, &NewMailNotifier::unreadCountChanged, this, &TrayIcon::update);
    connect(m_notifier, &NewMailNotifier::newMail, this,
            [this](const QString &title, const QString &message) {
                m_tray->showMessage(title, message, m_tray->icon());
            });
    update();
    m_tray->show();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

QIcon TrayIcon::iconWithCount(const QIcon &base, qint64 count)
{
    if (count <= 0)
        return base;
    const int size = 64;
    QPixmap pixmap = base.pixmap(size, size);
    if (pixmap.isNull()) {
        pixmap = QPixmap(size, size);
        pixmap.fill(Qt::transparent);
    }
    const QString text = count > 999 ? QStringLiteral("999+") : QString::number(count);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(text.size() > 2 ? 20 : 26);
    painter.setFont(font);
    const int width = std::max(34, painter.fontMetrics().horizontalAdvance(text) + 12);
    const QRect badge(size - width, 0, width, 34);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xd3, 0x2f, 0x2f));
    painter.drawRoundedRect(badge, 17, 17);
    painter.setPen(Qt::white);
    painter.drawText(badge, Qt::AlignCenter, text);
    painter.end();
    return QIcon(pixmap);
}

void TrayIcon::update()
{
    const QIcon base = m_window && !m_window->windowIcon().isNull() ? m_window->windowIcon()
                                                                    : QApplication::windowIcon();
    m_tray->setIcon(iconWithCount(base, m_notifier->unreadCount()));
    m_tray->setToolTip(m_notifier->toolTip());
}

void TrayIcon::raiseWindow()
{
    if (!m_window)
        return;
    if (m_window->isMinimized())
        m_window->showNormal();
    else
        m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void TrayIcon::onActivated(QSystemTrayIcon::ActivationReason reason)
{
    if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
        raiseWindow();
}

} // namespace Poplar::Ui
