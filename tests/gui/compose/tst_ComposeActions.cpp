#include "MailFixture.h"
#include "ui/MainWindow.h"
#include "ui/common/ItemRoles.h"
#include "ui/compose/ComposeActions.h"
#include "ui/compose/RecipientEdit.h"
#include "ui/reader/FolderModel.h"
#include "ui/reader/MessageListModel.h"
#include "ui/reader/MessageView.h"

#include "accounts/AccountRepository.h"
#include "compose/ComposedMessage.h"
#include "mime/MessageParser.h"
#include "store/StoreReader.h"
#include "store/WriteBatch.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>

using namespace Poplar;
using Poplar::Ui::ComposeActions;
using Poplar::Ui::ComposerWindow;

namespace {

// "明天下午开会" in GBK, as a Chinese mail client of the 2000s still sends it.
const QByteArray kMeetingGbk = "\xc3\xf7\xcc\xec\xcf\xc2\xce\xe7\xbf\xaa\xbb\xe1";

QByteArray gbkMeeting()
{
    return "From: =?GBK?B?" + QByteArray("\xcd\xf5\xb7\xbc").toBase64() +
           "?= <wangfang@example.cn>\r\n"
           "To: Bob Li <bob@example.org>\r\n"
           "Cc: zoe@example.org, Carol <carol@example.org>, =?UTF-8?B?" +
           QStringLiteral("小波").toUtf8().toBase64() +
           "?= <xiaobo@example.cn>\r\n"
           "Subject: =?GBK?B?" +
           kMeetingGbk.toBase64() +
           "?=\r\n"
           "Date: Tue, 03 Nov 2026 09:00:00 +0800\r\n"
           "Message-ID: <m1@example.cn>\r\n"
           "References: <m0@example.cn>\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=GBK\r\n"
           "Content-Transfer-Encoding: 8bit\r\n\r\n" +
           kMeetingGbk + "\r\n";
}

Accounts::AccountSettings account(const QString &id, const QString &name, const QString &email,
                                  const QString &signature = QString(), bool above = false)
{
    Accounts::AccountSettings a;
    a.signature = signature;
    a.signatureAboveQuote = above;
    a.id = id;
    a.displayName = name;
    a.senderName = name;
    a.emailAddress = email;
    a.host = QStringLiteral("pop.example.org");
    a.username = email;
    return a;
}

struct Fixture
{
    MailFixture::TestStore store;
    Accounts::AccountRepository accounts{store.settingsPath()};
    Store::StoreReader reader;
    QWidget window;
    qint64 meeting = 0;
    bool ready = false; // every test checks it first

    Fixture()
    {
        const bool added = accounts.add(account(QStringLiteral("a1"), QStringLiteral("Bob Li"),
                                                QStringLiteral("bob@example.org"),
                                                QStringLiteral("Bob Li\nExample Org"))) &&
                           accounts.add(account(QStringLiteral("a2"), QStringLiteral("小波"),
                                                QStringLiteral("xiaobo@example.cn"),
                                                QStringLiteral("小波敬上"), true));
        Store::WriteBatch batch;
        batch.insertMessage(
            MailFixture::newMessage(QStringLiteral("a1"), QStringLiteral("u1"), gbkMeeting()));
        meeting = store.apply(std::move(batch)).operations.value(0).id;
        ready = added && meeting > 0 && !reader.open(store.path());
    }
};

ComposerWindow *onlyComposer(ComposeActions &actions)
{
    const QList<ComposerWindow *> open = actions.composers();
    return open.size() == 1 ? open.first() : nullptr;
}

void closeWithoutSaving(QObject *context, ComposerWindow *composer)
{
    QTimer::singleShot(0, context, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Discard)->click();
    });
    composer->close();
}

Store::OutgoingRecord onlyOutgoing(const QString &path)
{
    Store::StoreReader reader;
    if (reader.open(path))
        return {};
    const auto listed = reader.outbox().valueOr({});
    if (listed.size() != 1)
        return {};
    return reader.outgoing(listed.first().id).valueOr({});
}

} // namespace

class tst_ComposeActions : public QObject
{
    Q_OBJECT

private slots:
    void replyQuotesAGbkMessageAndJoinsItsThread()
    {
        Fixture f;
        QVERIFY(f.ready);
        ComposeActions actions(&f.reader, f.store.writer(), &f.accounts, &f.window);
        QVERIFY(!actions.reply()->isEnabled()); // nothing selected yet
        actions.setCurrentMessage(f.meeting);
        QVERIFY(actions.reply()->isEnabled());
        actions.reply()->trigger();
        ComposerWindow *composer = onlyComposer(actions);
        QVERIFY(composer);
        const Mime::OutgoingMessage reply = composer->message();
        QCOMPARE(reply.subject, QStringLiteral("Re: 明天下午开会"));
        QCOMPARE(reply.to.size(), 1);
        QCOMPARE(reply.to.first().name, QStringLiteral("王芳"));
        QCOMPARE(reply.to.first().email, QStringLiteral("wangfang@example.cn"));
        QVERIFY(reply.cc.isEmpty());
        QCOMPARE(reply.from.email, QStringLiteral("bob@example.org")); // the receiving account
        QVERIFY2(reply.text.contains(QStringLiteral("> 明天下午开会")), qPrintable(reply.text));
        QVERIFY(reply.text.contains(QStringLiteral("王芳")));

        QSignalSpy queued(&actions, &ComposeActions::queued);
        composer->send(true);
        QTRY_COMPARE(queued.count(), 1);
        QCOMPARE(queued.first().at(0).toString(), QStringLiteral("a1"));
        const Store::OutgoingRecord sent = onlyOutgoing(f.store.path());
        const Mime::Message parsed = Mime::MessageParser::parse(sent.raw);
        QCOMPARE(parsed.subject, QStringLiteral("Re: 明天下午开会"));
        QCOMPARE(parsed.inReplyTo, QStringList{QStringLiteral("m1@example.cn")});
        QCOMPARE(parsed.references,
                 (QStringList{QStringLiteral("m0@example.cn"), QStringLiteral("m1@example.cn")}));
        QCOMPARE(sent.recipients, QStringList{QStringLiteral("wangfang@example.cn")});
    }

    void replyAllLeavesOutEveryAddressOfTheUser()
    {
        Fixture f;
        QVERIFY(f.ready);
        ComposeActions actions(&f.reader, f.store.writer(), &f.accounts, &f.window);
        actions.setCurrentMessage(f.meeting);
        actions.replyAll()->trigger();
        ComposerWindow *composer = onlyComposer(actions);
        QVERIFY(composer);
        const Mime::OutgoingMessage reply = composer->message();
        QCOMPARE(reply.to.size(), 1);
        QCOMPARE(reply.to.first().email, QStringLiteral("wangfang@example.cn"));
        QStringList cc;
        for (const Mime::Address &address : reply.cc)
            cc.append(address.email);
        // bob@ (this account) and xiaobo@ (the other account) are the user's own.
        QCOMPARE(cc, (QStringList{QStringLiteral("zoe@example.org"),
                                  QStringLiteral("carol@example.org")}));
        closeWithoutSaving(this, composer);
    }

    void forwardAsAttachmentCarriesTheExactBytes()
    {
        Fixture f;
        QVERIFY(f.ready);
        ComposeActions actions(&f.reader, f.store.writer(), &f.accounts, &f.window);
        actions.setCurrentMessage(f.meeting);
        actions.forwardAsAttachment()->trigger();
        ComposerWindow *composer = onlyComposer(actions);
        QVERIFY(composer);
        const Mime::OutgoingMessage forward = composer->message();
        QCOMPARE(forward.subject, QStringLiteral("Fwd: 明天下午开会"));
        QVERIFY(forward.to.isEmpty());
        QCOMPARE(forward.attachments.size(), 1);
        QVERIFY(forward.attachments.first().isMessage);
        QCOMPARE(forward.attachments.first().data, gbkMeeting());
        closeWithoutSaving(this, composer);

        actions.forward()->trigger();
        composer = onlyComposer(actions);
        QVERIFY(composer);
        QVERIFY(composer->message().text.contains(QStringLiteral("明天下午开会")));
        closeWithoutSaving(this, composer);
    }

    void newMessageCompletesThePeopleInTheStore()
    {
        Fixture f;
        QVERIFY(f.ready);
        ComposeActions actions(&f.reader, f.store.writer(), &f.accounts, &f.window);
        actions.newMessage()->trigger();
        ComposerWindow *composer = onlyComposer(actions);
        QVERIFY(composer);
        QVERIFY(QTest::qWaitForWindowExposed(composer));
        auto *to = composer->findChild<Ui::RecipientEdit *>(QStringLiteral("toField"));
        to->setFocus();
        MailFixture::type(to, QStringLiteral("芳"));
        QTRY_VERIFY(to->completer()->popup()->isVisible());
        QCOMPARE(to->completer()->currentCompletion(),
                 QStringLiteral("王芳 <wangfang@example.cn>"));
        // The user's own addresses are not offered.
        QTest::keyClick(to->completer()->popup(), Qt::Key_Escape);
        to->clear();
        MailFixture::type(to, QStringLiteral("xiaobo"));
        QTest::qWait(50);
        QVERIFY(!to->completer()->popup()->isVisible());
        closeWithoutSaving(this, composer);
    }

    void signaturesGoWhereTheIdentityWantsThemAndFollowTheFromField()
    {
        Fixture f;
        QVERIFY(f.ready);
        ComposeActions actions(&f.reader, f.store.writer(), &f.accounts, &f.window);
        actions.newMessage()->trigger();
        ComposerWindow *composer = onlyComposer(actions);
        QVERIFY(composer);
        QCOMPARE(composer->message().text, QStringLiteral("\n\n-- \nBob Li\nExample Org\n"));
        // Another From: its signature replaces the first one's.
        composer->findChild<QComboBox *>(QStringLiteral("fromField"))->setCurrentIndex(1);
        QCOMPARE(composer->message().text, QStringLiteral("\n\n-- \n小波敬上\n"));
        closeWithoutSaving(this, composer);

        // Bob's goes below the quote, 小波's above it.
        actions.setCurrentMessage(f.meeting);
        actions.reply()->trigger();
        composer = onlyComposer(actions);
        QVERIFY(composer);
        const QString below = composer->message().text;
        QVERIFY2(below.indexOf(QStringLiteral("-- \nBob Li")) >
                     below.indexOf(QStringLiteral("> 明天下午开会")),
                 qPrintable(below));
        closeWithoutSaving(this, composer);
        Store::WriteBatch batch;
        batch.insertMessage(
            MailFixture::newMessage(QStringLiteral("a2"), QStringLiteral("u2"), gbkMeeting()));
        actions.setCurrentMessage(f.store.apply(std::move(batch)).operations.value(0).id);
        actions.reply()->trigger();
        composer = onlyComposer(actions);
        QVERIFY(composer);
        const QString above = composer->message().text;
        QVERIFY2(above.indexOf(QStringLiteral("-- \n小波敬上")) >= 0 &&
                     above.indexOf(QStringLiteral("-- \n小波敬上")) <
                         above.indexOf(QStringLiteral("> 明天下午开会")),
                 qPrintable(above));
        closeWithoutSaving(this, composer);
    }

    void theWindowOffersTheCommandsAndOpensDrafts()
    {
        Fixture f;
        QVERIFY(f.ready);
        Mime::OutgoingMessage draft;
        draft.from = {QStringLiteral("小波"), QStringLiteral("xiaobo@example.cn"), QString()};
        draft.to = {{QStringLiteral("王芳"), QStringLiteral("wangfang@example.cn"), QString()}};
        draft.subject = QStringLiteral("周五的安排");
        draft.text = QStringLiteral("还没写完");
        Store::WriteBatch batch;
        batch.insertMessage(Compose::ComposedMessage::draft(draft, QStringLiteral("a2")));
        const qint64 draftId = f.store.apply(std::move(batch)).operations.value(0).id;

        Sync::SyncManager sync(f.store.writer(), f.store.path());
        sync.setAccounts({MailFixture::account(QStringLiteral("a1"), QStringLiteral("Bob Li")),
                          MailFixture::account(QStringLiteral("a2"), QStringLiteral("小波"))});
        Ui::MainWindow window(Ui::MailContext{f.store.settingsPath(), f.store.writer(),
                                              f.store.path(), &sync, &f.accounts, nullptr});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ComposeActions *actions = window.composeActions();
        auto *toolBar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
        for (QAction *action :
             {actions->newMessage(), actions->reply(), actions->replyAll(), actions->forward()})
            QVERIFY2(toolBar->actions().contains(action), qPrintable(action->text()));
        auto *list = window.findChild<QTreeView *>(QStringLiteral("messageList"));
        QVERIFY(list->actions().contains(actions->reply()));
        QVERIFY(list->actions().contains(actions->forwardAsAttachment()));
        // And the message view, beside the subject.
        QList<QAction *> inView;
        for (const QToolButton *button : window.messageView()->findChildren<QToolButton *>())
            inView.append(button->defaultAction());
        QVERIFY(inView.contains(actions->reply()));
        QVERIFY(inView.contains(actions->forward()));
        QCOMPARE(actions->reply()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
        QCOMPARE(actions->newMessage()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_N));

        // Selecting a message makes Reply answer it.
        auto *folders = window.findChild<QTreeView *>(QStringLiteral("folderView"));
        folders->setCurrentIndex(
            window.folderModel()->indexFor(QStringLiteral("a1"), Store::Folder::Inbox));
        list->setCurrentIndex(window.messageListModel()->index(0, 0));
        QCOMPARE(actions->currentMessage(), f.meeting);

        // A draft opens in a composer from the Drafts folder, every field as it was.
        const QModelIndex drafts =
            window.folderModel()->indexFor(QStringLiteral("a2"), Store::Folder::Drafts);
        QVERIFY(drafts.isValid());
        folders->setCurrentIndex(drafts);
        QTRY_COMPARE(window.messageListModel()->rowCount(), 1);
        const QModelIndex row = window.messageListModel()->index(0, 0);
        QCOMPARE(row.data(Ui::MessageIdRole).toLongLong(), draftId);
        emit list->activated(row);
        ComposerWindow *composer = onlyComposer(*actions);
        QVERIFY(composer);
        QCOMPARE(composer->draftId(), draftId);
        QCOMPARE(composer->accountId(), QStringLiteral("a2"));
        QCOMPARE(composer->message().subject, QStringLiteral("周五的安排"));
        QCOMPARE(composer->message().to.value(0).email, QStringLiteral("wangfang@example.cn"));
        QCOMPARE(composer->message().text.trimmed(), QStringLiteral("还没写完"));
        // Opening it again brings the same window forward.
        emit list->activated(row);
        QCOMPARE(actions->composers().size(), 1);
        composer->close();
    }
};

QTEST_MAIN(tst_ComposeActions)
#include "tst_ComposeActions.moc"
