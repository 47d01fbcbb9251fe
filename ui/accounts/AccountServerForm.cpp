#include "ui/accounts/AccountServerForm.h"

#include "ui/accounts/CertificateDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Poplar::Ui {

using Accounts::AccountSettings;
using Accounts::Authentication;
using Accounts::ConnectionTester;
using Accounts::Security;

namespace {

void setWarningColour(QLabel *label)
{
    QPalette warning = label->palette();
    warning.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    label->setPalette(warning);
}

} // namespace

AccountServerForm::AccountServerForm(const AccountSetupEnvironment &environment, QWidget *parent)
    : QWidget(parent)
    , m_environment(environment)
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_security(new QComboBox(this))
    , m_authentication(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_plainWarning(new QLabel(this))
    , m_confirmPlain(new QCheckBox(this))
    , m_testButton(new QPushButton(tr("&Test Connection"), this))
    , m_testResult(new QLabel(this))
    , m_tester(new ConnectionTester(this))
{
    m_tester->setExtraCaCertificates(m_environment.extraCaCertificates);
    m_tester->setTimeouts(m_environment.testConnectTimeoutMs, m_environment.testResponseTimeoutMs);

    m_host->setObjectName(QStringLiteral("serverHost"));
    m_host->setPlaceholderText(tr("pop.example.com"));
    m_port->setObjectName(QStringLiteral("serverPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(AccountSettings::DefaultTlsPort);
    m_security->setObjectName(QStringLiteral("serverSecurity"));
    m_security->addItem(tr("TLS (recommended)"), int(Security::Tls));
    m_security->addItem(tr("STARTTLS"), int(Security::StartTls));
    m_security->addItem(tr("None (unencrypted)"), int(Security::None));
    m_authentication->setObjectName(QStringLiteral("serverAuthentication"));
    m_authentication->addItem(tr("Automatic (the strongest offered)"), int(Authentication::Auto));
    m_authentication->addItem(tr("PLAIN"), int(Authentication::Plain));
    m_authentication->addItem(tr("LOGIN"), int(Authentication::Login));
    m_authentication->addItem(tr("CRAM-MD5"), int(Authentication::CramMd5));
    m_authentication->addItem(tr("APOP"), int(Authentication::Apop));
    m_authentication->addItem(tr("USER/PASS"), int(Authentication::User));
    m_user->setObjectName(QStringLiteral("serverUser"));

    m_plainWarning->setObjectName(QStringLiteral("plainWarning"));
    m_plainWarning->setWordWrap(true);
    m_plainWarning->setText(tr("Without encryption your password and your mail cross the "
                               "network readable by anyone on the way. Use this only on a "
                               "network you control."));
    setWarningColour(m_plainWarning);
    m_confirmPlain->setObjectName(QStringLiteral("confirmPlain"));
    m_confirmPlain->setText(tr("I understand: connect without encryption"));

    m_testButton->setObjectName(QStringLiteral("testConnection"));
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("POP3 &server:"), m_host);
    form->addRow(tr("P&ort:"), m_port);
    form->addRow(tr("Se&curity:"), m_security);
    form->addRow(tr("&Authentication:"), m_authentication);
    form->addRow(tr("&User name:"), m_user);

    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    testRow->addWidget(m_testResult, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_plainWarning);
    layout->addWidget(m_confirmPlain);
    layout->addSpacing(6);
    layout->addLayout(testRow);
    layout->addStretch(1);

    connect(m_security, &QComboBox::currentIndexChanged, this,
            &AccountServerForm::onSecurityChanged);
    for (QLineEdit *edit : {m_host, m_user})
        connect(edit, &QLineEdit::textEdited, this, &AccountServerForm::edited);
    connect(m_port, &QSpinBox::valueChanged, this, &AccountServerForm::edited);
    connect(m_authentication, &QComboBox::currentIndexChanged, this, &AccountServerForm::edited);
    connect(m_confirmPlain, &QCheckBox::toggled, this, &AccountServerForm::edited);
    connect(m_testButton, &QPushButton::clicked, this, &AccountServerForm::testConnection);
    // A test result speaks of the settings it tried: changing them makes it stale.
    connect(this, &AccountServerForm::edited, m_testResult, [this] {
        if (!isTesting())
            m_testResult->clear();
    });
    connect(m_tester, &ConnectionTester::stepChanged, this,
            [this](const QString &step) { showTestText(step, false); });
    connect(m_tester, &ConnectionTester::finished, this, &AccountServerForm::onTestFinished);
    onSecurityChanged();
}

AccountServerForm::~AccountServerForm() = default;

void AccountServerForm::setSettings(const AccountSettings &settings)
{
    m_host->setText(settings.host);
    {
        const QSignalBlocker blocker(m_security);
        m_security->setCurrentIndex(m_security->findData(int(settings.security)));
    }
    m_lastSecurity = settings.security;
    m_port->setValue(settings.port);
    m_authentication->setCurrentIndex(m_authentication->findData(int(settings.authentication)));
    m_user->setText(settings.username);
    m_pin = settings.pinnedCertificateSha256;
    // Settings that were saved with no encryption were confirmed when they were chosen.
    m_confirmPlain->setChecked(settings.security == Security::None && !settings.host.isEmpty());
    m_plainWarning->setVisible(settings.security == Security::None);
    m_confirmPlain->setVisible(settings.security == Security::None);
    m_testResult->clear();
}

void AccountServerForm::applyTo(AccountSettings &settings) const
{
    settings.host = m_host->text().trimmed();
    settings.port = m_port->value();
    settings.security = Security(m_security->currentData().toInt());
    settings.authentication = Authentication(m_authentication->currentData().toInt());
    settings.username = m_user->text().trimmed();
    settings.pinnedCertificateSha256 = m_pin;
}

QStringList AccountServerForm::problems() const
{
    QStringList problems;
    if (m_host->text().trimmed().isEmpty())
        problems << tr("Enter the name of the POP3 server.");
    else if (!AccountSettings::isPlausibleHostName(m_host->text().trimmed()))
        problems << tr("The server name is not valid.");
    if (m_user->text().trimmed().isEmpty())
        problems << tr("Enter the user name.");
    if (Security(m_security->currentData().toInt()) == Security::None &&
        !m_confirmPlain->isChecked())
        problems << tr("Confirm that you want to connect without encryption.");
    return problems;
}

void AccountServerForm::onSecurityChanged()
{
    const auto security = Security(m_security->currentData().toInt());
    const bool plain = security == Security::None;
    m_plainWarning->setVisible(plain);
    m_confirmPlain->setVisible(plain);
    m_confirmPlain->setChecked(false);
    // Follow the usual port unless the user typed another one.
    if (m_port->value() == AccountSettings::defaultPort(m_lastSecurity))
        m_port->setValue(AccountSettings::defaultPort(security));
    m_lastSecurity = security;
    emit edited();
}

void AccountServerForm::testConnection()
{
    if (const QStringList problems = this->problems(); !problems.isEmpty()) {
        showTestText(problems.join(u'\n'), true);
        return;
    }
    AccountSettings settings = AccountSettings::create();
    applyTo(settings);
    m_testButton->setEnabled(false);
    showTestText(tr("Testing…"), false);
    m_tester->start(settings, m_password);
    emit testStarted();
}

bool AccountServerForm::isTesting() const
{
    return m_tester->isRunning();
}

QString AccountServerForm::testMessage() const
{
    return m_testResult->text();
}

void AccountServerForm::showTestText(const QString &text, bool problem)
{
    m_testResult->setText(text);
    QPalette palette = m_testResult->palette();
    palette.setColor(QPalette::WindowText, problem ? QColor(0xb0, 0x20, 0x20)
                                                   : this->palette().color(QPalette::WindowText));
    m_testResult->setPalette(palette);
}

void AccountServerForm::onTestFinished(const ConnectionTester::Result &result)
{
    m_testButton->setEnabled(true);
    const bool ok = result.outcome == ConnectionTester::Outcome::Success;
    showTestText(ok ? QStringLiteral("✔ ") + result.message : result.message, !ok);
    emit testFinished(result);
    if (result.outcome == ConnectionTester::Outcome::CertificateProblem && result.certificate)
        askAboutCertificate(*result.certificate);
}

void AccountServerForm::askAboutCertificate(const Net::CertificateProblem &problem)
{
    const QString name = m_accountName.isEmpty() ? m_host->text().trimmed() : m_accountName;
    auto *dialog = new CertificateDialog(problem, name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_pin = dialog->pinnedSha256();
        emit edited();
        testConnection();
    });
    dialog->open();
}

} // namespace Poplar::Ui
