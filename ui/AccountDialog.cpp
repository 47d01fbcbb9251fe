#include "AccountDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Poplar::Ui {

using Accounts::AccountSettings;
using Accounts::LeavePolicy;
using Accounts::Security;

AccountDialog::AccountDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_security(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_leave(new QComboBox(this))
    , m_plainWarning(new QLabel(this))
    , m_confirmPlain(new QCheckBox(this))
    , m_problems(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_settings(AccountSettings::create())
{
    setObjectName(QStringLiteral("accountDialog"));
    setWindowTitle(tr("Add Account"));

    m_name->setObjectName(QStringLiteral("accountName"));
    m_email->setObjectName(QStringLiteral("accountEmail"));
    m_email->setPlaceholderText(tr("you@example.com"));
    m_host->setObjectName(QStringLiteral("accountHost"));
    m_host->setPlaceholderText(tr("pop.example.com"));
    m_port->setObjectName(QStringLiteral("accountPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(AccountSettings::DefaultTlsPort);
    m_security->setObjectName(QStringLiteral("accountSecurity"));
    m_security->addItem(tr("TLS (recommended)"), int(Security::Tls));
    m_security->addItem(tr("STARTTLS"), int(Security::StartTls));
    m_security->addItem(tr("None (unencrypted)"), int(Security::None));
    m_user->setObjectName(QStringLiteral("accountUser"));
    m_password->setObjectName(QStringLiteral("accountPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_leave->setObjectName(QStringLiteral("accountLeave"));
    m_leave->addItem(tr("Keep mail on the server"), int(LeavePolicy::Keep));
    m_leave->addItem(tr("Delete from the server after 14 days"), int(LeavePolicy::DeleteAfterDays));
    m_leave->addItem(tr("Delete from the server when I delete it"),
                     int(LeavePolicy::DeleteWhenTrashed));
    m_leave->addItem(tr("Delete from the server once downloaded"),
                     int(LeavePolicy::DeleteAfterDownload));

    m_plainWarning->setObjectName(QStringLiteral("plainWarning"));
    m_plainWarning->setWordWrap(true);
    m_plainWarning->setText(tr("Without encryption your password and your mail cross the "
                               "network readable by anyone on the way."));
    m_confirmPlain->setObjectName(QStringLiteral("confirmPlain"));
    m_confirmPlain->setText(tr("I understand: connect without encryption"));
    m_problems->setObjectName(QStringLiteral("accountProblems"));
    m_problems->setWordWrap(true);
    QPalette warning = m_problems->palette();
    warning.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_problems->setPalette(warning);
    m_plainWarning->setPalette(warning);

    auto *form = new QFormLayout;
    form->addRow(tr("Your &name:"), m_name);
    form->addRow(tr("&Email address:"), m_email);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("POP3 &server:"), m_host);
    form->addRow(tr("P&ort:"), m_port);
    form->addRow(tr("Se&curity:"), m_security);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&After download:"), m_leave);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_plainWarning);
    layout->addWidget(m_confirmPlain);
    layout->addWidget(m_problems);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &AccountDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_security, &QComboBox::currentIndexChanged, this, &AccountDialog::onSecurityChanged);
    connect(m_email, &QLineEdit::textEdited, this, &AccountDialog::onEmailEdited);
    onSecurityChanged();
    setMinimumWidth(480);
}

void AccountDialog::onEmailEdited(const QString &email)
{
    // Most servers want the full address as the user name; offer it until the user types one.
    if (!m_user->isModified())
        m_user->setText(email.trimmed());
}

void AccountDialog::onSecurityChanged()
{
    const auto security = Security(m_security->currentData().toInt());
    const bool plain = security == Security::None;
    m_plainWarning->setVisible(plain);
    m_confirmPlain->setVisible(plain);
    m_confirmPlain->setChecked(false);
    m_port->setValue(AccountSettings::defaultPort(security));
}

AccountSettings AccountDialog::settings() const
{
    AccountSettings settings = m_settings;
    settings.displayName = m_name->text().trimmed();
    settings.emailAddress = m_email->text().trimmed();
    settings.host = m_host->text().trimmed();
    settings.port = m_port->value();
    settings.security = Security(m_security->currentData().toInt());
    settings.username = m_user->text().trimmed();
    settings.leavePolicy = LeavePolicy(m_leave->currentData().toInt());
    return settings;
}

QString AccountDialog::password() const
{
    return m_password->text();
}

void AccountDialog::accept()
{
    QStringList problems = settings().validate();
    if (m_password->text().isEmpty())
        problems << tr("Enter the password (or app password) of this account.");
    if (settings().security == Security::None && !m_confirmPlain->isChecked())
        problems << tr("Confirm that you want to connect without encryption.");
    m_problems->setText(problems.join(u'\n'));
    if (problems.isEmpty())
        QDialog::accept();
}

} // namespace Poplar::Ui
