#include "MailFixture.h"
#include "ui/compose/ComposerWindow.h"
#include "ui/compose/RecipientEdit.h"

#include "compose/ComposedMessage.h"
#include "mime/MessageParser.h"
#include "store/StoreReader.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QSignalSpy>
#include <QStringListModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QTimer>
#include <QUrl>

#include <memory>

using namespace Poplar;
using Poplar::Ui::ComposerWindow;

namespace {

const QString kAccount = QStringLiteral("a1");

QList<Ui::Identity> identities()
{
    return {{kAccount,
             {QStringLiteral("Bob Li"), QStringLiteral("bob@example.org"), QString()},
             QString(),
             false},
            {QStringLiteral("a2"),
             {QStringLiteral("李小波"), QStringLiteral("xiaobo@example.cn"), QString()},
             QString(),
             false}};
}

template<typename T> T *field(ComposerWindow *window, const char *name)
{
    return window->findChild<T *>(QString::fromLatin1(name));
}

void trigger(ComposerWindow *window, const char *action)
{
    auto *a = window->findChild<QAction *>(QString::fromLatin1(action));
    QVERIFY2(a, action);
    a->trigger();
}

// Clicks the button with `role` in the message box the next event loop round shows.
void answerNextMessageBox(QObject *context, QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, context, [button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        box->button(button)->click();
    });
}

qint64 countIn(const QString &path, Store::Folder folder)
{
    Store::StoreReader reader;
    if (reader.open(path))
        return -1;
    return reader.count(QString(), folder).valueOr(-1);
}

QList<Store::OutgoingRecord> outbox(const QString &path)
{
    Store::StoreReader reader;
    if (reader.open(path))
        return {};
    QList<Store::OutgoingRecord> records;
    for (const Store::OutgoingRecord &listed : reader.outbox().valueOr({}))
        records.append(reader.outgoing(listed.id).valueOr(listed));
    return records;
}

QByteArray rawOfOnly(const QString &path, Store::Folder folder)
{
    Store::StoreReader reader;
    if (reader.open(path))
        return {};
    Store::PageQuery query;
    query.folder = folder;
    query.limit = 10;
    const auto page = reader.page(query).valueOr({});
    if (page.size() != 1)
        return {};
    return reader.rawMessage(page.first().id).valueOr({});
}

} // namespace

class tst_ComposerWindow : public QObject
{
    Q_OBJECT

private:
    // Owns the composers, so that a test that fails with one open does not leak it.
    std::unique_ptr<QWidget> m_host;

private slots:
    void init() { m_host = std::make_unique<QWidget>(); }
    void cleanup() { m_host.reset(); }

    void sendQueuesTheMessageAsWrittenWithoutTheBccHeader()
    {
        MailFixture::TestStore store;
        QStringListModel completions;
        QPointer<ComposerWindow> window =
            new ComposerWindow(store.writer(), identities(), &completions, m_host.get());
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        field<QComboBox>(window, "fromField")->setCurrentIndex(1);
        MailFixture::type(field<QLineEdit>(window, "toField"),
                          QStringLiteral("王芳 <wangfang@example.cn>, zoe@example.org"));
        MailFixture::type(field<QLineEdit>(window, "bccField"), QStringLiteral("boss@example.org"));
        MailFixture::type(field<QLineEdit>(window, "subjectField"), QStringLiteral("季度报告"));
        MailFixture::type(field<QTextEdit>(window, "bodyEditor"), QStringLiteral("报告在附件里。"));
        QCOMPARE(window->windowTitle(), QStringLiteral("季度报告 — Compose"));

        QSignalSpy queued(window.data(), &ComposerWindow::queued);
        trigger(window, "actionSend");
        QTRY_COMPARE(queued.count(), 1);
        QCOMPARE(queued.at(0).at(0).toString(), QStringLiteral("a2"));
        QCOMPARE(queued.at(0).at(1).toBool(), true);
        QTRY_VERIFY(window.isNull()); // closed and gone

        const QList<Store::OutgoingRecord> records = outbox(store.path());
        QCOMPARE(records.size(), 1);
        const Store::OutgoingRecord &record = records.first();
        QCOMPARE(record.account, QStringLiteral("a2"));
        QCOMPARE(record.envelopeFrom, QStringLiteral("xiaobo@example.cn"));
        QCOMPARE(record.recipients, (QStringList{QStringLiteral("wangfang@example.cn"),
                                                 QStringLiteral("zoe@example.org"),
                                                 QStringLiteral("boss@example.org")}));
        QVERIFY2(!record.raw.contains("boss@example.org"), "Bcc is never in the sent bytes");
        const Mime::Message sent = Mime::MessageParser::parse(record.raw);
        QCOMPARE(sent.subject, QStringLiteral("季度报告"));
        QCOMPARE(sent.from.value(0).name, QStringLiteral("李小波"));
        QCOMPARE(sent.to.value(0).name, QStringLiteral("王芳"));
        QVERIFY(sent.bodyText().contains(QStringLiteral("报告在附件里。")));
        QCOMPARE(countIn(store.path(), Store::Folder::Drafts), 0);
    }

    void sendingASavedDraftRemovesItFromDrafts()
    {
        MailFixture::TestStore store;
        QStringListModel completions;
        QPointer<ComposerWindow> window =
            new ComposerWindow(store.writer(), identities(), &completions, m_host.get());
        window->show();
        MailFixture::type(field<QLineEdit>(window, "toField"), QStringLiteral("zoe@example.org"));
        MailFixture::type(field<QLineEdit>(window, "subjectField"), QStringLiteral("Plans"));
        QSignalSpy saved(window.data(), &ComposerWindow::draftSaved);
        trigger(window, "actionSaveDraft");
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(countIn(store.path(), Store::Folder::Drafts), 1);
        QVERIFY(!window->hasUnsavedChanges());

        // A second save replaces the first: still one draft.
        MailFixture::type(field<QTextEdit>(window, "bodyEditor"), QStringLiteral("Friday?"));
        trigger(window, "actionSaveDraft");
        QTRY_COMPARE(saved.count(), 2);
        QCOMPARE(countIn(store.path(), Store::Folder::Drafts), 1);

        trigger(window, "actionSendLater");
        QTRY_VERIFY(window.isNull());
        QCOMPARE(countIn(store.path(), Store::Folder::Drafts), 0);
        const QList<Store::OutgoingRecord> records = outbox(store.path());
        QCOMPARE(records.size(), 1);
        QVERIFY(Mime::MessageParser::parse(records.first().raw)
                    .bodyText()
                    .contains(QStringLiteral("Friday?")));
    }

    void sendingWhileADraftIsBeingSavedLeavesNoDraftBehind()
    {
        MailFixture::TestStore store;
        QStringListModel completions;
        QPointer<ComposerWindow> window =
            new ComposerWindow(store.writer(), identities(), &completions, m_host.get());
        window->show();
        MailFixture::type(field<QLineEdit>(window, "toField"), QStringLiteral("zoe@example.org"));
        MailFixture::type(field<QLineEdit>(window, "subjectField"), QStringLiteral("Quick"));
        QSignalSpy queued(window.data(), &ComposerWindow::queued);
        // The save is still in the writer's queue when Send comes: what it stores must go too.
        window->saveDraft();
        window->send(true);
        QTRY_COMPARE(queued.count(), 1);
        QTRY_VERIFY(window.isNull());
        QCOMPARE(outbox(store.path()).size(), 1);
        QCOMPARE(countIn(store.path(), Store::Folder::Drafts), 0);
    }

    void aReopenedDraftRestoresEveryFieldAndAttachment()
    {
        MailFixture::TestStore store;
        QTemporaryDir files;
        const QString report = files.filePath(QStringLiteral("季度报告.pdf"));
        QFile file(report);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray pdf = "%PDF-1.4\n" + QByteArray(3000, '\x7f') + "\n%%EOF\n";
        file.write(pdf);
        file.close();

        QStringListModel completions;
        auto *window = new ComposerWindow(store.writer(), identities(), &completions, m_host.get());
        window->show();
        MailFixture::type(field<QLineEdit>(window, "toField"),
                          QStringLiteral("\"Martin, Alice\" <alice@example.org>"));
        MailFixture::type(field<QLineEdit>(window, "ccField"),
                          QStringLiteral("王芳 <wf@example.cn>"));
        MailFixture::type(field<QLineEdit>(window, "bccField"), QStringLiteral("me@example.org"));
        MailFixture::type(field<QLineEdit>(window, "subjectField"), QStringLiteral("Q3 报告"));
        MailFixture::type(field<QTextEdit>(window, "bodyEditor"),
                          QStringLiteral("First line\nsecond line"));
        QCOMPARE(window->attachFiles({report}), 1);
        QCOMPARE(field<QListWidget>(window, "attachmentList")->count(), 1);
        QVERIFY(field<QLabel>(window, "attachmentSize")->text().contains(QStringLiteral("1")));

        QSignalSpy saved(window, &ComposerWindow::draftSaved);
        trigger(window, "actionSaveDraft");
        QTRY_COMPARE(saved.count(), 1);
        window->close();

        const QByteArray raw = rawOfOnly(store.path(), Store::Folder::Drafts);
        QVERIFY(!raw.isEmpty());
        const Mime::OutgoingMessage restored = Compose::ComposedMessage::fromRaw(raw);
        auto *again = new ComposerWindow(store.writer(), identities(), &completions, m_host.get());
        again->setMessage(restored, kAccount, saved.at(0).at(0).toLongLong());
        const Mime::OutgoingMessage shown = again->message();
        QCOMPARE(shown.to.value(0).name, QStringLiteral("Martin, Alice"));
        QCOMPARE(shown.to.value(0).email, QStringLiteral("alice@example.org"));
        QCOMPARE(shown.cc.value(0).name, QStringLiteral("王芳"));
        QCOMPARE(shown.bcc.value(0).email, QStringLiteral("me@example.org"));
        QCOMPARE(shown.subject, QStringLiteral("Q3 报告"));
        QCOMPARE(shown.text.trimmed(), QStringLiteral("First line\nsecond line"));
        QCOMPARE(shown.attachments.size(), 1);
        QCOMPARE(shown.attachments.first().fileName, QStringLiteral("季度报告.pdf"));
        QCOMPARE(shown.attachments.first().data, pdf);
        again->show();
        QCOMPARE(field<QListWidget>(again, "attachmentList")->count(), 1);
        QVERIFY(field<QListWidget>(again, "attachmentList")->isVisible());
        QVERIFY(field<QLabel>(again, "attachmentSize")->isVisible());
        QVERIFY(!again->hasUnsavedChanges());
        again->close();
    }

    void autosaveKeepsTheTextAndDiscardRemovesWhatItKept()
    {
        MailFixture::TestStore store;
        QStringListModel completions;
        QPointer<ComposerWindow> window =
            new ComposerWindow(store.writer(), identities(), &completions, m_host.get());
        window->setAutosaveInterval(50);
        window->show();
        QSignalSpy saved(window.data(), &ComposerWindow::draftSaved);
        MailFixture::type(field<QTextEdit>(window, "bodyEditor"), QStringLiteral("half a thought"));
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(countIn(store.path(), Store::Folder::Drafts), 1);
        QVERIFY(rawOfOnly(store.path(), Store::Folder::Drafts).contains("half a thought"));
        // Autosave is not the user's save: closing still asks.
        QVERIFY(window->hasUnsavedChanges());

        answerNextMessageBox(this, QMessageBox::Cancel);
        window->close();
        QTest::qWait(50);
        QVERIFY(!window.isNull());

        answerNextMessageBox(this, QMessageBox::Discard);
        window->close();
        QTRY_VERIFY(window.isNull());
        QTRY_COMPARE(countIn(store.path(), Store::Folder::Drafts), 0);
    }

    void closingWithSaveKeepsTheDraft()
    {
        MailFixture::TestStore store;
        QStringListModel completions;
        QPointer<ComposerWindow> window =
            new ComposerWindow(store.writer(), identities(), &completions, m_host.get());
        window->show();
        MailFixture::type(field<QLineEdit>(window, "subjectField"), QStringLiteral("Keep me"));
        answerNextMessageBox(this, QMessageBox::Save);
        window->close();
        QTRY_VERIFY(window.isNull());
        QCOMPARE(countIn(store.path(), Store::Folder::Drafts), 1);
        QVERIFY(
            Mime::MessageParser::parse(rawOfOnly(store.path(), Store::Folder::Drafts)).subject ==
            QStringLiteral("Keep me"));
    }

    void filesDroppedOnTheTextBecomeAttachments()
    {
        MailFixture::TestStore store;
        QTemporaryDir files;
        const QString photo = files.filePath(QStringLiteral("照片.jpg"));
        QFile file(photo);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(2048, '\xff'));
        file.close();

        QStringListModel completions;
        auto *window = new ComposerWindow(store.writer(), identities(), &completions, m_host.get());
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto *body = field<QTextEdit>(window, "bodyEditor");
        MailFixture::type(body, QStringLiteral("See the photo."));

        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(photo)});
        const QPointF at(body->viewport()->rect().center());
        QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(body->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(body->viewport(), &drop);

        QCOMPARE(window->message().attachments.size(), 1);
        QCOMPARE(window->message().attachments.first().fileName, QStringLiteral("照片.jpg"));
        QVERIFY(field<QListWidget>(window, "attachmentList")->isVisible());
        QCOMPARE(body->toPlainText(), QStringLiteral("See the photo.")); // no path typed in

        // Remove takes it off again.
        auto *list = field<QListWidget>(window, "attachmentList");
        list->setCurrentRow(0);
        trigger(window, "actionRemoveAttachment");
        QCOMPARE(window->message().attachments.size(), 0);
        QCOMPARE(list->count(), 0);
        answerNextMessageBox(this, QMessageBox::Discard);
        window->close();
    }

    void recipientsCompleteFromAnyPartOfANameOrAddress()
    {
        MailFixture::TestStore store;
        QStringListModel completions({QStringLiteral("李明 <li.ming@example.cn>"),
                                      QStringLiteral("Alice Martin <alice@example.org>"),
                                      QStringLiteral("明美 <akemi@example.jp>")});
        auto *window = new ComposerWindow(store.writer(), identities(), &completions, m_host.get());
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto *to = field<Ui::RecipientEdit>(window, "toField");
        to->setFocus();
        MailFixture::type(to, QStringLiteral("zoe@example.org, 明"));
        QCompleter *completer = to->completer();
        QTRY_VERIFY(completer->popup()->isVisible());
        QCOMPARE(completer->completionCount(), 2); // 李明 and 明美, not Alice
        QCOMPARE(completer->currentCompletion(), QStringLiteral("李明 <li.ming@example.cn>"));
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QCOMPARE(to->text(), QStringLiteral("zoe@example.org, 李明 <li.ming@example.cn>, "));
        QCOMPARE(to->addresses().size(), 2);
        QCOMPARE(to->addresses().at(1).email, QStringLiteral("li.ming@example.cn"));

        // By the address, too, case-insensitively.
        MailFixture::type(to, QStringLiteral("MART"));
        QTRY_VERIFY(completer->popup()->isVisible());
        QCOMPARE(completer->completionCount(), 1);
        QCOMPARE(completer->currentCompletion(),
                 QStringLiteral("Alice Martin <alice@example.org>"));
        answerNextMessageBox(this, QMessageBox::Discard);
        window->close();
    }

    void sendingWithoutARecipientOrWithABadAddressIsRefusedInWords()
    {
        MailFixture::TestStore store;
        QStringListModel completions;
        auto *window = new ComposerWindow(store.writer(), identities(), &completions, m_host.get());
        window->show();
        MailFixture::type(field<QLineEdit>(window, "subjectField"), QStringLiteral("Hi"));
        QString shown;
        QTimer::singleShot(0, this, [&shown] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            shown = box->text();
            box->accept();
        });
        trigger(window, "actionSend");
        QCOMPARE(shown, QStringLiteral("Add at least one recipient."));

        MailFixture::type(field<QLineEdit>(window, "toField"), QStringLiteral("bob, x@"));
        QTimer::singleShot(0, this, [&shown] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            shown = box->text();
            box->accept();
        });
        trigger(window, "actionSend");
        QVERIFY2(shown.contains(QStringLiteral("bob")) && shown.contains(QStringLiteral("x@")),
                 qPrintable(shown));
        QTest::qWait(50);
        QVERIFY(outbox(store.path()).isEmpty());
        answerNextMessageBox(this, QMessageBox::Discard);
        window->close();
    }
};

QTEST_MAIN(tst_ComposerWindow)
#include "tst_ComposerWindow.moc"
