#include "smtp/Capabilities.h"

namespace Poplar::Smtp {

Capabilities Capabilities::fromEhlo(const QByteArrayList &lines)
{
    Capabilities caps;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).simplified().toUpper();
        // "AUTH=PLAIN LOGIN" is how servers written for old clients announce it.
        const qsizetype split = line.indexOf(line.startsWith("AUTH=") ? '=' : ' ');
        const QByteArray keyword = split < 0 ? line : line.left(split);
        const QByteArrayList params = split < 0 ? QByteArrayList() : line.mid(split + 1).split(' ');
        if (keyword == "STARTTLS") {
            caps.m_startTls = true;
        } else if (keyword == "PIPELINING") {
            caps.m_pipelining = true;
        } else if (keyword == "CHUNKING") {
            caps.m_chunking = true;
        } else if (keyword == "8BITMIME") {
            caps.m_eightBitMime = true;
        } else if (keyword == "SMTPUTF8") {
            caps.m_smtpUtf8 = true;
        } else if (keyword == "ENHANCEDSTATUSCODES") {
            caps.m_enhancedStatusCodes = true;
        } else if (keyword == "SIZE") {
            caps.m_hasSize = true;
            bool ok = false;
            const qint64 limit = params.isEmpty() ? 0 : params.first().toLongLong(&ok);
            caps.m_sizeLimit = ok && limit > 0 ? limit : 0;
        } else if (keyword == "AUTH") {
            for (const QByteArray &mechanism : params) {
                if (!mechanism.isEmpty() && !caps.m_auth.contains(mechanism))
                    caps.m_auth.append(mechanism);
            }
        }
    }
    return caps;
}

} // namespace Poplar::Smtp
