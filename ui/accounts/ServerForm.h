#pragma once

#include "ui/accounts/AccountSetupEnvironment.h"

#include "accounts/AccountTypes.h"
#include "accounts/ConnectionTester.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Poplar::Net {
struct CertificateProblem;
}

namespace Poplar::Ui {

// What the incoming (AccountServerForm) and the outgoing (OutgoingServerForm) server forms
// share: host, port (following the security's usual port until the user types another),
// security, login method and user name, a warning and an explicit confirmation for no
// encryption, and the connection test with its result in words. A certificate problem found
// by the test opens the CertificateDialog (one at a time, when both servers ask at once);
// trusting the certificate pins it (pinnedSha256()) and tests again.
//
// A subclass says which server it is: the row labels, the login methods, the usual ports,
// which settings it reads and writes, and which test it runs.
class ServerForm : public QWidget
{
    Q_OBJECT

public:
    ~ServerForm() override;

    // The name the certificate dialog shows for the account.
    void setAccountName(const QString &name) { m_accountName = name; }

    QByteArray pinnedSha256() const { return m_pin; }
    // Sentences for the user about what must change before these settings can be used.
    virtual QStringList problems() const;

    // Tests the server as the form has it; problems() are shown instead when there are any.
    void testConnection();
    bool isTesting() const { return m_testing; }
    // The words of the last test; empty before the first and after an edit.
    QString testMessage() const;

    // A "Test Connection" button that tests each of the forms (at the same time), disabled
    // while one of them is testing.
    static QPushButton *createTestButton(const QList<ServerForm *> &forms, QWidget *parent);

signals:
    void edited();
    void testStarted();
    void testFinished(Poplar::Accounts::ConnectionTester::Outcome outcome);

protected:
    // The texts of the rows, translated by the subclass.
    struct Labels
    {
        QString host;
        QString hostPlaceholder;
        QString port;
        QString security;
        QString authentication;
        QString user;
    };

    // Object names are objectNamePrefix + "Host", "Port", "Security", "Authentication",
    // "User", "PlainWarning", "ConfirmPlain" and "TestResult".
    ServerForm(const AccountSetupEnvironment &environment, const QString &objectNamePrefix,
               const Labels &labels, QWidget *parent);

    // The rows, for a subclass to add its own below the shared ones.
    QFormLayout *formLayout() const { return m_form; }
    // Empty; the subclass adds its login methods with their enum value as the item data.
    QComboBox *authenticationBox() const { return m_authentication; }
    Accounts::ConnectionTester *tester() const { return m_tester; }

    // Shows a server. Settings saved with no encryption were confirmed when they were chosen.
    void showServer(const QString &host, int port, Accounts::Security security, int authentication,
                    const QString &user, const QByteArray &pin);
    QString host() const;
    int port() const;
    Accounts::Security security() const;
    int authentication() const;
    QString user() const;

    virtual int defaultPort(Accounts::Security security) const = 0;
    // Starts tester()'s test of the form's settings.
    virtual void startTest() = 0;

    // For the subclass's connections to tester()'s signals.
    void showStep(const QString &step) { showTestText(step, false); }
    void finishTest(Accounts::ConnectionTester::Outcome outcome, const QString &message,
                    const std::optional<Net::CertificateProblem> &certificate);

private:
    void onSecurityChanged();
    void showTestText(const QString &text, bool problem);
    void askAboutCertificate(const Net::CertificateProblem &problem);

    QFormLayout *m_form;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_security;
    QComboBox *m_authentication;
    QLineEdit *m_user;
    QLabel *m_plainWarning;
    QCheckBox *m_confirmPlain;
    QLabel *m_testResult;
    Accounts::ConnectionTester *m_tester;
    Accounts::Security m_lastSecurity = Accounts::Security::Tls;
    QByteArray m_pin;
    QString m_accountName;
    bool m_testing = false;
};

} // namespace Poplar::Ui
