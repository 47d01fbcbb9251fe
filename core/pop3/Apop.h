#pragma once

#include <QByteArray>
#include <QString>

namespace Poplar::Pop3 {

// RFC 1939 APOP, the POP3-only login by digest.
struct Apop
{
    // Lower-case hex MD5 of the greeting's timestamp and the secret.
    static QByteArray digest(const QByteArray &timestamp, const QString &secret);
    // The "<...>" timestamp in a greeting, empty when there is none.
    static QByteArray timestamp(const QByteArray &greetingText);
};

} // namespace Poplar::Pop3
