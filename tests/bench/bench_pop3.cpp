// poplar-bench-pop3: downloads every message of a generated mailbox from a private Dovecot
// over TLS with Poplar (pipelined and one command at a time) and with fetchmail, in the same
// run on the same server and mailbox, then again through a relay that adds latency.
// Prints a table with msgs/s, MB/s and the ratio to fetchmail. Not a test: see
// tests/bench/pop3-bench.sh and RESULTS.md.
//
// With --poplar PATH it also measures the end-to-end sync: `poplar sync` (the command line, a
// new profile each round, the account added with `poplar account add`) downloads, parses and
// stores a realistic mailbox (the sample-mail generator: MIME, attachments, CJK charsets)
// while fetchmail downloads the same mailbox into a BSMTP file, alternately, several rounds;
// the medians are compared (tests/bench/sync-bench.sh).
//
// With --tools DIR (the reference clients: DIR/pipeline.py, DIR/delayproxy.py) the end-to-end
// rounds also run the limit — pipeline.py, a raw reader that sends every RETR at once after
// login — on the same mailbox, and then all three again on a mailbox of small messages
// through delayproxy.py (a relay that holds every chunk --delay-ms each way).

#include "BenchRun.h"
#include "DovecotServer.h"
#include "SampleMailGenerator.h"
#include "TcpRelay.h"
#include "pop3/Client.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <optional>

using namespace Poplar::Pop3;
using Poplar::Bench::Result;
using Poplar::TestSupport::DovecotServer;
using Poplar::TestSupport::TcpRelay;

namespace {

// Discards what it is given, like a store that costs nothing.
class NullSink : public QIODevice
{
public:
    NullSink() { open(QIODevice::WriteOnly); }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 len) override { return len; }
};

quint32 g_seed = 12345;
quint32 nextRandom()
{
    g_seed = g_seed * 1664525u + 1013904223u;
    return g_seed >> 8;
}

QByteArray makeMessage(int n, qint64 size)
{
    QByteArray m = "From: Sender " + QByteArray::number(n % 37) +
                   " <sender@example.test>\r\nTo: bench@example.test\r\nSubject: message " +
                   QByteArray::number(n) + "\r\nMessage-ID: <" + QByteArray::number(n) +
                   "@bench.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n";
    static const QByteArray words[] = {"poplar ",       "mail ",    "offline ",    "reader ",
                                       "\xe6\x9d\xa8 ", "message ", "pipelining ", ". "};
    int column = 0;
    while (m.size() < size) {
        const QByteArray &w = words[nextRandom() % 8];
        m += w;
        column += int(w.size());
        if (column > 70) {
            m += "\r\n";
            column = 0;
        }
    }
    return m + "\r\n";
}

// Mixed sizes: mostly small, some medium, a few large.
qint64 mixedSize()
{
    const quint32 r = nextRandom() % 100;
    if (r < 70)
        return 1000 + nextRandom() % 7000;
    if (r < 95)
        return 8000 + nextRandom() % 56000;
    return 64000 + nextRandom() % 936000;
}

std::optional<Result> runPoplar(const QString &label, const Settings &settings)
{
    Client client(settings);
    NullSink sink;
    Result result;
    result.label = label;
    QEventLoop loop;
    bool ok = true;
    int expected = -1;
    QObject context;
    QObject::connect(&client, &Client::opened, &context, [&] { (void)client.list(); });
    QObject::connect(&client, &Client::listFinished, &context,
                     [&](CommandId, const QList<MessageSize> &sizes) {
                         for (const MessageSize &m : sizes)
                             (void)client.retrieve(m.number, &sink, m.size);
                         expected = int(sizes.size());
                         if (expected == 0)
                             client.quit();
                     });
    QObject::connect(&client, &Client::retrieveFinished, &context,
                     [&](CommandId, int, qint64 bytes) {
                         ++result.messages;
                         result.bytes += bytes;
                         // QUIT once every answer is in (as pipeline.py does): a server may
                         // close before the tail of the answers is out if it comes earlier.
                         if (result.messages == expected)
                             client.quit();
                     });
    QObject::connect(&client, &Client::failed, &context, [&](const Error &e) {
        std::fprintf(stderr, "%s: %s %s\n", qPrintable(label), qPrintable(e.message()),
                     qPrintable(e.detail));
        ok = false;
    });
    QObject::connect(&client, &Client::sessionClosed, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    client.open();
    loop.exec();
    result.seconds = timer.nsecsElapsed() / 1e9;
    return ok ? std::optional<Result>(result) : std::nullopt;
}

// `bsmtp` is where fetchmail writes the mail (BSMTP, no MDA process per message).
std::optional<Result> runFetchmail(const QString &label, quint16 port, const QString &user,
                                   int messages, qint64 bytes,
                                   const QString &bsmtp = QStringLiteral("/dev/null"))
{
    const QString fetchmail = QStandardPaths::findExecutable(QStringLiteral("fetchmail"));
    if (fetchmail.isEmpty()) {
        std::fprintf(stderr, "fetchmail is not installed: skipped\n");
        return std::nullopt;
    }
    QTemporaryDir dir;
    const QString rcPath = dir.filePath(QStringLiteral("fetchmailrc"));
    QFile rc(rcPath);
    if (!rc.open(QIODevice::WriteOnly))
        return std::nullopt;
    rc.write(QStringLiteral("set no bouncemail\n"
                            "poll 127.0.0.1 with protocol POP3 and port %1 and timeout 300:\n"
                            "    user \"%2\" there with password \"pw-%2\" is \"%2\" here\n"
                            "    ssl no sslcertck keep fetchall bsmtp \"%3\"\n")
                 .arg(port)
                 .arg(user, bsmtp)
                 .toUtf8());
    rc.close();
    rc.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), dir.path());
    process.setProcessEnvironment(env);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    process.start(fetchmail, {QStringLiteral("-f"), rcPath, QStringLiteral("-i"),
                              dir.filePath(QStringLiteral("ids")), QStringLiteral("--nosyslog"),
                              QStringLiteral("--nodetach")});
    loop.exec();
    const double seconds = timer.nsecsElapsed() / 1e9;
    const QByteArray output = process.readAll();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        std::fprintf(stderr, "fetchmail failed (%d): %s\n", process.exitCode(), output.constData());
        return std::nullopt;
    }
    // fetchmail reports "N messages for user at host (B octets)."; it was given the same
    // mailbox, so the counts are the mailbox's.
    if (!output.contains(QByteArray(QByteArray::number(messages) + " message")))
        std::fprintf(stderr, "fetchmail output does not mention %d messages: %s\n", messages,
                     output.left(400).constData());
    Result result;
    result.label = label;
    result.messages = messages;
    result.bytes = bytes;
    result.seconds = seconds;
    return result;
}

// The limit: pipeline.py (in `tools`) downloads every message of `user`'s mailbox, sending
// every RETR at once after login, into a file (the bytes as received, as a client that keeps
// them would write them). Timed from the start of the process to its exit, like the others.
std::optional<Result> runLimit(const QString &tools, const QString &certificateFile, quint16 port,
                               const QString &user, int messages, qint64 bytes)
{
    QTemporaryDir dir;
    QProcess process;
    process.setStandardErrorFile(dir.filePath(QStringLiteral("stderr.txt")));
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral("python3"),
                  {QDir(tools).filePath(QStringLiteral("pipeline.py")), QStringLiteral("--user"),
                   user, QStringLiteral("--password"), QStringLiteral("pw-") + user,
                   QStringLiteral("--cafile"), certificateFile, QStringLiteral("--mode"),
                   QStringLiteral("ssl"), QStringLiteral("--port"), QString::number(port),
                   QStringLiteral("--format"), QStringLiteral("raw"), QStringLiteral("--out"),
                   dir.filePath(QStringLiteral("mail.raw"))});
    loop.exec();
    const double seconds = timer.nsecsElapsed() / 1e9;
    const QJsonObject report = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 ||
        report.value(QStringLiteral("messages")).toInt() != messages) {
        QFile errors(dir.filePath(QStringLiteral("stderr.txt")));
        (void)errors.open(QIODevice::ReadOnly);
        std::fprintf(stderr, "pipeline.py failed (%d): %s\n", process.exitCode(),
                     errors.readAll().right(600).constData());
        return std::nullopt;
    }
    Result result;
    result.label = QStringLiteral("the limit (pipeline.py)");
    result.messages = messages;
    result.bytes = bytes;
    result.seconds = seconds;
    return result;
}

// delayproxy.py (in `tools`) relaying a free loopback port to `target`, `delayMs` each way;
// running until destroyed.
class DelayProxy
{
public:
    DelayProxy(const QString &tools, quint16 target, int delayMs)
    {
        QTcpServer probe; // a free port, given back at once for the proxy to take
        if (!probe.listen(QHostAddress::LocalHost))
            return;
        const quint16 port = probe.serverPort();
        probe.close();
        m_process.setStandardOutputFile(QProcess::nullDevice());
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral("python3"),
                        {QDir(tools).filePath(QStringLiteral("delayproxy.py")),
                         QStringLiteral("--delay-ms"), QString::number(delayMs),
                         QStringLiteral("%1:%2").arg(port).arg(target)});
        // Listening once a connection is accepted (the proxy opens its own to the server
        // for it, which Dovecot drops without harm).
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 10000 && m_process.state() != QProcess::NotRunning) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            if (socket.waitForConnected(200)) {
                socket.abort();
                m_port = port;
                return;
            }
            QThread::msleep(50);
        }
    }
    ~DelayProxy()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
    quint16 port() const { return m_port; } // 0 when it did not start

private:
    QProcess m_process;
    quint16 m_port = 0;
};

// `poplar sync` on a new profile: the account is added first (not timed), then one sync of
// it is timed from the start of the process to its exit, the password given on stdin.
std::optional<Result> runPoplarSync(const QString &poplar, const DovecotServer &server,
                                    quint16 port, const QString &user, const QString &password,
                                    int messages, qint64 bytes)
{
    QTemporaryDir dir;
    const QString profile = dir.filePath(QStringLiteral("profile"));
    const QString errors = dir.filePath(QStringLiteral("stderr.txt"));
    const auto certificates = QSslCertificate::fromData(server.certificatePem());
    if (certificates.isEmpty())
        return std::nullopt;
    const QString fingerprint =
        QString::fromLatin1(certificates.first().digest(QCryptographicHash::Sha256).toHex());
    const QStringList add = {QStringLiteral("--profile"),
                             profile,
                             QStringLiteral("account"),
                             QStringLiteral("add"),
                             QStringLiteral("--name"),
                             QStringLiteral("Bench"),
                             QStringLiteral("--email"),
                             QStringLiteral("bench@example.test"),
                             QStringLiteral("--host"),
                             server.host(),
                             QStringLiteral("--port"),
                             QString::number(port),
                             QStringLiteral("--security"),
                             QStringLiteral("tls"),
                             QStringLiteral("--user"),
                             user,
                             QStringLiteral("--trust-fingerprint"),
                             fingerprint};
    if (!Poplar::Bench::runProgram(poplar, add, {}, errors))
        return std::nullopt;
    const auto seconds = Poplar::Bench::runProgram(
        poplar,
        {QStringLiteral("--profile"), profile, QStringLiteral("sync"), QStringLiteral("--account"),
         QStringLiteral("Bench"), QStringLiteral("--password-stdin")},
        password.toUtf8() + '\n', errors);
    if (!seconds)
        return std::nullopt;
    QFile output(errors);
    (void)output.open(QIODevice::ReadOnly);
    const QByteArray expected = "Bench: " + QByteArray::number(messages) + " new";
    if (!output.readAll().contains(expected)) {
        std::fprintf(stderr, "poplar sync did not report \"%s\"\n", expected.constData());
        return std::nullopt;
    }
    Result result;
    result.label = QStringLiteral("poplar sync (download, parse, store)");
    result.messages = messages;
    result.bytes = bytes;
    result.seconds = *seconds;
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("POP3 download benchmark: Poplar vs fetchmail"));
    parser.addHelpOption();
    QCommandLineOption messagesOption(QStringLiteral("messages"),
                                      QStringLiteral("Messages in the mixed mailbox."),
                                      QStringLiteral("n"), QStringLiteral("2000"));
    QCommandLineOption smallOption(QStringLiteral("small"),
                                   QStringLiteral("Small messages for the latency run."),
                                   QStringLiteral("n"), QStringLiteral("500"));
    QCommandLineOption delayOption(QStringLiteral("delay-ms"),
                                   QStringLiteral("Relay delay each way (ms)."),
                                   QStringLiteral("ms"), QStringLiteral("25"));
    QCommandLineOption poplarOption(
        QStringLiteral("poplar"),
        QStringLiteral("The poplar program: also measure `poplar sync` end to end."),
        QStringLiteral("path"));
    QCommandLineOption e2eOnlyOption(QStringLiteral("e2e-only"),
                                     QStringLiteral("Only the end-to-end sync (with --poplar)."));
    QCommandLineOption roundsOption(QStringLiteral("rounds"),
                                    QStringLiteral("End-to-end rounds (the median counts)."),
                                    QStringLiteral("n"), QStringLiteral("3"));
    QCommandLineOption sampleMaxOption(
        QStringLiteral("sample-max"),
        QStringLiteral("Largest message of the end-to-end mailbox (bytes)."),
        QStringLiteral("bytes"), QStringLiteral("1048576"));
    QCommandLineOption toolsOption(
        QStringLiteral("tools"),
        QStringLiteral("The reference clients' folder (pipeline.py, delayproxy.py): the end-to-end "
                       "rounds also run the limit, locally and through the delay relay."),
        QStringLiteral("dir"));
    parser.addOptions({messagesOption, smallOption, delayOption, poplarOption, e2eOnlyOption,
                       roundsOption, sampleMaxOption, toolsOption});
    parser.process(app);
    const int messages = parser.value(messagesOption).toInt();
    const int small = parser.value(smallOption).toInt();
    const int delayMs = parser.value(delayOption).toInt();
    const QString poplar = parser.value(poplarOption);
    const bool e2eOnly = parser.isSet(e2eOnlyOption) && !poplar.isEmpty();
    const int rounds = qMax(1, parser.value(roundsOption).toInt());
    const QString tools = parser.value(toolsOption);
    if (!tools.isEmpty() && !QFile::exists(QDir(tools).filePath(QStringLiteral("pipeline.py")))) {
        std::fprintf(stderr, "no pipeline.py in %s\n", qPrintable(tools));
        return 2;
    }

    if (!DovecotServer::isAvailable()) {
        std::fprintf(stderr, "Dovecot is not installed\n");
        return 2;
    }
    DovecotServer server;
    server.addUser(QStringLiteral("bench"), QStringLiteral("pw-bench"));
    server.addUser(QStringLiteral("small"), QStringLiteral("pw-small"));
    server.addUser(QStringLiteral("sample"), QStringLiteral("pw-sample"));
    qint64 mixedBytes = 0;
    qint64 smallBytes = 0;
    if (!e2eOnly) {
        for (int n = 1; n <= messages; ++n) {
            const QByteArray m = makeMessage(n, mixedSize());
            mixedBytes += m.size();
            server.deliver(QStringLiteral("bench"), m);
        }
    }
    if (!e2eOnly || !tools.isEmpty()) {
        for (int n = 1; n <= small; ++n) {
            const QByteArray m = makeMessage(n, 1000 + nextRandom() % 3000);
            smallBytes += m.size();
            server.deliver(QStringLiteral("small"), m);
        }
    }
    qint64 sampleBytes = 0;
    if (!poplar.isEmpty()) {
        const Poplar::TestSupport::SampleMailGenerator generator(
            20261122, parser.value(sampleMaxOption).toLongLong());
        for (int n = 0; n < messages; ++n) {
            const QByteArray m = generator.message(n);
            sampleBytes += m.size();
            server.deliver(QStringLiteral("sample"), m);
        }
    }
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "Dovecot: %s\n", qPrintable(error));
        return 2;
    }

    auto settingsFor = [&](const QString &user, quint16 port, bool pipelining) {
        Settings s;
        s.host = server.host();
        s.port = port;
        s.security = Settings::Security::Tls;
        s.username = user;
        s.password = QStringLiteral("pw-") + user;
        s.extraCaCertificates = QSslCertificate::fromData(server.certificatePem());
        s.maxMessageSize = 64 * 1024 * 1024;
        s.responseTimeoutMs = 120 * 1000;
        s.pipelineMaxCommands = pipelining ? 1000 : 1;
        return s;
    };

    int status = 0;
    auto collect = [&status, &server](QList<Result> *into, std::optional<Result> r) {
        if (r) {
            into->append(*r);
            return;
        }
        status = 1;
        // What the server says about it (a client it disconnected, and why).
        QFile log(server.logPath());
        if (log.open(QIODevice::ReadOnly))
            std::fprintf(stderr, "Dovecot's log ends:\n%s\n",
                         log.readAll().right(1500).constData());
    };

    if (!poplar.isEmpty()) {
        // End to end, the same generated mailbox for both, alternately. A warm-up session
        // first so the page cache is equal for all.
        const QString user = QStringLiteral("sample");
        (void)runPoplar(QStringLiteral("warm-up"), settingsFor(user, server.tlsPort(), true));
        QTemporaryDir certificateDir;
        const QString certificateFile = certificateDir.filePath(QStringLiteral("cert.pem"));
        {
            QFile pem(certificateFile);
            if (!pem.open(QIODevice::WriteOnly) || pem.write(server.certificatePem()) < 0)
                return 2;
        }
        // Rounds of `poplar sync`, the limit (with --tools), Poplar's download alone (for
        // the local mailbox) and fetchmail on one mailbox through `port`; the medians.
        const auto endToEnd = [&](quint16 port, const QString &mailbox, int count, qint64 bytes,
                                  bool downloadOnly) {
            const int clients = 2 + (tools.isEmpty() ? 0 : 1) + (downloadOnly ? 1 : 0);
            QList<QList<Result>> runs;
            for (int round = 0; round < rounds; ++round) {
                QList<Result> results;
                QTemporaryDir dir;
                collect(&results, runPoplarSync(poplar, server, port, mailbox,
                                                QStringLiteral("pw-") + mailbox, count, bytes));
                if (!tools.isEmpty())
                    collect(&results,
                            runLimit(tools, certificateFile, port, mailbox, count, bytes));
                if (downloadOnly)
                    collect(&results, runPoplar(QStringLiteral("Poplar, download only"),
                                                settingsFor(mailbox, port, true)));
                collect(&results, runFetchmail(QStringLiteral("fetchmail (to a BSMTP file)"), port,
                                               mailbox, count, bytes,
                                               dir.filePath(QStringLiteral("fetchmail.bsmtp"))));
                if (results.size() == clients)
                    runs.append(results);
            }
            return std::make_pair(Poplar::Bench::medians(runs), runs.size());
        };
        const auto print = [&tools](const QString &title, const QList<Result> &medians) {
            Poplar::Bench::printTable(title, medians, QStringLiteral("fetchmail"));
            if (!tools.isEmpty())
                Poplar::Bench::printTable(title, medians, QStringLiteral("the limit"));
        };

        const auto [localMedians, localRounds] =
            endToEnd(server.tlsPort(), user, messages, sampleBytes, true);
        print(QStringLiteral("End-to-end sync, local TLS, %1 sample messages (%2 MB), median of "
                             "%3 rounds")
                  .arg(messages)
                  .arg(sampleBytes / 1e6, 0, 'f', 1)
                  .arg(localRounds),
              localMedians);
        if (!tools.isEmpty()) {
            // Again through the delay relay, on the mailbox of small messages.
            const DelayProxy proxy(tools, server.tlsPort(), delayMs);
            if (!proxy.port()) {
                std::fprintf(stderr, "delayproxy.py did not start\n");
                return 2;
            }
            const auto [slowMedians, slowRounds] =
                endToEnd(proxy.port(), QStringLiteral("small"), small, smallBytes, false);
            print(QStringLiteral("End-to-end sync, TLS through delayproxy.py at a %1 ms round "
                                 "trip, %2 small messages (%3 MB), median of %4 rounds")
                      .arg(2 * delayMs)
                      .arg(small)
                      .arg(smallBytes / 1e6, 0, 'f', 1)
                      .arg(slowRounds),
                  slowMedians);
        }
        if (e2eOnly)
            return status;
    }

    // Local TLS, mixed mailbox. A warm-up session first so the page cache is equal for all.
    (void)runPoplar(QStringLiteral("warm-up"),
                    settingsFor(QStringLiteral("bench"), server.tlsPort(), true));
    QList<Result> local;
    collect(&local, runPoplar(QStringLiteral("Poplar, pipelined"),
                              settingsFor(QStringLiteral("bench"), server.tlsPort(), true)));
    collect(&local, runPoplar(QStringLiteral("Poplar, one command at a time"),
                              settingsFor(QStringLiteral("bench"), server.tlsPort(), false)));
    collect(&local, runFetchmail(QStringLiteral("fetchmail"), server.tlsPort(),
                                 QStringLiteral("bench"), messages, mixedBytes));
    Poplar::Bench::printTable(QStringLiteral("Local TLS, %1 mixed messages (%2 MB)")
                                  .arg(messages)
                                  .arg(mixedBytes / 1e6, 0, 'f', 1),
                              local, QStringLiteral("fetchmail"));

    TcpRelay relay;
    relay.setTarget(QHostAddress(server.host()), server.tlsPort());
    relay.setDelay(delayMs);
    if (!relay.listen()) {
        std::fprintf(stderr, "relay: cannot listen\n");
        return 2;
    }
    QList<Result> slow;
    collect(&slow, runPoplar(QStringLiteral("Poplar, pipelined"),
                             settingsFor(QStringLiteral("small"), relay.port(), true)));
    collect(&slow, runPoplar(QStringLiteral("Poplar, one command at a time"),
                             settingsFor(QStringLiteral("small"), relay.port(), false)));
    collect(&slow, runFetchmail(QStringLiteral("fetchmail"), relay.port(), QStringLiteral("small"),
                                small, smallBytes));
    Poplar::Bench::printTable(
        QStringLiteral("TLS through a %1 ms round-trip relay, %2 small messages")
            .arg(2 * delayMs)
            .arg(small),
        slow, QStringLiteral("fetchmail"));
    return status;
}
