#include "DovecotServer.h"
#include "TcpRelay.h"

#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "sync/AccountSync.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <set>

using namespace Poplar;
using Sync::AccountSync;
using Sync::LeavePolicy;
using Sync::SyncResult;
using TestSupport::DovecotServer;
using TestSupport::TcpRelay;

namespace {

const QString kAccount = QStringLiteral("cut-1");
const QString kUser = QStringLiteral("cut");
const QString kPassword = QStringLiteral("cut-password-51d0");

// The sizes of one round's mailbox, in server order: small letters around one large message,
// so that cuts can land in the middle of a long RETR.
constexpr int kSizes[] = {1800, 5200, 420000, 900, 12000, 3100};

// A message of exactly `size` bytes, unique to (round, index), with what a POP3 transfer has
// to carry unchanged: lines starting with a dot (dot-stuffed on the wire), a lone "." line
// inside the text, UTF-8 bytes, a long line, CRLF line ends.
QByteArray message(int round, int index, int size)
{
    const QByteArray tag = QByteArray::number(round) + '-' + QByteArray::number(index);
    QByteArray text = "From: Sender <s@example.test>\r\nTo: cut@example.test\r\nSubject: cut " +
                      tag + "\r\nMessage-ID: <cut-" + tag +
                      "@example.test>\r\nMIME-Version: 1.0\r\n"
                      "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                      ".a line that starts with a dot\r\n.\r\n..two dots\r\n"
                      "\xe4\xbc\x9a\xe8\xae\xae " +
                      QByteArray(300, 'w') + "\r\n";
    for (int line = 0; text.size() < size; ++line)
        text += "Line " + QByteArray::number(line) + " of " + tag + ", padding it out.\r\n";
    text.truncate(size - 2);
    return text + "\r\n";
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// Where one answer of the server lies in the bytes it sent: [begin, end).
struct Answer
{
    QByteArray command; // the command's verb ("GREETING" for the greeting)
    qint64 begin = 0;
    qint64 end = 0;
};

// Splits a plain POP3 conversation into the server's answers: every line the client sends
// (a command or a SASL response) gets one status line, followed by a listing or a message
// ending in "." when it is +OK to CAPA, LIST, UIDL (without argument), RETR or TOP.
QList<Answer> answersIn(const TcpRelay::Transcript &transcript)
{
    QList<Answer> answers;
    const QByteArray &server = transcript.fromServer;
    qint64 at = 0;
    const auto lineEnd = [&](qint64 from) {
        const qint64 end = server.indexOf("\r\n", from);
        return end < 0 ? server.size() : end + 2;
    };
    at = lineEnd(0);
    answers.append({"GREETING", 0, at});
    for (const QByteArray &line : transcript.fromClient.split('\n')) {
        const QByteArray command = line.trimmed();
        if (command.isEmpty() || at >= server.size())
            continue;
        const QByteArrayList words = command.split(' ');
        // After a "+ " continuation the client's line is a SASL response (credentials): it
        // belongs to the login, under AUTH.
        const bool saslResponse = !answers.isEmpty() && answers.last().command == "AUTH" &&
                                  server.mid(answers.last().begin, 2) == "+ ";
        const QByteArray verb = saslResponse ? QByteArray("AUTH") : words.first().toUpper();
        Answer answer{verb, at, lineEnd(at)};
        const bool multiLine = verb == "CAPA" || verb == "RETR" || verb == "TOP" ||
                               ((verb == "LIST" || verb == "UIDL") && words.size() == 1);
        if (multiLine && server.mid(at, 3) == "+OK") {
            const qint64 dot = server.indexOf("\r\n.\r\n", answer.end - 2);
            answer.end = dot < 0 ? server.size() : dot + 5;
        }
        at = answer.end;
        answers.append(answer);
    }
    return answers;
}

// A sentence, not a code: at least two words of letters.
bool isInWords(const QString &text)
{
    static const QRegularExpression words(QStringLiteral("\\p{L}{2,}[ ,']+\\p{L}{2,}"));
    return words.match(text).hasMatch();
}

} // namespace

// The network drops after N bytes from the server, for N spread over every phase of a
// delete-after-download sync over a plain connection (greeting, CAPA, login, UIDL, LIST,
// RETR — many times inside a large message —, DELE, QUIT). The N come from a transcript of a
// full sync of a mailbox of the same shape, so they land in each phase whatever the sizes.
// After each cut the run reports the failure in words and the next sync (through the same
// relay, now without a cut) completes. The store grows over all rounds and must in the end
// hold every message ever delivered exactly once, byte for byte as delivered.
class tst_ConnectionCut : public QObject
{
    Q_OBJECT

private:
    DovecotServer m_server;
    QTemporaryDir m_dir;
    QString m_databasePath;
    std::unique_ptr<Store::StoreWriter> m_writer;
    QSet<QByteArray> m_delivered; // hashes of every message put on the server
    int m_round = 0;

    Sync::SyncAccount account(quint16 port) const
    {
        Sync::SyncAccount account;
        account.id = kAccount;
        account.name = QStringLiteral("Cut");
        account.server.host = QStringLiteral("127.0.0.1");
        account.server.port = port;
        account.server.security = Net::Security::None; // so the relay sees the commands
        account.server.username = kUser;
        account.server.password = kPassword;
        account.server.responseTimeoutMs = 10000;
        account.policy.mode = LeavePolicy::Mode::DeleteAfterDownload;
        return account;
    }

    SyncResult sync(quint16 port)
    {
        AccountSync run(account(port), m_writer.get(), m_databasePath);
        QSignalSpy finished(&run, &AccountSync::finished);
        run.start();
        if (!finished.wait(60000))
            qFatal("sync did not finish");
        return finished.first().first().value<SyncResult>();
    }

    void deliverRound()
    {
        for (int i = 0; i < int(std::size(kSizes)); ++i) {
            const QByteArray bytes = message(m_round, i, kSizes[i]);
            m_server.deliver(kUser, bytes);
            m_delivered.insert(sha256(bytes));
        }
        ++m_round;
    }

    // Every message delivered so far is stored exactly once, byte-identical, and the server
    // holds nothing any more.
    void checkStore(const QString &when)
    {
        Store::StoreReader reader;
        QVERIFY2(!reader.open(m_databasePath), qPrintable(when));
        Store::PageQuery all;
        all.account = kAccount;
        all.limit = 100000;
        const auto rows = reader.page(all).valueOr({});
        std::map<QByteArray, int> stored;
        for (const auto &row : rows) {
            const auto raw = reader.rawMessage(row.id);
            QVERIFY2(raw.ok(), qPrintable(when));
            ++stored[sha256(raw.value())];
        }
        for (const auto &[hash, count] : stored) {
            QVERIFY2(count == 1,
                     qPrintable(when + QStringLiteral(": a message stored %1 times").arg(count)));
            if (!m_delivered.contains(hash))
                QFAIL(qPrintable(when + QStringLiteral(": a stored message differs from "
                                                       "every delivered one")));
        }
        QVERIFY2(int(stored.size()) == m_delivered.size(),
                 qPrintable(when + QStringLiteral(": %1 delivered, %2 stored")
                                       .arg(m_delivered.size())
                                       .arg(stored.size())));
        QVERIFY2(m_server.messageFiles(kUser).isEmpty(), qPrintable(when));
        const QStringList problems =
            reader.database().integrityCheck().valueOr({QStringLiteral("check failed")});
        QVERIFY2(problems.isEmpty(), qPrintable(when + u' ' + problems.join(u'\n')));
    }

private slots:
    void initTestCase()
    {
        if (!DovecotServer::isAvailable())
            QSKIP("dovecot is not installed (package dovecot-pop3d); ./test.sh installs it");
        m_server.addUser(kUser, kPassword);
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_databasePath = m_dir.filePath(QStringLiteral("mail.sqlite"));
        m_writer = std::make_unique<Store::StoreWriter>(m_databasePath);
    }

    void cutAtEveryPhaseLosesAndDuplicatesNothing()
    {
        // The relay counts the bytes the server sends (server → client only) and cuts when
        // it has forwarded N of them.
        TcpRelay relay;
        relay.setTarget(QHostAddress::LocalHost, m_server.plainPort());
        QVERIFY(relay.listen());

        // The map: a full sync of one round's mailbox, recorded.
        deliverRound();
        relay.setRecording(true);
        const SyncResult measured = sync(relay.port());
        relay.setRecording(false);
        QVERIFY2(measured.ok, qPrintable(measured.error));
        QCOMPARE(measured.downloaded, int(std::size(kSizes)));
        checkStore(QStringLiteral("after the measured run"));
        QCOMPARE(relay.transcripts().size(), 1);
        const QList<Answer> answers = answersIn(relay.transcripts().first());

        // The cut points: in every answer its first byte and its middle, and more in long
        // ones (the large RETR gets ten), and the last byte before a complete answer.
        std::set<qint64> points;
        QSet<QByteArray> phases;
        int deles = 0;
        for (const Answer &answer : answers) {
            const qint64 length = answer.end - answer.begin;
            if (answer.command == "DELE" && ++deles > 2)
                continue; // the first two are enough; the last is taken below
            phases.insert(answer.command);
            const int inside = length > 100000 ? 10 : 2;
            for (int i = 0; i < inside; ++i)
                points.insert(answer.begin + 1 + (length - 1) * i / inside);
            points.insert(answer.end - 1);
        }
        for (auto it = answers.crbegin(); it != answers.crend(); ++it) {
            if (it->command == "DELE") {
                points.insert(it->begin + 1); // the last DELE's answer, just begun
                break;
            }
        }
        for (const char *phase :
             {"GREETING", "CAPA", "AUTH", "UIDL", "LIST", "RETR", "DELE", "QUIT"}) {
            QVERIFY2(
                phases.contains(phase),
                qPrintable(
                    QStringLiteral("no %1 in the conversation").arg(QString::fromLatin1(phase))));
        }
        QVERIFY2(points.size() >= 30, qPrintable(QString::number(points.size())));

        const auto phaseAt = [&](qint64 point) {
            for (const Answer &answer : answers) {
                if (point >= answer.begin && point < answer.end)
                    return QString::fromLatin1(answer.command);
            }
            return QStringLiteral("?");
        };
        QMap<QString, int> errors; // what the user was told, and how often
        QMap<QString, int> cutsByPhase;
        for (const qint64 point : points) {
            const QString where =
                QStringLiteral("cut after %1 bytes (in %2)").arg(point).arg(phaseAt(point));
            deliverRound();
            relay.setCutAfter(point, 1);
            const int cutsBefore = relay.cutCount();
            const SyncResult interrupted = sync(relay.port());
            QVERIFY2(relay.cutCount() == cutsBefore + 1, qPrintable(where));
            QVERIFY2(!interrupted.ok, qPrintable(where));
            QVERIFY2(isInWords(interrupted.error),
                     qPrintable(where + QStringLiteral(": \"%1\"").arg(interrupted.error)));
            QVERIFY2(!interrupted.error.contains(kPassword), qPrintable(where));
            ++errors[interrupted.error];
            ++cutsByPhase[phaseAt(point)];

            const SyncResult next = sync(relay.port());
            QVERIFY2(next.ok, qPrintable(where + QStringLiteral(", then: ") + next.error));
            checkStore(where);
            if (QTest::currentTestFailed())
                return;
        }
        for (auto it = cutsByPhase.cbegin(); it != cutsByPhase.cend(); ++it)
            qInfo("%3d cuts in the answer to %s", it.value(), qPrintable(it.key()));
        for (auto it = errors.cbegin(); it != errors.cend(); ++it)
            qInfo("%3d× %s", it.value(), qPrintable(it.key()));
        qInfo("%zu cuts, %lld messages delivered and stored once each", points.size(),
              qint64(m_delivered.size()));
    }
};

QTEST_GUILESS_MAIN(tst_ConnectionCut)
#include "tst_ConnectionCut.moc"
