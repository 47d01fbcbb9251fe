#include "mime/MessageIds.h"

namespace Poplar::Mime {

QStringList MessageIds::parse(QByteArrayView raw)
{
    QStringList ids;
    const bool bracketed = raw.contains('<');
    qsizetype i = 0;
    const qsizetype n = raw.size();
    while (i < n && ids.size() < 1000) {
        QByteArray id;
        if (bracketed) {
            const qsizetype open = raw.indexOf('<', i);
            if (open < 0)
                break;
            qsizetype close = raw.indexOf('>', open + 1);
            const qsizetype nextOpen = raw.indexOf('<', open + 1);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close))
                close = nextOpen < 0 ? n : nextOpen;
            id = raw.sliced(open + 1, close - open - 1).toByteArray();
            i = close;
        } else {
            while (i < n && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == ','))
                ++i;
            const qsizetype start = i;
            while (i < n && raw[i] != ' ' && raw[i] != '\t' && raw[i] != ',')
                ++i;
            id = raw.sliced(start, i - start).toByteArray();
            if (!id.contains('@'))
                id.clear(); // words of a phrase, not an id
        }
        // Whitespace inside an id is folding damage.
        id = id.simplified().replace(' ', "");
        const QString text = QString::fromUtf8(id);
        if (!text.isEmpty() && !ids.contains(text))
            ids.append(text);
    }
    return ids;
}

QString MessageIds::parseOne(QByteArrayView raw)
{
    const QStringList ids = parse(raw);
    return ids.isEmpty() ? QString() : ids.first();
}

} // namespace Poplar::Mime
