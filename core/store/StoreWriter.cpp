#include "store/StoreWriter.h"

#include "Logging.h"
#include "store/BatchExecutor.h"
#include "store/Database.h"

#include <utility>

namespace Poplar::Store {

// The state used only on the writer thread.
struct StoreWriter::Worker
{
    QString path;
    Database db;
    StoreError openError;
};

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
    std::shared_ptr<Worker> worker = m_worker;
    StoreWriter *self = this;
    QMetaObject::invokeMethod(
        m_context,
        [worker, self, ticket, batch = std::move(batch)] {
            BatchResult result;
            if (worker->openError) {
                result.error = worker->openError;
            } else {
                BatchExecutor executor(worker->db);
                result = executor.apply(batch);
            }
            result.ticket = ticket;
            QMetaObject::invokeMethod(
                self, [self, result] { self->deliverResult(result); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
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
    }
    emit batchFinished(result);
}

} // namespace Poplar::Store
