#include "sync/BackgroundJobs.h"

#include <QCoreApplication>
#include <QThread>

namespace Poplar::Sync {

namespace {

QThreadPool *makePool()
{
    auto *pool = new QThreadPool;
    pool->setObjectName(QStringLiteral("PoplarSyncWorkers"));
    pool->setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
    // A job still running when the application ends (its owner already gone) is let finish
    // before the rest of the program is torn down; it never takes longer than one parse.
    qAddPostRoutine([] { BackgroundJobs::pool()->waitForDone(); });
    return pool;
}

} // namespace

BackgroundJobs::BackgroundJobs(QObject *parent)
    : QObject(parent)
    , m_link(std::make_shared<Link>())
{
    m_link->owner = this;
}

BackgroundJobs::~BackgroundJobs()
{
    QMutexLocker lock(&m_link->mutex);
    m_link->owner = nullptr;
}

QThreadPool *BackgroundJobs::pool()
{
    static QThreadPool *const pool = makePool();
    return pool;
}

} // namespace Poplar::Sync
