#pragma once

// Test helpers for the GUI tests: a real store on a temporary file, filled with realistic
// messages parsed by Mime::MessageParser, and a SyncManager whose accounts point nowhere.

#include "mime/Address.h"
#include "mime/MessageParser.h"
#include "store/NewMessage.h"
#include "store/StoreWriter.h"
#include "sync/MessageIngest.h"
#include "sync/SyncManager.h"

#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QKeyEvent>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace MailFixture {

using namespace Poplar;

struct Attachment
{
    QByteArray filename; // as written in the header (may be hostile)
    QByteArray data;
    QByteArray type = "application/octet-stream";
};

struct Mail
{
    QString from = QStringLiteral("Alice Martin <alice@example.org>");
    QString to = QStringLiteral("Bob <bob@example.org>");
    QString cc;
    QString subject = QStringLiteral("Hello");
    QString body = QStringLiteral("Hello Bob,\nsee you tomorrow.\n");
    QString html; // when set, the message is multipart/alternative with this HTML
    QDateTime date = QDateTime(QDate(2026, 11, 2), QTime(10, 0), Qt::UTC);
    QList<Attachment> attachments;
};

inline QByteArray encodeWord(const QString &text)
{
    return "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
}

// RFC 5322 bytes with UTF-8 encoded words and base64 bodies.
inline QByteArray raw(const Mail &mail, const QByteArray &messageId)
{
    QByteArray out;
    out += "From: " + mail.from.toUtf8() + "\r\n";
    out += "To: " + mail.to.toUtf8() + "\r\n";
    if (!mail.cc.isEmpty())
        out += "Cc: " + mail.cc.toUtf8() + "\r\n";
    out += "Subject: " + encodeWord(mail.subject) + "\r\n";
    out += "Date: " + mail.date.toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    out += "Message-ID: <" + messageId + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    const auto textPart = [](const QByteArray &type, const QString &text) -> QByteArray {
        QByteArray part = "Content-Type: " + type + "; charset=UTF-8\r\n";
        part += "Content-Transfer-Encoding: base64\r\n\r\n";
        part += text.toUtf8().toBase64() + "\r\n";
        return part;
    };
    QByteArray body;
    if (mail.html.isEmpty()) {
        body = textPart("text/plain", mail.body);
    } else {
        body = "Content-Type: multipart/alternative; boundary=\"alt-b\"\r\n\r\n--alt-b\r\n";
        body += textPart("text/plain", mail.body);
        body += "--alt-b\r\n";
        body += textPart("text/html", mail.html);
        body += "--alt-b--\r\n";
    }
    if (!mail.attachments.isEmpty()) {
        QByteArray mixed =
            "Content-Type: multipart/mixed; boundary=\"mix-b\"\r\n\r\n--mix-b\r\n" + body;
        for (const Attachment &attachment : mail.attachments) {
            mixed += "--mix-b\r\nContent-Type: " + attachment.type +
                     "\r\nContent-Disposition: attachment; filename=\"" + attachment.filename +
                     "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
                     attachment.data.toBase64() + "\r\n";
        }
        body = mixed + "--mix-b--\r\n";
    }
    return out + body;
}

// The message as sync would hand it to the store.
inline Store::NewMessage newMessage(const QString &account, const QString &uidl,
                                    const QByteArray &bytes)
{
    return Sync::MessageIngest::prepare(account, uidl, bytes, -1, false, QDateTime());
}

// A store on a temporary file with its writer open.
class TestStore
{
public:
    TestStore()
    {
        m_writer = std::make_unique<Store::StoreWriter>(path());
        if (!m_writer->isOpen()) {
            QSignalSpy opened(m_writer.get(), &Store::StoreWriter::opened);
            opened.wait(10000);
        }
    }

    QString path() const { return m_dir.filePath(QStringLiteral("mail.sqlite")); }
    QString settingsPath() const { return m_dir.filePath(QStringLiteral("poplar.ini")); }
    Store::StoreWriter *writer() const { return m_writer.get(); }

    // Submits a batch and waits until it is committed; the result's operations give the ids.
    Store::BatchResult apply(Store::WriteBatch batch)
    {
        QSignalSpy finished(m_writer.get(), &Store::StoreWriter::batchFinished);
        const quint64 ticket = m_writer->submit(std::move(batch));
        for (int tries = 0; tries < 100; ++tries) {
            for (const QList<QVariant> &arguments : std::as_const(finished)) {
                const auto result = arguments.at(0).value<Store::BatchResult>();
                if (result.ticket == ticket)
                    return result;
            }
            finished.wait(100);
        }
        return {};
    }

    QList<qint64> insert(const QString &account, const QList<Mail> &mails)
    {
        Store::WriteBatch batch;
        for (const Mail &mail : mails) {
            const QByteArray uidl = "u" + QByteArray::number(++m_counter);
            batch.insertMessage(
                newMessage(account, QString::fromLatin1(uidl), raw(mail, uidl + "@example.org")));
        }
        QList<qint64> ids;
        for (const auto &operation : apply(std::move(batch)).operations)
            ids.append(operation.id);
        return ids;
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store::StoreWriter> m_writer;
    int m_counter = 0;
};

// Puts 8 KB that are not a database where the store file at path (and its WAL) was: what a
// damaged disk or another program could leave.
inline bool replaceWithJunk(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1StringView(suffix));
    QFile junk(path);
    return junk.open(QIODevice::WriteOnly) && junk.write(QByteArray(8192, 'x')) == 8192;
}

// Types `text` into the widget as the keyboard and an input method would, one character at a
// time; unlike QTest::keyClicks, also what has no key (CJK).
inline void type(QWidget *widget, const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\n') {
            QTest::keyClick(widget, Qt::Key_Return);
        } else if (c.unicode() >= 0x20 && c.unicode() < 0x7f) {
            QTest::keyClick(widget, char(c.unicode()));
        } else {
            const qsizetype length = c.isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
            const QString character = text.mid(i, length);
            i += length - 1;
            QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, character);
            QApplication::sendEvent(widget, &press);
            QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, character);
            QApplication::sendEvent(widget, &release);
        }
    }
}

inline Sync::SyncAccount account(const QString &id, const QString &name)
{
    Sync::SyncAccount account;
    account.id = id;
    account.name = name;
    account.server.host = QStringLiteral("127.0.0.1");
    account.server.port = 1; // nothing listens: no test here syncs
    account.server.username = QStringLiteral("user");
    return account;
}

} // namespace MailFixture
