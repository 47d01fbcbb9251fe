#pragma once

#include "store/StoreError.h"

#include <QList>
#include <QMetaType>

namespace Poplar::Store {

// The outcome of one WriteBatch.
struct BatchResult
{
    enum class InsertOutcome
    {
        Inserted,       // a new message row
        AlreadyPresent, // the account already had this UIDL; id is the existing message
        Relinked,       // an already stored message took this new UIDL; id is that message
        DeletedBefore   // the user deleted this message for good under its old UIDL: the new
                        // UIDL is recorded as deleted locally, nothing is stored, id is 0
    };

    struct Operation
    {
        qint64 id = 0; // InsertMessage: the message id
        InsertOutcome insert = InsertOutcome::Inserted;
        int affected = 0; // rows (messages or UIDLs) the operation changed
    };

    quint64 ticket = 0; // as returned by StoreWriter::submit()

    // None: every operation is committed, and durably so (synchronous=FULL) — the sync engine
    // may now delete these messages on the server. Otherwise nothing of the batch was kept.
    StoreError error;
    int failedOperation = -1; // index of the operation that failed, -1 for the commit itself

    QList<Operation> operations; // one per operation of the batch, in order (empty on error)

    // What changed, for the models (empty on error). Ids are message ids.
    QList<qint64> added;        // new rows (inserted, not AlreadyPresent or Relinked)
    QList<qint64> changed;      // flags or content changed, same folder
    QList<qint64> moved;        // moved to the Trash or back to the Inbox
    QList<qint64> removed;      // deleted for good
    bool outboxChanged = false; // an Outbox message was queued, changed, sent or deleted

    bool committed() const { return !error; }
};

} // namespace Poplar::Store

Q_DECLARE_METATYPE(Poplar::Store::BatchResult)
