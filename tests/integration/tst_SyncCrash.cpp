#include "DovecotServer.h"
#include "SampleMailGenerator.h"

#include "store/StoreReader.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Poplar;
using TestSupport::DovecotServer;

namespace {

const QString kUser = QStringLiteral("crash");
const QString kPassword = QStringLiteral("test-password-7c1e");

QByteArray message(int n)
{
    QByteArray body;
    while (body.size() < 30000)
        body += "Body line of message " + QByteArray::number(n) + ", padding it out.\r\n";
    return "From: s@example.test\r\nTo: crash@example.test\r\nSubject: crash " +
           QByteArray::number(n) + "\r\nMessage-ID: <crash-" + QByteArray::number(n) +
           "@example.test>\r\n\r\n" + body;
}

// An HTML newsletter of about 200 KB: its parse (markup and entities turned into text) takes
// long enough that kills land while downloaded messages are being parsed on worker threads.
QByteArray heavyMessage(int n)
{
    QByteArray html;
    for (int row = 0; html.size() < 200000; ++row)
        html += "<tr><td><a href=3D\"https://example.test/" + QByteArray::number(row) +
                "\">Offer&nbsp;" + QByteArray::number(row) +
                "</a> &amp; more &lt;b&gt;</td><td>=E4=BC=9A=E8=AE=AE</td></tr>=\r\n";
    return "From: news@example.test\r\nTo: crash@example.test\r\nSubject: heavy " +
           QByteArray::number(n) + "\r\nMessage-ID: <heavy-" + QByteArray::number(n) +
           "@example.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n"
           "Content-Transfer-Encoding: quoted-printable\r\n\r\n<table>" +
           html + "</table>\r\n";
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// A whole number from the environment, or the default.
int fromEnvironment(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

// Where a run is killed: when `poplar sync` logs a protocol line starting with `line` (its
// `count`-th such line), `delayMs` later; an empty `line` kills `delayMs` after the start.
struct KillPoint
{
    const char *phase;
    QByteArray line;
    int count = 1;
    int delayMs = 0;
};

} // namespace

// `poplar sync` is killed with SIGKILL at many moments of a delete-after-download run. After
// each kill the promise holds: every message is on the server or in the store (or both),
// none is stored twice, and the database is intact. Deterministic: the moments come from a
// fixed seed.
class tst_SyncCrash : public QObject
{
    Q_OBJECT

private:
    DovecotServer m_server;
    QTemporaryDir m_profile;
    QSet<QByteArray> m_original;              // SHA-256 of every message delivered
    QHash<qint64, QByteArray> m_storedHashes; // of the stored ones, by id in the store

    // With `protocolLog` the run logs every command it sends and every download it completes
    // on its standard error (read it from the QProcess); otherwise that goes to the test's.
    QProcess *startSync(bool protocolLog = false)
    {
        auto *sync = new QProcess(this);
        if (protocolLog) {
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("QT_LOGGING_RULES"),
                               QStringLiteral("poplar.pop3.debug=true"));
            sync->setProcessEnvironment(environment);
        }
        sync->setProgram(QStringLiteral(POPLAR_BINARY));
        sync->setArguments({QStringLiteral("--profile"), m_profile.path(), QStringLiteral("sync"),
                            QStringLiteral("--account"), QStringLiteral("Crash"),
                            QStringLiteral("--password-stdin")});
        sync->setProcessChannelMode(protocolLog ? QProcess::SeparateChannels
                                                : QProcess::ForwardedErrorChannel);
        sync->start();
        sync->write(kPassword.toUtf8() + '\n');
        sync->closeWriteChannel();
        return sync;
    }

    // Every message delivered is on the server or in the store (or both), none is stored
    // twice, every stored message is byte for byte what was delivered, and the database is
    // intact.
    void checkPromise(const QString &when)
    {
        Store::StoreReader reader;
        QVERIFY2(!reader.open(m_profile.filePath(QStringLiteral("mail.sqlite"))), qPrintable(when));
        Store::PageQuery all;
        all.limit = 100000;
        const auto rows = reader.page(all).valueOr({});
        QSet<QByteArray> local;
        for (const auto &row : rows) {
            // A stored message's bytes never change: each is read and hashed once.
            QByteArray &hash = m_storedHashes[row.id];
            if (hash.isEmpty())
                hash = sha256(reader.rawMessage(row.id).valueOr({}));
            QVERIFY2(!local.contains(hash),
                     qPrintable(when + QStringLiteral(": stored twice: ") + row.messageId));
            QVERIFY2(m_original.contains(hash),
                     qPrintable(when +
                                QStringLiteral(": stored bytes differ from what was "
                                               "delivered: ") +
                                row.messageId));
            local.insert(hash);
        }
        QSet<QByteArray> everywhere = local;
        for (const QByteArray &message : m_server.messages(kUser))
            everywhere.insert(sha256(message));
        QVERIFY2(
            everywhere.contains(m_original),
            qPrintable(when + QStringLiteral(": lost %1 message(s)")
                                  .arg(QSet<QByteArray>(m_original).subtract(everywhere).size())));
        const QStringList problems =
            reader.database().integrityCheck().valueOr({QStringLiteral("?")});
        QVERIFY2(problems.isEmpty(), qPrintable(when + u' ' + problems.join(u'\n')));
    }

    void deliver(const QByteArray &message)
    {
        m_server.deliver(kUser, message);
        m_original.insert(sha256(message));
    }

private slots:
    void initTestCase()
    {
        if (!DovecotServer::isAvailable())
            QSKIP("dovecot is not installed (package dovecot-pop3d); ./test.sh installs it");
        m_server.addUser(kUser, kPassword);
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QProcess add;
        add.start(QStringLiteral(POPLAR_BINARY), {QStringLiteral("--profile"),
                                                  m_profile.path(),
                                                  QStringLiteral("account"),
                                                  QStringLiteral("add"),
                                                  QStringLiteral("--name"),
                                                  QStringLiteral("Crash"),
                                                  QStringLiteral("--email"),
                                                  QStringLiteral("crash@example.test"),
                                                  QStringLiteral("--host"),
                                                  m_server.host(),
                                                  QStringLiteral("--port"),
                                                  QString::number(m_server.plainPort()),
                                                  QStringLiteral("--security"),
                                                  QStringLiteral("starttls"),
                                                  QStringLiteral("--user"),
                                                  kUser,
                                                  QStringLiteral("--leave"),
                                                  QStringLiteral("delete"),
                                                  QStringLiteral("--trust-fingerprint"),
                                                  certificateFingerprint()});
        QVERIFY(add.waitForFinished(30000));
        QVERIFY2(add.exitCode() == 0, add.readAllStandardError().constData());
    }

    void killedAtAnyMomentLosesAndDuplicatesNothing()
    {
        QRandomGenerator random(20261122);
        int next = 0;
        int kills = 0;
        // The mailbox is refilled large enough that a run usually outlasts the wait before
        // the kill, however fast the machine or the build; runs that finish first still
        // count as rounds and are checked.
        for (int round = 0; kills < 24 && round < 80; ++round) {
            if (m_server.messageFiles(kUser).size() < 5) {
                for (int i = 0; i < 40; ++i, ++next)
                    deliver(message(next));
            }
            QProcess *sync = startSync();
            QVERIFY(sync->waitForStarted(10000));
            QTest::qWait(int(random.bounded(50, 1500)));
            if (sync->state() == QProcess::Running) {
                sync->kill();
                ++kills;
            }
            sync->waitForFinished(30000); // false when it had already ended
            QCOMPARE(sync->state(), QProcess::NotRunning);
            delete sync;
            checkPromise(QStringLiteral("after round %1").arg(round));
            if (QTest::currentTestFailed())
                return;
        }
        qInfo("%d kills, %d messages delivered", kills, next);
        QVERIFY2(kills >= 20, qPrintable(QStringLiteral("only %1 kills").arg(kills)));

        // A run left alone finishes the job: everything local, the server empty.
        QProcess *last = startSync();
        QVERIFY(last->waitForFinished(60000));
        QCOMPARE(last->exitCode(), 0);
        checkPromise(QStringLiteral("at the end"));
        QTRY_COMPARE(m_server.messageFiles(kUser).size(), 0);
    }

    // The same promise while parses run on worker threads: messages that take a while to
    // parse, and kills spread over the whole run (download, parse, commit, DELE).
    void killedWhileParsingLosesAndDuplicatesNothing()
    {
        QRandomGenerator random(20261123);
        int next = 0;
        int kills = 0;
        for (int round = 0; kills < 12 && round < 40; ++round) {
            if (m_server.messageFiles(kUser).size() < 3) {
                for (int i = 0; i < 6; ++i, ++next)
                    deliver(heavyMessage(next));
            }
            QProcess *sync = startSync();
            QVERIFY(sync->waitForStarted(10000));
            QTest::qWait(int(random.bounded(200, 3000)));
            if (sync->state() == QProcess::Running) {
                sync->kill();
                ++kills;
            }
            sync->waitForFinished(30000);
            QCOMPARE(sync->state(), QProcess::NotRunning);
            delete sync;
            checkPromise(QStringLiteral("after heavy round %1").arg(round));
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY2(kills >= 10, qPrintable(QStringLiteral("only %1 kills").arg(kills)));

        QProcess *last = startSync();
        QVERIFY(last->waitForFinished(120000));
        QCOMPARE(last->exitCode(), 0);
        checkPromise(QStringLiteral("at the end of the heavy rounds"));
        QTRY_COMPARE(m_server.messageFiles(kUser).size(), 0);
    }

    // The campaign: a mixed mailbox of 300 messages (plain, HTML, attachments, CJK
    // charsets, 1 KB to 1 MB), delete-after-download, and 40 kills at moments chosen from
    // what the run is doing — logging in, listing, in the middle of the downloads, while the
    // DELEs are answered, right after QUIT — besides kills at random times. The mailbox is
    // topped up when nearly empty, so the late phases come round again. The same promise
    // after every kill, byte for byte. POPLAR_CRASH_KILLS and POPLAR_CRASH_MESSAGES change
    // the 40 and the 300.
    void killedAtEveryPhaseOfAMixedMailbox()
    {
        const int wantedKills = fromEnvironment("POPLAR_CRASH_KILLS", 40);
        const int mailbox = fromEnvironment("POPLAR_CRASH_MESSAGES", 300);
        const TestSupport::SampleMailGenerator generator(20261207, 1024 * 1024);
        int next = 0;
        for (; next < mailbox; ++next)
            deliver(generator.message(next));

        QRandomGenerator random(20261207);
        QMap<QString, int> killsByPhase;
        int kills = 0;
        for (int round = 0; kills < wantedKills && round < wantedKills * 2; ++round) {
            if (m_server.messageFiles(kUser).size() < 5) {
                for (int i = 0; i < 20; ++i, ++next)
                    deliver(generator.message(next));
            }
            // The k-th completed download, for a k the mailbox has.
            const int onServer = int(m_server.messageFiles(kUser).size());
            const KillPoint points[] = {
                {"login", "C: AUTH", 1, int(random.bounded(0, 20))},
                {"listing", "C: UIDL", 1, int(random.bounded(0, 20))},
                {"mid-RETR", "S: . (", int(random.bounded(1, qBound(2, onServer, 40))),
                 int(random.bounded(0, 60))},
                {"random time", {}, 1, int(random.bounded(100, 2500))},
                {"DELE", "C: DELE", 1, int(random.bounded(0, 10))},
                {"QUIT", "C: QUIT", 1, int(random.bounded(0, 40))},
            };
            const KillPoint &point = points[round % std::size(points)];

            QProcess *sync = startSync(true);
            QVERIFY(sync->waitForStarted(10000));
            int seen = 0;
            bool killed = false;
            QByteArray log;
            const auto kill = [&] {
                if (!killed && sync->state() == QProcess::Running) {
                    sync->kill();
                    killed = true;
                }
            };
            connect(sync, &QProcess::readyReadStandardError, sync, [&] {
                log += sync->readAllStandardError();
                qsizetype newline;
                while ((newline = log.indexOf('\n')) >= 0) {
                    const QByteArray line = log.left(newline);
                    log.remove(0, newline + 1);
                    if (point.line.isEmpty() || !line.contains(QByteArray(": " + point.line)))
                        continue;
                    if (++seen == point.count)
                        QTimer::singleShot(point.delayMs, sync, kill);
                }
            });
            if (point.line.isEmpty())
                QTimer::singleShot(point.delayMs, sync, kill);
            if (sync->state() != QProcess::NotRunning) {
                QSignalSpy done(sync, &QProcess::finished); // the event loop runs the timers
                QVERIFY(done.wait(120000));
            }
            const bool wasKilled = killed && sync->exitStatus() == QProcess::CrashExit;
            delete sync;
            if (wasKilled) {
                ++kills;
                ++killsByPhase[QString::fromLatin1(point.phase)];
            }
            checkPromise(QStringLiteral("after round %1 (%2%3)")
                             .arg(round)
                             .arg(QString::fromLatin1(point.phase),
                                  wasKilled ? QString() : QStringLiteral(", not killed")));
            if (QTest::currentTestFailed())
                return;
        }
        for (auto it = killsByPhase.cbegin(); it != killsByPhase.cend(); ++it)
            qInfo("%2d kills at %s", it.value(), qPrintable(it.key()));
        qInfo("%d kills, %d messages delivered", kills, next);
        QCOMPARE(kills, wantedKills);
        for (const char *phase : {"login", "listing", "mid-RETR", "DELE", "QUIT"})
            QVERIFY2(killsByPhase.value(QString::fromLatin1(phase)) > 0, phase);

        QProcess *last = startSync();
        QVERIFY(last->waitForFinished(120000));
        QCOMPARE(last->exitCode(), 0);
        checkPromise(QStringLiteral("at the end of the mixed mailbox"));
        QTRY_COMPARE(m_server.messageFiles(kUser).size(), 0);
    }

private:
    QString certificateFingerprint() const
    {
        const auto certificates = QSslCertificate::fromData(m_server.certificatePem());
        return certificates.isEmpty()
                   ? QString()
                   : QString::fromLatin1(
                         certificates.first().digest(QCryptographicHash::Sha256).toHex());
    }
};

QTEST_GUILESS_MAIN(tst_SyncCrash)
#include "tst_SyncCrash.moc"
