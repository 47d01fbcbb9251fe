#pragma once

#include "store/OutgoingRecord.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTreeView;

namespace Poplar::Store {
class StoreReader;
class StoreWriter;
struct BatchResult;
} // namespace Poplar::Store

namespace Poplar::Ui {

class OutboxModel;

// The Outbox folder's pane: the messages that wait, were refused or may have gone out, the
// selected one's situation in words, and what the user can do about it: Send Again, Mark as
// Sent (for one that may have gone out), Edit (back to Drafts, to correct it) and Delete.
class OutboxView : public QWidget
{
    Q_OBJECT

public:
    OutboxView(Store::StoreReader *reader, Store::StoreWriter *writer, QWidget *parent = nullptr);

    OutboxModel *model() const { return m_model; }
    void setAccount(const QString &account);
    void selectRow(int row);

signals:
    // The account's queue should be sent now (the user asked to send a message again).
    void sendRequested(const QString &accountId);
    // A message came back from the Outbox as this draft, to be opened in a composer.
    void draftReady(qint64 draftId);

private:
    qint64 selectedId() const;
    // The selected message with its bytes; nothing (and the reason shown) when unreadable.
    std::optional<Store::OutgoingRecord> selectedWithBytes();
    void updateDetails();
    void sendAgain();
    void markSent();
    void edit();
    void remove();
    void onBatchFinished(const Store::BatchResult &result);

    Store::StoreReader *m_reader;
    Store::StoreWriter *m_writer;
    OutboxModel *m_model;
    QTreeView *m_list;
    QLabel *m_details;
    QPushButton *m_sendAgain;
    QPushButton *m_markSent;
    QPushButton *m_edit;
    QPushButton *m_delete;
    quint64 m_editTicket = 0;
};

} // namespace Poplar::Ui
