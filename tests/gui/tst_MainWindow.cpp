#include "MailFixture.h"
#include "ui/MainWindow.h"
#include "ui/NewMailNotifier.h"
#include "ui/common/ItemRoles.h"
#include "ui/reader/FolderModel.h"
#include "ui/reader/MailActions.h"
#include "ui/reader/MessageListModel.h"
#include "ui/reader/MessageView.h"

#include "store/StoreReader.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeView>

using namespace Poplar;
using MailFixture::Mail;
using Poplar::Ui::MainWindow;

namespace {

// A window over a real store with two accounts that point nowhere.
struct Fixture
{
    MailFixture::TestStore store;
    Sync::SyncManager sync{store.writer(), store.path()};
    QList<qint64> ids;

    Fixture()
    {
        sync.setAccounts({MailFixture::account(QStringLiteral("a1"), QStringLiteral("Work")),
                          MailFixture::account(QStringLiteral("a2"), QStringLiteral("家里"))});
        Mail meeting;
        meeting.subject = QStringLiteral("明天下午开会");
        meeting.from = QStringLiteral("王芳 <wangfang@example.cn>");
        meeting.body = QStringLiteral("请准时到会议室见。");
        meeting.date = QDateTime(QDate(2026, 11, 3), QTime(9, 0), Qt::UTC);
        Mail invoice;
        invoice.subject = QStringLiteral("Invoice for November");
        invoice.body = QStringLiteral("Please find the invoice attached.");
        invoice.date = QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
        Mail lunch;
        lunch.subject = QStringLiteral("Lunch on Friday?");
        lunch.from = QStringLiteral("Zoe <zoe@example.org>");
        lunch.date = QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);
        ids = store.insert(QStringLiteral("a1"), {meeting, invoice, lunch});
        Mail home;
        home.subject = QStringLiteral("週末聚餐");
        store.insert(QStringLiteral("a2"), {home});
    }

    Ui::MailContext context()
    {
        return {store.settingsPath(), store.writer(), store.path(), &sync};
    }
};

QTreeView *messageList(MainWindow &window)
{
    return window.findChild<QTreeView *>(QStringLiteral("messageList"));
}

void selectFolder(MainWindow &window, const QString &account, Store::Folder folder)
{
    auto *folders = window.findChild<QTreeView *>(QStringLiteral("folderView"));
    folders->setCurrentIndex(window.folderModel()->indexFor(account, folder));
}

int rowOf(MainWindow &window, qint64 id)
{
    return window.messageListModel()->rowOfMessage(id);
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void showsThreePanesAndWelcome()
    {
        QTemporaryDir profile;
        MainWindow window(profile.filePath(QStringLiteral("poplar.ini")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QCOMPARE(window.windowTitle(), QStringLiteral("Poplar"));
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
        QVERIFY(splitter);
        QCOMPARE(splitter->count(), 3);
        for (int i = 0; i < splitter->count(); ++i)
            QVERIFY2(splitter->widget(i)->isVisible(), "every pane is shown");

        auto *folders = window.findChild<QTreeView *>(QStringLiteral("folderView"));
        QVERIFY(folders);
        QCOMPARE(folders->model()->index(0, 0).data().toString(), QStringLiteral("All accounts"));

        // No account yet: the list pane explains what Poplar does instead of an empty table.
        auto *welcome = window.findChild<QLabel *>(QStringLiteral("welcomeTitle"));
        QVERIFY(welcome && welcome->isVisible());
        QCOMPARE(welcome->text(), QStringLiteral("Welcome to Poplar"));

        auto *view = window.findChild<QTextBrowser *>(QStringLiteral("messageView"));
        QVERIFY(view);
        QVERIFY(!view->placeholderText().isEmpty());

        // The welcome view's button asks for the account wizard.
        QSignalSpy requested(&window, &MainWindow::addAccountRequested);
        auto *add = window.findChild<QPushButton *>(QStringLiteral("addAccountButton"));
        QVERIFY(add && add->isVisible());
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(requested.count(), 1);

        // So does File → Add Account…, which stays there once accounts exist.
        auto *menuAction = window.findChild<QAction *>(QStringLiteral("actionAddAccount"));
        QVERIFY(menuAction);
        menuAction->trigger();
        QCOMPARE(requested.count(), 2);
    }

    void firstRunWithAStoreButNoAccount()
    {
        MailFixture::TestStore store;
        Sync::SyncManager sync(store.writer(), store.path());
        MainWindow window(
            Ui::MailContext{store.settingsPath(), store.writer(), store.path(), &sync});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.findChild<QPushButton *>(QStringLiteral("addAccountButton"))->isVisible());
        QVERIFY(!messageList(window)->isVisible());

        // The wizard adds an account: the list replaces the welcome view.
        sync.setAccounts({MailFixture::account(QStringLiteral("a1"), QStringLiteral("Work"))});
        QTRY_VERIFY(messageList(window)->isVisible());
        QVERIFY(
            window.folderModel()->indexFor(QStringLiteral("a1"), Store::Folder::Trash).isValid());
    }

    void showsFoldersWithUnreadCounts()
    {
        Fixture f;
        MainWindow window(f.context());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(messageList(window)->isVisible());
        auto *folders = window.folderModel();
        QCOMPARE(folders->rowCount(), 3);
        const QModelIndex all = folders->index(0, 0);
        QCOMPARE(all.data(Ui::UnreadCountRole).toLongLong(), 4);
        QCOMPARE(folders->indexFor(QStringLiteral("a1"), Store::Folder::Inbox)
                     .data(Ui::UnreadCountRole)
                     .toLongLong(),
                 3);
        QVERIFY(folders->index(2, 0).data().toString().startsWith(QStringLiteral("家里")));
        // All accounts is shown first.
        QCOMPARE(window.messageListModel()->rowCount(), 4);
        selectFolder(window, QStringLiteral("a1"), Store::Folder::Inbox);
        QCOMPARE(window.messageListModel()->rowCount(), 3);
    }

    void openingAMessageShowsItAndMarksItRead()
    {
        Fixture f;
        MainWindow window(f.context());
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        selectFolder(window, QStringLiteral("a1"), Store::Folder::Inbox);
        QTreeView *list = messageList(window);
        const int row = rowOf(window, f.ids.at(0));
        QVERIFY(row >= 0);
        list->setFocus();
        list->setCurrentIndex(window.messageListModel()->index(row, Ui::MessageListModel::Subject));

        auto *subject = window.findChild<QLabel *>(QStringLiteral("headerSubject"));
        QCOMPARE(subject->text(), QStringLiteral("明天下午开会"));
        QVERIFY(window.findChild<QTextBrowser *>(QStringLiteral("messageView"))
                    ->toPlainText()
                    .contains(QStringLiteral("会议室")));
        QTRY_VERIFY(window.messageListModel()->index(row, 0).data(Ui::ReadRole).toBool());
        QTRY_COMPARE(window.folderModel()
                         ->indexFor(QStringLiteral("a1"), Store::Folder::Inbox)
                         .data(Ui::UnreadCountRole)
                         .toLongLong(),
                     2);

        // Mark it unread again with the keyboard shortcut.
        QTest::keyClick(list, Qt::Key_M, Qt::ShiftModifier);
        QTRY_VERIFY(!window.messageListModel()->index(row, 0).data(Ui::ReadRole).toBool());
        // The selection stayed on the message.
        QCOMPARE(list->currentIndex().data(Ui::MessageIdRole).toLongLong(), f.ids.at(0));
    }

    void marksReadAfterTheConfiguredDelay()
    {
        Fixture f;
        QSettings(f.store.settingsPath(), QSettings::IniFormat)
            .setValue(QStringLiteral("Reader/markReadDelayMs"), 500);
        MainWindow window(f.context());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        selectFolder(window, QStringLiteral("a1"), Store::Folder::Inbox);
        auto *model = window.messageListModel();
        QTreeView *list = messageList(window);
        QElapsedTimer clock;
        clock.start();
        list->setCurrentIndex(model->index(0, 0));
        QTest::qWait(100);
        if (clock.elapsed() < 400)
            QVERIFY(!model->index(0, 0).data(Ui::ReadRole).toBool());
        QTRY_VERIFY(model->index(0, 0).data(Ui::ReadRole).toBool());
        QVERIFY(clock.elapsed() >= 500);

        // Moving on before the delay leaves the message unread.
        list->setCurrentIndex(model->index(1, 0));
        list->setCurrentIndex(model->index(2, 0));
        QTRY_VERIFY(model->index(2, 0).data(Ui::ReadRole).toBool());
        QVERIFY(!model->index(1, 0).data(Ui::ReadRole).toBool());
    }

    void starNextUnreadAndLinkTargets()
    {
        Fixture f;
        MainWindow window(f.context());
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        selectFolder(window, QStringLiteral("a1"), Store::Folder::Inbox);
        QTreeView *list = messageList(window);
        auto *model = window.messageListModel();
        list->setFocus();
        list->setCurrentIndex(model->index(0, 0));
        QTRY_VERIFY(model->index(0, 0).data(Ui::ReadRole).toBool());

        window.mailActions()->toggleStar()->trigger();
        QTRY_VERIFY(model->index(0, 0).data(Ui::StarredRole).toBool());
        window.mailActions()->toggleStar()->trigger();
        QTRY_VERIFY(!model->index(0, 0).data(Ui::StarredRole).toBool());

        // Rows 1 and 2 are unread: Next Unread goes to 1, Previous Unread from 2 back to 1.
        window.mailActions()->nextUnread()->trigger();
        QCOMPARE(list->currentIndex().row(), 1);
        list->setCurrentIndex(model->index(2, 0));
        QTRY_VERIFY(model->index(2, 0).data(Ui::ReadRole).toBool());
        window.mailActions()->previousUnread()->trigger();
        QCOMPARE(list->currentIndex().row(), 1);

        // Hovering a link shows where it really goes.
        auto *browser = window.findChild<QTextBrowser *>(QStringLiteral("messageView"));
        emit browser->highlighted(QUrl(QStringLiteral("https://phish.example/login")));
        QCOMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("https://phish.example/login"));
        emit browser->highlighted(QUrl());
        QVERIFY(window.statusBar()->currentMessage().isEmpty());
    }

    void deleteMovesToTrashAndRestoreBringsBack()
    {
        Fixture f;
        MainWindow window(f.context());
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        selectFolder(window, QStringLiteral("a1"), Store::Folder::Inbox);
        QTreeView *list = messageList(window);
        const qint64 id = f.ids.at(1);
        list->setFocus();
        list->setCurrentIndex(window.messageListModel()->index(rowOf(window, id), 0));
        QTest::keyClick(list, Qt::Key_Delete);
        QTRY_COMPARE(rowOf(window, id), -1);
        QCOMPARE(window.messageListModel()->rowCount(), 2);

        selectFolder(window, QStringLiteral("a1"), Store::Folder::Trash);
        QCOMPARE(window.messageListModel()->rowCount(), 1);
        QCOMPARE(rowOf(window, id), 0);
        list->setCurrentIndex(window.messageListModel()->index(0, 0));
        QVERIFY(window.mailActions()->restore()->isEnabled());
        window.mailActions()->restore()->trigger();
        QTRY_COMPARE(window.messageListModel()->rowCount(), 0);
        selectFolder(window, QStringLiteral("a1"), Store::Folder::Inbox);
        QVERIFY(rowOf(window, id) >= 0);
    }

    void emptyTrashAsksThenDeletes()
    {
        Fixture f;
        MainWindow window(f.context());
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        selectFolder(window, QStringLiteral("a1"), Store::Folder::Inbox);
        QTreeView *list = messageList(window);
        list->selectAll();
        window.mailActions()->deleteMessages()->trigger();
        QTRY_COMPARE(window.messageListModel()->rowCount(), 0);
        selectFolder(window, QStringLiteral("a1"), Store::Folder::Trash);
        QCOMPARE(window.messageListModel()->rowCount(), 3);

        // Cancel keeps them.
        QTimer::singleShot(0, this, [] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            box->reject();
        });
        window.mailActions()->emptyTrash()->trigger();
        QTest::qWait(100);
        QCOMPARE(window.messageListModel()->rowCount(), 3);

        QTimer::singleShot(0, this, [] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            for (QAbstractButton *button : box->buttons())
                if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                    button->click();
        });
        window.mailActions()->emptyTrash()->trigger();
        QTRY_COMPARE(window.messageListModel()->rowCount(), 0);
        Store::StoreReader reader;
        QVERIFY(!reader.open(f.store.path()));
        QCOMPARE(reader.count(QStringLiteral("a1"), Store::Folder::Trash).valueOr(-1), 0);
        QCOMPARE(reader.count(QStringLiteral("a2"), Store::Folder::Inbox).valueOr(-1), 1);
    }

    void searchAsYouTypeInLatinAndChinese()
    {
        Fixture f;
        MainWindow window(f.context());
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        selectFolder(window, QStringLiteral("a1"), Store::Folder::Inbox);
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        auto *field = window.findChild<QLineEdit *>(QStringLiteral("searchField"));
        QTRY_VERIFY(field->hasFocus());
        Ui::MessageListModel *model = window.messageListModel();
        // The results come from the search thread, after the keystrokes.
        QTest::keyClicks(field, QStringLiteral("invoi"));
        QTRY_VERIFY(!model->isSearching());
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, 0).data(Ui::MessageIdRole).toLongLong(), f.ids.at(1));

        // A two-character Chinese word, as an input method commits it.
        field->clear();
        field->insert(QStringLiteral("会议"));
        QTRY_VERIFY(!model->isSearching());
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, 0).data(Ui::MessageIdRole).toLongLong(), f.ids.at(0));

        // 聚餐 is in the other account: found only when searching all accounts.
        field->setText(QStringLiteral("聚餐"));
        QTRY_VERIFY(!model->isSearching());
        QCOMPARE(model->rowCount(), 0);
        window.findChild<QComboBox *>(QStringLiteral("searchScope"))->setCurrentIndex(1);
        QTRY_VERIFY(!model->isSearching());
        QCOMPARE(model->rowCount(), 1);

        field->clear();
        QCOMPARE(model->rowCount(), 3);
    }

    // The message open stays open and selected while the user searches for something that
    // finds it; switching folders during a search shows that folder, not late results.
    void searchingKeepsTheOpenMessageAndFolderSwitchesWin()
    {
        Fixture f;
        MainWindow window(f.context());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        selectFolder(window, QStringLiteral("a1"), Store::Folder::Inbox);
        QTreeView *list = messageList(window);
        Ui::MessageListModel *model = window.messageListModel();
        const int row = model->rowOfMessage(f.ids.at(1));
        QVERIFY(row >= 0);
        list->setCurrentIndex(model->index(row, Ui::MessageListModel::Subject));
        QTRY_COMPARE(window.messageView()->currentMessageId(), f.ids.at(1));

        auto *field = window.findChild<QLineEdit *>(QStringLiteral("searchField"));
        field->setText(QStringLiteral("november"));
        QTRY_VERIFY(!model->isSearching());
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(list->currentIndex().data(Ui::MessageIdRole).toLongLong(), f.ids.at(1));
        QCOMPARE(window.messageView()->currentMessageId(), f.ids.at(1));
        QVERIFY(window.mailActions()->markUnread()->isEnabled());

        // A search still under way when the user picks the Trash never lands there.
        field->setText(QStringLiteral("lunch"));
        selectFolder(window, QStringLiteral("a1"), Store::Folder::Trash);
        QCOMPARE(field->text(), QString());
        QCOMPARE(model->rowCount(), 0);
        QTest::qWait(300);
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(!model->isSearching());
    }

    // A search that cannot run says why in the status bar, and shows no rows.
    void aFailedSearchIsReportedInTheStatusBar()
    {
        Fixture f;
        MainWindow window(f.context());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        selectFolder(window, QStringLiteral("a1"), Store::Folder::Inbox);
        QCOMPARE(window.messageListModel()->rowCount(), 3);
        // The file is replaced by something that is not a database; the search thread opens
        // its own connection to it.
        QVERIFY(MailFixture::replaceWithJunk(f.store.path()));

        window.findChild<QLineEdit *>(QStringLiteral("searchField"))
            ->setText(QStringLiteral("invoice"));
        QTRY_VERIFY(!window.statusBar()->currentMessage().isEmpty());
        // What failed, and why in the store's words.
        const QString message = window.statusBar()->currentMessage();
        QVERIFY2(message.contains(QLatin1StringView("search")) &&
                     message.contains(QLatin1StringView("not a Poplar database")),
                 qPrintable(message));
        QCOMPARE(window.messageListModel()->rowCount(), 0);
    }

    void getMailStartsSyncAndShowsTheError()
    {
        Fixture f;
        MainWindow window(f.context());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QSignalSpy finished(&f.sync, &Sync::SyncManager::finished);
        QTest::keyClick(&window, Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
        auto *error = window.findChild<QLabel *>(QStringLiteral("syncErrorLabel"));
        QTRY_VERIFY(error->isVisible());
        QVERIFY(!error->text().isEmpty());
        QVERIFY(window.findChild<QPushButton *>(QStringLiteral("syncErrorDetails"))->isVisible());
    }

    // Writes a picture of the window with mail for a person to look at (README, review).
    void screenshot()
    {
        const QString target = qEnvironmentVariable("POPLAR_SCREENSHOT");
        if (target.isEmpty())
            QSKIP("set POPLAR_SCREENSHOT to a PNG path to write a screenshot of the window");
        Fixture f;
        Mail news;
        news.subject = QStringLiteral("Poplar weekly: offline first");
        news.from = QStringLiteral("Poplar News <news@example.org>");
        // Laid out for a wide screen, as newsletters are: it should still fit the pane.
        news.html = QStringLiteral(
            "<h2>This week</h2><p>Read your mail on the train.</p>"
            "<img src=\"http://203.0.113.9/logo.png\">"
            "<table width=\"1000\" bgcolor=\"#dde8f3\" cellpadding=\"8\"><tr>"
            "<td width=\"700\">Poplar keeps every message on your computer, so the whole "
            "archive is there on the train, on a plane or in a tunnel. Search finds Chinese "
            "words of two characters as well as English ones.</td>"
            "<td width=\"300\"><b>In brief</b><br>Offline first<br>No tracking pixels</td>"
            "</tr></table>"
            "<p><a href=\"https://example.org/more\">Read more</a></p>");
        news.date = QDateTime(QDate(2026, 11, 4), QTime(7, 30), Qt::UTC);
        news.attachments = {{"路线图.pdf", "%PDF-1.4", "application/pdf"}};
        const qint64 newsId = f.store.insert(QStringLiteral("a1"), {news}).value(0);
        MainWindow window(f.context());
        window.resize(1400, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        selectFolder(window, QStringLiteral("a1"), Store::Folder::Inbox);
        QTRY_VERIFY(rowOf(window, newsId) >= 0);
        messageList(window)->setCurrentIndex(
            window.messageListModel()->index(rowOf(window, newsId), 0));
        QTest::qWait(200);
        QVERIFY(window.grab().save(target));
    }

    // View → Notify on New Mail turns the tray's new-mail messages off, and stays off.
    void newMailNotificationsCanBeTurnedOff()
    {
        Fixture f;
        {
            MainWindow window(f.context());
            // A tray icon exactly when the desktop has a tray (the offscreen platform has none).
            QCOMPARE(window.trayIcon() != nullptr, QSystemTrayIcon::isSystemTrayAvailable());
            QCOMPARE(window.newMailNotifier()->unreadCount(), 4);
            auto *notify = window.findChild<QAction *>(QStringLiteral("actionNotifyNewMail"));
            QVERIFY(notify);
            QVERIFY(notify->isCheckable());
            QVERIFY(notify->isChecked());
            QVERIFY(window.newMailNotifier()->notificationsEnabled());

            // A sync's mail is announced while the setting is on...
            QSignalSpy announced(window.newMailNotifier(), &Ui::NewMailNotifier::newMail);
            window.newMailNotifier()->setSyncing(true);
            Mail fresh;
            fresh.subject = QStringLiteral("Train times");
            f.store.insert(QStringLiteral("a1"), {fresh});
            window.newMailNotifier()->setSyncing(false);
            QCOMPARE(announced.count(), 1);
            QCOMPARE(announced.first().at(0).toString(), QStringLiteral("1 new message"));

            // ...and not once it is off.
            notify->trigger();
            QVERIFY(!notify->isChecked());
            QVERIFY(!window.newMailNotifier()->notificationsEnabled());
            window.newMailNotifier()->setSyncing(true);
            f.store.insert(QStringLiteral("a1"), {fresh});
            window.newMailNotifier()->setSyncing(false);
            QCOMPARE(announced.count(), 1);
        }
        MainWindow reopened(f.context());
        QVERIFY(!reopened.findChild<QAction *>(QStringLiteral("actionNotifyNewMail"))->isChecked());
        QVERIFY(!reopened.newMailNotifier()->notificationsEnabled());
    }

    void remembersSortOrder()
    {
        Fixture f;
        {
            MainWindow window(f.context());
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            messageList(window)->header()->setSortIndicator(Ui::MessageListModel::From,
                                                            Qt::AscendingOrder);
            QCOMPARE(window.messageListModel()->sortColumn(), int(Ui::MessageListModel::From));
            messageList(window)->header()->resizeSection(Ui::MessageListModel::From, 211);
            window.close();
        }
        MainWindow reopened(f.context());
        QCOMPARE(messageList(reopened)->header()->sectionSize(Ui::MessageListModel::From), 211);
        QCOMPARE(reopened.messageListModel()->sortColumn(), int(Ui::MessageListModel::From));
        QCOMPARE(reopened.messageListModel()->sortOrder(), Qt::AscendingOrder);
    }

    void aboutShowsVersion()
    {
        QTemporaryDir profile;
        MainWindow window(profile.filePath(QStringLiteral("poplar.ini")));
        window.show();
        auto *about = window.findChild<QAction *>(QStringLiteral("actionAbout"));
        QVERIFY(about);
        QString shown;
        QTimer::singleShot(0, this, [&shown] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto *label = dialog->findChild<QLabel *>(QStringLiteral("aboutVersion"));
            QVERIFY(label);
            shown = label->text();
            dialog->reject();
        });
        about->trigger();
        QVERIFY2(shown.contains(QStringLiteral(POPLAR_VERSION)), qPrintable(shown));
    }

    void remembersPaneSizesAcrossRuns()
    {
        QTemporaryDir profile;
        const QString settings = profile.filePath(QStringLiteral("poplar.ini"));
        QList<int> sizes;
        {
            MainWindow window(settings);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
            splitter->setSizes({300, 400, 700});
            sizes = splitter->sizes();
            window.close();
        }
        MainWindow reopened(settings);
        reopened.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reopened));
        QCOMPARE(reopened.findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes(), sizes);
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
