// The store at 10,000 and 100,000 messages: ingest rate, time to open, first page in each
// sort order, deep pages, counts and search latency for Latin and CJK words.
//
//   bench_store [--rows N]... [--dir DIR] [--keep] [--reuse]
//
// Without --rows it measures 10000 and 100000. The mailbox is generated (fixed seed): Latin,
// Chinese, Japanese and Korean subjects and bodies, 2,000 senders, three accounts, five years
// of dates. Timings are medians of repeated runs on a warm cache; "open" is a new connection
// pair (writer + reader) on the existing file, as when Poplar starts.

#include "BenchMailbox.h"
#include "store/BatchExecutor.h"
#include "store/Database.h"
#include "store/StoreReader.h"
#include "store/StoreWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <functional>

using namespace Poplar::Store;
using Poplar::TestSupport::BenchMailbox;

namespace {

QTextStream out(stdout);

double threadCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

// The median wall time of runs calls, and in lastCpuMs the median CPU time of this thread
// (which does not grow when other programs load the machine).
double lastCpuMs = 0;

double medianMs(int runs, const std::function<void()> &f)
{
    QList<double> times;
    QList<double> cpu;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        const double c0 = threadCpuMs();
        t.start();
        f();
        times << double(t.nsecsElapsed()) / 1e6;
        cpu << threadCpuMs() - c0;
    }
    std::sort(times.begin(), times.end());
    std::sort(cpu.begin(), cpu.end());
    lastCpuMs = cpu[cpu.size() / 2];
    return times[times.size() / 2];
}

void line(const QString &what, double ms, const QString &extra = {})
{
    out << QStringLiteral("  %1 %2 ms (cpu %3)  %4\n")
               .arg(what, -44)
               .arg(ms, 8, 'f', 2)
               .arg(lastCpuMs, 6, 'f', 1)
               .arg(extra);
    out.flush();
}

long maxRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

bool run(const QString &dir, int rows, bool reuse)
{
    const QString path = QDir(dir).filePath(QStringLiteral("mail-%1.sqlite").arg(rows));
    out << QStringLiteral("\n%1 messages (%2)\n").arg(rows).arg(path);
    if (!reuse || !QFileInfo::exists(path)) {
        Database db;
        if (const StoreError e = db.open(path)) {
            out << e.message() << '\n';
            return false;
        }
        QRandomGenerator rng(42);
        QElapsedTimer t;
        t.start();
        const int batchSize = 200;
        for (int start = 0; start < rows; start += batchSize) {
            WriteBatch batch;
            for (int i = start; i < std::min(rows, start + batchSize); ++i)
                batch.insertMessage(BenchMailbox::message(rng, i));
            const BatchResult r = BatchExecutor(db).apply(batch);
            if (!r.committed()) {
                out << r.error.message() << '\n';
                return false;
            }
        }
        const double s = double(t.elapsed()) / 1000.0;
        out << QStringLiteral("  ingest (store only, batches of %1)          %2 msgs/s (%3 s)\n")
                   .arg(batchSize)
                   .arg(int(rows / s))
                   .arg(s, 0, 'f', 1);
        if (const StoreError e = db.exec("PRAGMA optimize")) {
            out << e.message() << '\n';
            return false;
        }
    }
    out << QStringLiteral("  file size %1 MB\n")
               .arg(double(QFileInfo(path).size()) / (1024.0 * 1024.0), 0, 'f', 1);

    line(QStringLiteral("open (writer + reader)"), medianMs(5, [&] {
             Database writer;
             StoreReader reader;
             if (writer.open(path) || reader.open(path))
                 qFatal("open failed");
         }));

    Database writer; // as in Poplar: the writer connection is open while the UI reads
    if (writer.open(path))
        return false;
    StoreReader reader;
    if (reader.open(path))
        return false;

    struct PageCase
    {
        const char *name;
        SortKey key;
        Qt::SortOrder order;
        QString account;
    };
    const PageCase cases[] = {
        {"first page, date desc, all accounts", SortKey::Date, Qt::DescendingOrder, {}},
        {"first page, date desc, one account", SortKey::Date, Qt::DescendingOrder,
         QStringLiteral("account1")},
        {"first page, from asc, all accounts", SortKey::From, Qt::AscendingOrder, {}},
        {"first page, from asc, one account", SortKey::From, Qt::AscendingOrder,
         QStringLiteral("account1")},
        {"first page, subject asc, all", SortKey::Subject, Qt::AscendingOrder, {}},
        {"first page, size desc, all", SortKey::Size, Qt::DescendingOrder, {}},
    };
    for (const PageCase &c : cases) {
        PageQuery q;
        q.sortKey = c.key;
        q.order = c.order;
        q.account = c.account;
        q.limit = 100;
        int n = 0;
        const double ms = medianMs(21, [&] { n = int(reader.page(q).valueOr({}).size()); });
        line(QString::fromLatin1(c.name) + QStringLiteral(" (100)"), ms,
             QStringLiteral("%1 rows").arg(n));
    }
    {
        PageQuery q;
        q.limit = 100;
        q.offset = rows / 2;
        line(QStringLiteral("middle page by OFFSET, date desc"),
             medianMs(11, [&] { (void)reader.page(q); }));
        q.offset = 0;
        PageQuery first = q;
        first.offset = rows / 2 - 1;
        first.limit = 1;
        const QList<MessageSummary> before = reader.page(first).valueOr({});
        if (!before.isEmpty())
            q.after = StoreReader::cursorAfter(before.first(), SortKey::Date);
        line(QStringLiteral("middle page by keyset, date desc"),
             medianMs(21, [&] { (void)reader.page(q); }));
    }
    line(QStringLiteral("count, one account, Inbox"),
         medianMs(11, [&] { (void)reader.count(QStringLiteral("account1"), Folder::Inbox); }));
    line(QStringLiteral("unread counts per account"),
         medianMs(11, [&] { (void)reader.unreadCounts(); }));
    line(QStringLiteral("one message's raw bytes"),
         medianMs(21, [&] { (void)reader.rawMessage(rows / 3); }));
    line(QStringLiteral("UIDLs of one account"),
         medianMs(5, [&] { (void)reader.uidls(QStringLiteral("account1")); }));

    const QStringList searches = {QStringLiteral("budget"), BenchMailbox::latinWords().last(),
                                  QStringLiteral("sch"),    QStringLiteral("会议"),
                                  QStringLiteral("审批"),   QStringLiteral("年度目标"),
                                  QStringLiteral("会"),     QStringLiteral("会議"),
                                  QStringLiteral("회의"),   QStringLiteral("sender17")};
    for (const QString &text : searches) {
        SearchQuery q;
        q.text = text;
        q.limit = 100;
        q.folder = Folder::Inbox; // what the window searches
        SearchQuery countAll = q;
        countAll.limit = 10000;
        const qsizetype hits = reader.search(countAll).valueOr({}).size();
        q.folder.reset();
        const double everywhere = medianMs(5, [&] { (void)reader.search(q); });
        q.folder = Folder::Inbox;
        const double inbox = medianMs(11, [&] { (void)reader.search(q); });
        line(QStringLiteral("search \"%1\" (first 100, Inbox)").arg(text), inbox,
             QStringLiteral("%1%2 matches; Inbox+Trash %3 ms")
                 .arg(hits >= 10000 ? QStringLiteral(">=") : QString())
                 .arg(hits)
                 .arg(everywhere, 0, 'f', 2));
    }
    out << QStringLiteral("  max RSS so far %1 MB\n").arg(maxRssMb());
    return true;
}

} // namespace

// What a sync sees: one message per batch through StoreWriter, each result awaited only by
// the count of finished batches (the writer groups what queues up).
bool writerIngest(const QString &dir, int messages)
{
    const QString path = QDir(dir).filePath(QStringLiteral("writer-%1.sqlite").arg(messages));
    StoreWriter writer(path);
    QRandomGenerator rng(99);
    int done = 0;
    int failed = 0;
    QEventLoop loop;
    QObject::connect(&writer, &StoreWriter::batchFinished, &loop, [&](const BatchResult &result) {
        failed += result.committed() ? 0 : 1;
        if (++done == messages)
            loop.quit();
    });
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < messages; ++i) {
        WriteBatch batch;
        batch.insertMessage(BenchMailbox::message(rng, i));
        writer.submit(batch);
    }
    loop.exec();
    const double s = double(t.elapsed()) / 1000.0;
    out << QStringLiteral(
               "\nStoreWriter, one message per batch: %1 messages, %2 msgs/s, %3 failed\n")
               .arg(messages)
               .arg(int(messages / s))
               .arg(failed);
    return failed == 0;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QList<int> sizes;
    QString dir;
    bool keep = false;
    bool reuse = false;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1StringView("--rows") && i + 1 < args.size())
            sizes << args[++i].toInt();
        else if (args[i] == QLatin1StringView("--dir") && i + 1 < args.size())
            dir = args[++i];
        else if (args[i] == QLatin1StringView("--keep"))
            keep = true;
        else if (args[i] == QLatin1StringView("--reuse"))
            reuse = true; // measure an existing mail-N.sqlite in --dir instead of building it
    }
    if (sizes.isEmpty())
        sizes = {10000, 100000};
    QTemporaryDir temp;
    temp.setAutoRemove(!keep);
    if (dir.isEmpty())
        dir = temp.path();
    if (!writerIngest(dir, 2000))
        return 1;
    for (int rows : sizes) {
        if (!run(dir, rows, reuse))
            return 1;
    }
    return 0;
}
