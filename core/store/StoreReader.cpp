#include "store/StoreReader.h"

#include "store/BatchExecutor.h"
#include "store/SearchText.h"

#include <QTimeZone>

#include <algorithm>

namespace Poplar::Store {

namespace {

// The summary columns, in the order readSummary() expects, prefixed by the table alias "m".
#define POPLAR_SUMMARY_COLUMNS                                                                     \
    "m.id, m.account, m.uidl, m.size, m.date, m.from_text, m.to_text, m.cc_text, m.subject,"       \
    " m.snippet, m.has_attachments, m.message_id, m.in_reply_to, m.refs, m.is_read,"               \
    " m.is_starred, m.folder, m.trashed_at, m.headers_only, m.first_seen, m.stored_at,"            \
    " m.content_hash, m.thread, m.thread_date"

QDateTime timeAt(const Statement &s, int column)
{
    if (s.isNull(column))
        return {};
    return QDateTime::fromMSecsSinceEpoch(s.int64(column), Qt::UTC);
}

MessageSummary readSummary(const Statement &s)
{
    MessageSummary m;
    m.id = s.int64(0);
    m.account = s.text(1);
    m.uidl = s.text(2);
    m.size = s.int64(3);
    m.date = QDateTime::fromMSecsSinceEpoch(s.int64(4), Qt::UTC);
    m.from = s.text(5);
    m.to = s.text(6);
    m.cc = s.text(7);
    m.subject = s.text(8);
    m.snippet = s.text(9);
    m.hasAttachments = s.int64(10) != 0;
    m.messageId = s.text(11);
    m.inReplyTo = s.text(12);
    m.references = s.text(13).split(u' ', Qt::SkipEmptyParts);
    m.read = s.int64(14) != 0;
    m.starred = s.int64(15) != 0;
    const qint64 folder = s.int64(16);
    m.folder = folder >= int(Folder::Inbox) && folder <= int(Folder::Drafts) ? Folder(folder)
                                                                             : Folder::Inbox;
    m.trashedAt = timeAt(s, 17);
    m.headersOnly = s.int64(18) != 0;
    m.firstSeen = timeAt(s, 19);
    m.storedAt = timeAt(s, 20);
    m.contentHash = s.blob(21);
    m.thread = s.int64(22);
    m.threadDate = QDateTime::fromMSecsSinceEpoch(s.int64(23), Qt::UTC);
    return m;
}

Result<QList<MessageSummary>> readAll(Statement &s, const QString &context)
{
    QList<MessageSummary> rows;
    Statement::Step step;
    while ((step = s.step()) == Statement::Step::Row)
        rows.append(readSummary(s));
    if (step == Statement::Step::Error)
        return s.error().inContext(context);
    s.reset();
    return rows;
}

const char *sortColumn(SortKey key)
{
    switch (key) {
    case SortKey::Date:
        return "date";
    case SortKey::From:
        return "from_sort";
    case SortKey::Subject:
        return "subject_sort";
    case SortKey::Size:
        return "size";
    }
    return "date";
}

int clampLimit(int limit)
{
    return std::clamp(limit, 0, 10000);
}

} // namespace

StoreReader::StoreReader() = default;

StoreError StoreReader::open(const QString &path)
{
    return m_db.open(path, Database::Access::QueryOnly, 2000);
}

PageCursor StoreReader::cursorAfter(const MessageSummary &row, SortKey key)
{
    PageCursor cursor;
    cursor.id = row.id;
    switch (key) {
    case SortKey::Date:
        cursor.sortValue = row.date.toMSecsSinceEpoch();
        break;
    case SortKey::From:
        cursor.sortValue = BatchExecutor::senderSortKey(row.from);
        break;
    case SortKey::Subject:
        cursor.sortValue = BatchExecutor::subjectSortKey(row.subject);
        break;
    case SortKey::Size:
        cursor.sortValue = row.size;
        break;
    }
    return cursor;
}

PageCursor StoreReader::threadCursorAfter(const MessageSummary &row)
{
    PageCursor cursor;
    cursor.id = row.id;
    cursor.sortValue = row.date.toMSecsSinceEpoch();
    cursor.thread = row.thread;
    cursor.threadDate = row.threadDate.toMSecsSinceEpoch();
    return cursor;
}

QByteArray StoreReader::pageSql(const PageQuery &query)
{
    if (query.byThread) {
        // Threads newest first, each thread's messages oldest first: read in index order from
        // messages_all_thread or messages_account_thread. The keyset condition mixes
        // directions, so it is spelled out; its first term bounds the index range.
        QByteArray sql = "SELECT " POPLAR_SUMMARY_COLUMNS " FROM messages m WHERE m.folder = ?1";
        if (!query.account.isEmpty())
            sql += " AND m.account = ?2";
        if (query.after) {
            sql += " AND m.thread_date <= ?3 AND (m.thread_date < ?3 OR m.thread < ?4"
                   " OR (m.thread = ?4 AND (m.date, m.id) > (?7, ?8)))";
        }
        sql += " ORDER BY m.thread_date DESC, m.thread DESC, m.date ASC, m.id ASC";
        sql += " LIMIT ?5 OFFSET ?6";
        return sql;
    }
    // The SQL is built only from fixed pieces chosen by enums; values are bound.
    const char *column = sortColumn(query.sortKey);
    const bool descending = query.order == Qt::DescendingOrder;
    const char *dir = descending ? "DESC" : "ASC";
    QByteArray sql = "SELECT " POPLAR_SUMMARY_COLUMNS " FROM messages m WHERE m.folder = ?1";
    if (!query.account.isEmpty())
        sql += " AND m.account = ?2";
    if (query.after) {
        // Keyset paging: the rows after (value, id) in the sort order, read from the index.
        sql +=
            QByteArray(" AND (m.") + column + ", m.id) " + (descending ? "<" : ">") + " (?3, ?4)";
    }
    sql += QByteArray(" ORDER BY m.") + column + ' ' + dir + ", m.id " + dir;
    sql += " LIMIT ?5 OFFSET ?6";
    return sql;
}

void StoreReader::bindPage(Statement &s, const PageQuery &query)
{
    s.bind(1, qint64(query.folder));
    if (!query.account.isEmpty())
        s.bind(2, query.account);
    if (query.after && query.byThread) {
        s.bind(3, query.after->threadDate);
        s.bind(4, query.after->thread);
        s.bind(7, query.after->sortValue.toLongLong());
        s.bind(8, query.after->id);
    } else if (query.after) {
        const QVariant &value = query.after->sortValue;
        if (query.sortKey == SortKey::From || query.sortKey == SortKey::Subject)
            s.bind(3, value.toString());
        else
            s.bind(3, value.toLongLong());
        s.bind(4, query.after->id);
    }
    s.bind(5, qint64(clampLimit(query.limit)));
    s.bind(6, qint64(query.after ? 0 : std::max(0, query.offset)));
}

Result<QList<MessageSummary>> StoreReader::page(const PageQuery &query)
{
    Statement &s = m_db.cached(pageSql(query).constData());
    bindPage(s, query);
    return readAll(s, QStringLiteral("Cannot read the message list"));
}

Result<QStringList> StoreReader::pageQueryPlan(const PageQuery &query)
{
    const QByteArray sql = "EXPLAIN QUERY PLAN " + pageSql(query);
    Statement s(m_db.handle(), sql.constData());
    bindPage(s, query);
    QStringList plan;
    Statement::Step step;
    while ((step = s.step()) == Statement::Step::Row)
        plan << s.text(3);
    if (step == Statement::Step::Error)
        return s.error().inContext(QStringLiteral("Cannot explain the query"));
    return plan;
}

Result<qint64> StoreReader::count(const QString &account, Folder folder)
{
    Statement &s =
        account.isEmpty()
            ? m_db.cached("SELECT count(*) FROM messages WHERE folder = ?1")
            : m_db.cached("SELECT count(*) FROM messages WHERE folder = ?1 AND account = ?2");
    s.bind(1, qint64(folder));
    if (!account.isEmpty())
        s.bind(2, account);
    if (s.step() != Statement::Step::Row)
        return s.error().inContext(QStringLiteral("Cannot count the messages"));
    const qint64 n = s.int64(0);
    s.reset();
    return n;
}

Result<QHash<QString, qint64>> StoreReader::unreadCounts()
{
    // Answered from the partial index messages_unread, named: the planner would rather walk
    // an index that starts with the account over every message (24 ms instead of 1 at 10k).
    Statement &s = m_db.cached("SELECT account, count(*) FROM messages INDEXED BY messages_unread"
                               " WHERE folder = 0 AND is_read = 0 GROUP BY account");
    QHash<QString, qint64> counts;
    Statement::Step step;
    while ((step = s.step()) == Statement::Step::Row)
        counts.insert(s.text(0), s.int64(1));
    if (step == Statement::Step::Error)
        return s.error().inContext(QStringLiteral("Cannot count the unread messages"));
    s.reset();
    return counts;
}

namespace {

#define POPLAR_OUTBOX_COLUMNS                                                                      \
    "id, account, state, envelope_from, recipients, bcc, subject, to_text, message_id,"            \
    " created_at, attempts, next_attempt_at, last_error, length(raw)"

OutgoingRecord readOutgoing(Statement &s)
{
    OutgoingRecord r;
    r.id = s.int64(0);
    r.account = s.text(1);
    const qint64 state = s.int64(2);
    r.state = state >= 0 && state <= int(OutgoingRecord::State::Unknown)
                  ? OutgoingRecord::State(state)
                  : OutgoingRecord::State::Unknown;
    r.envelopeFrom = s.text(3);
    r.recipients = s.text(4).split(u'\n', Qt::SkipEmptyParts);
    r.bcc = s.text(5);
    r.subject = s.text(6);
    r.to = s.text(7);
    r.messageId = s.text(8);
    r.createdAt = QDateTime::fromMSecsSinceEpoch(s.int64(9), Qt::UTC);
    r.attempts = int(s.int64(10));
    r.nextAttemptAt = timeAt(s, 11);
    r.lastError = s.text(12);
    r.size = s.int64(13);
    return r;
}

} // namespace

Result<QList<OutgoingRecord>> StoreReader::outbox(const QString &account)
{
    Statement &s = account.isEmpty()
                       ? m_db.cached("SELECT " POPLAR_OUTBOX_COLUMNS " FROM outbox ORDER BY id")
                       : m_db.cached("SELECT " POPLAR_OUTBOX_COLUMNS
                                     " FROM outbox WHERE account = ?1 ORDER BY id");
    if (!account.isEmpty())
        s.bind(1, account);
    QList<OutgoingRecord> records;
    Statement::Step step;
    while ((step = s.step()) == Statement::Step::Row)
        records.append(readOutgoing(s));
    if (step == Statement::Step::Error)
        return s.error().inContext(QStringLiteral("Cannot read the Outbox"));
    s.reset();
    return records;
}

Result<OutgoingRecord> StoreReader::outgoing(qint64 id)
{
    Statement &s = m_db.cached("SELECT " POPLAR_OUTBOX_COLUMNS ", raw FROM outbox WHERE id = ?1");
    s.bind(1, id);
    const Statement::Step step = s.step();
    if (step == Statement::Step::Error)
        return s.error().inContext(QStringLiteral("Cannot read the Outbox"));
    if (step == Statement::Step::Done)
        return StoreError(StoreError::Kind::NotFound,
                          QStringLiteral("The message is no longer in the Outbox."));
    OutgoingRecord r = readOutgoing(s);
    r.raw = s.blob(14);
    s.reset();
    return r;
}

Result<MessageSummary> StoreReader::message(qint64 id)
{
    Statement &s = m_db.cached("SELECT " POPLAR_SUMMARY_COLUMNS " FROM messages m WHERE m.id = ?1");
    s.bind(1, id);
    const Statement::Step step = s.step();
    if (step == Statement::Step::Error)
        return s.error().inContext(QStringLiteral("Cannot read the message"));
    if (step == Statement::Step::Done)
        return StoreError(StoreError::Kind::NotFound,
                          QStringLiteral("The message is no longer stored."));
    MessageSummary summary = readSummary(s);
    s.reset();
    return summary;
}

Result<QByteArray> StoreReader::rawMessage(qint64 id)
{
    Statement &s = m_db.cached("SELECT raw FROM message_raw WHERE message = ?1");
    s.bind(1, id);
    const Statement::Step step = s.step();
    if (step == Statement::Step::Error)
        return s.error().inContext(QStringLiteral("Cannot read the message"));
    if (step == Statement::Step::Done)
        return StoreError(StoreError::Kind::NotFound,
                          QStringLiteral("The message is no longer stored."));
    QByteArray raw = s.blob(0);
    s.reset();
    return raw;
}

Result<QList<MessageSummary>> StoreReader::messagesWithMessageId(const QString &account,
                                                                 const QString &messageId)
{
    Statement &s = m_db.cached("SELECT " POPLAR_SUMMARY_COLUMNS
                               " FROM messages m WHERE m.account = ?1 AND m.message_id = ?2"
                               " ORDER BY m.id");
    s.bind(1, account);
    s.bind(2, messageId);
    return readAll(s, QStringLiteral("Cannot look up the message"));
}

Result<QList<UidlRecord>> StoreReader::uidls(const QString &account)
{
    Statement &s = m_db.cached(
        // The id comes from the (account, uidl) index; headers_only needs the message row, and
        // matters: a message stored as headers only must never be deleted on the server.
        "SELECT s.uidl, s.first_seen, s.server_deleted_at, s.local_deleted_at, m.id,"
        " m.headers_only"
        " FROM seen_uidls s LEFT JOIN messages m ON m.account = s.account AND m.uidl = s.uidl"
        " WHERE s.account = ?1 ORDER BY s.uidl");
    s.bind(1, account);
    QList<UidlRecord> records;
    Statement::Step step;
    while ((step = s.step()) == Statement::Step::Row) {
        UidlRecord r;
        r.uidl = s.text(0);
        r.firstSeen = timeAt(s, 1);
        r.deletedOnServerAt = timeAt(s, 2);
        r.deletedLocallyAt = timeAt(s, 3);
        r.messageId = s.isNull(4) ? 0 : s.int64(4);
        r.headersOnly = !s.isNull(5) && s.int64(5) != 0;
        records.append(r);
    }
    if (step == Statement::Step::Error)
        return s.error().inContext(QStringLiteral("Cannot read the known server messages"));
    s.reset();
    return records;
}

Result<QList<MessageSummary>> StoreReader::search(const SearchQuery &query)
{
    const QString match = SearchText::matchExpression(query.text);
    if (match.isEmpty())
        return QList<MessageSummary>();
    const QString context = QStringLiteral("Cannot search the messages");

    // Two ways to get the newest matches, chosen by how many messages match:
    // - few: read every match and sort them by date (cost grows with the matches);
    // - many (a common word): walk the folder's date index from the newest message and keep
    //   those in the match list, stopping at the page (cost grows with the page, not the
    //   folder). With few matches that walk would cross most of the folder, hence the probe,
    //   which stops counting at the threshold.
    Statement &probe = m_db.cached("SELECT count(*) FROM (SELECT 1 FROM message_fts"
                                   " WHERE message_fts MATCH ?1 LIMIT ?2)");
    probe.bind(1, match);
    probe.bind(2, qint64(kDateScanThreshold + 1));
    if (probe.step() != Statement::Step::Row)
        return probe.error().inContext(context);
    const qint64 matches = probe.int64(0);
    probe.reset();
    if (matches == 0)
        return QList<MessageSummary>();

    QByteArray sql;
    if (matches > kDateScanThreshold && query.folder) {
        // "+m.id" keeps SQLite from starting at the match list: it must use the date index.
        sql = "SELECT " POPLAR_SUMMARY_COLUMNS " FROM messages m WHERE m.folder = ?3";
        if (!query.account.isEmpty())
            sql += " AND m.account = ?2";
        sql += " AND +m.id IN (SELECT rowid FROM message_fts WHERE message_fts MATCH ?1)";
    } else {
        sql = "SELECT " POPLAR_SUMMARY_COLUMNS " FROM message_fts f"
              " JOIN messages m ON m.id = f.rowid WHERE message_fts MATCH ?1";
        if (!query.account.isEmpty())
            sql += " AND m.account = ?2";
        if (query.folder)
            sql += " AND m.folder = ?3";
    }
    sql += " ORDER BY m.date DESC, m.id DESC LIMIT ?4 OFFSET ?5";
    Statement &s = m_db.cached(sql.constData());
    s.bind(1, match);
    if (!query.account.isEmpty())
        s.bind(2, query.account);
    if (query.folder)
        s.bind(3, qint64(*query.folder));
    s.bind(4, qint64(clampLimit(query.limit)));
    s.bind(5, qint64(std::max(0, query.offset)));
    return readAll(s, context);
}

} // namespace Poplar::Store
