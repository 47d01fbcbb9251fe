#pragma once

#include "mime/Message.h"
#include "store/MessageSummary.h"

#include <QTemporaryDir>
#include <QWidget>

#include <memory>

class QAction;
class QFrame;
class QHBoxLayout;
class QLabel;
class QPushButton;

namespace Poplar::Store {
class StoreReader;
class StoreWriter;
} // namespace Poplar::Store

namespace Poplar::Ui {

class SafeTextBrowser;

// The reading pane: the header block (subject, from, to, cc, date), bars for blocked remote
// content, a headers-only message and the attachments, and the sanitized body. Showing a
// message never loads anything from the network; "Load" re-renders it with remote images
// allowed for this message only.
class MessageView : public QWidget
{
    Q_OBJECT

public:
    MessageView(Store::StoreReader *reader, Store::StoreWriter *writer, QWidget *parent = nullptr);
    ~MessageView() override;

    // A stored message, by its id in the store.
    void showMessage(qint64 id);
    // A message that is not in the store, e.g. a saved .eml file.
    void showRaw(const QByteArray &raw);
    void clear();
    bool hasMessage() const { return !m_raw.isEmpty(); }
    qint64 currentMessageId() const { return m_summary.id; }

    QAction *plainTextAction() const { return m_plainAction; }
    QAction *viewSourceAction() const { return m_sourceAction; }
    QAction *saveAsAction() const { return m_saveAction; }
    // Buttons for these commands beside the subject (Reply, Forward…), as the window offers.
    void addHeaderActions(const QList<QAction *> &actions);

    int remoteBlocked() const { return m_remoteBlocked; }
    SafeTextBrowser *browser() const { return m_browser; }
    const Mime::Message &message() const { return m_message; }

public slots:
    void loadRemoteContent();

signals:
    void linkHovered(const QUrl &url);
    void downloadFullRequested(const QString &account, qint64 id, const QString &uidl);

private:
    void display(const Store::MessageSummary &summary, QByteArray raw, Mime::Message message);
    void render();
    void rebuildAttachments();
    void openAttachment(int index);
    void saveAttachment(int index);
    void saveAllAttachments();
    void viewSource();
    void saveAsEml();
    void openLink(const QUrl &url);
    void onChanged(const QList<qint64> &ids);

    Store::StoreReader *m_reader;
    Store::MessageSummary m_summary;
    QByteArray m_raw; // what "View Source" shows and "Save As" writes
    Mime::Message m_message;
    bool m_allowRemote = false;
    int m_remoteBlocked = 0;

    QLabel *m_subject = nullptr;
    QLabel *m_from = nullptr;
    QLabel *m_to = nullptr;
    QLabel *m_cc = nullptr;
    QLabel *m_date = nullptr;
    QWidget *m_header = nullptr;
    QHBoxLayout *m_headerButtons = nullptr; // the subject and the commands beside it
    QFrame *m_remoteBar = nullptr;
    QLabel *m_remoteLabel = nullptr;
    QFrame *m_partialBar = nullptr;
    QFrame *m_attachmentsBar = nullptr;
    QHBoxLayout *m_attachmentsLayout = nullptr;
    SafeTextBrowser *m_browser = nullptr;
    QAction *m_plainAction = nullptr;
    QAction *m_sourceAction = nullptr;
    QAction *m_saveAction = nullptr;
    std::unique_ptr<QTemporaryDir> m_openDir;
};

} // namespace Poplar::Ui
