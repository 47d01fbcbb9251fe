#pragma once

#include "store/MessageSummary.h"

#include <QList>
#include <QObject>

class QAction;
class QTreeView;
class QWidget;

namespace Poplar::Store {
class StoreReader;
class StoreWriter;
} // namespace Poplar::Store
namespace Poplar::Sync {
class SyncManager;
}

namespace Poplar::Ui {

class MessageListModel;

// The commands on messages, as QActions with their shortcuts: get mail, mark read/unread,
// star, delete to Trash, restore, empty Trash, next/previous unread. They act on the
// selection of the message list and submit their changes to the StoreWriter (never wait).
class MailActions : public QObject
{
    Q_OBJECT

public:
    MailActions(Store::StoreReader *reader, Store::StoreWriter *writer, Sync::SyncManager *sync,
                MessageListModel *model, QTreeView *list, QWidget *dialogParent);

    QAction *getMail() const { return m_getMail; }
    QAction *markRead() const { return m_markRead; }
    QAction *markUnread() const { return m_markUnread; }
    QAction *toggleStar() const { return m_star; }
    QAction *deleteMessages() const { return m_delete; }
    QAction *restore() const { return m_restore; }
    QAction *emptyTrash() const { return m_emptyTrash; }
    QAction *nextUnread() const { return m_nextUnread; }
    QAction *previousUnread() const { return m_previousUnread; }
    QList<QAction *> all() const;

    QList<qint64> selectedIds() const;
    void setRead(const QList<qint64> &ids, bool read);
    // Enables what makes sense for the selection and folder.
    void updateEnabled();

private:
    QList<qint64> selectedIn(Store::Folder folder) const;
    void submitRead(bool read);
    void submitStar();
    void submitDelete();
    void submitRestore();
    void confirmEmptyTrash();
    void goToUnread(int step);

    Store::StoreReader *m_reader;
    Store::StoreWriter *m_writer;
    Sync::SyncManager *m_sync;
    MessageListModel *m_model;
    QTreeView *m_list;
    QWidget *m_dialogParent;

    QAction *m_getMail = nullptr;
    QAction *m_markRead = nullptr;
    QAction *m_markUnread = nullptr;
    QAction *m_star = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_restore = nullptr;
    QAction *m_emptyTrash = nullptr;
    QAction *m_nextUnread = nullptr;
    QAction *m_previousUnread = nullptr;
};

} // namespace Poplar::Ui
