#include "pop3/Error.h"

#include <QTest>

using namespace Poplar::Pop3;

class tst_Pop3Error : public QObject
{
    Q_OBJECT

private slots:
    void responseCodes_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<QString>("words");
        QTest::newRow("IN-USE") << QByteArray("[IN-USE] Mailbox locked") << ErrorKind::InUse
                                << QByteArray("IN-USE") << QStringLiteral("Mailbox locked");
        QTest::newRow("LOGIN-DELAY") << QByteArray("[LOGIN-DELAY] wait") << ErrorKind::LoginDelay
                                     << QByteArray("LOGIN-DELAY") << QStringLiteral("wait");
        QTest::newRow("SYS/TEMP") << QByteArray("[SYS/TEMP] busy") << ErrorKind::SysTemp
                                  << QByteArray("SYS/TEMP") << QStringLiteral("busy");
        QTest::newRow("SYS/PERM/sub") << QByteArray("[SYS/PERM/QUOTA] no") << ErrorKind::SysPerm
                                      << QByteArray("SYS/PERM/QUOTA") << QStringLiteral("no");
        QTest::newRow("AUTH") << QByteArray("[AUTH] Invalid credentials")
                              << ErrorKind::WrongCredentials << QByteArray("AUTH")
                              << QStringLiteral("Invalid credentials");
        QTest::newRow("unknown code") << QByteArray("[X-FOO] hm") << ErrorKind::LoginFailed
                                      << QByteArray("X-FOO") << QStringLiteral("hm");
        QTest::newRow("no code") << QByteArray("Authentication failed.") << ErrorKind::LoginFailed
                                 << QByteArray() << QStringLiteral("Authentication failed.");
        QTest::newRow("control characters")
            << QByteArray("bad\x1b[31m\x07 text") << ErrorKind::LoginFailed << QByteArray()
            << QStringLiteral("bad [31m  text");
    }

    void responseCodes()
    {
        QFETCH(QByteArray, text);
        QFETCH(ErrorKind, kind);
        QFETCH(QByteArray, code);
        QFETCH(QString, words);
        const Error e = Error::fromServer(text, ErrorKind::LoginFailed);
        QCOMPARE(e.kind, kind);
        QCOMPARE(e.responseCode, code);
        QCOMPARE(e.serverText, words);
        QVERIFY(e.message().contains(words));
    }

    void everyKindHasWords()
    {
        for (int k = int(ErrorKind::HostNotFound); k <= int(ErrorKind::SinkFailed); ++k) {
            const Error e = Error::make(ErrorKind(k));
            QVERIFY2(e.message().size() > 5, errorKindName(ErrorKind(k)));
            QVERIFY(QByteArray(errorKindName(ErrorKind(k))) != "Unknown");
        }
        QVERIFY(Error().message().isEmpty());
    }

    void transientKinds()
    {
        QVERIFY(Error::make(ErrorKind::InUse).isTransient());
        QVERIFY(Error::make(ErrorKind::Timeout).isTransient());
        QVERIFY(!Error::make(ErrorKind::CertificateChanged).isTransient());
        QVERIFY(!Error::make(ErrorKind::WrongCredentials).isTransient());
    }
};

QTEST_GUILESS_MAIN(tst_Pop3Error)
#include "tst_Pop3Error.moc"
