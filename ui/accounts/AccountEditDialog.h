#pragma once

#include "ui/accounts/AccountSetupEnvironment.h"

#include "accounts/AccountSettings.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Poplar::Accounts {
class AccountRepository;
class CredentialStore;
} // namespace Poplar::Accounts

namespace Poplar::Ui {

class AccountPolicyForm;
class SenderForm;
class AccountServerForm;
class OutgoingServerForm;

// Changes an existing account: its name and address, the incoming and the outgoing server (as
// on the wizard's review page, with "Test connection" for both), the download policy, and
// optionally the password. An account made before Poplar could send gets its outgoing server
// here; emptying the outgoing server's name removes it. OK saves the settings in the
// repository and new passwords in the credential store; a problem keeps the dialog open and
// says why.
class AccountEditDialog : public QDialog
{
    Q_OBJECT

public:
    AccountEditDialog(Accounts::AccountRepository *repository,
                      Accounts::CredentialStore *credentials,
                      const Accounts::AccountSettings &account,
                      const AccountSetupEnvironment &environment = {}, QWidget *parent = nullptr);

    Accounts::AccountSettings settings() const;
    // The new password, or empty when it stays as it is.
    QString newPassword() const;
    AccountServerForm *serverForm() const { return m_serverForm; }
    OutgoingServerForm *outgoingForm() const { return m_outgoingForm; }

    void accept() override;

private:
    void saveOutgoingPassword();
    void save();
    void finishSaving(bool ok, const QString &problem);

    Accounts::AccountRepository *m_repository;
    Accounts::CredentialStore *m_credentials;
    Accounts::AccountSettings m_account;
    QLineEdit *m_name;
    QLineEdit *m_email;
    QLineEdit *m_password;
    AccountServerForm *m_serverForm;
    OutgoingServerForm *m_outgoingForm;
    AccountPolicyForm *m_policyForm;
    SenderForm *m_senderForm;
    QLabel *m_problems;
    QDialogButtonBox *m_buttons;
    QString m_savedPassword; // in memory only, for the connection test
    bool m_saving = false;
};

} // namespace Poplar::Ui
