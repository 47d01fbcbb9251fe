#pragma once

#include "store/BatchResult.h"
#include "store/StoreError.h"
#include "store/WriteBatch.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QThread>

#include <memory>

namespace Poplar::Store {

// The single writer of the mail database. It owns a thread with its own connection; the
// thread that creates the StoreWriter (normally the GUI thread) only queues batches and
// receives signals, so it never waits for a write or an fsync.
//
// Each submitted WriteBatch is all-or-nothing and runs in submission order; batches that
// queue up while the writer is busy are committed together, each in its own savepoint (one
// disk sync for the group; a failing batch is rolled back alone). When a batch is done,
// batchFinished() reports the result; a committed result means the changes are on disk
// (synchronous=FULL) — the sync engine waits for it before it deletes anything on the server.
// After each committed batch the change signals tell the models what to update.
//
// Create it, wait for opened() (batches submitted before are kept and run after the open;
// if the open failed they all finish with that error), then open StoreReaders on the same
// path. Call submit() from the thread that created the StoreWriter.
class StoreWriter : public QObject
{
    Q_OBJECT

public:
    explicit StoreWriter(const QString &path, QObject *parent = nullptr);
    // Runs the batches already submitted, then stops the thread. This is the one moment the
    // caller waits for the writer (on exit, so no committed-looking change is lost).
    ~StoreWriter() override;

    // Queues a batch and returns its ticket (never 0), which batchFinished() carries.
    quint64 submit(WriteBatch batch);

    bool isOpen() const { return m_open; }
    // The error of the open, once opened() was emitted.
    StoreError openError() const { return m_openError; }

signals:
    void opened(const Poplar::Store::StoreError &error);
    void batchFinished(const Poplar::Store::BatchResult &result);

    void messagesAdded(const QList<qint64> &ids);
    void messagesChanged(const QList<qint64> &ids); // flags or content, same folder
    void messagesMoved(const QList<qint64> &ids);   // to the Trash or back to the Inbox
    void messagesRemoved(const QList<qint64> &ids); // deleted for good
    void outboxChanged();

private:
    struct Worker;

    void deliverOpened(const StoreError &error);
    void deliverResult(const BatchResult &result);

    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread; queued calls run there
    std::shared_ptr<Worker> m_worker;
    quint64 m_nextTicket = 1;
    bool m_open = false;
    StoreError m_openError;
};

} // namespace Poplar::Store
