#pragma once

#include "store/MessageSummary.h"

#include <QList>
#include <QStandardItemModel>

#include <functional>

namespace Poplar::Store {
class StoreReader;
class StoreWriter;
} // namespace Poplar::Store

namespace Poplar::Ui {

// The folder pane: "All accounts" (every Inbox) and, per account, its Inbox (with the number
// of unread messages), Drafts (with how many), Sent, Outbox (with how many wait; bold when
// one needs the user) and Trash. Items carry AccountRole (empty for all accounts), FolderRole
// and UnreadCountRole; the Outbox, which is not a folder of messages, OutboxRole. Counts
// follow the store's changes; the items themselves are rebuilt only when the accounts change,
// so the selection stays.
class FolderModel : public QStandardItemModel
{
    Q_OBJECT

public:
    struct AccountEntry
    {
        QString id;
        QString name;
    };

    FolderModel(Store::StoreReader *reader, Store::StoreWriter *writer, QObject *parent = nullptr);

    void setAccounts(const QList<AccountEntry> &accounts);
    void refreshCounts();

    // The item for an account's folder (account empty: all accounts).
    QModelIndex indexFor(const QString &account, Store::Folder folder) const;
    QModelIndex outboxIndexFor(const QString &account) const;

private:
    void scheduleRefresh();
    // "Name (count)", bold or not; returns the name.
    static QString setLabel(QStandardItem *item, qint64 count, bool bold);
    void setCount(QStandardItem *item, qint64 unread);
    // "Drafts (2)": how many there are, not how many are unread.
    static void setTotal(QStandardItem *item, qint64 total, bool needsAttention);
    // The account's first folder item that matches.
    QModelIndex find(const QString &account,
                     const std::function<bool(const QStandardItem *)> &matches) const;

    Store::StoreReader *m_reader;
    QList<AccountEntry> m_accounts;
    bool m_refreshQueued = false;
};

} // namespace Poplar::Ui
