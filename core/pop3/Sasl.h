#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

namespace Poplar::Pop3 {

// The client side of the SASL mechanisms Poplar speaks (RFC 5034 AUTH), and APOP.
// Pure functions: each answer is computed from the challenge, nothing is remembered.
class Sasl
{
public:
    enum class Mechanism
    {
        None,
        Plain,
        Login,
        CramMd5,
        XOAuth2
    };

    static QByteArray name(Mechanism mechanism);
    static Mechanism fromName(const QByteArray &name);

    // The answer to the server's step-th challenge (0-based), both base64-decoded;
    // *ok is false when the mechanism has no answer for that step.
    static QByteArray respond(Mechanism mechanism, int step, const QByteArray &challenge,
                              const QString &user, const QString &secret, bool *ok);

    // RFC 1939 APOP digest: lower-case hex MD5 of the greeting's timestamp and the secret.
    static QByteArray apopDigest(const QByteArray &timestamp, const QString &secret);
    // The "<...>" timestamp in a greeting, empty when there is none.
    static QByteArray apopTimestamp(const QByteArray &greetingText);
};

} // namespace Poplar::Pop3
