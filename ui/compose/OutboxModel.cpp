#include "ui/compose/OutboxModel.h"

#include "ui/common/ItemRoles.h"

#include "store/StoreReader.h"
#include "store/StoreWriter.h"

#include <QLocale>

namespace Poplar::Ui {

using State = Store::OutgoingRecord::State;

OutboxModel::OutboxModel(Store::StoreReader *reader, Store::StoreWriter *writer, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(reader)
{
    if (writer)
        connect(writer, &Store::StoreWriter::outboxChanged, this, &OutboxModel::refresh);
}

void OutboxModel::setAccount(const QString &account)
{
    m_account = account;
    refresh();
}

void OutboxModel::refresh()
{
    QList<Store::OutgoingRecord> records;
    if (m_reader && m_reader->isOpen()) {
        auto outbox = m_reader->outbox(m_account);
        if (outbox)
            records = std::move(outbox).value();
        else
            emit loadFailed(outbox.error().message());
    }
    beginResetModel();
    m_records = std::move(records);
    endResetModel();
}

QString OutboxModel::stateName(State state)
{
    switch (state) {
    case State::Queued:
        return tr("Waiting");
    case State::Sending:
        return tr("Sending");
    case State::Failed:
        return tr("Not sent");
    case State::Unknown:
        return tr("Perhaps sent");
    }
    return {};
}

QString OutboxModel::describe(const Store::OutgoingRecord &record)
{
    const QLocale locale;
    switch (record.state) {
    case State::Queued:
        if (record.nextAttemptAt.isValid() && !record.lastError.isEmpty())
            return tr("Not sent yet: %1 Poplar tries again at %2.")
                .arg(record.lastError,
                     locale.toString(record.nextAttemptAt.toLocalTime(), QLocale::ShortFormat));
        return tr("Waits to be sent with the next Send or mail check.");
    case State::Sending:
        return tr("Being sent now.");
    case State::Failed:
        return tr("The server refused it: %1 Correct the message or the account's outgoing "
                  "server, then send it again.")
            .arg(record.lastError);
    case State::Unknown:
        return tr("It may or may not have been sent: %1 Ask a recipient whether it arrived, "
                  "then send it again or mark it as sent.")
            .arg(record.lastError);
    }
    return {};
}

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int OutboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const Store::OutgoingRecord &record = m_records.at(index.row());
    if (role == MessageIdRole)
        return record.id;
    if (role == AccountRole)
        return record.account;
    if (role == Qt::ToolTipRole)
        return describe(record);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Status:
        return stateName(record.state);
    case To:
        return record.to;
    case Subject:
        return record.subject.isEmpty() ? tr("(no subject)") : record.subject;
    case Queued:
        return QLocale().toString(record.createdAt.toLocalTime(), QLocale::ShortFormat);
    default:
        return {};
    }
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Status:
        return tr("Status");
    case To:
        return tr("To");
    case Subject:
        return tr("Subject");
    case Queued:
        return tr("Queued");
    default:
        return {};
    }
}

} // namespace Poplar::Ui
