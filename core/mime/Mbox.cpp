#include "mime/Mbox.h"

#include <QLocale>

namespace Poplar::Mime {

namespace {

// ">*From " at the start of a line.
bool isFromLine(QByteArrayView line)
{
    qsizetype i = 0;
    while (i < line.size() && line.at(i) == '>')
        ++i;
    return line.sliced(i).startsWith("From ");
}

} // namespace

QByteArray Mbox::entry(const QByteArray &message, const QByteArray &envelopeSender,
                       const QDateTime &date)
{
    // asctime form, always in English and UTC: "Sun Nov 22 09:00:00 2026".
    const QDateTime utc = (date.isValid() ? date : QDateTime::fromSecsSinceEpoch(0)).toUTC();
    const QString when = QLocale::c().toString(utc, QStringLiteral("ddd MMM d HH:mm:ss yyyy"));
    QByteArray out = "From " +
                     (envelopeSender.isEmpty() ? QByteArray("MAILER-DAEMON") : envelopeSender) +
                     ' ' + when.toLatin1() + '\n';
    out.reserve(out.size() + message.size() + message.size() / 40 + 2);
    qsizetype start = 0;
    while (start < message.size()) {
        qsizetype end = message.indexOf('\n', start);
        if (end < 0)
            end = message.size();
        QByteArrayView line = QByteArrayView(message).sliced(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        if (isFromLine(line))
            out += '>';
        out += line;
        out += '\n';
        start = end + 1;
    }
    out += '\n';
    return out;
}

QList<QByteArray> Mbox::split(const QByteArray &mbox)
{
    QList<QByteArray> messages;
    QByteArray current;
    bool inMessage = false;
    bool previousBlank = true;
    qsizetype start = 0;
    const auto finish = [&] {
        if (!inMessage)
            return;
        if (current.endsWith("\n\n"))
            current.chop(1); // the separator's empty line is not part of the message
        messages.append(current);
        current.clear();
    };
    while (start < mbox.size()) {
        qsizetype end = mbox.indexOf('\n', start);
        if (end < 0)
            end = mbox.size();
        QByteArrayView line = QByteArrayView(mbox).sliced(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.startsWith("From ") && previousBlank) {
            finish();
            inMessage = true;
        } else if (inMessage) {
            if (isFromLine(line) && line.startsWith('>'))
                line = line.sliced(1); // mboxrd: one level of quoting comes off
            current += line;
            current += '\n';
        }
        previousBlank = line.isEmpty();
        start = end + 1;
    }
    finish();
    return messages;
}

} // namespace Poplar::Mime
