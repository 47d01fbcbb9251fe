#pragma once

#include <QMetaObject>
#include <QMutex>
#include <QMutexLocker>
#include <QObject>
#include <QThreadPool>

#include <memory>
#include <utility>

namespace Poplar::Sync {

// Runs slow work (parsing mail, reading the store) on Poplar's worker threads and hands each
// result back on the thread of this object, through its event loop, so the caller's thread
// (normally the GUI thread) never waits for it.
//
// Destroying the object never waits either: a job still running finishes on its thread and
// its result is dropped. A job must therefore own everything it uses (values, not pointers
// to the caller). Results come back in the order the jobs finish, not the order they started.
class BackgroundJobs : public QObject
{
    Q_OBJECT

public:
    explicit BackgroundJobs(QObject *parent = nullptr);
    ~BackgroundJobs() override;

    // Runs work() on a worker thread, then done(result) on this object's thread, unless this
    // object is gone by then.
    template<typename Work, typename Done> void run(Work work, Done done)
    {
        ++m_running;
        std::shared_ptr<Link> link = m_link;
        pool()->start([link, work = std::move(work), done = std::move(done)]() mutable {
            auto result = work();
            QMutexLocker lock(&link->mutex);
            if (!link->owner)
                return;
            // Posted while the owner cannot be destroyed (its destructor takes the lock), and
            // a posted call is dropped with the object if it dies before the call runs.
            BackgroundJobs *owner = link->owner;
            QMetaObject::invokeMethod(
                owner,
                [owner, result = std::move(result), done = std::move(done)]() mutable {
                    --owner->m_running;
                    done(std::move(result));
                },
                Qt::QueuedConnection);
        });
    }

    // Jobs started and not yet delivered.
    int running() const { return m_running; }

    // The threads all jobs share (about one per core).
    static QThreadPool *pool();

private:
    struct Link
    {
        QMutex mutex;
        BackgroundJobs *owner = nullptr; // guarded by mutex; null once the owner is gone
    };

    std::shared_ptr<Link> m_link;
    int m_running = 0;
};

} // namespace Poplar::Sync
