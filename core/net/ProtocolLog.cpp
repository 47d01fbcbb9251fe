#include "net/ProtocolLog.h"

#include <QByteArrayList>

namespace Poplar::Net {

QByteArray ProtocolLog::redactedAuth(const QByteArray &line)
{
    if (!line.left(5).toUpper().startsWith("AUTH"))
        return line;
    const QByteArrayList words = line.split(' ');
    return words.size() > 2 ? words.at(0) + ' ' + words.at(1) + " ***" : line;
}

QString ProtocolLog::printable(const QByteArray &bytes)
{
    QString s = QString::fromLatin1(bytes.left(200));
    for (QChar &c : s) {
        if (c.unicode() < 0x20 || c.unicode() >= 0x7f)
            c = u'?';
    }
    return s;
}

} // namespace Poplar::Net
