#pragma once

#include "sync/AccountSync.h"

#include <QHash>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QProgressBar;
class QPushButton;

namespace Poplar::Sync {
class SyncManager;
}

namespace Poplar::Ui {

// The status bar's sync area: one progress bar per running account (messages and bytes) and
// the last error with a Details button.
class SyncStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusWidget(Sync::SyncManager *sync, QWidget *parent = nullptr);

    QString lastError() const { return m_lastError; }
    QProgressBar *progressBar(const QString &accountId) const { return m_bars.value(accountId); }

private:
    void onStarted(const QString &accountId);
    void onProgress(const QString &accountId, const Sync::SyncProgress &progress);
    void onFinished(const QString &accountId, const Sync::SyncResult &result);
    void showDetails();
    QString accountName(const QString &accountId) const;

    Sync::SyncManager *m_sync;
    QHBoxLayout *m_layout = nullptr;
    QHash<QString, QProgressBar *> m_bars;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_detailsButton = nullptr;
    QString m_lastError;
    QString m_lastErrorDetails;
};

} // namespace Poplar::Ui
