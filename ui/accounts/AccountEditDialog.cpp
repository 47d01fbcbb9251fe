#include "ui/accounts/AccountEditDialog.h"

#include "ui/accounts/AccountPolicyForm.h"
#include "ui/accounts/AccountServerForm.h"
#include "ui/accounts/OutgoingServerForm.h"
#include "ui/accounts/SenderForm.h"

#include "accounts/AccountRepository.h"
#include "accounts/CredentialJob.h"
#include "accounts/CredentialStore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Poplar::Ui {

using Accounts::AccountSettings;

AccountEditDialog::AccountEditDialog(Accounts::AccountRepository *repository,
                                     Accounts::CredentialStore *credentials,
                                     const AccountSettings &account,
                                     const AccountSetupEnvironment &environment, QWidget *parent)
    : QDialog(parent)
    , m_repository(repository)
    , m_credentials(credentials)
    , m_account(account)
    , m_name(new QLineEdit(account.displayName, this))
    , m_email(new QLineEdit(account.emailAddress, this))
    , m_password(new QLineEdit(this))
    , m_serverForm(new AccountServerForm(environment, this))
    , m_outgoingForm(new OutgoingServerForm(environment, this))
    , m_policyForm(new AccountPolicyForm(this))
    , m_senderForm(new SenderForm(this))
    , m_problems(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("accountEditDialog"));
    setWindowTitle(tr("Account Settings: %1").arg(account.name()));

    m_name->setObjectName(QStringLiteral("accountName"));
    m_email->setObjectName(QStringLiteral("accountEmail"));
    m_password->setObjectName(QStringLiteral("accountPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Unchanged"));
    m_problems->setObjectName(QStringLiteral("accountProblems"));
    m_problems->setWordWrap(true);
    QPalette warning = m_problems->palette();
    warning.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_problems->setPalette(warning);

    m_serverForm->setSettings(account);
    m_serverForm->setAccountName(account.name());
    m_outgoingForm->setSettings(account);
    m_outgoingForm->setAccountName(account.name());
    m_policyForm->setSettings(account);
    m_senderForm->setSettings(account);

    auto *identity = new QFormLayout;
    identity->addRow(tr("Your &name:"), m_name);
    identity->addRow(tr("&Email address:"), m_email);
    identity->addRow(tr("New &password:"), m_password);

    auto *serverBox = new QGroupBox(tr("Incoming Server"), this);
    auto *serverLayout = new QVBoxLayout(serverBox);
    serverLayout->addWidget(m_serverForm);
    auto *outgoingBox = new QGroupBox(tr("Outgoing Server"), this);
    outgoingBox->setObjectName(QStringLiteral("outgoingServer"));
    auto *outgoingLayout = new QVBoxLayout(outgoingBox);
    outgoingLayout->addWidget(m_outgoingForm);
    auto *servers = new QHBoxLayout;
    servers->addWidget(serverBox, 1);
    servers->addWidget(outgoingBox, 1);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(ServerForm::createTestButton({m_serverForm, m_outgoingForm}, this));
    testRow->addStretch(1);
    auto *policyBox = new QGroupBox(tr("Downloading Mail"), this);
    auto *policyLayout = new QVBoxLayout(policyBox);
    policyLayout->addWidget(m_policyForm);
    auto *senderBox = new QGroupBox(tr("Sending Mail"), this);
    auto *senderLayout = new QVBoxLayout(senderBox);
    senderLayout->addWidget(m_senderForm);
    auto *habits = new QHBoxLayout;
    habits->addWidget(policyBox, 1);
    habits->addWidget(senderBox, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(identity);
    layout->addLayout(servers);
    layout->addLayout(testRow);
    layout->addLayout(habits);
    layout->addWidget(m_problems);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &AccountEditDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // "Test connection" logs in with the new password when one is typed, else with the saved
    // one (read from the keychain in the background); so does the outgoing server while it
    // uses the same password.
    const auto usePassword = [this](const QString &typed) {
        const QString password = typed.isEmpty() ? m_savedPassword : typed;
        m_serverForm->setPassword(password);
        m_outgoingForm->setIncomingPassword(password);
    };
    connect(m_password, &QLineEdit::textChanged, this, usePassword);
    Accounts::CredentialJob *job = m_credentials->readPassword(account.id);
    connect(job, &Accounts::CredentialJob::finished, this,
            [this, usePassword](Accounts::CredentialJob *job) {
                if (job->status() != Accounts::CredentialStatus::Ok)
                    return;
                m_savedPassword = job->password();
                usePassword(m_password->text());
            });
    if (account.outgoing.isConfigured() && !account.outgoing.samePassword) {
        Accounts::CredentialJob *outgoing =
            m_credentials->readPassword(AccountSettings::outgoingCredentialId(account.id));
        connect(outgoing, &Accounts::CredentialJob::finished, this,
                [this](Accounts::CredentialJob *job) {
                    if (job->status() == Accounts::CredentialStatus::Ok)
                        m_outgoingForm->setSavedPassword(job->password());
                });
    }
    setMinimumWidth(900);
}

AccountSettings AccountEditDialog::settings() const
{
    AccountSettings settings = m_account;
    settings.displayName = m_name->text().trimmed();
    settings.emailAddress = m_email->text().trimmed();
    m_serverForm->applyTo(settings);
    m_outgoingForm->applyTo(settings);
    m_policyForm->applyTo(settings);
    m_senderForm->applyTo(settings);
    return settings;
}

QString AccountEditDialog::newPassword() const
{
    return m_password->text();
}

void AccountEditDialog::accept()
{
    if (m_saving)
        return;
    QStringList problems = settings().validate();
    problems << m_serverForm->problems() << m_outgoingForm->problems();
    problems.removeDuplicates();
    if (!problems.isEmpty()) {
        m_problems->setText(problems.join(u'\n'));
        return;
    }
    m_saving = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    if (newPassword().isEmpty()) {
        saveOutgoingPassword();
        return;
    }
    Accounts::CredentialJob *job = m_credentials->writePassword(m_account.id, newPassword());
    connect(job, &Accounts::CredentialJob::finished, this, [this](Accounts::CredentialJob *job) {
        if (job->status() != Accounts::CredentialStatus::Ok)
            finishSaving(false, job->errorString());
        else
            saveOutgoingPassword();
    });
}

void AccountEditDialog::saveOutgoingPassword()
{
    m_outgoingForm->savePassword(m_credentials, m_account.id,
                                 [this](bool ok, const QString &problem) {
                                     if (ok)
                                         save();
                                     else
                                         finishSaving(false, problem);
                                 });
}

void AccountEditDialog::save()
{
    const auto result = m_repository->update(settings());
    finishSaving(bool(result), result.message);
}

void AccountEditDialog::finishSaving(bool ok, const QString &problem)
{
    m_saving = false;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    m_problems->setText(problem);
    if (ok)
        QDialog::accept();
}

} // namespace Poplar::Ui
