#include "ui/reader/MessageView.h"

#include "ui/common/FileNameSanitizer.h"
#include "ui/common/Logging.h"
#include "ui/common/SafeTextBrowser.h"
#include "ui/reader/AttachmentSaver.h"

#include "mime/Address.h"
#include "mime/Charset.h"
#include "mime/HtmlToText.h"
#include "mime/MessageParser.h"
#include "mime/MessageRenderer.h"
#include "store/StoreReader.h"
#include "store/StoreWriter.h"

#include <QAction>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace Poplar::Ui {

namespace {

QLabel *makeField(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}

QFrame *makeBar(QWidget *parent, const QString &objectName)
{
    auto *bar = new QFrame(parent);
    bar->setObjectName(objectName);
    bar->setFrameShape(QFrame::StyledPanel);
    bar->setAutoFillBackground(true);
    bar->setBackgroundRole(QPalette::AlternateBase);
    bar->hide();
    return bar;
}

// The text the sender wrote for plain-text readers: for an HTML piece, its text/plain
// alternative when there is one, else the HTML reduced to text.
QString plainTextOf(const Mime::Message &message)
{
    QStringList pieces;
    for (const Mime::BodyPiece &piece : message.body) {
        if (piece.kind == Mime::BodyPiece::Kind::Plain) {
            pieces.append(piece.content);
            continue;
        }
        if (piece.kind == Mime::BodyPiece::Kind::MessageHeaders) {
            for (const auto &[name, value] : piece.headerFields)
                pieces.append(name + QStringLiteral(": ") + value);
            continue;
        }
        const qsizetype dot = piece.partPath.lastIndexOf(u'.');
        const QString parentPath = dot < 0 ? QString() : piece.partPath.left(dot);
        const Mime::Part *parent =
            parentPath.isEmpty() ? &message.root : message.root.find(parentPath);
        const Mime::Part *plain = nullptr;
        if (parent && parent->mimeType == "multipart/alternative")
            for (const Mime::Part &child : parent->children)
                if (child.mimeType == "text/plain" && child.disposition != "attachment") {
                    plain = &child;
                    break;
                }
        if (plain)
            pieces.append(Mime::Charset::decode(plain->body, plain->charsetLabel).text);
        else
            pieces.append(Mime::HtmlToText::convert(piece.content));
    }
    return pieces.join(QStringLiteral("\n\n"));
}

} // namespace

MessageView::MessageView(Store::StoreReader *reader, Store::StoreWriter *writer, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
{
    setObjectName(QStringLiteral("messagePane"));

    m_header = new QWidget(this);
    m_header->setObjectName(QStringLiteral("messageHeader"));
    m_subject = makeField(m_header, QStringLiteral("headerSubject"));
    QFont subjectFont = m_subject->font();
    subjectFont.setBold(true);
    subjectFont.setPointSizeF(subjectFont.pointSizeF() * 1.25);
    m_subject->setFont(subjectFont);
    m_subject->setAccessibleName(tr("Subject"));
    m_from = makeField(m_header, QStringLiteral("headerFrom"));
    m_from->setAccessibleName(tr("From"));
    m_to = makeField(m_header, QStringLiteral("headerTo"));
    m_to->setAccessibleName(tr("To"));
    m_cc = makeField(m_header, QStringLiteral("headerCc"));
    m_cc->setAccessibleName(tr("Cc"));
    m_date = makeField(m_header, QStringLiteral("headerDate"));
    m_date->setAccessibleName(tr("Date"));
    auto *form = new QFormLayout;
    form->addRow(tr("From:"), m_from);
    form->addRow(tr("To:"), m_to);
    form->addRow(tr("Cc:"), m_cc);
    form->addRow(tr("Date:"), m_date);
    form->setContentsMargins(0, 0, 0, 0);
    auto *headerLayout = new QVBoxLayout(m_header);
    m_headerButtons = new QHBoxLayout;
    m_headerButtons->addWidget(m_subject, 1);
    headerLayout->addLayout(m_headerButtons);
    headerLayout->addLayout(form);
    headerLayout->setContentsMargins(8, 8, 8, 4);

    m_remoteBar = makeBar(this, QStringLiteral("remoteBar"));
    m_remoteLabel = new QLabel(m_remoteBar);
    m_remoteLabel->setObjectName(QStringLiteral("remoteLabel"));
    m_remoteLabel->setWordWrap(true);
    auto *loadButton = new QPushButton(tr("&Load"), m_remoteBar);
    loadButton->setObjectName(QStringLiteral("loadRemoteButton"));
    loadButton->setAccessibleName(tr("Load remote images"));
    connect(loadButton, &QPushButton::clicked, this, &MessageView::loadRemoteContent);
    auto *remoteLayout = new QHBoxLayout(m_remoteBar);
    remoteLayout->addWidget(m_remoteLabel, 1);
    remoteLayout->addWidget(loadButton);

    m_partialBar = makeBar(this, QStringLiteral("partialBar"));
    auto *partialLabel =
        new QLabel(tr("Only the headers of this large message were downloaded."), m_partialBar);
    partialLabel->setWordWrap(true);
    auto *downloadButton = new QPushButton(tr("&Download full message"), m_partialBar);
    downloadButton->setObjectName(QStringLiteral("downloadFullButton"));
    connect(downloadButton, &QPushButton::clicked, this, [this] {
        if (m_summary.id > 0)
            emit downloadFullRequested(m_summary.account, m_summary.id, m_summary.uidl);
    });
    auto *partialLayout = new QHBoxLayout(m_partialBar);
    partialLayout->addWidget(partialLabel, 1);
    partialLayout->addWidget(downloadButton);

    m_attachmentsBar = makeBar(this, QStringLiteral("attachmentsBar"));
    m_attachmentsBar->setAccessibleName(tr("Attachments"));
    m_attachmentsLayout = new QHBoxLayout(m_attachmentsBar);

    m_browser = new SafeTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("messageView"));
    m_browser->setAccessibleName(tr("Message"));
    m_browser->setPlaceholderText(tr("Select a message to read it here."));
    connect(m_browser, &QTextBrowser::anchorClicked, this, &MessageView::openLink);
    connect(m_browser, &QTextBrowser::highlighted, this, &MessageView::linkHovered);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_header);
    layout->addWidget(m_partialBar);
    layout->addWidget(m_remoteBar);
    layout->addWidget(m_attachmentsBar);
    layout->addWidget(m_browser, 1);

    m_plainAction = new QAction(tr("Show as &Plain Text"), this);
    m_plainAction->setObjectName(QStringLiteral("actionPlainText"));
    m_plainAction->setCheckable(true);
    connect(m_plainAction, &QAction::toggled, this, &MessageView::render);
    m_sourceAction = new QAction(tr("View &Source"), this);
    m_sourceAction->setObjectName(QStringLiteral("actionViewSource"));
    m_sourceAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    connect(m_sourceAction, &QAction::triggered, this, &MessageView::viewSource);
    m_saveAction = new QAction(tr("&Save Message As…"), this);
    m_saveAction->setObjectName(QStringLiteral("actionSaveMessage"));
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, &MessageView::saveAsEml);

    if (writer)
        connect(writer, &Store::StoreWriter::messagesChanged, this, &MessageView::onChanged);
    clear();
}

MessageView::~MessageView() = default;

void MessageView::addHeaderActions(const QList<QAction *> &actions)
{
    for (QAction *action : actions) {
        auto *button = new QToolButton(m_header);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setAutoRaise(true);
        m_headerButtons->addWidget(button, 0, Qt::AlignTop);
    }
}

void MessageView::clear()
{
    m_summary = {};
    m_raw.clear();
    m_message = {};
    m_remoteBlocked = 0;
    m_browser->clearRemote();
    m_browser->clear();
    m_header->hide();
    m_remoteBar->hide();
    m_partialBar->hide();
    m_attachmentsBar->hide();
    m_sourceAction->setEnabled(false);
    m_saveAction->setEnabled(false);
}

void MessageView::showMessage(qint64 id)
{
    if (!m_reader || !m_reader->isOpen()) {
        clear();
        return;
    }
    auto summary = m_reader->message(id);
    auto raw = m_reader->rawMessage(id);
    if (!summary || !raw) {
        clear();
        m_browser->setPlainText(tr("This message could not be read from the local cache."));
        return;
    }
    Mime::Message message = Mime::MessageParser::parse(raw.value());
    display(summary.value(), std::move(raw.value()), std::move(message));
}

void MessageView::showRaw(const QByteArray &raw)
{
    Mime::Message message = Mime::MessageParser::parse(raw);
    // Only the header fields: Message::summary() would also reduce the whole body to text.
    Store::MessageSummary summary;
    summary.subject = message.subject;
    summary.from = Mime::Address::joined(message.from);
    summary.to = Mime::Address::joined(message.to);
    summary.cc = Mime::Address::joined(message.cc);
    summary.date = message.date;
    summary.size = raw.size();
    display(summary, raw, std::move(message));
}

void MessageView::display(const Store::MessageSummary &summary, QByteArray raw,
                          Mime::Message message)
{
    m_summary = summary;
    m_raw = std::move(raw);
    m_message = std::move(message);
    m_allowRemote = false;
    m_browser->clearRemote();

    m_subject->setText(m_summary.subject.isEmpty() ? tr("(no subject)") : m_summary.subject);
    m_from->setText(m_summary.from);
    m_to->setText(m_summary.to);
    m_cc->setText(m_summary.cc);
    m_date->setText(m_summary.date.isValid()
                        ? QLocale().toString(m_summary.date.toLocalTime(), QLocale::LongFormat)
                        : QString());
    if (auto *form = m_header->findChild<QFormLayout *>()) {
        form->setRowVisible(m_cc, !m_summary.cc.isEmpty());
        form->setRowVisible(m_date, m_summary.date.isValid());
    }
    m_header->show();
    m_partialBar->setVisible(m_summary.headersOnly);
    m_sourceAction->setEnabled(true);
    m_saveAction->setEnabled(true);
    rebuildAttachments();
    render();
}

void MessageView::render()
{
    if (m_raw.isEmpty())
        return;
    if (m_plainAction->isChecked() || !m_message.hasHtmlBody()) {
        const Mime::RenderResult rendered = m_plainAction->isChecked()
                                                ? Mime::RenderResult{}
                                                : Mime::MessageRenderer::render(m_message, {});
        if (m_plainAction->isChecked())
            m_browser->setPlainText(plainTextOf(m_message));
        else
            m_browser->setHtml(rendered.html);
        m_remoteBlocked = m_plainAction->isChecked() ? 0 : rendered.remoteBlocked;
    } else {
        Mime::MessageRenderer::Options options;
        options.allowRemote = m_allowRemote;
        const Mime::RenderResult rendered = Mime::MessageRenderer::render(m_message, options);
        m_browser->setRemoteAllowed(m_allowRemote);
        m_browser->setHtml(rendered.html);
        m_remoteBlocked = m_allowRemote ? 0 : rendered.remoteBlocked;
    }
    m_remoteLabel->setText(
        tr("%n remote image(s) blocked to protect your privacy.", nullptr, m_remoteBlocked));
    m_remoteBar->setVisible(m_remoteBlocked > 0);
}

void MessageView::loadRemoteContent()
{
    if (m_raw.isEmpty())
        return;
    m_allowRemote = true;
    render();
}

void MessageView::rebuildAttachments()
{
    while (QLayoutItem *item = m_attachmentsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    QList<int> shown;
    for (int i = 0; i < m_message.attachments.size(); ++i)
        if (!m_message.attachments.at(i).isInline)
            shown.append(i);
    m_attachmentsBar->setVisible(!shown.isEmpty());
    if (shown.isEmpty())
        return;
    // However many there are, the buttons scroll sideways instead of widening the pane.
    auto *scroll = new QScrollArea(m_attachmentsBar);
    scroll->setObjectName(QStringLiteral("attachmentButtons"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    auto *buttons = new QWidget(scroll);
    auto *row = new QHBoxLayout(buttons);
    row->setContentsMargins(0, 0, 0, 0);
    for (int i : std::as_const(shown)) {
        const Mime::Attachment &attachment = m_message.attachments.at(i);
        auto *button = new QToolButton(buttons);
        button->setObjectName(QStringLiteral("attachment%1").arg(i));
        button->setText(tr("%1 (%2)").arg(
            attachment.filename,
            QLocale().formattedDataSize(attachment.size, 1, QLocale::DataSizeTraditionalFormat)));
        button->setAccessibleName(tr("Attachment %1").arg(attachment.filename));
        button->setPopupMode(QToolButton::InstantPopup);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        auto *menu = new QMenu(button);
        menu->addAction(tr("&Open"), this, [this, i] { openAttachment(i); });
        menu->addAction(tr("&Save As…"), this, [this, i] { saveAttachment(i); });
        button->setMenu(menu);
        row->addWidget(button);
    }
    row->addStretch(1);
    scroll->setWidget(buttons);
    scroll->setMinimumWidth(0);
    scroll->setFixedHeight(buttons->sizeHint().height() +
                           scroll->horizontalScrollBar()->sizeHint().height());
    m_attachmentsLayout->addWidget(scroll, 1);
    auto *saveAll = new QPushButton(tr("Save &All…"), m_attachmentsBar);
    saveAll->setObjectName(QStringLiteral("saveAllAttachments"));
    connect(saveAll, &QPushButton::clicked, this, &MessageView::saveAllAttachments);
    m_attachmentsLayout->addWidget(saveAll);
}

void MessageView::openAttachment(int index)
{
    if (index < 0 || index >= m_message.attachments.size())
        return;
    const Mime::Attachment &attachment = m_message.attachments.at(index);
    if (FileNameSanitizer::isExecutable(attachment.filename)) {
        const auto answer = QMessageBox::warning(
            this, tr("Open Attachment"),
            tr("“%1” is a program or script. Opening it can run code on this computer. "
               "Open it only if you trust the sender and expected this file.")
                .arg(attachment.filename),
            QMessageBox::Open | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Open)
            return;
    }
    if (!m_openDir)
        m_openDir = std::make_unique<QTemporaryDir>();
    if (!m_openDir->isValid())
        return;
    const QString path = AttachmentSaver::targetPath(m_openDir->path(), attachment);
    const QString error = AttachmentSaver::writeFile(path, attachment.data);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Open Attachment"), error);
        return;
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

void MessageView::saveAttachment(int index)
{
    if (index < 0 || index >= m_message.attachments.size())
        return;
    const Mime::Attachment &attachment = m_message.attachments.at(index);
    const QString suggested = AttachmentSaver::targetPath(
        QStandardPaths::writableLocation(QStandardPaths::DownloadLocation), attachment);
    // The file dialog asks before replacing a file.
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Attachment"), suggested);
    if (path.isEmpty())
        return;
    const QString error = AttachmentSaver::writeFile(path, attachment.data);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Save Attachment"), error);
}

void MessageView::saveAllAttachments()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Save All Attachments"),
        QStandardPaths::writableLocation(QStandardPaths::DownloadLocation));
    if (folder.isEmpty())
        return;
    QList<Mime::Attachment> attachments;
    for (const Mime::Attachment &attachment : std::as_const(m_message.attachments))
        if (!attachment.isInline)
            attachments.append(attachment);
    const auto outcome = AttachmentSaver::save(folder, attachments, [this](const QString &path) {
        return QMessageBox::question(
                   this, tr("Replace File"),
                   tr("“%1” already exists. Replace it?").arg(QDir::toNativeSeparators(path))) ==
               QMessageBox::Yes;
    });
    if (!outcome.errors.isEmpty())
        QMessageBox::warning(this, tr("Save All Attachments"),
                             outcome.errors.join(QLatin1Char('\n')));
}

void MessageView::viewSource()
{
    if (m_raw.isEmpty())
        return;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("sourceDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Source of “%1”").arg(m_summary.subject));
    auto *text = new QPlainTextEdit(dialog);
    text->setObjectName(QStringLiteral("sourceText"));
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFont(QStringLiteral("monospace")));
    text->setPlainText(QString::fromUtf8(m_raw));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog->resize(800, 600);
    dialog->show();
}

void MessageView::saveAsEml()
{
    if (m_raw.isEmpty())
        return;
    const QString name =
        FileNameSanitizer::sanitize(m_summary.subject, tr("message")) + QStringLiteral(".eml");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Message"),
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name),
        tr("Email messages (*.eml)"));
    if (path.isEmpty())
        return;
    const QString error = AttachmentSaver::writeFile(path, m_raw);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Save Message"), error);
}

void MessageView::openLink(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
        scheme == QLatin1String("mailto"))
        QDesktopServices::openUrl(url);
}

void MessageView::onChanged(const QList<qint64> &ids)
{
    // A headers-only message that was downloaded in full while shown.
    if (m_summary.id != 0 && m_summary.headersOnly && ids.contains(m_summary.id)) {
        auto fresh = m_reader->message(m_summary.id);
        if (fresh && !fresh.value().headersOnly)
            showMessage(m_summary.id);
    }
}

} // namespace Poplar::Ui
