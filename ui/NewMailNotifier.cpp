#include "ui/NewMailNotifier.h"

#include "ui/reader/MessageListModel.h"

#include "store/StoreReader.h"
#include "store/StoreWriter.h"

#include <QSettings>
#include <QTimer>

#include <algorithm>
#include <climits>
#include <utility>

namespace Poplar::Ui {

namespace {
const auto kNotifyKey = QStringLiteral("Notifications/newMail");
} // namespace

NewMailNotifier::NewMailNotifier(Store::StoreReader *reader, Store::StoreWriter *writer,
                                 const QString &settingsPath, QObject *parent)
    : QObject(parent)
    , m_reader(reader)
    , m_settingsPath(settingsPath)
{
    m_enabled = QSettings(m_settingsPath, QSettings::IniFormat).value(kNotifyKey, true).toBool();
    if (writer) {
        connect(writer, &Store::StoreWriter::messagesAdded, this, &NewMailNotifier::collect);
        connect(writer, &Store::StoreWriter::messagesChanged, this,
                &NewMailNotifier::scheduleRefresh);
        connect(writer, &Store::StoreWriter::messagesMoved, this,
                &NewMailNotifier::scheduleRefresh);
        connect(writer, &Store::StoreWriter::messagesRemoved, this,
                &NewMailNotifier::scheduleRefresh);
    }
    refreshUnread();
}

QString NewMailNotifier::toolTip() const
{
    if (m_unread == 0)
        return tr("Poplar – no unread mail");
    if (m_unread == 1)
        return tr("Poplar – 1 unread message");
    return tr("Poplar – %n unread messages", nullptr, int(std::min<qint64>(m_unread, INT_MAX)));
}

void NewMailNotifier::setNotificationsEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    QSettings(m_settingsPath, QSettings::IniFormat).setValue(kNotifyKey, enabled);
    if (!enabled)
        m_arrived.clear();
    emit notificationsEnabledChanged(enabled);
}

QString NewMailNotifier::title(int count)
{
    // Two source texts, so that English reads right without a translation file.
    if (count == 1)
        return tr("1 new message");
    return tr("%n new messages", nullptr, count);
}

QString NewMailNotifier::message(const QList<Store::MessageSummary> &messages)
{
    if (messages.isEmpty())
        return {};
    const auto newest =
        std::max_element(messages.cbegin(), messages.cend(),
                         [](const Store::MessageSummary &a, const Store::MessageSummary &b) {
                             return a.date < b.date || (a.date == b.date && a.id < b.id);
                         });
    const QString subject = newest->subject.isEmpty() ? tr("(no subject)") : newest->subject;
    return tr("%1: %2").arg(MessageListModel::senderName(newest->from), subject);
}

void NewMailNotifier::setSyncing(bool syncing)
{
    if (syncing == m_syncing)
        return;
    m_syncing = syncing;
    if (!syncing)
        announce();
}

void NewMailNotifier::refreshUnread()
{
    qint64 total = 0;
    if (m_reader && m_reader->isOpen()) {
        const QHash<QString, qint64> counts = m_reader->unreadCounts().valueOr({});
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            total += it.value();
    }
    if (total == m_unread)
        return;
    m_unread = total;
    emit unreadCountChanged(total);
}

void NewMailNotifier::scheduleRefresh()
{
    if (m_refreshQueued)
        return;
    m_refreshQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshQueued = false;
        refreshUnread();
    });
}

void NewMailNotifier::collect(const QList<qint64> &ids)
{
    scheduleRefresh();
    if (m_syncing && m_enabled)
        m_arrived.append(ids);
}

void NewMailNotifier::announce()
{
    const QList<qint64> ids = std::exchange(m_arrived, {});
    if (!m_enabled || ids.isEmpty() || !m_reader || !m_reader->isOpen())
        return;
    // Only what is still worth a look: unread and in an Inbox (a filter or the user may have
    // moved or read some already).
    QList<Store::MessageSummary> fresh;
    for (qint64 id : ids) {
        auto summary = m_reader->message(id);
        if (summary && !summary.value().read && summary.value().folder == Store::Folder::Inbox)
            fresh.append(std::move(summary).value());
    }
    if (fresh.isEmpty())
        return;
    refreshUnread();
    emit newMail(title(int(fresh.size())), message(fresh));
}

} // namespace Poplar::Ui
