#pragma once

#include "store/Database.h"
#include "store/MessageSummary.h"
#include "store/OutgoingRecord.h"
#include "store/PageQuery.h"
#include "store/Result.h"
#include "store/SearchQuery.h"
#include "store/UidlRecord.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Poplar::Store {

// Read-only queries on the mail database through its own connection (query-only: it can
// never write). Reads never wait for StoreWriter: with WAL each query sees the last commit.
// Use one StoreReader per thread; every method is synchronous and answers from indexes, so
// the GUI thread can call them (a page of a 100,000-message folder takes a few ms).
class StoreReader
{
public:
    StoreReader();

    [[nodiscard]] StoreError open(const QString &path);
    void close() { m_db.close(); }
    bool isOpen() const { return m_db.isOpen(); }
    // The database file, empty when not open (another thread opens its own reader on it).
    QString path() const { return m_db.isOpen() ? m_db.path() : QString(); }
    // See Database::setStopCheck: lets another thread stop a query that became useless.
    void setStopCheck(std::function<bool()> shouldStop)
    {
        m_db.setStopCheck(std::move(shouldStop));
    }

    // One page of the message list; see PageQuery for sorting, offset and keyset paging.
    Result<QList<MessageSummary>> page(const PageQuery &query);
    // The cursor that continues after the given row of a page sorted by key.
    static PageCursor cursorAfter(const MessageSummary &row, SortKey key);
    // The cursor that continues after the given row of a page grouped by thread.
    static PageCursor threadCursorAfter(const MessageSummary &row);
    // Messages in a folder (of one account, or of all when account is empty).
    Result<qint64> count(const QString &account, Folder folder);
    // Unread messages in the Inbox, per account id (accounts with none are absent).
    Result<QHash<QString, qint64>> unreadCounts();

    Result<MessageSummary> message(qint64 id);
    Result<QByteArray> rawMessage(qint64 id);
    // Stored messages of an account with this Message-ID (threads, duplicates).
    Result<QList<MessageSummary>> messagesWithMessageId(const QString &account,
                                                        const QString &messageId);

    // The Outbox, oldest first, of one account or of all (empty account); raw left empty.
    Result<QList<OutgoingRecord>> outbox(const QString &account = QString());
    // One Outbox message with its bytes.
    Result<OutgoingRecord> outgoing(qint64 id);

    // Everything known about the account's UIDLs, stored or not, for the sync plan.
    Result<QList<UidlRecord>> uidls(const QString &account);

    // Full-text search, newest first. An empty or unsearchable query gives no results.
    // Searching one folder is fastest for common words (see kDateScanThreshold).
    Result<QList<MessageSummary>> search(const SearchQuery &query);
    // Above this many matches a search in one folder walks the date index instead of sorting
    // every match.
    static constexpr int kDateScanThreshold = 2000;

    // SQLite's plan for a page query, one line per step (to check that pages come from an
    // index: no line says "USE TEMP B-TREE FOR ORDER BY").
    Result<QStringList> pageQueryPlan(const PageQuery &query);

    // The connection, for integrity checks and tests.
    Database &database() { return m_db; }

private:
    static QByteArray pageSql(const PageQuery &query);
    static void bindPage(Statement &statement, const PageQuery &query);

    Database m_db;
};

} // namespace Poplar::Store
