#include "ui/SyncStatusWidget.h"

#include "sync/SyncManager.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>

namespace Poplar::Ui {

SyncStatusWidget::SyncStatusWidget(Sync::SyncManager *sync, QWidget *parent)
    : QWidget(parent)
    , m_sync(sync)
{
    setObjectName(QStringLiteral("syncStatus"));
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("syncErrorLabel"));
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->hide();
    m_detailsButton = new QPushButton(tr("Details…"), this);
    m_detailsButton->setObjectName(QStringLiteral("syncErrorDetails"));
    m_detailsButton->setAccessibleName(tr("Details of the last sync error"));
    m_detailsButton->setFlat(true);
    m_detailsButton->hide();
    connect(m_detailsButton, &QPushButton::clicked, this, &SyncStatusWidget::showDetails);
    m_layout->addWidget(m_errorLabel);
    m_layout->addWidget(m_detailsButton);
    if (m_sync) {
        connect(m_sync, &Sync::SyncManager::started, this, &SyncStatusWidget::onStarted);
        connect(m_sync, &Sync::SyncManager::progressChanged, this, &SyncStatusWidget::onProgress);
        connect(m_sync, &Sync::SyncManager::finished, this, &SyncStatusWidget::onFinished);
    }
}

QString SyncStatusWidget::accountName(const QString &accountId) const
{
    if (m_sync)
        if (const auto account = m_sync->account(accountId); account && !account->name.isEmpty())
            return account->name;
    return accountId;
}

void SyncStatusWidget::onStarted(const QString &accountId)
{
    QProgressBar *bar = m_bars.value(accountId);
    if (!bar) {
        bar = new QProgressBar(this);
        bar->setObjectName(QStringLiteral("syncProgress_") + accountId);
        bar->setMaximumWidth(260);
        bar->setTextVisible(true);
        m_layout->insertWidget(0, bar);
        m_bars.insert(accountId, bar);
    }
    bar->setAccessibleName(tr("Sync progress of %1").arg(accountName(accountId)));
    bar->setRange(0, 0);
    bar->setFormat(tr("%1: connecting…").arg(accountName(accountId)));
    bar->show();
}

void SyncStatusWidget::onProgress(const QString &accountId, const Sync::SyncProgress &progress)
{
    QProgressBar *bar = m_bars.value(accountId);
    if (!bar) {
        onStarted(accountId);
        bar = m_bars.value(accountId);
    }
    if (progress.bytesTotal > 0) {
        // Scale to stay within int.
        bar->setRange(0, 1000);
        bar->setValue(int(progress.bytesDone * 1000 / progress.bytesTotal));
    } else {
        bar->setRange(0, std::max(progress.messagesTotal, 1));
        bar->setValue(progress.messagesDone);
    }
    const QLocale locale;
    bar->setFormat(tr("%1: %2 of %3 messages, %4 of %5")
                       .arg(accountName(accountId))
                       .arg(progress.messagesDone)
                       .arg(progress.messagesTotal)
                       .arg(locale.formattedDataSize(progress.bytesDone, 1,
                                                     QLocale::DataSizeTraditionalFormat),
                            locale.formattedDataSize(progress.bytesTotal, 1,
                                                     QLocale::DataSizeTraditionalFormat)));
}

void SyncStatusWidget::onFinished(const QString &accountId, const Sync::SyncResult &result)
{
    if (QProgressBar *bar = m_bars.take(accountId))
        bar->deleteLater();
    if (result.ok)
        return;
    m_lastError = tr("%1: %2").arg(accountName(accountId), result.error);
    m_lastErrorDetails = m_lastError;
    if (!result.warnings.isEmpty())
        m_lastErrorDetails += u'\n' + result.warnings.join(u'\n');
    m_errorLabel->setText(m_lastError);
    m_errorLabel->show();
    m_detailsButton->show();
}

void SyncStatusWidget::showDetails()
{
    QMessageBox box(QMessageBox::Warning, tr("Sync Error"), m_lastError, QMessageBox::Close, this);
    box.setDetailedText(m_lastErrorDetails);
    box.exec();
    m_errorLabel->hide();
    m_detailsButton->hide();
}

} // namespace Poplar::Ui
