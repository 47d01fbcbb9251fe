#include "ScriptedServer.h"
#include "send/OutboxSender.h"
#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "store/WriteBatch.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Poplar;
using Poplar::Store::OutgoingRecord;
using Poplar::TestSupport::ScriptedServer;

namespace {

const QString Account = QStringLiteral("acct");
const QByteArray PlainResponse = QByteArray("\0alice\0secret", 13).toBase64();

QByteArray messageBytes(int n)
{
    return "From: a@example.org\r\nTo: b@example.org\r\nSubject: Outbox test " +
           QByteArray::number(n) + "\r\nMessage-ID: <m" + QByteArray::number(n) +
           "@example.org>\r\n\r\nBody " + QByteArray::number(n) + "\r\n";
}

// What the server reads of messageBytes(n) as DATA.
QString dataLines(int n)
{
    return QStringLiteral("C: From: a@example.org\nC: To: b@example.org\nC: Subject: Outbox "
                          "test %1\nC: Message-ID: <m%1@example.org>\nC: \nC: Body %1\nC: .\n")
        .arg(n);
}

QString login()
{
    return QStringLiteral("S: 220 hi\nC: EHLO [127.0.0.1]\nS: 250-mail.example\n"
                          "S: 250-PIPELINING\nS: 250 AUTH PLAIN\nC: AUTH PLAIN %1\nS: 235 ok\n")
        .arg(QString::fromLatin1(PlainResponse));
}

QString transaction(int n, const QString &finalReply = QStringLiteral("250 2.0.0 queued"))
{
    return QStringLiteral("C: MAIL FROM:<a@example.org>\nC: RCPT TO:<b@example.org>\n"
                          "C: RCPT TO:<secret@example.org>\nC: DATA\n"
                          "S: 250 ok\nS: 250 ok\nS: 250 ok\nS: 354 go\n") +
           dataLines(n) + QStringLiteral("S: ") + finalReply + u'\n';
}

} // namespace

class tst_OutboxSender : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_file = 0;
    std::unique_ptr<Store::StoreWriter> m_writer;
    QString m_path;

    bool commit(Store::WriteBatch batch, QList<qint64> *ids = nullptr)
    {
        QSignalSpy finished(m_writer.get(), &Store::StoreWriter::batchFinished);
        const quint64 ticket = m_writer->submit(std::move(batch));
        for (int i = 0; i < 100; ++i) {
            for (const QList<QVariant> &args : finished) {
                const auto r = args.at(0).value<Store::BatchResult>();
                if (r.ticket != ticket)
                    continue;
                if (ids) {
                    for (const auto &op : r.operations)
                        ids->append(op.id);
                }
                return r.committed();
            }
            finished.wait(100);
        }
        return false;
    }

    QList<qint64> queue(int count)
    {
        Store::WriteBatch batch;
        for (int n = 1; n <= count; ++n) {
            OutgoingRecord r;
            r.account = Account;
            r.raw = messageBytes(n);
            r.envelopeFrom = QStringLiteral("a@example.org");
            r.recipients = {QStringLiteral("b@example.org"), QStringLiteral("secret@example.org")};
            r.bcc = QStringLiteral("secret@example.org");
            r.subject = QStringLiteral("Outbox test %1").arg(n);
            r.messageId = QStringLiteral("m%1@example.org").arg(n);
            batch.queueOutgoing(r);
        }
        QList<qint64> ids;
        if (!commit(std::move(batch), &ids))
            return {};
        return ids;
    }

    QList<OutgoingRecord> outbox()
    {
        Store::StoreReader reader;
        if (reader.open(m_path))
            return {};
        return reader.outbox(Account).valueOr({});
    }

    Smtp::Settings settingsFor(const ScriptedServer &server)
    {
        Smtp::Settings s;
        s.host = QStringLiteral("127.0.0.1");
        s.port = server.port();
        s.security = Smtp::Settings::Security::Tls;
        s.username = QStringLiteral("alice");
        s.password = QStringLiteral("secret");
        s.pinnedSha256 = ScriptedServer::identity(0).sha256;
        s.commandTimeoutMs = 10000;
        s.dataEndTimeoutMs = 10000;
        return s;
    }

    Send::OutboxRun run(const Smtp::Settings &settings, bool ignoreSchedule = false)
    {
        Send::OutboxSender sender(m_writer.get(), m_path, Account, settings);
        QSignalSpy finished(&sender, &Send::OutboxSender::finished);
        sender.start(ignoreSchedule);
        if (!finished.wait(15000))
            return Send::OutboxRun{0, 0, 0, 0, QStringLiteral("no end")};
        return finished.first().at(0).value<Send::OutboxRun>();
    }

private slots:
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("mail%1.sqlite").arg(++m_file));
        m_writer = std::make_unique<Store::StoreWriter>(m_path);
        QSignalSpy opened(m_writer.get(), &Store::StoreWriter::opened);
        QVERIFY(m_writer->isOpen() || opened.wait(10000));
    }
    void cleanup() { m_writer.reset(); }

    void queueIsSentOnOneConnectionAndLandsInSent()
    {
        QCOMPARE(queue(3).size(), 3);
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(login() + transaction(1) + QStringLiteral("C: RSET\nS: 250 ok\n") +
                         transaction(2) + QStringLiteral("C: RSET\nS: 250 ok\n") + transaction(3) +
                         QStringLiteral("C: QUIT\nS: 221 bye\n"));
        const Send::OutboxRun result = run(settingsFor(server));
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join(u'\n')));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.sent, 3);
        QVERIFY(outbox().isEmpty());

        Store::StoreReader reader;
        QVERIFY(!reader.open(m_path));
        QCOMPARE(reader.count(Account, Store::Folder::Sent).valueOr(-1), 3);
        Store::SearchQuery query;
        query.text = QStringLiteral("Outbox test 2");
        const auto found = reader.search(query).valueOr({});
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().folder, Store::Folder::Sent);
        QVERIFY(found.first().read);
        // The Sent copy is the bytes sent, with the Bcc kept locally only.
        const QByteArray raw = reader.rawMessage(found.first().id).valueOr({});
        QCOMPARE(raw, "Bcc: secret@example.org\r\n" + messageBytes(2));
        QVERIFY(!server.received().contains("Bcc: secret@example.org"));
    }

    void temporaryRefusalIsRetriedLater()
    {
        const QList<qint64> ids = queue(1);
        QCOMPARE(ids.size(), 1);
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(login() + transaction(1, QStringLiteral("451 4.3.0 Try again later")));
        const Send::OutboxRun first = run(settingsFor(server));
        QCOMPARE(first.postponed, 1);
        QCOMPARE(first.sent, 0);
        const QList<OutgoingRecord> after = outbox();
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.first().state, OutgoingRecord::State::Queued);
        QCOMPARE(after.first().attempts, 1);
        QVERIFY(after.first().lastError.contains(u"Try again later"));
        QVERIFY(after.first().nextAttemptAt > QDateTime::currentDateTimeUtc().addSecs(30));

        // Before its time it is not tried: no connection is made at all.
        ScriptedServer silent(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(silent.start());
        const Send::OutboxRun second = run(settingsFor(silent));
        QCOMPARE(second.sent + second.postponed, 0);
        QVERIFY(silent.received().isEmpty());
    }

    void permanentRefusalFails()
    {
        QCOMPARE(queue(1).size(), 1);
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(login() +
                         transaction(1, QStringLiteral("554 5.7.1 Message rejected as spam")));
        const Send::OutboxRun result = run(settingsFor(server));
        QCOMPARE(result.failed, 1);
        const QList<OutgoingRecord> after = outbox();
        QCOMPARE(after.first().state, OutgoingRecord::State::Failed);
        QVERIFY(after.first().lastError.contains(u"rejected as spam"));
    }

    void lostAnswerIsUnknownAndNeverResent()
    {
        QCOMPARE(queue(2).size(), 2);
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(login() +
                         QStringLiteral("C: MAIL FROM:<a@example.org>\nC: RCPT TO:<b@example.org>\n"
                                        "C: RCPT TO:<secret@example.org>\nC: DATA\nS: 250 ok\n"
                                        "S: 250 ok\nS: 250 ok\nS: 354 go\n") +
                         dataLines(1) + QStringLiteral("CLOSE\n"));
        const Send::OutboxRun result = run(settingsFor(server));
        QCOMPARE(result.unknown, 1);
        QVERIFY(!result.error.isEmpty());
        const QList<OutgoingRecord> after = outbox();
        QCOMPARE(after.size(), 2);
        QCOMPARE(after[0].state, OutgoingRecord::State::Unknown);
        QVERIFY(after[0].lastError.contains(u"may or may not"));
        QCOMPARE(after[1].state, OutgoingRecord::State::Queued);
        QCOMPARE(after[1].attempts, 0);

        // The next run sends the second one only.
        ScriptedServer again(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(again.start());
        again.addScript(login() + transaction(2) + QStringLiteral("C: QUIT\nS: 221 bye\n"));
        const Send::OutboxRun second = run(settingsFor(again), true);
        QVERIFY2(again.failures().isEmpty(), qPrintable(again.failures().join(u'\n')));
        QCOMPARE(second.sent, 1);
        QCOMPARE(outbox().size(), 1);
        QCOMPARE(outbox().first().state, OutgoingRecord::State::Unknown);
    }

    void crashWhileSendingLeavesItUnknown()
    {
        const QList<qint64> ids = queue(2);
        Store::WriteBatch mark;
        mark.setOutgoingState(ids.first(), OutgoingRecord::State::Sending);
        QVERIFY(commit(std::move(mark)));
        // As at the next start of Poplar.
        Store::WriteBatch recover;
        recover.recoverInterruptedSends();
        QVERIFY(commit(std::move(recover)));
        const QList<OutgoingRecord> after = outbox();
        QCOMPARE(after[0].state, OutgoingRecord::State::Unknown);
        QVERIFY(!after[0].lastError.isEmpty());
        QCOMPARE(after[1].state, OutgoingRecord::State::Queued);
    }

    void loginFailureKeepsEverythingQueued()
    {
        QCOMPARE(queue(2).size(), 2);
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(QStringLiteral("S: 220 hi\nC: EHLO [127.0.0.1]\nS: 250-x\n"
                                        "S: 250 AUTH PLAIN\nC: *\nS: 535 5.7.8 bad password\n"));
        const Send::OutboxRun result = run(settingsFor(server));
        QVERIFY(result.error.contains(u"password"));
        const QList<OutgoingRecord> after = outbox();
        QCOMPARE(after.size(), 2);
        for (const OutgoingRecord &r : after) {
            QCOMPARE(r.state, OutgoingRecord::State::Queued);
            QCOMPARE(r.attempts, 0);
        }
    }

    void retryDelaysGrow()
    {
        QCOMPARE(Send::OutboxSender::retryDelaySeconds(1), 60);
        QVERIFY(Send::OutboxSender::retryDelaySeconds(2) >
                Send::OutboxSender::retryDelaySeconds(1));
        QCOMPARE(Send::OutboxSender::retryDelaySeconds(50), 4 * 60 * 60);
    }
};

QTEST_GUILESS_MAIN(tst_OutboxSender)
#include "tst_OutboxSender.moc"
