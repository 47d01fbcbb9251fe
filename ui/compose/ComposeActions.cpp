#include "ui/compose/ComposeActions.h"

#include "ui/common/Actions.h"
#include "ui/common/Logging.h"

#include "accounts/AccountRepository.h"
#include "compose/AddressBook.h"
#include "compose/ComposedMessage.h"
#include "compose/ReplyBuilder.h"
#include "compose/Signature.h"
#include "mime/MailtoUrl.h"
#include "mime/MessageParser.h"
#include "store/StoreReader.h"

#include <QAction>
#include <QMessageBox>
#include <QStringListModel>

namespace Poplar::Ui {

namespace {
QList<Mime::Address> parsedAddresses(const QStringList &written)
{
    QList<Mime::Address> addresses;
    for (const QString &one : written)
        addresses += Mime::Address::parseList(one.toUtf8());
    return addresses;
}
} // namespace

ComposeActions::ComposeActions(Store::StoreReader *reader, Store::StoreWriter *writer,
                               const Accounts::AccountRepository *accounts, QWidget *window)
    : QObject(window)
    , m_reader(reader)
    , m_writer(writer)
    , m_accounts(accounts)
    , m_window(window)
    , m_completions(new QStringListModel(this))
{
    m_new =
        makeAction(this, tr("&New Message"), QStringLiteral("actionNewMessage"), QKeySequence::New);
    m_new->setStatusTip(tr("Write a new message"));
    connect(m_new, &QAction::triggered, this, [this] { compose({}, QString()); });
    m_reply = makeAction(this, tr("&Reply"), QStringLiteral("actionReply"),
                         QKeySequence(Qt::CTRL | Qt::Key_R));
    m_reply->setStatusTip(tr("Answer the sender of the message"));
    connect(m_reply, &QAction::triggered, this, [this] { answer(Kind::Reply); });
    m_replyAll = makeAction(this, tr("Reply &All"), QStringLiteral("actionReplyAll"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_replyAll->setStatusTip(tr("Answer the sender and everyone the message went to"));
    connect(m_replyAll, &QAction::triggered, this, [this] { answer(Kind::ReplyAll); });
    m_forward = makeAction(this, tr("&Forward"), QStringLiteral("actionForward"),
                           QKeySequence(Qt::CTRL | Qt::Key_L));
    m_forward->setStatusTip(tr("Send the message on to someone else, with its attachments"));
    connect(m_forward, &QAction::triggered, this, [this] { answer(Kind::Forward); });
    m_forwardAttached = makeAction(this, tr("Forward as A&ttachment"),
                                   QStringLiteral("actionForwardAsAttachment"), {});
    m_forwardAttached->setStatusTip(tr("Send the message on, unchanged, as an attachment"));
    connect(m_forwardAttached, &QAction::triggered, this,
            [this] { answer(Kind::ForwardAsAttachment); });
    m_editAsNew = makeAction(this, tr("&Edit As New…"), QStringLiteral("actionEditAsNew"), {});
    m_editAsNew->setStatusTip(tr("Start a new message with this one's recipients, text and "
                                 "attachments"));
    connect(m_editAsNew, &QAction::triggered, this, [this] { answer(Kind::EditAsNew); });
    m_new->setEnabled(m_writer != nullptr);
    updateEnabled();
}

QList<QAction *> ComposeActions::onMessage() const
{
    return {m_reply, m_replyAll, m_forward, m_forwardAttached, m_editAsNew};
}

void ComposeActions::setCurrentMessage(qint64 id)
{
    m_current = id;
    updateEnabled();
}

void ComposeActions::updateEnabled()
{
    const bool canAnswer = m_current != 0 && m_writer && m_reader->isOpen();
    for (QAction *action : onMessage())
        action->setEnabled(canAnswer);
}

QList<Identity> ComposeActions::identities() const
{
    QList<Identity> all;
    if (!m_accounts)
        return all;
    for (const Accounts::AccountSettings &account : m_accounts->accounts())
        all.append({account.id,
                    {account.senderName, account.emailAddress, QString()},
                    account.signature,
                    account.signatureAboveQuote});
    return all;
}

QStringList ComposeActions::ownAddresses() const
{
    QStringList own;
    for (const Identity &identity : identities())
        own.append(identity.address.email);
    return own;
}

Identity ComposeActions::identityFor(const QString &accountId) const
{
    const QList<Identity> all = identities();
    for (const Identity &identity : all)
        if (identity.accountId == accountId)
            return identity;
    return all.value(0);
}

// Read again for each composer: what was received and sent since the last one counts.
void ComposeActions::refreshCompletions()
{
    QStringList rows;
    if (m_reader->isOpen()) {
        const auto book = Compose::AddressBook::fromStore(*m_reader, ownAddresses());
        for (const Compose::Correspondent &person : book.ranked())
            rows.append(Compose::AddressBook::formatted(person.address));
    }
    m_completions->setStringList(rows);
}

ComposerWindow *ComposeActions::compose(const Mime::OutgoingMessage &message,
                                        const QString &accountId, Signed sign, qint64 draftId)
{
    if (!m_writer)
        return nullptr;
    refreshCompletions();
    const Identity from = identityFor(accountId);
    Mime::OutgoingMessage start = message;
    if (sign == Signed::Yes)
        start.text =
            Compose::Signature::added(message.text, from.signature, from.signatureAboveQuote);
    // A window of its own, owned by the main window so that it never outlives the store.
    auto *composer = new ComposerWindow(m_writer, identities(), m_completions, m_window);
    composer->setAutosaveInterval(m_autosaveMs);
    composer->setMessage(start, accountId.isEmpty() ? from.accountId : accountId, draftId);
    connect(composer, &ComposerWindow::queued, this, &ComposeActions::queued);
    m_composers.append(composer);
    composer->show();
    composer->activateWindow();
    return composer;
}

QList<ComposerWindow *> ComposeActions::composers() const
{
    QList<ComposerWindow *> open;
    for (const QPointer<ComposerWindow> &composer : m_composers)
        if (composer && composer->isVisible()) // a closed one is only waiting to be deleted
            open.append(composer);
    return open;
}

ComposerWindow *ComposeActions::openDraft(qint64 id)
{
    // A draft already open is brought forward, not opened twice (two windows would each
    // replace the other's saves).
    for (ComposerWindow *composer : composers())
        if (composer->draftId() == id) {
            composer->raise();
            composer->activateWindow();
            return composer;
        }
    const auto summary = m_reader->message(id);
    const auto raw = m_reader->rawMessage(id);
    if (!summary || !raw) {
        showProblem(tr("The draft cannot be read: %1")
                        .arg((!summary ? summary.error() : raw.error()).message()));
        return nullptr;
    }
    return compose(Compose::ComposedMessage::fromRaw(raw.value()), summary.value().account,
                   Signed::No, id);
}

ComposerWindow *ComposeActions::composeMailto(const QString &link)
{
    qCInfo(lcUi) << "composing a message for a mail link";
    const Mime::MailtoUrl mailto = Mime::MailtoUrl::parse(link);
    if (!mailto.isValid()) {
        showProblem(mailto.error);
        return nullptr;
    }
    Mime::OutgoingMessage message;
    message.to = parsedAddresses(mailto.to);
    message.cc = parsedAddresses(mailto.cc);
    message.bcc = parsedAddresses(mailto.bcc);
    message.subject = mailto.subject;
    message.text = mailto.body;
    message.inReplyTo = mailto.inReplyTo;
    ComposerWindow *composer = compose(message, QString());
    if (composer && !mailto.problems.isEmpty())
        QMessageBox::information(composer, tr("Mail Link"), mailto.problems.join(u'\n'));
    return composer;
}

void ComposeActions::answer(Kind kind)
{
    if (!m_current)
        return;
    const auto summary = m_reader->message(m_current);
    const auto raw = m_reader->rawMessage(m_current);
    if (!summary || !raw) {
        showProblem(tr("The message cannot be read: %1")
                        .arg((!summary ? summary.error() : raw.error()).message()));
        return;
    }
    const Identity from = identityFor(summary.value().account);
    if (kind == Kind::EditAsNew) {
        Mime::OutgoingMessage again = Compose::ComposedMessage::fromRaw(raw.value());
        again.from = from.address;
        compose(again, from.accountId, Signed::No);
        return;
    }
    const Mime::Message original = Mime::MessageParser::parse(raw.value());
    Mime::OutgoingMessage message;
    switch (kind) {
    case Kind::Reply:
    case Kind::ReplyAll:
        message = Compose::ReplyBuilder::reply(original,
                                               kind == Kind::Reply
                                                   ? Compose::ReplyBuilder::Recipients::Sender
                                                   : Compose::ReplyBuilder::Recipients::All,
                                               from.address, ownAddresses());
        break;
    case Kind::Forward:
        message = Compose::ReplyBuilder::forwardInline(original, from.address);
        break;
    case Kind::ForwardAsAttachment:
        message = Compose::ReplyBuilder::forwardAsAttachment(raw.value(), original, from.address);
        break;
    case Kind::EditAsNew:
        break;
    }
    compose(message, from.accountId);
}

void ComposeActions::showProblem(const QString &text)
{
    QMessageBox::warning(m_window, tr("Compose"), text);
}

} // namespace Poplar::Ui
