#pragma once

#include <QWidget>

class QPushButton;

namespace Poplar::Ui {

// What the window shows before any account exists: what Poplar does and a button that opens
// the account wizard.
class WelcomeView : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomeView(QWidget *parent = nullptr);

    QPushButton *addAccountButton() const { return m_addAccount; }

signals:
    void addAccountRequested();

private:
    QPushButton *m_addAccount = nullptr;
};

} // namespace Poplar::Ui
