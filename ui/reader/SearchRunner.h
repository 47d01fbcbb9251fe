#pragma once

#include "store/MessageSummary.h"
#include "store/SearchQuery.h"

#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace Poplar::Store {
class StoreReader;
}

namespace Poplar::Ui {

// Runs the store's full-text searches on a thread of its own, with its own read-only
// connection to the database file (WAL: it never waits for the writer, the writer never waits
// for it), so that the GUI thread never waits for a search.
//
// Only the newest request matters. A request replaces the one still waiting (requests never
// queue up), the one running is stopped at its next step (SQLite's progress handler), and the
// answer of any request but the newest is dropped: finished() and failed() come only for the
// request made last, and never after cancel(). The thread starts with the first request.
class SearchRunner : public QObject
{
    Q_OBJECT

public:
    explicit SearchRunner(QObject *parent = nullptr);
    // Stops the running search (at its next step) and waits for the thread to end.
    ~SearchRunner() override;

    // Starts a search of the database at databasePath; returns its ticket (never 0).
    quint64 start(const QString &databasePath, const Store::SearchQuery &query);
    // Drops the request waiting or running: no answer comes for it.
    void cancel();
    // The ticket of the request whose answer is still to come; 0 when none.
    quint64 pending() const { return m_pending; }

signals:
    // The rows found for the request with this ticket (the newest one).
    void finished(quint64 ticket, const QList<Poplar::Store::MessageSummary> &rows);
    // The newest request failed; error is a sentence for the user.
    void failed(quint64 ticket, const QString &error);

private:
    struct Request
    {
        quint64 ticket = 0;
        QString path;
        Store::SearchQuery query;
    };

    void run();
    void deliver(quint64 ticket, std::optional<QList<Store::MessageSummary>> rows,
                 const QString &error);

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Request> m_request; // the one waiting, guarded by m_mutex
    bool m_stopping = false;          // guarded by m_mutex
    std::thread m_thread;
    // The newest ticket handed out (or cancelled), and the one the thread runs now: the
    // thread's query stops when they differ.
    std::atomic<quint64> m_latest{0};
    std::atomic<quint64> m_running{0};
    quint64 m_pending = 0; // GUI thread only
    // Used on the search thread only (opened there on the first request).
    std::unique_ptr<Store::StoreReader> m_reader;
};

} // namespace Poplar::Ui
