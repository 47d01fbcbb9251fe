#include "net/Sasl.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace Poplar::Net {

QByteArray Sasl::name(Mechanism mechanism)
{
    switch (mechanism) {
    case Mechanism::Plain:
        return "PLAIN";
    case Mechanism::Login:
        return "LOGIN";
    case Mechanism::CramMd5:
        return "CRAM-MD5";
    case Mechanism::XOAuth2:
        return "XOAUTH2";
    case Mechanism::OAuthBearer:
        return "OAUTHBEARER";
    case Mechanism::None:
        break;
    }
    return QByteArray();
}

Sasl::Mechanism Sasl::fromName(const QByteArray &name)
{
    const QByteArray upper = name.toUpper();
    for (Mechanism m : {Mechanism::Plain, Mechanism::Login, Mechanism::CramMd5, Mechanism::XOAuth2,
                        Mechanism::OAuthBearer}) {
        if (Sasl::name(m) == upper)
            return m;
    }
    return Mechanism::None;
}

QByteArray Sasl::respond(Mechanism mechanism, int step, const QByteArray &challenge,
                         const QString &user, const QString &secret, bool *ok)
{
    *ok = true;
    const QByteArray userUtf8 = user.toUtf8();
    const QByteArray secretUtf8 = secret.toUtf8();
    switch (mechanism) {
    case Mechanism::Plain:
        // RFC 4616: authzid NUL authcid NUL passwd, with an empty authzid.
        if (step == 0)
            return '\0' + userUtf8 + '\0' + secretUtf8;
        break;
    case Mechanism::Login:
        if (step == 0)
            return userUtf8;
        if (step == 1)
            return secretUtf8;
        break;
    case Mechanism::CramMd5:
        // RFC 2195: user SP hex(HMAC-MD5(secret, challenge)).
        if (step == 0) {
            const QByteArray mac =
                QMessageAuthenticationCode::hash(challenge, secretUtf8, QCryptographicHash::Md5);
            return userUtf8 + ' ' + mac.toHex();
        }
        break;
    case Mechanism::XOAuth2:
        if (step == 0)
            return "user=" + userUtf8 + "\x01" + "auth=Bearer " + secretUtf8 + "\x01\x01";
        // A second challenge carries the server's error details: answer empty, the server
        // then ends with -ERR.
        if (step == 1)
            return QByteArray();
        break;
    case Mechanism::OAuthBearer:
        // RFC 7628: a GS2 header naming the user, then the token as key=value pairs.
        if (step == 0)
            return "n,a=" + userUtf8 +
                   ",\x01"
                   "auth=Bearer " +
                   secretUtf8 + "\x01\x01";
        // The server's error report: RFC 7628 3.2.3 asks for a dummy "\x01" in answer.
        if (step == 1)
            return QByteArray("\x01");
        break;
    case Mechanism::None:
        break;
    }
    *ok = false;
    return QByteArray();
}

} // namespace Poplar::Net
