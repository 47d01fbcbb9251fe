#include "ui/compose/OutboxView.h"

#include "ui/common/ItemRoles.h"
#include "ui/compose/OutboxModel.h"

#include "compose/ComposedMessage.h"
#include "mime/Address.h"
#include "send/OutboxSender.h"
#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "store/WriteBatch.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Poplar::Ui {

using State = Store::OutgoingRecord::State;

OutboxView::OutboxView(Store::StoreReader *reader, Store::StoreWriter *writer, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_writer(writer)
    , m_model(new OutboxModel(reader, writer, this))
    , m_list(new QTreeView(this))
    , m_details(new QLabel(this))
    , m_sendAgain(new QPushButton(tr("Send &Again"), this))
    , m_markSent(new QPushButton(tr("&Mark as Sent"), this))
    , m_edit(new QPushButton(tr("&Edit"), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
{
    setObjectName(QStringLiteral("outboxView"));
    m_list->setObjectName(QStringLiteral("outboxList"));
    m_list->setAccessibleName(tr("Outbox"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(OutboxModel::Subject, QHeaderView::Stretch);
    m_list->header()->resizeSection(OutboxModel::Status, 110);
    m_list->header()->resizeSection(OutboxModel::To, 180);
    m_list->header()->resizeSection(OutboxModel::Queued, 140);
    m_details->setObjectName(QStringLiteral("outboxDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sendAgain->setObjectName(QStringLiteral("outboxSendAgain"));
    m_markSent->setObjectName(QStringLiteral("outboxMarkSent"));
    m_edit->setObjectName(QStringLiteral("outboxEdit"));
    m_delete->setObjectName(QStringLiteral("outboxDelete"));
    m_edit->setToolTip(tr("Move the message back to Drafts and open it, to correct it"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_sendAgain);
    buttons->addWidget(m_markSent);
    buttons->addWidget(m_edit);
    buttons->addStretch(1);
    buttons->addWidget(m_delete);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_details);
    layout->addLayout(buttons);

    connect(m_sendAgain, &QPushButton::clicked, this, &OutboxView::sendAgain);
    connect(m_markSent, &QPushButton::clicked, this, &OutboxView::markSent);
    connect(m_edit, &QPushButton::clicked, this, &OutboxView::edit);
    connect(m_delete, &QPushButton::clicked, this, &OutboxView::remove);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OutboxView::updateDetails);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &OutboxView::updateDetails);
    if (m_writer)
        connect(m_writer, &Store::StoreWriter::batchFinished, this, &OutboxView::onBatchFinished);
    updateDetails();
}

void OutboxView::setAccount(const QString &account)
{
    m_model->setAccount(account);
    if (m_model->rowCount() > 0)
        selectRow(0);
}

void OutboxView::selectRow(int row)
{
    m_list->setCurrentIndex(m_model->index(row, 0));
}

qint64 OutboxView::selectedId() const
{
    return m_list->currentIndex().data(MessageIdRole).toLongLong();
}

void OutboxView::updateDetails()
{
    const int row = m_list->currentIndex().row();
    const bool selected = row >= 0 && row < m_model->rowCount();
    const Store::OutgoingRecord record = m_model->record(row);
    if (!selected)
        m_details->setText(m_model->rowCount() == 0
                               ? tr("Nothing waits to be sent.")
                               : tr("Select a message to see where it stands."));
    else
        m_details->setText(OutboxModel::describe(record));
    const bool settled = selected && record.state != State::Sending;
    m_sendAgain->setEnabled(settled && m_writer);
    m_markSent->setEnabled(selected && record.state == State::Unknown && m_writer);
    m_edit->setEnabled(settled && m_writer);
    m_delete->setEnabled(settled && m_writer);
}

void OutboxView::sendAgain()
{
    const Store::OutgoingRecord record = m_model->record(m_list->currentIndex().row());
    if (!record.id || !m_writer)
        return;
    // The user's decision, also for a message that may have gone out already.
    Store::WriteBatch batch;
    batch.setOutgoingState(record.id, State::Queued);
    m_writer->submit(std::move(batch));
    emit sendRequested(record.account);
}

std::optional<Store::OutgoingRecord> OutboxView::selectedWithBytes()
{
    const qint64 id = selectedId();
    if (!id || !m_writer)
        return std::nullopt;
    auto record = m_reader->outgoing(id);
    if (!record) {
        m_details->setText(record.error().message());
        return std::nullopt;
    }
    return std::move(record).value();
}

void OutboxView::markSent()
{
    const auto record = selectedWithBytes();
    if (!record)
        return;
    Store::WriteBatch batch;
    batch.completeOutgoing(record->id,
                           Send::OutboxSender::sentCopy(*record, QDateTime::currentDateTimeUtc()));
    m_writer->submit(std::move(batch));
}

void OutboxView::edit()
{
    const auto record = selectedWithBytes();
    if (!record)
        return;
    // Back to Drafts in one step, with the Bcc recipients the sent bytes leave out.
    Mime::OutgoingMessage message = Compose::ComposedMessage::fromRaw(record->raw);
    message.bcc = Mime::Address::parseList(record->bcc.toUtf8());
    Store::WriteBatch batch;
    batch.insertMessage(Compose::ComposedMessage::draft(message, record->account));
    batch.deleteOutgoing(record->id);
    m_editTicket = m_writer->submit(std::move(batch));
}

void OutboxView::remove()
{
    const qint64 id = selectedId();
    if (!id || !m_writer)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Delete"), tr("Delete this message from the Outbox without sending it?"),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    Store::WriteBatch batch;
    batch.deleteOutgoing(id);
    m_writer->submit(std::move(batch));
}

void OutboxView::onBatchFinished(const Store::BatchResult &result)
{
    if (result.ticket != m_editTicket || !m_editTicket)
        return;
    m_editTicket = 0;
    if (!result.committed()) {
        m_details->setText(
            tr("The message could not be moved to Drafts: %1").arg(result.error.message()));
        return;
    }
    emit draftReady(result.operations.value(0).id);
}

} // namespace Poplar::Ui
