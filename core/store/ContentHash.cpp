#include "store/ContentHash.h"

#include <QCryptographicHash>

namespace Poplar::Store {

QByteArray ContentHash::of(QByteArrayView raw)
{
    // BLAKE2b rather than SHA-256: Qt's SHA-256 runs at about 100 MB/s here against 490 MB/s,
    // and every downloaded byte goes through this.
    QCryptographicHash hash(QCryptographicHash::Blake2b_256);
    QByteArrayView body = raw.sliced(bodyStart(raw));
    while (!body.isEmpty()) {
        const qsizetype cr = body.indexOf('\r');
        hash.addData(body.first(cr < 0 ? body.size() : cr));
        body = cr < 0 ? QByteArrayView() : body.sliced(cr + 1);
    }
    return hash.result();
}

qsizetype ContentHash::bodyStart(QByteArrayView raw)
{
    if (raw.startsWith('\n'))
        return 1;
    if (raw.startsWith("\r\n"))
        return 2;
    // Scans line by line up to the first empty line only; a search for "\n\n" alone would read
    // the whole of a CRLF message.
    for (qsizetype lf = raw.indexOf('\n'); lf >= 0; lf = raw.indexOf('\n', lf + 1)) {
        if (lf + 1 < raw.size() && raw.at(lf + 1) == '\n')
            return lf + 2;
        if (lf + 2 < raw.size() && raw.at(lf + 1) == '\r' && raw.at(lf + 2) == '\n')
            return lf + 3;
    }
    return raw.size();
}

} // namespace Poplar::Store
