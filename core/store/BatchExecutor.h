#pragma once

#include "store/BatchResult.h"
#include "store/WriteBatch.h"

#include <QDateTime>
#include <QSet>

#include <optional>
#include <utility>

namespace Poplar::Store {

class Database;
class Statement;

// Applies a WriteBatch to a Database in one transaction, on the calling thread. StoreWriter
// runs it on its thread; the command line and tests may use it directly.
class BatchExecutor
{
public:
    explicit BatchExecutor(Database &db);

    [[nodiscard]] BatchResult apply(const WriteBatch &batch);

    // Applies several batches with one commit (one sync to disk for all), each in its own
    // savepoint: a batch that fails is rolled back alone and the others are kept. If SQLite
    // abandons the whole transaction (disk full, I/O error), the failing batch fails and the
    // others are tried again without it; if the commit fails, every batch of it fails with
    // that error. Results are in the order of the batches.
    [[nodiscard]] QList<BatchResult> applyAll(const QList<WriteBatch> &batches);

    // Limits on the summary of one message (characters): a hostile header cannot make every
    // page of the list heavy. The raw bytes are always kept whole.
    static constexpr qsizetype kMaxSummaryField = 16 * 1024;
    static constexpr qsizetype kMaxSnippet = 2 * 1024;
    static constexpr qsizetype kMaxSortKey = 256;

    // The keys the message list sorts by (exposed for tests).
    static QString senderSortKey(const QString &from);
    static QString subjectSortKey(const QString &subject);

private:
    // Brings the thread dates up to date after the messages moved between folders.
    StoreError refreshThreads(const QList<qint64> &movedIds);
    // Updates the thread dates new messages left stale, once per thread, just before the
    // outermost transaction commits: a thread that gets many messages in one transaction (a
    // sync) has its rows rewritten once, not once per message.
    StoreError refreshStaleThreadDates();
    // Runs `update` for each id (bound as ?1, with `second` as ?2 when given) and records the
    // ids whose row it changed.
    StoreError updateEach(Statement &update, const QList<qint64> &ids, std::optional<qint64> second,
                          const QString &context, QList<qint64> &changedIds,
                          BatchResult::Operation &out);
    StoreError run(const WriteBatch::InsertMessage &op, BatchResult &result,
                   BatchResult::Operation &out);
    StoreError run(const WriteBatch::ReplaceContent &op, BatchResult &result,
                   BatchResult::Operation &out);
    StoreError run(const WriteBatch::SetFlag &op, BatchResult &result, BatchResult::Operation &out);
    StoreError run(const WriteBatch::MoveToTrash &op, BatchResult &result,
                   BatchResult::Operation &out);
    StoreError run(const WriteBatch::RestoreFromTrash &op, BatchResult &result,
                   BatchResult::Operation &out);
    StoreError run(const WriteBatch::DeleteLocally &op, BatchResult &result,
                   BatchResult::Operation &out);
    StoreError run(const WriteBatch::RecordUidls &op, BatchResult &result,
                   BatchResult::Operation &out);
    StoreError run(const WriteBatch::MarkDeletedOnServer &op, BatchResult &result,
                   BatchResult::Operation &out);
    StoreError run(const WriteBatch::ForgetUidls &op, BatchResult &result,
                   BatchResult::Operation &out);
    StoreError run(const WriteBatch::RemoveAccount &op, BatchResult &result,
                   BatchResult::Operation &out);
    StoreError run(const WriteBatch::QueueOutgoing &op, BatchResult &result,
                   BatchResult::Operation &out);
    StoreError run(const WriteBatch::SetOutgoingState &op, BatchResult &result,
                   BatchResult::Operation &out);
    StoreError run(const WriteBatch::CompleteOutgoing &op, BatchResult &result,
                   BatchResult::Operation &out);
    StoreError run(const WriteBatch::DiscardDraft &op, BatchResult &result,
                   BatchResult::Operation &out);
    StoreError run(const WriteBatch::DeleteOutgoing &op, BatchResult &result,
                   BatchResult::Operation &out);
    StoreError run(const WriteBatch::RecoverInterruptedSends &op, BatchResult &result,
                   BatchResult::Operation &out);

    StoreError writeIndex(qint64 id, const NewMessage &message, bool replace);
    // keepUidl: the UIDL stays known as deleted locally, so the server's copy is never
    // downloaded again (not for Poplar's own messages, which no server has).
    StoreError deleteMessage(qint64 id, qint64 at, bool keepUidl = true);

    Database &m_db;
    qint64 m_now = 0;        // the batch's "now", in ms since 1970 UTC
    qint64 m_nextThread = 0; // the next free thread label in this batch (0: not known yet)
    QSet<std::pair<qint64, int>> m_staleThreadDates; // (thread, folder)
};

} // namespace Poplar::Store
