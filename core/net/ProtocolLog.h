#pragma once

#include <QByteArray>
#include <QString>

namespace Poplar::Net {

// How protocol lines appear in the debug log and in error details: never a credential, never
// raw control characters from a server.
struct ProtocolLog
{
    // "AUTH <mechanism> <initial response>" with the response replaced by "***"; any other
    // line unchanged. SASL continuation lines are logged as "***" by the caller.
    static QByteArray redactedAuth(const QByteArray &line);
    // At most 200 bytes of a server's words, control and non-ASCII bytes shown as '?'.
    static QString printable(const QByteArray &bytes);
};

} // namespace Poplar::Net
