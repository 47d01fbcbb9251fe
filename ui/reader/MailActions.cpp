#include "ui/reader/MailActions.h"

#include "ui/common/Actions.h"
#include "ui/common/ItemRoles.h"
#include "ui/reader/MessageListModel.h"

#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "store/WriteBatch.h"
#include "sync/SyncManager.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeView>

namespace Poplar::Ui {

namespace {
constexpr int kMaxPagesToFindUnread = 50;
}

MailActions::MailActions(Store::StoreReader *reader, Store::StoreWriter *writer,
                         Sync::SyncManager *sync, MessageListModel *model, QTreeView *list,
                         QWidget *dialogParent)
    : QObject(dialogParent)
    , m_reader(reader)
    , m_writer(writer)
    , m_sync(sync)
    , m_model(model)
    , m_list(list)
    , m_dialogParent(dialogParent)
{
    m_getMail = makeAction(this, tr("&Get Mail"), QStringLiteral("actionGetMail"),
                           QKeySequence(Qt::Key_F5));
    connect(m_getMail, &QAction::triggered, this, [this] {
        if (m_sync)
            m_sync->syncAll();
    });
    m_markRead = makeAction(this, tr("Mark as &Read"), QStringLiteral("actionMarkRead"),
                            QKeySequence(Qt::Key_M));
    connect(m_markRead, &QAction::triggered, this, [this] { submitRead(true); });
    m_markUnread = makeAction(this, tr("Mark as &Unread"), QStringLiteral("actionMarkUnread"),
                              QKeySequence(Qt::SHIFT | Qt::Key_M));
    connect(m_markUnread, &QAction::triggered, this, [this] { submitRead(false); });
    m_star = makeAction(this, tr("&Star"), QStringLiteral("actionStar"),
                        QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_star, &QAction::triggered, this, &MailActions::submitStar);
    m_delete =
        makeAction(this, tr("&Delete"), QStringLiteral("actionDelete"), QKeySequence::Delete);
    connect(m_delete, &QAction::triggered, this, &MailActions::submitDelete);
    m_restore = makeAction(this, tr("R&estore"), QStringLiteral("actionRestore"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    connect(m_restore, &QAction::triggered, this, &MailActions::submitRestore);
    m_emptyTrash = makeAction(this, tr("&Empty Trash…"), QStringLiteral("actionEmptyTrash"), {});
    connect(m_emptyTrash, &QAction::triggered, this, &MailActions::confirmEmptyTrash);
    m_nextUnread = makeAction(this, tr("&Next Unread"), QStringLiteral("actionNextUnread"),
                              QKeySequence(Qt::Key_N));
    connect(m_nextUnread, &QAction::triggered, this, [this] { goToUnread(1); });
    m_previousUnread = makeAction(this, tr("&Previous Unread"),
                                  QStringLiteral("actionPreviousUnread"), QKeySequence(Qt::Key_P));
    connect(m_previousUnread, &QAction::triggered, this, [this] { goToUnread(-1); });

    m_getMail->setEnabled(m_sync != nullptr);
    if (m_list && m_list->selectionModel())
        connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &MailActions::updateEnabled);
    updateEnabled();
}

QList<QAction *> MailActions::all() const
{
    return {m_getMail, m_markRead,   m_markUnread, m_star,          m_delete,
            m_restore, m_emptyTrash, m_nextUnread, m_previousUnread};
}

QList<qint64> MailActions::selectedIds() const
{
    QList<qint64> ids;
    if (!m_list || !m_list->selectionModel())
        return ids;
    const QModelIndexList rows = m_list->selectionModel()->selectedRows(0);
    for (const QModelIndex &index : rows)
        ids.append(index.data(MessageIdRole).toLongLong());
    return ids;
}

QList<qint64> MailActions::selectedIn(Store::Folder folder) const
{
    QList<qint64> ids;
    if (!m_list || !m_list->selectionModel())
        return ids;
    const QModelIndexList rows = m_list->selectionModel()->selectedRows(0);
    for (const QModelIndex &index : rows)
        if (index.data(FolderRole).toInt() == int(folder))
            ids.append(index.data(MessageIdRole).toLongLong());
    return ids;
}

void MailActions::updateEnabled()
{
    const bool any = !selectedIds().isEmpty();
    const bool writable = m_writer != nullptr;
    m_markRead->setEnabled(any && writable);
    m_markUnread->setEnabled(any && writable);
    m_star->setEnabled(any && writable);
    m_delete->setEnabled(writable && !selectedIn(Store::Folder::Inbox).isEmpty());
    m_restore->setEnabled(writable && !selectedIn(Store::Folder::Trash).isEmpty());
    m_emptyTrash->setEnabled(writable);
}

void MailActions::setRead(const QList<qint64> &ids, bool read)
{
    if (!m_writer || ids.isEmpty())
        return;
    Store::WriteBatch batch;
    batch.setRead(ids, read);
    m_writer->submit(std::move(batch));
}

void MailActions::submitRead(bool read)
{
    setRead(selectedIds(), read);
}

void MailActions::submitStar()
{
    if (!m_writer || !m_list || !m_list->selectionModel())
        return;
    QList<qint64> ids;
    bool allStarred = true;
    const QModelIndexList rows = m_list->selectionModel()->selectedRows(0);
    for (const QModelIndex &index : rows) {
        ids.append(index.data(MessageIdRole).toLongLong());
        allStarred = allStarred && index.data(StarredRole).toBool();
    }
    if (ids.isEmpty())
        return;
    Store::WriteBatch batch;
    batch.setStarred(ids, !allStarred);
    m_writer->submit(std::move(batch));
}

void MailActions::submitDelete()
{
    const QList<qint64> ids = selectedIn(Store::Folder::Inbox);
    if (!m_writer || ids.isEmpty())
        return;
    Store::WriteBatch batch;
    batch.moveToTrash(ids);
    m_writer->submit(std::move(batch));
}

void MailActions::submitRestore()
{
    const QList<qint64> ids = selectedIn(Store::Folder::Trash);
    if (!m_writer || ids.isEmpty())
        return;
    Store::WriteBatch batch;
    batch.restoreFromTrash(ids);
    m_writer->submit(std::move(batch));
}

void MailActions::confirmEmptyTrash()
{
    if (!m_writer || !m_reader || !m_reader->isOpen())
        return;
    const QString account = m_model ? m_model->account() : QString();
    const qint64 count = m_reader->count(account, Store::Folder::Trash).valueOr(0);
    if (count == 0)
        return;
    QMessageBox box(QMessageBox::Warning, tr("Empty Trash"),
                    tr("Delete the %n message(s) in the Trash from this computer for good?",
                       nullptr, int(count)),
                    QMessageBox::Cancel, m_dialogParent);
    box.setObjectName(QStringLiteral("emptyTrashQuestion"));
    QPushButton *remove = box.addButton(tr("Delete for Good"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;

    QList<qint64> ids;
    Store::PageQuery query;
    query.account = account;
    query.folder = Store::Folder::Trash;
    query.limit = 1000;
    for (;;) {
        auto page = m_reader->page(query);
        if (!page || page.value().isEmpty())
            break;
        for (const Store::MessageSummary &row : page.value())
            ids.append(row.id);
        if (page.value().size() < query.limit)
            break;
        query.after = Store::StoreReader::cursorAfter(page.value().constLast(), query.sortKey);
    }
    if (ids.isEmpty())
        return;
    Store::WriteBatch batch;
    batch.deleteLocally(ids);
    m_writer->submit(std::move(batch));
}

void MailActions::goToUnread(int step)
{
    if (!m_model || !m_list)
        return;
    const QModelIndex current = m_list->currentIndex();
    int row = current.isValid() ? current.row() + step : (step > 0 ? 0 : m_model->rowCount() - 1);
    int pages = 0;
    for (;;) {
        if (row < 0)
            return;
        if (row >= m_model->rowCount()) {
            if (step < 0 || !m_model->canFetchMore({}) || ++pages > kMaxPagesToFindUnread)
                return;
            m_model->fetchMore({});
            continue;
        }
        if (!m_model->index(row, 0).data(ReadRole).toBool()) {
            m_list->setCurrentIndex(m_model->index(row, MessageListModel::Subject));
            m_list->scrollTo(m_list->currentIndex());
            return;
        }
        row += step;
    }
}

} // namespace Poplar::Ui
