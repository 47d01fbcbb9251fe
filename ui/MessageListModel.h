#pragma once

#include "store/MessageSummary.h"
#include "store/PageQuery.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

namespace Poplar::Store {
class StoreReader;
class StoreWriter;
} // namespace Poplar::Store

namespace Poplar::Ui {

// The message list over the store: one folder (of one account or of all) or the results of
// a search. Rows are fetched a page at a time (canFetchMore/fetchMore with keyset cursors),
// so only what was scrolled to is in memory. Sorting happens in SQL. Changes reported by the
// StoreWriter update the loaded rows in place (insert, remove, dataChanged), never by a reset,
// so the view keeps its selection and scroll position while mail arrives.
class MessageListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // The columns, in order. Stored in settings as integers: never reorder.
    enum Column
    {
        Star = 0,
        Unread,
        Attachment,
        From,
        Subject,
        Date,
        Size,
        ColumnCount
    };
    Q_ENUM(Column)

    static constexpr int PageSize = 200;

    MessageListModel(Store::StoreReader *reader, Store::StoreWriter *writer,
                     QObject *parent = nullptr);

    // Shows a folder (account empty: all accounts); ends a search.
    void setFolder(const QString &account, Store::Folder folder);
    QString account() const { return m_account; }
    Store::Folder folder() const { return m_folder; }
    // Shows the search results for text in the current account (or all); empty text ends it.
    void setSearch(const QString &text, bool allAccounts);
    QString searchText() const { return m_search; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    int sortColumn() const;
    Qt::SortOrder sortOrder() const { return m_order; }

    const Store::MessageSummary *summaryAt(int row) const;
    int rowOfMessage(qint64 id) const;

    // Reloads the loaded rows from the store and applies the difference (also called on the
    // writer's change signals, coalesced).
    void refresh();

signals:
    void loadFailed(const QString &error);

private:
    void reload();
    QList<Store::MessageSummary> query(int limit, const Store::MessageSummary *after) const;
    void applyRows(const QList<Store::MessageSummary> &rows);
    void updateChanged(const QList<qint64> &ids);
    void scheduleRefresh();

    Store::StoreReader *m_reader;
    QString m_account;
    Store::Folder m_folder = Store::Folder::Inbox;
    QString m_search;
    bool m_searchAllAccounts = false;
    Store::SortKey m_sortKey = Store::SortKey::Date;
    Qt::SortOrder m_order = Qt::DescendingOrder;
    QList<Store::MessageSummary> m_rows;
    bool m_atEnd = true;
    bool m_refreshQueued = false;
};

} // namespace Poplar::Ui
