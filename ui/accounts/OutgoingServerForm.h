#pragma once

#include "ui/accounts/ServerForm.h"

#include "accounts/AccountSettings.h"

#include <functional>

namespace Poplar::Accounts {
class CredentialStore;
}

namespace Poplar::Ui {

// The outgoing (SMTP submission) server of an account, beside the incoming one in the wizard
// and the account dialog: host, port, security, login method and user name (see ServerForm),
// and "Use the same password as for incoming mail" (the default; the Chinese providers'
// authorization code serves both) or a password of its own. Tested with an SMTP login that
// sends nothing. An empty host means no outgoing server: the account receives mail only.
class OutgoingServerForm : public ServerForm
{
    Q_OBJECT

public:
    explicit OutgoingServerForm(const AccountSetupEnvironment &environment,
                                QWidget *parent = nullptr);
    ~OutgoingServerForm() override;

    // Fills in settings.outgoing; an empty outgoing user name shows the incoming one.
    void setSettings(const Accounts::AccountSettings &settings);
    // Copies the form into settings.outgoing, or removes it when the host is empty. Apply the
    // incoming server first: a user name equal to the incoming one is stored as empty.
    void applyTo(Accounts::AccountSettings &settings) const;

    // The incoming password, which the test logs in with while the same password is used.
    void setIncomingPassword(const QString &password) { m_incomingPassword = password; }
    // The outgoing password already in the keychain (the account dialog): the test logs in
    // with it, and the password field may stay empty to keep it.
    void setSavedPassword(const QString &password);
    bool usesSamePassword() const;
    // The password typed for the outgoing server; empty when the incoming one serves or the
    // saved one stays.
    QString newPassword() const;

    QStringList problems() const override;

    // Brings the keychain in line with the form for the account accountId: writes a newly
    // typed password under AccountSettings::outgoingCredentialId, or deletes the one stored
    // there when the settings this form was given had one and it is no longer used. Then
    // done(true, {}) or done(false, the keychain's problem in words).
    void savePassword(Accounts::CredentialStore *credentials, const QString &accountId,
                      std::function<void(bool ok, const QString &problem)> done);

protected:
    int defaultPort(Accounts::Security security) const override;
    void startTest() override;

private:
    void updatePasswordEnabled();

    QCheckBox *m_samePassword;
    QLineEdit *m_password;
    QString m_incomingPassword;
    QString m_savedPassword;
    bool m_hadOwnPassword = false; // in the keychain, for the settings given to setSettings
};

} // namespace Poplar::Ui
