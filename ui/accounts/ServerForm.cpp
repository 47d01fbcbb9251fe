#include "ui/accounts/ServerForm.h"

#include "ui/accounts/CertificateDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Poplar::Ui {

using Accounts::ConnectionTester;
using Accounts::Security;

namespace {

// The texts both forms share were AccountServerForm's before the outgoing form existed; they
// keep that translation context, so the translations made for it still apply.
class SharedText
{
    Q_DECLARE_TR_FUNCTIONS(Poplar::Ui::AccountServerForm)
};

const QColor WarningColour(0xb0, 0x20, 0x20);

void setWarningColour(QLabel *label)
{
    QPalette warning = label->palette();
    warning.setColor(QPalette::WindowText, WarningColour);
    label->setPalette(warning);
}

} // namespace

ServerForm::ServerForm(const AccountSetupEnvironment &environment, const QString &objectNamePrefix,
                       const Labels &labels, QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout)
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_security(new QComboBox(this))
    , m_authentication(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_plainWarning(new QLabel(this))
    , m_confirmPlain(new QCheckBox(this))
    , m_testResult(new QLabel(this))
    , m_tester(new ConnectionTester(this))
{
    m_tester->setExtraCaCertificates(environment.extraCaCertificates);
    m_tester->setTimeouts(environment.testConnectTimeoutMs, environment.testResponseTimeoutMs);

    m_host->setObjectName(objectNamePrefix + QStringLiteral("Host"));
    m_host->setPlaceholderText(labels.hostPlaceholder);
    m_port->setObjectName(objectNamePrefix + QStringLiteral("Port"));
    m_port->setRange(1, 65535);
    m_security->setObjectName(objectNamePrefix + QStringLiteral("Security"));
    m_security->addItem(SharedText::tr("TLS (recommended)"), int(Security::Tls));
    m_security->addItem(SharedText::tr("STARTTLS"), int(Security::StartTls));
    m_security->addItem(SharedText::tr("None (unencrypted)"), int(Security::None));
    m_authentication->setObjectName(objectNamePrefix + QStringLiteral("Authentication"));
    m_user->setObjectName(objectNamePrefix + QStringLiteral("User"));

    m_plainWarning->setObjectName(objectNamePrefix + QStringLiteral("PlainWarning"));
    m_plainWarning->setWordWrap(true);
    m_plainWarning->setText(SharedText::tr("Without encryption your password and your mail cross "
                                           "the network readable by anyone on the way. Use this "
                                           "only on a network you control."));
    setWarningColour(m_plainWarning);
    m_confirmPlain->setObjectName(objectNamePrefix + QStringLiteral("ConfirmPlain"));
    m_confirmPlain->setText(SharedText::tr("I understand: connect without encryption"));

    m_testResult->setObjectName(objectNamePrefix + QStringLiteral("TestResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->addRow(labels.host, m_host);
    m_form->addRow(labels.port, m_port);
    m_form->addRow(labels.security, m_security);
    m_form->addRow(labels.authentication, m_authentication);
    m_form->addRow(labels.user, m_user);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_form);
    layout->addWidget(m_plainWarning);
    layout->addWidget(m_confirmPlain);
    layout->addSpacing(6);
    layout->addWidget(m_testResult);
    layout->addStretch(1);

    connect(m_security, &QComboBox::currentIndexChanged, this, &ServerForm::onSecurityChanged);
    for (QLineEdit *edit : {m_host, m_user})
        connect(edit, &QLineEdit::textEdited, this, &ServerForm::edited);
    connect(m_port, &QSpinBox::valueChanged, this, &ServerForm::edited);
    connect(m_authentication, &QComboBox::currentIndexChanged, this, &ServerForm::edited);
    connect(m_confirmPlain, &QCheckBox::toggled, this, &ServerForm::edited);
    // A test result speaks of the settings it tried: changing them makes it stale.
    connect(this, &ServerForm::edited, m_testResult, [this] {
        if (!isTesting())
            m_testResult->clear();
    });
    m_plainWarning->hide();
    m_confirmPlain->hide();
}

ServerForm::~ServerForm() = default;

void ServerForm::showServer(const QString &host, int port, Security security, int authentication,
                            const QString &user, const QByteArray &pin)
{
    m_host->setText(host);
    {
        const QSignalBlocker blocker(m_security);
        m_security->setCurrentIndex(m_security->findData(int(security)));
    }
    m_lastSecurity = security;
    m_port->setValue(port);
    m_authentication->setCurrentIndex(m_authentication->findData(authentication));
    m_user->setText(user);
    m_pin = pin;
    // Settings that were saved with no encryption were confirmed when they were chosen.
    m_confirmPlain->setChecked(security == Security::None && !host.isEmpty());
    m_plainWarning->setVisible(security == Security::None);
    m_confirmPlain->setVisible(security == Security::None);
    m_testResult->clear();
}

QString ServerForm::host() const
{
    return m_host->text().trimmed();
}

int ServerForm::port() const
{
    return m_port->value();
}

Security ServerForm::security() const
{
    return Security(m_security->currentData().toInt());
}

int ServerForm::authentication() const
{
    return m_authentication->currentData().toInt();
}

QString ServerForm::user() const
{
    return m_user->text().trimmed();
}

QStringList ServerForm::problems() const
{
    QStringList problems;
    if (!host().isEmpty() && !Accounts::AccountSettings::isPlausibleHostName(host()))
        problems << SharedText::tr("The server name is not valid.");
    if (security() == Security::None && !m_confirmPlain->isChecked())
        problems << SharedText::tr("Confirm that you want to connect without encryption.");
    return problems;
}

void ServerForm::onSecurityChanged()
{
    const bool plain = security() == Security::None;
    m_plainWarning->setVisible(plain);
    m_confirmPlain->setVisible(plain);
    m_confirmPlain->setChecked(false);
    // Follow the usual port unless the user typed another one.
    if (m_port->value() == defaultPort(m_lastSecurity))
        m_port->setValue(defaultPort(security()));
    m_lastSecurity = security();
    emit edited();
}

void ServerForm::testConnection()
{
    if (const QStringList problems = this->problems(); !problems.isEmpty()) {
        showTestText(problems.join(u'\n'), true);
        return;
    }
    m_testing = true;
    showTestText(SharedText::tr("Testing…"), false);
    startTest();
    emit testStarted();
}

QString ServerForm::testMessage() const
{
    return m_testResult->text();
}

QPushButton *ServerForm::createTestButton(const QList<ServerForm *> &forms, QWidget *parent)
{
    auto *button = new QPushButton(SharedText::tr("&Test Connection"), parent);
    button->setObjectName(QStringLiteral("testConnection"));
    const auto update = [button, forms] {
        button->setEnabled(std::none_of(forms.cbegin(), forms.cend(),
                                        [](const ServerForm *form) { return form->isTesting(); }));
    };
    for (ServerForm *form : forms) {
        connect(button, &QPushButton::clicked, form, &ServerForm::testConnection);
        connect(form, &ServerForm::testStarted, button, update);
        connect(form, &ServerForm::testFinished, button, update);
    }
    return button;
}

void ServerForm::showTestText(const QString &text, bool problem)
{
    m_testResult->setText(text);
    QPalette palette = m_testResult->palette();
    palette.setColor(QPalette::WindowText,
                     problem ? WarningColour : this->palette().color(QPalette::WindowText));
    m_testResult->setPalette(palette);
}

void ServerForm::finishTest(ConnectionTester::Outcome outcome, const QString &message,
                            const std::optional<Net::CertificateProblem> &certificate)
{
    m_testing = false;
    const bool ok = outcome == ConnectionTester::Outcome::Success;
    showTestText(ok ? QStringLiteral("✔ ") + message : message, !ok);
    emit testFinished(outcome);
    if (outcome == ConnectionTester::Outcome::CertificateProblem && certificate)
        askAboutCertificate(*certificate);
}

void ServerForm::askAboutCertificate(const Net::CertificateProblem &problem)
{
    // One "Test Connection" tests both servers, and both may ask: one question at a time.
    for (CertificateDialog *open : window()->findChildren<CertificateDialog *>()) {
        if (open->isVisible()) {
            connect(
                open, &QDialog::finished, this, [this, problem] { askAboutCertificate(problem); },
                Qt::QueuedConnection);
            return;
        }
    }
    const QString name = m_accountName.isEmpty() ? host() : m_accountName;
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
