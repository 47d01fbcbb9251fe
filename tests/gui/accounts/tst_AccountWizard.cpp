#include "DovecotServer.h"
#include "RefusingPort.h"
#include "SmtpServer.h"
#include "ui/accounts/AccountPolicyForm.h"
#include "ui/accounts/AccountServerForm.h"
#include "ui/accounts/AccountWizard.h"
#include "ui/accounts/CertificateDialog.h"
#include "ui/accounts/OutgoingServerForm.h"

#include "accounts/AccountRepository.h"
#include "accounts/CredentialJob.h"
#include "accounts/CredentialStore.h"
#include "accounts/DnsResolver.h"
#include "accounts/KeychainBackend.h"
#include "accounts/MemoryCredentialBackend.h"
#include "pop3/Client.h"
#include "store/StoreWriter.h"
#include "sync/AccountFeed.h"
#include "sync/SyncManager.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMutex>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Poplar::Accounts;
using Poplar::TestSupport::DovecotServer;
using Poplar::TestSupport::RefusingPort;
using Poplar::TestSupport::SmtpServer;
using Poplar::Ui::AccountSetupEnvironment;
using Poplar::Ui::AccountWizard;
using Poplar::Ui::CertificateDialog;

namespace {

const QString Domain = QStringLiteral("poplar.test");
const QString Address = QStringLiteral("wang.fang@poplar.test");
const QString Password = QStringLiteral("Zh0u-s3cret!");
// A user of the mail store who only sends, with a password of its own.
const QString SenderUser = QStringLiteral("sender");
const QString SenderPassword = QStringLiteral("Ch3ng-0wn-smtp");

// DNS answers from a table, a moment later; anything else does not exist. Never asks a real
// name server.
class TableResolver : public DnsResolver
{
    Q_OBJECT

public:
    QHash<QString, QList<DnsRecord>> srv;
    QStringList asked;

    void lookup(Type type, const QString &name, QObject *context, Callback callback) override
    {
        asked << name;
        const QList<DnsRecord> records = type == Type::Srv ? srv.value(name) : QList<DnsRecord>();
        QTimer::singleShot(20, context, [callback, records] {
            callback(records.isEmpty() ? Status::NotFound : Status::Ok, records);
        });
    }
};

// Every message logged while a test runs, with Poplar's debug output switched on. The store's
// writer thread logs too, so the list is guarded.
QMutex capturedLogMutex;
QStringList capturedLog;
QtMessageHandler previousHandler = nullptr;
void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker lock(&capturedLogMutex);
        capturedLog << message;
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

class tst_AccountWizard : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DovecotServer> m_server;
    std::unique_ptr<RefusingPort> m_refusing;
    std::unique_ptr<SmtpServer> m_smtp; // empty when exim4 is not installed
    QTemporaryDir m_profile;
    TableResolver m_resolver;
    int m_run = 0;

    // A provider table with one provider for the test domain, at a loopback port, and with
    // an outgoing server at smtpPort when one is given.
    static ProviderTable providersAt(quint16 port, const QString &security, quint16 smtpPort = 0,
                                     const QString &smtpSecurity = QStringLiteral("tls"))
    {
        const QString smtp = smtpPort == 0 ? QString()
                                           : QStringLiteral(R"("smtp": [{"host": "127.0.0.1",
               "port": %1, "security": "%2"}],)")
                                                 .arg(smtpPort)
                                                 .arg(smtpSecurity);
        const QString json =
            QStringLiteral(R"({"version": 1, "providers": [{"id": "test", "name": "Test Mail",
               "domains": ["%1"], "pop3": [{"host": "127.0.0.1", "port": %2,
               "security": "%3"}], %4 "username": "address", "notes": ["app-password"]}]})")
                .arg(Domain)
                .arg(port)
                .arg(security, smtp);
        QString error;
        ProviderTable table = ProviderTable::fromJson(json.toUtf8(), &error);
        if (!error.isEmpty())
            qWarning() << "provider table:" << error;
        return table;
    }

    // Discovery without the internet: the injected table and resolver; the autoconfig file
    // is asked from a loopback port that refuses; no guessed names.
    AccountSetupEnvironment environment(std::optional<ProviderTable> providers)
    {
        AccountSetupEnvironment env;
        env.providers = providers ? *providers : ProviderTable();
        env.resolver = &m_resolver;
        env.autoconfig.autoconfigUrls = {QStringLiteral("https://127.0.0.1:%1/%2/config-v1.1.xml")
                                             .arg(m_refusing->port())
                                             .arg(QStringLiteral("%1"))};
        env.autoconfig.useGuesses = false;
        env.autoconfig.dnsTimeoutMs = 2000;
        env.autoconfig.httpTimeoutMs = 2000;
        env.testConnectTimeoutMs = 10000;
        env.testResponseTimeoutMs = 10000;
        return env;
    }

    AccountSetupEnvironment trustingDovecot(std::optional<ProviderTable> providers)
    {
        AccountSetupEnvironment env = environment(std::move(providers));
        env.extraCaCertificates = QSslCertificate::fromData(m_server->certificatePem());
        return env;
    }

    struct Setup
    {
        std::unique_ptr<AccountRepository> repository;
        std::unique_ptr<CredentialStore> credentials;
        std::unique_ptr<AccountWizard> wizard;
        QString iniPath;
    };

    // Passwords in memory, or in the real keychain (the secret service of the test session).
    Setup makeWizard(const AccountSetupEnvironment &env, bool keychain = false)
    {
        Setup s;
        s.iniPath = m_profile.filePath(QStringLiteral("poplar-%1.ini").arg(++m_run));
        s.repository = std::make_unique<AccountRepository>(s.iniPath);
        s.credentials =
            keychain
                ? std::make_unique<CredentialStore>(std::make_unique<KeychainBackend>())
                : std::make_unique<CredentialStore>(std::make_unique<MemoryCredentialBackend>());
        s.wizard = std::make_unique<AccountWizard>(s.repository.get(), s.credentials.get(), env);
        s.wizard->show();
        return s;
    }

    template<typename T> static T *field(QWidget *root, const char *name)
    {
        T *child = root->findChild<T *>(QLatin1StringView(name));
        if (!child)
            qWarning() << "no widget" << name;
        return child;
    }

    static QString labelText(QWidget *root, const char *name)
    {
        const QLabel *label = field<QLabel>(root, name);
        return label ? label->text() : QString();
    }

    static void clickNext(AccountWizard &wizard)
    {
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    }

    // Page 1, typed like a user, then Next.
    static void enterIdentity(AccountWizard &wizard, const QString &password = Password)
    {
        // QTest types ASCII only; the Chinese name is pasted in.
        field<QLineEdit>(&wizard, "accountName")->setText(QStringLiteral("王芳"));
        QTest::keyClicks(field<QLineEdit>(&wizard, "accountEmail"), Address);
        QTest::keyClicks(field<QLineEdit>(&wizard, "accountPassword"), password);
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(AccountWizard::DiscoveryPage));
    }

    // Page 2 until the search is done, then Next to the server page.
    static void finishDiscovery(AccountWizard &wizard)
    {
        QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 15000);
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(AccountWizard::ServerPage));
    }

    // One click tests both servers; each answers in its own words.
    static void testConnection(AccountWizard &wizard, const QString &expectedWords,
                               const QString &expectedOutgoingWords = QString())
    {
        auto *button = field<QPushButton>(&wizard, "testConnection");
        QTest::mouseClick(button, Qt::LeftButton);
        // While the test runs the page waits for its answer.
        QVERIFY(wizard.serverForm()->isTesting());
        QVERIFY(wizard.outgoingForm()->isTesting());
        QVERIFY(!button->isEnabled());
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(
            !wizard.serverForm()->isTesting() && !wizard.outgoingForm()->isTesting(), 15000);
        const QString incoming = labelText(&wizard, "serverTestResult");
        QVERIFY2(incoming.contains(expectedWords), qPrintable(incoming));
        const QString outgoing = labelText(&wizard, "outgoingTestResult");
        QVERIFY2(outgoing.contains(expectedOutgoingWords), qPrintable(outgoing));
        QVERIFY(button->isEnabled());
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    }

    static CertificateDialog *visibleCertificateDialog(AccountWizard &wizard)
    {
        for (CertificateDialog *dialog : wizard.findChildren<CertificateDialog *>())
            if (dialog->isVisible())
                return dialog;
        return nullptr;
    }

    static int visibleCertificateDialogs(AccountWizard &wizard)
    {
        const QList<CertificateDialog *> dialogs = wizard.findChildren<CertificateDialog *>();
        return int(
            std::count_if(dialogs.cbegin(), dialogs.cend(),
                          [](const CertificateDialog *dialog) { return dialog->isVisible(); }));
    }

    void requireSmtp()
    {
        if (!m_smtp)
            QSKIP("exim4 is not installed (Debian: exim4-daemon-heavy)");
    }

    static void finish(AccountWizard &wizard)
    {
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(AccountWizard::PolicyPage));
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_COMPARE(wizard.result(), int(QDialog::Accepted));
    }

    static QString storedPassword(CredentialStore &credentials, const QString &id)
    {
        CredentialJob *job = credentials.readPassword(id);
        QSignalSpy done(job, &CredentialJob::finished);
        if (!done.wait(5000))
            return QStringLiteral("<no answer>");
        return job->status() == CredentialStatus::Ok ? job->password() : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_profile.isValid());
        m_refusing = std::make_unique<RefusingPort>();
        QVERIFY(m_refusing->port() != 0);
        if (!DovecotServer::isAvailable())
            QSKIP("Dovecot is not installed (Debian: dovecot-core dovecot-pop3d)");
        m_server = std::make_unique<DovecotServer>();
        m_server->addUser(Address, Password);
        m_server->addUser(SenderUser, SenderPassword);
        m_server->deliver(Address, "From: a@example.com\r\nSubject: one\r\n\r\nHello\r\n");
        m_server->deliver(Address, "From: b@example.com\r\nSubject: two\r\n\r\nWorld\r\n");
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        if (SmtpServer::isAvailable()) {
            m_smtp = std::make_unique<SmtpServer>(*m_server);
            QVERIFY2(m_smtp->start(&error), qPrintable(error));
        }
    }

    void cleanupTestCase() { m_smtp.reset(); }

    void successSavesTheAccountAndKeepsThePasswordOutOfTheFile()
    {
        Setup s =
            makeWizard(trustingDovecot(providersAt(m_server->tlsPort(), QStringLiteral("tls"))));
        AccountWizard &wizard = *s.wizard;
        enterIdentity(wizard);

        // The search is shown as it goes; the provider table wins, with its notes.
        QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 15000);
        QVERIFY(labelText(&wizard, "source-provider").contains(QStringLiteral("127.0.0.1")));
        QVERIFY(labelText(&wizard, "source-srv").startsWith(QStringLiteral("Nothing found")));
        QVERIFY(
            labelText(&wizard, "source-autoconfig").startsWith(QStringLiteral("Nothing found")));
        QCOMPARE(labelText(&wizard, "source-guess"), QStringLiteral("Not used"));
        const QString result = labelText(&wizard, "discoveryResult");
        QVERIFY2(result.contains(Autoconfigurator::sourceName(AutoconfigSource::Provider)),
                 qPrintable(result));
        QVERIFY(result.contains(QStringLiteral("Test Mail")));
        QVERIFY(labelText(&wizard, "providerNotes").contains(QStringLiteral("authorization code")));
        QVERIFY(!m_resolver.asked.isEmpty()); // the injected resolver, not the system's
        clickNext(wizard);

        // The review page shows what was found.
        QCOMPARE(field<QLineEdit>(&wizard, "serverHost")->text(), QStringLiteral("127.0.0.1"));
        QCOMPARE(field<QSpinBox>(&wizard, "serverPort")->value(), int(m_server->tlsPort()));
        QCOMPARE(field<QComboBox>(&wizard, "serverSecurity")->currentData().toInt(),
                 int(Security::Tls));
        QCOMPARE(field<QLineEdit>(&wizard, "serverUser")->text(), Address);
        testConnection(wizard, QStringLiteral("2 message"));
        QVERIFY(!wizard.findChild<CertificateDialog *>());

        // Policy: delete after 30 days, headers only above 512 KB, check every 5 minutes.
        clickNext(wizard);
        auto *leave = field<QComboBox>(&wizard, "leavePolicy");
        leave->setCurrentIndex(leave->findData(int(LeavePolicy::DeleteAfterDays)));
        auto *days = field<QSpinBox>(&wizard, "deleteAfterDays");
        QVERIFY(days->isEnabled());
        days->selectAll();
        QTest::keyClicks(days, QStringLiteral("30"));
        field<QCheckBox>(&wizard, "headersOnly")->setChecked(true);
        auto *limit = field<QSpinBox>(&wizard, "headersOnlyLimit");
        limit->selectAll();
        QTest::keyClicks(limit, QStringLiteral("512"));
        auto *interval = field<QSpinBox>(&wizard, "checkInterval");
        interval->selectAll();
        QTest::keyClicks(interval, QStringLiteral("5"));
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_COMPARE(wizard.result(), int(QDialog::Accepted));

        QCOMPARE(s.repository->accounts().size(), 1);
        const AccountSettings saved = s.repository->accounts().first();
        QCOMPARE(saved.displayName, QStringLiteral("王芳"));
        QCOMPARE(saved.emailAddress, Address);
        QCOMPARE(saved.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(saved.port, int(m_server->tlsPort()));
        QCOMPARE(saved.security, Security::Tls);
        QCOMPARE(saved.username, Address);
        QCOMPARE(saved.leavePolicy, LeavePolicy::DeleteAfterDays);
        QCOMPARE(saved.deleteAfterDays, 30);
        QCOMPARE(saved.headersOnlyLimitKiB, 512);
        QCOMPARE(saved.checkIntervalMinutes, 5);
        QVERIFY(saved.pinnedCertificateSha256.isEmpty());

        // The password is in the credential store, and nowhere in the profile's file.
        QCOMPARE(storedPassword(*s.credentials, saved.id), Password);
        QFile ini(s.iniPath);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray contents = ini.readAll();
        QVERIFY(contents.contains(Address.toUtf8()));
        QVERIFY(!contents.contains(Password.toUtf8()));
    }

    void wrongPasswordIsExplained()
    {
        Setup s =
            makeWizard(trustingDovecot(providersAt(m_server->tlsPort(), QStringLiteral("tls"))));
        AccountWizard &wizard = *s.wizard;
        enterIdentity(wizard, QStringLiteral("not-the-password"));
        finishDiscovery(wizard);
        testConnection(wizard, QStringLiteral("password"));
        const QString text = labelText(&wizard, "serverTestResult");
        QVERIFY2(text.contains(QStringLiteral("user name or password")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("not-the-password")));
    }

    void selfSignedCertificateIsShownTrustedAndPinned()
    {
        Setup s = makeWizard(environment(providersAt(m_server->tlsPort(), QStringLiteral("tls"))));
        AccountWizard &wizard = *s.wizard;
        enterIdentity(wizard);
        finishDiscovery(wizard);
        QTest::mouseClick(field<QPushButton>(&wizard, "testConnection"), Qt::LeftButton);

        // The test stops at the certificate and shows it.
        CertificateDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = wizard.findChild<CertificateDialog *>()) && dialog->isVisible(), 15000);
        QVERIFY(labelText(&wizard, "serverTestResult").contains(QStringLiteral("certificate")));
        const QSslCertificate dovecot =
            QSslCertificate::fromData(m_server->certificatePem()).value(0);
        const QByteArray expected = dovecot.digest(QCryptographicHash::Sha256);
        QCOMPARE(dialog->pinnedSha256(), expected);
        QVERIFY(labelText(dialog, "certificateSubject").contains(QStringLiteral("localhost")));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("trustCertificate")),
                          Qt::LeftButton);

        // Trusting pins it and tests again, now with success.
        QTRY_VERIFY_WITH_TIMEOUT(
            labelText(&wizard, "serverTestResult").contains(QStringLiteral("2 message")), 15000);
        finish(wizard);
        QCOMPARE(s.repository->accounts().size(), 1);
        QCOMPARE(s.repository->accounts().first().pinnedCertificateSha256, expected);
    }

    void startTlsOnlyServerEnteredByHand()
    {
        // Nothing is found: the user enters the STARTTLS server by hand.
        Setup s = makeWizard(trustingDovecot(std::nullopt));
        AccountWizard &wizard = *s.wizard;
        enterIdentity(wizard);
        QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 15000);
        QVERIFY(labelText(&wizard, "discoveryResult").contains(QStringLiteral("could not find")));
        QVERIFY(!wizard.foundSettings());
        clickNext(wizard);
        auto *host = field<QLineEdit>(&wizard, "serverHost");
        QVERIFY(host->text().isEmpty());
        QTest::keyClicks(host, QStringLiteral("127.0.0.1"));
        auto *security = field<QComboBox>(&wizard, "serverSecurity");
        security->setCurrentIndex(security->findData(int(Security::StartTls)));
        auto *port = field<QSpinBox>(&wizard, "serverPort");
        QCOMPARE(port->value(), 110); // follows the security until the user types a port
        port->selectAll();
        QTest::keyClicks(port, QString::number(m_server->plainPort()));
        QCOMPARE(port->value(), int(m_server->plainPort()));
        testConnection(wizard, QStringLiteral("2 message"));
        finish(wizard);
        const AccountSettings saved = s.repository->accounts().value(0);
        QCOMPARE(saved.security, Security::StartTls);
        QCOMPARE(saved.port, int(m_server->plainPort()));
    }

    void unreachableHostIsExplained()
    {
        Setup s = makeWizard(environment(providersAt(m_refusing->port(), QStringLiteral("tls"))));
        AccountWizard &wizard = *s.wizard;
        enterIdentity(wizard);
        finishDiscovery(wizard);
        testConnection(wizard, QStringLiteral("refused"));
    }

    void discoveryShowsTheSrvRecordThatWon()
    {
        m_resolver.srv.insert(QStringLiteral("_pop3s._tcp.") + Domain,
                              {DnsRecord{QStringLiteral("127.0.0.1"), m_server->tlsPort(), 0, 0}});
        Setup s = makeWizard(trustingDovecot(std::nullopt));
        AccountWizard &wizard = *s.wizard;
        enterIdentity(wizard);
        QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 15000);
        m_resolver.srv.clear();
        QVERIFY(labelText(&wizard, "source-provider").startsWith(QStringLiteral("Nothing found")));
        QVERIFY(labelText(&wizard, "source-srv").contains(QString::number(m_server->tlsPort())));
        QVERIFY(labelText(&wizard, "discoveryResult")
                    .contains(Autoconfigurator::sourceName(AutoconfigSource::Srv)));
        clickNext(wizard);
        QCOMPARE(field<QSpinBox>(&wizard, "serverPort")->value(), int(m_server->tlsPort()));
    }

    void afterTheFirstSyncThePasswordIsInNoProfileFileAndNoLog()
    {
        QTemporaryDir profile;
        QVERIFY(profile.isValid());
        capturedLog.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("poplar.*.debug=true"));
        previousHandler = qInstallMessageHandler(captureMessage);
        const auto restore = qScopeGuard([] {
            qInstallMessageHandler(previousHandler);
            QLoggingCategory::setFilterRules(QString());
        });

        // Added with the wizard: the self-signed certificate is trusted and pinned.
        AccountRepository repository(profile.filePath(QStringLiteral("poplar.ini")));
        CredentialStore credentials(std::make_unique<MemoryCredentialBackend>());
        AccountWizard wizard(&repository, &credentials,
                             environment(providersAt(m_server->tlsPort(), QStringLiteral("tls"))));
        wizard.show();
        enterIdentity(wizard);
        finishDiscovery(wizard);
        QTest::mouseClick(field<QPushButton>(&wizard, "testConnection"), Qt::LeftButton);
        CertificateDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = wizard.findChild<CertificateDialog *>()) && dialog->isVisible(), 15000);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("trustCertificate")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            labelText(&wizard, "serverTestResult").contains(QStringLiteral("2 message")), 15000);
        finish(wizard);

        // The first sync, the way the window runs it: the feed reads the password from the
        // credential store and the account's pin lets the certificate in.
        const QString database = profile.filePath(QStringLiteral("mail.sqlite"));
        {
            Poplar::Store::StoreWriter writer(database);
            Poplar::Sync::SyncManager sync(&writer, database);
            Poplar::Sync::AccountFeed feed(&repository, &credentials, &sync);
            QSignalSpy ready(&feed, &Poplar::Sync::AccountFeed::ready);
            feed.refresh();
            QTRY_VERIFY(!ready.isEmpty());
            QSignalSpy finished(&sync, &Poplar::Sync::SyncManager::finished);
            sync.sync(wizard.settings().id);
            QVERIFY(finished.wait(30000));
            const auto result = finished.first().at(1).value<Poplar::Sync::SyncResult>();
            QVERIFY2(result.ok, qPrintable(result.error));
            QCOMPARE(result.downloaded, 2);
        }

        int files = 0;
        QDirIterator it(profile.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(Password.toUtf8()), qPrintable(file.fileName()));
            ++files;
        }
        QVERIFY(files >= 2); // the settings and the store at least
        // The protocol log was on and recorded the login (redacted).
        QVERIFY(std::any_of(capturedLog.cbegin(), capturedLog.cend(), [](const QString &line) {
            return line.startsWith(QStringLiteral("C: AUTH")) ||
                   line.startsWith(QStringLiteral("C: USER"));
        }));
        for (const QString &line : std::as_const(capturedLog))
            QVERIFY2(!line.contains(Password), qPrintable(line));
    }

    void noEncryptionNeedsAnExplicitConfirmation()
    {
        Setup s =
            makeWizard(trustingDovecot(providersAt(m_server->tlsPort(), QStringLiteral("tls"))));
        AccountWizard &wizard = *s.wizard;
        enterIdentity(wizard);
        finishDiscovery(wizard);
        testConnection(wizard, QStringLiteral("2 message"));
        auto *security = field<QComboBox>(&wizard, "serverSecurity");
        security->setCurrentIndex(security->findData(int(Security::None)));
        // The result of the test speaks of other settings now.
        QVERIFY(labelText(&wizard, "serverTestResult").isEmpty());
        QVERIFY(field<QLabel>(&wizard, "serverPlainWarning")->isVisible());
        auto *confirm = field<QCheckBox>(&wizard, "serverConfirmPlain");
        QVERIFY(confirm->isVisible());
        QVERIFY(!confirm->isChecked());

        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(AccountWizard::ServerPage));
        QVERIFY(
            labelText(&wizard, "serverProblems").contains(QStringLiteral("without encryption")));

        QTest::mouseClick(confirm, Qt::LeftButton, {}, QPoint(6, confirm->height() / 2));
        QVERIFY(confirm->isChecked());
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(AccountWizard::PolicyPage));
    }

    // The provider's outgoing server is shown beside the incoming one, tested with it, and
    // saved with "same password" (the default): no second password anywhere.
    void foundOutgoingServerIsShownTestedAndSaved()
    {
        requireSmtp();
        Setup s = makeWizard(trustingDovecot(
            providersAt(m_server->tlsPort(), QStringLiteral("tls"), m_smtp->tlsPort())));
        AccountWizard &wizard = *s.wizard;
        enterIdentity(wizard);
        QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 15000);
        const QString provider = labelText(&wizard, "source-provider");
        QVERIFY2(provider.contains(
                     QStringLiteral("Outgoing: 127.0.0.1, port %1, TLS").arg(m_smtp->tlsPort())),
                 qPrintable(provider));
        const QString result = labelText(&wizard, "discoveryResult");
        QVERIFY2(
            result.contains(QStringLiteral("Outgoing server found by %1")
                                .arg(Autoconfigurator::sourceName(AutoconfigSource::Provider))),
            qPrintable(result));
        QVERIFY(wizard.foundOutgoingSettings());
        clickNext(wizard);

        QCOMPARE(field<QLineEdit>(&wizard, "outgoingHost")->text(), QStringLiteral("127.0.0.1"));
        QCOMPARE(field<QSpinBox>(&wizard, "outgoingPort")->value(), int(m_smtp->tlsPort()));
        QCOMPARE(field<QComboBox>(&wizard, "outgoingSecurity")->currentData().toInt(),
                 int(Security::Tls));
        QCOMPARE(field<QComboBox>(&wizard, "outgoingAuthentication")->currentData().toInt(),
                 int(OutgoingAuthentication::Auto));
        QCOMPARE(field<QLineEdit>(&wizard, "outgoingUser")->text(), Address);
        // The same password as for incoming mail is the default; no field to type it again.
        QVERIFY(field<QCheckBox>(&wizard, "outgoingSamePassword")->isChecked());
        QVERIFY(!field<QLineEdit>(&wizard, "outgoingPassword")->isEnabled());

        testConnection(wizard, QStringLiteral("2 message"), QStringLiteral("ready to send"));
        QVERIFY(labelText(&wizard, "outgoingTestResult").contains(QStringLiteral("logged in")));
        finish(wizard);

        const AccountSettings saved = s.repository->accounts().value(0);
        QCOMPARE(saved.outgoing.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(saved.outgoing.port, int(m_smtp->tlsPort()));
        QCOMPARE(saved.outgoing.security, Security::Tls);
        QCOMPARE(saved.outgoing.authentication, OutgoingAuthentication::Auto);
        QVERIFY(saved.outgoing.username.isEmpty()); // the incoming one
        QVERIFY(saved.outgoing.samePassword);
        QCOMPARE(saved.outgoingSettings(Password).username, Address);
        QCOMPARE(storedPassword(*s.credentials, saved.id), Password);
        QCOMPARE(storedPassword(*s.credentials, AccountSettings::outgoingCredentialId(saved.id)),
                 QString());
    }

    // Nothing found for sending: the user enters the STARTTLS server, another user name and
    // its own password, which goes to the real keychain under the outgoing credential id.
    void outgoingServerEnteredByHandWithItsOwnPasswordInTheKeychain()
    {
        requireSmtp();
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session bus, so no secret service: run the tests as ./test.sh does.");
        Setup s = makeWizard(
            trustingDovecot(providersAt(m_server->tlsPort(), QStringLiteral("tls"))), true);
        AccountWizard &wizard = *s.wizard;
        enterIdentity(wizard);
        QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 15000);
        QVERIFY(labelText(&wizard, "discoveryResult")
                    .contains(QStringLiteral("No outgoing server was found")));
        QVERIFY(!wizard.foundOutgoingSettings());
        clickNext(wizard);

        auto *host = field<QLineEdit>(&wizard, "outgoingHost");
        QVERIFY(host->text().isEmpty());
        // Without a server the test says so, in words.
        testConnection(wizard, QStringLiteral("2 message"),
                       QStringLiteral("No outgoing server is set up"));
        QTest::keyClicks(host, QStringLiteral("127.0.0.1"));
        auto *security = field<QComboBox>(&wizard, "outgoingSecurity");
        security->setCurrentIndex(security->findData(int(Security::StartTls)));
        auto *port = field<QSpinBox>(&wizard, "outgoingPort");
        QCOMPARE(port->value(), 587); // follows the security until the user types a port
        port->selectAll();
        QTest::keyClicks(port, QString::number(m_smtp->startTlsPort()));
        auto *method = field<QComboBox>(&wizard, "outgoingAuthentication");
        method->setCurrentIndex(method->findData(int(OutgoingAuthentication::Login)));
        auto *user = field<QLineEdit>(&wizard, "outgoingUser");
        QCOMPARE(user->text(), Address); // the incoming user name until changed
        user->selectAll();
        QTest::keyClicks(user, SenderUser);

        auto *same = field<QCheckBox>(&wizard, "outgoingSamePassword");
        QTest::mouseClick(same, Qt::LeftButton, {}, QPoint(6, same->height() / 2));
        QVERIFY(!same->isChecked());
        auto *password = field<QLineEdit>(&wizard, "outgoingPassword");
        QVERIFY(password->isEnabled());
        // Its own password, not typed yet: the page says what is missing.
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(AccountWizard::ServerPage));
        QVERIFY(labelText(&wizard, "serverProblems")
                    .contains(QStringLiteral("password for the outgoing server")));
        QTest::keyClicks(password, SenderPassword);
        testConnection(wizard, QStringLiteral("2 message"), QStringLiteral("ready to send"));
        finish(wizard);

        const AccountSettings saved = s.repository->accounts().value(0);
        const QString outgoingKey = AccountSettings::outgoingCredentialId(saved.id);
        const auto forget = qScopeGuard([&] {
            for (const QString &key : {saved.id, outgoingKey}) {
                QSignalSpy done(s.credentials->deletePassword(key), &CredentialJob::finished);
                done.wait(5000);
            }
        });
        QCOMPARE(saved.outgoing.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(saved.outgoing.port, int(m_smtp->startTlsPort()));
        QCOMPARE(saved.outgoing.security, Security::StartTls);
        QCOMPARE(saved.outgoing.authentication, OutgoingAuthentication::Login);
        QCOMPARE(saved.outgoing.username, SenderUser);
        QVERIFY(!saved.outgoing.samePassword);

        // In the keychain itself (a fresh store reads it back), never in memory only, and
        // nowhere in the profile's file.
        QVERIFY(!s.credentials->usesMemoryFallback());
        CredentialStore keychain(std::make_unique<KeychainBackend>());
        QCOMPARE(storedPassword(keychain, outgoingKey), SenderPassword);
        QCOMPARE(storedPassword(keychain, saved.id), Password);
        QFile ini(s.iniPath);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray contents = ini.readAll();
        QVERIFY(!contents.contains(SenderPassword.toUtf8()));
        QVERIFY(!contents.contains(Password.toUtf8()));
    }

    void wrongOutgoingPortIsExplained()
    {
        requireSmtp();
        Setup s = makeWizard(trustingDovecot(
            providersAt(m_server->tlsPort(), QStringLiteral("tls"), m_refusing->port())));
        AccountWizard &wizard = *s.wizard;
        enterIdentity(wizard);
        finishDiscovery(wizard);
        testConnection(wizard, QStringLiteral("2 message"),
                       QStringLiteral("refused the connection (wrong port"));
        // The right port makes it work.
        auto *port = field<QSpinBox>(&wizard, "outgoingPort");
        port->selectAll();
        QTest::keyClicks(port, QString::number(m_smtp->tlsPort()));
        QVERIFY(labelText(&wizard, "outgoingTestResult").isEmpty()); // stale: cleared
        testConnection(wizard, QStringLiteral("2 message"), QStringLiteral("ready to send"));
    }

    // Both servers show the same self-signed certificate: one dialog at a time, and each
    // trusted certificate is pinned into its own server's settings.
    void outgoingCertificateIsShownTrustedAndPinned()
    {
        requireSmtp();
        Setup s = makeWizard(environment(
            providersAt(m_server->tlsPort(), QStringLiteral("tls"), m_smtp->tlsPort())));
        AccountWizard &wizard = *s.wizard;
        enterIdentity(wizard);
        finishDiscovery(wizard);
        QTest::mouseClick(field<QPushButton>(&wizard, "testConnection"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            !wizard.serverForm()->isTesting() && !wizard.outgoingForm()->isTesting(), 15000);
        QVERIFY(labelText(&wizard, "outgoingTestResult").contains(QStringLiteral("certificate")));
        const QByteArray expected = QSslCertificate::fromData(m_smtp->certificatePem())
                                        .value(0)
                                        .digest(QCryptographicHash::Sha256);
        for (int question = 0; question < 2; ++question) {
            QPointer<CertificateDialog> dialog;
            QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleCertificateDialog(wizard)), 15000);
            QCOMPARE(visibleCertificateDialogs(wizard), 1);
            QCOMPARE(dialog->pinnedSha256(), expected);
            QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("trustCertificate")),
                              Qt::LeftButton);
            QTRY_VERIFY(!dialog || !dialog->isVisible());
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            labelText(&wizard, "outgoingTestResult").contains(QStringLiteral("ready to send")),
            15000);
        QTRY_VERIFY_WITH_TIMEOUT(
            labelText(&wizard, "serverTestResult").contains(QStringLiteral("2 message")), 15000);
        QCOMPARE(visibleCertificateDialogs(wizard), 0);
        finish(wizard);
        const AccountSettings saved = s.repository->accounts().value(0);
        QCOMPARE(saved.pinnedCertificateSha256, expected);
        QCOMPARE(saved.outgoing.pinnedCertificateSha256, expected);
    }
};

QTEST_MAIN(tst_AccountWizard)
#include "tst_AccountWizard.moc"
