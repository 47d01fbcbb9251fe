#include "ui/compose/ComposerWindow.h"

#include "ui/common/Actions.h"
#include "ui/compose/RecipientEdit.h"

#include "compose/AddressBook.h"
#include "compose/ComposedMessage.h"
#include "compose/Signature.h"
#include "store/StoreWriter.h"
#include "store/WriteBatch.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTextEdit>
#include <QTime>
#include <QTimer>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <utility>

namespace Poplar::Ui {

namespace {
constexpr int kFlowedColumns = 72;

// What the attachments add to the message on the wire: base64 takes 4 bytes for 3, plus
// line ends.
qint64 encodedSize(qint64 bytes)
{
    return bytes * 4 / 3 + bytes / 57 * 2;
}
} // namespace

ComposerWindow::ComposerWindow(Store::StoreWriter *writer, const QList<Identity> &identities,
                               QAbstractItemModel *completions, QWidget *parent)
    : QMainWindow(parent)
    , m_writer(writer)
    , m_identities(identities)
{
    setObjectName(QStringLiteral("composerWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setAcceptDrops(true);
    buildFields(completions);
    m_identity = m_from->currentIndex();
    createActions();
    connect(m_writer, &Store::StoreWriter::batchFinished, this, &ComposerWindow::onBatchFinished);
    m_autosave = new QTimer(this);
    m_autosave->setInterval(DefaultAutosaveMs);
    connect(m_autosave, &QTimer::timeout, this, [this] {
        if (m_changes != m_savedChanges && !m_queued)
            submitDraft(true);
    });
    m_autosave->start();
    resize(820, 680);
    updateTitle();
}

ComposerWindow::~ComposerWindow() = default;

void ComposerWindow::buildFields(QAbstractItemModel *completions)
{
    auto *central = new QWidget(this);
    m_from = new QComboBox(central);
    m_from->setObjectName(QStringLiteral("fromField"));
    for (const Identity &identity : m_identities)
        m_from->addItem(Compose::AddressBook::formatted(identity.address), identity.accountId);
    auto makeRecipients = [&](const QString &name) {
        auto *edit = new RecipientEdit(central);
        edit->setObjectName(name);
        edit->setCompletionModel(completions);
        connect(edit, &QLineEdit::textChanged, this, &ComposerWindow::noteChange);
        return edit;
    };
    m_to = makeRecipients(QStringLiteral("toField"));
    m_cc = makeRecipients(QStringLiteral("ccField"));
    m_bcc = makeRecipients(QStringLiteral("bccField"));
    m_subject = new QLineEdit(central);
    m_subject->setObjectName(QStringLiteral("subjectField"));
    connect(m_subject, &QLineEdit::textChanged, this, &ComposerWindow::noteChange);
    connect(m_subject, &QLineEdit::textChanged, this, &ComposerWindow::updateTitle);
    connect(m_from, &QComboBox::currentIndexChanged, this, &ComposerWindow::noteChange);
    connect(m_from, &QComboBox::currentIndexChanged, this, &ComposerWindow::onIdentityChanged);

    auto *form = new QFormLayout;
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("&Cc:"), m_cc);
    form->addRow(tr("&Bcc:"), m_bcc);
    form->addRow(tr("S&ubject:"), m_subject);

    m_body = new QTextEdit(central);
    m_body->setObjectName(QStringLiteral("bodyEditor"));
    m_body->setAccessibleName(tr("Message text"));
    m_body->setAcceptRichText(false);
    // The lines the reader will see: the writer sends the text as format=flowed, 72 columns.
    m_body->setLineWrapMode(QTextEdit::FixedColumnWidth);
    m_body->setLineWrapColumnOrWidth(kFlowedColumns);
    m_body->setWordWrapMode(QTextOption::WordWrap);
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_body->setTabChangesFocus(true);
    m_body->viewport()->installEventFilter(this);
    connect(m_body, &QTextEdit::textChanged, this, &ComposerWindow::noteChange);

    m_attachmentList = new QListWidget(central);
    m_attachmentList->setObjectName(QStringLiteral("attachmentList"));
    m_attachmentList->setAccessibleName(tr("Attachments"));
    m_attachmentList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_attachmentList->setMaximumHeight(96);
    m_attachmentList->setVisible(false);
    m_attachmentSize = new QLabel(central);
    m_attachmentSize->setObjectName(QStringLiteral("attachmentSize"));
    m_attachmentSize->setVisible(false);

    auto *layout = new QVBoxLayout(central);
    layout->addLayout(form);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_attachmentList);
    layout->addWidget(m_attachmentSize);
    setCentralWidget(central);
    if (m_identities.isEmpty())
        statusBar()->showMessage(tr("Add an account before sending mail."));
}

void ComposerWindow::createActions()
{
    auto make = [this](const QString &text, const QString &name, const QKeySequence &key) {
        QAction *action = makeAction(this, text, name, key);
        addAction(action);
        return action;
    };
    QAction *sendNow =
        make(tr("&Send"), QStringLiteral("actionSend"), QKeySequence(Qt::CTRL | Qt::Key_Return));
    sendNow->setStatusTip(tr("Put the message into the Outbox and send it now"));
    connect(sendNow, &QAction::triggered, this, [this] { send(true); });
    QAction *later = make(tr("Send &Later"), QStringLiteral("actionSendLater"), {});
    later->setStatusTip(tr("Put the message into the Outbox; it is sent with the unsent "
                           "messages, when the connection is back"));
    connect(later, &QAction::triggered, this, [this] { send(false); });
    QAction *save = make(tr("Save &Draft"), QStringLiteral("actionSaveDraft"), QKeySequence::Save);
    connect(save, &QAction::triggered, this, &ComposerWindow::saveDraft);
    QAction *attach = make(tr("&Attach Files…"), QStringLiteral("actionAttach"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(attach, &QAction::triggered, this, &ComposerWindow::chooseAttachments);
    QAction *remove = make(tr("&Remove Attachment"), QStringLiteral("actionRemoveAttachment"), {});
    connect(remove, &QAction::triggered, this, &ComposerWindow::removeSelectedAttachments);
    QAction *fixedWidth = make(tr("&Fixed-Width Font"), QStringLiteral("actionFixedWidth"), {});
    fixedWidth->setCheckable(true);
    fixedWidth->setChecked(true);
    fixedWidth->setStatusTip(tr("Show the text in a font whose letters are all as wide, as many "
                                "readers show plain text"));
    connect(fixedWidth, &QAction::toggled, this, [this](bool fixed) {
        m_body->setFont(fixed ? QFontDatabase::systemFont(QFontDatabase::FixedFont)
                              : QApplication::font(m_body));
    });
    QAction *closeAction =
        make(tr("&Close"), QStringLiteral("actionCloseComposer"), QKeySequence::Close);
    connect(closeAction, &QAction::triggered, this, &QWidget::close);

    QMenu *file = menuBar()->addMenu(tr("&Message"));
    file->addActions({sendNow, later, save});
    file->addSeparator();
    file->addActions({attach, remove});
    file->addSeparator();
    file->addAction(closeAction);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(fixedWidth);

    QToolBar *toolBar = addToolBar(tr("Composer Toolbar"));
    toolBar->setObjectName(QStringLiteral("composerToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addActions({sendNow, save, attach});

    m_attachmentList->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_attachmentList->addAction(remove);
    auto *deleteKey = new QAction(m_attachmentList);
    deleteKey->setShortcut(QKeySequence::Delete);
    deleteKey->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteKey, &QAction::triggered, this, &ComposerWindow::removeSelectedAttachments);
    m_attachmentList->addAction(deleteKey);
}

void ComposerWindow::setMessage(const Mime::OutgoingMessage &message, const QString &accountId,
                                qint64 draftId)
{
    m_identity = -1; // the text comes with its signature already
    for (int i = 0; i < m_from->count(); ++i)
        if (m_from->itemData(i).toString() == accountId)
            m_from->setCurrentIndex(i);
    m_identity = m_from->currentIndex();
    m_to->setAddresses(message.to);
    m_cc->setAddresses(message.cc);
    m_bcc->setAddresses(message.bcc);
    m_subject->setText(message.subject);
    m_body->setPlainText(message.text);
    m_attachments.clear();
    m_attachmentList->clear();
    for (const Mime::OutgoingAttachment &attachment : message.attachments)
        addAttachment(attachment);
    updateAttachmentSummary();
    m_inReplyTo = message.inReplyTo;
    m_references = message.references;
    m_draftId = draftId;
    m_draftOnlyAutosaved = false;
    noteChange();
    m_savedChanges = m_keptChanges = m_changes;
    // A reply starts with the cursor above the quote, a new message in To.
    if (message.to.isEmpty())
        m_to->setFocus();
    else {
        m_body->setFocus();
        m_body->moveCursor(QTextCursor::Start);
    }
}

Mime::OutgoingMessage ComposerWindow::message() const
{
    Mime::OutgoingMessage out;
    if (const int index = m_from->currentIndex(); index >= 0 && index < m_identities.size())
        out.from = m_identities.at(index).address;
    out.to = m_to->addresses();
    out.cc = m_cc->addresses();
    out.bcc = m_bcc->addresses();
    out.subject = m_subject->text().trimmed();
    out.text = m_body->toPlainText();
    out.attachments = m_attachments;
    out.inReplyTo = m_inReplyTo;
    out.references = m_references;
    return out;
}

QString ComposerWindow::accountId() const
{
    return m_from->currentData().toString();
}

void ComposerWindow::setAutosaveInterval(int milliseconds)
{
    m_autosave->setInterval(milliseconds);
}

void ComposerWindow::noteChange()
{
    ++m_changes;
}

void ComposerWindow::onIdentityChanged(int index)
{
    const int previous = std::exchange(m_identity, index);
    if (previous < 0 || previous >= m_identities.size() || index < 0 ||
        index >= m_identities.size())
        return;
    const QString before = m_identities.at(previous).signature;
    const QString after = m_identities.at(index).signature;
    if (before.trimmed().isEmpty() || before == after)
        return;
    QString text = m_body->toPlainText();
    const QString old = Compose::Signature::block(before);
    const qsizetype at = text.lastIndexOf(old);
    if (at < 0)
        return; // the user edited it: leave their text alone
    text.replace(at, old.size(),
                 after.trimmed().isEmpty() ? QString() : Compose::Signature::block(after));
    m_body->setPlainText(text);
}

void ComposerWindow::updateTitle()
{
    const QString subject = m_subject->text().trimmed();
    setWindowTitle(subject.isEmpty() ? tr("New Message") : tr("%1 — Compose").arg(subject));
}

int ComposerWindow::attachFiles(const QStringList &paths)
{
    int attached = 0;
    QStringList problems;
    for (const QString &path : paths) {
        QFile file(path);
        const QFileInfo info(path);
        if (info.isDir()) {
            problems.append(
                tr("%1 is a folder; attach the files in it instead.").arg(info.fileName()));
            continue;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            problems.append(tr("%1 cannot be read: %2").arg(info.fileName(), file.errorString()));
            continue;
        }
        Mime::OutgoingAttachment attachment;
        attachment.fileName = info.fileName();
        attachment.data = file.readAll();
        addAttachment(attachment, path);
        ++attached;
    }
    if (attached > 0) {
        noteChange();
        updateAttachmentSummary();
    }
    if (!problems.isEmpty())
        QMessageBox::warning(this, tr("Attach Files"), problems.join(u'\n'));
    return attached;
}

void ComposerWindow::addAttachment(const Mime::OutgoingAttachment &attachment,
                                   const QString &toolTip)
{
    m_attachments.append(attachment);
    auto *item = new QListWidgetItem(
        tr("%1 (%2)").arg(attachment.fileName, QLocale().formattedDataSize(attachment.data.size())),
        m_attachmentList);
    item->setToolTip(toolTip);
}

qint64 ComposerWindow::attachmentBytes() const
{
    qint64 total = 0;
    for (const Mime::OutgoingAttachment &attachment : m_attachments)
        total += attachment.data.size();
    return total;
}

void ComposerWindow::updateAttachmentSummary()
{
    m_attachmentList->setVisible(!m_attachments.isEmpty());
    m_attachmentSize->setVisible(!m_attachments.isEmpty());
    m_attachmentSize->setText(tr("%n attachment(s), %1", nullptr, int(m_attachments.size()))
                                  .arg(QLocale().formattedDataSize(attachmentBytes())));
}

void ComposerWindow::chooseAttachments()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Attach Files"));
    attachFiles(paths);
}

void ComposerWindow::removeSelectedAttachments()
{
    QList<int> rows;
    for (const QListWidgetItem *item : m_attachmentList->selectedItems())
        rows.append(m_attachmentList->row(item));
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (const int row : rows) {
        delete m_attachmentList->takeItem(row);
        m_attachments.removeAt(row);
    }
    if (!rows.isEmpty()) {
        noteChange();
        updateAttachmentSummary();
    }
}

QStringList ComposerWindow::localFiles(const QMimeData *data)
{
    QStringList paths;
    if (!data || !data->hasUrls())
        return paths;
    for (const QUrl &url : data->urls())
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    return paths;
}

void ComposerWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ComposerWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = localFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    attachFiles(paths);
}

// Files dropped on the text become attachments, not their names typed into the text.
bool ComposerWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_body->viewport()) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto *drag = static_cast<QDragMoveEvent *>(event);
            if (!localFiles(drag->mimeData()).isEmpty()) {
                drag->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto *drop = static_cast<QDropEvent *>(event);
            if (!localFiles(drop->mimeData()).isEmpty()) {
                dropEvent(drop);
                return true;
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

bool ComposerWindow::readyToSend()
{
    if (m_identities.isEmpty()) {
        QMessageBox::warning(this, tr("Send"), tr("Add an account before sending mail."));
        return false;
    }
    const Mime::OutgoingMessage draft = message();
    if (draft.to.isEmpty() && draft.cc.isEmpty() && draft.bcc.isEmpty()) {
        QMessageBox::warning(this, tr("Send"), tr("Add at least one recipient."));
        m_to->setFocus();
        return false;
    }
    const QStringList invalid =
        m_to->invalidAddresses() + m_cc->invalidAddresses() + m_bcc->invalidAddresses();
    if (!invalid.isEmpty()) {
        QMessageBox::warning(
            this, tr("Send"),
            tr("These are not email addresses: %1").arg(invalid.join(QStringLiteral(", "))));
        return false;
    }
    if (draft.subject.isEmpty() &&
        QMessageBox::question(this, tr("Send"), tr("Send this message without a subject?")) !=
            QMessageBox::Yes)
        return false;
    const qint64 attachments = attachmentBytes();
    if (encodedSize(attachments) > DefaultSizeWarningBytes &&
        QMessageBox::question(
            this, tr("Send"),
            tr("With its attachments the message is about %1. Many mail servers refuse "
               "messages larger than %2. Send it anyway?")
                .arg(QLocale().formattedDataSize(encodedSize(attachments)),
                     QLocale().formattedDataSize(DefaultSizeWarningBytes))) != QMessageBox::Yes)
        return false;
    return true;
}

void ComposerWindow::send(bool sendNow)
{
    if (m_sendTicket || m_queued || m_sendAfterSave || !readyToSend())
        return;
    m_sendNow = sendNow;
    m_autosave->stop();
    centralWidget()->setEnabled(false);
    if (m_saveTicket) {
        // The save in flight replaces the draft: queue once its id is known, so that the draft
        // it leaves is the one removed.
        m_sendAfterSave = true;
        return;
    }
    submitSend();
}

void ComposerWindow::submitSend()
{
    Store::WriteBatch batch;
    batch.queueOutgoing(Compose::ComposedMessage::outboxEntry(message(), accountId()));
    if (m_draftId)
        batch.discardDraft(m_draftId);
    statusBar()->showMessage(tr("Putting the message into the Outbox…"));
    m_sendTicket = m_writer->submit(std::move(batch));
}

void ComposerWindow::saveDraft()
{
    submitDraft(false);
}

void ComposerWindow::submitDraft(bool automatic)
{
    if (m_queued || m_sendTicket || m_sendAfterSave)
        return;
    if (m_saveTicket) {
        m_saveAgain = true;
        m_saveAgainKept = m_saveAgainKept || !automatic;
        return;
    }
    Store::WriteBatch batch;
    batch.insertMessage(Compose::ComposedMessage::draft(message(), accountId()));
    if (m_draftId)
        batch.discardDraft(m_draftId);
    m_savingChanges = m_changes;
    m_savingKept = !automatic;
    m_saveTicket = m_writer->submit(std::move(batch));
}

void ComposerWindow::onBatchFinished(const Store::BatchResult &result)
{
    if (result.ticket == m_sendTicket && m_sendTicket) {
        m_sendTicket = 0;
        if (!result.committed()) {
            centralWidget()->setEnabled(true);
            m_autosave->start();
            statusBar()->clearMessage();
            QMessageBox::critical(
                this, tr("Send"),
                tr("The message could not be put into the Outbox: %1").arg(result.error.message()));
            return;
        }
        m_queued = true;
        m_draftId = 0;
        emit queued(accountId(), m_sendNow);
        close();
        return;
    }
    if (result.ticket != m_saveTicket || !m_saveTicket)
        return;
    m_saveTicket = 0;
    if (m_sendAfterSave) {
        m_sendAfterSave = false;
        if (result.committed())
            m_draftId = result.operations.value(0).id;
        submitSend();
        return;
    }
    if (!result.committed()) {
        m_afterSave = AfterSave::Stay;
        statusBar()->showMessage(
            tr("The draft could not be saved: %1").arg(result.error.message()));
        return;
    }
    const bool existedBefore = m_draftId != 0;
    m_draftId = result.operations.value(0).id;
    m_savedChanges = m_savingChanges;
    if (m_savingKept) {
        m_keptChanges = m_savingChanges;
        m_draftOnlyAutosaved = false;
    } else if (!existedBefore) {
        m_draftOnlyAutosaved = true;
    }
    emit draftSaved(m_draftId);
    if (m_saveAgain) {
        const bool kept = m_saveAgainKept;
        m_saveAgain = m_saveAgainKept = false;
        submitDraft(!kept);
        return;
    }
    if (m_savingKept)
        statusBar()->showMessage(
            tr("Draft saved at %1")
                .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)),
            5000);
    if (m_afterSave == AfterSave::Close)
        close();
}

void ComposerWindow::discardChanges()
{
    if (m_draftOnlyAutosaved && m_draftId) {
        Store::WriteBatch batch;
        batch.discardDraft(m_draftId);
        m_writer->submit(std::move(batch));
        m_draftId = 0;
    }
    m_keptChanges = m_changes; // nothing left to ask about
}

void ComposerWindow::closeEvent(QCloseEvent *event)
{
    if (m_sendTicket || m_sendAfterSave) { // wait for the Outbox to take it
        event->ignore();
        return;
    }
    if (m_saveTicket) { // a save in flight: decide when it is done
        m_afterSave = AfterSave::Close;
        event->ignore();
        return;
    }
    m_afterSave = AfterSave::Stay;
    if (m_queued || !hasUnsavedChanges()) {
        event->accept();
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Close"), tr("Save this message as a draft before closing?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    event->ignore();
    if (answer == QMessageBox::Save) {
        m_afterSave = AfterSave::Close;
        saveDraft();
    } else if (answer == QMessageBox::Discard) {
        discardChanges();
        event->accept();
    }
}

} // namespace Poplar::Ui
