#pragma once

#include "accounts/AccountSettings.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace Poplar::Ui {

// The download policy of an account, for the wizard's last page and the account dialog:
// what happens to mail on the server (keep, delete after N days, when deleted in Poplar,
// right after download), downloading only the headers of large messages, and how often to
// check for mail.
class AccountPolicyForm : public QWidget
{
    Q_OBJECT

public:
    explicit AccountPolicyForm(QWidget *parent = nullptr);

    void setSettings(const Accounts::AccountSettings &settings);
    // Copies the policy into settings; the rest stays as it was.
    void applyTo(Accounts::AccountSettings &settings) const;

private:
    void updateEnabled();

    QComboBox *m_leave;
    QSpinBox *m_days;
    QCheckBox *m_headersOnly;
    QSpinBox *m_limit;
    QSpinBox *m_interval;
};

} // namespace Poplar::Ui
