#pragma once

#include <QByteArrayList>

namespace Poplar::Smtp {

// What a server's EHLO reply offers (RFC 5321 4.1.1.1; the extensions Poplar uses).
class Capabilities
{
public:
    // The reply's lines; the first is the server's greeting name, not an extension.
    static Capabilities fromEhlo(const QByteArrayList &lines);

    bool startTls() const { return m_startTls; }
    bool pipelining() const { return m_pipelining; }
    bool chunking() const { return m_chunking; } // BDAT, RFC 3030
    bool eightBitMime() const { return m_eightBitMime; }
    bool smtpUtf8() const { return m_smtpUtf8; }
    bool enhancedStatusCodes() const { return m_enhancedStatusCodes; }
    bool hasSize() const { return m_hasSize; }
    // The SIZE limit in bytes; 0 when the server announces SIZE without a limit.
    qint64 sizeLimit() const { return m_sizeLimit; }
    // Upper case SASL mechanism names; empty when AUTH is not offered.
    const QByteArrayList &authMechanisms() const { return m_auth; }

private:
    bool m_startTls = false;
    bool m_pipelining = false;
    bool m_chunking = false;
    bool m_eightBitMime = false;
    bool m_smtpUtf8 = false;
    bool m_enhancedStatusCodes = false;
    bool m_hasSize = false;
    qint64 m_sizeLimit = 0;
    QByteArrayList m_auth;
};

} // namespace Poplar::Smtp
