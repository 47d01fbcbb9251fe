#include "ui/common/SafeTextBrowser.h"
#include "ui/reader/MessageView.h"
#include "ui/reader/MessageWindow.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <QWindow>

using namespace Poplar;

// A saved message opened from a file, in a window of its own.
class tst_MessageWindow : public QObject
{
    Q_OBJECT

private:
    static QString corpus(const char *name)
    {
        return qEnvironmentVariable("POPLAR_SOURCE_DIR") + QStringLiteral("/tests/data/mime/") +
               QLatin1StringView(name);
    }

    // A message file in dir with these bytes.
    static QString writeMessage(const QTemporaryDir &dir, const QString &name,
                                const QByteArray &bytes)
    {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    static QString textOf(const QWidget &window, const char *objectName)
    {
        const auto *label = window.findChild<QLabel *>(QLatin1StringView(objectName));
        return label ? label->text() : QString();
    }

private slots:
    void showsTheMessageOfAFile()
    {
        Ui::MessageWindow window;
        QCOMPARE(window.openFile(corpus("c04-big5.eml")), QString());
        window.show();
        QCOMPARE(textOf(window, "headerSubject"), QStringLiteral("繁體中文郵件"));
        QVERIFY(textOf(window, "headerFrom").contains(QStringLiteral("tester@example.org")));
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("繁體中文郵件")));
        QVERIFY(window.view()->browser()->toPlainText().contains(QStringLiteral("Big5")));
        QVERIFY(window.view()->viewSourceAction()->isEnabled());
        QVERIFY(window.view()->saveAsAction()->isEnabled());
    }

    void blocksRemoteContentAsThePaneDoes()
    {
        Ui::MessageWindow window;
        QCOMPARE(window.openFile(corpus("s21-html-remote-content.eml")), QString());
        window.show();
        QVERIFY(window.view()->remoteBlocked() > 0);
        auto *bar = window.findChild<QWidget *>(QStringLiteral("remoteBar"));
        QVERIFY(bar && bar->isVisible());
    }

    void listsTheAttachments()
    {
        Ui::MessageWindow window;
        QCOMPARE(window.openFile(corpus("s01-mixed-attachments.eml")), QString());
        window.show();
        auto *bar = window.findChild<QWidget *>(QStringLiteral("attachmentsBar"));
        QVERIFY(bar && bar->isVisible());
        QVERIFY(!window.view()->message().attachments.isEmpty());
    }

    void saysWhyAFileCannotBeShown()
    {
        QTemporaryDir dir;
        Ui::MessageWindow window;
        const QString error = window.openFile(dir.filePath(QStringLiteral("gone.eml")));
        QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
        QVERIFY(!window.view()->hasMessage());
    }

    void aSubjectCannotHideInTheTitle()
    {
        QTemporaryDir dir;
        const QString path =
            writeMessage(dir, QStringLiteral("odd.eml"),
                         "From: a@example.org\r\nSubject: Invoice [*] due\r\n\r\nPay\r\n");
        Ui::MessageWindow window;
        QCOMPARE(window.openFile(path), QString());
        window.show();
        // Qt drops "[*]" from a title as its modified mark; the window system gets the subject.
        QVERIFY(window.windowHandle());
        QVERIFY2(window.windowHandle()->title().startsWith(QStringLiteral("Invoice [*] due")),
                 qPrintable(window.windowHandle()->title()));
    }

    void aFileWithoutSubjectIsNamedByItsFile()
    {
        QTemporaryDir dir;
        const QString path = writeMessage(dir, QStringLiteral("note.eml"),
                                          "From: a@example.org\r\n\r\nNo subject here\r\n");
        Ui::MessageWindow window;
        QCOMPARE(window.openFile(path), QString());
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("note.eml")));
    }
};

QTEST_MAIN(tst_MessageWindow)
#include "tst_MessageWindow.moc"
