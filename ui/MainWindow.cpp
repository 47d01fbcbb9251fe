#include "MainWindow.h"

#include "AboutDialog.h"
#include "WelcomeView.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTreeView>

namespace Poplar::Ui {

namespace {
const auto kGeometryKey = QStringLiteral("MainWindow/geometry");
const auto kStateKey = QStringLiteral("MainWindow/state");
const auto kSplitterKey = QStringLiteral("MainWindow/splitter");
} // namespace

MainWindow::MainWindow(const QString &settingsPath, QWidget *parent)
    : QMainWindow(parent)
    , m_settingsPath(settingsPath)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Poplar"));

    m_folderView = new QTreeView(this);
    m_folderView->setObjectName(QStringLiteral("folderView"));
    m_folderView->setAccessibleName(tr("Folders"));
    auto *folders = new QStandardItemModel(m_folderView);
    folders->setHorizontalHeaderLabels({tr("Folders")});
    folders->appendRow(new QStandardItem(tr("All accounts")));
    m_folderView->setModel(folders);
    m_folderView->setRootIsDecorated(false);
    m_folderView->header()->setStretchLastSection(true);

    m_welcome = new WelcomeView(this);
    m_listStack = new QStackedWidget(this);
    m_listStack->setObjectName(QStringLiteral("messageListStack"));
    m_listStack->addWidget(m_welcome);

    m_messageView = new QTextBrowser(this);
    m_messageView->setObjectName(QStringLiteral("messageView"));
    m_messageView->setAccessibleName(tr("Message"));
    m_messageView->setOpenLinks(false);
    m_messageView->setPlaceholderText(tr("Select a message to read it here."));

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_folderView);
    m_splitter->addWidget(m_listStack);
    m_splitter->addWidget(m_messageView);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setStretchFactor(2, 3);
    m_splitter->setSizes({220, 520, 660});
    setCentralWidget(m_splitter);

    createActions();
    statusBar()->showMessage(tr("Offline"));
    resize(1400, 860);
    restoreLayout();
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(tr("&About Poplar"), this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
    about->setObjectName(QStringLiteral("actionAbout"));
}

void MainWindow::restoreLayout()
{
    QSettings settings(m_settingsPath, QSettings::IniFormat);
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    m_splitter->restoreState(settings.value(kSplitterKey).toByteArray());
}

void MainWindow::saveLayout() const
{
    QSettings settings(m_settingsPath, QSettings::IniFormat);
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kSplitterKey, m_splitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

} // namespace Poplar::Ui
