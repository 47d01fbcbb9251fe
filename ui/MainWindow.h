#pragma once

#include "ui/MailContext.h"

#include "store/StoreReader.h"

#include <QMainWindow>

#include <memory>

class QComboBox;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTimer;
class QTreeView;

namespace Poplar::Ui {

class ComposeActions;
class FolderModel;
class MailActions;
class MessageListModel;
class MessageView;
class NewMailNotifier;
class OutboxView;
class SyncStatusWidget;
class TrayIcon;
class WelcomeView;

// The three-pane reading window: folders on the left, the message list in the middle and
// the message on the right. With no account yet, the middle pane welcomes the user and offers
// to add one. The window wires its parts together (FolderModel, MessageListModel,
// MessageView, MailActions, SyncStatusWidget) and keeps its layout in the profile.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const MailContext &context, QWidget *parent = nullptr);
    // A window without a store or accounts (first run before the store is set up).
    explicit MainWindow(const QString &settingsPath, QWidget *parent = nullptr);
    ~MainWindow() override;

    MessageListModel *messageListModel() const { return m_listModel; }
    FolderModel *folderModel() const { return m_folderModel; }
    MailActions *mailActions() const { return m_actions; }
    ComposeActions *composeActions() const { return m_compose; }
    MessageView *messageView() const { return m_messageView; }
    OutboxView *outboxView() const { return m_outbox; }
    NewMailNotifier *newMailNotifier() const { return m_notifier; }
    // The system tray icon; null when the desktop has no tray.
    TrayIcon *trayIcon() const { return m_tray; }

signals:
    void addAccountRequested();
    void editAccountRequested(const QString &accountId);
    void removeAccountRequested(const QString &accountId);
    // A composer put a message into the Outbox; sendNow: the user wants it sent at once.
    void messageQueued(const QString &accountId, bool sendNow);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void openReader();
    void buildPanes();
    void createMenus();
    void updateAccounts();
    // The account of the selected folder; with one account, that one.
    QString selectedAccount() const;
    void updateAccountActions();
    void onFolderSelected();
    // The welcome view without accounts, else the Outbox or the message list.
    void showPaneFor(const QModelIndex &folder);
    void onCurrentMessageChanged();
    void markCurrentRead();
    // Enter or a double click: a draft opens in a composer.
    void onMessageActivated(const QModelIndex &index);
    void updateSearch();
    // The View menu's "Group by Thread" (kept in the profile).
    void setGroupedByThread(bool grouped);
    void restoreLayout();
    void saveLayout() const;

    MailContext m_context;
    Store::StoreReader m_reader;
    FolderModel *m_folderModel = nullptr;
    MessageListModel *m_listModel = nullptr;
    MailActions *m_actions = nullptr;
    ComposeActions *m_compose = nullptr;

    QSplitter *m_splitter = nullptr;
    QTreeView *m_folderView = nullptr;
    QStackedWidget *m_listStack = nullptr;
    WelcomeView *m_welcome = nullptr;
    QWidget *m_listPane = nullptr;
    OutboxView *m_outbox = nullptr;
    QLineEdit *m_searchField = nullptr;
    QComboBox *m_searchScope = nullptr;
    QTreeView *m_listView = nullptr;
    MessageView *m_messageView = nullptr;
    SyncStatusWidget *m_syncStatus = nullptr;
    QTimer *m_markReadTimer = nullptr;
    NewMailNotifier *m_notifier = nullptr;
    TrayIcon *m_tray = nullptr;
    QAction *m_editAccount = nullptr;
    QAction *m_removeAccount = nullptr;
    QAction *m_groupByThread = nullptr;
};

} // namespace Poplar::Ui
