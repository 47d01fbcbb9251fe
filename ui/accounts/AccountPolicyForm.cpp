#include "ui/accounts/AccountPolicyForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

namespace Poplar::Ui {

using Accounts::AccountSettings;
using Accounts::LeavePolicy;

namespace {
constexpr int DefaultHeadersOnlyKiB = 1024;
constexpr int MaxHeadersOnlyKiB = 1024 * 1024;
} // namespace

AccountPolicyForm::AccountPolicyForm(QWidget *parent)
    : QWidget(parent)
    , m_leave(new QComboBox(this))
    , m_days(new QSpinBox(this))
    , m_headersOnly(new QCheckBox(this))
    , m_limit(new QSpinBox(this))
    , m_interval(new QSpinBox(this))
{
    m_leave->setObjectName(QStringLiteral("leavePolicy"));
    m_leave->addItem(tr("Keep mail on the server"), int(LeavePolicy::Keep));
    m_leave->addItem(tr("Delete from the server after some days"),
                     int(LeavePolicy::DeleteAfterDays));
    m_leave->addItem(tr("Delete from the server when I delete it in Poplar"),
                     int(LeavePolicy::DeleteWhenTrashed));
    m_leave->addItem(tr("Delete from the server once downloaded"),
                     int(LeavePolicy::DeleteAfterDownload));
    m_days->setObjectName(QStringLiteral("deleteAfterDays"));
    m_days->setRange(1, AccountSettings::MaxDeleteAfterDays);
    m_days->setSuffix(tr(" days"));
    m_days->setValue(AccountSettings::DefaultDeleteAfterDays);

    m_headersOnly->setObjectName(QStringLiteral("headersOnly"));
    m_headersOnly->setText(tr("Download only the headers of messages larger than"));
    m_limit->setObjectName(QStringLiteral("headersOnlyLimit"));
    m_limit->setRange(1, MaxHeadersOnlyKiB);
    m_limit->setSuffix(tr(" KB"));
    m_limit->setValue(DefaultHeadersOnlyKiB);

    m_interval->setObjectName(QStringLiteral("checkInterval"));
    m_interval->setRange(0, AccountSettings::MaxCheckIntervalMinutes);
    m_interval->setSuffix(tr(" minutes"));
    m_interval->setSpecialValueText(tr("Only when I ask"));
    m_interval->setValue(AccountSettings::DefaultCheckIntervalMinutes);

    auto *headersRow = new QHBoxLayout;
    headersRow->addWidget(m_headersOnly);
    headersRow->addWidget(m_limit);
    headersRow->addStretch(1);

    auto *headersHint =
        new QLabel(tr("Their text and attachments are fetched when you open them."), this);
    headersHint->setWordWrap(true);
    headersHint->setEnabled(false);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&After download:"), m_leave);
    form->addRow(tr("Delete &after:"), m_days);
    form->addRow(tr("Large messages:"), headersRow);
    form->addRow(QString(), headersHint);
    form->addRow(tr("Check for &new mail every:"), m_interval);

    connect(m_leave, &QComboBox::currentIndexChanged, this, &AccountPolicyForm::updateEnabled);
    connect(m_headersOnly, &QCheckBox::toggled, this, &AccountPolicyForm::updateEnabled);
    updateEnabled();
}

void AccountPolicyForm::setSettings(const AccountSettings &settings)
{
    m_leave->setCurrentIndex(m_leave->findData(int(settings.leavePolicy)));
    m_days->setValue(settings.deleteAfterDays);
    m_headersOnly->setChecked(settings.headersOnlyLimitKiB > 0);
    if (settings.headersOnlyLimitKiB > 0)
        m_limit->setValue(settings.headersOnlyLimitKiB);
    m_interval->setValue(settings.checkIntervalMinutes);
    updateEnabled();
}

void AccountPolicyForm::applyTo(AccountSettings &settings) const
{
    settings.leavePolicy = LeavePolicy(m_leave->currentData().toInt());
    settings.deleteAfterDays = m_days->value();
    settings.headersOnlyLimitKiB = m_headersOnly->isChecked() ? m_limit->value() : 0;
    settings.checkIntervalMinutes = m_interval->value();
}

void AccountPolicyForm::updateEnabled()
{
    m_days->setEnabled(LeavePolicy(m_leave->currentData().toInt()) == LeavePolicy::DeleteAfterDays);
    m_limit->setEnabled(m_headersOnly->isChecked());
}

} // namespace Poplar::Ui
