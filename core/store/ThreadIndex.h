#pragma once

#include "store/StoreError.h"

#include <QString>
#include <QStringList>

namespace Poplar::Store {

class Database;

// Groups the messages of an account into threads (conversations) by their Message-ID,
// In-Reply-To and References (RFC 5322), on the writer's connection, inside the caller's
// transaction.
//
// A thread is a label (messages.thread). thread_refs maps every Message-ID an account's
// messages have named, their own or one they reply to, to the label of its thread, so a
// message joins the thread of any id it names even if that message is not stored (yet): a
// reply that arrives before its parent, or whose References skip a missing middle message,
// starts or joins the thread its parent joins later. When a message names ids of several
// threads, those threads merge into one. No parent chain is ever walked, so cycles and
// self-references cannot loop, and each message contributes a bounded number of ids.
//
// messages.thread_date is the date of the newest message of the same thread in the same
// folder: the message list orders threads by it (see PageQuery::byThread).
class ThreadIndex
{
public:
    // At most this many ids are taken from one message: its own, In-Reply-To, the first
    // reference (the thread's root) and the last ones (the nearest ancestors).
    static constexpr int kMaxIds = 32;
    // Ids longer than this are not ids (a header line is at most 998 characters).
    static constexpr int kMaxIdLength = 998;

    // The ids a message links by, own id first, without duplicates or empty ones.
    static QStringList linkIds(const QString &messageId, const QString &inReplyTo,
                               const QStringList &references);

    // nextLabel, when given, remembers the next free label between messages written in one
    // transaction (0: not known yet), so a new thread costs no lookup of the highest label.
    explicit ThreadIndex(Database &db, qint64 *nextLabel = nullptr);

    // The thread of a message of the account that links by ids (see linkIds()): the one
    // thread they name, or a new one; threads they connect are merged into one (merged is
    // then true and their dates need refreshDates() in both folders). current is the
    // message's thread when it has one (0 otherwise). Records the ids for later messages.
    // created says the thread is new (no other message has it).
    [[nodiscard]] StoreError join(const QString &account, const QStringList &ids, qint64 current,
                                  qint64 &thread, bool &merged, bool &created);

    // Puts the stored message into its thread, merging threads it connects, and updates the
    // thread dates. Call after replacing the message's content.
    [[nodiscard]] StoreError assign(qint64 id);
    // Updates the thread dates of the thread of a message in both folders (after it moved).
    [[nodiscard]] StoreError refreshMessage(qint64 id);
    // Updates the thread dates of one thread in one folder (after a message left it).
    [[nodiscard]] StoreError refreshDates(qint64 thread, int folder);

    // Threads every stored message (the schema upgrade that introduced threads).
    [[nodiscard]] static StoreError threadAll(Database &db);

private:
    StoreError link(qint64 id, bool updateDates);
    StoreError mergeInto(qint64 target, qint64 other);
    qint64 newLabel(StoreError &error);

    Database &m_db;
    qint64 *m_nextLabel = nullptr;
};

} // namespace Poplar::Store
