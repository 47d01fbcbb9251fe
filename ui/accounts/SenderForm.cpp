#include "ui/accounts/SenderForm.h"

#include <QCheckBox>
#include <QFontMetrics>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace Poplar::Ui {

namespace {
constexpr int kSignatureLines = 4;
}

SenderForm::SenderForm(QWidget *parent)
    : QWidget(parent)
    , m_senderName(new QLineEdit(this))
    , m_signature(new QPlainTextEdit(this))
    , m_aboveQuote(new QCheckBox(tr("In replies, put the signature &above the quoted text"), this))
{
    m_senderName->setObjectName(QStringLiteral("senderName"));
    m_senderName->setPlaceholderText(tr("e.g. 李明 (Li Ming)"));
    m_signature->setObjectName(QStringLiteral("signature"));
    m_signature->setAccessibleName(tr("Signature"));
    m_signature->setTabChangesFocus(true);
    m_signature->setPlaceholderText(tr("Added below what you write, after a \"-- \" line"));
    m_signature->setFixedHeight(QFontMetrics(m_signature->font()).lineSpacing() * kSignatureLines +
                                2 * m_signature->frameWidth() + 8);
    m_aboveQuote->setObjectName(QStringLiteral("signatureAboveQuote"));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Name in &sent mail:"), m_senderName);
    form->addRow(tr("S&ignature:"), m_signature);
    form->addRow(QString(), m_aboveQuote);
}

void SenderForm::setSettings(const Accounts::AccountSettings &settings)
{
    m_senderName->setText(settings.senderName);
    m_signature->setPlainText(settings.signature);
    m_aboveQuote->setChecked(settings.signatureAboveQuote);
}

void SenderForm::applyTo(Accounts::AccountSettings &settings) const
{
    settings.senderName = m_senderName->text().trimmed();
    settings.signature = m_signature->toPlainText();
    settings.signatureAboveQuote = m_aboveQuote->isChecked();
}

} // namespace Poplar::Ui
