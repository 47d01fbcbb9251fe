#include "ui/reader/FolderModel.h"

#include "ui/common/ItemRoles.h"

#include "store/StoreReader.h"
#include "store/StoreWriter.h"

#include <QSet>
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
        connect(writer, &Store::StoreWriter::outboxChanged, this, &FolderModel::scheduleRefresh);
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

    auto addFolders = [&](QStandardItem *top, const QString &account) {
        top->appendRow(makeItem(tr("Inbox"), account, Store::Folder::Inbox));
        top->appendRow(makeItem(tr("Drafts"), account, Store::Folder::Drafts));
        top->appendRow(makeItem(tr("Sent"), account, Store::Folder::Sent));
        QStandardItem *outbox = makeItem(tr("Outbox"), account, Store::Folder::Inbox);
        outbox->setData(true, OutboxRole);
        top->appendRow(outbox);
        top->appendRow(makeItem(tr("Trash"), account, Store::Folder::Trash));
        appendRow(top);
    };
    addFolders(makeItem(tr("All accounts"), QString(), Store::Folder::Inbox), QString());
    for (const AccountEntry &account : accounts)
        addFolders(makeItem(account.name.isEmpty() ? account.id : account.name, account.id,
                            Store::Folder::Inbox),
                   account.id);
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

QString FolderModel::setLabel(QStandardItem *item, qint64 count, bool bold)
{
    const QString name = item->data(kNameRole).toString();
    const QString text = count > 0 ? tr("%1 (%2)").arg(name).arg(count) : name;
    if (item->text() != text)
        item->setText(text);
    QFont font = item->font();
    if (font.bold() != bold) {
        font.setBold(bold);
        item->setFont(font);
    }
    return name;
}

void FolderModel::setCount(QStandardItem *item, qint64 unread)
{
    item->setData(unread, UnreadCountRole);
    const QString name = setLabel(item, unread, unread > 0);
    item->setData(unread > 0 ? tr("%1, %n unread", nullptr, int(unread)).arg(name) : name,
                  Qt::AccessibleTextRole);
}

void FolderModel::setTotal(QStandardItem *item, qint64 total, bool needsAttention)
{
    setLabel(item, total, needsAttention);
    item->setData(item->text(), Qt::AccessibleTextRole);
}

void FolderModel::refreshCounts()
{
    QHash<QString, qint64> counts;
    QHash<QString, qint64> waiting; // Outbox messages per account, and under ""
    QSet<QString> needsAttention;   // accounts with a refused or perhaps-sent message
    const bool open = m_reader && m_reader->isOpen();
    if (open) {
        counts = m_reader->unreadCounts().valueOr({});
        for (const Store::OutgoingRecord &record : m_reader->outbox().valueOr({})) {
            ++waiting[record.account];
            ++waiting[QString()];
            if (record.state == Store::OutgoingRecord::State::Failed ||
                record.state == Store::OutgoingRecord::State::Unknown) {
                needsAttention.insert(record.account);
                needsAttention.insert(QString());
            }
        }
    }
    qint64 total = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        total += it.value();
    for (int row = 0; row < rowCount(); ++row) {
        QStandardItem *top = item(row);
        const QString account = top->data(AccountRole).toString();
        const qint64 unread = row == 0 ? total : counts.value(account);
        setCount(top, unread);
        for (int c = 0; c < top->rowCount(); ++c) {
            QStandardItem *folder = top->child(c);
            if (folder->data(OutboxRole).toBool())
                setTotal(folder, waiting.value(account), needsAttention.contains(account));
            else if (folder->data(FolderRole).toInt() == int(Store::Folder::Drafts))
                setTotal(folder,
                         open ? m_reader->count(account, Store::Folder::Drafts).valueOr(0) : 0,
                         false);
            else if (folder->data(FolderRole).toInt() == int(Store::Folder::Inbox))
                setCount(folder, unread);
        }
    }
}

QModelIndex FolderModel::find(const QString &account,
                              const std::function<bool(const QStandardItem *)> &matches) const
{
    for (int row = 0; row < rowCount(); ++row) {
        QStandardItem *top = item(row);
        if (top->data(AccountRole).toString() != account)
            continue;
        for (int c = 0; c < top->rowCount(); ++c)
            if (matches(top->child(c)))
                return top->child(c)->index();
    }
    return {};
}

QModelIndex FolderModel::indexFor(const QString &account, Store::Folder folder) const
{
    return find(account, [folder](const QStandardItem *child) {
        return !child->data(OutboxRole).toBool() && child->data(FolderRole).toInt() == int(folder);
    });
}

QModelIndex FolderModel::outboxIndexFor(const QString &account) const
{
    return find(account,
                [](const QStandardItem *child) { return child->data(OutboxRole).toBool(); });
}

} // namespace Poplar::Ui
