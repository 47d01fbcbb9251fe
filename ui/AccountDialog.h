#pragma once

#include "accounts/AccountSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Poplar::Ui {

// Adds an account from its server settings: name, address, server, security, user name and
// password. Choosing no encryption shows a warning and needs an explicit confirmation.
// The password is handed back to the caller (for the keychain), never kept in the settings.
class AccountDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AccountDialog(QWidget *parent = nullptr);

    Accounts::AccountSettings settings() const;
    QString password() const;

    void accept() override;

private:
    void onSecurityChanged();
    void onEmailEdited(const QString &email);

    QLineEdit *m_name;
    QLineEdit *m_email;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_security;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QComboBox *m_leave;
    QLabel *m_plainWarning;
    QCheckBox *m_confirmPlain;
    QLabel *m_problems;
    QDialogButtonBox *m_buttons;
    Accounts::AccountSettings m_settings;
};

} // namespace Poplar::Ui
