#include "DovecotServer.h"

#include "store/StoreReader.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

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

QString messageIdIn(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression id(QStringLiteral("Message-ID: <([^>]+)>"));
    return id.match(QString::fromLatin1(file.read(4096))).captured(1);
}

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
    QSet<QString> m_original;

    QProcess *startSync()
    {
        auto *sync = new QProcess(this);
        sync->setProgram(QStringLiteral(POPLAR_BINARY));
        sync->setArguments({QStringLiteral("--profile"), m_profile.path(), QStringLiteral("sync"),
                            QStringLiteral("--account"), QStringLiteral("Crash"),
                            QStringLiteral("--password-stdin")});
        sync->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        sync->start();
        sync->write(kPassword.toUtf8() + '\n');
        sync->closeWriteChannel();
        return sync;
    }

    void checkPromise(const QString &when)
    {
        Store::StoreReader reader;
        QVERIFY2(!reader.open(m_profile.filePath(QStringLiteral("mail.sqlite"))), qPrintable(when));
        Store::PageQuery all;
        all.limit = 100000;
        const auto rows = reader.page(all).valueOr({});
        QSet<QString> local;
        for (const auto &row : rows) {
            QVERIFY2(!local.contains(row.messageId),
                     qPrintable(when + QStringLiteral(": stored twice: ") + row.messageId));
            local.insert(row.messageId);
        }
        QSet<QString> server;
        for (const QString &file : m_server.messageFiles(kUser))
            server.insert(messageIdIn(file));
        QSet<QString> everywhere = local;
        everywhere.unite(server);
        QVERIFY2(
            everywhere.contains(m_original),
            qPrintable(when + QStringLiteral(": lost %1 message(s)")
                                  .arg(QSet<QString>(m_original).subtract(everywhere).size())));
        const QStringList problems =
            reader.database().integrityCheck().valueOr({QStringLiteral("?")});
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
                for (int i = 0; i < 40; ++i, ++next) {
                    m_server.deliver(kUser, message(next));
                    m_original.insert(QStringLiteral("crash-%1@example.test").arg(next));
                }
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
                for (int i = 0; i < 6; ++i, ++next) {
                    m_server.deliver(kUser, heavyMessage(next));
                    m_original.insert(QStringLiteral("heavy-%1@example.test").arg(next));
                }
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
