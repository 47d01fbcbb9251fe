#include "ui/MainWindow.h"

#include "ui/AboutDialog.h"
#include "ui/NewMailNotifier.h"
#include "ui/SyncStatusWidget.h"
#include "ui/TrayIcon.h"
#include "ui/WelcomeView.h"
#include "ui/common/ItemRoles.h"
#include "ui/common/Logging.h"
#include "ui/common/SafeTextBrowser.h"
#include "ui/compose/ComposeActions.h"
#include "ui/compose/OutboxModel.h"
#include "ui/compose/OutboxView.h"
#include "ui/reader/FolderModel.h"
#include "ui/reader/MailActions.h"
#include "ui/reader/MessageListModel.h"
#include "ui/reader/MessageView.h"

#include "send/SendQueue.h"
#include "store/StoreWriter.h"
#include "sync/SyncManager.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace Poplar::Ui {

namespace {
const auto kGeometryKey = QStringLiteral("MainWindow/geometry");
const auto kStateKey = QStringLiteral("MainWindow/state");
const auto kSplitterKey = QStringLiteral("MainWindow/splitter");
const auto kListHeaderKey = QStringLiteral("MessageList/header");
const auto kGroupByThreadKey = QStringLiteral("MessageList/groupByThread");
const auto kMarkReadDelayKey = QStringLiteral("Reader/markReadDelayMs");
const auto kAutosaveKey = QStringLiteral("Composer/autosaveSeconds");
constexpr int kDefaultMarkReadDelayMs = 0;
} // namespace

MainWindow::MainWindow(const QString &settingsPath, QWidget *parent)
    : MainWindow(MailContext{settingsPath, nullptr, QString(), nullptr}, parent)
{}

MainWindow::MainWindow(const MailContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Poplar"));

    if (m_context.writer && m_context.writer->isOpen())
        openReader();

    m_folderModel = new FolderModel(&m_reader, m_context.writer, this);
    m_listModel = new MessageListModel(&m_reader, m_context.writer, this);
    m_notifier = new NewMailNotifier(&m_reader, m_context.writer, m_context.settingsPath, this);
    buildPanes();
    m_actions =
        new MailActions(&m_reader, m_context.writer, m_context.sync, m_listModel, m_listView, this);
    m_compose = new ComposeActions(&m_reader, m_context.writer, m_context.accounts, this);
    connect(m_compose, &ComposeActions::queued, this, &MainWindow::messageQueued);
    connect(m_outbox, &OutboxView::draftReady, m_compose, &ComposeActions::openDraft);
    if (const int seconds =
            QSettings(m_context.settingsPath, QSettings::IniFormat).value(kAutosaveKey, 0).toInt();
        seconds > 0)
        m_compose->setAutosaveInterval(seconds * 1000);
    createMenus();
    // Search results arrive from the search thread: the selection may have changed with them.
    connect(m_listModel, &MessageListModel::searchShown, m_actions, &MailActions::updateEnabled);
    connect(m_listModel, &MessageListModel::loadFailed, this,
            [this](const QString &error) { statusBar()->showMessage(error); });

    m_markReadTimer = new QTimer(this);
    m_markReadTimer->setSingleShot(true);
    m_markReadTimer->setInterval(QSettings(m_context.settingsPath, QSettings::IniFormat)
                                     .value(kMarkReadDelayKey, kDefaultMarkReadDelayMs)
                                     .toInt());
    connect(m_markReadTimer, &QTimer::timeout, this, &MainWindow::markCurrentRead);

    if (m_context.writer && !m_context.writer->isOpen())
        connect(m_context.writer, &Store::StoreWriter::opened, this, [this] {
            openReader();
            m_folderModel->refreshCounts();
            m_listModel->refresh();
            m_notifier->refreshUnread();
        });
    if (m_context.sync) {
        connect(m_context.sync, &Sync::SyncManager::accountsChanged, this,
                &MainWindow::updateAccounts);
        connect(m_context.sync, &Sync::SyncManager::busyChanged, m_notifier,
                &NewMailNotifier::setSyncing);
    }
    if (m_context.send) {
        connect(m_context.send, &Send::SendQueue::sendingMessage, this,
                [this](const QString &, qint64, int index, int total) {
                    statusBar()->showMessage(tr("Sending message %1 of %2…").arg(index).arg(total));
                });
        connect(m_context.send, &Send::SendQueue::messageSent, this,
                [this] { statusBar()->showMessage(tr("Message sent."), 5000); });
        connect(m_context.send, &Send::SendQueue::messageNotSent, this,
                [this](const QString &, qint64, Store::OutgoingRecord::State state,
                       const QString &reason) {
                    if (state == Store::OutgoingRecord::State::Queued)
                        statusBar()->showMessage(
                            tr("Not sent yet: %1 Poplar tries again later.").arg(reason));
                    else
                        statusBar()->showMessage(tr("A message was not sent; it waits in the "
                                                    "Outbox."));
                });
    }
    if (QSystemTrayIcon::isSystemTrayAvailable())
        m_tray = new TrayIcon(m_notifier, this, this);

    resize(1400, 860);
    restoreLayout();
    updateAccounts();
}

MainWindow::~MainWindow() = default;

void MainWindow::openReader()
{
    if (m_reader.isOpen() || m_context.databasePath.isEmpty())
        return;
    if (const Store::StoreError error = m_reader.open(m_context.databasePath))
        qCWarning(lcUi) << "cannot open the store for reading:" << error.message();
}

void MainWindow::buildPanes()
{
    m_folderView = new QTreeView(this);
    m_folderView->setObjectName(QStringLiteral("folderView"));
    m_folderView->setAccessibleName(tr("Folders"));
    m_folderView->setModel(m_folderModel);
    m_folderView->setHeaderHidden(true);
    m_folderView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_folderView->expandAll();
    connect(m_folderView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onFolderSelected);
    connect(m_folderModel, &QAbstractItemModel::rowsInserted, m_folderView, &QTreeView::expandAll);

    m_welcome = new WelcomeView(this);
    connect(m_welcome, &WelcomeView::addAccountRequested, this, &MainWindow::addAccountRequested);

    m_listPane = new QWidget(this);
    m_listPane->setObjectName(QStringLiteral("listPane"));
    m_searchField = new QLineEdit(m_listPane);
    m_searchField->setObjectName(QStringLiteral("searchField"));
    m_searchField->setPlaceholderText(tr("Search mail (Ctrl+F)"));
    m_searchField->setAccessibleName(tr("Search mail"));
    m_searchField->setClearButtonEnabled(true);
    m_searchScope = new QComboBox(m_listPane);
    m_searchScope->setObjectName(QStringLiteral("searchScope"));
    m_searchScope->setAccessibleName(tr("Where to search"));
    m_searchScope->addItem(tr("This account"));
    m_searchScope->addItem(tr("All accounts"));
    connect(m_searchField, &QLineEdit::textChanged, this, &MainWindow::updateSearch);
    connect(m_searchScope, &QComboBox::currentIndexChanged, this, &MainWindow::updateSearch);

    m_listView = new QTreeView(m_listPane);
    m_listView->setObjectName(QStringLiteral("messageList"));
    m_listView->setAccessibleName(tr("Messages"));
    m_listView->setRootIsDecorated(false);
    m_listView->setUniformRowHeights(true);
    m_listView->setAlternatingRowColors(true);
    m_listView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_listView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listView->setAllColumnsShowFocus(true);
    m_listView->setModel(m_listModel);
    QHeaderView *header = m_listView->header();
    header->setSortIndicator(MessageListModel::Date, Qt::DescendingOrder);
    m_listView->setSortingEnabled(true);
    header->setStretchLastSection(false);
    for (int column :
         {MessageListModel::Star, MessageListModel::Unread, MessageListModel::Attachment})
        header->resizeSection(column, 28);
    header->resizeSection(MessageListModel::From, 150);
    header->resizeSection(MessageListModel::Subject, 320);
    header->resizeSection(MessageListModel::Date, 150);
    header->resizeSection(MessageListModel::Size, 75);
    header->setSectionResizeMode(MessageListModel::Subject, QHeaderView::Stretch);
    connect(m_listView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onCurrentMessageChanged);
    connect(m_listView, &QAbstractItemView::activated, this, &MainWindow::onMessageActivated);

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_searchField, 1);
    searchRow->addWidget(m_searchScope);
    auto *listLayout = new QVBoxLayout(m_listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(searchRow);
    listLayout->addWidget(m_listView, 1);

    m_listStack = new QStackedWidget(this);
    m_listStack->setObjectName(QStringLiteral("messageListStack"));
    m_listStack->addWidget(m_welcome);
    m_listStack->addWidget(m_listPane);
    m_outbox = new OutboxView(&m_reader, m_context.writer, this);
    m_listStack->addWidget(m_outbox);
    if (m_context.send)
        connect(m_outbox, &OutboxView::sendRequested, m_context.send,
                [this](const QString &accountId) { m_context.send->send(accountId, true); });

    m_messageView = new MessageView(&m_reader, m_context.writer, this);
    connect(m_messageView, &MessageView::linkHovered, this, [this](const QUrl &url) {
        if (url.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(url.toDisplayString());
    });
    if (m_context.sync)
        connect(m_messageView, &MessageView::downloadFullRequested, m_context.sync,
                &Sync::SyncManager::fetchFull);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_folderView);
    m_splitter->addWidget(m_listStack);
    m_splitter->addWidget(m_messageView);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setStretchFactor(2, 3);
    m_splitter->setSizes({200, 680, 520});
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_syncStatus = new SyncStatusWidget(m_context.sync, this);
    statusBar()->addPermanentWidget(m_syncStatus);
    setTabOrder(m_folderView, m_searchField);
    setTabOrder(m_searchField, m_searchScope);
    setTabOrder(m_searchScope, m_listView);
    setTabOrder(m_listView, m_messageView->browser());
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_compose->newMessage());
    fileMenu->addAction(m_actions->getMail());
    QAction *sendUnsent = fileMenu->addAction(tr("Send U&nsent Messages"), this, [this] {
        if (m_context.send)
            m_context.send->sendAll(true);
    });
    sendUnsent->setObjectName(QStringLiteral("actionSendUnsent"));
    sendUnsent->setStatusTip(tr("Send every message waiting in the Outbox now"));
    sendUnsent->setEnabled(m_context.send != nullptr);
    fileMenu->addSeparator();
    QAction *addAccount =
        fileMenu->addAction(tr("Add &Account…"), this, &MainWindow::addAccountRequested);
    addAccount->setObjectName(QStringLiteral("actionAddAccount"));
    m_editAccount = fileMenu->addAction(tr("Account S&ettings…"), this, [this] {
        if (const QString id = selectedAccount(); !id.isEmpty())
            emit editAccountRequested(id);
    });
    m_editAccount->setObjectName(QStringLiteral("actionEditAccount"));
    m_removeAccount = fileMenu->addAction(tr("&Remove Account…"), this, [this] {
        if (const QString id = selectedAccount(); !id.isEmpty())
            emit removeAccountRequested(id);
    });
    m_removeAccount->setObjectName(QStringLiteral("actionRemoveAccount"));
    fileMenu->addAction(m_messageView->saveAsAction());
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *find = editMenu->addAction(tr("&Search…"), this, [this] {
        m_searchField->setFocus(Qt::ShortcutFocusReason);
        m_searchField->selectAll();
    });
    find->setObjectName(QStringLiteral("actionSearch"));
    find->setShortcut(QKeySequence::Find);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_messageView->plainTextAction());
    viewMenu->addAction(m_messageView->viewSourceAction());
    viewMenu->addSeparator();
    QAction *notify = viewMenu->addAction(tr("&Notify on New Mail"));
    notify->setObjectName(QStringLiteral("actionNotifyNewMail"));
    notify->setCheckable(true);
    notify->setChecked(m_notifier->notificationsEnabled());
    notify->setStatusTip(tr("Show a message in the system tray when a sync brings new mail"));
    connect(notify, &QAction::toggled, m_notifier, &NewMailNotifier::setNotificationsEnabled);
    m_groupByThread = viewMenu->addAction(tr("Group by &Thread"));
    m_groupByThread->setObjectName(QStringLiteral("actionGroupByThread"));
    m_groupByThread->setCheckable(true);
    m_groupByThread->setStatusTip(
        tr("Show the messages of a conversation together, the newest conversation first"));
    connect(m_groupByThread, &QAction::toggled, this, &MainWindow::setGroupedByThread);

    QMenu *goMenu = menuBar()->addMenu(tr("&Go"));
    goMenu->addAction(m_actions->nextUnread());
    goMenu->addAction(m_actions->previousUnread());

    QMenu *messageMenu = menuBar()->addMenu(tr("&Message"));
    messageMenu->addAction(m_compose->newMessage());
    messageMenu->addActions(m_compose->onMessage());
    messageMenu->addSeparator();
    messageMenu->addAction(m_actions->markRead());
    messageMenu->addAction(m_actions->markUnread());
    messageMenu->addAction(m_actions->toggleStar());
    messageMenu->addSeparator();
    messageMenu->addAction(m_actions->deleteMessages());
    messageMenu->addAction(m_actions->restore());
    messageMenu->addAction(m_actions->emptyTrash());

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(tr("&About Poplar"), this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
    about->setObjectName(QStringLiteral("actionAbout"));

    QToolBar *toolBar = addToolBar(tr("Main Toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addAction(m_actions->getMail());
    toolBar->addAction(m_compose->newMessage());
    toolBar->addSeparator();
    toolBar->addAction(m_compose->reply());
    toolBar->addAction(m_compose->replyAll());
    toolBar->addAction(m_compose->forward());
    toolBar->addSeparator();
    toolBar->addAction(m_actions->markRead());
    toolBar->addAction(m_actions->markUnread());
    toolBar->addAction(m_actions->toggleStar());
    toolBar->addAction(m_actions->deleteMessages());
    toolBar->addAction(m_actions->restore());

    // The folder pane's context menu offers the account commands.
    m_folderView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_folderView->addActions({addAccount, m_editAccount, m_removeAccount});

    // The list's context menu offers the same commands.
    m_messageView->addHeaderActions(
        {m_compose->reply(), m_compose->replyAll(), m_compose->forward()});
    m_listView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_listView->addActions(m_compose->onMessage());
    auto *separator = new QAction(m_listView);
    separator->setSeparator(true);
    m_listView->addAction(separator);
    m_listView->addActions({m_actions->markRead(), m_actions->markUnread(), m_actions->toggleStar(),
                            m_actions->deleteMessages(), m_actions->restore()});
}

void MainWindow::updateAccounts()
{
    QList<FolderModel::AccountEntry> entries;
    if (m_context.sync)
        for (const Sync::SyncAccount &account : m_context.sync->accounts())
            entries.append({account.id, account.name});
    const QString account = m_listModel->account();
    const auto folder = m_listModel->folder();
    m_folderModel->setAccounts(entries);
    m_folderView->expandAll();
    const bool haveAccounts = !entries.isEmpty();
    m_searchField->setEnabled(haveAccounts);
    const bool outboxShown = m_listStack->currentWidget() == m_outbox;
    QModelIndex current = outboxShown ? m_folderModel->outboxIndexFor(m_outbox->model()->account())
                                      : m_folderModel->indexFor(account, folder);
    if (!current.isValid())
        current = m_folderModel->indexFor(QString(), Store::Folder::Inbox);
    m_folderView->setCurrentIndex(current);
    showPaneFor(current);
    updateAccountActions();
}

void MainWindow::updateAccountActions()
{
    if (!m_editAccount)
        return;
    const bool haveAccount = !selectedAccount().isEmpty();
    m_editAccount->setEnabled(haveAccount);
    m_removeAccount->setEnabled(haveAccount);
}

QString MainWindow::selectedAccount() const
{
    const QString account = m_folderView->currentIndex().data(AccountRole).toString();
    if (!account.isEmpty() || !m_context.sync)
        return account;
    const QList<Sync::SyncAccount> accounts = m_context.sync->accounts();
    return accounts.size() == 1 ? accounts.first().id : QString();
}

void MainWindow::showPaneFor(const QModelIndex &folder)
{
    QWidget *pane = m_welcome;
    if (m_context.sync && !m_context.sync->accounts().isEmpty())
        pane = folder.data(OutboxRole).toBool() ? static_cast<QWidget *>(m_outbox) : m_listPane;
    m_listStack->setCurrentWidget(pane);
}

void MainWindow::onFolderSelected()
{
    const QModelIndex index = m_folderView->currentIndex();
    if (!index.isValid())
        return;
    showPaneFor(index);
    const QString account = index.data(AccountRole).toString();
    if (index.data(OutboxRole).toBool()) {
        // The hidden list's selection must not be what Delete or Reply act on.
        m_listView->selectionModel()->clear();
        m_actions->updateEnabled();
        m_outbox->setAccount(account);
        m_compose->setCurrentMessage(0);
        m_messageView->clear();
        updateAccountActions();
        return;
    }
    const auto folder = Store::Folder(index.data(FolderRole).toInt());
    if (!m_searchField->text().isEmpty()) {
        const QSignalBlocker blocker(m_searchField);
        m_searchField->clear();
    }
    m_listModel->setFolder(account, folder);
    m_actions->updateEnabled();
    updateAccountActions();
    if (m_listModel->rowCount() == 0)
        m_messageView->clear();
}

void MainWindow::updateSearch()
{
    m_listModel->setSearch(m_searchField->text(), m_searchScope->currentIndex() == 1);
    m_actions->updateEnabled();
}

void MainWindow::onCurrentMessageChanged()
{
    m_markReadTimer->stop();
    const QModelIndex index = m_listView->currentIndex();
    if (!index.isValid()) {
        m_compose->setCurrentMessage(0);
        m_messageView->clear();
        return;
    }
    const qint64 id = index.data(MessageIdRole).toLongLong();
    m_compose->setCurrentMessage(id);
    if (id == m_messageView->currentMessageId())
        return;
    m_messageView->showMessage(id);
    if (!index.data(ReadRole).toBool())
        m_markReadTimer->start();
}

void MainWindow::markCurrentRead()
{
    const QModelIndex index = m_listView->currentIndex();
    if (!index.isValid() || index.data(ReadRole).toBool())
        return;
    const qint64 id = index.data(MessageIdRole).toLongLong();
    if (id == m_messageView->currentMessageId())
        m_actions->setRead({id}, true);
}

void MainWindow::onMessageActivated(const QModelIndex &index)
{
    if (index.isValid() && Store::Folder(index.data(FolderRole).toInt()) == Store::Folder::Drafts)
        m_compose->openDraft(index.data(MessageIdRole).toLongLong());
}

void MainWindow::setGroupedByThread(bool grouped)
{
    // Grouped, the order is the threads' own: the columns do not sort until it is turned off
    // (which sorts by the column shown in the header again).
    QHeaderView *header = m_listView->header();
    m_listModel->setGroupedByThread(grouped);
    m_listView->setSortingEnabled(!grouped);
    header->setSortIndicatorShown(!grouped);
    if (m_groupByThread->isChecked() != grouped) {
        const QSignalBlocker blocker(m_groupByThread);
        m_groupByThread->setChecked(grouped);
    }
    QSettings(m_context.settingsPath, QSettings::IniFormat).setValue(kGroupByThreadKey, grouped);
    m_actions->updateEnabled();
}

void MainWindow::restoreLayout()
{
    QSettings settings(m_context.settingsPath, QSettings::IniFormat);
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    m_splitter->restoreState(settings.value(kSplitterKey).toByteArray());
    QHeaderView *header = m_listView->header();
    if (header->restoreState(settings.value(kListHeaderKey).toByteArray()))
        m_listModel->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    if (settings.value(kGroupByThreadKey, false).toBool())
        setGroupedByThread(true);
}

void MainWindow::saveLayout() const
{
    QSettings settings(m_context.settingsPath, QSettings::IniFormat);
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kSplitterKey, m_splitter->saveState());
    settings.setValue(kListHeaderKey, m_listView->header()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

} // namespace Poplar::Ui
