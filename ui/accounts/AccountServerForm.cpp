#include "ui/accounts/AccountServerForm.h"

#include <QComboBox>

namespace Poplar::Ui {

using Accounts::AccountSettings;
using Accounts::Authentication;
using Accounts::ConnectionTester;
using Accounts::Security;

AccountServerForm::AccountServerForm(const AccountSetupEnvironment &environment, QWidget *parent)
    : ServerForm(environment, QStringLiteral("server"),
                 {tr("POP3 &server:"), tr("pop.example.com"), tr("P&ort:"), tr("Se&curity:"),
                  tr("&Authentication:"), tr("&User name:")},
                 parent)
{
    QComboBox *methods = authenticationBox();
    methods->addItem(tr("Automatic (the strongest offered)"), int(Authentication::Auto));
    methods->addItem(tr("PLAIN"), int(Authentication::Plain));
    methods->addItem(tr("LOGIN"), int(Authentication::Login));
    methods->addItem(tr("CRAM-MD5"), int(Authentication::CramMd5));
    methods->addItem(tr("APOP"), int(Authentication::Apop));
    methods->addItem(tr("USER/PASS"), int(Authentication::User));
    showServer({}, AccountSettings::DefaultTlsPort, Security::Tls, int(Authentication::Auto), {},
               {});

    connect(tester(), &ConnectionTester::stepChanged, this, &AccountServerForm::showStep);
    connect(tester(), &ConnectionTester::finished, this,
            [this](const ConnectionTester::Result &result) {
                finishTest(result.outcome, result.message, result.certificate);
            });
}

AccountServerForm::~AccountServerForm() = default;

void AccountServerForm::setSettings(const AccountSettings &settings)
{
    showServer(settings.host, settings.port, settings.security, int(settings.authentication),
               settings.username, settings.pinnedCertificateSha256);
}

void AccountServerForm::applyTo(AccountSettings &settings) const
{
    settings.host = host();
    settings.port = port();
    settings.security = security();
    settings.authentication = Authentication(authentication());
    settings.username = user();
    settings.pinnedCertificateSha256 = pinnedSha256();
}

QStringList AccountServerForm::problems() const
{
    QStringList problems = ServerForm::problems();
    if (host().isEmpty())
        problems.prepend(tr("Enter the name of the POP3 server."));
    if (user().isEmpty())
        problems << tr("Enter the user name.");
    return problems;
}

int AccountServerForm::defaultPort(Security security) const
{
    return AccountSettings::defaultPort(security);
}

void AccountServerForm::startTest()
{
    AccountSettings settings = AccountSettings::create();
    applyTo(settings);
    tester()->start(settings, m_password);
}

} // namespace Poplar::Ui
