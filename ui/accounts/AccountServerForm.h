#pragma once

#include "ui/accounts/AccountSetupEnvironment.h"

#include "accounts/AccountSettings.h"
#include "accounts/ConnectionTester.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Poplar::Ui {

// The incoming-server part of an account, for the wizard's review page and the account
// dialog: host, port, security, authentication and user name, with "Test connection".
// Choosing no encryption shows a warning and needs an explicit confirmation. A certificate
// problem found by the test opens the CertificateDialog; trusting the certificate pins it
// (pinnedSha256()) and tests again.
class AccountServerForm : public QWidget
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

    // What the connection test logs in with, and the name it shows in the certificate dialog.
    void setPassword(const QString &password) { m_password = password; }
    void setAccountName(const QString &name) { m_accountName = name; }

    QByteArray pinnedSha256() const { return m_pin; }
    // Sentences for the user about what must change before these settings can be used.
    QStringList problems() const;

    void testConnection();
    bool isTesting() const;
    // The words of the last test; empty before the first.
    QString testMessage() const;

signals:
    void edited();
    void testStarted();
    void testFinished(const Poplar::Accounts::ConnectionTester::Result &result);

private:
    void onSecurityChanged();
    void onTestFinished(const Accounts::ConnectionTester::Result &result);
    void showTestText(const QString &text, bool problem);
    void askAboutCertificate(const Net::CertificateProblem &problem);

    AccountSetupEnvironment m_environment;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_security;
    QComboBox *m_authentication;
    QLineEdit *m_user;
    QLabel *m_plainWarning;
    QCheckBox *m_confirmPlain;
    QPushButton *m_testButton;
    QLabel *m_testResult;
    Accounts::ConnectionTester *m_tester;
    Accounts::Security m_lastSecurity = Accounts::Security::Tls;
    QByteArray m_pin;
    QString m_password;
    QString m_accountName;
};

} // namespace Poplar::Ui
