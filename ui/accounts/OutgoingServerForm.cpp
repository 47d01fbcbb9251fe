#include "ui/accounts/OutgoingServerForm.h"

#include "accounts/CredentialJob.h"
#include "accounts/CredentialStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

namespace Poplar::Ui {

using Accounts::AccountSettings;
using Accounts::ConnectionTester;
using Accounts::CredentialJob;
using Accounts::CredentialStatus;
using Accounts::OutgoingAuthentication;
using Accounts::OutgoingServer;
using Accounts::Security;

OutgoingServerForm::OutgoingServerForm(const AccountSetupEnvironment &environment, QWidget *parent)
    : ServerForm(environment, QStringLiteral("outgoing"),
                 {tr("SMTP ser&ver:"), tr("smtp.example.com"), tr("Po&rt:"), tr("S&ecurity:"),
                  tr("&Login method:"), tr("User na&me:")},
                 parent)
    , m_samePassword(new QCheckBox(tr("Use the same password as for &incoming mail"), this))
    , m_password(new QLineEdit(this))
{
    QComboBox *methods = authenticationBox();
    methods->addItem(tr("Automatic (the strongest offered)"), int(OutgoingAuthentication::Auto));
    methods->addItem(tr("PLAIN"), int(OutgoingAuthentication::Plain));
    methods->addItem(tr("LOGIN"), int(OutgoingAuthentication::Login));
    methods->addItem(tr("CRAM-MD5"), int(OutgoingAuthentication::CramMd5));
    methods->addItem(tr("No login"), int(OutgoingAuthentication::None));
    m_samePassword->setObjectName(QStringLiteral("outgoingSamePassword"));
    m_samePassword->setChecked(true);
    m_password->setObjectName(QStringLiteral("outgoingPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    formLayout()->addRow(QString(), m_samePassword);
    formLayout()->addRow(tr("Pass&word:"), m_password);
    showServer({}, OutgoingServer::DefaultTlsPort, Security::Tls, int(OutgoingAuthentication::Auto),
               {}, {});
    updatePasswordEnabled();

    connect(m_samePassword, &QCheckBox::toggled, this, [this] {
        updatePasswordEnabled();
        emit edited();
    });
    connect(m_password, &QLineEdit::textEdited, this, &OutgoingServerForm::edited);
    connect(tester(), &ConnectionTester::outgoingStepChanged, this, &OutgoingServerForm::showStep);
    connect(tester(), &ConnectionTester::outgoingFinished, this,
            [this](const ConnectionTester::OutgoingResult &result) {
                finishTest(result.outcome, result.message, result.certificate);
            });
}

OutgoingServerForm::~OutgoingServerForm() = default;

void OutgoingServerForm::setSettings(const AccountSettings &settings)
{
    const OutgoingServer &outgoing = settings.outgoing;
    showServer(outgoing.host, outgoing.port, outgoing.security, int(outgoing.authentication),
               outgoing.username.isEmpty() ? settings.username : outgoing.username,
               outgoing.pinnedCertificateSha256);
    m_samePassword->setChecked(outgoing.samePassword);
    m_password->clear();
    m_hadOwnPassword = outgoing.isConfigured() && !outgoing.samePassword;
    setSavedPassword({});
}

void OutgoingServerForm::applyTo(AccountSettings &settings) const
{
    if (host().isEmpty()) {
        settings.outgoing = {};
        return;
    }
    OutgoingServer &outgoing = settings.outgoing;
    outgoing.host = host();
    outgoing.port = port();
    outgoing.security = security();
    outgoing.authentication = OutgoingAuthentication(authentication());
    outgoing.username = user() == settings.username ? QString() : user();
    outgoing.samePassword = usesSamePassword();
    outgoing.pinnedCertificateSha256 = pinnedSha256();
}

void OutgoingServerForm::setSavedPassword(const QString &password)
{
    m_savedPassword = password;
    m_password->setPlaceholderText(password.isEmpty() ? QString() : tr("Unchanged"));
}

bool OutgoingServerForm::usesSamePassword() const
{
    return m_samePassword->isChecked();
}

QString OutgoingServerForm::newPassword() const
{
    return usesSamePassword() ? QString() : m_password->text();
}

QStringList OutgoingServerForm::problems() const
{
    QStringList problems;
    // The shared sentences do not say which server they are about.
    for (const QString &problem : ServerForm::problems())
        problems << tr("Outgoing server: %1").arg(problem);
    if (host().isEmpty() ||
        OutgoingAuthentication(authentication()) == OutgoingAuthentication::None)
        return problems;
    if (user().isEmpty())
        problems << tr("Enter the user name for the outgoing server.");
    if (!usesSamePassword() && newPassword().isEmpty() && !m_hadOwnPassword)
        problems << tr("Enter the password for the outgoing server, or use the same password "
                       "as for incoming mail.");
    return problems;
}

void OutgoingServerForm::savePassword(Accounts::CredentialStore *credentials,
                                      const QString &accountId,
                                      std::function<void(bool ok, const QString &problem)> done)
{
    const QString key = AccountSettings::outgoingCredentialId(accountId);
    const bool ownPassword = !host().isEmpty() && !usesSamePassword();
    CredentialJob *job = nullptr;
    if (ownPassword && !newPassword().isEmpty())
        job = credentials->writePassword(key, newPassword());
    else if (!ownPassword && m_hadOwnPassword)
        job = credentials->deletePassword(key);
    if (!job) {
        done(true, QString());
        return;
    }
    connect(job, &CredentialJob::finished, this, [done](CredentialJob *job) {
        // Deleting what is not there leaves the keychain as wanted.
        const bool ok = job->status() == CredentialStatus::Ok ||
                        (job->operation() == CredentialJob::Operation::Delete &&
                         job->status() == CredentialStatus::NotFound);
        done(ok, ok ? QString() : job->errorString());
    });
}

int OutgoingServerForm::defaultPort(Security security) const
{
    return OutgoingServer::defaultPort(security);
}

void OutgoingServerForm::startTest()
{
    AccountSettings settings = AccountSettings::create();
    applyTo(settings);
    const QString password = usesSamePassword()        ? m_incomingPassword
                             : newPassword().isEmpty() ? m_savedPassword
                                                       : newPassword();
    tester()->startOutgoing(settings, password);
}

void OutgoingServerForm::updatePasswordEnabled()
{
    m_password->setEnabled(!usesSamePassword());
}

} // namespace Poplar::Ui
