#pragma once

#include "mime/OutgoingMessage.h"
#include "store/BatchResult.h"

#include <QList>
#include <QMainWindow>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QMimeData;
class QTextEdit;
class QTimer;

namespace Poplar::Store {
class StoreWriter;
}

namespace Poplar::Ui {

class RecipientEdit;

// Who a message can be sent as: an account, the address it sends from and its signature.
struct Identity
{
    QString accountId;
    Mime::Address address;
    QString signature;
    bool signatureAboveQuote = false;
};

// The window in which the user writes a message: From (one of their identities), To, Cc,
// Bcc with address completion, Subject, the text (wrapped at 72 columns, sent as
// format=flowed) and the attachments (Attach, drag and drop, Remove).
//
// Send puts the message into the Outbox in one transaction with the removal of its draft, so
// it is either queued or still a draft; queued() then tells whoever sends. Save Draft (and
// every 30 s, while there are changes) keeps it in Drafts, each save replacing the previous
// draft in one transaction, so a crash loses at most the last interval's typing. Closing with
// unsaved changes asks whether to save them.
class ComposerWindow : public QMainWindow
{
    Q_OBJECT

public:
    static constexpr qint64 DefaultSizeWarningBytes = 25 * 1024 * 1024;
    static constexpr int DefaultAutosaveMs = 30 * 1000;

    ComposerWindow(Store::StoreWriter *writer, const QList<Identity> &identities,
                   QAbstractItemModel *completions, QWidget *parent = nullptr);
    ~ComposerWindow() override;

    // Fills every field. `accountId` picks the identity; `draftId` is the draft the message
    // is kept as (0: not saved yet).
    void setMessage(const Mime::OutgoingMessage &message, const QString &accountId,
                    qint64 draftId = 0);
    // The message as the fields say now.
    Mime::OutgoingMessage message() const;
    QString accountId() const;
    qint64 draftId() const { return m_draftId; }
    // Changes the user has not chosen to keep (autosave keeps them too, but Close still asks).
    bool hasUnsavedChanges() const { return m_changes != m_keptChanges; }

    // Reads the files and attaches them; a file that cannot be read is reported in words and
    // not attached. Returns how many were attached.
    int attachFiles(const QStringList &paths);
    void setAutosaveInterval(int milliseconds);

    // Queues the message (sendNow: and asks for it to be sent at once).
    void send(bool sendNow = true);
    void saveDraft();

signals:
    void queued(const QString &accountId, bool sendNow);
    void draftSaved(qint64 draftId);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildFields(QAbstractItemModel *completions);
    void createActions();
    void noteChange();
    // Another From: its signature takes the place of the previous one's in the text.
    void onIdentityChanged(int index);
    void updateTitle();
    void removeSelectedAttachments();
    // Adds it to the message and the list (toolTip: where it came from).
    void addAttachment(const Mime::OutgoingAttachment &attachment, const QString &toolTip = {});
    qint64 attachmentBytes() const;
    // Shows the list and the "n attachments, size" line when there are any.
    void updateAttachmentSummary();
    void chooseAttachments();
    // Asks about what would make the message go wrong (no recipient, a bad address, no
    // subject, a size servers refuse); false when the user does not want to send it as it is.
    bool readyToSend();
    void onBatchFinished(const Store::BatchResult &result);
    // automatic: an autosave, which keeps the text safe but does not count as the user's save.
    void submitDraft(bool automatic);
    // Queues the message, in one transaction with the removal of its draft.
    void submitSend();
    // Forgets the changes, removing the draft that only autosave made.
    void discardChanges();
    static QStringList localFiles(const QMimeData *data);

    Store::StoreWriter *m_writer;
    QList<Identity> m_identities;
    QComboBox *m_from = nullptr;
    RecipientEdit *m_to = nullptr;
    RecipientEdit *m_cc = nullptr;
    RecipientEdit *m_bcc = nullptr;
    QLineEdit *m_subject = nullptr;
    QTextEdit *m_body = nullptr;
    QListWidget *m_attachmentList = nullptr;
    QLabel *m_attachmentSize = nullptr;
    QTimer *m_autosave = nullptr;
    int m_identity = -1; // the From shown, whose signature the text holds

    QList<Mime::OutgoingAttachment> m_attachments;
    // What the message carries over from the one it answers, and keeps between saves.
    QString m_inReplyTo;
    QStringList m_references;

    qint64 m_draftId = 0;
    // The draft exists only because autosave made it: discarding the changes removes it.
    bool m_draftOnlyAutosaved = false;
    quint64 m_changes = 0;      // counts edits
    quint64 m_savedChanges = 0; // m_changes at the last committed save, autosave or not
    quint64 m_keptChanges = 0;  // m_changes at the last committed save the user asked for
    quint64 m_saveTicket = 0;
    quint64 m_savingChanges = 0;
    bool m_savingKept = false;
    bool m_saveAgain = false;
    bool m_saveAgainKept = false;
    enum class AfterSave
    {
        Stay,
        Close
    };
    AfterSave m_afterSave = AfterSave::Stay;
    quint64 m_sendTicket = 0;
    bool m_sendNow = true;
    bool m_sendAfterSave = false; // Send was asked while a save was in flight
    bool m_queued = false;
};

} // namespace Poplar::Ui
