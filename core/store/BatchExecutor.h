#pragma once

#include "store/BatchResult.h"
#include "store/WriteBatch.h"

#include <QDateTime>

namespace Poplar::Store {

class Database;

// Applies a WriteBatch to a Database in one transaction, on the calling thread. StoreWriter
// runs it on its thread; the command line and tests may use it directly.
class BatchExecutor
{
public:
    explicit BatchExecutor(Database &db);

    [[nodiscard]] BatchResult apply(const WriteBatch &batch);

    // Limits on what one message may put into the search index (characters).
    static constexpr qsizetype kMaxIndexedBody = 256 * 1024;
    static constexpr qsizetype kMaxIndexedField = 16 * 1024;

    // The keys the message list sorts by (exposed for tests).
    static QString senderSortKey(const QString &from);
    static QString subjectSortKey(const QString &subject);

private:
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

    StoreError writeIndex(qint64 id, const NewMessage &message, bool replace);
    StoreError deleteMessage(qint64 id, qint64 at);

    Database &m_db;
    qint64 m_now = 0; // the batch's "now", in ms since 1970 UTC
};

} // namespace Poplar::Store
