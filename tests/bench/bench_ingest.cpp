// Ingest: how fast downloaded mail becomes stored mail, without the network. Each message goes
// through MessageIngest::prepare (MIME parse, summary, text for search, content hash) and
// StoreWriter (SQLite, synchronous=FULL, group commit) into a fresh database file, in batches
// of 50 messages or 8 MB as the sync engine submits them. Two ways:
//
// - "one parser": every parse on the main thread, the writer on its own thread;
// - "worker pool": parses on BackgroundJobs' worker threads, at most 32 in flight, results put
//   back in order before they are batched (what AccountSync does).
//
// Parse alone (one thread, no store) is printed for reference. Inputs: small mail (the sample
// generator capped at 8 KB: plain, HTML alternatives, small attachments, CJK charsets) and
// every .eml file of the folders given (tests/bench/make_mailbox.py's mixed mailbox).
//
//   bench_ingest [--small N] [--repeat R] [FOLDER...]
//
// Not a test: see run_ingest_bench.sh and RESULTS.md.

#include "SampleMailGenerator.h"

#include "store/StoreWriter.h"
#include "sync/BackgroundJobs.h"
#include "sync/MessageIngest.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <map>

using namespace Poplar;

namespace {

constexpr int kBatchMessages = 50;
constexpr qint64 kBatchBytes = 8 * 1024 * 1024;
constexpr int kMaxParses = 32;

const QString kAccount = QStringLiteral("bench");

struct Mailbox
{
    QString name;
    QList<QByteArray> messages;
    qint64 bytes = 0;
};

struct Timing
{
    double seconds = 0;
    bool ok = true;
};

Store::NewMessage prepare(const QByteArray &raw, int index, const QDateTime &now)
{
    return Sync::MessageIngest::prepare(kAccount, QStringLiteral("uidl-%1").arg(index), raw,
                                        raw.size(), false, now);
}

// Submits batches to a writer and waits for the last one; counts failures.
class Sink
{
public:
    explicit Sink(const QString &path)
        : m_writer(path)
    {
        QObject::connect(&m_writer, &Store::StoreWriter::batchFinished, &m_loop,
                         [this](const Store::BatchResult &result) {
                             if (!result.committed()) {
                                 std::fprintf(stderr, "batch failed: %s\n",
                                              qPrintable(result.error.message()));
                                 m_ok = false;
                             }
                             if (--m_outstanding == 0 && m_closed)
                                 m_loop.quit();
                         });
    }

    void add(Store::NewMessage message)
    {
        m_bytes += message.raw.size();
        m_batch.insertMessage(std::move(message));
        if (++m_count >= kBatchMessages || m_bytes >= kBatchBytes)
            flush();
    }

    void flush()
    {
        if (m_batch.isEmpty())
            return;
        ++m_outstanding;
        m_writer.submit(std::exchange(m_batch, {}));
        m_count = 0;
        m_bytes = 0;
    }

    // Submits what is left and waits until everything is committed.
    bool finish()
    {
        flush();
        m_closed = true;
        if (m_outstanding > 0)
            m_loop.exec();
        return m_ok;
    }

private:
    Store::StoreWriter m_writer;
    QEventLoop m_loop;
    Store::WriteBatch m_batch;
    int m_count = 0;
    qint64 m_bytes = 0;
    int m_outstanding = 0;
    bool m_closed = false;
    bool m_ok = true;
};

Timing parseOnly(const Mailbox &mailbox)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 checksum = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < mailbox.messages.size(); ++i)
        checksum += prepare(mailbox.messages[i], i, now).bodyText.size();
    Timing timing;
    timing.seconds = double(timer.nsecsElapsed()) / 1e9;
    timing.ok = checksum >= 0;
    return timing;
}

Timing ingestOneParser(const Mailbox &mailbox, const QString &path)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QElapsedTimer timer;
    timer.start();
    Sink sink(path);
    for (int i = 0; i < mailbox.messages.size(); ++i) {
        sink.add(prepare(mailbox.messages[i], i, now));
        // Let the writer's results in, as the sync engine's event loop would.
        QCoreApplication::processEvents();
    }
    Timing timing;
    timing.ok = sink.finish();
    timing.seconds = double(timer.nsecsElapsed()) / 1e9;
    return timing;
}

Timing ingestWorkerPool(const Mailbox &mailbox, const QString &path)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QElapsedTimer timer;
    timer.start();
    Sink sink(path);
    Sync::BackgroundJobs jobs;
    std::map<int, Store::NewMessage> parsed;
    int next = 0;     // the next message to hand to a parse
    int appended = 0; // the next message the sink takes
    QEventLoop loop;
    std::function<void()> feed = [&] {
        while (next < mailbox.messages.size() && next - appended < kMaxParses) {
            const int index = next++;
            jobs.run(
                [raw = mailbox.messages[index], index, now] { return prepare(raw, index, now); },
                [&, index](Store::NewMessage message) {
                    parsed.emplace(index, std::move(message));
                    while (!parsed.empty() && parsed.begin()->first == appended) {
                        sink.add(std::move(parsed.begin()->second));
                        parsed.erase(parsed.begin());
                        ++appended;
                    }
                    if (appended == mailbox.messages.size())
                        loop.quit();
                    else
                        feed();
                });
        }
    };
    feed();
    if (appended < mailbox.messages.size())
        loop.exec();
    Timing timing;
    timing.ok = sink.finish();
    timing.seconds = double(timer.nsecsElapsed()) / 1e9;
    return timing;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

void report(const Mailbox &mailbox, const QString &how, const QList<double> &seconds)
{
    const double s = median(seconds);
    std::printf("| %-28s | %-26s | %8lld | %7.1f | %8.0f | %6.1f |\n", qPrintable(mailbox.name),
                qPrintable(how), qint64(mailbox.messages.size()), mailbox.bytes / 1e6,
                mailbox.messages.size() / s, mailbox.bytes / 1e6 / s);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("poplar.store.info=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Ingest (parse + store) benchmark"));
    parser.addHelpOption();
    const QCommandLineOption smallOption(QStringLiteral("small"),
                                         QStringLiteral("Small generated messages."),
                                         QStringLiteral("n"), QStringLiteral("5000"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"),
                                          QStringLiteral("Runs of each kind (the median counts)."),
                                          QStringLiteral("n"), QStringLiteral("3"));
    parser.addOptions({smallOption, repeatOption});
    parser.addPositionalArgument(QStringLiteral("folder"),
                                 QStringLiteral("Folders of .eml files (the mixed mailbox)."));
    parser.process(app);
    const int repeat = qMax(1, parser.value(repeatOption).toInt());

    QList<Mailbox> mailboxes;
    {
        Mailbox small;
        const int count = parser.value(smallOption).toInt();
        const TestSupport::SampleMailGenerator generator(20261122, 8 * 1024);
        for (int i = 0; i < count; ++i) {
            small.messages.append(generator.message(i));
            small.bytes += small.messages.back().size();
        }
        small.name = QStringLiteral("small (generated, <= 8 KB)");
        if (count > 0)
            mailboxes.append(small);
    }
    Mailbox mixed;
    for (const QString &folder : parser.positionalArguments()) {
        QDirIterator it(folder, {QStringLiteral("*.eml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files << it.next();
        files.sort(); // the same order on every run
        for (const QString &path : std::as_const(files)) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly)) {
                mixed.messages.append(file.readAll());
                mixed.bytes += mixed.messages.back().size();
            }
        }
    }
    if (!mixed.messages.isEmpty()) {
        mixed.name = QStringLiteral("mixed (make_mailbox.py)");
        mailboxes.append(mixed);
    }
    if (mailboxes.isEmpty()) {
        std::fprintf(stderr, "nothing to ingest\n");
        return 2;
    }

    std::printf("worker threads: %d, runs per row: %d (median)\n\n",
                Sync::BackgroundJobs::pool()->maxThreadCount(), repeat);
    std::printf("| %-28s | %-26s | %8s | %7s | %8s | %6s |\n", "mail", "how", "messages", "MB",
                "msgs/s", "MB/s");
    std::printf("|---|---|---:|---:|---:|---:|\n");
    int status = 0;
    for (const Mailbox &mailbox : std::as_const(mailboxes)) {
        QList<double> parse, one, pool;
        for (int r = 0; r < repeat; ++r) {
            parse << parseOnly(mailbox).seconds;
            QTemporaryDir dir;
            const Timing a = ingestOneParser(mailbox, dir.filePath(QStringLiteral("a.sqlite")));
            const Timing b = ingestWorkerPool(mailbox, dir.filePath(QStringLiteral("b.sqlite")));
            if (!a.ok || !b.ok)
                status = 1;
            one << a.seconds;
            pool << b.seconds;
        }
        report(mailbox, QStringLiteral("parse only, one thread"), parse);
        report(mailbox, QStringLiteral("parse + store, one parser"), one);
        report(mailbox, QStringLiteral("parse + store, worker pool"), pool);
    }
    return status;
}
