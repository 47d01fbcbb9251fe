#pragma once

#include "ui/compose/ComposerWindow.h"

#include "mime/OutgoingMessage.h"

#include <QObject>
#include <QPointer>

class QAction;
class QStringListModel;
class QWidget;

namespace Poplar::Accounts {
class AccountRepository;
}
namespace Poplar::Store {
class StoreReader;
class StoreWriter;
} // namespace Poplar::Store

namespace Poplar::Ui {

// The commands that open a composer: New Message, Reply, Reply All, Forward (inline or as an
// attachment), Edit As New, and opening a draft. They act on the message the window shows,
// answer as the account that received it, and give every composer the same completion list
// of the people in the user's mail.
class ComposeActions : public QObject
{
    Q_OBJECT

public:
    ComposeActions(Store::StoreReader *reader, Store::StoreWriter *writer,
                   const Accounts::AccountRepository *accounts, QWidget *window);

    QAction *newMessage() const { return m_new; }
    QAction *reply() const { return m_reply; }
    QAction *replyAll() const { return m_replyAll; }
    QAction *forward() const { return m_forward; }
    QAction *forwardAsAttachment() const { return m_forwardAttached; }
    QAction *editAsNew() const { return m_editAsNew; }
    QList<QAction *> onMessage() const;

    // The message the commands answer (0: none); the window follows its selection.
    void setCurrentMessage(qint64 id);
    qint64 currentMessage() const { return m_current; }

    enum class Signed
    {
        No,  // a draft or a message edited as new: its text has what it needs
        Yes, // a new message, reply or forward: the identity's signature is added
    };
    // Opens a composer with `message`, sent from `accountId` (empty: the first account).
    ComposerWindow *compose(const Mime::OutgoingMessage &message, const QString &accountId,
                            Signed sign = Signed::Yes, qint64 draftId = 0);
    // Opens the stored draft to go on writing it; saving replaces it.
    ComposerWindow *openDraft(qint64 id);
    // Opens a composer for a mailto: link.
    ComposerWindow *composeMailto(const QString &link);
    // How often composers save a draft while there are changes (default 30 s).
    void setAutosaveInterval(int milliseconds) { m_autosaveMs = milliseconds; }
    // The open composers, oldest first.
    QList<ComposerWindow *> composers() const;

signals:
    // A composer put a message into the Outbox (sendNow: the user asked to send it now).
    void queued(const QString &accountId, bool sendNow);

private:
    enum class Kind
    {
        Reply,
        ReplyAll,
        Forward,
        ForwardAsAttachment,
        EditAsNew
    };
    void answer(Kind kind);
    QList<Identity> identities() const;
    QStringList ownAddresses() const;
    Identity identityFor(const QString &accountId) const;
    void refreshCompletions();
    void showProblem(const QString &text);
    void updateEnabled();

    Store::StoreReader *m_reader;
    Store::StoreWriter *m_writer;
    const Accounts::AccountRepository *m_accounts;
    QWidget *m_window;
    QStringListModel *m_completions;
    QList<QPointer<ComposerWindow>> m_composers;
    qint64 m_current = 0;
    int m_autosaveMs = ComposerWindow::DefaultAutosaveMs;

    QAction *m_new = nullptr;
    QAction *m_reply = nullptr;
    QAction *m_replyAll = nullptr;
    QAction *m_forward = nullptr;
    QAction *m_forwardAttached = nullptr;
    QAction *m_editAsNew = nullptr;
};

} // namespace Poplar::Ui
