#include "ui/accounts/AccountRemoveDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Poplar::Ui {

AccountRemoveDialog::AccountRemoveDialog(const QString &accountName, QWidget *parent)
    : QDialog(parent)
    , m_keep(new QRadioButton(tr("&Keep its mail on this computer (still shown under All "
                                 "Accounts and in search)"),
                              this))
    , m_delete(new QRadioButton(tr("&Delete its mail from this computer"), this))
{
    setObjectName(QStringLiteral("accountRemoveDialog"));
    setWindowTitle(tr("Remove Account"));
    auto *question = new QLabel(tr("Remove the account %1 from Poplar? Its settings and saved "
                                   "password are removed. Mail on the server is not touched.")
                                    .arg(accountName),
                                this);
    question->setWordWrap(true);
    question->setTextFormat(Qt::PlainText);
    m_keep->setObjectName(QStringLiteral("keepLocalMail"));
    m_delete->setObjectName(QStringLiteral("deleteLocalMail"));
    m_keep->setChecked(true);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *remove = buttons->addButton(tr("&Remove Account"), QDialogButtonBox::AcceptRole);
    remove->setObjectName(QStringLiteral("removeAccount"));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addSpacing(6);
    layout->addWidget(m_keep);
    layout->addWidget(m_delete);
    layout->addSpacing(6);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

bool AccountRemoveDialog::deleteLocalMail() const
{
    return m_delete->isChecked();
}

} // namespace Poplar::Ui
