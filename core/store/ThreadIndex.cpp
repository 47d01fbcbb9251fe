#include "store/ThreadIndex.h"

#include "Logging.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QList>
#include <QSet>

#include <algorithm>

namespace Poplar::Store {

namespace {

constexpr int kInbox = 0;
constexpr int kTrash = 1;

} // namespace

QStringList ThreadIndex::linkIds(const QString &messageId, const QString &inReplyTo,
                                 const QStringList &references)
{
    QStringList ids;
    auto add = [&ids](const QString &id) {
        const QString trimmed = id.trimmed();
        if (ids.size() >= kMaxIds || trimmed.isEmpty() || trimmed.size() > kMaxIdLength ||
            ids.contains(trimmed))
            return;
        ids.append(trimmed);
    };
    add(messageId);
    add(inReplyTo);
    if (!references.isEmpty())
        add(references.constFirst());
    // The nearest ancestors are at the end of References.
    const qsizetype firstKept = std::max<qsizetype>(1, references.size() - kMaxIds);
    for (qsizetype i = references.size() - 1; i >= firstKept && ids.size() < kMaxIds; --i)
        add(references.at(i));
    return ids;
}

ThreadIndex::ThreadIndex(Database &db, qint64 *nextLabel)
    : m_db(db)
    , m_nextLabel(nextLabel)
{}

StoreError ThreadIndex::assign(qint64 id)
{
    return link(id, true);
}

qint64 ThreadIndex::newLabel(StoreError &error)
{
    if (m_nextLabel && *m_nextLabel > 0)
        return (*m_nextLabel)++;
    // A label is never reused while a stored message or a known id still carries it.
    Statement &s = m_db.cached("SELECT max(coalesce((SELECT max(thread) FROM messages), 0),"
                               " coalesce((SELECT max(thread) FROM thread_refs), 0)) + 1");
    if (s.step() != Statement::Step::Row) {
        error = s.error().inContext(QStringLiteral("Cannot group the message into a thread"));
        return 0;
    }
    const qint64 label = s.int64(0);
    s.reset();
    if (m_nextLabel)
        *m_nextLabel = label + 1;
    return label;
}

StoreError ThreadIndex::mergeInto(qint64 target, qint64 other)
{
    const QString context = QStringLiteral("Cannot merge two threads");
    Statement &messages = m_db.cached("UPDATE messages SET thread = ?1 WHERE thread = ?2");
    messages.bind(1, target);
    messages.bind(2, other);
    if (const StoreError error = messages.run())
        return error.inContext(context);
    Statement &refs = m_db.cached("UPDATE thread_refs SET thread = ?1 WHERE thread = ?2");
    refs.bind(1, target);
    refs.bind(2, other);
    if (const StoreError error = refs.run())
        return error.inContext(context);
    return {};
}

StoreError ThreadIndex::join(const QString &account, const QStringList &ids, qint64 current,
                             qint64 &thread, bool &merged, bool &created)
{
    const QString context = QStringLiteral("Cannot group the message into a thread");
    merged = false;
    created = false;
    // Every thread this message touches: its own (when it is being re-linked) and those of
    // the ids it names.
    QList<qint64> threads;
    if (current > 0)
        threads.append(current);
    Statement &lookup =
        m_db.cached("SELECT thread FROM thread_refs WHERE account = ?1 AND message_id = ?2");
    for (const QString &linked : ids) {
        lookup.bind(1, account);
        lookup.bind(2, linked);
        const Statement::Step found = lookup.step();
        if (found == Statement::Step::Error)
            return lookup.error().inContext(context);
        if (found == Statement::Step::Row && !threads.contains(lookup.int64(0)))
            threads.append(lookup.int64(0));
        lookup.reset();
    }

    qint64 target = 0;
    if (threads.isEmpty()) {
        StoreError error;
        target = newLabel(error);
        if (error)
            return error;
        created = true;
    } else {
        // The oldest label stays; the others merge into it.
        target = *std::min_element(threads.cbegin(), threads.cend());
        for (const qint64 other : std::as_const(threads)) {
            if (other == target)
                continue;
            if (const StoreError error = mergeInto(target, other))
                return error;
            merged = true;
        }
    }

    Statement &record =
        m_db.cached("INSERT INTO thread_refs (account, message_id, thread) VALUES (?1, ?2, ?3)"
                    " ON CONFLICT (account, message_id) DO UPDATE SET thread = excluded.thread"
                    " WHERE thread <> excluded.thread");
    for (const QString &linked : ids) {
        record.bind(1, account);
        record.bind(2, linked);
        record.bind(3, target);
        if (const StoreError error = record.run())
            return error.inContext(context);
    }
    thread = target;
    return {};
}

StoreError ThreadIndex::link(qint64 id, bool updateDates)
{
    const QString context = QStringLiteral("Cannot group the message into a thread");
    Statement &find = m_db.cached(
        "SELECT account, message_id, in_reply_to, refs, thread FROM messages WHERE id = ?1");
    find.bind(1, id);
    const Statement::Step step = find.step();
    if (step == Statement::Step::Error)
        return find.error().inContext(context);
    if (step == Statement::Step::Done)
        return StoreError(StoreError::Kind::NotFound,
                          QStringLiteral("The message to group is no longer stored."));
    const QString account = find.text(0);
    const QStringList ids =
        linkIds(find.text(1), find.text(2), find.text(3).split(u' ', Qt::SkipEmptyParts));
    const qint64 current = find.int64(4);
    find.reset();

    qint64 target = 0;
    bool merged = false;
    bool created = false;
    if (const StoreError error = join(account, ids, current, target, merged, created))
        return error;
    if (target != current) {
        Statement &set = m_db.cached("UPDATE messages SET thread = ?2 WHERE id = ?1");
        set.bind(1, id);
        set.bind(2, target);
        if (const StoreError error = set.run())
            return error.inContext(context);
    }

    if (!updateDates)
        return {};
    for (const int folder : {kInbox, kTrash}) {
        if (const StoreError error = refreshDates(target, folder))
            return error;
    }
    return {};
}

StoreError ThreadIndex::refreshMessage(qint64 id)
{
    Statement &find = m_db.cached("SELECT thread FROM messages WHERE id = ?1");
    find.bind(1, id);
    const Statement::Step step = find.step();
    if (step == Statement::Step::Error)
        return find.error().inContext(QStringLiteral("Cannot update the message's thread"));
    if (step == Statement::Step::Done)
        return {};
    const qint64 thread = find.int64(0);
    find.reset();
    for (const int folder : {kInbox, kTrash}) {
        if (const StoreError error = refreshDates(thread, folder))
            return error;
    }
    return {};
}

StoreError ThreadIndex::refreshDates(qint64 thread, int folder)
{
    if (thread <= 0)
        return {};
    const QString context = QStringLiteral("Cannot update the message's thread");
    // Both statements read messages_by_thread (thread, folder, date).
    Statement &newest =
        m_db.cached("SELECT max(date) FROM messages WHERE thread = ?1 AND folder = ?2");
    newest.bind(1, thread);
    newest.bind(2, qint64(folder));
    if (newest.step() != Statement::Step::Row)
        return newest.error().inContext(context);
    if (newest.isNull(0)) {
        newest.reset();
        return {}; // no message of the thread in this folder
    }
    const qint64 date = newest.int64(0);
    newest.reset();
    // Named, because without statistics the planner would rather walk the folder by date.
    Statement &update = m_db.cached("UPDATE messages INDEXED BY messages_by_thread"
                                    " SET thread_date = ?3"
                                    " WHERE thread = ?1 AND folder = ?2 AND thread_date <> ?3");
    update.bind(1, thread);
    update.bind(2, qint64(folder));
    update.bind(3, date);
    if (const StoreError error = update.run())
        return error.inContext(context);
    return {};
}

StoreError ThreadIndex::threadAll(Database &db)
{
    const QString context = QStringLiteral("Cannot group the stored messages into threads");
    QList<qint64> ids;
    {
        Statement all(db.handle(), "SELECT id FROM messages ORDER BY id");
        Statement::Step step;
        while ((step = all.step()) == Statement::Step::Row)
            ids.append(all.int64(0));
        if (step == Statement::Step::Error)
            return all.error().inContext(context);
    }
    ThreadIndex index(db);
    for (const qint64 id : std::as_const(ids)) {
        if (const StoreError error = index.link(id, false))
            return error.inContext(context);
    }
    // The dates once at the end, from the (thread, folder, date) index.
    if (const StoreError error =
            db.exec("UPDATE messages SET thread_date = (SELECT max(x.date) FROM messages x"
                    " WHERE x.thread = messages.thread AND x.folder = messages.folder)"))
        return error.inContext(context);
    if (!ids.isEmpty())
        qCInfo(lcStore) << "grouped" << ids.size() << "stored messages into threads";
    return {};
}

} // namespace Poplar::Store
