#include "ui/reader/FolderModel.h"

#include "ui/common/ItemRoles.h"

#include "store/StoreReader.h"
#include "store/StoreWriter.h"

#include <QTimer>

namespace Poplar::Ui {

namespace {
constexpr int kNameRole = SortValueRole;
} // namespace

FolderModel::FolderModel(Store::StoreReader *reader, Store::StoreWriter *writer, QObject *parent)
    : QStandardItemModel(parent)
    , m_reader(reader)
{
    setHorizontalHeaderLabels({tr("Folders")});
    if (writer) {
        connect(writer, &Store::StoreWriter::messagesAdded, this, &FolderModel::scheduleRefresh);
        connect(writer, &Store::StoreWriter::messagesChanged, this, &FolderModel::scheduleRefresh);
        connect(writer, &Store::StoreWriter::messagesMoved, this, &FolderModel::scheduleRefresh);
        connect(writer, &Store::StoreWriter::messagesRemoved, this, &FolderModel::scheduleRefresh);
    }
    setAccounts({});
}

void FolderModel::setAccounts(const QList<AccountEntry> &accounts)
{
    m_accounts = accounts;
    removeRows(0, rowCount());

    auto makeItem = [](const QString &name, const QString &account, Store::Folder folder) {
        auto *item = new QStandardItem(name);
        item->setEditable(false);
        item->setData(account, AccountRole);
        item->setData(int(folder), FolderRole);
        item->setData(name, kNameRole);
        item->setData(name, Qt::AccessibleTextRole);
        return item;
    };

    QStandardItem *all = makeItem(tr("All accounts"), QString(), Store::Folder::Inbox);
    all->appendRow(makeItem(tr("Inbox"), QString(), Store::Folder::Inbox));
    all->appendRow(makeItem(tr("Trash"), QString(), Store::Folder::Trash));
    appendRow(all);
    for (const AccountEntry &account : accounts) {
        QStandardItem *top = makeItem(account.name.isEmpty() ? account.id : account.name,
                                      account.id, Store::Folder::Inbox);
        top->appendRow(makeItem(tr("Inbox"), account.id, Store::Folder::Inbox));
        top->appendRow(makeItem(tr("Trash"), account.id, Store::Folder::Trash));
        appendRow(top);
    }
    refreshCounts();
}

void FolderModel::scheduleRefresh()
{
    if (m_refreshQueued)
        return;
    m_refreshQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshQueued = false;
        refreshCounts();
    });
}

void FolderModel::setCount(QStandardItem *item, const QString &name, qint64 unread)
{
    item->setData(unread, UnreadCountRole);
    const QString text = unread > 0 ? tr("%1 (%2)").arg(name).arg(unread) : name;
    if (item->text() != text)
        item->setText(text);
    QFont font = item->font();
    if (font.bold() != (unread > 0)) {
        font.setBold(unread > 0);
        item->setFont(font);
    }
    item->setData(unread > 0 ? tr("%1, %n unread", nullptr, int(unread)).arg(name) : name,
                  Qt::AccessibleTextRole);
}

void FolderModel::refreshCounts()
{
    QHash<QString, qint64> counts;
    if (m_reader && m_reader->isOpen())
        counts = m_reader->unreadCounts().valueOr({});
    qint64 total = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        total += it.value();
    for (int row = 0; row < rowCount(); ++row) {
        QStandardItem *top = item(row);
        const QString account = top->data(AccountRole).toString();
        const qint64 unread = row == 0 ? total : counts.value(account);
        setCount(top, top->data(kNameRole).toString(), unread);
        QStandardItem *inbox = top->child(0);
        if (inbox)
            setCount(inbox, inbox->data(kNameRole).toString(), unread);
    }
}

QModelIndex FolderModel::indexFor(const QString &account, Store::Folder folder) const
{
    for (int row = 0; row < rowCount(); ++row) {
        QStandardItem *top = item(row);
        if (top->data(AccountRole).toString() != account)
            continue;
        for (int c = 0; c < top->rowCount(); ++c)
            if (top->child(c)->data(FolderRole).toInt() == int(folder))
                return top->child(c)->index();
    }
    return {};
}

} // namespace Poplar::Ui
