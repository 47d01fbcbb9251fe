#include "ui/reader/MessageWindow.h"

#include "ui/reader/MessageView.h"

#include "mime/MessageFile.h"

#include <QAction>
#include <QFileInfo>
#include <QMenuBar>
#include <QStatusBar>
#include <QUrl>

namespace Poplar::Ui {

MessageWindow::MessageWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_view(new MessageView(nullptr, nullptr, this))
{
    setObjectName(QStringLiteral("messageWindow"));
    setCentralWidget(m_view);
    connect(m_view, &MessageView::linkHovered, this, [this](const QUrl &url) {
        if (url.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(url.toDisplayString());
    });

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_view->saveAsAction());
    fileMenu->addSeparator();
    QAction *close = fileMenu->addAction(tr("&Close"), this, &QWidget::close);
    close->setShortcut(QKeySequence::Close);
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_view->plainTextAction());
    viewMenu->addAction(m_view->viewSourceAction());
    resize(900, 700);
}

QString MessageWindow::openFile(const QString &path)
{
    const Mime::MessageFile file = Mime::MessageFile::read(path);
    if (!file.error.isEmpty())
        return file.error;
    m_view->showRaw(file.raw);
    QString subject = m_view->message().subject;
    if (subject.isEmpty())
        subject = QFileInfo(path).fileName();
    // "[*]" in a title is Qt's placeholder for the modified mark; doubled it shows as written.
    subject.replace(QStringLiteral("[*]"), QStringLiteral("[*][*]"));
    setWindowTitle(tr("%1 — Poplar").arg(subject));
    return {};
}

} // namespace Poplar::Ui
