#pragma once

#include "ui/reader/MessageListRow.h"

#include "store/MessageSummary.h"
#include "store/PageQuery.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QSet>

#include <optional>

namespace Poplar::Store {
class StoreReader;
class StoreWriter;
} // namespace Poplar::Store

namespace Poplar::Ui {

class SearchRunner;

// The message list over the store: one folder (of one account or of all) or the results of
// a search. Rows are fetched a page at a time (canFetchMore/fetchMore with keyset cursors),
// so only what was scrolled to is in memory. Sorting happens in SQL. Changes reported by the
// StoreWriter update the loaded rows in place (insert, remove, move, dataChanged), never by a
// reset, so the view keeps its selection and scroll position while mail arrives. In a folder,
// a change costs in proportion to the messages changed, not to the rows loaded: a message
// that arrives is read by its id and inserted where the sort order puts it if that is inside
// the loaded rows (after the last loaded row it comes with the next page).
//
// Searches run on SearchRunner's thread, never on the GUI thread: the first page of results,
// further pages and the re-reading after a change. Until the results of the text typed last
// arrive the rows shown stay those of the previous query (folder or search); they are then
// replaced in one step, and the messages that are in both stay selected. The results of an
// older text are never shown.
//
// Grouped by thread (a folder only; search results stay a flat list), the rows are still one
// flat list, paged the same way: threads newest first, each thread's messages together and
// oldest first, replies indented by their depth. A change may move a whole thread (new mail
// makes it the newest), so changes then re-read the loaded rows and apply the difference,
// still without a reset.
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
    // A new sort order keeps at most this many rows loaded (the rest come back page by page
    // while scrolling), so that sorting a list scrolled far down stays quick.
    static constexpr int SortKeepRows = 1000;
    // The most rows one query may return (StoreReader's limit).
    static constexpr int MaxQueryRows = 10000;

    MessageListModel(Store::StoreReader *reader, Store::StoreWriter *writer,
                     QObject *parent = nullptr);

    // Shows a folder (account empty: all accounts); ends a search.
    void setFolder(const QString &account, Store::Folder folder);
    QString account() const { return m_account; }
    Store::Folder folder() const { return m_folder; }
    // Shows the search results for text in the current account (or all); empty text ends it.
    // The results come later (searchShown()); until then the rows are those shown before.
    void setSearch(const QString &text, bool allAccounts);
    QString searchText() const { return m_search; }
    // Whether the rows shown are not yet the results for searchText().
    bool isSearching() const { return m_pending == Pending::Results; }
    // Groups a folder's messages by thread (see above); off by default.
    void setGroupedByThread(bool grouped);
    bool groupedByThread() const { return m_grouped; }
    // Whether the rows shown are grouped: grouping is on and they are a folder's, not search
    // results (a folder stays shown, grouped, until the first results arrive).
    bool showsThreads() const { return m_grouped && !m_showsResults; }

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

    // The name part of a From header ("Alice Martin <alice@example.org>" -> "Alice Martin");
    // a bare address stays as it is.
    static QString senderName(const QString &from);

    // The Date column: today the time (hours and minutes), earlier this year the day and
    // month, before that the short date, each in the locale's format.
    static QString dateText(const QDateTime &date, const QDateTime &now, const QLocale &locale);

    int rowOfMessage(qint64 id) const;

    // Reloads the loaded rows from the store and applies the difference (also called on the
    // writer's change signals, coalesced).
    void refresh();

signals:
    void loadFailed(const QString &error);
    // The results of the search typed last are in the rows (or it failed: loadFailed()).
    void searchShown();

private:
    // What the search thread is working on for this model.
    enum class Pending
    {
        None,
        Results, // the first page for new search text
        Page,    // the next page (fetchMore)
        Refresh  // the loaded results again, after a change in the store
    };

    void reload();
    void requestSearch(Pending kind, int offset, int limit);
    void cancelSearch();
    void onSearchFinished(const QList<Store::MessageSummary> &results);
    void onSearchFailed(const QString &error);
    // Shows rows instead of the loaded ones in one layout change; persistent indexes (the
    // selection, the current row) follow their message when it is among rows.
    void replaceRows(const QList<MessageListRow> &rows);
    void appendRows(const QList<MessageListRow> &rows);
    QList<MessageListRow> query(int limit, const MessageListRow *after);
    MessageListRow toRow(const Store::MessageSummary &message);
    QList<MessageListRow> toRows(const QList<Store::MessageSummary> &messages);
    // A stored message as a row; nothing when the store cannot read it.
    std::optional<MessageListRow> readRow(qint64 id);
    // The snippet of a message, the Subject column's tooltip.
    QString snippet(qint64 id) const;
    void applyRows(const QList<MessageListRow> &rows);
    void updateChanged(const QList<qint64> &ids);
    void scheduleRefresh();
    void onAdded(const QList<qint64> &ids);
    void onMoved(const QList<qint64> &ids);
    void onRemoved(const QList<qint64> &ids);
    // Whether a message belongs to the folder shown (false while searching).
    bool belongsHere(const MessageListRow &message) const;
    // Whether a comes before b in the current sort order (as the SQL orders them).
    bool sortsBefore(const MessageListRow &a, const MessageListRow &b) const;
    // Where message goes among the loaded rows; -1 when after them while more are to come.
    int insertPosition(const MessageListRow &message) const;
    void insertMessages(QList<MessageListRow> messages);
    void removeMessages(const QSet<qint64> &ids);

    Store::StoreReader *m_reader;
    QString m_account;
    Store::Folder m_folder = Store::Folder::Inbox;
    QString m_search;
    bool m_searchAllAccounts = false;
    Store::SortKey m_sortKey = Store::SortKey::Date;
    Qt::SortOrder m_order = Qt::DescendingOrder;
    QList<MessageListRow> m_rows;
    QSet<QString> m_accountNames; // shared by the rows (see toRow())
    bool m_atEnd = true;
    bool m_refreshQueued = false;
    SearchRunner *m_searchRunner = nullptr; // made with the first search
    Pending m_pending = Pending::None;
    int m_pendingLimit = 0;
    // The store changed while a search was pending: read the results again after it.
    bool m_refreshAfterSearch = false;
    bool m_grouped = false;
    bool m_showsResults = false; // the rows are search results (see showsThreads())
};

} // namespace Poplar::Ui
