#pragma once

#include "ui/accounts/ServerForm.h"

#include "accounts/AccountSettings.h"

namespace Poplar::Ui {

// The incoming (POP3) server of an account, for the wizard's review page and the account
// dialog: host, port, security, authentication and user name, tested with a POP3 login (see
// ServerForm for what the two server forms share).
class AccountServerForm : public ServerForm
{
    Q_OBJECT

public:
    explicit AccountServerForm(const AccountSetupEnvironment &environment,
                               QWidget *parent = nullptr);
    ~AccountServerForm() override;

    // Fills in the server part and the pin of these settings.
    void setSettings(const Accounts::AccountSettings &settings);
    // Copies the server part and the pin into settings; the rest stays as it was.
    void applyTo(Accounts::AccountSettings &settings) const;

    // What the connection test logs in with.
    void setPassword(const QString &password) { m_password = password; }

    QStringList problems() const override;

protected:
    int defaultPort(Accounts::Security security) const override;
    void startTest() override;

private:
    QString m_password;
};

} // namespace Poplar::Ui
