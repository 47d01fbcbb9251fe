#pragma once

#include <QDialog>

class QRadioButton;

namespace Poplar::Ui {

// Asks before an account is removed, and whether its mail already downloaded to this
// computer goes too or stays readable. Nothing on the server is touched either way.
class AccountRemoveDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AccountRemoveDialog(const QString &accountName, QWidget *parent = nullptr);

    // After accept(): true when the account's local mail is to be deleted.
    bool deleteLocalMail() const;

private:
    QRadioButton *m_keep;
    QRadioButton *m_delete;
};

} // namespace Poplar::Ui
