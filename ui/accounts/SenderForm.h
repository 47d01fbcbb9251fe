#pragma once

#include "accounts/AccountSettings.h"

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;

namespace Poplar::Ui {

// How an account's mail goes out under the user's name: the name recipients see in From, the
// signature (plain text, after a "-- " line) and whether replies have it above the quote.
class SenderForm : public QWidget
{
    Q_OBJECT

public:
    explicit SenderForm(QWidget *parent = nullptr);

    void setSettings(const Accounts::AccountSettings &settings);
    void applyTo(Accounts::AccountSettings &settings) const;

private:
    QLineEdit *m_senderName;
    QPlainTextEdit *m_signature;
    QCheckBox *m_aboveQuote;
};

} // namespace Poplar::Ui
