// poplar-bench-smtp: sends the same generated messages through a private Exim (TLS, AUTH
// PLAIN, delivery into a private Dovecot's maildirs) with `poplar outbox send` and with msmtp,
// in the same run, then again through a relay that adds latency. Not a test: see
// tests/bench/smtp-bench.sh and RESULTS.md.
//
// Poplar: the messages are put into the Outbox of a new profile (not timed, as `poplar send`
// does before any network step), then `poplar outbox send` is timed: one connection, RSET
// between messages, MAIL/RCPT/BDAT (Exim offers CHUNKING) pipelined with the message. msmtp is
// timed as it is used: one `msmtp` process, connection and login per message. The floor is
// what the protocol needs at the relay's round trip: the TCP and TLS handshakes, the greeting,
// EHLO and AUTH once, then one round trip per message with CHUNKING, two without.

#include "BenchRun.h"
#include "DovecotServer.h"
#include "SampleMailGenerator.h"
#include "SmtpServer.h"
#include "TcpRelay.h"

#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "store/WriteBatch.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace Poplar;
using Bench::Result;
using TestSupport::DovecotServer;
using TestSupport::SmtpServer;
using TestSupport::TcpRelay;

namespace {

const QString kSender = QStringLiteral("alice");
const QString kPassword = QStringLiteral("pw-bench-smtp");
const QString kRecipient = QStringLiteral("bob@poplar.test");

struct Mailbox
{
    QList<QByteArray> messages;
    qint64 bytes = 0;
};

Mailbox generate(int count, qint64 maximumSize, quint64 seed)
{
    const TestSupport::SampleMailGenerator generator(seed, maximumSize);
    Mailbox box;
    for (int n = 0; n < count; ++n) {
        box.messages.append(generator.message(n));
        box.bytes += box.messages.constLast().size();
    }
    return box;
}

// Waits until Exim has delivered `count` more messages to bob than `before` (it delivers a
// moment after each "250"); false after a minute.
bool waitForDeliveries(const DovecotServer &mailstore, qsizetype before, int count)
{
    QElapsedTimer timer;
    timer.start();
    while (mailstore.messageFiles(QStringLiteral("bob")).size() < before + count) {
        if (timer.elapsed() > 60000) {
            std::fprintf(stderr, "only %lld of %d messages were delivered\n",
                         qlonglong(mailstore.messageFiles(QStringLiteral("bob")).size() - before),
                         count);
            return false;
        }
        QThread::msleep(50);
    }
    return true;
}

QString fingerprintOf(const DovecotServer &mailstore)
{
    const auto certificates = QSslCertificate::fromData(mailstore.certificatePem());
    return certificates.isEmpty()
               ? QString()
               : QString::fromLatin1(
                     certificates.first().digest(QCryptographicHash::Sha256).toHex());
}

// A new profile whose account sends through port; its Outbox holds the messages.
bool prepareProfile(const QString &poplar, const QString &profile, const DovecotServer &mailstore,
                    quint16 port, const Mailbox &box, const QString &errors)
{
    const QString fingerprint = fingerprintOf(mailstore);
    const QStringList add = {QStringLiteral("--profile"),
                             profile,
                             QStringLiteral("account"),
                             QStringLiteral("add"),
                             QStringLiteral("--name"),
                             QStringLiteral("Bench"),
                             QStringLiteral("--email"),
                             QStringLiteral("alice@poplar.test"),
                             QStringLiteral("--host"),
                             mailstore.host(),
                             QStringLiteral("--port"),
                             QString::number(mailstore.tlsPort()),
                             QStringLiteral("--user"),
                             kSender,
                             QStringLiteral("--trust-fingerprint"),
                             fingerprint,
                             QStringLiteral("--password-stdin"),
                             QStringLiteral("--smtp-host"),
                             mailstore.host(),
                             QStringLiteral("--smtp-port"),
                             QString::number(port),
                             QStringLiteral("--smtp-auth"),
                             QStringLiteral("plain"),
                             QStringLiteral("--smtp-trust-fingerprint"),
                             fingerprint};
    if (!Bench::runProgram(poplar, add, kPassword.toUtf8() + '\n', errors))
        return false;
    QFile log(errors);
    if (log.open(QIODevice::ReadOnly) && log.readAll().contains("could not be saved")) {
        std::fprintf(stderr, "no keychain: run this through tests/bench/smtp-bench.sh\n");
        return false;
    }

    QProcess list;
    list.start(poplar, {QStringLiteral("--profile"), profile, QStringLiteral("account"),
                        QStringLiteral("list")});
    list.waitForFinished();
    const QString account = QString::fromUtf8(list.readAllStandardOutput().split('\t').value(4));

    Store::StoreWriter writer(profile + QStringLiteral("/mail.sqlite"));
    Store::WriteBatch batch;
    for (qsizetype n = 0; n < box.messages.size(); ++n) {
        Store::OutgoingRecord r;
        r.account = account;
        r.raw = box.messages.at(n);
        r.envelopeFrom = QStringLiteral("alice@poplar.test");
        r.recipients = {kRecipient};
        r.subject = QStringLiteral("bench %1").arg(n);
        r.to = kRecipient;
        r.messageId = QStringLiteral("bench-%1@poplar.test").arg(n);
        batch.queueOutgoing(r);
    }
    QEventLoop loop;
    bool committed = false;
    QObject::connect(&writer, &Store::StoreWriter::batchFinished, &loop,
                     [&](const Store::BatchResult &result) {
                         committed = result.committed();
                         loop.quit();
                     });
    writer.submit(std::move(batch));
    loop.exec();
    return committed;
}

std::optional<Result> runPoplar(const QString &poplar, const DovecotServer &mailstore, quint16 port,
                                const Mailbox &box)
{
    QTemporaryDir dir;
    const QString profile = dir.filePath(QStringLiteral("profile"));
    const QString errors = dir.filePath(QStringLiteral("stderr.txt"));
    if (!prepareProfile(poplar, profile, mailstore, port, box, errors))
        return std::nullopt;
    const qsizetype before = mailstore.messageFiles(QStringLiteral("bob")).size();
    const auto seconds = Bench::runProgram(
        poplar,
        {QStringLiteral("--profile"), profile, QStringLiteral("outbox"), QStringLiteral("send")},
        {}, errors);
    if (!seconds || !waitForDeliveries(mailstore, before, int(box.messages.size())))
        return std::nullopt;
    return Result{QStringLiteral("poplar outbox send"), int(box.messages.size()), box.bytes,
                  *seconds};
}

// msmtp as people use it: one process (connection, TLS, login) per message.
std::optional<Result> runMsmtp(const DovecotServer &mailstore, quint16 port, const Mailbox &box)
{
    const QString msmtp = QStandardPaths::findExecutable(QStringLiteral("msmtp"));
    if (msmtp.isEmpty()) {
        std::fprintf(stderr, "msmtp is not installed: skipped\n");
        return std::nullopt;
    }
    QTemporaryDir dir;
    const QString certificate = dir.filePath(QStringLiteral("cert.pem"));
    const QString config = dir.filePath(QStringLiteral("msmtprc"));
    {
        QFile cert(certificate);
        QFile rc(config);
        if (!cert.open(QIODevice::WriteOnly) || !rc.open(QIODevice::WriteOnly))
            return std::nullopt;
        cert.write(mailstore.certificatePem());
        rc.write(QStringLiteral("defaults\ntls on\ntls_starttls off\ntls_trust_file %1\n"
                                "account bench\nhost localhost\nport %2\nfrom alice@poplar.test\n"
                                "auth plain\nuser %3\npassword %4\n")
                     .arg(certificate)
                     .arg(port)
                     .arg(kSender, kPassword)
                     .toUtf8());
        rc.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    const QString errors = dir.filePath(QStringLiteral("stderr.txt"));
    const qsizetype before = mailstore.messageFiles(QStringLiteral("bob")).size();
    double seconds = 0;
    for (const QByteArray &message : box.messages) {
        const auto one = Bench::runProgram(msmtp,
                                           {QStringLiteral("-C"), config, QStringLiteral("-a"),
                                            QStringLiteral("bench"), kRecipient},
                                           message, errors);
        if (!one)
            return std::nullopt;
        seconds += *one;
    }
    if (!waitForDeliveries(mailstore, before, int(box.messages.size())))
        return std::nullopt;
    return Result{QStringLiteral("msmtp, one process per message"), int(box.messages.size()),
                  box.bytes, seconds};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("SMTP submission benchmark: poplar outbox send vs msmtp"));
    parser.addHelpOption();
    const QCommandLineOption poplarOption(
        QStringLiteral("poplar"), QStringLiteral("The poplar program."), QStringLiteral("path"));
    const QCommandLineOption messagesOption(QStringLiteral("messages"),
                                            QStringLiteral("Mixed messages for the local run."),
                                            QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption smallOption(QStringLiteral("small"),
                                         QStringLiteral("Small messages for the latency run."),
                                         QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption delayOption(QStringLiteral("delay-ms"),
                                         QStringLiteral("Relay delay each way (ms)."),
                                         QStringLiteral("ms"), QStringLiteral("25"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"),
                                          QStringLiteral("Rounds (the median counts)."),
                                          QStringLiteral("n"), QStringLiteral("3"));
    parser.addOptions({poplarOption, messagesOption, smallOption, delayOption, roundsOption});
    parser.process(app);
    const QString poplar = parser.value(poplarOption);
    const int delayMs = parser.value(delayOption).toInt();
    const int rounds = qMax(1, parser.value(roundsOption).toInt());
    if (poplar.isEmpty() || !DovecotServer::isAvailable() || !SmtpServer::isAvailable()) {
        std::fprintf(stderr, "needs --poplar PATH, Dovecot and Exim (see smtp-bench.sh)\n");
        return 2;
    }

    DovecotServer mailstore;
    mailstore.addUser(kSender, kPassword);
    mailstore.addUser(QStringLiteral("bob"), QStringLiteral("pw-bob"));
    SmtpServer smtp(mailstore);
    smtp.setMessageSizeLimit(64 * 1024 * 1024);
    QString error;
    if (!mailstore.start(&error) || !smtp.start(&error)) {
        std::fprintf(stderr, "servers: %s\n", qPrintable(error));
        return 2;
    }
    // Mixed: letters, HTML, attachments and CJK mail up to 2 MB; small: up to 8 KB.
    const Mailbox mixed = generate(parser.value(messagesOption).toInt(), 2 * 1024 * 1024, 20261207);
    const Mailbox small = generate(parser.value(smallOption).toInt(), 8 * 1024, 20261208);

    TcpRelay relay;
    relay.setTarget(QHostAddress(smtp.host()), smtp.tlsPort());
    relay.setDelay(delayMs);
    if (!relay.listen()) {
        std::fprintf(stderr, "relay: cannot listen\n");
        return 2;
    }

    int status = 0;
    auto measure = [&](const QString &title, quint16 port, const Mailbox &box) {
        QList<QList<Result>> runs;
        for (int round = 0; round < rounds; ++round) {
            const auto p = runPoplar(poplar, mailstore, port, box);
            const auto m = runMsmtp(mailstore, port, box);
            if (!p || !m) {
                status = 1;
                continue;
            }
            runs.append({*p, *m});
        }
        // The title's last placeholder (the lowest left) is the number of rounds.
        Bench::printTable(title.arg(runs.size()), Bench::medians(runs), QStringLiteral("msmtp"));
    };
    measure(QStringLiteral("Local TLS, %1 mixed messages (%2 MB), median of %3 rounds")
                .arg(mixed.messages.size())
                .arg(mixed.bytes / 1e6, 0, 'f', 1),
            smtp.tlsPort(), mixed);
    measure(QStringLiteral("TLS through a %1 ms round-trip relay, %2 small messages (%3 MB), "
                           "median of %4 rounds")
                .arg(2 * delayMs)
                .arg(small.messages.size())
                .arg(small.bytes / 1e6, 0, 'f', 2),
            relay.port(), small);
    // TCP + TLS 1.3 handshakes, greeting, EHLO, AUTH: about 4 round trips; then one per message
    // with CHUNKING (MAIL, RCPT, BDAT and the message in one flight), two without (DATA waits
    // for its 354).
    const double rtt = 2 * delayMs / 1000.0;
    const auto count = double(small.messages.size());
    std::printf("protocol floor at %d ms: %.2f s with CHUNKING, %.2f s without\n", 2 * delayMs,
                (4 + count) * rtt, (4 + 2 * count) * rtt);
    return status;
}
