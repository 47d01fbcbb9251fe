// bench_reader: the reading window on a 100,000-message profile.
//
//   bench_reader [--rows N] [--dir DIR] [--reuse] [--runs N] [--sync N] [--sync-only]
//                [--search-only]
//
// Builds a store of N generated messages (default 100,000; the generator of bench_store, three
// accounts) in DIR (default: a temporary folder; --reuse keeps an existing one), then starts
// itself as a separate process with the MainWindow on a copy of it, as `poplar` would:
//
//  - start to first page: from QProcess::start() in this process to the message list's first
//    paint with rows in the child (process start, Qt, store open, first page, paint), over
//    --runs starts (default 5), on a warm page cache;
//  - in one more child: sort by sender (click on the header), search as you type ("budget",
//    "会议", "sender17", a character every 100 ms while a 5 ms timer measures the event loop's
//    stalls; each keystroke to its results on screen, when a later keystroke did not overtake
//    it), paging through search results while scrolling them, how quickly a search overtaken
//    by a newer one stops, scrolling through the whole list a page at a time
//    (each step: scroll, fetch a page when at the end, paint), the resident memory, the sort
//    again with every row loaded, and a sync of --sync messages (default 2,000) from a
//    private Dovecot into the shown list, with the longest event-loop stall while it runs.
//
// Run it under a display (xvfb-run) or with QT_QPA_PLATFORM=offscreen; results go to
// RESULTS.md by hand.

#include "BenchMailbox.h"
#include "DovecotServer.h"
#include "SampleMailGenerator.h"
#include "ui/MainWindow.h"
#include "ui/reader/MessageListModel.h"

#include "store/BatchExecutor.h"
#include "store/Database.h"
#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "sync/SyncManager.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QProcess>
#include <QScrollBar>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

using namespace Poplar;

namespace {

QTextStream out(stdout);

void say(const QString &line)
{
    out << line << '\n';
    out.flush();
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// kB from /proc/self/status ("VmRSS", "VmHWM").
long statusKb(const char *key)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(int(qstrlen(key)) + 1).trimmed().split(' ').value(0).toLong();
    return -1;
}

QString memory()
{
    return QStringLiteral("RSS %1 MB, peak %2 MB")
        .arg(double(statusKb("VmRSS")) / 1024, 0, 'f', 1)
        .arg(double(statusKb("VmHWM")) / 1024, 0, 'f', 1);
}

struct Stats
{
    QList<double> values;
    void add(double v) { values.append(v); }
    double max() const
    {
        return values.isEmpty() ? 0 : *std::max_element(values.begin(), values.end());
    }
    double quantile(double q) const
    {
        if (values.isEmpty())
            return 0;
        QList<double> sorted = values;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(std::min<qsizetype>(sorted.size() - 1, qsizetype(q * sorted.size())));
    }
    int over(double limit) const
    {
        return int(
            std::count_if(values.begin(), values.end(), [limit](double v) { return v > limit; }));
    }
};

// Measures how late a 5 ms timer fires: the event loop's stalls while something runs.
class StallMonitor : public QObject
{
public:
    void start()
    {
        m_stats = {};
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            m_stats.add(std::max(0.0, msSince(m_last) - 5.0));
            m_last.start();
        });
        m_last.start();
        m_timer.start();
    }
    Stats stop()
    {
        m_timer.stop();
        m_timer.disconnect();
        return m_stats;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_last;
    Stats m_stats;
};

// Lets queued work (the writer's signals, deferred refreshes, paints) run.
void settle()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
}

// Times every event the loop delivers; the slow ones (over 50 ms; paints inside them over
// 20 ms) are listed by receiver and event type, to see what a stall was.
class TimingApplication : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_recording)
            return QApplication::notify(receiver, event);
        if (m_depth > 0 && event->type() != QEvent::Paint)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer t;
        t.start();
        const QString what = QStringLiteral("%1 \"%2\" event %3")
                                 .arg(QString::fromLatin1(receiver->metaObject()->className()),
                                      receiver->objectName().startsWith(u'q') && receiver->parent()
                                          ? receiver->parent()->objectName()
                                          : receiver->objectName())
                                 .arg(int(event->type()));
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        const double ms = msSince(t);
        if (ms > (m_depth > 0 ? 20 : 50))
            m_slow.append(QStringLiteral("%1 ms %2").arg(ms, 0, 'f', 1).arg(what));
        return result;
    }

    void record(bool on)
    {
        m_recording = on;
        if (on)
            m_slow.clear();
    }
    QStringList slowEvents() const { return m_slow; }

private:
    int m_depth = 0;
    bool m_recording = false;
    QStringList m_slow;
};

// --- the child: the window --------------------------------------------------------------

class WindowBench : public QObject
{
public:
    WindowBench(const QString &database, bool firstPageOnly, bool syncOnly, bool searchOnly,
                int syncMessages)
        : m_database(database)
        , m_firstPageOnly(firstPageOnly)
        , m_syncOnly(syncOnly)
        , m_searchOnly(searchOnly)
        , m_syncMessages(syncMessages)
    {}

    int run(const QElapsedTimer &sinceMain)
    {
        m_sinceMain = sinceMain;
        const QString settings = QFileInfo(m_database).dir().filePath(QStringLiteral("poplar.ini"));
        m_writer = std::make_unique<Store::StoreWriter>(m_database);
        m_sync = std::make_unique<Sync::SyncManager>(m_writer.get(), m_database);
        QList<Sync::SyncAccount> accounts;
        for (int i = 0; i < 3; ++i) {
            Sync::SyncAccount account;
            account.id = QStringLiteral("account%1").arg(i);
            account.name = QStringLiteral("Account %1").arg(i + 1);
            account.server.host = QStringLiteral("127.0.0.1");
            account.server.port = 1;
            accounts.append(account);
        }
        m_sync->setAccounts(accounts);
        m_window = std::make_unique<Ui::MainWindow>(
            Ui::MailContext{settings, m_writer.get(), m_database, m_sync.get()});
        m_list = m_window->findChild<QTreeView *>(QStringLiteral("messageList"));
        m_list->viewport()->installEventFilter(this);
        m_window->show();
        return QApplication::exec();
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (!m_firstPaintSeen && event->type() == QEvent::Paint && watched == m_list->viewport() &&
            m_window->messageListModel()->rowCount() > 0) {
            m_firstPaintSeen = true;
            // After this paint is done and on screen.
            QTimer::singleShot(0, this, [this] {
                say(QStringLiteral("first-page %1 ms after main(), %2 rows")
                        .arg(msSince(m_sinceMain), 0, 'f', 1)
                        .arg(m_window->messageListModel()->rowCount()));
                if (m_firstPageOnly)
                    QApplication::exit(0);
                else
                    QTimer::singleShot(200, this, [this] { QApplication::exit(measure()); });
            });
        }
        return false;
    }

private:
    double timed(const std::function<void()> &what)
    {
        QElapsedTimer t;
        t.start();
        what();
        m_list->viewport()->repaint();
        settle();
        return msSince(t);
    }

    void sortBy(int column, Qt::SortOrder order, const QString &label)
    {
        const double ms = timed([&] { m_list->header()->setSortIndicator(column, order); });
        say(QStringLiteral("  %1 %2 ms (%3 rows loaded)")
                .arg(label, -44)
                .arg(ms, 8, 'f', 1)
                .arg(m_window->messageListModel()->rowCount()));
    }

    // Types text into the search field a character every intervalMs, as a person types,
    // until the results of the whole text are on screen. What the user feels: the event
    // loop's longest stall meanwhile, and for each keystroke whose results were shown (a
    // later keystroke overtakes the others) the time from the keystroke to the results painted.
    void searchAsYouType(const QString &text, int intervalMs = 100)
    {
        auto *field = m_window->findChild<QLineEdit *>(QStringLiteral("searchField"));
        Ui::MessageListModel *model = m_window->messageListModel();
        QEventLoop loop;
        QElapsedTimer clock;
        QList<double> keyAt;
        Stats keystrokes; // the keystroke itself (setText), on the GUI thread
        QStringList shown;
        double lastLatency = -1;
        QObject::connect(model, &Ui::MessageListModel::searchShown, &loop, [&] {
            m_list->viewport()->repaint();
            const int typed = int(model->searchText().size());
            if (typed < 1 || typed > keyAt.size())
                return;
            const double latency = msSince(clock) - keyAt.at(typed - 1);
            shown << QStringLiteral("%1: %2").arg(text.left(typed)).arg(latency, 0, 'f', 1);
            if (typed == text.size()) {
                lastLatency = latency;
                loop.quit();
            }
        });
        QTimer typing;
        typing.setTimerType(Qt::PreciseTimer);
        typing.setInterval(intervalMs);
        QObject::connect(&typing, &QTimer::timeout, &loop, [&] {
            keyAt.append(msSince(clock));
            QElapsedTimer t;
            t.start();
            field->setText(text.left(keyAt.size()));
            keystrokes.add(msSince(t));
            if (keyAt.size() == text.size())
                typing.stop();
        });
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        StallMonitor monitor;
        auto *app = static_cast<TimingApplication *>(QCoreApplication::instance());
        app->record(true);
        clock.start();
        monitor.start();
        typing.start();
        loop.exec();
        const Stats stalls = monitor.stop();
        app->record(false);
        say(QStringLiteral("  %1 %2 ms max stall (p99 %3 ms, %4 over 50 ms; keystroke itself "
                           "max %5 ms); last keystroke to results shown %6 ms; shown: %7; "
                           "%8 results")
                .arg(QStringLiteral("search as you type \"%1\"").arg(text), -44)
                .arg(stalls.max(), 8, 'f', 1)
                .arg(stalls.quantile(0.99), 0, 'f', 1)
                .arg(stalls.over(50))
                .arg(keystrokes.max(), 0, 'f', 1)
                .arg(lastLatency, 0, 'f', 1)
                .arg(shown.join(QStringLiteral(", ")))
                .arg(model->rowCount()));
        for (const QString &slow : app->slowEvents())
            say(QStringLiteral("    slow event: ") + slow);
        field->clear();
        settle();
    }

    // Scrolls search results to the end a page at a time; the next page comes from the
    // search thread. Reports the longest stall and the time from the scroll to the new rows.
    void scrollSearchResults(const QString &text, int pages)
    {
        auto *field = m_window->findChild<QLineEdit *>(QStringLiteral("searchField"));
        Ui::MessageListModel *model = m_window->messageListModel();
        {
            QEventLoop loop;
            QObject::connect(model, &Ui::MessageListModel::searchShown, &loop, &QEventLoop::quit);
            field->setText(text);
            QTimer::singleShot(60000, &loop, &QEventLoop::quit);
            loop.exec();
        }
        m_list->scrollToTop();
        settle();
        QScrollBar *bar = m_list->verticalScrollBar();
        Stats arrivals;
        StallMonitor monitor;
        monitor.start();
        for (int page = 0; page < pages; ++page) {
            // Scrolled to the end, the view asks for the next page (and, still at the end
            // when it comes, for more by itself): each step waits for more rows on screen.
            const int before = model->rowCount();
            QEventLoop wait;
            QTimer poll;
            QObject::connect(&poll, &QTimer::timeout, &wait, [&] {
                if (model->rowCount() > before)
                    wait.quit();
            });
            poll.start(1);
            QTimer::singleShot(5000, &wait, &QEventLoop::quit);
            QElapsedTimer t;
            t.start();
            bar->setValue(bar->maximum());
            wait.exec();
            if (model->rowCount() == before)
                break;
            m_list->viewport()->repaint();
            arrivals.add(msSince(t));
        }
        const Stats stalls = monitor.stop();
        say(QStringLiteral("  %1 %2 ms max stall (p99 %3 ms); scroll to next page shown max "
                           "%4 ms, median %5 ms over %6 steps; %7 rows")
                .arg(QStringLiteral("scroll through search results \"%1\"").arg(text), -44)
                .arg(stalls.max(), 8, 'f', 1)
                .arg(stalls.quantile(0.99), 0, 'f', 1)
                .arg(arrivals.max(), 0, 'f', 1)
                .arg(arrivals.quantile(0.5), 0, 'f', 1)
                .arg(arrivals.values.size())
                .arg(model->rowCount()));
        field->clear();
        settle();
    }

    // How long a search runs to its end, and how soon it stops once a newer keystroke makes
    // it useless (the search thread's stop check), on a connection of its own.
    void staleSearchStops(const QString &text, double stopAfterMs)
    {
        Store::StoreReader reader;
        if (const Store::StoreError e = reader.open(m_database)) {
            say(e.message());
            return;
        }
        std::atomic<bool> stop{false};
        reader.setStopCheck([&stop] { return stop.load(); });
        Store::SearchQuery q;
        q.text = text;
        q.folder = Store::Folder::Inbox;
        q.limit = Ui::MessageListModel::PageSize;
        const auto run = [&](bool interrupt) {
            stop = false;
            QElapsedTimer t;
            t.start();
            std::thread worker([&] { (void)reader.search(q); });
            if (interrupt) {
                while (msSince(t) < stopAfterMs)
                    std::this_thread::sleep_for(std::chrono::microseconds(200));
                stop = true;
            }
            worker.join();
            return msSince(t);
        };
        run(false); // warm
        Stats full;
        Stats stopped;
        for (int i = 0; i < 5; ++i) {
            full.add(run(false));
            stopped.add(run(true) - stopAfterMs);
        }
        say(QStringLiteral("  %1 %2 ms to stop, told %3 ms in (max %4 ms); the whole search "
                           "%5 ms median")
                .arg(QStringLiteral("stale search \"%1\" stopped").arg(text), -44)
                .arg(stopped.quantile(0.5), 8, 'f', 1)
                .arg(stopAfterMs, 0, 'f', 0)
                .arg(stopped.max(), 0, 'f', 1)
                .arg(full.quantile(0.5), 0, 'f', 1));
    }

    void scrollThrough()
    {
        QScrollBar *bar = m_list->verticalScrollBar();
        Ui::MessageListModel *model = m_window->messageListModel();
        m_list->scrollToTop();
        settle();
        Stats steps;
        QElapsedTimer total;
        total.start();
        while (true) {
            const bool more = model->canFetchMore({});
            if (bar->value() >= bar->maximum() && !more)
                break;
            steps.add(timed([&] { bar->setValue(bar->value() + bar->pageStep()); }));
        }
        say(QStringLiteral("  %1 %2 ms max step (p99 %3 ms, median %4 ms, %5 steps over 50 "
                           "ms; %6 steps of a page in %7 s; %8 rows)")
                .arg(QStringLiteral("scroll through the whole list"), -44)
                .arg(steps.max(), 8, 'f', 1)
                .arg(steps.quantile(0.99), 0, 'f', 1)
                .arg(steps.quantile(0.5), 0, 'f', 1)
                .arg(steps.over(50))
                .arg(steps.values.size())
                .arg(double(total.elapsed()) / 1000, 0, 'f', 1)
                .arg(model->rowCount()));
    }

    bool syncFromDovecot()
    {
        if (!TestSupport::DovecotServer::isAvailable()) {
            say(QStringLiteral("  sync: dovecot not installed, skipped"));
            return true;
        }
        TestSupport::DovecotServer server;
        server.addUser(QStringLiteral("reader"), QStringLiteral("pw"));
        const TestSupport::SampleMailGenerator generator(2026, 64 * 1024);
        qint64 bytes = 0;
        for (int i = 0; i < m_syncMessages; ++i) {
            const QByteArray message = generator.message(i);
            bytes += message.size();
            server.deliver(QStringLiteral("reader"), message);
        }
        QString error;
        if (!server.start(&error)) {
            say(QStringLiteral("  sync: dovecot did not start: ") + error);
            return false;
        }
        QList<Sync::SyncAccount> accounts = m_sync->accounts();
        Sync::SyncAccount account;
        account.id = QStringLiteral("dovecot");
        account.name = QStringLiteral("Dovecot");
        account.server.host = server.host();
        account.server.port = server.tlsPort();
        account.server.username = QStringLiteral("reader");
        account.server.password = QStringLiteral("pw");
        account.server.extraCaCertificates = QSslCertificate::fromData(server.certificatePem());
        accounts.append(account);
        m_sync->setAccounts(accounts);
        settle();

        int added = 0;
        QObject::connect(m_writer.get(), &Store::StoreWriter::messagesAdded, this,
                         [&added](const QList<qint64> &ids) { added += int(ids.size()); });
        Sync::SyncResult result;
        QEventLoop loop;
        QObject::connect(m_sync.get(), &Sync::SyncManager::finished, &loop,
                         [&](const QString &id, const Sync::SyncResult &r) {
                             if (id == QStringLiteral("dovecot")) {
                                 result = r;
                                 loop.quit();
                             }
                         });
        const int rowsBefore = m_window->messageListModel()->rowCount();
        StallMonitor monitor;
        QElapsedTimer t;
        t.start();
        auto *app = static_cast<TimingApplication *>(QCoreApplication::instance());
        app->record(true);
        monitor.start();
        m_sync->sync(QStringLiteral("dovecot"));
        loop.exec();
        const Stats stalls = monitor.stop();
        app->record(false);
        const double seconds = double(t.elapsed()) / 1000;
        settle();
        say(QStringLiteral("  %1 %2 ms max stall (p99 %3 ms, %4 stalls over 50 ms); %5 "
                           "messages, %6 MB in %7 s; %8 stored, list %9 -> %10 rows%11")
                .arg(QStringLiteral("sync of %1 messages into the shown list").arg(m_syncMessages),
                     -44)
                .arg(stalls.max(), 8, 'f', 1)
                .arg(stalls.quantile(0.99), 0, 'f', 1)
                .arg(stalls.over(50))
                .arg(result.downloaded)
                .arg(double(bytes) / 1e6, 0, 'f', 1)
                .arg(seconds, 0, 'f', 1)
                .arg(added)
                .arg(rowsBefore)
                .arg(m_window->messageListModel()->rowCount())
                .arg(result.ok ? QString() : QStringLiteral(" FAILED: ") + result.error));
        const QStringList slow = app->slowEvents();
        for (qsizetype i = 0; i < std::min<qsizetype>(slow.size(), 10); ++i)
            say(QStringLiteral("    slow event: ") + slow.at(i));
        return result.ok;
    }

    int measure()
    {
        say(QStringLiteral("  after first page: ") + memory());
        {
            // What the model costs a paint of the visible rows (without drawing).
            Ui::MessageListModel *model = m_window->messageListModel();
            QElapsedTimer t;
            t.start();
            int n = 0;
            for (int round = 0; round < 10; ++round)
                for (int row = 0; row < 40; ++row)
                    for (int column = 0; column < Ui::MessageListModel::ColumnCount; ++column)
                        for (int role : {int(Qt::DisplayRole), int(Qt::FontRole),
                                         int(Qt::TextAlignmentRole), int(Qt::ForegroundRole),
                                         int(Qt::DecorationRole), int(Qt::CheckStateRole)}) {
                            n += model->index(row, column).data(role).isValid() ? 1 : 0;
                        }
            say(QStringLiteral("  %1 %2 ms (%3 values)")
                    .arg(QStringLiteral("model data for one screen of rows"), -44)
                    .arg(msSince(t) / 10, 8, 'f', 2)
                    .arg(n / 10));
            const double paint = timed([this] { m_list->viewport()->repaint(); });
            say(QStringLiteral("  %1 %2 ms")
                    .arg(QStringLiteral("painting the list once"), -44)
                    .arg(paint, 8, 'f', 2));
        }
        if (m_syncOnly)
            return syncFromDovecot() ? 0 : 1;
        sortBy(Ui::MessageListModel::From, Qt::AscendingOrder,
               QStringLiteral("sort by sender (click on the header)"));
        sortBy(Ui::MessageListModel::Date, Qt::DescendingOrder,
               QStringLiteral("sort by date again"));
        searchAsYouType(QStringLiteral("budget"));
        searchAsYouType(QStringLiteral("会议"));
        searchAsYouType(QStringLiteral("sender17"));
        // Typed faster than the searches take: each keystroke overtakes the search before it.
        searchAsYouType(QStringLiteral("sender17"), 30);
        scrollSearchResults(QStringLiteral("budget"), 10);
        // Prefixes typed on the way are the slow searches (many matches).
        staleSearchStops(QStringLiteral("sen"), 5);
        staleSearchStops(QStringLiteral("send"), 5);
        staleSearchStops(QStringLiteral("bu"), 5);
        if (m_searchOnly)
            return 0;
        scrollThrough();
        say(QStringLiteral("  after scrolling through everything: ") + memory());
        sortBy(Ui::MessageListModel::From, Qt::AscendingOrder,
               QStringLiteral("sort by sender, every row loaded"));
        sortBy(Ui::MessageListModel::Date, Qt::DescendingOrder,
               QStringLiteral("sort by date, every row loaded"));
        {
            // What each arrival cost before the list inserted new rows itself: reading every
            // loaded row again.
            Ui::MessageListModel *model = m_window->messageListModel();
            const double ms = timed([model] { model->refresh(); });
            say(QStringLiteral("  %1 %2 ms (%3 rows)")
                    .arg(QStringLiteral("re-reading every loaded row (old update)"), -44)
                    .arg(ms, 8, 'f', 1)
                    .arg(model->rowCount()));
        }
        m_list->scrollToTop();
        settle();
        const bool synced = m_syncMessages <= 0 || syncFromDovecot();
        say(QStringLiteral("  at the end: ") + memory());
        return synced ? 0 : 1;
    }

    QString m_database;
    bool m_firstPageOnly;
    bool m_syncOnly;
    bool m_searchOnly;
    int m_syncMessages;
    QElapsedTimer m_sinceMain;
    std::unique_ptr<Store::StoreWriter> m_writer;
    std::unique_ptr<Sync::SyncManager> m_sync;
    std::unique_ptr<Ui::MainWindow> m_window;
    QTreeView *m_list = nullptr;
    bool m_firstPaintSeen = false;
};

// --- the parent: the profile and the runs -----------------------------------------------

bool buildStore(const QString &path, int rows)
{
    Store::Database db;
    if (const Store::StoreError e = db.open(path)) {
        say(e.message());
        return false;
    }
    QRandomGenerator rng(42);
    QElapsedTimer t;
    t.start();
    for (int start = 0; start < rows; start += 1000) {
        Store::WriteBatch batch;
        for (int i = start; i < std::min(rows, start + 1000); ++i)
            batch.insertMessage(TestSupport::BenchMailbox::message(rng, i));
        const Store::BatchResult r = Store::BatchExecutor(db).apply(batch);
        if (!r.committed()) {
            say(r.error.message());
            return false;
        }
    }
    if (const Store::StoreError e = db.exec("PRAGMA optimize")) {
        say(e.message());
        return false;
    }
    say(QStringLiteral("built %1 messages in %2 s")
            .arg(rows)
            .arg(double(t.elapsed()) / 1000, 0, 'f', 1));
    return true;
}

// A fresh profile folder with a copy of the store, so every run starts from the same state.
QString copyProfile(const QString &dir, const QString &store)
{
    const QString profile = QDir(dir).filePath(QStringLiteral("profile"));
    QDir(profile).removeRecursively();
    QDir().mkpath(profile);
    const QString database = QDir(profile).filePath(QStringLiteral("mail.sqlite"));
    if (!QFile::copy(store, database))
        return {};
    return database;
}

int runChild(const QStringList &arguments, bool forward, double *firstPageMs)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer t;
    QEventLoop loop;
    QByteArray pending;
    QObject::connect(&child, &QProcess::readyReadStandardOutput, &loop, [&] {
        pending += child.readAllStandardOutput();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(newline));
            pending.remove(0, newline + 1);
            if (line.startsWith(QStringLiteral("first-page")) && *firstPageMs < 0)
                *firstPageMs = msSince(t);
            if (forward)
                say(line);
        }
    });
    QObject::connect(&child, &QProcess::finished, &loop, &QEventLoop::quit);
    *firstPageMs = -1;
    t.start();
    child.start(QCoreApplication::applicationFilePath(), arguments);
    loop.exec();
    return child.exitStatus() == QProcess::NormalExit ? child.exitCode() : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    if (args.value(1) == QStringLiteral("--window")) {
        TimingApplication app(argc, argv);
        WindowBench bench(args.value(2), args.contains(QStringLiteral("--first-page-only")),
                          args.contains(QStringLiteral("--sync-only")),
                          args.contains(QStringLiteral("--search-only")),
                          args.value(args.indexOf(QStringLiteral("--sync")) + 1).toInt());
        return bench.run(sinceMain);
    }

    QCoreApplication app(argc, argv);
    int rows = 100000;
    int runs = 5;
    int syncMessages = 2000;
    QString dir;
    bool reuse = false;
    bool syncOnly = false;
    bool searchOnly = false;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QStringLiteral("--rows") && i + 1 < args.size())
            rows = args[++i].toInt();
        else if (args[i] == QStringLiteral("--runs") && i + 1 < args.size())
            runs = args[++i].toInt();
        else if (args[i] == QStringLiteral("--sync") && i + 1 < args.size())
            syncMessages = args[++i].toInt();
        else if (args[i] == QStringLiteral("--dir") && i + 1 < args.size())
            dir = args[++i];
        else if (args[i] == QStringLiteral("--reuse"))
            reuse = true;
        else if (args[i] == QStringLiteral("--sync-only"))
            syncOnly = true; // only the sync, with the first page loaded (for profiling)
        else if (args[i] == QStringLiteral("--search-only"))
            searchOnly = true; // sorting and searching, not the scrolling and the sync
    }
    QTemporaryDir temp;
    if (dir.isEmpty())
        dir = temp.path();
    QDir().mkpath(dir);
    const QString store = QDir(dir).filePath(QStringLiteral("reader-%1.sqlite").arg(rows));
    if (!reuse || !QFileInfo::exists(store)) {
        QFile::remove(store);
        if (!buildStore(store, rows))
            return 1;
    }
    say(QStringLiteral("%1 messages, store %2 MB")
            .arg(rows)
            .arg(double(QFileInfo(store).size()) / (1024.0 * 1024.0), 0, 'f', 1));

    Stats starts;
    for (int run = 0; run < runs; ++run) {
        const QString database = copyProfile(dir, store);
        double ms = -1;
        if (database.isEmpty() ||
            runChild({QStringLiteral("--window"), database, QStringLiteral("--first-page-only")},
                     false, &ms) != 0 ||
            ms < 0) {
            say(QStringLiteral("the window did not start"));
            return 1;
        }
        starts.add(ms);
    }
    QStringList each;
    for (double ms : std::as_const(starts.values))
        each << QString::number(ms, 'f', 0);
    say(QStringLiteral("  %1 %2 ms median (%3)")
            .arg(QStringLiteral("process start to first page shown"), -44)
            .arg(starts.quantile(0.5), 8, 'f', 1)
            .arg(each.join(QStringLiteral(", "))));

    const QString database = copyProfile(dir, store);
    double ms = -1;
    QStringList arguments = {QStringLiteral("--window"), database, QStringLiteral("--sync"),
                             QString::number(syncMessages)};
    if (syncOnly)
        arguments << QStringLiteral("--sync-only");
    if (searchOnly)
        arguments << QStringLiteral("--search-only");
    return runChild(arguments, true, &ms);
}
