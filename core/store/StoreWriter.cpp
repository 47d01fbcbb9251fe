#include "store/StoreWriter.h"

#include "Logging.h"
#include "store/BatchExecutor.h"
#include "store/Database.h"

#include <QMutex>
#include <QMutexLocker>

#include <algorithm>
#include <utility>

namespace Poplar::Store {

// The writer thread's state. Only the queue is shared with the StoreWriter's thread.
struct StoreWriter::Worker
{
    QString path;
    Database db;
    StoreError openError;

    QMutex mutex;
    QList<std::pair<quint64, WriteBatch>> queue; // guarded by mutex
    bool drainPosted = false;                    // guarded by mutex

    // Batches waiting when the writer gets to them are committed together (group commit):
    // a sync that submits one message per batch still syncs the disk once per group.
    static constexpr qsizetype kMaxGroup = 64;

    void drain(StoreWriter *owner);
};

void StoreWriter::Worker::drain(StoreWriter *owner)
{
    for (;;) {
        QList<quint64> tickets;
        QList<WriteBatch> batches;
        {
            QMutexLocker lock(&mutex);
            if (queue.isEmpty()) {
                drainPosted = false;
                return;
            }
            const qsizetype n = std::min(queue.size(), kMaxGroup);
            for (qsizetype i = 0; i < n; ++i) {
                tickets.append(queue[i].first);
                batches.append(std::move(queue[i].second));
            }
            queue.remove(0, n);
        }
        QList<BatchResult> results;
        if (openError) {
            for (qsizetype i = 0; i < batches.size(); ++i) {
                BatchResult result;
                result.error = openError;
                results.append(result);
            }
        } else {
            results = BatchExecutor(db).applyAll(batches);
        }
        for (qsizetype i = 0; i < results.size(); ++i) {
            BatchResult result = results[i];
            result.ticket = tickets[i];
            QMetaObject::invokeMethod(
                owner, [owner, result] { owner->deliverResult(result); }, Qt::QueuedConnection);
        }
    }
}

StoreWriter::StoreWriter(const QString &path, QObject *parent)
    : QObject(parent)
    , m_worker(std::make_shared<Worker>())
{
    qRegisterMetaType<Poplar::Store::StoreError>();
    qRegisterMetaType<Poplar::Store::BatchResult>();
    m_worker->path = path;
    m_thread.setObjectName(QStringLiteral("PoplarStoreWriter"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();

    std::shared_ptr<Worker> worker = m_worker;
    // The worker may post to this object at any time: it outlives the thread (see the
    // destructor), and a posted call still pending when it is destroyed is dropped.
    StoreWriter *self = this;
    QMetaObject::invokeMethod(
        m_context,
        [worker, self] {
            worker->openError = worker->db.open(worker->path);
            if (worker->openError)
                qCWarning(lcStore) << worker->openError.message();
            const StoreError error = worker->openError;
            QMetaObject::invokeMethod(
                self, [self, error] { self->deliverOpened(error); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

StoreWriter::~StoreWriter()
{
    // Queued after every submitted batch, so they all run before the thread ends.
    QMetaObject::invokeMethod(
        m_context, [] { QThread::currentThread()->quit(); }, Qt::QueuedConnection);
    m_thread.wait();
    delete m_context;
    m_worker->db.close();
}

quint64 StoreWriter::submit(WriteBatch batch)
{
    const quint64 ticket = m_nextTicket++;
    bool post = false;
    {
        QMutexLocker lock(&m_worker->mutex);
        m_worker->queue.append({ticket, std::move(batch)});
        post = !m_worker->drainPosted;
        m_worker->drainPosted = true;
    }
    if (post) {
        // Runs until the queue is empty, so the destructor's quit, posted later, comes after
        // every submitted batch.
        std::shared_ptr<Worker> worker = m_worker;
        StoreWriter *self = this;
        QMetaObject::invokeMethod(
            m_context, [worker, self] { worker->drain(self); }, Qt::QueuedConnection);
    }
    return ticket;
}

void StoreWriter::deliverOpened(const StoreError &error)
{
    m_open = !error;
    m_openError = error;
    emit opened(error);
}

void StoreWriter::deliverResult(const BatchResult &result)
{
    if (result.committed()) {
        if (!result.added.isEmpty())
            emit messagesAdded(result.added);
        if (!result.changed.isEmpty())
            emit messagesChanged(result.changed);
        if (!result.moved.isEmpty())
            emit messagesMoved(result.moved);
        if (!result.removed.isEmpty())
            emit messagesRemoved(result.removed);
        if (result.outboxChanged)
            emit outboxChanged();
    }
    emit batchFinished(result);
}

} // namespace Poplar::Store
