#include "ui/reader/SearchRunner.h"

#include "ui/common/Logging.h"

#include "store/StoreReader.h"

#include <QMetaObject>

namespace Poplar::Ui {

SearchRunner::SearchRunner(QObject *parent)
    : QObject(parent)
{}

SearchRunner::~SearchRunner()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_request.reset();
    }
    ++m_latest; // stops the query running now
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

quint64 SearchRunner::start(const QString &databasePath, const Store::SearchQuery &query)
{
    const quint64 ticket = ++m_latest;
    {
        const std::lock_guard lock(m_mutex);
        m_request = Request{ticket, databasePath, query};
    }
    m_pending = ticket;
    if (!m_thread.joinable())
        m_thread = std::thread([this] { run(); });
    m_wake.notify_all();
    return ticket;
}

void SearchRunner::cancel()
{
    {
        const std::lock_guard lock(m_mutex);
        m_request.reset();
    }
    ++m_latest;
    m_pending = 0;
}

void SearchRunner::run()
{
    m_reader = std::make_unique<Store::StoreReader>();
    m_reader->setStopCheck([this] { return m_running.load() != m_latest.load(); });
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [this] { return m_stopping || m_request.has_value(); });
        if (m_stopping)
            break;
        const Request request = std::move(*m_request);
        m_request.reset();
        lock.unlock();

        m_running = request.ticket;
        if (request.ticket == m_latest) {
            QString error;
            if (m_reader->path() != request.path) {
                m_reader->close();
                if (const Store::StoreError e = m_reader->open(request.path))
                    error = e.message();
            }
            if (!error.isEmpty()) {
                deliver(request.ticket, std::nullopt, error);
            } else {
                auto result = m_reader->search(request.query);
                if (result)
                    deliver(request.ticket, std::move(result).value(), QString());
                else if (result.error().kind() != Store::StoreError::Kind::Interrupted)
                    deliver(request.ticket, std::nullopt, result.error().message());
            }
        }
        m_running = 0;
        lock.lock();
    }
    lock.unlock();
    m_reader.reset();
}

void SearchRunner::deliver(quint64 ticket, std::optional<QList<Store::MessageSummary>> rows,
                           const QString &error)
{
    if (ticket != m_latest)
        return; // overtaken while it ran
    // Runs on the GUI thread; dropped with this object if it is gone by then.
    QMetaObject::invokeMethod(
        this,
        [this, ticket, rows = std::move(rows), error] {
            if (ticket != m_pending)
                return;
            m_pending = 0;
            if (rows) {
                emit finished(ticket, *rows);
            } else {
                qCWarning(lcUi) << "search failed:" << error;
                emit failed(ticket, error);
            }
        },
        Qt::QueuedConnection);
}

} // namespace Poplar::Ui
