#include "pop3/Apop.h"

#include <QCryptographicHash>

namespace Poplar::Pop3 {

QByteArray Apop::digest(const QByteArray &timestamp, const QString &secret)
{
    return QCryptographicHash::hash(QByteArray(timestamp + secret.toUtf8()),
                                    QCryptographicHash::Md5)
        .toHex();
}

QByteArray Apop::timestamp(const QByteArray &greetingText)
{
    const qsizetype open = greetingText.indexOf('<');
    if (open < 0)
        return QByteArray();
    const qsizetype close = greetingText.indexOf('>', open);
    if (close < 0)
        return QByteArray();
    const QByteArray stamp = greetingText.mid(open, close - open + 1);
    // A msg-id style timestamp has an '@' and no spaces.
    if (!stamp.contains('@') || stamp.contains(' '))
        return QByteArray();
    return stamp;
}

} // namespace Poplar::Pop3
