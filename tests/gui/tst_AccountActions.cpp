#include "MailFixture.h"
#include "ui/MainWindow.h"
#include "ui/reader/FolderModel.h"

#include <QAction>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Poplar;
using Poplar::Ui::MainWindow;

// The window's account commands (File menu and the folder pane's context menu) act on the
// account of the selected folder, or on the only account.
class tst_AccountActions : public QObject
{
    Q_OBJECT

private:
    static void select(MainWindow &window, const QString &account)
    {
        auto *folders = window.findChild<QTreeView *>(QStringLiteral("folderView"));
        folders->setCurrentIndex(window.folderModel()->indexFor(account, Store::Folder::Inbox));
    }

    static QAction *action(MainWindow &window, const char *name)
    {
        return window.findChild<QAction *>(QLatin1StringView(name));
    }

private slots:
    void editAndRemoveActOnTheSelectedAccount()
    {
        MailFixture::TestStore store;
        Sync::SyncManager sync(store.writer(), store.path());
        sync.setAccounts({MailFixture::account(QStringLiteral("a1"), QStringLiteral("Work")),
                          MailFixture::account(QStringLiteral("a2"), QStringLiteral("家里"))});
        MainWindow window(
            Ui::MailContext{store.settingsPath(), store.writer(), store.path(), &sync});
        window.show();
        QSignalSpy edit(&window, &MainWindow::editAccountRequested);
        QSignalSpy remove(&window, &MainWindow::removeAccountRequested);

        // All accounts of two: no single account to act on.
        select(window, QString());
        QVERIFY(!action(window, "actionEditAccount")->isEnabled());
        QVERIFY(!action(window, "actionRemoveAccount")->isEnabled());

        select(window, QStringLiteral("a2"));
        QVERIFY(action(window, "actionEditAccount")->isEnabled());
        action(window, "actionEditAccount")->trigger();
        QCOMPARE(edit.size(), 1);
        QCOMPARE(edit.first().first().toString(), QStringLiteral("a2"));

        select(window, QStringLiteral("a1"));
        action(window, "actionRemoveAccount")->trigger();
        QCOMPARE(remove.size(), 1);
        QCOMPARE(remove.first().first().toString(), QStringLiteral("a1"));

        // The folder pane offers them on its context menu.
        auto *folders = window.findChild<QTreeView *>(QStringLiteral("folderView"));
        QCOMPARE(folders->contextMenuPolicy(), Qt::ActionsContextMenu);
        QVERIFY(folders->actions().contains(action(window, "actionEditAccount")));
        QVERIFY(folders->actions().contains(action(window, "actionRemoveAccount")));
        QVERIFY(folders->actions().contains(action(window, "actionAddAccount")));
    }

    void withOneAccountAllAccountsMeansThatOne()
    {
        MailFixture::TestStore store;
        Sync::SyncManager sync(store.writer(), store.path());
        sync.setAccounts({MailFixture::account(QStringLiteral("only"), QStringLiteral("Home"))});
        MainWindow window(
            Ui::MailContext{store.settingsPath(), store.writer(), store.path(), &sync});
        window.show();
        QSignalSpy edit(&window, &MainWindow::editAccountRequested);
        select(window, QString());
        QVERIFY(action(window, "actionEditAccount")->isEnabled());
        action(window, "actionEditAccount")->trigger();
        QCOMPARE(edit.size(), 1);
        QCOMPARE(edit.first().first().toString(), QStringLiteral("only"));

        // Once the account is gone there is nothing to edit.
        sync.setAccounts({});
        QVERIFY(!action(window, "actionEditAccount")->isEnabled());
    }
};

QTEST_MAIN(tst_AccountActions)
#include "tst_AccountActions.moc"
