// Passwords in a real secret service. ./test.sh runs the tests inside dbus-run-session with an
// unlocked gnome-keyring; without one the test is skipped (the no-keychain path is covered by
// tests/unit/tst_CredentialStore).
#include "accounts/CredentialStore.h"
#include "accounts/KeychainBackend.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace Poplar::Accounts;

namespace {

struct Outcome
{
    CredentialStatus status = CredentialStatus::Failed;
    QString password;
    bool inMemoryOnly = false;
};

Outcome waitFor(CredentialJob *job)
{
    Outcome out;
    QSignalSpy spy(job, &CredentialJob::finished);
    QObject::connect(job, &CredentialJob::finished, job, [&out](CredentialJob *j) {
        out.status = j->status();
        out.password = j->password();
        out.inMemoryOnly = j->inMemoryOnly();
    });
    if (!spy.wait(20000))
        qWarning("keychain job did not finish in time");
    return out;
}

} // namespace

class tst_KeychainBackend : public QObject
{
    Q_OBJECT

    QString m_id;

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session bus, so no secret service: run the tests as ./test.sh does "
                  "(dbus-run-session with gnome-keyring-daemon --unlock).");
        // A unique key so runs never see each other's entries.
        m_id = QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        // Writing is the real check: a secret service without an unlocked keyring answers
        // reads ("not found") but cannot store anything.
        CredentialStore probe(std::make_unique<KeychainBackend>());
        const Outcome o = waitFor(probe.writePassword(m_id, QStringLiteral("probe")));
        if (o.status != CredentialStatus::Ok || o.inMemoryOnly)
            QSKIP(qPrintable(QStringLiteral("The secret service cannot store passwords here (%1) "
                                            "Run the tests as ./test.sh does "
                                            "(gnome-keyring-daemon --unlock).")
                                 .arg(probe.keychainProblem())));
        QCOMPARE(waitFor(probe.deletePassword(m_id)).status, CredentialStatus::Ok);
        QCOMPARE(waitFor(probe.readPassword(m_id)).status, CredentialStatus::NotFound);
    }

    void writeReadOverwriteDelete()
    {
        CredentialStore store(std::make_unique<KeychainBackend>());
        const QString first = QStringLiteral("первый-密码-🔑 with spaces");
        const Outcome written = waitFor(store.writePassword(m_id, first));
        QCOMPARE(written.status, CredentialStatus::Ok);
        QVERIFY(!written.inMemoryOnly);
        QCOMPARE(store.keychainState(), CredentialStore::KeychainState::Available);

        // A second store (as after a restart) reads it from the keychain, not from memory.
        {
            CredentialStore restarted(std::make_unique<KeychainBackend>());
            const Outcome read = waitFor(restarted.readPassword(m_id));
            QCOMPARE(read.status, CredentialStatus::Ok);
            QCOMPARE(read.password, first);
            QVERIFY(!read.inMemoryOnly);
        }

        const QString second = QStringLiteral("second");
        QCOMPARE(waitFor(store.writePassword(m_id, second)).status, CredentialStatus::Ok);
        QCOMPARE(waitFor(store.readPassword(m_id)).password, second);

        QCOMPARE(waitFor(store.deletePassword(m_id)).status, CredentialStatus::Ok);
        QCOMPARE(waitFor(store.readPassword(m_id)).status, CredentialStatus::NotFound);
        // Deleting again: nothing is there. libsecret does not say whether it found anything,
        // so both answers mean "gone"; an error would not.
        const CredentialStatus again = waitFor(store.deletePassword(m_id)).status;
        QVERIFY2(again == CredentialStatus::NotFound || again == CredentialStatus::Ok,
                 qPrintable(CredentialJob::describe(again)));
    }

    void accountsDoNotShareAPassword()
    {
        CredentialStore store(std::make_unique<KeychainBackend>());
        const QString other = m_id + QStringLiteral("-other");
        QCOMPARE(waitFor(store.writePassword(m_id, QStringLiteral("a"))).status,
                 CredentialStatus::Ok);
        QCOMPARE(waitFor(store.writePassword(other, QStringLiteral("b"))).status,
                 CredentialStatus::Ok);
        QCOMPARE(waitFor(store.readPassword(m_id)).password, QStringLiteral("a"));
        QCOMPARE(waitFor(store.readPassword(other)).password, QStringLiteral("b"));
        waitFor(store.deletePassword(m_id));
        waitFor(store.deletePassword(other));
    }
};

QTEST_GUILESS_MAIN(tst_KeychainBackend)
#include "tst_KeychainBackend.moc"
