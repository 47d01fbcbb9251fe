#pragma once

#include "store/OutgoingRecord.h"

#include <QAbstractTableModel>
#include <QList>

namespace Poplar::Store {
class StoreReader;
class StoreWriter;
} // namespace Poplar::Store

namespace Poplar::Ui {

// The Outbox of one account (or of all): what waits to be sent, what the server refused and
// what may or may not have gone out, each with where it stands in words. Reads the store
// again whenever the writer says the Outbox changed.
class OutboxModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Status,
        To,
        Subject,
        Queued,
        ColumnCount
    };

    OutboxModel(Store::StoreReader *reader, Store::StoreWriter *writer, QObject *parent = nullptr);

    void setAccount(const QString &account);
    QString account() const { return m_account; }
    void refresh();

    // The record of a row, raw bytes left out.
    Store::OutgoingRecord record(int row) const { return m_records.value(row); }
    // Where the message stands, as a sentence: waiting, retrying at a time, refused because…
    static QString describe(const Store::OutgoingRecord &record);
    static QString stateName(Store::OutgoingRecord::State state);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void loadFailed(const QString &error);

private:
    Store::StoreReader *m_reader;
    QString m_account;
    QList<Store::OutgoingRecord> m_records;
};

} // namespace Poplar::Ui
