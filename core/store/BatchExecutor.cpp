#include "store/BatchExecutor.h"

#include "Logging.h"
#include "store/Database.h"
#include "store/MessageSummary.h"
#include "store/SearchText.h"
#include "store/Statement.h"
#include "store/ThreadIndex.h"
#include "store/Transaction.h"

#include <QRegularExpression>

namespace Poplar::Store {

namespace {

StoreError invalid(const QString &what)
{
    return StoreError(StoreError::Kind::InvalidArgument, what);
}

qint64 msOr(const QDateTime &time, qint64 fallback)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : fallback;
}

void bindTime(Statement &statement, int index, const QDateTime &time)
{
    if (time.isValid())
        statement.bind(index, time.toMSecsSinceEpoch());
    else
        statement.bindNull(index);
}

QString bounded(const QString &text, qsizetype limit)
{
    return text.size() > limit ? text.left(limit) : text;
}

QString orEmpty(const QString &text)
{
    // The summary columns are NOT NULL; a missing field is an empty text.
    return text.isNull() ? QStringLiteral("") : text;
}

// The References field as stored: whole when it fits, otherwise the first id (the root of the
// thread) and as many of the last ids (the nearest ancestors) as fit, so a hostile header
// cannot make the row heavy and threading still finds the parent.
QString boundedReferences(const QStringList &references, qsizetype limit)
{
    QString joined = references.join(u' ');
    if (joined.size() <= limit)
        return joined;
    if (references.isEmpty() || references.constFirst().size() >= limit)
        return QString();
    QStringList tail;
    qsizetype used = references.constFirst().size();
    for (qsizetype i = references.size() - 1; i > 0; --i) {
        const qsizetype next = used + 1 + references.at(i).size();
        if (next > limit)
            break;
        tail.prepend(references.at(i));
        used = next;
    }
    tail.prepend(references.constFirst());
    return tail.join(u' ');
}

StoreError checkAccount(const QString &account)
{
    if (account.isEmpty())
        return invalid(QStringLiteral("A message cannot be stored without an account."));
    return {};
}

// The summary columns from, from_sort, to, cc, subject, subject_sort, snippet,
// has_attachments, message_id, in_reply_to and refs, bound from ?first on in that order:
// inserting a message and completing a headers-only one store them alike.
void bindSummary(Statement &statement, int first, const NewMessage &m)
{
    using B = BatchExecutor;
    statement.bind(first, orEmpty(bounded(m.from, B::kMaxSummaryField)));
    statement.bind(first + 1, orEmpty(B::senderSortKey(bounded(m.from, B::kMaxSortKey))));
    statement.bind(first + 2, orEmpty(bounded(m.to, B::kMaxSummaryField)));
    statement.bind(first + 3, orEmpty(bounded(m.cc, B::kMaxSummaryField)));
    statement.bind(first + 4, orEmpty(bounded(m.subject, B::kMaxSummaryField)));
    statement.bind(first + 5, orEmpty(B::subjectSortKey(bounded(m.subject, B::kMaxSortKey))));
    statement.bind(first + 6, orEmpty(bounded(m.snippet, B::kMaxSnippet)));
    statement.bind(first + 7, m.hasAttachments);
    statement.bind(first + 8, orEmpty(m.messageId));
    statement.bind(first + 9, orEmpty(bounded(m.inReplyTo, B::kMaxSummaryField)));
    statement.bind(first + 10, orEmpty(boundedReferences(m.references, B::kMaxSummaryField)));
}

} // namespace

BatchExecutor::BatchExecutor(Database &db)
    : m_db(db)
{}

QString BatchExecutor::senderSortKey(const QString &from)
{
    // "Alice Martin" <alice@example.org> sorts under Alice; a bare address under itself.
    QString key = from.trimmed();
    const qsizetype angle = key.indexOf(u'<');
    if (angle >= 0) {
        const QString name = key.left(angle).trimmed();
        if (!name.isEmpty()) {
            key = name;
        } else {
            const qsizetype close = key.indexOf(u'>', angle);
            key = key.mid(angle + 1, close < 0 ? -1 : close - angle - 1);
        }
    }
    auto isQuote = [](QChar c) { return c == u'"' || c == u'\'' || c.isSpace(); };
    while (!key.isEmpty() && isQuote(key.front()))
        key.remove(0, 1);
    while (!key.isEmpty() && isQuote(key.back()))
        key.chop(1);
    return key.toCaseFolded();
}

QString BatchExecutor::subjectSortKey(const QString &subject)
{
    // Replies and forwards sort with their original: drop "Re:", "Fwd:", "AW:", "回复：", ...
    static const QRegularExpression prefix(
        QStringLiteral("^\\s*(?:re|fwd?|aw|wg|sv|vs|antw|答复|回复|回覆|转发|轉寄|转|轉)"
                       "\\s*(?:\\[\\d+\\])?\\s*[:：]\\s*"),
        QRegularExpression::CaseInsensitiveOption);
    QString key = subject;
    for (int i = 0; i < 16; ++i) {
        const QRegularExpressionMatch match = prefix.match(key);
        if (!match.hasMatch())
            break;
        key.remove(0, match.capturedLength());
    }
    return key.trimmed().toCaseFolded();
}

BatchResult BatchExecutor::apply(const WriteBatch &batch)
{
    BatchResult result;
    m_now = QDateTime::currentMSecsSinceEpoch();
    m_nextThread = 0; // another connection may have written since the last batch
    Transaction transaction(m_db);
    if (transaction.error()) {
        result.error = transaction.error();
        return result;
    }
    int index = 0;
    for (const WriteBatch::Operation &operation : batch.operations()) {
        BatchResult::Operation out;
        const StoreError error =
            std::visit([&](const auto &op) { return run(op, result, out); }, operation);
        if (error) {
            transaction.rollback();
            BatchResult failed;
            failed.error = error;
            failed.failedOperation = index;
            qCWarning(lcStore) << "write batch failed at operation" << index << error.message();
            return failed;
        }
        result.operations.append(out);
        ++index;
    }
    // Inside applyAll's transaction the dates wait for its commit.
    const bool outermost = !transaction.isSavepoint();
    StoreError error = outermost ? refreshStaleThreadDates() : StoreError();
    if (!error)
        error = transaction.commit();
    if (error) {
        BatchResult failed;
        failed.error = error;
        qCWarning(lcStore) << "write batch commit failed:" << error.message();
        return failed;
    }
    return result;
}

QList<BatchResult> BatchExecutor::applyAll(const QList<WriteBatch> &batches)
{
    QList<BatchResult> results(batches.size());
    if (batches.size() == 1) {
        results[0] = apply(batches[0]);
        return results;
    }
    auto failed = [](const StoreError &error) {
        BatchResult result;
        result.error = error;
        return result;
    };
    QList<qsizetype> todo;
    for (qsizetype i = 0; i < batches.size(); ++i)
        todo.append(i);
    // Each round either commits or fails at least one batch for good, so this ends.
    while (!todo.isEmpty()) {
        Transaction group(m_db);
        if (group.error()) {
            for (const qsizetype i : todo)
                results[i] = failed(group.error());
            break;
        }
        QList<qsizetype> kept; // applied in this transaction, waiting for its commit
        QList<qsizetype> retry;
        bool abandoned = false;
        for (qsizetype k = 0; k < todo.size(); ++k) {
            const qsizetype i = todo[k];
            results[i] = apply(batches[i]);
            if (!m_db.inTransaction()) {
                // SQLite rolled the whole transaction back (disk full, I/O error): batch i
                // failed; the ones applied before it are lost with it and get another try.
                retry = kept + todo.mid(k + 1);
                abandoned = true;
                break;
            }
            if (results[i].committed())
                kept.append(i);
        }
        if (!abandoned) {
            StoreError error = refreshStaleThreadDates();
            if (!error)
                error = group.commit();
            if (error) {
                for (const qsizetype i : kept)
                    results[i] = failed(error);
            }
            break;
        }
        todo = retry;
    }
    return results;
}

StoreError BatchExecutor::writeIndex(qint64 id, const NewMessage &message, bool replace)
{
    if (replace) {
        Statement &remove = m_db.cached("DELETE FROM message_fts WHERE rowid = ?1");
        remove.bind(1, id);
        if (const StoreError error = remove.run())
            return error.inContext(QStringLiteral("Cannot update the search index"));
    }
    const SearchText::Document document =
        message.searchDocument ? *message.searchDocument
                               : SearchText::document(message.subject, message.from, message.to,
                                                      message.cc, message.bodyText);
    Statement &insert = m_db.cached(
        "INSERT INTO message_fts (rowid, subject, people, body) VALUES (?1, ?2, ?3, ?4)");
    insert.bind(1, id);
    insert.bind(2, document.subject);
    insert.bind(3, document.people);
    insert.bind(4, document.body);
    if (const StoreError error = insert.run())
        return error.inContext(QStringLiteral("Cannot update the search index"));
    return {};
}

StoreError BatchExecutor::run(const WriteBatch::InsertMessage &op, BatchResult &result,
                              BatchResult::Operation &out)
{
    const NewMessage &m = op.message;
    if (const StoreError error = checkAccount(m.account))
        return error;
    if (m.uidl.isEmpty())
        return invalid(QStringLiteral("A message cannot be stored without its UIDL."));
    const QString context = QStringLiteral("Cannot save the downloaded message");

    // Already stored under this UIDL: the sync engine downloaded it again after a crash or a
    // cut connection. Report the existing message; never store it twice.
    {
        Statement &existing =
            m_db.cached("SELECT id FROM messages WHERE account = ?1 AND uidl = ?2");
        existing.bind(1, m.account);
        existing.bind(2, m.uidl);
        const Statement::Step step = existing.step();
        if (step == Statement::Step::Error)
            return existing.error().inContext(context);
        if (step == Statement::Step::Row) {
            out.id = existing.int64(0);
            out.insert = BatchResult::InsertOutcome::AlreadyPresent;
            existing.reset();
            return {};
        }
    }

    // The first time this UIDL was seen, if the sync engine recorded it before downloading.
    qint64 firstSeen = msOr(m.firstSeen, m_now);
    {
        Statement &seen =
            m_db.cached("SELECT first_seen FROM seen_uidls WHERE account = ?1 AND uidl = ?2");
        seen.bind(1, m.account);
        seen.bind(2, m.uidl);
        const Statement::Step step = seen.step();
        if (step == Statement::Step::Error)
            return seen.error().inContext(context);
        if (step == Statement::Step::Row)
            firstSeen = std::min(firstSeen, seen.int64(0));
        seen.reset();
    }

    // The server rebuilt its UIDLs: the same message (Message-ID and content hash) is stored
    // under a UIDL that is gone from the server. Give it the new UIDL.
    if (!m.contentHash.isEmpty()) {
        Statement &twin =
            m_db.cached("SELECT m.id, s.first_seen FROM messages m JOIN seen_uidls s"
                        " ON s.account = m.account AND s.uidl = m.uidl"
                        " WHERE m.account = ?1 AND m.message_id = ?2 AND m.content_hash = ?3"
                        " AND s.server_deleted_at IS NOT NULL ORDER BY m.id LIMIT 1");
        twin.bind(1, m.account);
        twin.bind(2, orEmpty(m.messageId));
        twin.bind(3, m.contentHash);
        const Statement::Step step = twin.step();
        if (step == Statement::Step::Error)
            return twin.error().inContext(context);
        if (step == Statement::Step::Row) {
            const qint64 id = twin.int64(0);
            firstSeen = std::min(firstSeen, twin.int64(1));
            twin.reset();
            Statement &relink = m_db.cached("UPDATE messages SET uidl = ?2 WHERE id = ?1");
            relink.bind(1, id);
            relink.bind(2, m.uidl);
            if (const StoreError error = relink.run())
                return error.inContext(context);
            Statement &record =
                m_db.cached("INSERT INTO seen_uidls (account, uidl, first_seen) VALUES (?1, ?2, ?3)"
                            " ON CONFLICT (account, uidl) DO UPDATE SET first_seen ="
                            " min(first_seen, excluded.first_seen)");
            record.bind(1, m.account);
            record.bind(2, m.uidl);
            record.bind(3, firstSeen);
            if (const StoreError error = record.run())
                return error.inContext(context);
            out.id = id;
            out.insert = BatchResult::InsertOutcome::Relinked;
            out.affected = 1;
            qCInfo(lcStore) << "message" << id << "of" << m.account << "relinked to a new UIDL";
            return {};
        }
    }

    // The same case for a message the user deleted for good: it must not come back.
    if (!m.contentHash.isEmpty()) {
        // The partial index named: left to itself the planner walked every UIDL of the
        // account for each new message (an insert cost grew with the mailbox).
        Statement &deleted = m_db.cached(
            "SELECT first_seen, local_deleted_at FROM seen_uidls INDEXED BY"
            " seen_uidls_deleted_content WHERE account = ?1"
            " AND content_hash = ?3 AND message_id = ?2 AND local_deleted_at IS NOT NULL"
            " AND server_deleted_at IS NOT NULL LIMIT 1");
        deleted.bind(1, m.account);
        deleted.bind(2, orEmpty(m.messageId));
        deleted.bind(3, m.contentHash);
        const Statement::Step step = deleted.step();
        if (step == Statement::Step::Error)
            return deleted.error().inContext(context);
        if (step == Statement::Step::Row) {
            const qint64 oldFirstSeen = deleted.int64(0);
            const qint64 deletedAt = deleted.int64(1);
            deleted.reset();
            Statement &record = m_db.cached(
                "INSERT INTO seen_uidls (account, uidl, first_seen, local_deleted_at, message_id,"
                " content_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (account, uidl)"
                " DO UPDATE SET local_deleted_at = excluded.local_deleted_at,"
                " message_id = excluded.message_id, content_hash = excluded.content_hash");
            record.bind(1, m.account);
            record.bind(2, m.uidl);
            record.bind(3, std::min(firstSeen, oldFirstSeen));
            record.bind(4, deletedAt);
            record.bind(5, orEmpty(m.messageId));
            record.bind(6, m.contentHash);
            if (const StoreError error = record.run())
                return error.inContext(context);
            out.id = 0;
            out.insert = BatchResult::InsertOutcome::DeletedBefore;
            return {};
        }
    }

    // The thread first, so the row is written once with it (see ThreadIndex), from the ids
    // as the row keeps them.
    ThreadIndex threads(m_db, &m_nextThread);
    qint64 thread = 0;
    bool merged = false;
    bool created = false;
    if (const StoreError error = threads.join(
            m.account,
            ThreadIndex::linkIds(
                m.messageId, bounded(m.inReplyTo, kMaxSummaryField),
                boundedReferences(m.references, kMaxSummaryField).split(u' ', Qt::SkipEmptyParts)),
            0, thread, merged, created))
        return error;

    const qint64 date = msOr(m.date, firstSeen);
    Statement &insert = m_db.cached(
        "INSERT INTO messages (account, uidl, size, date, from_text, from_sort, to_text, cc_text,"
        " subject, subject_sort, snippet, has_attachments, message_id, in_reply_to, refs,"
        " is_read, headers_only, first_seen, stored_at, content_hash, thread, thread_date, folder)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
        " ?18, ?19, ?20, ?21, ?4, ?22)");
    insert.bind(1, m.account);
    insert.bind(2, m.uidl);
    insert.bind(3, m.size >= 0 ? m.size : qint64(m.raw.size()));
    insert.bind(4, date);
    bindSummary(insert, 5, m);
    insert.bind(16, m.read);
    insert.bind(17, m.headersOnly);
    insert.bind(18, firstSeen);
    insert.bind(19, m_now);
    insert.bind(20, m.contentHash.isEmpty() ? QByteArray() : m.contentHash);
    insert.bind(21, thread);
    insert.bind(22, qint64(m.folder));
    if (const StoreError error = insert.run())
        return error.inContext(context);
    const qint64 id = m_db.lastInsertRowId();

    Statement &raw = m_db.cached("INSERT INTO message_raw (message, raw) VALUES (?1, ?2)");
    raw.bind(1, id);
    raw.bind(2, m.raw.isNull() ? QByteArray("") : m.raw);
    if (const StoreError error = raw.run())
        return error.inContext(context);

    if (const StoreError error = writeIndex(id, m, false))
        return error;
    // The thread's date in the Inbox (new mail lands there), and in the Trash too when threads
    // merged. A new thread has only this message: its date is the thread's.
    if (!created)
        m_staleThreadDates.insert({thread, int(m.folder)});
    if (merged) {
        for (const Folder other : {Folder::Inbox, Folder::Trash, Folder::Sent, Folder::Drafts})
            m_staleThreadDates.insert({thread, int(other)});
    }

    if (m.folder != Folder::Inbox) {
        // Poplar's own message (Sent, Drafts): its uidl is no server's.
        out.id = id;
        out.insert = BatchResult::InsertOutcome::Inserted;
        out.affected = 1;
        result.added.append(id);
        return {};
    }

    Statement &record =
        m_db.cached("INSERT INTO seen_uidls (account, uidl, first_seen) VALUES (?1, ?2, ?3)"
                    " ON CONFLICT (account, uidl) DO NOTHING");
    record.bind(1, m.account);
    record.bind(2, m.uidl);
    record.bind(3, firstSeen);
    if (const StoreError error = record.run())
        return error.inContext(context);

    out.id = id;
    out.insert = BatchResult::InsertOutcome::Inserted;
    out.affected = 1;
    result.added.append(id);
    return {};
}

StoreError BatchExecutor::run(const WriteBatch::ReplaceContent &op, BatchResult &result,
                              BatchResult::Operation &out)
{
    const NewMessage &m = op.message;
    const QString context = QStringLiteral("Cannot save the downloaded message");
    Statement &update = m_db.cached(
        "UPDATE messages SET size = ?2, date = coalesce(?3, first_seen), from_text = ?4, from_sort "
        "= ?5, to_text = ?6,"
        " cc_text = ?7, subject = ?8, subject_sort = ?9, snippet = ?10, has_attachments = ?11,"
        " message_id = ?12, in_reply_to = ?13, refs = ?14, headers_only = ?15,"
        " content_hash = ?16 WHERE id = ?1");
    update.bind(1, op.id);
    update.bind(2, m.size >= 0 ? m.size : qint64(m.raw.size()));
    bindTime(update, 3, m.date);
    bindSummary(update, 4, m);
    update.bind(15, m.headersOnly);
    update.bind(16, m.contentHash.isEmpty() ? QByteArray() : m.contentHash);
    if (const StoreError error = update.run())
        return error.inContext(context);
    if (m_db.changes() == 0)
        return StoreError(StoreError::Kind::NotFound,
                          QStringLiteral("The message to complete is no longer stored."));
    Statement &raw = m_db.cached("UPDATE message_raw SET raw = ?2 WHERE message = ?1");
    raw.bind(1, op.id);
    raw.bind(2, m.raw.isNull() ? QByteArray("") : m.raw);
    if (const StoreError error = raw.run())
        return error.inContext(context);
    if (const StoreError error = writeIndex(op.id, m, true))
        return error;
    // The full message may name other ids, or have another date, than its header alone.
    if (const StoreError error = ThreadIndex(m_db).assign(op.id))
        return error;
    out.id = op.id;
    out.affected = 1;
    result.changed.append(op.id);
    return {};
}

StoreError BatchExecutor::run(const WriteBatch::SetFlag &op, BatchResult &result,
                              BatchResult::Operation &out)
{
    Statement &update =
        op.flag == WriteBatch::Flag::Read
            ? m_db.cached("UPDATE messages SET is_read = ?2 WHERE id = ?1 AND is_read <> ?2")
            : m_db.cached("UPDATE messages SET is_starred = ?2 WHERE id = ?1 AND is_starred <> ?2");
    return updateEach(update, op.ids, qint64(op.on),
                      QStringLiteral("Cannot change the message's flags"), result.changed, out);
}

StoreError BatchExecutor::run(const WriteBatch::MoveToTrash &op, BatchResult &result,
                              BatchResult::Operation &out)
{
    Statement &update = m_db.cached(
        "UPDATE messages SET folder = 1, trashed_at = ?2 WHERE id = ?1 AND folder <> 1");
    const qsizetype before = result.moved.size();
    if (const StoreError error =
            updateEach(update, op.ids, msOr(op.at, m_now),
                       QStringLiteral("Cannot move the message to the Trash"), result.moved, out))
        return error;
    return refreshThreads(result.moved.mid(before));
}

StoreError BatchExecutor::run(const WriteBatch::RestoreFromTrash &op, BatchResult &result,
                              BatchResult::Operation &out)
{
    Statement &update = m_db.cached(
        "UPDATE messages SET folder = 0, trashed_at = NULL WHERE id = ?1 AND folder = 1");
    const qsizetype before = result.moved.size();
    if (const StoreError error =
            updateEach(update, op.ids, std::nullopt, QStringLiteral("Cannot restore the message"),
                       result.moved, out))
        return error;
    return refreshThreads(result.moved.mid(before));
}

StoreError BatchExecutor::refreshStaleThreadDates()
{
    // Taken first: if a refresh fails, the transaction that made them stale rolls back too.
    const QSet<std::pair<qint64, int>> stale = std::exchange(m_staleThreadDates, {});
    ThreadIndex threads(m_db);
    for (const auto &[thread, folder] : stale) {
        if (const StoreError error = threads.refreshDates(thread, folder))
            return error;
    }
    return {};
}

StoreError BatchExecutor::refreshThreads(const QList<qint64> &movedIds)
{
    // The threads the messages left and joined get their newest dates again in each folder.
    ThreadIndex threads(m_db);
    for (const qint64 id : movedIds) {
        if (const StoreError error = threads.refreshMessage(id))
            return error;
    }
    return {};
}

StoreError BatchExecutor::updateEach(Statement &update, const QList<qint64> &ids,
                                     std::optional<qint64> second, const QString &context,
                                     QList<qint64> &changedIds, BatchResult::Operation &out)
{
    for (const qint64 id : ids) {
        update.bind(1, id);
        if (second)
            update.bind(2, *second); // each run clears the bindings
        if (const StoreError error = update.run())
            return error.inContext(context);
        if (m_db.changes() > 0) {
            ++out.affected;
            changedIds.append(id);
        }
    }
    return {};
}

StoreError BatchExecutor::deleteMessage(qint64 id, qint64 at, bool keepUidl)
{
    const QString context = QStringLiteral("Cannot delete the message");
    Statement &find = m_db.cached(
        "SELECT account, uidl, first_seen, message_id, content_hash, thread, folder FROM messages"
        " WHERE id = ?1");
    find.bind(1, id);
    const Statement::Step step = find.step();
    if (step == Statement::Step::Error)
        return find.error().inContext(context);
    if (step == Statement::Step::Done)
        return StoreError(StoreError::Kind::NotFound, QString());
    const QString account = find.text(0);
    const QString uidl = find.text(1);
    const qint64 firstSeen = find.int64(2);
    const QString messageId = find.text(3);
    const QByteArray contentHash = find.blob(4);
    const qint64 thread = find.int64(5);
    const int folder = int(find.int64(6));
    find.reset();

    // The UIDL stays known, with what recognises the message if the server renames it.
    if (keepUidl) {
        Statement &mark = m_db.cached(
            "INSERT INTO seen_uidls (account, uidl, first_seen, local_deleted_at, message_id,"
            " content_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (account, uidl) DO UPDATE "
            "SET"
            " local_deleted_at = excluded.local_deleted_at, message_id = excluded.message_id,"
            " content_hash = excluded.content_hash");
        mark.bind(1, account);
        mark.bind(2, uidl);
        mark.bind(3, firstSeen);
        mark.bind(4, at);
        mark.bind(5, messageId);
        mark.bind(6, contentHash);
        if (const StoreError error = mark.run())
            return error.inContext(context);
    }

    Statement &index = m_db.cached("DELETE FROM message_fts WHERE rowid = ?1");
    index.bind(1, id);
    if (const StoreError error = index.run())
        return error.inContext(context);
    // message_raw goes with it (ON DELETE CASCADE).
    Statement &remove = m_db.cached("DELETE FROM messages WHERE id = ?1");
    remove.bind(1, id);
    if (const StoreError error = remove.run())
        return error.inContext(context);
    // The rest of the thread stays together; its date may now be an older message's.
    return ThreadIndex(m_db).refreshDates(thread, folder);
}

StoreError BatchExecutor::run(const WriteBatch::DeleteLocally &op, BatchResult &result,
                              BatchResult::Operation &out)
{
    for (const qint64 id : op.ids) {
        const StoreError error = deleteMessage(id, msOr(op.at, m_now));
        if (error.kind() == StoreError::Kind::NotFound)
            continue; // already gone: deleting twice is not an error
        if (error)
            return error;
        ++out.affected;
        result.removed.append(id);
    }
    return {};
}

StoreError BatchExecutor::run(const WriteBatch::RecordUidls &op, BatchResult &,
                              BatchResult::Operation &out)
{
    if (const StoreError error = checkAccount(op.account))
        return error;
    Statement &record =
        m_db.cached("INSERT INTO seen_uidls (account, uidl, first_seen) VALUES (?1, ?2, ?3)"
                    " ON CONFLICT (account, uidl) DO NOTHING");
    for (const QString &uidl : op.uidls) {
        if (uidl.isEmpty())
            continue;
        record.bind(1, op.account);
        record.bind(2, uidl);
        record.bind(3, msOr(op.seenAt, m_now));
        if (const StoreError error = record.run())
            return error.inContext(QStringLiteral("Cannot record the messages seen on the server"));
        out.affected += m_db.changes();
    }
    return {};
}

StoreError BatchExecutor::run(const WriteBatch::MarkDeletedOnServer &op, BatchResult &,
                              BatchResult::Operation &out)
{
    if (const StoreError error = checkAccount(op.account))
        return error;
    Statement &mark = m_db.cached(
        "INSERT INTO seen_uidls (account, uidl, first_seen, server_deleted_at)"
        " VALUES (?1, ?2, ?3, ?3) ON CONFLICT (account, uidl) DO UPDATE SET"
        " server_deleted_at = excluded.server_deleted_at WHERE server_deleted_at IS NULL");
    for (const QString &uidl : op.uidls) {
        if (uidl.isEmpty())
            continue;
        mark.bind(1, op.account);
        mark.bind(2, uidl);
        mark.bind(3, msOr(op.at, m_now));
        if (const StoreError error = mark.run())
            return error.inContext(
                QStringLiteral("Cannot record the messages deleted on the server"));
        out.affected += m_db.changes();
    }
    return {};
}

StoreError BatchExecutor::run(const WriteBatch::ForgetUidls &op, BatchResult &,
                              BatchResult::Operation &out)
{
    Statement &forget =
        m_db.cached("DELETE FROM seen_uidls WHERE account = ?1 AND uidl = ?2 AND NOT EXISTS"
                    " (SELECT 1 FROM messages WHERE account = ?1 AND uidl = ?2)");
    for (const QString &uidl : op.uidls) {
        forget.bind(1, op.account);
        forget.bind(2, uidl);
        if (const StoreError error = forget.run())
            return error.inContext(QStringLiteral("Cannot forget old server messages"));
        out.affected += m_db.changes();
    }
    return {};
}

StoreError BatchExecutor::run(const WriteBatch::RemoveAccount &op, BatchResult &result,
                              BatchResult::Operation &out)
{
    const QString context = QStringLiteral("Cannot remove the account's messages");
    QList<qint64> ids;
    {
        Statement &list = m_db.cached("SELECT id FROM messages WHERE account = ?1");
        list.bind(1, op.account);
        Statement::Step step;
        while ((step = list.step()) == Statement::Step::Row)
            ids.append(list.int64(0));
        if (step == Statement::Step::Error)
            return list.error().inContext(context);
        list.reset();
    }
    const char *const statements[] = {
        "DELETE FROM message_fts WHERE rowid IN (SELECT id FROM messages WHERE account = ?1)",
        "DELETE FROM messages WHERE account = ?1",
        "DELETE FROM seen_uidls WHERE account = ?1",
        "DELETE FROM thread_refs WHERE account = ?1",
        "DELETE FROM outbox WHERE account = ?1",
    };
    for (const char *sql : statements) {
        Statement &statement = m_db.cached(sql);
        statement.bind(1, op.account);
        if (const StoreError error = statement.run())
            return error.inContext(context);
    }
    out.affected = int(ids.size());
    result.removed.append(ids);
    return {};
}

StoreError BatchExecutor::run(const WriteBatch::QueueOutgoing &op, BatchResult &result,
                              BatchResult::Operation &out)
{
    const OutgoingRecord &r = op.record;
    if (const StoreError error = checkAccount(r.account))
        return error;
    if (r.recipients.isEmpty())
        return invalid(QStringLiteral("A message cannot be sent without a recipient."));
    Statement &insert = m_db.cached(
        "INSERT INTO outbox (account, state, raw, envelope_from, recipients, bcc, subject, to_text,"
        " message_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    insert.bind(1, r.account);
    insert.bind(2, qint64(OutgoingRecord::State::Queued));
    insert.bind(3, r.raw.isNull() ? QByteArray("") : r.raw);
    insert.bind(4, orEmpty(r.envelopeFrom));
    insert.bind(5, r.recipients.join(u'\n'));
    insert.bind(6, orEmpty(r.bcc));
    insert.bind(7, orEmpty(bounded(r.subject, kMaxSummaryField)));
    insert.bind(8, orEmpty(bounded(r.to, kMaxSummaryField)));
    insert.bind(9, orEmpty(r.messageId));
    insert.bind(10, msOr(r.createdAt, m_now));
    if (const StoreError error = insert.run())
        return error.inContext(QStringLiteral("Cannot put the message into the Outbox"));
    out.id = m_db.lastInsertRowId();
    out.affected = 1;
    result.outboxChanged = true;
    return {};
}

StoreError BatchExecutor::run(const WriteBatch::SetOutgoingState &op, BatchResult &result,
                              BatchResult::Operation &out)
{
    Statement &update =
        m_db.cached("UPDATE outbox SET state = ?2, last_error = ?3, next_attempt_at = ?4,"
                    " attempts = attempts + ?5 WHERE id = ?1");
    update.bind(1, op.id);
    update.bind(2, qint64(op.state));
    update.bind(3, orEmpty(op.error));
    bindTime(update, 4, op.nextAttemptAt);
    update.bind(5, qint64(op.countAttempt ? 1 : 0));
    if (const StoreError error = update.run())
        return error.inContext(QStringLiteral("Cannot update the Outbox"));
    out.id = op.id;
    out.affected = m_db.changes();
    result.outboxChanged = result.outboxChanged || out.affected > 0;
    return {};
}

StoreError BatchExecutor::run(const WriteBatch::CompleteOutgoing &op, BatchResult &result,
                              BatchResult::Operation &out)
{
    Statement &remove = m_db.cached("DELETE FROM outbox WHERE id = ?1");
    remove.bind(1, op.id);
    if (const StoreError error = remove.run())
        return error.inContext(QStringLiteral("Cannot update the Outbox"));
    if (m_db.changes() == 0)
        return invalid(QStringLiteral("The sent message is no longer in the Outbox."));
    result.outboxChanged = true;
    NewMessage copy = op.sentCopy;
    copy.folder = Folder::Sent;
    copy.read = true;
    return run(WriteBatch::InsertMessage{std::move(copy)}, result, out);
}

StoreError BatchExecutor::run(const WriteBatch::DiscardDraft &op, BatchResult &result,
                              BatchResult::Operation &out)
{
    Statement &find = m_db.cached("SELECT folder FROM messages WHERE id = ?1");
    find.bind(1, op.id);
    const Statement::Step step = find.step();
    if (step == Statement::Step::Error)
        return find.error().inContext(QStringLiteral("Cannot delete the draft"));
    const bool isDraft = step == Statement::Step::Row && find.int64(0) == qint64(Folder::Drafts);
    find.reset();
    if (!isDraft)
        return {}; // gone already, or not a draft: nothing to discard
    if (const StoreError error = deleteMessage(op.id, m_now, /*keepUidl=*/false))
        return error;
    out.affected = 1;
    result.removed.append(op.id);
    return {};
}

StoreError BatchExecutor::run(const WriteBatch::DeleteOutgoing &op, BatchResult &result,
                              BatchResult::Operation &out)
{
    Statement &remove = m_db.cached("DELETE FROM outbox WHERE id = ?1");
    remove.bind(1, op.id);
    if (const StoreError error = remove.run())
        return error.inContext(QStringLiteral("Cannot update the Outbox"));
    out.id = op.id;
    out.affected = m_db.changes();
    result.outboxChanged = result.outboxChanged || out.affected > 0;
    return {};
}

StoreError BatchExecutor::run(const WriteBatch::RecoverInterruptedSends &, BatchResult &result,
                              BatchResult::Operation &out)
{
    Statement &update =
        m_db.cached("UPDATE outbox SET state = ?1, last_error = ?2 WHERE state = ?3");
    update.bind(1, qint64(OutgoingRecord::State::Unknown));
    update.bind(2, QStringLiteral("Poplar stopped while sending this message, so it may or may "
                                  "not have been sent. Check with a recipient, then send it "
                                  "again or mark it as sent."));
    update.bind(3, qint64(OutgoingRecord::State::Sending));
    if (const StoreError error = update.run())
        return error.inContext(QStringLiteral("Cannot update the Outbox"));
    out.affected = m_db.changes();
    result.outboxChanged = result.outboxChanged || out.affected > 0;
    return {};
}

} // namespace Poplar::Store
