#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

namespace Poplar::Net {

// The client side of the SASL mechanisms Poplar speaks, shared by POP3 AUTH (RFC 5034) and
// SMTP AUTH (RFC 4954). Pure functions: each answer is computed from the challenge, nothing is
// remembered.
class Sasl
{
public:
    enum class Mechanism
    {
        None,
        Plain,
        Login,
        CramMd5,
        XOAuth2,
        OAuthBearer // RFC 7628
    };

    static QByteArray name(Mechanism mechanism);
    static Mechanism fromName(const QByteArray &name);

    // The answer to the server's step-th challenge (0-based), both base64-decoded;
    // *ok is false when the mechanism has no answer for that step.
    static QByteArray respond(Mechanism mechanism, int step, const QByteArray &challenge,
                              const QString &user, const QString &secret, bool *ok);
};

} // namespace Poplar::Net
