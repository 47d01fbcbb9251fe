#include "ui/WelcomeView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Poplar::Ui {

WelcomeView::WelcomeView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomeView"));

    auto *title = new QLabel(tr("Welcome to Poplar"), this);
    title->setObjectName(QStringLiteral("welcomeTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);

    auto *text = new QLabel(tr("Poplar downloads your mail over POP3 and keeps it on this "
                               "computer, so you can read and search it without a connection.\n\n"
                               "No account is set up yet."),
                            this);
    text->setObjectName(QStringLiteral("welcomeText"));
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);

    m_addAccount = new QPushButton(tr("&Add Account…"), this);
    m_addAccount->setObjectName(QStringLiteral("addAccountButton"));
    m_addAccount->setAccessibleName(tr("Add an email account"));
    m_addAccount->setDefault(true);
    connect(m_addAccount, &QPushButton::clicked, this, &WelcomeView::addAccountRequested);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_addAccount);
    buttonRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(title);
    layout->addSpacing(12);
    layout->addWidget(text);
    layout->addSpacing(18);
    layout->addLayout(buttonRow);
    layout->addStretch(2);
    layout->setContentsMargins(32, 32, 32, 32);
}

} // namespace Poplar::Ui
