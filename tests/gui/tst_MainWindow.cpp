#include "MainWindow.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QSettings>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeView>

using Poplar::Ui::MainWindow;

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
