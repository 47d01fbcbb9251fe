#include "accounts/CredentialStore.h"
#include "accounts/KeychainBackend.h"
#include "accounts/MemoryCredentialBackend.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

using namespace Poplar::Accounts;

namespace {

// A keychain that always answers with one failure, and counts what it was asked.
class FailingBackend : public CredentialBackend
{
public:
    explicit FailingBackend(CredentialStatus status, int *calls)
        : m_status(status)
        , m_calls(calls)
    {}
    void start(CredentialJob *job) override
    {
        ++*m_calls;
        job->finish(m_status, QStringLiteral("backend failure"));
    }

private:
    CredentialStatus m_status;
    int *m_calls;
};

struct Outcome
{
    CredentialStatus status = CredentialStatus::Failed;
    QString password;
    QString error;
    bool inMemoryOnly = false;
};

Outcome waitFor(CredentialJob *job)
{
    Outcome out;
    QSignalSpy spy(job, &CredentialJob::finished);
    QObject::connect(job, &CredentialJob::finished, job, [&out](CredentialJob *j) {
        out.status = j->status();
        out.password = j->password();
        out.error = j->errorString();
        out.inMemoryOnly = j->inMemoryOnly();
    });
    if (!spy.wait(10000))
        qWarning("credential job did not finish");
    return out;
}

const QString Secret = QStringLiteral("hunter2-密码-9c3a");

// Every message logged while a test runs, to check the password never reaches a log.
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;
void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_log << message;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

class tst_CredentialStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The real keychain test below must not find a secret service: point the session
        // bus at nothing before anything in this process talks D-Bus.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/poplar-no-bus");
        // Debug output of the accounts module on, so the check below sees everything.
        QLoggingCategory::setFilterRules(QStringLiteral("poplar.accounts.debug=true"));
        g_previousHandler = qInstallMessageHandler(recordMessage);
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previousHandler);
        QVERIFY(!g_log.isEmpty()); // the fallback paths did log something
        for (const QString &line : std::as_const(g_log))
            QVERIFY2(!line.contains(Secret) && !line.contains(QStringLiteral("hunter2")),
                     qPrintable(line));
    }

    void memoryBackendWriteReadDelete()
    {
        CredentialStore store(std::make_unique<MemoryCredentialBackend>());
        const QString id = QStringLiteral("acc-1");
        QCOMPARE(waitFor(store.readPassword(id)).status, CredentialStatus::NotFound);
        const Outcome written = waitFor(store.writePassword(id, Secret));
        QCOMPARE(written.status, CredentialStatus::Ok);
        QVERIFY(written.password.isEmpty()); // a write hands nothing back
        const Outcome read = waitFor(store.readPassword(id));
        QCOMPARE(read.status, CredentialStatus::Ok);
        QCOMPARE(read.password, Secret);
        QCOMPARE(store.keychainState(), CredentialStore::KeychainState::Available);
        QCOMPARE(waitFor(store.deletePassword(id)).status, CredentialStatus::Ok);
        QCOMPARE(waitFor(store.readPassword(id)).status, CredentialStatus::NotFound);
    }

    void jobsNeverFinishInsideTheCall()
    {
        CredentialStore store(std::make_unique<MemoryCredentialBackend>());
        CredentialJob *job = store.readPassword(QStringLiteral("x"));
        QSignalSpy spy(job, &CredentialJob::finished); // connected after the call: not missed
        QCOMPARE(spy.count(), 0);
        QVERIFY(spy.wait());
    }

    void unavailableKeychainFallsBackToMemory_data()
    {
        QTest::addColumn<CredentialStatus>("failure");
        QTest::addColumn<CredentialStore::KeychainState>("state");
        QTest::addColumn<QString>("explanation");
        QTest::newRow("no secret service")
            << CredentialStatus::Unavailable << CredentialStore::KeychainState::Unavailable
            << "not available";
        QTest::newRow("denied") << CredentialStatus::Denied
                                << CredentialStore::KeychainState::Denied << "denied";
        QTest::newRow("other error")
            << CredentialStatus::Failed << CredentialStore::KeychainState::Unavailable
            << "not available";
    }

    void unavailableKeychainFallsBackToMemory()
    {
        QFETCH(CredentialStatus, failure);
        QFETCH(CredentialStore::KeychainState, state);
        QFETCH(QString, explanation);
        int calls = 0;
        CredentialStore store(std::make_unique<FailingBackend>(failure, &calls));
        QSignalSpy stateChanged(&store, &CredentialStore::keychainStateChanged);
        const QString id = QStringLiteral("acc-2");

        // First read: the keychain fails, nothing in memory: the UI must ask, and can say why.
        const Outcome first = waitFor(store.readPassword(id));
        QCOMPARE(first.status, failure == CredentialStatus::Denied ? CredentialStatus::Denied
                                                                   : CredentialStatus::Unavailable);
        QVERIFY2(first.error.contains(explanation), qPrintable(first.error));
        QVERIFY(first.error.contains(QStringLiteral("memory")));
        QCOMPARE(store.keychainState(), state);
        QVERIFY(store.usesMemoryFallback());
        QVERIFY(store.keychainProblem().contains(explanation));
        QCOMPARE(stateChanged.count(), 1);
        QCOMPARE(stateChanged.first().first().value<CredentialStore::KeychainState>(), state);

        // The password the user typed is kept for this run, in memory only.
        const Outcome written = waitFor(store.writePassword(id, Secret));
        QCOMPARE(written.status, CredentialStatus::Ok);
        QVERIFY(written.inMemoryOnly);
        QVERIFY(!written.error.contains(Secret));
        const Outcome read = waitFor(store.readPassword(id));
        QCOMPARE(read.status, CredentialStatus::Ok);
        QCOMPARE(read.password, Secret);
        QVERIFY(read.inMemoryOnly);
        QCOMPARE(calls, 1); // no more keychain attempts in this run

        // Another store (the next run) has nothing: memory did not outlive the run.
        int otherCalls = 0;
        CredentialStore nextRun(std::make_unique<FailingBackend>(failure, &otherCalls));
        QVERIFY(waitFor(nextRun.readPassword(id)).status != CredentialStatus::Ok);

        // retryKeychain() goes back to the keychain.
        store.retryKeychain();
        QCOMPARE(store.keychainState(), CredentialStore::KeychainState::Unknown);
        waitFor(store.readPassword(id));
        QCOMPARE(calls, 2);
    }

    void writeFailureKeepsPasswordInMemory()
    {
        int calls = 0;
        CredentialStore store(
            std::make_unique<FailingBackend>(CredentialStatus::Unavailable, &calls));
        const Outcome written = waitFor(store.writePassword(QStringLiteral("a"), Secret));
        QCOMPARE(written.status, CredentialStatus::Ok);
        QVERIFY(written.inMemoryOnly);
        QVERIFY(store.usesMemoryFallback());
        QCOMPARE(waitFor(store.readPassword(QStringLiteral("a"))).password, Secret);
        QCOMPARE(waitFor(store.deletePassword(QStringLiteral("a"))).status, CredentialStatus::Ok);
        QCOMPARE(waitFor(store.readPassword(QStringLiteral("a"))).status,
                 CredentialStatus::Unavailable);
    }

    void noBackendMeansMemoryOnly()
    {
        CredentialStore store{std::unique_ptr<CredentialBackend>()};
        QVERIFY(store.usesMemoryFallback());
        QVERIFY(waitFor(store.writePassword(QStringLiteral("a"), Secret)).inMemoryOnly);
        QCOMPARE(waitFor(store.readPassword(QStringLiteral("a"))).password, Secret);
    }

    // The real QtKeychain backend with no secret service reachable (the session bus points
    // nowhere): every job must end as Unavailable, and the store must fall back to memory.
    void realKeychainWithoutSecretServiceIsReportedUnavailable()
    {
        KeychainBackend backend(QStringLiteral("PoplarTest"));
        auto *job = new CredentialJob(CredentialJob::Operation::Read, QStringLiteral("k"));
        QSignalSpy spy(job, &CredentialJob::finished);
        backend.start(job);
        QVERIFY(spy.wait(20000));
        QCOMPARE(job->status(), CredentialStatus::Unavailable);

        CredentialStore store(std::make_unique<KeychainBackend>(QStringLiteral("PoplarTest")));
        const Outcome written = waitFor(store.writePassword(QStringLiteral("acc"), Secret));
        QCOMPARE(written.status, CredentialStatus::Ok);
        QVERIFY(written.inMemoryOnly);
        QCOMPARE(store.keychainState(), CredentialStore::KeychainState::Unavailable);
        QVERIFY(!store.keychainProblem().contains(Secret));
        const Outcome read = waitFor(store.readPassword(QStringLiteral("acc")));
        QCOMPARE(read.password, Secret);
    }
};

QTEST_GUILESS_MAIN(tst_CredentialStore)
#include "tst_CredentialStore.moc"
