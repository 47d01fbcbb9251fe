#pragma once

#include "store/MessageSummary.h"

#include <QList>
#include <QObject>
#include <QString>

namespace Poplar::Store {
class StoreReader;
class StoreWriter;
} // namespace Poplar::Store

namespace Poplar::Ui {

// What the system tray shows, without the tray itself: the number of unread messages (every
// account's Inbox) with its tooltip text, and the "new mail" announcement after a sync. While
// a sync runs (setSyncing(true), wired to SyncManager::busyChanged) the messages it stores are
// collected; when the last sync ends, the ones still unread in an Inbox are announced with
// newMail() ("3 new messages" and the newest sender and subject) unless the user turned
// notifications off. Messages stored outside a sync (an import) are not announced. The setting
// is kept in the profile's settings file.
class NewMailNotifier : public QObject
{
    Q_OBJECT

public:
    NewMailNotifier(Store::StoreReader *reader, Store::StoreWriter *writer,
                    const QString &settingsPath, QObject *parent = nullptr);

    qint64 unreadCount() const { return m_unread; }
    // "Poplar – 12 unread messages" or "Poplar – no unread mail".
    QString toolTip() const;

    bool notificationsEnabled() const { return m_enabled; }
    void setNotificationsEnabled(bool enabled);

    // The announcement for these new messages (newest first is not required).
    static QString title(int count);
    static QString message(const QList<Store::MessageSummary> &messages);

    // A sync started (true) or every sync ended (false).
    void setSyncing(bool syncing);
    // Counts the unread messages again (also done, coalesced, on the store's changes).
    void refreshUnread();

signals:
    void unreadCountChanged(qint64 count);
    void newMail(const QString &title, const QString &message);
    void notificationsEnabledChanged(bool enabled);

private:
    void scheduleRefresh();
    void collect(const QList<qint64> &ids);
    void announce();

    Store::StoreReader *m_reader;
    QString m_settingsPath;
    qint64 m_unread = 0;
    bool m_enabled = true;
    bool m_syncing = false;
    bool m_refreshQueued = false;
    QList<qint64> m_arrived;
};

} // namespace Poplar::Ui
